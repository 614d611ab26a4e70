//! Quantities: a numeral with its measure word (`60余万人`, `3.4万名`, `60岁及以上`, `85%`),
//! approximation and bound words, and ranges (`3—11岁`).

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

use crate::error::{Error, Result};
use crate::lexicon;
use crate::numeral::{NumKind, NumTok};
use crate::tables::{Table, Tables};
use crate::text::{SpanSet, char_at, char_before, has_before};
use crate::types::{Bound, Number, QuantityInfo};

#[derive(Debug, Clone)]
struct Qualifier {
    word: String,
    approximate: bool,
    bound: Option<Bound>,
}

/// A quantity found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct QtyHit {
    pub start: usize,
    pub end: usize,
    pub info: QuantityInfo,
}

/// Recognizes quantities among numerals.
#[derive(Debug, Clone)]
pub(crate) struct QuantityFinder {
    /// What joins the two numbers of a range (`3—11岁`, `100至200人`), longest first.
    ranges: Vec<String>,
    measures: AhoCorasick,
    blockers: AhoCorasick,
    numeral_words: AhoCorasick,
    before: Vec<Qualifier>,
    after: Vec<Qualifier>,
}

fn anchored(name: &str, words: &[String]) -> Result<AhoCorasick> {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Anchored)
        .build(words)
        .map_err(|e| Error::with_source(format!("cannot build the {name} automaton"), e))
}

impl QuantityFinder {
    pub(crate) fn build(t: &Tables) -> Result<Self> {
        let measure_words = t.table(Table::Measures).words();
        let measures = anchored("measure", &measure_words)?;
        let blockers = anchored("measure blocker", &t.table(Table::MeasureBlockers).words())?;
        let numeral_words =
            lexicon::automaton("numeral word", t.table(Table::NumeralWords).words())?;
        let mut before = Vec::new();
        let mut after = Vec::new();
        for row in t.table(Table::Approx).rows(3, 4)? {
            let bound = match row.get(3) {
                "above" => Some(Bound::Above),
                "below" => Some(Bound::Below),
                "at_least" => Some(Bound::AtLeast),
                "at_most" => Some(Bound::AtMost),
                _ => None,
            };
            let q =
                Qualifier { word: row.get(0).to_owned(), approximate: row.get(2) == "yes", bound };
            match row.get(1) {
                "before" => before.push(q),
                "after" => after.push(q),
                _ => return Err(row.error("unknown position (before or after)")),
            }
        }
        before.sort_by_key(|x| std::cmp::Reverse(x.word.len()));
        after.sort_by_key(|x| std::cmp::Reverse(x.word.len()));
        let ranges = t.table(Table::QuantityRanges).words();
        Ok(QuantityFinder { ranges, measures, blockers, numeral_words, before, after })
    }

    /// Whether a word like `统一` or `一刀切` covers the numeral starting at `pos`; only a
    /// window around it is searched (the words are short).
    fn in_numeral_word(&self, text: &str, pos: usize) -> bool {
        let mut a = pos;
        for _ in 0..4 {
            a = crate::text::prev_pos(text, a);
        }
        let mut b = pos;
        for _ in 0..6 {
            b = crate::text::next_pos(text, b);
        }
        let Some(window) = text.get(a..b) else { return false };
        self.numeral_words.find_iter(window).any(|m| a + m.start() <= pos && pos < a + m.end())
    }

