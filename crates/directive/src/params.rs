//! Measure parameters: how long (`14天集中隔离`), within which window (`72小时内核酸检测阴性证明`,
//! `提前3天报备`), how many times and on which days (`2次核酸检测`, `第7天和第14天`, `每7天1次`),
//! when relative to arrival, and whether the measure is a condition of entry. Each is read in
//! the clause the measure stands in, never elsewhere on the page. Shorthands (`14+7`, `2+1`)
//! become the measures they stand for.

use regex::Regex;

use crate::lexicon::Lexicon;
use crate::model::{Measure, Param, Timing, Unit};
use crate::segment::{Seg, chars, clauses, contains_any, is_punct};

/// How far (in characters) a duration or count may stand from its measure.
const ADJACENT: usize = 8;
/// How far a window may stand before its measure (`持7日内有效新冠病毒核酸检测阴性证明`).
const WINDOW: usize = 24;

/// What stands before a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pre {
    None,
    /// 提前, 前: a window ahead of arrival.
    Ahead,
    /// 近: a window before now.
    Recent,
    /// 第, 满: a day number.
    Ordinal,
    /// 每: an interval.
    Every,
}

/// A number with its unit in a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Quantity {
    /// The span of the whole expression (`提前3天`, `7日内`).
    start: usize,
    end: usize,
    value: u32,
    unit: Unit,
    pre: Pre,
    /// Followed by 内, 以内: a window.
    within: bool,
}

impl Quantity {
    fn param(self, p: &str) -> Param {
        Param::new(
            self.value,
            self.unit,
            p.get(self.start..self.end).unwrap_or(""),
            self.start,
            self.end,
        )
    }
}

/// The compiled patterns of this module.
#[derive(Debug, Clone)]
pub(crate) struct Patterns {
    quantity: Regex,
    days: Regex,
    pub(crate) notation: Regex,
}

fn alternation(words: &[String]) -> String {
    let mut w: Vec<&str> = words.iter().map(String::as_str).collect();
    w.sort_by_key(|s| std::cmp::Reverse(s.len()));
    w.iter().map(|s| regex::escape(s)).collect::<Vec<_>>().join("|")
}

impl Patterns {
    pub(crate) fn build(lists: &crate::lexicon::Lists) -> Result<Self, regex::Error> {
        let pre = alternation(
            &[
                &lists.param_ahead[..],
                &lists.param_recent,
                &lists.param_ordinal,
                &lists.param_every,
            ]
            .concat(),
        );
        let unit = alternation(
            &[
                &lists.unit_day[..],
                &lists.unit_week,
                &lists.unit_month,
                &lists.unit_hour,
                &lists.unit_time,
            ]
            .concat(),
        );
        let post = alternation(&lists.param_within);
        let ordinal = alternation(&lists.param_ordinal);
        let day = alternation(&[&lists.unit_day[..], &lists.unit_week].concat());
        Ok(Patterns {
            quantity: Regex::new(&format!(
                r"(?P<pre>{pre})?\s*(?P<num>[0-9]+|[零〇一二两三四五六七八九十百]+)\s*(?P<unit>{unit})(?P<post>{post})?"
            ))?,
            days: Regex::new(&format!(
                r"(?:{ordinal})\s*[0-9]+(?:\s*[、，,和及与]\s*(?:{ordinal})?\s*[0-9]+)*\s*(?:{day})"
            ))?,
            notation: Regex::new(r"[0-9]{1,2}(?:\s*[+＋]\s*[0-9]{1,2}){1,3}")?,
        })
    }
}

