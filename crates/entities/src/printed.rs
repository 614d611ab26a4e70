//! Dates and times as pages print them, the one parser of printed dates in the workspace:
//! `2022-10-08 10:10:06`, `2022年10月8日 10:10`, `2012/01/12`, `06/02/2022 - 13:48`,
//! `9/17/2004 5:54:13 AM`, `101年1月12日` (Republic of China years), ISO 8601 with a zone
//! (the local time is kept), a date in a URL's path. The boilerplate crate dates pages with
//! it; the date grammar of this crate reads the numeric forms with it.
//!
//! ```
//! use zhengling_entities::printed;
//! let f = printed::find_dates("发布时间：2022年10月8日 10:10 来源：某某日报");
//! assert_eq!(f[0].date.to_string(), "2022-10-08T10:10:00");
//! assert!(printed::is_signature_date("2021年12月27日"));
//! assert_eq!(
//!     printed::url_date("http://x.cn/a/20120112/t20120112_1.html").map(|d| d.to_string()).as_deref(),
//!     Some("2012-01-12")
//! );
//! ```

// Scanners index with i, j, k and name the date parts y, m, d, h: longer names read worse.
#![allow(clippy::many_single_char_names)]

use crate::date::days_in_month;
use crate::types::{DatePrecision, DateTime, PartialDate, TimeOfDay};

/// Hour, minute and (when printed) second.
type Hms = (u8, u8, Option<u8>);

/// A date found in a text, with its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The date and time.
    pub date: DateTime,
    /// How precise it is as printed: a day, or the minute or second of its time.
    pub precision: DatePrecision,
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// What forms a scan accepts.
#[derive(Debug, Clone, Copy)]
struct Forms {
    /// Years of the numeric forms (`2012-01-12`, `2012年1月12日`).
    years: (u32, u32),
    /// `2012年1月12日` and `101年1月12日`.
    chinese: bool,
    /// `06/02/2022` (day or month first).
    dmy: bool,
}

/// The forms pages print their dates in.
const PAGE: Forms = Forms { years: (1990, 2039), chinese: true, dmy: true };
/// The numeric forms of running text (the date grammar reads the Chinese ones itself).
const NUMERIC: Forms = Forms { years: (1900, 2100), chinese: false, dmy: false };

struct Scan<'a> {
    s: &'a str,
    chars: Vec<(usize, char)>,
    forms: Forms,
}

/// A full date, when valid.
fn ymd(year: u32, month: u32, day: u32) -> Option<PartialDate> {
    let year = i32::try_from(year).ok()?;
    let month = u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
    let day = u8::try_from(day).ok().filter(|&d| d >= 1 && d <= days_in_month(year, month))?;
    Some(PartialDate { year, month: Some(month), day: Some(day) })
}

