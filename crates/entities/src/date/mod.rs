//! Dates: full (`2022年3月14日`, `2022-10-08 10:10:06`), partial (`1月18日`, `2021年`,
//! `2023年底`), relative (`今年1月22日`, `去年以来`, `即日起`), ranges and periods, with the
//! year resolved against the publication date the way a reader would.

mod resolve;

pub(crate) use resolve::days_in_month;

use aho_corasick::AhoCorasick;

use crate::error::Result;
use crate::lexicon;
use crate::numeral::{NumKind, NumTok};
use crate::tables::{Table, Tables};
use crate::text::{char_at, char_before, has_at, is_cjk, skip_spaces};
use crate::types::{DateInfo, DateParts, DatePrecision, PartialDate, TimeOfDay};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RelUnit {
    Year,
    Month,
    Day,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DayPart {
    Am,
    Noon,
    Pm,
}

/// The date grammar's words, from `data/date_words.tsv`.
#[derive(Debug, Clone)]
pub(crate) struct DateFinder {
    rel: Vec<(String, RelUnit, i32)>,
    rel_ac: AhoCorasick,
    rel_heads: std::collections::HashSet<char>,
    year_parts: Vec<(String, u8, u8)>,
    /// Months written as a word (`元月` for January), with their number.
    month_names: Vec<(String, u8)>,
    open_end: Vec<String>,
    until: Vec<String>,
    range: Vec<String>,
    day_parts: Vec<(String, DayPart)>,
    next_day: Vec<String>,
    zero_hour: Vec<String>,
    /// Words after a lone day that make it a duration (`14日内`, `3日后`).
    not_after_day: Vec<String>,
    /// Words before a date that make it a period's end (`至`, `到`), and the words ending so
    /// that do not (`截至`).
    until_before: Vec<String>,
    not_until_before: Vec<String>,
    /// Characters that may stand before a lone day (`于20日`).
    day_frame: Vec<char>,
}

/// A date found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DateHit {
    pub start: usize,
    pub end: usize,
    pub info: DateInfo,
}

/// One date as written, before resolution.
#[derive(Debug, Clone, Copy, Default)]
struct Atom {
    start: usize,
    end: usize,
    parts: DateParts,
    rel: Option<(RelUnit, i32)>,
    year_part: Option<(u8, u8)>,
    end_day: Option<u8>,
    time: Option<TimeOfDay>,
    time_precision: Option<DatePrecision>,
    /// The day part written before the time (`下午3时`).
    day_part: Option<DayPart>,
    /// A range's end written as a time only, the day after the start (`至次日6时`).
    next_day: bool,
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort_by_key(|x| std::cmp::Reverse(x.len()));
    v
}