/// The numbers with units in `seg` of `p`, dates (`1月28日`) aside.
fn quantities(lx: &Lexicon, p: &str, seg: Seg) -> Vec<Quantity> {
    let text = seg.text(p);
    let lists = &lx.lists;
    let mut out = Vec::new();
    for caps in lx.params.quantity.captures_iter(text) {
        let (Some(all), Some(num), Some(unit)) = (caps.get(0), caps.name("num"), caps.name("unit"))
        else {
            continue;
        };
        // a day of a month (1月28日) or a digit run cut short is no quantity
        let before_num = text.get(..num.start()).and_then(|b| b.chars().next_back());
        if before_num.is_some_and(|ch| ch == '月' || ch.is_ascii_digit() || ch == '.') {
            continue;
        }
        let Some(n) = zhengling_entities::parse_numeral(num.as_str())
            .and_then(|n| n.as_integer())
            .and_then(|n| u32::try_from(n).ok())
        else {
            continue;
        };
        let u = unit.as_str();
        let is = |list: &[String]| list.iter().any(|w| w == u);
        let (value, unit) = if is(&lists.unit_week) {
            (n.saturating_mul(7), Unit::Day)
        } else if is(&lists.unit_month) {
            (n.saturating_mul(30), Unit::Day)
        } else if is(&lists.unit_hour) {
            (n, Unit::Hour)
        } else if is(&lists.unit_time) {
            (n, Unit::Time)
        } else {
            (n, Unit::Day)
        };
        let pre = caps.name("pre").map_or(Pre::None, |m| {
            let w = m.as_str();
            let is = |list: &[String]| list.iter().any(|x| x == w);
            if is(&lists.param_ahead) {
                Pre::Ahead
            } else if is(&lists.param_recent) {
                Pre::Recent
            } else if is(&lists.param_ordinal) {
                Pre::Ordinal
            } else {
                Pre::Every
            }
        });
        out.push(Quantity {
            start: seg.start + all.start(),
            end: seg.start + all.end(),
            value,
            unit,
            pre,
            within: caps.name("post").is_some(),
        });
    }
    out
}

/// Whether the words between two spans keep them together: short, no punctuation, no other
/// measure term starting there.
fn adjacent(p: &str, from: usize, to: usize, limit: usize, others: &[(usize, usize)]) -> bool {
    let Some(gap) = p.get(from..to) else { return false };
    chars(gap) <= limit
        && !gap.chars().any(|c| is_punct(c) && !c.is_whitespace() && !matches!(c, '“' | '”'))
        && !others.iter().any(|&(s, _)| from <= s && s < to)
}

/// The clause of `sentence` holding byte `at`.
fn clause_of(p: &str, sentence: Seg, at: usize) -> Seg {
    clauses(p, sentence)
        .into_iter()
        .find(|c| c.start <= at && at < c.end.max(c.start + 1))
        .unwrap_or(sentence)
}

/// Fills the parameters, timing and requirement of the measures of an item whose sentence is
/// `sentence`.
pub(crate) fn annotate(lx: &Lexicon, p: &str, sentence: Seg, ms: &mut [Measure]) {
    let qs = quantities(lx, p, sentence);
    bind_adjacent(lx, p, sentence, &qs, ms);
    for m in ms.iter_mut() {
        let clause = clause_of(p, sentence, m.start);
        windows_and_rhythms(lx, p, clause, &qs, m);
        m.timing = timing(lx, p, clause, m);
        m.requirement = requirement(lx, p, sentence, clause, m);
    }
    let longest = ms
        .iter()
        .filter_map(|m| m.duration.as_ref())
        .map(|d| d.value)
        .max()
        .or_else(|| sentence_duration(lx, p, sentence, &qs));
    derive_counts(p, ms, longest);
}

/// Durations (`14天集中隔离`) and counts (`2次核酸检测`) bind to the measure right beside them:
/// first to the measure they stand before, then to the one they follow; each number binds once.
fn bind_adjacent(lx: &Lexicon, p: &str, sentence: Seg, qs: &[Quantity], ms: &mut [Measure]) {
    let l = &lx.lists;
    let spans: Vec<(usize, usize)> = ms.iter().map(|m| (m.start, m.end)).collect();
    let mut used = vec![false; qs.len()];
    for pass_before in [true, false] {
        for (mi, m) in ms.iter_mut().enumerate() {
            let others: Vec<(usize, usize)> = spans
                .iter()
                .enumerate()
                .filter(|&(j, s)| j != mi && (s.1 <= m.start || s.0 >= m.end))
                .map(|(_, s)| *s)
                .collect();
            let clause = clause_of(p, sentence, m.start);
            let (start, end) = (m.start, m.end);
            let pick = |unit: Unit| {
                let mut c = qs.iter().enumerate().filter(|(qi, q)| {
                    !used.get(*qi).copied().unwrap_or(true)
                        && q.start >= clause.start
                        && q.end <= clause.end
                        && q.pre == Pre::None
                        && !q.within
                        && q.unit == unit
                        && if pass_before {
                            q.end <= start && adjacent(p, q.end, start, ADJACENT, &others)
                        } else {
                            q.start >= end && adjacent(p, end, q.start, ADJACENT, &others)
                        }
                });
                if pass_before { c.next_back() } else { c.next() }
            };
            let duration = (m.duration.is_none() && l.duration_category.contains(&m.category))
                .then(|| pick(Unit::Day))
                .flatten();
            let times = (m.times.is_none() && l.count_category.contains(&m.category))
                .then(|| pick(Unit::Time))
                .flatten();
            for (slot, found) in [(&mut m.duration, duration), (&mut m.times, times)] {
                if let Some((qi, q)) = found {
                    *slot = Some(q.param(p));
                    if let Some(u) = used.get_mut(qi) {
                        *u = true;
                    }
                }
            }
        }
    }
}

