//! Organizations: a region prefix, a body and a suffix (`山西省` `疫情防控工作` `领导小组办公室`),
//! known names (`国务院`), and short forms the text defines (`(以下简称“省疫情防控办”)`).

use std::collections::HashSet;

use crate::error::Result;
use crate::lexicon;
use crate::place::PlaceHit;
use crate::tables::{Table, Tables};
use crate::text::{char_at, char_before, has_at, is_cjk, prev_pos};

/// The longest body (characters between prefix and suffix) an organization name may have.
const MAX_BODY_CHARS: usize = 14;
/// The longest body before a one-character suffix (`局`, `厅`, `委`).
const MAX_BODY_SHORT_SUFFIX: usize = 10;
/// The longest body before a suffix that stands alone after a region (`政府`, `法院`).
const MAX_BODY_BARE: usize = 6;

#[derive(Debug, Clone)]
struct Suffix {
    full: Option<String>,
    bare: bool,
    chars: usize,
}

/// An organization found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OrgHit {
    pub start: usize,
    pub end: usize,
    pub full: Option<String>,
    pub short: Option<String>,
}

/// Recognizes organizations.
#[derive(Debug, Clone)]
pub(crate) struct OrgFinder {
    /// Suffixes, then known names, then blocker words (one family of `lexicon::Families`).
    pub patterns: Vec<String>,
    suffixes: Vec<Suffix>,
    prefix_words: Vec<String>,
    prefix_heads: HashSet<char>,
    prefix_chars: HashSet<char>,
    known_full: Vec<Option<String>>,
    function_chars: HashSet<char>,
    marker_words: crate::text::WordList,
}

impl OrgFinder {
    pub(crate) fn build(t: &Tables) -> Result<Self> {
        let mut pats = Vec::new();
        let mut suffixes = Vec::new();
        for row in t.table(Table::OrgSuffixes).rows(1, 3)? {
            let s = row.get(0);
            let bare = match row.get(2) {
                "bare" => true,
                "body" | "" => false,
                _ => return Err(row.error("unknown suffix kind (bare or body)")),
            };
            pats.push(s.to_owned());
            suffixes.push(Suffix {
                full: row.opt(1).map(str::to_owned),
                bare,
                chars: s.chars().count(),
            });
        }
        let mut prefix_words = Vec::new();
        let mut prefix_chars = HashSet::new();
        for w in t.table(Table::OrgPrefixes).words() {
            let mut cs = w.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => {
                    prefix_chars.insert(c);
                }
                _ => prefix_words.push(w),
            }
        }
        let mut known = Vec::new();
        let mut known_full = Vec::new();
        for row in t.table(Table::OrgKnown).rows(1, 2)? {
            known.push(row.get(0).to_owned());
            known_full.push(row.opt(1).map(str::to_owned));
        }
        let blockers = t.table(Table::OrgBlockers).words();
        let patterns = pats.into_iter().chain(known).chain(blockers).collect();
        Ok(OrgFinder {
            patterns,
            suffixes,
            prefix_heads: prefix_words.iter().filter_map(|w| w.chars().next()).collect(),
            prefix_words,
            prefix_chars,
            known_full,
            function_chars: lexicon::char_set(&t.table(Table::FunctionChars)),
            marker_words: crate::text::WordList::new(t.table(Table::OrgMarkerWords).words()),
        })
    }

    fn stops(&self, c: char) -> bool {
        !is_cjk(c) || self.function_chars.contains(&c)
    }

    /// Organizations in `text`, in order, not overlapping; `places` are the place names found.
    #[cfg(test)]
    pub(crate) fn find(&self, text: &str, places: &[PlaceHit]) -> Vec<OrgHit> {
        let f = lexicon::Families::build("organization", &[&self.patterns], false)
            .unwrap_or_else(|e| panic!("{e}"));
        self.among_hits(text, &f.scan(text)[0], places)
    }

    /// Organizations from this family's matches in `text`; `places` are the place names found.
    pub(crate) fn among_hits(
        &self,
        text: &str,
        hits: &[lexicon::Hit],
        places: &[PlaceHit],
    ) -> Vec<OrgHit> {
        let mut out: Vec<OrgHit> = Vec::new();
        let ns = self.suffixes.len();
        let nk = self.known_full.len();
        for &(s, e, id) in hits {
            if id >= ns + nk {
                // a blocker word (部门, 办理, 院内) hides the suffix inside it
                continue;
            }
            if id >= ns {
                let full = self.known_full.get(id - ns).cloned().flatten();
                out.push(OrgHit { start: s, end: e, full, short: None });
                continue;
            }
            let Some(suffix) = self.suffixes.get(id) else { continue };
            let floor = out.last().map_or(0, |o| o.end);
            if let Some(hit) = self.assemble(text, s, e, floor, suffix, places) {
                out.push(hit);
            } else if let Some(prev) = out.last_mut().filter(|o| o.end == s && suffix.chars > 1) {
                // a suffix glued to the previous organization extends it (中共山西省委宣传部)
                prev.end = e;
                prev.full = None;
            }
        }
        out
    }

    /// Whether the level marker at `pos` is part of a common word (`区域`, `城市`, `全省`).
    fn in_marker_word(&self, text: &str, pos: usize) -> bool {
        let from = crate::text::prev_pos(text, pos);
        let covers = |at: usize| self.marker_words.at(text, at).is_some_and(|w| at + w.len() > pos);
        covers(pos) || (from < pos && covers(from))
    }

    /// The organization ending with the suffix at `s..e`, if a prefix starts it.
    fn assemble(
        &self,
        text: &str,
        s: usize,
        e: usize,
        floor: usize,
        suffix: &Suffix,
        places: &[PlaceHit],
    ) -> Option<OrgHit> {
        // how far back the name may reach: no function characters, punctuation or old names
        let mut lo = s;
        let mut n = 0;
        while lo > floor && n < MAX_BODY_CHARS + 8 {
            // a place name is crossed whole, whatever its characters (成都, 大同)
            let at = places.partition_point(|p| p.end < lo);
            if let Some(p) = places.get(at).filter(|p| p.end == lo && p.start >= floor) {
                lo = p.start;
                n += 2;
                continue;
            }
            let c = char_before(text, lo)?;
            if self.stops(c) {
                break;
            }
            lo = prev_pos(text, lo);
            n += 1;
        }
        // the earliest prefix in that window: a place name or a prefix word, else a level marker
        let mut start: Option<(usize, usize)> = None;
        let first = places.partition_point(|p| p.start < lo);
        if let Some(p) = places
            .get(first..)
            .unwrap_or_default()
            .iter()
            .take_while(|p| p.start < s)
            .find(|p| p.end <= s && !p.weak)
        {
            start = Some((p.start, p.end));
        }
        let mut pos = lo;
        while pos < s {
            if start.is_some_and(|(a, _)| a <= pos) {
                break;
            }
            let head = char_at(text, pos).is_some_and(|c| self.prefix_heads.contains(&c));
            if let Some(w) = self.prefix_words.iter().find(|w| head && has_at(text, pos, w)) {
                start = Some((pos, pos + w.len()));
                break;
            }
            pos = crate::text::next_pos(text, pos);
        }
        if start.is_none() {
            let mut pos = lo;
            while pos < s {
                if char_at(text, pos).is_some_and(|c| self.prefix_chars.contains(&c))
                    && !self.in_marker_word(text, pos)
                {
                    start = Some((pos, crate::text::next_pos(text, pos)));
                    break;
                }
                pos = crate::text::next_pos(text, pos);
            }
        }
        let (a, prefix_end) = start?;
        let body = crate::text::char_count(text, prefix_end, s);
        let max = if suffix.bare {
            MAX_BODY_BARE
        } else if suffix.chars == 1 {
            MAX_BODY_SHORT_SUFFIX
        } else {
            MAX_BODY_CHARS
        };
        if (body == 0 && !suffix.bare) || body > max {
            return None;
        }
        let full = suffix.full.as_ref().and_then(|f| Some(format!("{}{f}", text.get(a..s)?)));
        Some(OrgHit { start: a, end: e, full, short: None })
    }
}