impl DateFinder {
    pub(crate) fn build(t: &Tables) -> Result<Self> {
        let mut rel = Vec::new();
        let mut year_parts = Vec::new();
        let mut month_names = Vec::new();
        let (mut open_end, mut until, mut range) = (Vec::new(), Vec::new(), Vec::new());
        let mut day_parts = Vec::new();
        let (mut next_day, mut zero_hour, mut not_after_day) = (Vec::new(), Vec::new(), Vec::new());
        let (mut until_before, mut not_until_before) = (Vec::new(), Vec::new());
        let mut day_frame = Vec::new();
        for row in t.table(Table::DateWords).rows(2, 4)? {
            let w = row.get(0).to_owned();
            let num = |i: usize| -> Result<i32> { row.parse(i, "the value") };
            let month = |i: usize| -> Result<u8> { row.parse(i, "the month") };
            match row.get(1) {
                "year" => rel.push((w, RelUnit::Year, num(2)?)),
                "month" => rel.push((w, RelUnit::Month, num(2)?)),
                "day" => rel.push((w, RelUnit::Day, num(2)?)),
                "year_part" => year_parts.push((w, month(2)?, month(3)?)),
                "month_name" => month_names.push((w, month(2)?)),
                "open_end" => open_end.push(w),
                "until" => until.push(w),
                "range" => range.push(w),
                "day_part" => day_parts.push((
                    w,
                    match row.get(2) {
                        "pm" => DayPart::Pm,
                        "noon" => DayPart::Noon,
                        _ => DayPart::Am,
                    },
                )),
                "next_day" => next_day.push(w),
                "zero_hour" => zero_hour.push(w),
                "not_after_day" => not_after_day.push(w),
                "until_before" => until_before.push(w),
                "not_until_before" => not_until_before.push(w),
                "day_frame" => day_frame.extend(row.get(0).chars()),
                "period_start" | "as_of" => {}
                _ => return Err(row.error("unknown role")),
            }
        }
        rel.sort_by_key(|x| std::cmp::Reverse(x.0.len()));
        year_parts.sort_by_key(|x| std::cmp::Reverse(x.0.len()));
        day_parts.sort_by_key(|x| std::cmp::Reverse(x.0.len()));
        let rel_ac = lexicon::automaton(
            "relative date",
            rel.iter().map(|r| r.0.as_str()).chain(month_names.iter().map(|m| m.0.as_str())),
        )?;
        Ok(DateFinder {
            rel_heads: rel.iter().filter_map(|r| r.0.chars().next()).collect(),
            rel,
            rel_ac,
            year_parts,
            month_names,
            open_end: sorted(open_end),
            until: sorted(until),
            range: sorted(range),
            day_parts,
            next_day: sorted(next_day),
            zero_hour: sorted(zero_hour),
            not_after_day,
            until_before,
            not_until_before,
            day_frame,
        })
    }

    /// Dates in `text`; `toks` are its numerals.
    pub(crate) fn find(
        &self,
        text: &str,
        toks: &[NumTok],
        published: Option<PartialDate>,
    ) -> Vec<DateHit> {
        let mut starts: Vec<usize> = toks.iter().map(|t| t.start).collect();
        starts.extend(self.rel_ac.find_iter(text).map(|m| m.start()));
        starts.sort_unstable();
        starts.dedup();
        let mut out: Vec<DateHit> = Vec::new();
        let mut done = 0;
        for s in starts {
            if s < done {
                continue;
            }
            if let Some(h) = self.expression(text, toks, s, published) {
                done = h.end;
                out.push(h);
            }
        }
        out
    }

    fn rel_at(&self, text: &str, pos: usize) -> Option<&(String, RelUnit, i32)> {
        let c = char_at(text, pos)?;
        if !self.rel_heads.contains(&c) {
            return None;
        }
        self.rel.iter().find(|r| has_at(text, pos, &r.0))
    }

    /// A whole date expression at `pos`: an atom, maybe a range or a period.
    fn expression(
        &self,
        text: &str,
        toks: &[NumTok],
        pos: usize,
        published: Option<PartialDate>,
    ) -> Option<DateHit> {
        let a = self.atom(text, toks, pos, None)?;
        let mut end = a.end;
        let mut open_end = false;
        let mut until = false;
        if let Some(w) = crate::text::word_at(text, end, &self.open_end) {
            // `至今` is open-ended too; `起` must not start a word (`起草`)
            open_end = true;
            end += w.len();
        }
        let mut b = None;
        let after = skip_spaces(text, end);
        if let Some(conn) = crate::text::word_at(text, after, &self.range) {
            let dash = !conn.chars().all(is_cjk);
            let q = skip_spaces(text, after + conn.len());
            if let Some(x) = self.atom(text, toks, q, Some(a.parts)) {
                // a dash joins only dates of the same shape (`1月18日-20日`), not `2020-2022`
                if !dash || x.parts.day.is_some() || x.parts.month.is_some() {
                    b = Some(x);
                    end = x.end;
                    open_end = false;
                }
            } else if a.time.is_some()
                && let Some(x) = self.end_time(text, toks, q)
            {
                // a time of the same day (`11月19日0时至24时`) or the next (`22时至次日6时`)
                b = Some(x);
                end = x.end;
                open_end = false;
            }
        }
        if b.is_none() && !open_end {
            if let Some(w) = crate::text::word_at(text, end, &self.until) {
                until = true;
                end += w.len();
            }
            let before = |w: &String| crate::text::has_before(text, a.start, w);
            if !until && self.until_before.iter().any(before) {
                until = !self.not_until_before.iter().any(before);
            }
        }
        // a lone day needs a date frame: `20日，` but not `14日内`
        if a.parts.day.is_some()
            && a.parts.month.is_none()
            && a.parts.year.is_none()
            && a.rel.is_none()
            && b.is_none()
        {
            let before_ok = char_before(text, a.start)
                .is_none_or(|c| !is_cjk(c) || self.day_frame.contains(&c));
            let after_bad = self.not_after_day.iter().any(|w| has_at(text, a.end, w));
            if !before_ok || after_bad {
                return None;
            }
        }
        let info = resolve::resolve(&a, b.as_ref(), published, open_end, until);
        Some(DateHit { start: a.start, end, info })
    }