/// The window a certificate, test or report must fall in (`72小时内`, `提前3天`), and a test's
/// interval (`每7天`) and days (`第7天和第14天`), read in the measure's clause.
fn windows_and_rhythms(lx: &Lexicon, p: &str, clause: Seg, qs: &[Quantity], m: &mut Measure) {
    let l = &lx.lists;
    let in_clause = |q: &&Quantity| q.start >= clause.start && q.end <= clause.end;
    if l.within_category.contains(&m.category) {
        let window = |q: &&Quantity| {
            matches!(q.pre, Pre::Ahead | Pre::Recent)
                || q.within
                || (q.unit == Unit::Hour && m.category == "health-certificate")
        };
        let before = qs
            .iter()
            .filter(in_clause)
            .filter(window)
            .filter(|q| q.end <= m.start && chars(p.get(q.end..m.start).unwrap_or("")) <= WINDOW)
            .rfind(|q| q.unit != Unit::Time);
        // a report's advance notice may follow the term (报备，须提前3天)
        let ahead = || {
            qs.iter().filter(in_clause).find(|q| {
                q.pre == Pre::Ahead && q.unit != Unit::Time && m.category == "arrival-report"
            })
        };
        m.within = before.or_else(ahead).map(|q| q.param(p));
    }
    if l.count_category.contains(&m.category) {
        m.interval = qs
            .iter()
            .filter(in_clause)
            .filter(|q| q.end <= m.start)
            .rfind(|q| q.pre == Pre::Every && q.unit != Unit::Time)
            .map(|q| q.param(p));
        m.days = days(lx, p, Seg { start: clause.start, end: m.start });
    }
}

/// The longest duration a measure of the sentence carries (`14天居家健康监测，每7天…`), for an
/// interval written in another item of the sentence.
fn sentence_duration(lx: &Lexicon, p: &str, sentence: Seg, qs: &[Quantity]) -> Option<u32> {
    let text = sentence.text(p);
    let l = &lx.lists;
    let terms: Vec<(usize, usize)> = lx
        .measures
        .find(text)
        .into_iter()
        .filter(|h| {
            lx.term_rows
                .get(h.id)
                .and_then(|rows| rows.first())
                .and_then(|&r| lx.rows.get(r))
                .and_then(|r| lx.categories.get(r.category))
                .is_some_and(|c| l.duration_category.contains(&c.id))
        })
        .map(|h| (sentence.start + h.start, sentence.start + h.end))
        .collect();
    qs.iter()
        .filter(|q| q.pre == Pre::None && !q.within && q.unit == Unit::Day)
        .filter(|q| {
            terms.iter().any(|&(s, e)| {
                (q.end <= s && adjacent(p, q.end, s, ADJACENT, &[]))
                    || (q.start >= e && adjacent(p, e, q.start, ADJACENT, &[]))
            })
        })
        .map(|q| q.value)
        .max()
}

/// Day numbers before a test in its clause: `第7天和第14天`, `第1、7、14天`, `满7天、满14天`.
fn days(lx: &Lexicon, p: &str, seg: Seg) -> Vec<Param> {
    let text = seg.text(p);
    let mut out = Vec::new();
    for m in lx.params.days.find_iter(text) {
        let base = seg.start + m.start();
        let s = m.as_str();
        let mut i = 0;
        while i < s.len() {
            let rest = s.get(i..).unwrap_or("");
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                i += rest.chars().next().map_or(1, char::len_utf8);
                continue;
            }
            let num = rest.get(..digits).unwrap_or("");
            if let Ok(v) = num.parse::<u32>() {
                out.push(Param::new(v, Unit::Day, num, base + i, base + i + digits));
            }
            i += digits;
        }
    }
    out
}