    /// The measure word at `pos`, unless a longer non-measure word starts there (`人民`).
    fn unit_at<'t>(&self, text: &'t str, pos: usize) -> Option<&'t str> {
        let rest = text.get(pos..)?;
        let m = self.measures.find(Input::new(rest).anchored(Anchored::Yes))?;
        if let Some(b) = self.blockers.find(Input::new(rest).anchored(Anchored::Yes))
            && b.end() >= m.end()
        {
            return None;
        }
        rest.get(..m.end())
    }

    /// Quantities among `toks`; `taken` are spans already used by dates, meetings, phones...
    pub(crate) fn find(&self, text: &str, toks: &[NumTok], taken: &SpanSet) -> Vec<QtyHit> {
        let mut out: Vec<QtyHit> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            i += 1;
            if out.last().is_some_and(|q| q.end > t.start) || taken.hits(t.start, t.end) {
                continue;
            }
            if let Some((hit, used)) = self.at(text, toks, i - 1, taken) {
                i += used;
                out.push(hit);
            }
        }
        out
    }

    /// The quantity starting at numeral `ti`, and how many more numerals it used (a range).
    #[allow(clippy::many_single_char_names)] // positions: t, p, q, r
    fn at(
        &self,
        text: &str,
        toks: &[NumTok],
        ti: usize,
        taken: &SpanSet,
    ) -> Option<(QtyHit, usize)> {
        let t = toks.get(ti)?;
        if t.overflow || t.kind == NumKind::Naive {
            return None;
        }
        if no_count(text, t) || (t.kind == NumKind::Chinese && self.in_numeral_word(text, t.start))
        {
            return None;
        }
        let mut start = t.start;
        let mut approximate = t.approx_infix;
        let mut bound = t.approx_infix.then_some(Bound::Above);
        let mut percent = false;
        if has_before(text, t.start, "百分之") {
            percent = true;
            start -= "百分之".len();
        }
        if let Some(q) = self.before.iter().find(|q| has_before(text, start, &q.word)) {
            let s = start - q.word.len();
            let shadowed =
                q.word == "近" && matches!(char_before(text, s), Some('最' | '附' | '将' | '接'));
            if !shadowed && !taken.hits(s, start) {
                start = s;
                approximate = true;
                bound = q.bound.or(bound);
            }
        }
        let mut p = t.end;
        if !t.approx_infix
            && let Some(c @ ('余' | '多')) = char_at(text, p)
        {
            approximate = true;
            bound = Some(Bound::Above);
            p += c.len_utf8();
        }
        let mut unit: Option<String> = None;
        if percent {
            unit = Some("%".to_owned());
        } else if let Some(c @ ('%' | '％' | '‰')) = char_at(text, p) {
            percent = c != '‰';
            unit = Some(if c == '‰' { "‰".to_owned() } else { "%".to_owned() });
            p += c.len_utf8();
        } else if let Some(u) = self.unit_at(text, p) {
            unit = Some(u.to_owned());
            p += u.len();
        }
        let mut range_end = None;
        let mut used = 0;
        if let Some((value, u2, r)) =
            self.range_end(text, toks.get(ti + 1), p, unit.as_deref(), taken)
        {
            if u2.is_some() {
                unit = u2;
            }
            range_end = Some(value);
            used = 1;
            p = r;
        }
        if let Some(q) = self.after.iter().find(|q| crate::text::has_at(text, p, &q.word)) {
            let single = q.word.chars().count() == 1;
            // `余`/`多` right after the unit are not approximations (`3个多月` is; `5人多` rare)
            if !single || unit.is_none() {
                approximate |= q.approximate;
                bound = q.bound.or(bound);
                p += q.word.len();
            }
        }
        let ok = match t.kind {
            NumKind::Arabic => unit.is_some() || percent || t.multiplied,
            NumKind::Chinese => {
                (unit.is_some() || percent)
                    && t.value.as_integer().is_none_or(|v| v >= 2 || t.multiplied)
            }
            NumKind::Naive => false,
        };
        if !ok {
            return None;
        }
        let info = QuantityInfo { value: t.value, unit, approximate, bound, range_end, percent };
        Some((QtyHit { start, end: p, info }, used))
    }

    /// The end of a range after a quantity's unit at `p` (`3—11岁`, `3岁—11岁`, `100至200人`):
    /// its value, its unit (which must match the first one's, if that has one) and its end.
    fn range_end(
        &self,
        text: &str,
        t2: Option<&NumTok>,
        p: usize,
        unit: Option<&str>,
        taken: &SpanSet,
    ) -> Option<(Number, Option<String>, usize)> {
        let conn = self.ranges.iter().find(|c| crate::text::has_at(text, p, c))?;
        let q = p + conn.len();
        let t2 = t2.filter(|t2| t2.start == q && !t2.overflow && t2.kind != NumKind::Naive)?;
        let u2 = self.unit_at(text, t2.end).map(str::to_owned);
        let unit_ok = match (unit, &u2) {
            (Some(a), Some(b)) => a == b,
            (None, Some(_)) => true,
            (_, None) => false,
        };
        if !unit_ok || taken.hits(t2.start, t2.end) {
            return None;
        }
        let end = t2.end + u2.as_ref().map_or(0, String::len);
        Some((t2.value, u2, end))
    }
}