    /// One date as written at `pos`; `inherit` gives the year and month a range's second date
    /// leaves out.
    fn atom(
        &self,
        text: &str,
        toks: &[NumTok],
        pos: usize,
        inherit: Option<DateParts>,
    ) -> Option<Atom> {
        let mut a = Atom { start: pos, end: pos, ..Atom::default() };
        let mut p = pos;
        if let Some(t) = tok_at(toks, p)
            && let Some(iso) = iso_date(text, t)
        {
            return Some(iso);
        }
        if let Some((w, unit, off)) = self.rel_at(text, p) {
            a.rel = Some((*unit, *off));
            p += w.len();
            if *unit == RelUnit::Day {
                a.end = p;
                self.time_after(text, toks, &mut a);
                return Some(a);
            }
        } else if let Some(t) = tok_at(toks, p) {
            let four =
                (t.kind == NumKind::Arabic && t.int_digits == 4 && !t.decimal && !t.multiplied)
                    || (t.kind == NumKind::Naive && t.int_digits == 4);
            if four && has_at(text, t.end, "年") {
                let y = i32::try_from(t.value.as_integer()?).ok()?;
                if (1000..=2100).contains(&y) {
                    a.parts.year = Some(y);
                    p = t.end + "年".len();
                    if has_at(text, p, "度") {
                        p += "度".len();
                    }
                }
            }
        }
        let year_given = a.parts.year.is_some() || matches!(a.rel, Some((RelUnit::Year, _)));
        if (a.rel.is_none() || year_given)
            && let Some(t) = tok_at(toks, p).filter(|t| small(t, 12) && has_at(text, t.end, "月"))
        {
            a.parts.month = u8::try_from(t.value.as_integer()?).ok();
            p = t.end + "月".len();
            if has_at(text, p, "份") {
                p += "份".len();
            }
        } else if a.rel.is_none()
            && let Some((w, m)) = self.month_names.iter().find(|m| has_at(text, p, &m.0))
        {
            // 元月14日: a month written as a word
            a.parts.month = Some(*m);
            p += w.len();
        }
        if let Some(t) = tok_at(toks, p).filter(|t| small(t, 31)) {
            let mark = ["日", "号"].into_iter().find(|m| has_at(text, t.end, m));
            if let Some(m) = mark {
                a.parts.day = u8::try_from(t.value.as_integer()?).ok();
                p = t.end + m.len();
            } else if a.parts.month.is_some() {
                // 3月1-5日
                if let Some(conn) = crate::text::word_at(text, t.end, &self.range)
                    && let Some(t2) = tok_at(toks, t.end + conn.len()).filter(|t2| small(t2, 31))
                    && let Some(m) = ["日", "号"].into_iter().find(|m| has_at(text, t2.end, m))
                {
                    a.parts.day = u8::try_from(t.value.as_integer()?).ok();
                    a.end_day = u8::try_from(t2.value.as_integer()?).ok();
                    p = t2.end + m.len();
                }
            }
        }
        let written = a.parts.year.is_some() || a.parts.month.is_some() || a.parts.day.is_some();
        if !written && a.rel.is_none() {
            return None;
        }
        if a.parts.day.is_some()
            && a.parts.month.is_none()
            && (a.parts.year.is_some() || matches!(a.rel, Some((RelUnit::Year, _))))
        {
            return None;
        }
        if a.parts.month.is_none()
            && a.parts.day.is_none()
            && year_given
            && let Some((w, m1, m2)) = self.year_parts.iter().find(|y| has_at(text, p, &y.0))
        {
            a.year_part = Some((*m1, *m2));
            p += w.len();
        }
        if inherit.is_some()
            && a.parts.year.is_none()
            && a.parts.month.is_none()
            && a.parts.day.is_none()
        {
            return None;
        }
        a.end = p;
        if a.parts.day.is_some() || matches!(a.rel, Some((RelUnit::Day, _))) {
            self.time_after(text, toks, &mut a);
        }
        Some(a)
    }

