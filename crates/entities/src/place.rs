//! China's administrative divisions (NBS codes) and place-name recognition.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

use crate::error::Result;
use crate::lexicon;
use crate::tables::{Table, Tables};
use crate::text::{char_at, char_before, is_cjk};
use crate::types::PlaceLevel;

const DIVISIONS_TSV: &str = include_str!("../data/divisions.tsv");

/// One administrative division.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Division {
    /// The six-digit statistical code (`140100`).
    pub code: &'static str,
    /// The official name (`太原市`).
    pub name: &'static str,
    /// The level.
    pub level: PlaceLevel,
    /// The code of the division it belongs to; `None` for a province.
    pub parent: Option<&'static str>,
    /// Short forms (`太原`), generated from the name; may be shared with other divisions.
    pub short: Vec<&'static str>,
}

impl Division {
    /// The code prefix shared by everything inside this division (`14` for 山西省,
    /// `1401` for 太原市, the whole code for a county).
    pub fn prefix(&self) -> &'static str {
        let n = match self.level {
            PlaceLevel::Province => 2,
            PlaceLevel::City => 4,
            _ => self.code.len(),
        };
        self.code.get(..n).unwrap_or(self.code)
    }

    /// Whether `other` lies inside this division (or is it).
    pub fn contains(&self, other: &Division) -> bool {
        other.code.starts_with(self.prefix())
    }
}

/// The division table: names, short forms and codes of China's provinces, prefecture-level
/// cities and counties (districts, county-level cities, banners), from the NBS statistical
/// codes shipped in `data/divisions.tsv`.
///
/// ```
/// use zhengling_entities::{Divisions, PlaceLevel};
/// let d = Divisions::load()?;
/// let taiyuan = d.resolve("太原", None).unwrap();
/// assert_eq!((taiyuan.name, taiyuan.code, taiyuan.level), ("太原市", "140100", PlaceLevel::City));
/// // 大同 is 大同市 (Shanxi) and 大同区 (Heilongjiang): the region decides, else the higher level
/// assert_eq!(d.resolve("大同", Some("黑龙江")).unwrap().code, "230606");
/// assert_eq!(d.resolve("大同", None).unwrap().code, "140200");
/// assert_eq!(d.parent(d.by_code("140702").unwrap()).unwrap().name, "晋中市");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// The table is parsed once per process; every [`Divisions::load`] after the first and
/// every clone share it.
#[derive(Debug, Clone)]
pub struct Divisions {
    list: Arc<[Division]>,
    by_code: Arc<HashMap<&'static str, usize>>,
    by_name: Arc<HashMap<&'static str, Vec<(usize, bool)>>>,
}

static SHARED: OnceLock<Divisions> = OnceLock::new();

fn level_of(s: &str) -> Option<PlaceLevel> {
    match s {
        "province" => Some(PlaceLevel::Province),
        "city" => Some(PlaceLevel::City),
        "county" => Some(PlaceLevel::County),
        "township" => Some(PlaceLevel::Township),
        _ => None,
    }
}

impl Divisions {
    /// The embedded table, parsed on first use.
    ///
    /// # Errors
    /// When the embedded table is malformed (a build defect, tested).
    pub fn load() -> Result<Self> {
        if let Some(d) = SHARED.get() {
            return Ok(d.clone());
        }
        let d = Self::parse()?;
        Ok(SHARED.get_or_init(|| d).clone())
    }