/// Short forms the text defines: `FULL(以下简称“SHORT”)`. Returns (short, full) pairs and
/// marks the full forms' `short`; adds the quoted short form as an organization.
pub(crate) fn definitions(text: &str, orgs: &mut Vec<OrgHit>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text.get(from..).and_then(|t| t.find("简称")) {
        let at = from + i;
        from = at + "简称".len();
        // `(以下简称` or `(简称` right after an organization
        let mut open = at;
        if crate::text::has_before(text, open, "以下") {
            open -= "以下".len();
        }
        let Some(paren) = char_before(text, open) else { continue };
        if !matches!(paren, '(' | '（') {
            continue;
        }
        let org_end = open - paren.len_utf8();
        let mut p = from;
        let quote = char_at(text, p).filter(|c| matches!(c, '“' | '"' | '「' | '‘'));
        if let Some(q) = quote {
            p += q.len_utf8();
        }
        let s_start = p;
        while let Some(c) = char_at(text, p) {
            if matches!(c, '”' | '"' | '」' | '’' | ')' | '）' | '，' | ',' | '。') {
                break;
            }
            p += c.len_utf8();
        }
        let s_end = p;
        let Some(short) =
            text.get(s_start..s_end).filter(|s| !s.is_empty() && s.chars().count() <= 12)
        else {
            continue;
        };
        let at = orgs.partition_point(|o| o.end < org_end);
        let Some(idx) = (at < orgs.len() && orgs[at].end == org_end).then_some(at) else {
            continue;
        };
        let full_text = text.get(orgs[idx].start..org_end).unwrap_or_default().to_owned();
        orgs[idx].short = Some(short.to_owned());
        // organizations are sorted and disjoint: find the one at the short form, if any
        let at = orgs.partition_point(|o| o.end <= s_start);
        match orgs.get_mut(at) {
            Some(o) if o.start == s_start && o.end == s_end => o.full = Some(full_text.clone()),
            Some(o) if o.start < s_end => {}
            _ => orgs.insert(
                at,
                OrgHit { start: s_start, end: s_end, full: Some(full_text.clone()), short: None },
            ),
        }
        out.push((short.to_owned(), full_text));
    }
    out
}