    /// A range's end written as a time only, maybe on the next day: `24时`, `次日6时`.
    fn end_time(&self, text: &str, toks: &[NumTok], pos: usize) -> Option<Atom> {
        let mut a = Atom { start: pos, end: pos, ..Atom::default() };
        if let Some(w) = crate::text::word_at(text, pos, &self.next_day) {
            a.next_day = true;
            a.end += w.len();
        }
        self.time_after(text, toks, &mut a);
        a.time.is_some().then_some(a)
    }

    /// A time of day after a date: `14时`, `下午3点30分`, `零时`, `24时`, ` 10:10:06`.
    fn time_after(&self, text: &str, toks: &[NumTok], a: &mut Atom) {
        let mut p = skip_spaces(text, a.end);
        let mut part = None;
        if let Some((w, dp)) = self.day_parts.iter().find(|d| has_at(text, p, &d.0)) {
            part = Some(*dp);
            p += w.len();
        }
        // `零时`, but not `零点五` (a numeral running past the `点`)
        let zero = crate::text::word_at(text, p, &self.zero_hour).filter(|z| {
            ["时", "点"].iter().any(|m| has_at(text, p + z.len(), m))
                && tok_at(toks, p).is_none_or(|t| t.end <= p + z.len())
        });
        let (h, mut hour, mut q) = if let Some(z) = zero {
            (None, 0, p + z.len())
        } else {
            let Some(h) =
                tok_at(toks, p).filter(|t| small(t, 24) || t.value.as_integer() == Some(0))
            else {
                return;
            };
            let Some(hour) = h.value.as_integer().and_then(|v| u8::try_from(v).ok()) else {
                return;
            };
            (Some(h), hour, h.end)
        };
        if matches!(part, Some(DayPart::Pm)) && hour < 12 {
            hour += 12;
        }
        let (mut minute, mut second) = (0u8, 0u8);
        let precision;
        if let Some(m) = ["时", "点"].into_iter().find(|m| has_at(text, q, m)) {
            q += m.len();
            precision = if let Some(mt) =
                tok_at(toks, q).filter(|t| small(t, 59) || t.value.as_integer() == Some(0))
            {
                if has_at(text, mt.end, "分") {
                    minute = mt.value.as_integer().and_then(|v| u8::try_from(v).ok()).unwrap_or(0);
                    q = mt.end + "分".len();
                    DatePrecision::Minute
                } else {
                    DatePrecision::Hour
                }
            } else if has_at(text, q, "半") {
                minute = 30;
                q += "半".len();
                DatePrecision::Minute
            } else {
                DatePrecision::Hour
            };
            if has_at(text, q, "整") {
                q += "整".len();
            }
        } else if let Some((mm, ss, end)) = h.and_then(|h| clock(text, h)) {
            minute = mm;
            precision = if let Some(s) = ss {
                second = s;
                DatePrecision::Second
            } else {
                DatePrecision::Minute
            };
            q = end;
        } else if h.is_some_and(|h| self.hour_range_after(text, toks, h.end)) {
            // `0-24时`, `8至18时`: the start hour of a range whose end names the unit
            precision = DatePrecision::Hour;
        } else {
            return;
        }
        if hour > 24 || (hour == 24 && (minute > 0 || second > 0)) {
            return;
        }
        a.time = Some(TimeOfDay { hour, minute, second });
        a.time_precision = Some(precision);
        a.day_part = part;
        a.end = q;
    }