impl Scan<'_> {
    fn at(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|&(_, c)| c)
    }

    fn byte(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.s.len(), |&(b, _)| b)
    }

    /// A run of up to `max` digits at `i`: (value, digits).
    fn num(&self, i: usize, max: usize) -> Option<(u32, usize)> {
        let mut v = 0u32;
        let mut n = 0;
        while n < max {
            match self.at(i + n).and_then(digit) {
                Some(d) => v = v * 10 + d,
                None => break,
            }
            n += 1;
        }
        if n == 0 || self.at(i + n).and_then(digit).is_some() { None } else { Some((v, n)) }
    }

    fn skip_spaces(&self, mut i: usize) -> usize {
        while self.at(i).is_some_and(char::is_whitespace) {
            i += 1;
        }
        i
    }

    /// A day-month-year or month-day-year date with slashes (`06/02/2022`, `9/17/2004`):
    /// day first when both readings are possible, as European and most Chinese-site
    /// renderings of this form are.
    fn dmy_at(&self, i: usize) -> Option<(usize, PartialDate)> {
        let (a, an) = self.num(i, 2)?;
        let mut j = i + an;
        if self.at(j)? != '/' {
            return None;
        }
        let (b, bn) = self.num(j + 1, 2)?;
        j += 1 + bn;
        if self.at(j)? != '/' {
            return None;
        }
        let (y, yn) = self.num(j + 1, 4)?;
        if yn != 4 || !(1990..=2039).contains(&y) {
            return None;
        }
        j += 1 + yn;
        let (day, month) = if (1..=12).contains(&b) && (1..=31).contains(&a) {
            (a, b)
        } else if (1..=12).contains(&a) && (1..=31).contains(&b) {
            (b, a)
        } else {
            return None;
        };
        Some((j, ymd(y, month, day)?))
    }

    /// A date starting at `i`.
    fn date_at(&self, i: usize) -> Option<(usize, PartialDate)> {
        if self.forms.dmy
            && let Some(d) = self.dmy_at(i)
        {
            return Some(d);
        }
        let (y, yn) = self.num(i, 4)?;
        let mut j = i + yn;
        let sep = self.at(j)?;
        let (lo, hi) = self.forms.years;
        let cn = sep == '年';
        if cn && !self.forms.chinese {
            return None;
        }
        let year = match (yn, sep) {
            (4, _) if (lo..=hi).contains(&y) => y,
            // Republic of China years, Taiwan: 101年 = 2012
            (2 | 3, '年') if (80..=130).contains(&y) => y + 1911,
            _ => return None,
        };
        if !matches!(sep, '-' | '/' | '.' | '年' | '－' | '／' | '∕') {
            return None;
        }
        j = self.skip_spaces(j + 1);
        let (m, mn) = self.num(j, 2)?;
        j += mn;
        let sep2 = self.at(j)?;
        let ok = if cn { sep2 == '月' } else { sep2 == sep };
        if !ok || !(1..=12).contains(&m) {
            return None;
        }
        j = self.skip_spaces(j + 1);
        let (d, dn) = self.num(j, 2)?;
        j += dn;
        if !(1..=31).contains(&d) {
            return None;
        }
        if cn && matches!(self.at(j), Some('日' | '号' | '號')) {
            j += 1;
        }
        Some((j, ymd(year, m, d)?))
    }

    /// A time starting at or after `i` (spaces, `T`, weekday and 上午/下午 allowed before).
    fn time_at(&self, mut i: usize) -> Option<(usize, Hms)> {
        let start = i;
        // skip spaces, a 'T', a bracketed weekday like （星期四） and am/pm words
        let mut pm = false;
        let mut guard = 0;
        loop {
            guard += 1;
            if guard > 12 {
                break;
            }
            match self.at(i) {
                Some(c) if c.is_whitespace() || matches!(c, 'T' | ',' | '，' | '-' | '|') => {
                    i += 1;
                }
                Some('上' | '下' | '早' | '晚' | '中') => {
                    let next = self.at(i + 1);
                    if matches!(next, Some('午' | '上')) {
                        pm = matches!(self.at(i), Some('下' | '晚'));
                        i += 2;
                    } else {
                        break;
                    }
                }
                Some('星' | '週' | '周' | '礼' | '禮') => {
                    // 星期四 / 周四 / 礼拜四
                    let mut k = i;
                    while k < i + 4
                        && self.at(k).is_some_and(|c| !c.is_ascii_digit() && !c.is_whitespace())
                    {
                        k += 1;
                    }
                    i = k;
                }
                Some('(' | '（') => {
                    let mut k = i + 1;
                    while k < i + 6 && !matches!(self.at(k), Some(')' | '）') | None) {
                        k += 1;
                    }
                    if matches!(self.at(k), Some(')' | '）')) {
                        i = k + 1;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        if i - start > 10 {
            return None;
        }
        let (h, hn) = self.num(i, 2)?;
        let mut j = i + hn;
        let sep = self.at(j)?;
        if !matches!(sep, ':' | '：' | '时' | '時' | '点' | '點') {
            return None;
        }
        j += 1;
        let (m, mn) = self.num(j, 2)?;
        j += mn;
        if matches!(self.at(j), Some('分')) {
            j += 1;
        }
        let mut sec = None;
        if matches!(self.at(j), Some(':' | '：'))
            && let Some((s, sn)) = self.num(j + 1, 2)
        {
            if s < 60 {
                sec = Some(u8::try_from(s).ok()?);
            }
            j += 1 + sn;
            if matches!(self.at(j), Some('秒')) {
                j += 1;
            }
        }
        // a trailing AM/PM
        let mut k = j;
        while self.at(k).is_some_and(char::is_whitespace) && k < j + 2 {
            k += 1;
        }
        let ampm: String =
            (k..k + 2).filter_map(|x| self.at(x)).collect::<String>().to_ascii_uppercase();
        if ampm == "PM" || ampm == "AM" {
            pm = ampm == "PM";
            if h == 12 && !pm {
                return Some((k + 2, (0, u8::try_from(m).ok()?, sec)));
            }
            j = k + 2;
        }
        let h = if pm && h < 12 { h + 12 } else { h };
        if h > 23 || m > 59 {
            return None;
        }
        Some((j, (u8::try_from(h).ok()?, u8::try_from(m).ok()?, sec)))
    }
}

impl Scan<'_> {
    /// The date (and time) starting at character `i`.
    fn found_at(&self, i: usize) -> Option<(usize, Found)> {
        let (mut j, date) = self.date_at(i)?;
        let mut dt = DateTime { date, time: None };
        let mut precision = DatePrecision::Day;
        if let Some((k, (hour, minute, sec))) = self.time_at(j) {
            dt.time = Some(TimeOfDay { hour, minute, second: sec.unwrap_or(0) });
            precision = if sec.is_some() { DatePrecision::Second } else { DatePrecision::Minute };
            j = k;
        }
        Some((j, Found { start: self.byte(i), end: self.byte(j), date: dt, precision }))
    }
}

/// The dates printed in a text, left to right.
pub fn find_dates(s: &str) -> Vec<Found> {
    let mut out = Vec::new();
    if !s.bytes().any(|b| b.is_ascii_digit()) && !s.contains(['０', '１', '２']) {
        return out;
    }
    let scan = Scan { s, chars: s.char_indices().collect(), forms: PAGE };
    let mut i = 0;
    while i < scan.chars.len() {
        let prev_digit = i > 0 && scan.at(i - 1).and_then(digit).is_some();
        if prev_digit || scan.at(i).and_then(digit).is_none() {
            i += 1;
            continue;
        }
        if let Some((j, f)) = scan.found_at(i) {
            out.push(f);
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// A numeric date (`2022-10-08`, `2022/10/8`, `2022.10.08`, years 1900-2100) with an optional
/// time after it, starting at byte `pos` of `text`: what the date grammar reads for these
/// forms.
pub(crate) fn numeric_at(text: &str, pos: usize) -> Option<Found> {
    let head = text.get(pos..)?;
    // a date and a time fit in 40 characters
    let end = head.char_indices().nth(40).map_or(head.len(), |(i, _)| i);
    let s = head.get(..end)?;
    let scan = Scan { s, chars: s.char_indices().collect(), forms: NUMERIC };
    let (_, f) = scan.found_at(0)?;
    Some(Found { start: pos + f.start, end: pos + f.end, ..f })
}

/// Whether a line is nothing but a date written the Chinese way (`2021年12月19日`): the
/// closing date of a notice or letter.
pub fn is_signature_date(s: &str) -> bool {
    let t = s.trim();
    t.contains('年')
        && find_dates(t)
            .first()
            .is_some_and(|f| f.start == 0 && f.end == t.len() && f.date.time.is_none())
}

/// The first date in a text.
pub fn first_date(s: &str) -> Option<DateTime> {
    find_dates(s).first().map(|f| f.date)
}

/// A date in a URL path: `/2012-01/12/`, `/20120112/`, `t20120112_`, `/2012/0112/`,
/// `/201201/12/`, `/2012/01/12/`.
pub fn url_date(url: &str) -> Option<DateTime> {
    let path = url.split_once("://").map_or(url, |(_, r)| r);
    let path = path.find('/').and_then(|i| path.get(i..)).unwrap_or("");
    let digits: Vec<(usize, u8)> =
        path.bytes().enumerate().filter(|(_, b)| b.is_ascii_digit()).collect();
    if digits.len() < 8 {
        return None;
    }
    // Runs of digits separated by at most one non-digit character.
    let bytes = path.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes.get(i).is_some_and(u8::is_ascii_digit)
            || (i > 0 && bytes.get(i - 1).is_some_and(u8::is_ascii_digit))
        {
            i += 1;
            continue;
        }
        // collect up to 8 digits allowing single separators
        let mut ds = String::new();
        let mut seps = 0;
        let mut j = i;
        while j < bytes.len() && ds.len() < 8 {
            let b = bytes.get(j).copied().unwrap_or(0);
            if b.is_ascii_digit() {
                ds.push(char::from(b));
            } else if matches!(b, b'/' | b'-' | b'_')
                && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)
                && (ds.len() == 4 || ds.len() == 6)
                && seps < 2
            {
                seps += 1;
            } else {
                break;
            }
            j += 1;
        }
        let next_is_digit = bytes.get(j).is_some_and(u8::is_ascii_digit);
        if ds.len() == 8 && !next_is_digit {
            let y: u32 = ds.get(0..4)?.parse().ok()?;
            let m: u32 = ds.get(4..6)?.parse().ok()?;
            let d: u32 = ds.get(6..8)?.parse().ok()?;
            if (1995..=2039).contains(&y)
                && let Some(date) = ymd(y, m, d)
            {
                return Some(DateTime { date, time: None });
            }
        }
        i += 1;
    }
    None
}

/// A date value as markup and records give it: ISO 8601 with or without a time and zone
/// (`2012-01-12T10:20:30+08:00`, the local time kept), `2012/01/12 10:20`, `2012年1月12日`,
/// a year and month (`2021-03`) or a year (`2021`). The date must open the value.
pub(crate) fn parse(s: &str) -> Option<DateTime> {
    let s = s.trim();
    if let Some(first) = find_dates(s).first()
        && first.start <= 2
    {
        return Some(first.date);
    }
    // a year, or a year and month
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r.clone()).filter(|x| x.iter().all(u8::is_ascii_digit)).and_then(|_| s.get(r))
    };
    let year: i32 = digits(0..4)?.parse().ok()?;
    let after_year = b.get(4).copied();
    if !(1900..=2100).contains(&year) || after_year.is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let month = match after_year {
        Some(b'-' | b'/' | b'.') => {
            let m: u8 = digits(5..7)?.parse().ok()?;
            (b.get(7).is_none_or(|c| !c.is_ascii_digit()) && (1..=12).contains(&m)).then_some(m)
        }
        _ => None,
    };
    Some(DateTime { date: PartialDate { year, month, day: None }, time: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        first_date(s).map(|d| d.to_string())
    }

    #[test]
    fn common_forms() {
        assert_eq!(
            iso("网络编辑 太原 2022-10-08 10:10:06 0").as_deref(),
            Some("2022-10-08T10:10:06")
        );
        assert_eq!(iso("2023-01-28 05:42:02来源:互联网").as_deref(), Some("2023-01-28T05:42:02"));
        assert_eq!(iso("发布时间：2012年1月12日 16:48").as_deref(), Some("2012-01-12T16:48:00"));
        assert_eq!(iso("2012/01/12").as_deref(), Some("2012-01-12"));
        assert_eq!(iso("２０１２年１月１２日").as_deref(), Some("2012-01-12"));
        assert_eq!(iso("101年1月12日 下午 3:05").as_deref(), Some("2012-01-12T15:05:00"));
        assert_eq!(
            iso("2012年01月12日（星期四） 08时30分").as_deref(),
            Some("2012-01-12T08:30:00")
        );
        assert_eq!(iso("2012-1-12T10:20:30+08:00").as_deref(), Some("2012-01-12T10:20:30"));
        assert_eq!(iso("发表时间： 06/02/2022 - 13:48").as_deref(), Some("2022-02-06T13:48:00"));
        assert_eq!(iso("发布日期： 9/17/2004 5:54:13 AM").as_deref(), Some("2004-09-17T05:54:13"));
        assert_eq!(iso("7/5/2005 9:23:57 PM").as_deref(), Some("2005-05-07T21:23:57"));
    }

    #[test]
    fn rejects_non_dates() {
        assert_eq!(iso("电话 12345678"), None);
        assert_eq!(iso("3.4万名"), None);
        assert_eq!(iso("2022-13-01"), None);
        assert_eq!(iso("第139次会议"), None);
        assert_eq!(iso("120022-10-08"), None);
    }

    #[test]
    fn signature_dates() {
        assert!(is_signature_date("2021年12月19日"));
        assert!(!is_signature_date("2021-12-19"));
        assert!(!is_signature_date("发布时间：2021年12月19日"));
    }

    #[test]
    fn url_dates() {
        let u = |s: &str| url_date(s).map(|d| d.to_string());
        assert_eq!(u("http://news.x.com/2012-01/12/c_1.htm").as_deref(), Some("2012-01-12"));
        assert_eq!(u("http://x.cn/gn/2012/01-12/3601.shtml").as_deref(), Some("2012-01-12"));
        assert_eq!(u("http://x.cn/a/20120112/t20120112_1.html").as_deref(), Some("2012-01-12"));
        assert_eq!(u("http://x.cn/a/12345678.html"), None);
    }
}