/// Whether a numeral is no count: an ordinal (`第3`), part of a code or version (`A3`,
/// `v1.2`, `3_`), or a clock time (`10:30`).
fn no_count(text: &str, t: &NumTok) -> bool {
    let prev = char_before(text, t.start);
    let next = char_at(text, t.end);
    prev == Some('第')
        || prev.is_some_and(|c| c.is_ascii_alphabetic() || c == '.' || c == '_' || c == '/')
        || next.is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        || (matches!(next, Some(':' | '：'))
            && char_at(text, t.end + next.map_or(1, char::len_utf8))
                .is_some_and(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numeral::scan;

    fn qty(text: &str) -> Vec<(String, QuantityInfo)> {
        let f = QuantityFinder::build(&Tables::default()).unwrap();
        let toks = scan(text);
        f.find(text, &toks, &SpanSet::default())
            .into_iter()
            .map(|h| (text[h.start..h.end].to_owned(), h.info))
            .collect()
    }

    fn int(q: &QuantityInfo) -> i128 {
        q.value.as_integer().unwrap()
    }

    #[test]
    fn arabic_with_multipliers_and_units() {
        let q = qty("排查人员50余万人，8.6万名密接");
        assert_eq!(q[0].0, "50余万人");
        assert_eq!(int(&q[0].1), 500_000);
        assert!(q[0].1.approximate);
        assert_eq!(q[0].1.bound, Some(Bound::Above));
        assert_eq!(q[1].0, "8.6万名");
        assert_eq!(int(&q[1].1), 86_000);
        assert_eq!(q[1].1.unit.as_deref(), Some("名"));
        let q = qty("接种疫苗5321.3万剂，总投资28.4亿元");
        assert_eq!(int(&q[0].1), 53_213_000);
        assert_eq!(int(&q[1].1), 2_840_000_000);
        assert_eq!(q[1].1.unit.as_deref(), Some("元"));
        let q = qty("收集信息215.6万余条");
        assert_eq!(q[0].0, "215.6万余条");
        assert!(q[0].1.approximate);
    }

    #[test]
    fn two_quantities_side_by_side() {
        let q = qty("应急队伍352支6120人");
        assert_eq!(q.len(), 2);
        assert_eq!((q[0].0.as_str(), q[1].0.as_str()), ("352支", "6120人"));
    }

    #[test]
    fn chinese_numerals() {
        let q = qty("抽调一千二百名医护人员、两千个床位、十万零一千剂疫苗");
        let v: Vec<i128> = q.iter().map(|x| int(&x.1)).collect();
        assert_eq!(v, vec![1200, 2000, 101_000]);
    }

    #[test]
    fn numerals_inside_words_are_not_quantities() {
        for t in [
            "统一零售价",
            "一律停止",
            "两会期间",
            "第一落点",
            "保持一米线",
            "压实四方责任",
            "不搞一刀切",
            "全省一盘棋",
        ] {
            assert!(qty(t).is_empty(), "{t}: {:?}", qty(t));
        }
    }

    #[test]
    fn bare_multiplied_numbers_and_blocked_units() {
        let q = qty("全省2800万人民群众");
        assert_eq!(q[0].0, "2800万");
        assert_eq!(q[0].1.unit, None);
        assert_eq!(int(&q[0].1), 28_000_000);
        let q = qty("增至1.2亿");
        assert_eq!(int(&q[0].1), 120_000_000);
        assert!(qty("P3实验室").is_empty());
        assert!(qty("编号(30)").is_empty());
    }

    #[test]
    fn ages_percents_ranges() {
        let q = qty("65岁及以上老人");
        assert_eq!(q[0].0, "65岁及以上");
        assert_eq!(int(&q[0].1), 65);
        assert_eq!(q[0].1.unit.as_deref(), Some("岁"));
        assert_eq!(q[0].1.bound, Some(Bound::AtLeast));
        let q = qty("接种率达92.5%");
        assert_eq!(q[0].1.value, Number::new(925, 1));
        assert!(q[0].1.percent);
        let q = qty("百分之八十");
        assert_eq!(int(&q[0].1), 80);
        assert!(q[0].1.percent);
        let q = qty("5岁—9岁儿童");
        assert_eq!(q[0].0, "5岁—9岁");
        assert_eq!(q[0].1.range_end, Some(Number::integer(9)));
        let q = qty("约300人");
        assert_eq!(q[0].0, "约300人");
        assert!(q[0].1.approximate);
        let q = qty("近2万人");
        assert_eq!(q[0].1.bound, Some(Bound::Below));
    }
}