    /// Whether a range connector and an hour (`-24时`, `至18点`) follow at `pos`.
    fn hour_range_after(&self, text: &str, toks: &[NumTok], pos: usize) -> bool {
        let Some(conn) = crate::text::word_at(text, pos, &self.range) else { return false };
        let q = pos + conn.len();
        tok_at(toks, q)
            .is_some_and(|t| small(t, 24) && ["时", "点"].iter().any(|m| has_at(text, t.end, m)))
    }
}

/// The numeral starting exactly at `pos`.
fn tok_at(toks: &[NumTok], pos: usize) -> Option<&NumTok> {
    toks.binary_search_by_key(&pos, |t| t.start).ok().and_then(|i| toks.get(i))
}

/// A whole number from 1 to `max` written plainly (no decimals, multipliers or `余`).
fn small(t: &NumTok, max: i128) -> bool {
    !t.decimal
        && !t.multiplied
        && !t.approx_infix
        && !t.overflow
        && t.kind != NumKind::Naive
        && t.value.as_integer().is_some_and(|v| (1..=max).contains(&v))
        && (t.kind != NumKind::Arabic || t.int_digits <= 2)
}

fn two_digits(text: &str, pos: usize) -> Option<(u8, usize)> {
    let b = text.as_bytes();
    let d1 = *b.get(pos)?;
    if !d1.is_ascii_digit() {
        return None;
    }
    match b.get(pos + 1) {
        Some(d2) if d2.is_ascii_digit() => {
            if b.get(pos + 2).is_some_and(u8::is_ascii_digit) {
                return None;
            }
            Some(((d1 - b'0') * 10 + (d2 - b'0'), pos + 2))
        }
        _ => Some((d1 - b'0', pos + 1)),
    }
}

/// `HH:MM[:SS]` starting at an hour numeral.
fn clock(text: &str, h: &NumTok) -> Option<(u8, Option<u8>, usize)> {
    if h.kind != NumKind::Arabic || h.int_digits > 2 || h.decimal {
        return None;
    }
    let colon = |p: usize| matches!(char_at(text, p), Some(':' | '：'));
    if !colon(h.end) {
        return None;
    }
    let c1 = char_at(text, h.end)?.len_utf8();
    let (m, p) = two_digits(text, h.end + c1)?;
    if m > 59 || p - (h.end + c1) != 2 {
        return None;
    }
    if colon(p) {
        let c2 = char_at(text, p)?.len_utf8();
        if let Some((s, q)) = two_digits(text, p + c2)
            && s <= 59
            && q - (p + c2) == 2
        {
            return Some((m, Some(s), q));
        }
    }
    Some((m, None, p))
}