/// Counts and days that follow from an interval: 14 days of monitoring tested `每7天一次` is two
/// tests, on days 7 and 14; days named give the count.
fn derive_counts(p: &str, ms: &mut [Measure], longest: Option<u32>) {
    for m in ms.iter_mut() {
        if let (Some(every), Some(total), true) = (&m.interval, longest, m.days.is_empty())
            && every.value > 0
            && every.unit == Unit::Day
            && total >= every.value
        {
            let n = total / every.value;
            m.days = (1..=n)
                .map(|k| {
                    Param::new(
                        k * every.value,
                        Unit::Day,
                        every.text.clone(),
                        every.start,
                        every.end,
                    )
                })
                .collect();
            if m.times.as_ref().is_none_or(|t| t.value <= 1) {
                m.times =
                    Some(Param::new(n, Unit::Time, every.text.clone(), every.start, every.end));
            }
        }
        // 第7天和第14天分别做一次: once on each day
        if !m.days.is_empty() && m.times.as_ref().is_none_or(|t| t.value <= 1) {
            let (start, end) =
                (m.days.first().map_or(0, |d| d.start), m.days.last().map_or(0, |d| d.end));
            let text = p.get(start..end).unwrap_or("").to_owned();
            let n = u32::try_from(m.days.len()).unwrap_or(u32::MAX);
            m.times = Some(Param::new(n, Unit::Time, text, start, end));
        }
    }
}

/// When a test, certificate or report applies relative to arrival: a certificate is shown on
/// arrival of a test taken before it; otherwise the nearest timing word before the term in its
/// clause (持 提供 提前 / 落地 第一时间 / 后 第 每).
fn timing(lx: &Lexicon, p: &str, clause: Seg, m: &Measure) -> Option<Timing> {
    let l = &lx.lists;
    if !matches!(m.category.as_str(), "testing" | "health-certificate" | "arrival-report") {
        return None;
    }
    if m.category == "health-certificate" {
        return Some(Timing::BeforeArrival);
    }
    let after = p.get(m.end..clause.end).unwrap_or("");
    if m.category == "testing"
        && l.certificate_word.iter().any(|w| after.trim_start().starts_with(w.as_str()))
    {
        return Some(Timing::BeforeArrival);
    }
    // 落地即检, 落地核酸: the term says it
    if contains_any(&m.term, &l.timing_on) {
        return Some(Timing::OnArrival);
    }
    let before = p.get(clause.start..m.start).unwrap_or("");
    let nearest = |list: &[String]| {
        list.iter().filter_map(|w| before.rfind(w.as_str()).map(|at| at + w.len())).max()
    };
    let found = [
        (nearest(&l.timing_before), Timing::BeforeArrival),
        (nearest(&l.timing_on), Timing::OnArrival),
        (nearest(&l.timing_after), Timing::AfterArrival),
    ]
    .into_iter()
    .filter_map(|(at, t)| at.map(|a| (a, t)))
    .max_by_key(|(a, _)| *a)
    .map(|(_, t)| t);
    found.or_else(|| {
        if m.within.as_ref().is_some_and(|w| {
            w.text.starts_with(l.param_ahead.first().map_or("提前", String::as_str))
        }) {
            Some(Timing::BeforeArrival)
        } else if !m.days.is_empty() || m.interval.is_some() {
            Some(Timing::AfterArrival)
        } else {
            None
        }
    })
}

/// Whether a certificate or code is a condition of entry or movement: shown (持 凭 出示) and
/// followed in its sentence by what it allows (方可 通行 返乡 进入).
fn requirement(lx: &Lexicon, p: &str, sentence: Seg, clause: Seg, m: &Measure) -> bool {
    let l = &lx.lists;
    let shown = m.category == "health-certificate"
        || contains_any(p.get(clause.start..m.start).unwrap_or(""), &l.timing_before);
    shown && contains_any(p.get(m.end..sentence.end).unwrap_or(""), &l.requirement)
}

