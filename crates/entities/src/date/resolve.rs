//! Resolution: a date as written, read against the publication date (years inferred, a
//! range's end after its start), and the calendar arithmetic it needs.

use super::{Atom, DayPart, RelUnit};
use crate::types::{DateInfo, DateParts, DatePrecision, PartialDate, TimeOfDay};

/// Resolves a date expression: its start against the publication date, its end (a range
/// end, a time-only end, an end day, or the end of a part of a year) against the start.
pub(super) fn resolve(
    a: &Atom,
    b: Option<&Atom>,
    published: Option<PartialDate>,
    open_end: bool,
    until: bool,
) -> DateInfo {
    let (start, inferred) = resolve_atom(a, published, None);
    let mut end = None;
    let mut end_time = None;
    if let Some(b) = b.filter(|b| is_time_only(b)) {
        (end, end_time) = same_day_end(a, b, start);
    } else if let Some(b) = b {
        let mut b2 = *b;
        if b2.parts.month.is_none() && b2.rel.is_none() {
            b2.parts.month = a.parts.month.or(start.and_then(|s| s.month));
        }
        end = if b2.parts.year.is_none() && b2.rel.is_none() {
            // the end takes the start's year, or the next one if it would precede the start
            start.and_then(|s| {
                [s.year, s.year + 1].into_iter().find_map(|y| {
                    let e = PartialDate { year: y, month: b2.parts.month, day: b2.parts.day };
                    (valid(y, e.month, e.day)
                        && ordinal(y, e.month, e.day) >= ordinal(s.year, s.month, s.day))
                    .then_some(e)
                })
            })
        } else {
            resolve_atom(&b2, published, start).0
        };
        end_time = b.time;
    } else if let Some(d) = a.end_day {
        end = start.map(|s| PartialDate { day: Some(d), ..s });
    } else if let Some((_, m2)) = a.year_part.filter(|(m1, m2)| m1 != m2) {
        end = start.map(|s| PartialDate { month: Some(m2), day: None, ..s });
    }
    let precision = a.time_precision.unwrap_or(
        if a.parts.day.is_some() || matches!(a.rel, Some((RelUnit::Day, _))) {
            DatePrecision::Day
        } else if a.parts.month.is_some()
            || a.year_part.is_some()
            || matches!(a.rel, Some((RelUnit::Month, _)))
        {
            DatePrecision::Month
        } else {
            DatePrecision::Year
        },
    );
    DateInfo {
        start,
        end,
        inferred,
        precision,
        written: a.parts,
        time: a.time,
        end_time,
        open_end,
        until,
        relative: a.rel.is_some(),
    }
}

/// A range's end written as a time of day only (`至24时`).
pub(super) fn is_time_only(b: &Atom) -> bool {
    b.parts == DateParts::default() && b.rel.is_none() && b.time.is_some()
}

/// The end date and time of a range whose end is a time only: the start's day
/// (`11月19日0时至24时`), the next one when the text says so (`22时至次日6时`) or the clock goes
/// backwards (`22时至6时`). `下午3时至5时` ends at 17:00.
fn same_day_end(
    a: &Atom,
    b: &Atom,
    start: Option<PartialDate>,
) -> (Option<PartialDate>, Option<TimeOfDay>) {
    let (Some(t0), Some(mut t1)) = (a.time, b.time) else { return (None, b.time) };
    if matches!(a.day_part, Some(DayPart::Pm)) && b.day_part.is_none() && t1.hour < 12 {
        t1.hour += 12;
    }
    let next = b.next_day || t1 <= t0;
    let end = start.and_then(|s| match (s.month, s.day) {
        (Some(m), Some(d)) if next => civil_from_days(days_from_civil(s.year, m, d) + 1)
            .map(|(y, m, d)| PartialDate { year: y, month: Some(m), day: Some(d) }),
        (Some(_), Some(_)) => Some(s),
        _ => None,
    });
    (end, Some(t1))
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in month `m` (1-12) of year `y`.
pub(crate) fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
fn days_from_civil(y: i32, m: u8, d: u8) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> Option<(i32, u8, u8)> {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = u8::try_from(doy - (153 * mp + 2) / 5 + 1).ok()?;
    let m = u8::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).ok()?;
    let y = i32::try_from(yoe + era * 400 + i64::from(m <= 2)).ok()?;
    Some((y, m, d))
}