/// Adds later uses of defined short forms (`省疫情防控办`) as organizations with their full form.
pub(crate) fn apply_aliases(text: &str, aliases: &[(String, String)], orgs: &mut Vec<OrgHit>) {
    orgs.sort_by_key(|o| o.start);
    let existing = crate::text::SpanSet::new(orgs.iter().map(|o| (o.start, o.end)).collect());
    let mut added: Vec<OrgHit> = Vec::new();
    for (short, full) in aliases {
        for (i, _) in text.match_indices(short.as_str()) {
            let (s, e) = (i, i + short.len());
            let at = orgs.partition_point(|o| o.start < s);
            if let Some(o) = orgs.get_mut(at).filter(|o| o.start == s && o.end == e) {
                // the text's own definition beats the lexicon's expansion
                o.full = Some(full.clone());
                continue;
            }
            if existing.hits(s, e) || added.last().is_some_and(|a| a.end > s && a.start < e) {
                continue;
            }
            added.push(OrgHit { start: s, end: e, full: Some(full.clone()), short: None });
        }
    }
    if !added.is_empty() {
        added.sort_by_key(|o| o.start);
        added.dedup_by(|b, a| b.start < a.end);
        orgs.extend(added);
        orgs.sort_by_key(|o| o.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::place::PlaceFinder;

    fn orgs(text: &str) -> Vec<String> {
        let pf = PlaceFinder::build(&Tables::default()).unwrap();
        let f = OrgFinder::build(&Tables::default()).unwrap();
        let places = pf.find(text);
        f.find(text, &places).iter().map(|o| text[o.start..o.end].to_owned()).collect()
    }

    #[test]
    fn prefix_body_suffix() {
        assert_eq!(
            orgs("经研究，河北省疫情防控工作领导小组办公室发布通告"),
            vec!["河北省疫情防控工作领导小组办公室"]
        );
        assert_eq!(orgs("传达贯彻区疫情防控工作领导小组会议精神"), vec!["区疫情防控工作领导小组"]);
        assert_eq!(orgs("市卫生健康委、市疾控中心等部门"), vec!["市卫生健康委", "市疾控中心"]);
        assert_eq!(orgs("据中国疾控中心通报"), vec!["中国疾控中心"]);
        assert_eq!(orgs("县委、县政府高度重视"), vec!["县委", "县政府"]);
    }

    #[test]
    fn words_that_are_not_organizations() {
        assert!(orgs("各级行业主管部门要按照部署办理").is_empty());
        assert!(orgs("严防院内感染").is_empty());
        assert_eq!(orgs("县委常委、副县长"), vec!["县委"]);
        assert!(orgs("区域性大型药品流通企业集团").is_empty());
        assert!(orgs("香港得分上升原因包括政府").is_empty());
        assert_eq!(orgs("省水利厅厅长"), vec!["省水利厅"]);
        assert_eq!(orgs("大同市委常委"), vec!["大同市委"]);
        assert_eq!(orgs("成都市卫健委"), vec!["成都市卫健委"]);
    }

    #[test]
    fn short_form_definition_links_to_full() {
        let pf = PlaceFinder::build(&Tables::default()).unwrap();
        let f = OrgFinder::build(&Tables::default()).unwrap();
        let t = "河北省疫情防控工作领导小组办公室（以下简称“省防控办”）要求";
        let mut o = f.find(t, &pf.find(t));
        let defs = definitions(t, &mut o);
        assert_eq!(
            defs,
            vec![("省防控办".to_owned(), "河北省疫情防控工作领导小组办公室".to_owned())]
        );
        let short = o.iter().find(|o| &t[o.start..o.end] == "省防控办").unwrap();
        assert_eq!(short.full.as_deref(), Some("河北省疫情防控工作领导小组办公室"));
        let later = "省防控办将开展督查";
        let mut o2 = f.find(later, &pf.find(later));
        apply_aliases(later, &defs, &mut o2);
        assert_eq!(o2[0].full.as_deref(), Some("河北省疫情防控工作领导小组办公室"));
    }

    #[test]
    fn lexicon_full_forms() {
        let pf = PlaceFinder::build(&Tables::default()).unwrap();
        let f = OrgFinder::build(&Tables::default()).unwrap();
        let t = "省疾控中心专家";
        let o = f.find(t, &pf.find(t));
        assert_eq!(o[0].full.as_deref(), Some("省疾病预防控制中心"));
    }
}