/// The measures a shorthand in `seg` stands for (`14+7`: 14 days of centralized quarantine,
/// then 7 at home; `2+1`: two nucleic-acid tests and one serology test), unless the sentence
/// spells them out after it (`即14天集中隔离、7天居家健康监测`). `make` codes a term.
pub(crate) fn expand(
    lx: &Lexicon,
    p: &str,
    seg: Seg,
    sentence: Seg,
    make: impl Fn(&str) -> Option<Measure>,
) -> Vec<Measure> {
    let l = &lx.lists;
    let mut out = Vec::new();
    let text = seg.text(p);
    for n in lx.params.notation.find_iter(text) {
        let (start, end) = (seg.start + n.start(), seg.start + n.end());
        let after = p.get(end..sentence.end).unwrap_or("");
        let spelled = after.contains('即')
            || after.trim_start_matches(['”', '"', '’']).starts_with(['（', '(', '：', ':']);
        if spelled && !lx.measures.find(after).is_empty() {
            continue;
        }
        // a unit right after it (`7+7天`) still reads as days; any other unit is no shorthand
        if after.trim_start_matches(['”', '"']).starts_with(['次', '小', '个', '%', '万']) {
            continue;
        }
        let values: Vec<u32> =
            n.as_str().split(['+', '＋']).filter_map(|v| v.trim().parse().ok()).collect();
        let days = values.iter().take_while(|&&v| v >= 7).count();
        let counts = values.get(days..).unwrap_or(&[]);
        if counts.iter().any(|&c| c == 0 || c > 4) || (days == 0 && counts.len() < 2) {
            continue;
        }
        let shorthand = n.as_str().to_owned();
        let mut push = |term: &str, param: Param, is_days: bool| {
            if let Some(mut m) = make(term) {
                m.start = start;
                m.end = end;
                m.notation = Some(shorthand.clone());
                m.text.clone_from(&shorthand);
                if is_days {
                    m.duration = Some(param);
                } else {
                    m.times = Some(param);
                }
                out.push(m);
            }
        };
        for (i, &v) in values.iter().take(days).enumerate() {
            if let Some(term) = l.notation_days.get(i) {
                push(term, Param::new(v, Unit::Day, shorthand.clone(), start, end), true);
            }
        }
        for (i, &v) in counts.iter().enumerate() {
            if let Some(term) = l.notation_counts.get(i) {
                push(term, Param::new(v, Unit::Time, shorthand.clone(), start, end), false);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Sources;
    use crate::model::Kind;

    fn lx() -> &'static Lexicon {
        static L: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        L.get_or_init(|| Lexicon::build(&Sources::default()).unwrap())
    }

    /// The measures of the first item of `p` (a notice), by term.
    fn measures(p: &str) -> Vec<Measure> {
        let paragraphs = vec![p.to_owned()];
        let groups = crate::items::analyze(lx(), &paragraphs);
        crate::items::items(lx(), &paragraphs, &[Vec::new()], &groups, Kind::Notice, None, None)
            .into_iter()
            .flat_map(|i| i.measures)
            .collect()
    }

    fn find<'a>(ms: &'a [Measure], term: &str) -> &'a Measure {
        ms.iter().find(|m| m.term == term).unwrap_or_else(|| panic!("no {term} in {ms:?}"))
    }

    fn value(p: Option<&Param>) -> Option<(u32, Unit)> {
        p.map(|p| (p.value, p.unit))
    }

    #[test]
    fn durations_bind_to_the_measure_beside_them() {
        let ms = measures("实行14天集中隔离、7天居家健康监测");
        assert_eq!(value(find(&ms, "集中隔离").duration.as_ref()), Some((14, Unit::Day)));
        assert_eq!(value(find(&ms, "居家健康监测").duration.as_ref()), Some((7, Unit::Day)));
        let ms = measures("需集中隔离医学观察 14 天");
        assert_eq!(value(find(&ms, "集中隔离").duration.as_ref()), Some((14, Unit::Day)));
        // a day number is no duration
        let ms = measures("在集中隔离第7天进行核酸检测");
        assert_eq!(find(&ms, "集中隔离").duration, None);
        // the duration after one term is not the next term's
        let ms = measures("解除集中隔离后接续7天居家健康监测");
        assert_eq!(find(&ms, "集中隔离").duration, None);
        assert_eq!(value(find(&ms, "居家健康监测").duration.as_ref()), Some((7, Unit::Day)));
        assert_eq!(find(&ms, "居家健康监测").duration.as_ref().unwrap().text, "7天");
    }

    #[test]
    fn windows_hours_and_days() {
        let ms = measures("须持72小时内核酸检测阴性证明");
        let m = find(&ms, "核酸检测阴性证明");
        assert_eq!(value(m.within.as_ref()), Some((72, Unit::Hour)));
        assert_eq!(m.timing, Some(Timing::BeforeArrival));
        let ms = measures("需持7日内有效新冠病毒核酸检测阴性结果");
        assert_eq!(value(find(&ms, "核酸检测阴性结果").within.as_ref()), Some((7, Unit::Day)));
        let ms = measures("请提前3天向所在社区报备");
        let m = find(&ms, "报备");
        assert_eq!(value(m.within.as_ref()), Some((3, Unit::Day)));
        assert_eq!(m.within.as_ref().unwrap().text, "提前3天");
        assert_eq!(m.timing, Some(Timing::BeforeArrival));
        let ms = measures("确需返马的，请提前一周向所在村报备");
        assert_eq!(value(find(&ms, "报备").within.as_ref()), Some((7, Unit::Day)));
        // a date is no window
        let ms = measures("1月28日起须持核酸检测阴性证明");
        assert_eq!(find(&ms, "核酸检测阴性证明").within, None);
    }

    #[test]
    fn counts_days_and_intervals() {
        let ms = measures("隔离期间进行2次核酸检测");
        assert_eq!(value(find(&ms, "核酸检测").times.as_ref()), Some((2, Unit::Time)));
        let ms = measures("返乡后第7天和第14天分别做一次核酸检测");
        let m = find(&ms, "核酸检测");
        let days: Vec<u32> = m.days.iter().map(|d| d.value).collect();
        assert_eq!(days, [7, 14]);
        assert_eq!(value(m.times.as_ref()), Some((2, Unit::Time)));
        assert_eq!(m.timing, Some(Timing::AfterArrival));
        let ms = measures("抵京后第1、7、14天各进行1次核酸检测");
        let days: Vec<u32> = find(&ms, "核酸检测").days.iter().map(|d| d.value).collect();
        assert_eq!(days, [1, 7, 14]);
        let ms = measures("返乡后实行14天居家健康监测，每7天开展一次核酸检测");
        let m = find(&ms, "核酸检测");
        assert_eq!(value(m.interval.as_ref()), Some((7, Unit::Day)));
        assert_eq!(value(m.times.as_ref()), Some((2, Unit::Time)));
        let days: Vec<u32> = m.days.iter().map(|d| d.value).collect();
        assert_eq!(days, [7, 14]);
    }

    #[test]
    fn timing_on_arrival_and_requirements() {
        let ms = measures("没有核酸证明的实行落地即检");
        assert_eq!(find(&ms, "落地即检").timing, Some(Timing::OnArrival));
        let ms = measures("持7日内核酸检测阴性证明方可返乡");
        assert!(find(&ms, "核酸检测阴性证明").requirement);
        let ms = measures("凭健康码绿码通行");
        assert!(find(&ms, "健康码").requirement);
        let ms = measures("要加强核酸检测");
        assert!(!find(&ms, "核酸检测").requirement);
    }

    #[test]
    fn shorthands_become_their_measures() {
        let ms = measures("对境外来返人员一律实行“14+7”管控措施");
        let q = find(&ms, "集中隔离");
        assert_eq!(
            (value(q.duration.as_ref()), q.notation.as_deref()),
            (Some((14, Unit::Day)), Some("14+7"))
        );
        assert_eq!(value(find(&ms, "居家隔离").duration.as_ref()), Some((7, Unit::Day)));
        let ms = measures("严格落实“14+2”措施");
        assert_eq!(value(find(&ms, "核酸检测").times.as_ref()), Some((2, Unit::Time)));
        let ms = measures("实行“2+1+1”检测措施");
        assert_eq!(value(find(&ms, "核酸检测").times.as_ref()), Some((2, Unit::Time)));
        assert_eq!(value(find(&ms, "血清抗体检测").times.as_ref()), Some((1, Unit::Time)));
        // spelled out after it: the words are the measures
        let ms = measures("实行“14+7”管理，即14天集中隔离、7天居家健康监测");
        assert!(ms.iter().all(|m| m.notation.is_none()), "{ms:?}");
        assert_eq!(value(find(&ms, "居家健康监测").duration.as_ref()), Some((7, Unit::Day)));
    }
}
