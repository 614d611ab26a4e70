//! Dates as pages print them: the workspace's one printed-date parser,
//! [`zhengling_entities::printed`], and its typed date.

pub(crate) use zhengling_entities::DateTime;
pub(crate) use zhengling_entities::printed::{
    Found, find_dates, first_date, is_signature_date, url_date,
};

/// A date value from a `meta` tag or JSON-LD (`2012-01-12T10:20:30+08:00`, the local time
/// kept; `2012/01/12`).
pub(crate) fn parse_machine(s: &str) -> Option<DateTime> {
    DateTime::parse(s).filter(|d| d.date.day.is_some())
}
