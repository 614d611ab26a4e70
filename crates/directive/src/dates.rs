//! Dates written in the text (`10月6日`, `2022年10月6日`), with the year inferred from the
//! publication date where the text omits it, and Chinese numerals (`第一百三十九次`).

use regex::Regex;

/// A calendar date (day optional).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Ymd {
    pub y: i32,
    pub m: u8,
    pub d: Option<u8>,
}

impl Ymd {
    pub(crate) fn iso(self) -> String {
        match self.d {
            Some(d) => format!("{:04}-{:02}-{d:02}", self.y, self.m),
            None => format!("{:04}-{:02}", self.y, self.m),
        }
    }
}

/// The date part of an ISO 8601 publication time.
pub(crate) fn parse_published(s: &str) -> Option<Ymd> {
    let y = s.get(0..4)?.parse().ok()?;
    let m: u8 = s.get(5..7)?.parse().ok()?;
    let d = s.get(8..10).and_then(|d| d.parse::<u8>().ok()).filter(|d| (1..=31).contains(d));
    (1..=12).contains(&m).then_some(Ymd { y, m, d })
}

/// The year of a month/day written without one: the publication year, moved by one when that
/// puts the date more than six months away from publication (a December date published in
/// January is last year's).
pub(crate) fn infer_year(published: Option<Ymd>, m: u8) -> Option<i32> {
    let p = published?;
    let diff = i32::from(m) - i32::from(p.m);
    Some(if diff > 6 {
        p.y - 1
    } else if diff < -6 {
        p.y + 1
    } else {
        p.y
    })
}

/// A date found in the text: span and value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub date: Ymd,
}

/// Finds `[YYYY年]M月[D日]` dates.
#[derive(Debug, Clone)]
pub(crate) struct DateFinder {
    re: Regex,
}

impl DateFinder {
    pub(crate) fn new() -> Result<Self, regex::Error> {
        Ok(DateFinder {
            re: Regex::new(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号])?")?,
        })
    }

    /// Dates in `text`, in order; those whose year cannot be known are skipped.
    pub(crate) fn find(&self, text: &str, published: Option<Ymd>) -> Vec<Found> {
        if !text.contains('月') {
            return Vec::new();
        }
        let mut out = Vec::new();
        for c in self.re.captures_iter(text) {
            let Some(all) = c.get(0) else { continue };
            let Some(m) = c.get(2).and_then(|m| m.as_str().parse::<u8>().ok()) else { continue };
            if !(1..=12).contains(&m) {
                continue;
            }
            let d = c.get(3).and_then(|d| d.as_str().parse::<u8>().ok());
            if d.is_some_and(|d| !(1..=31).contains(&d)) {
                continue;
            }
            let y = match c.get(1).and_then(|y| y.as_str().parse::<i32>().ok()) {
                Some(y) => Some(y),
                None => infer_year(published, m),
            };
            if let Some(y) = y {
                out.push(Found { start: all.start(), end: all.end(), date: Ymd { y, m, d } });
            }
        }
        out
    }
}

/// The value of a number written in digits or Chinese numerals (`139`, `一百三十九`, `十`).
pub(crate) fn parse_number(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    if s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    let mut total: u32 = 0;
    let mut section: u32 = 0;
    let mut digit: Option<u32> = None;
    for c in s.chars() {
        let d = match c {
            '零' | '〇' => Some(0),
            '一' | '壹' => Some(1),
            '二' | '两' | '贰' => Some(2),
            '三' | '叁' => Some(3),
            '四' | '肆' => Some(4),
            '五' | '伍' => Some(5),
            '六' | '陆' => Some(6),
            '七' | '柒' => Some(7),
            '八' | '捌' => Some(8),
            '九' | '玖' => Some(9),
            _ => None,
        };
        if let Some(d) = d {
            digit = Some(d);
            continue;
        }
        let unit = match c {
            '十' | '拾' => 10,
            '百' | '佰' => 100,
            '千' | '仟' => 1000,
            '万' => {
                section = section.checked_add(digit.take().unwrap_or(0))?;
                total = total.checked_add(section.checked_mul(10_000)?)?;
                section = 0;
                continue;
            }
            _ => return None,
        };
        section = section.checked_add(digit.take().unwrap_or(1).checked_mul(unit)?)?;
    }
    total.checked_add(section)?.checked_add(digit.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_is_inferred_from_publication() {
        let f = DateFinder::new().unwrap();
        let p = parse_published("2022-10-08T10:10:06");
        let found = f.find("10月6日,省委常委", p);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].date.iso(), "2022-10-06");
        assert_eq!((found[0].start, found[0].end), (0, "10月6日".len()));
        let jan = parse_published("2023-01-02");
        assert_eq!(f.find("12月30日召开", jan)[0].date.iso(), "2022-12-30");
        assert_eq!(f.find("2021年3月起", jan)[0].date.iso(), "2021-03");
        assert!(f.find("13月40日", jan).is_empty());
        assert!(f.find("10月6日", None).is_empty());
    }

    #[test]
    fn published_dates() {
        assert_eq!(parse_published("2023-01-28"), Some(Ymd { y: 2023, m: 1, d: Some(28) }));
        assert_eq!(parse_published("2023"), None);
        assert_eq!(parse_published("2023-13-01"), None);
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(parse_number("139"), Some(139));
        assert_eq!(parse_number("一百三十九"), Some(139));
        assert_eq!(parse_number("十"), Some(10));
        assert_eq!(parse_number("十二"), Some(12));
        assert_eq!(parse_number("二十"), Some(20));
        assert_eq!(parse_number("一百零九"), Some(109));
        assert_eq!(parse_number("两千"), Some(2000));
        assert_eq!(parse_number("三万五千"), Some(35_000));
        assert_eq!(parse_number("第"), None);
        assert_eq!(parse_number(""), None);
    }
}