/// `2022-10-08`, `2022/10/8`, `2022.10.08`, with an optional ` 10:10:06`: the printed
/// forms, read by [`crate::printed`].
fn iso_date(text: &str, t: &NumTok) -> Option<Atom> {
    if t.kind != NumKind::Arabic || t.int_digits != 4 || t.decimal || t.multiplied {
        return None;
    }
    let f = crate::printed::numeric_at(text, t.start)?;
    let d = f.date.date;
    Some(Atom {
        start: f.start,
        end: f.end,
        parts: DateParts { year: Some(d.year), month: d.month, day: d.day },
        time: f.date.time,
        time_precision: f.date.time.map(|_| f.precision),
        ..Atom::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numeral::scan;

    fn pd(y: i32, m: u8, d: u8) -> PartialDate {
        PartialDate { year: y, month: Some(m), day: Some(d) }
    }

    fn dates(text: &str, published: Option<PartialDate>) -> Vec<(String, DateInfo)> {
        let f = DateFinder::build(&Tables::default()).unwrap();
        let toks = scan(text);
        f.find(text, &toks, published)
            .into_iter()
            .map(|h| (text[h.start..h.end].to_owned(), h.info))
            .collect()
    }

    fn one(text: &str, published: Option<PartialDate>) -> (String, String, Option<String>) {
        let d = dates(text, published);
        assert_eq!(d.len(), 1, "{text}: {d:?}");
        let (t, i) = &d[0];
        (
            t.clone(),
            i.start.map(|s| s.to_string()).unwrap_or_default(),
            i.end.map(|e| e.to_string()),
        )
    }

    #[test]
    fn full_and_partial() {
        assert_eq!(one("于2022年3月14日发布", None).1, "2022-03-14");
        let d = dates("发布时间：2022-10-08 10:10:06", None);
        assert_eq!(d[0].0, "2022-10-08 10:10:06");
        assert_eq!(d[0].1.precision, DatePrecision::Second);
        assert_eq!(d[0].1.time, Some(TimeOfDay { hour: 10, minute: 10, second: 6 }));
        assert_eq!(one("2021年，全省", None).1, "2021");
        assert_eq!(one("计划2024年底前建成", None), ("2024年底前".into(), "2024-12".into(), None));
        assert_eq!(one("二〇二二年三月十四日", None).1, "2022-03-14");
        // a month written as a word
        assert_eq!(
            one("元月14日晚上召开", Some(pd(2022, 1, 17))),
            ("元月14日".into(), "2022-01-14".into(), None)
        );
        assert_eq!(one("十月六日召开", Some(pd(2021, 10, 8))).1, "2021-10-06");
    }

    #[test]
    fn year_rolls_over_new_year() {
        assert_eq!(one("1月8日起实施", Some(pd(2022, 12, 27))).1, "2023-01-08");
        assert_eq!(one("12月30日召开", Some(pd(2023, 1, 3))).1, "2022-12-30");
        assert_eq!(one("5月1日，", Some(pd(2022, 5, 3))).1, "2022-05-01");
        assert_eq!(one("1月8日", None).1, "");
    }

    #[test]
    fn relative_words() {
        let p = Some(pd(2022, 3, 14));
        assert_eq!(one("今年2月5日，", p), ("今年2月5日".into(), "2022-02-05".into(), None));
        let d = dates("去年以来，我省", p);
        assert_eq!(d[0].0, "去年以来");
        assert_eq!(d[0].1.start.unwrap().to_string(), "2021");
        assert!(d[0].1.open_end && d[0].1.relative);
        assert_eq!(one("昨日下午", p).1, "2022-03-13");
        assert_eq!(one("上月", Some(pd(2022, 1, 5))).1, "2021-12");
    }

    #[test]
    fn ranges_and_periods() {
        let p = Some(pd(2023, 1, 10));
        assert_eq!(
            one("2月3日至5日举办", p),
            ("2月3日至5日".into(), "2023-02-03".into(), Some("2023-02-05".into()))
        );
        assert_eq!(one("12月28日至1月3日", p).2, Some("2023-01-03".into()));
        let d = dates("自即日起至10月20日24时", Some(pd(2022, 10, 15)));
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].0, "即日起至10月20日24时");
        assert_eq!(d[0].1.start.unwrap().to_string(), "2022-10-15");
        assert_eq!(d[0].1.end.unwrap().to_string(), "2022-10-20");
        assert_eq!(d[0].1.end_time, Some(TimeOfDay { hour: 24, minute: 0, second: 0 }));
        let d = dates("2月1日起执行", p);
        assert!(d[0].1.open_end);
        let d = dates("延长至3月20日24时", p);
        assert!(d[0].1.until);
        assert_eq!(d[0].0, "3月20日24时");
        assert_eq!(one("3月1-5日", p).2, Some("2023-03-05".into()));
    }

    /// The span, start, end, start time and end time (`HH:MM`) of the one date in `text`.
    fn timed(text: &str, published: Option<PartialDate>) -> [String; 5] {
        let d = dates(text, published);
        assert_eq!(d.len(), 1, "{text}: {d:?}");
        let (t, i) = &d[0];
        let hm = |x: Option<TimeOfDay>| {
            x.map(|x| format!("{:02}:{:02}", x.hour, x.minute)).unwrap_or_default()
        };
        let iso = |x: Option<PartialDate>| x.map(|x| x.to_string()).unwrap_or_default();
        [t.clone(), iso(i.start), iso(i.end), hm(i.time), hm(i.end_time)]
    }

    #[test]
    fn times_of_day_and_open_ends() {
        let p = Some(pd(2023, 3, 2));
        for (text, span, time) in [
            ("决定自3月6日零时起恢复堂食", "3月6日零时起", "00:00"),
            ("于3月6日〇时起执行", "3月6日〇时起", "00:00"),
            ("3月6日零点起解除", "3月6日零点起", "00:00"),
            ("3月6日0时起，全县", "3月6日0时起", "00:00"),
            ("从3月6日12时起开放", "3月6日12时起", "12:00"),
            ("3月6日12时30分起", "3月6日12时30分起", "12:30"),
            ("3月6日 9:30起", "3月6日 9:30起", "09:30"),
            ("3月6日18时整起", "3月6日18时整起", "18:00"),
            ("3月6日晚8时起", "3月6日晚8时起", "20:00"),
        ] {
            let d = dates(text, p);
            assert_eq!(d.len(), 1, "{text}: {d:?}");
            let (t, i) = &d[0];
            assert_eq!(t, span, "{text}");
            assert_eq!(i.start, Some(pd(2023, 3, 6)), "{text}");
            assert!(i.open_end && !i.until && !i.relative, "{text}");
            let hm = i.time.map(|x| format!("{:02}:{:02}", x.hour, x.minute));
            assert_eq!(hm.as_deref(), Some(time), "{text}");
        }
        // a numeral that is no hour leaves the date alone
        assert_eq!(one("3月6日零售额", p).0, "3月6日");
        assert_eq!(one("3月6日零星散发", p).0, "3月6日");
    }

    #[test]
    fn ranges_ending_at_a_time() {
        let p = Some(pd(2023, 3, 2));
        let full = |a: [&str; 5]| a.map(str::to_owned);
        assert_eq!(
            timed("3月4日0时至24时，全区", p),
            full(["3月4日0时至24时", "2023-03-04", "2023-03-04", "00:00", "24:00"])
        );
        assert_eq!(
            timed("3月4日8:00-20:00开放", p),
            full(["3月4日8:00-20:00", "2023-03-04", "2023-03-04", "08:00", "20:00"])
        );
        assert_eq!(
            timed("3月4日下午3时至5时30分", p),
            full(["3月4日下午3时至5时30分", "2023-03-04", "2023-03-04", "15:00", "17:30"])
        );
        assert_eq!(
            timed("3月31日22时至次日6时", p),
            full(["3月31日22时至次日6时", "2023-03-31", "2023-04-01", "22:00", "06:00"])
        );
        assert_eq!(
            timed("3月4日零时起至3月10日24时止", p),
            full(["3月4日零时起至3月10日24时", "2023-03-04", "2023-03-10", "00:00", "24:00"])
        );
        assert_eq!(
            timed("3月4日12时至5日24时", p),
            full(["3月4日12时至5日24时", "2023-03-04", "2023-03-05", "12:00", "24:00"])
        );
        assert_eq!(
            timed("自2023年2月27日12时起至3月3日24时", p),
            full(["2023年2月27日12时起至3月3日24时", "2023-02-27", "2023-03-03", "12:00", "24:00"])
        );
        // the hours of a daily report: `0-24时`
        assert_eq!(
            timed("3月4日0-24时，全市新增", p),
            full(["3月4日0-24时", "2023-03-04", "2023-03-04", "00:00", "24:00"])
        );
        assert_eq!(
            timed("3月4日8至18时开放", p),
            full(["3月4日8至18时", "2023-03-04", "2023-03-04", "08:00", "18:00"])
        );
        // a time-only end needs a start time: `3月4日至24时` is no range
        assert_eq!(timed("3月4日至24时", p)[2], "");
        // nor is a count after a date
        assert_eq!(timed("3月4日0时至24时新增3例", p)[0], "3月4日0时至24时");
    }

    #[test]
    fn issue_day_is_the_publication_day() {
        let p = Some(pd(2023, 3, 2));
        for (text, span) in [
            ("本通告自发布之日起施行", "发布之日起"),
            ("本办法自公布之日起实施", "公布之日起"),
            ("本方案自印发之日起执行", "印发之日起"),
            ("自本通知下发之日起", "下发之日起"),
            ("即日起，全市", "即日起"),
            ("自即日起，全市", "即日起"),
            ("从即日起恢复", "即日起"),
        ] {
            let d = dates(text, p);
            assert_eq!(d.len(), 1, "{text}: {d:?}");
            let (t, i) = &d[0];
            assert_eq!(t, span, "{text}");
            assert_eq!(i.start, Some(pd(2023, 3, 2)), "{text}");
            assert!(i.open_end && i.relative && i.inferred && !i.until, "{text}");
            assert_eq!(i.precision, DatePrecision::Day, "{text}");
            assert_eq!(i.written, DateParts::default(), "{text}");
        }
        // without a publication date the day is unknown, the shape is not
        let d = dates("自发布之日起施行", None);
        assert_eq!(d[0].1.start, None);
        assert!(d[0].1.open_end && d[0].1.relative);
        // a period from the issue day
        assert_eq!(
            timed("自印发之日起至3月31日24时", p),
            [
                "印发之日起至3月31日24时".into(),
                "2023-03-02".into(),
                "2023-03-31".into(),
                String::new(),
                "24:00".into()
            ]
        );
    }

    #[test]
    fn ranges_across_months_and_years() {
        let dec = Some(pd(2022, 12, 27));
        for (text, span, start, end) in [
            ("1月18日至20日", "1月18日至20日", "2023-01-18", "2023-01-20"),
            ("1月18日—2月3日", "1月18日—2月3日", "2023-01-18", "2023-02-03"),
            ("1月18日——2月3日", "1月18日——2月3日", "2023-01-18", "2023-02-03"),
            ("1月18日~20日", "1月18日~20日", "2023-01-18", "2023-01-20"),
            ("1月18号到20号", "1月18号到20号", "2023-01-18", "2023-01-20"),
            ("12月30日至1月8日", "12月30日至1月8日", "2022-12-30", "2023-01-08"),
            ("12月30日—1月8日", "12月30日—1月8日", "2022-12-30", "2023-01-08"),
            ("12月30日至 1月8日", "12月30日至 1月8日", "2022-12-30", "2023-01-08"),
            (
                "2022年12月30日至2023年1月8日",
                "2022年12月30日至2023年1月8日",
                "2022-12-30",
                "2023-01-08",
            ),
            ("2022年12月30日至1月8日", "2022年12月30日至1月8日", "2022-12-30", "2023-01-08"),
        ] {
            let d = dates(text, dec);
            assert_eq!(d.len(), 1, "{text}: {d:?}");
            let (t, i) = &d[0];
            assert_eq!(t, span, "{text}");
            assert_eq!(i.start.map(|x| x.to_string()).as_deref(), Some(start), "{text}");
            assert_eq!(i.end.map(|x| x.to_string()).as_deref(), Some(end), "{text}");
        }
        // read on a January page the same range starts in the December before
        let jan = Some(pd(2023, 1, 4));
        assert_eq!(
            one("12月30日至1月8日", jan),
            ("12月30日至1月8日".into(), "2022-12-30".into(), Some("2023-01-08".into()))
        );
    }

    #[test]
    fn durations_are_not_dates() {
        assert!(dates("隔离14日内", None).is_empty());
        assert!(dates("持续3年", None).is_empty());
        assert!(dates("3个月", None).is_empty());
    }
}