    fn parse() -> Result<Self> {
        let mut list = Vec::with_capacity(3300);
        for row in zhengling_tables::Table::embedded("divisions.tsv", DIVISIONS_TSV).rows(3, 4)? {
            let (code, name) = (row.get(0), row.get(2));
            let level = level_of(row.get(1)).ok_or_else(|| row.error("unknown division level"))?;
            if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(row.error("a division code has six digits"));
            }
            let short = row
                .opt(3)
                .map(|s| s.split(',').map(str::trim).filter(|s| !s.is_empty()).collect())
                .unwrap_or_default();
            list.push(Division { code, name, level, parent: None, short });
        }
        let by_code: HashMap<&'static str, usize> =
            list.iter().enumerate().map(|(i, d)| (d.code, i)).collect();
        for d in &mut list {
            d.parent = parent_code(d.code, d.level, &by_code);
        }
        let mut by_name: HashMap<&'static str, Vec<(usize, bool)>> = HashMap::new();
        for (i, d) in list.iter().enumerate() {
            by_name.entry(d.name).or_default().push((i, false));
            for s in &d.short {
                by_name.entry(s).or_default().push((i, true));
            }
        }
        Ok(Divisions { list: list.into(), by_code: Arc::new(by_code), by_name: Arc::new(by_name) })
    }

    /// How many divisions the table holds.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether the table is empty (never, for the embedded one).
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// All divisions, provinces first, in code order.
    pub fn iter(&self) -> impl Iterator<Item = &Division> {
        self.list.iter()
    }

    /// The division with this six-digit code.
    pub fn by_code(&self, code: &str) -> Option<&Division> {
        self.by_code.get(code).and_then(|&i| self.list.get(i))
    }

    /// Every division whose official name or short form is `name` (`大同` gives 大同市 and 大同区).
    pub fn lookup(&self, name: &str) -> Vec<&Division> {
        self.by_name
            .get(name)
            .map(|v| v.iter().filter_map(|&(i, _)| self.list.get(i)).collect())
            .unwrap_or_default()
    }

    /// The division a name most likely means: inside `region` (a division name or short form)
    /// when given, else the one of the highest level; `None` when unknown or still ambiguous.
    pub fn resolve(&self, name: &str, region: Option<&str>) -> Option<&Division> {
        let cands = self.candidates(name);
        let region = region.and_then(|r| self.resolve(r, None));
        self.pick(&cands, region, &Evidence::default()).map(|(i, _)| &self.list[i])
    }

    /// The division `d` belongs to.
    pub fn parent(&self, d: &Division) -> Option<&Division> {
        d.parent.and_then(|c| self.by_code(c))
    }

    /// The province `d` lies in (itself for a province).
    pub fn province(&self, d: &Division) -> Option<&Division> {
        let code = format!("{}0000", d.code.get(..2)?);
        self.by_code(&code)
    }

    pub(crate) fn get(&self, i: usize) -> Option<&Division> {
        self.list.get(i)
    }

    /// Candidate indices for a name; full-name matches first.
    pub(crate) fn candidates(&self, name: &str) -> Vec<(usize, bool)> {
        let mut v = self.by_name.get(name).cloned().unwrap_or_default();
        if v.iter().any(|&(_, short)| !short) {
            v.retain(|&(_, short)| !short);
        }
        v
    }

    /// Picks one candidate using the region and the evidence; `None` when ambiguous.
    pub(crate) fn pick(
        &self,
        cands: &[(usize, bool)],
        region: Option<&Division>,
        ev: &Evidence,
    ) -> Option<(usize, bool)> {
        if cands.is_empty() {
            return None;
        }
        let mut pool: Vec<(usize, bool)> = cands.to_vec();
        if let Some(r) = region {
            let inside: Vec<_> = pool
                .iter()
                .copied()
                .filter(|&(i, _)| r.contains(&self.list[i]) || self.list[i].contains(r))
                .collect();
            if !inside.is_empty() {
                pool = inside;
            }
        }
        if pool.len() > 1 && !ev.is_empty() {
            let best = pool.iter().map(|&(i, _)| ev.score(&self.list[i])).max().unwrap_or(0);
            if best > 0 {
                pool.retain(|&(i, _)| ev.score(&self.list[i]) == best);
            }
        }
        if pool.len() > 1 {
            let top = pool.iter().map(|&(i, _)| self.list[i].level.rank()).min().unwrap_or(9);
            pool.retain(|&(i, _)| self.list[i].level.rank() == top);
        }
        (pool.len() == 1).then(|| pool[0])
    }
}

fn parent_code(
    code: &'static str,
    level: PlaceLevel,
    by_code: &HashMap<&'static str, usize>,
) -> Option<&'static str> {
    let province =
        by_code.get_key_value(format!("{}0000", code.get(..2)?).as_str()).map(|(k, _)| *k);
    match level {
        PlaceLevel::Province | PlaceLevel::Country => None,
        PlaceLevel::City => province,
        _ => by_code
            .get_key_value(format!("{}00", code.get(..4)?).as_str())
            .map(|(k, _)| *k)
            .filter(|k| *k != code)
            .or(province),
    }
}

/// Which provinces and cities a scope (paragraph or page) is about.
#[derive(Debug, Clone, Default)]
pub(crate) struct Evidence {
    provinces: HashMap<&'static str, usize>,
    cities: HashMap<&'static str, usize>,
}

impl Evidence {
    pub(crate) fn is_empty(&self) -> bool {
        self.provinces.is_empty() && self.cities.is_empty()
    }

    pub(crate) fn add(&mut self, d: &Division) {
        let code: &'static str = d.code;
        if let Some(p) = code.get(..2) {
            *self.provinces.entry(p).or_default() += 1;
        }
        if d.level != PlaceLevel::Province
            && let Some(c) = code.get(..4)
        {
            *self.cities.entry(c).or_default() += 1;
        }
    }

    /// 0 when nothing in the scope points at `d`'s province; higher for its city.
    pub(crate) fn score(&self, d: &Division) -> usize {
        let p = d.code.get(..2).and_then(|p| self.provinces.get(p)).copied().unwrap_or(0);
        let c = d.code.get(..4).and_then(|c| self.cities.get(c)).copied().unwrap_or(0);
        if p == 0 { 0 } else { 1 + usize::from(c > 0) }
    }
}

/// A place name found in a text, before resolution.
#[derive(Debug, Clone)]
pub(crate) struct PlaceHit {
    pub start: usize,
    pub end: usize,
    pub cands: Vec<(usize, bool)>,
    /// A short county name or a two-character county name: needs the scope's evidence.
    pub weak: bool,
}