/// A rough day number for comparing partial dates (missing parts at their middle).
fn ordinal(y: i32, m: Option<u8>, d: Option<u8>) -> i64 {
    let m = m.unwrap_or(7);
    let d = d.unwrap_or(if m == 7 { 1 } else { 15 });
    days_from_civil(y, m, d.min(days_in_month(y, m).max(1)))
}

fn valid(y: i32, m: Option<u8>, d: Option<u8>) -> bool {
    match (m, d) {
        (Some(m), Some(d)) => (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m),
        (Some(m), None) => (1..=12).contains(&m),
        (None, Some(_)) => false,
        (None, None) => true,
    }
}

/// Resolves an atom against the publication date; `after` is a range start the date may not
/// precede (`12月28日至1月3日` rolls into the next year).
fn resolve_atom(
    a: &Atom,
    published: Option<PartialDate>,
    after: Option<PartialDate>,
) -> (Option<PartialDate>, bool) {
    let mut month = a.parts.month;
    if month.is_none() {
        month = a.year_part.map(|(m1, _)| m1);
    }
    let day = a.parts.day;
    if let Some((unit, off)) = a.rel {
        let Some(p) = published else { return (None, true) };
        let date = match unit {
            RelUnit::Year => {
                let y = p.year + off;
                valid(y, month, day).then_some(PartialDate { year: y, month, day })
            }
            RelUnit::Month => p.month.and_then(|pm| {
                let idx = i64::from(p.year) * 12 + i64::from(pm) - 1 + i64::from(off);
                let y = i32::try_from(idx.div_euclid(12)).ok()?;
                let m = u8::try_from(idx.rem_euclid(12) + 1).ok()?;
                valid(y, Some(m), day).then_some(PartialDate { year: y, month: Some(m), day })
            }),
            RelUnit::Day => match (p.month, p.day) {
                (Some(pm), Some(pd)) => {
                    civil_from_days(days_from_civil(p.year, pm, pd) + i64::from(off))
                        .map(|(y, m, d)| PartialDate { year: y, month: Some(m), day: Some(d) })
                }
                _ => None,
            },
        };
        return (date, true);
    }
    if let Some(y) = a.parts.year {
        return (valid(y, month, day).then_some(PartialDate { year: y, month, day }), false);
    }
    let Some(p) = published else { return (None, true) };
    let target = ordinal(p.year, p.month, p.day);
    let floor = after.map(|s| ordinal(s.year, s.month, s.day));
    let mut best: Option<(i64, PartialDate)> = None;
    let mut consider = |y: i32, m: Option<u8>| {
        if !valid(y, m, day) {
            return;
        }
        let o = ordinal(y, m, day);
        if floor.is_some_and(|f| o < f) {
            return;
        }
        let dist = if floor.is_some() { o - floor.unwrap_or(o) } else { (o - target).abs() };
        if best.is_none_or(|(b, _)| dist < b) {
            best = Some((dist, PartialDate { year: y, month: m, day }));
        }
    };
    match (month, p.month) {
        (Some(m), _) => {
            for y in [p.year - 1, p.year, p.year + 1] {
                consider(y, Some(m));
            }
        }
        (None, Some(pm)) => {
            let base = i64::from(p.year) * 12 + i64::from(pm) - 1;
            for off in [-1i64, 0, 1] {
                let idx = base + off;
                let (Ok(y), Ok(m)) =
                    (i32::try_from(idx.div_euclid(12)), u8::try_from(idx.rem_euclid(12) + 1))
                else {
                    continue;
                };
                consider(y, Some(m));
            }
        }
        (None, None) => {}
    }
    (best.map(|(_, d)| d), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        for z in [-1000i64, 0, 19_000, 20_000] {
            let (y, m, d) = civil_from_days(z).unwrap();
            assert_eq!(days_from_civil(y, m, d), z);
        }
        assert_eq!(days_in_month(2024, 2), 29);
    }
}
