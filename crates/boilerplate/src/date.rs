//! Dates and times as pages print them: `2022-10-08 10:10:06`, `2022年10月8日 10:10`,
//! `2012/01/12`, `101年1月12日` (Republic of China years), ISO 8601 with a zone.

use std::fmt::Write as _;

/// A date, with a time when one is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateTime {
    pub(crate) year: u16,
    pub(crate) month: u8,
    pub(crate) day: u8,
    /// Hour, minute and second (second 0 when not printed).
    pub(crate) time: Option<(u8, u8, Option<u8>)>,
}

impl DateTime {
    /// ISO 8601: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`.
    pub(crate) fn iso(self) -> String {
        let mut s = format!("{:04}-{:02}-{:02}", self.year, self.month, self.day);
        if let Some((h, m, sec)) = self.time {
            let _ = write!(s, "T{h:02}:{m:02}:{:02}", sec.unwrap_or(0));
        }
        s
    }
}

/// Hour, minute and (when printed) second.
type Hms = (u8, u8, Option<u8>);

/// A date found in a text, with its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) date: DateTime,
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

struct Scan<'a> {
    s: &'a str,
    chars: Vec<(usize, char)>,
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
    fn dmy_at(&self, i: usize) -> Option<(usize, DateTime)> {
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
        let date = DateTime {
            year: u16::try_from(y).ok()?,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
            time: None,
        };
        Some((j, date))
    }

    /// A date starting at `i`.
    fn date_at(&self, i: usize) -> Option<(usize, DateTime)> {
        if let Some(d) = self.dmy_at(i) {
            return Some(d);
        }
        let (y, yn) = self.num(i, 4)?;
        let mut j = i + yn;
        let sep = self.at(j)?;
        let year = match (yn, sep) {
            (4, _) if (1990..=2039).contains(&y) => y,
            // Republic of China years, Taiwan: 101年 = 2012
            (2 | 3, '年') if (80..=130).contains(&y) => y + 1911,
            _ => return None,
        };
        let cn = sep == '年';
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
        let date = DateTime {
            year: u16::try_from(year).ok()?,
            month: u8::try_from(m).ok()?,
            day: u8::try_from(d).ok()?,
            time: None,
        };
        Some((j, date))
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

/// The dates printed in a text, left to right.
pub(crate) fn find_dates(s: &str) -> Vec<Found> {
    let mut out = Vec::new();
    if !s.bytes().any(|b| b.is_ascii_digit()) && !s.contains(['０', '１', '２']) {
        return out;
    }
    let scan = Scan { s, chars: s.char_indices().collect() };
    let mut i = 0;
    while i < scan.chars.len() {
        let prev_digit = i > 0 && scan.at(i - 1).and_then(digit).is_some();
        if prev_digit || scan.at(i).and_then(digit).is_none() {
            i += 1;
            continue;
        }
        if let Some((mut j, mut date)) = scan.date_at(i) {
            if let Some((k, t)) = scan.time_at(j) {
                date.time = Some(t);
                j = k;
            }
            out.push(Found { start: scan.byte(i), end: scan.byte(j), date });
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Whether a line is nothing but a date written the Chinese way (`2021年12月19日`): the
/// closing date of a notice or letter.
pub(crate) fn is_signature_date(s: &str) -> bool {
    let t = s.trim();
    t.contains('年')
        && find_dates(t)
            .first()
            .is_some_and(|f| f.start == 0 && f.end == t.len() && f.date.time.is_none())
}

/// The first date in a text.
pub(crate) fn first_date(s: &str) -> Option<DateTime> {
    find_dates(s).first().map(|f| f.date)
}

/// A date in a URL path: `/2012-01/12/`, `/20120112/`, `t20120112_`, `/2012/0112/`,
/// `/201201/12/`, `/2012/01/12/`.
pub(crate) fn url_date(url: &str) -> Option<DateTime> {
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
            let y: u16 = ds.get(0..4)?.parse().ok()?;
            let m: u8 = ds.get(4..6)?.parse().ok()?;
            let d: u8 = ds.get(6..8)?.parse().ok()?;
            if (1995..=2039).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d) {
                return Some(DateTime { year: y, month: m, day: d, time: None });
            }
        }
        i += 1;
    }
    None
}

/// An ISO 8601 value from a `meta` tag or JSON-LD (`2012-01-12T10:20:30+08:00`,
/// `2012-01-12 10:20`, `2012/01/12`), keeping the local time as written.
pub(crate) fn parse_machine(s: &str) -> Option<DateTime> {
    let s = s.trim();
    let f = find_dates(s);
    let first = f.first()?;
    if first.start > 2 {
        return None;
    }
    Some(first.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        first_date(s).map(DateTime::iso)
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
        let u = |s: &str| url_date(s).map(DateTime::iso);
        assert_eq!(u("http://news.x.com/2012-01/12/c_1.htm").as_deref(), Some("2012-01-12"));
        assert_eq!(u("http://x.cn/gn/2012/01-12/3601.shtml").as_deref(), Some("2012-01-12"));
        assert_eq!(u("http://x.cn/a/20120112/t20120112_1.html").as_deref(), Some("2012-01-12"));
        assert_eq!(u("http://x.cn/a/12345678.html"), None);
    }
}