/// Finds place names.
#[derive(Debug, Clone)]
pub(crate) struct PlaceFinder {
    pub divisions: Divisions,
    /// Names first, then blocker words (`大同小异`): a blocker that wins the leftmost-longest
    /// match hides the names inside it. Searched with the other families (`lexicon::Families`).
    pub patterns: Vec<String>,
    names: Vec<&'static str>,
}

impl PlaceFinder {
    pub(crate) fn build(t: &Tables) -> Result<Self> {
        let divisions = Divisions::load()?;
        let stop: HashSet<String> = t.table(Table::PlaceStop).words().into_iter().collect();
        let mut names: Vec<&'static str> = divisions
            .by_name
            .keys()
            .copied()
            .filter(|n| !stop.contains(*n) && n.chars().count() >= 2)
            .collect();
        names.sort_unstable();
        let blockers = t.table(Table::PlaceBlockers).words();
        let patterns = names.iter().map(|n| (*n).to_owned()).chain(blockers).collect();
        Ok(PlaceFinder { divisions, patterns, names })
    }

    /// Every place name in `text`, unresolved (builds a one-off automaton: for tests).
    #[cfg(test)]
    pub(crate) fn find(&self, text: &str) -> Vec<PlaceHit> {
        let f = lexicon::Families::build("place", &[&self.patterns], false)
            .unwrap_or_else(|e| panic!("{e}"));
        self.among_hits(&f.scan(text)[0])
    }

    /// The place names among this family's matches, unresolved.
    pub(crate) fn among_hits(&self, found: &[lexicon::Hit]) -> Vec<PlaceHit> {
        let mut hits = Vec::new();
        for &(start, end, id) in found {
            // blocker words come after the names
            let Some(name) = self.names.get(id) else { continue };
            let cands = self.divisions.candidates(name);
            if cands.is_empty() {
                continue;
            }
            let all_county = cands.iter().all(|&(i, _)| {
                self.divisions.get(i).is_some_and(|d| d.level == PlaceLevel::County)
            });
            let short = cands.iter().all(|&(_, s)| s);
            let weak = all_county && (short || name.chars().count() <= 2);
            hits.push(PlaceHit { start, end, cands, weak });
        }
        hits
    }
}

/// Whether a weak place name stands on its own (followed by a list mark or non-CJK).
pub(crate) fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let after = char_at(text, end);
    let before = char_before(text, start);
    let sep = |c: Option<char>| {
        c.is_none_or(|c| !is_cjk(c) || matches!(c, '、' | '等' | '和' | '与' | '及'))
    };
    sep(after) && sep(before)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_loads_with_parents() {
        let d = Divisions::load().unwrap();
        assert!(d.len() > 3000);
        let yuci = d.by_code("140702").unwrap();
        assert_eq!(yuci.name, "榆次区");
        assert_eq!(yuci.short, vec!["榆次"]);
        assert_eq!(yuci.parent, Some("140700"));
        assert_eq!(d.province(yuci).unwrap().name, "山西省");
        // a municipality's district belongs to the municipality
        assert_eq!(d.by_code("110105").unwrap().parent, Some("110000"));
        assert_eq!(d.by_code("140000").unwrap().parent, None);
        // parsed once: a second load shares the first one's table
        let again = Divisions::load().unwrap();
        assert!(Arc::ptr_eq(&d.list, &again.list) && Arc::ptr_eq(&d.by_name, &again.by_name));
    }

    #[test]
    fn short_forms_resolve() {
        let d = Divisions::load().unwrap();
        assert_eq!(d.resolve("内蒙古", None).unwrap().code, "150000");
        assert_eq!(d.resolve("宁夏", None).unwrap().code, "640000");
        assert_eq!(d.resolve("屯留区", None).unwrap().code, "140405");
        assert_eq!(d.resolve("稷山", None).unwrap().code, "140824");
        assert_eq!(d.resolve("山西省", None).unwrap().level, PlaceLevel::Province);
        // 朝阳区 is in Beijing and in Changchun: ambiguous without a region
        assert!(d.resolve("朝阳区", None).is_none());
        assert_eq!(d.resolve("朝阳区", Some("北京")).unwrap().code, "110105");
        assert_eq!(d.resolve("朝阳区", Some("长春市")).unwrap().parent, Some("220100"));
    }

    #[test]
    fn finder_respects_blockers_and_stop_words() {
        let f = PlaceFinder::build(&Tables::default()).unwrap();
        let t = "两地做法大同小异，城区道路畅通";
        assert!(f.find(t).is_empty());
        let t = "经停太原入境";
        let hits = f.find(t);
        assert_eq!(hits.len(), 1);
        assert_eq!(&t[hits[0].start..hits[0].end], "太原");
        assert!(!hits[0].weak);
        let hits = f.find("高效处置榆次、稷山等地疫情");
        assert!(hits.iter().all(|h| h.weak));
        assert_eq!(hits.len(), 2);
    }
}
