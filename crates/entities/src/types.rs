//! The entity model: kinds, spans and typed values.

use std::fmt;

/// A half-open byte range `[start, end)` into the exact string passed to the extractor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum EntityKind {
    /// A date, partial date, period or relative date.
    Date,
    /// A person, with titles.
    Person,
    /// An organization.
    Organization,
    /// A place (administrative division).
    Place,
    /// A number with its measure word.
    Quantity,
    /// A meeting ordinal (`第139次会议`).
    Meeting,
    /// A term in Chinese quotes.
    Quote,
    /// A URL.
    Url,
    /// An email address.
    Email,
    /// A phone number.
    Phone,
}

impl EntityKind {
    /// The lowercase name used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Date => "date",
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Place => "place",
            EntityKind::Quantity => "quantity",
            EntityKind::Meeting => "meeting",
            EntityKind::Quote => "quote",
            EntityKind::Url => "url",
            EntityKind::Email => "email",
            EntityKind::Phone => "phone",
        }
    }
}

/// A calendar date of year, month or day precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PartialDate {
    /// The year.
    pub year: i32,
    /// The month, 1-12, when known.
    pub month: Option<u8>,
    /// The day, 1-31, when known (only with a month).
    pub day: Option<u8>,
}

impl fmt::Display for PartialDate {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// A date with the time of day when one is given: a page's publication time as printed
/// (`2022-10-08 10:10:06`), typed from the boilerplate crate to the directive record. Its
/// `Display` is ISO 8601: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`.
///
/// ```
/// use zhengling_entities::DateTime;
/// let d = DateTime::parse("2022-10-08T10:10:06+08:00").unwrap();
/// assert_eq!(d.to_string(), "2022-10-08T10:10:06");
/// assert_eq!(d.day().map(|x| x.to_string()).as_deref(), Some("2022-10-08"));
/// assert_eq!(DateTime::parse("2021").map(|d| d.to_string()).as_deref(), Some("2021"));
/// assert_eq!(DateTime::parse("2021").and_then(DateTime::day), None);
/// assert_eq!(DateTime::parse("x"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime {
    /// The date.
    pub date: PartialDate,
    /// The time of day, when given (seconds 0 when not printed).
    pub time: Option<TimeOfDay>,
}

impl DateTime {
    /// The one publication-date parser of the workspace: ISO 8601 with or without time and
    /// zone (the local time is kept), `2012/01/12 10:20`, `2012年1月12日`, a year and month
    /// (`2021-03`) or a year (`2021`). `None` unless a date opens the value.
    pub fn parse(s: &str) -> Option<DateTime> {
        crate::printed::parse(s)
    }

    /// The date when it gives a day (`None` for `2021` or `2021-03`): the day a document
    /// that takes effect `自发布之日起` starts.
    pub fn day(self) -> Option<PartialDate> {
        self.date.day.is_some().then_some(self.date)
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date)?;
        if let Some(t) = self.time {
            write!(f, "T{:02}:{:02}:{:02}", t.hour, t.minute, t.second)?;
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for DateTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for DateTime {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        DateTime::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("not a date: {s}")))
    }
}

/// A date entity's value.
#[allow(clippy::struct_excessive_bools)] // independent flags of the model
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct DateInfo {
    /// The date (or the start of a range); `None` when the year cannot be resolved.
    pub start: Option<PartialDate>,
    /// The end of a range or period, when the text gives one.
    pub end: Option<PartialDate>,
    /// Whether the year (or the whole date) was inferred from the publication date.
    pub inferred: bool,
    /// The precision the text gives for the start (`1月18日` is [`DatePrecision::Day`]).
    pub precision: DatePrecision,
    /// The date as written, before any inference (`1月8日` has no year).
    pub written: DateParts,
    /// The time of day of the start, when the text gives one (`2022-10-08 10:10:06`).
    pub time: Option<TimeOfDay>,
    /// The time of day of the end (`至10月20日24时` ends at 24:00, the end of that day).
    pub end_time: Option<TimeOfDay>,
    /// An open period from the start on (`即日起`, `1月8日起`, `去年以来`).
    pub open_end: bool,
    /// The date closes a period whose start the text leaves to context (`至10月20日24时`,
    /// `2023年底前`); the date itself is in `start`.
    pub until: bool,
    /// The date is relative to the publication date (`今年`, `去年以来`, `即日起`).
    pub relative: bool,
}

/// How precise a date is as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum DatePrecision {
    /// `2021年`, `今年`.
    Year,
    /// `2023年10月`, `2023年底`.
    Month,
    /// `1月18日`.
    #[default]
    Day,
    /// `1月18日14时`.
    Hour,
    /// `14:07`.
    Minute,
    /// `10:10:06`.
    Second,
}

/// The parts of a date exactly as the text writes them (no inference).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DateParts {
    /// The year, when written.
    pub year: Option<i32>,
    /// The month, when written.
    pub month: Option<u8>,
    /// The day, when written.
    pub day: Option<u8>,
}

/// A time of day; `hour` is 0-24 (`24时` is the end of the day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TimeOfDay {
    /// Hour, 0-24.
    pub hour: u8,
    /// Minute, 0-59.
    pub minute: u8,
    /// Second, 0-59.
    pub second: u8,
}

/// An exact decimal number: `mantissa * 10^-scale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Number {
    /// The digits.
    pub mantissa: i128,
    /// How many of them are decimals.
    pub scale: u32,
}

impl Number {
    /// An integer.
    pub fn integer(v: i128) -> Self {
        Number { mantissa: v, scale: 0 }
    }

    /// `mantissa * 10^-scale`, with trailing decimal zeros removed (`3.40` becomes `3.4`).
    pub fn new(mantissa: i128, scale: u32) -> Self {
        let mut n = Number { mantissa, scale };
        while n.scale > 0 && n.mantissa % 10 == 0 {
            n.mantissa /= 10;
            n.scale -= 1;
        }
        n
    }

    /// Multiplies by `10^power` exactly; `None` on overflow.
    pub fn times_pow10(self, power: u32) -> Option<Self> {
        if power <= self.scale {
            return Some(Number::new(self.mantissa, self.scale - power));
        }
        let f = 10i128.checked_pow(power - self.scale)?;
        Some(Number::integer(self.mantissa.checked_mul(f)?))
    }

    /// The value when it is a whole number.
    pub fn as_integer(&self) -> Option<i128> {
        let p = 10i128.checked_pow(self.scale)?;
        (self.mantissa % p == 0).then(|| self.mantissa / p)
    }

    /// The value as a float (for display and JSON only; may round).
    #[allow(clippy::cast_precision_loss)]
    pub fn to_f64(&self) -> f64 {
        self.mantissa as f64 / 10f64.powi(i32::try_from(self.scale).unwrap_or(i32::MAX))
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(i) = self.as_integer() {
            return write!(f, "{i}");
        }
        let digits = self.mantissa.unsigned_abs().to_string();
        let scale = self.scale as usize;
        let sign = if self.mantissa < 0 { "-" } else { "" };
        if digits.len() > scale {
            let (a, b) = digits.split_at(digits.len() - scale);
            write!(f, "{sign}{a}.{}", b.trim_end_matches('0'))
        } else {
            write!(
                f,
                "{sign}0.{}{}",
                "0".repeat(scale - digits.len()),
                digits.trim_end_matches('0')
            )
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Number {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.as_integer().and_then(|i| i64::try_from(i).ok()) {
            Some(i) => s.serialize_i64(i),
            None => s.serialize_f64(self.to_f64()),
        }
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Number {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = f64::deserialize(d)?;
        let text = format!("{v}");
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let mantissa = format!("{int}{frac}").parse::<i128>().map_err(serde::de::Error::custom)?;
        Ok(Number { mantissa, scale: u32::try_from(frac.len()).map_err(serde::de::Error::custom)? })
    }
}

/// A quantity entity's value.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct QuantityInfo {
    /// The exact value (`6274.7万` is 62747000).
    pub value: Number,
    /// The measure word or unit (`人`, `家`, `%`), when given.
    pub unit: Option<String>,
    /// Whether the text marks it as approximate (`余 多 近 约 逾 超`).
    pub approximate: bool,
    /// The side of `value` the true figure lies on, when the text says (`60余万`: above,
    /// `近万`: below, `60岁及以上`: at least).
    pub bound: Option<Bound>,
    /// The upper end of a range (`3—11岁` has value 3, `range_end` 11).
    pub range_end: Option<Number>,
    /// A percentage (`85%`, `百分之八十五`): `value` is 85, `unit` is `%`.
    pub percent: bool,
}

/// Which side of a quantity's value the true figure lies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Bound {
    /// More than the value (`余`, `多`, `逾`, `超`).
    Above,
    /// Less than the value (`近`, `不足`).
    Below,
    /// The value or more (`以上`, `及以上`).
    AtLeast,
    /// The value or less (`以下`, `以内`).
    AtMost,
}

/// A person entity's value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct PersonInfo {
    /// Titles in text order (`省委常委`, `市委书记`).
    pub titles: Vec<String>,
}

/// An organization entity's value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct OrganizationInfo {
    /// The full form, when this is a short form the text defines or the lexicon knows.
    pub full: Option<String>,
    /// The short form the text defines for it (`(以下简称“省疫情防控办”)`).
    pub short: Option<String>,
}

/// The level of an administrative division.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum PlaceLevel {
    /// A country.
    Country,
    /// Province, autonomous region or municipality.
    Province,
    /// Prefecture-level city.
    City,
    /// County, county-level city or district.
    County,
    /// Township or street.
    Township,
}

impl PlaceLevel {
    /// The level's depth in the hierarchy: 0 for a country, 1 for a province, 2 for a city,
    /// 3 for a county, 4 for a township (lower is higher up).
    pub fn rank(self) -> u8 {
        match self {
            PlaceLevel::Country => 0,
            PlaceLevel::Province => 1,
            PlaceLevel::City => 2,
            PlaceLevel::County => 3,
            PlaceLevel::Township => 4,
        }
    }
}

/// A place entity's value.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct PlaceInfo {
    /// The official full name (`太原市`).
    pub name: String,
    /// The statistical division code (`140100`).
    pub code: String,
    /// The level.
    pub level: PlaceLevel,
    /// The code of the division it belongs to (榆次区 140702 belongs to 晋中市 140700),
    /// `None` for a province.
    pub parent: Option<String>,
}

/// A meeting entity's value.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct MeetingInfo {
    /// The session number (`第139次` gives 139).
    pub session: u32,
    /// The body holding it, when named (`省委`).
    pub body: Option<String>,
    /// The term (`届`), when written (`省委十二届三次全会` has term 12, session 3).
    pub term: Option<u32>,
    /// The meeting's name after the ordinal (`疫情防控专题会议`).
    pub name: Option<String>,
}

/// An entity's typed value.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
#[non_exhaustive]
pub enum Value {
    /// No value beyond the text (quotes, urls, emails, phones).
    None,
    /// A date.
    Date(DateInfo),
    /// A quantity.
    Quantity(QuantityInfo),
    /// A person.
    Person(PersonInfo),
    /// An organization.
    Organization(OrganizationInfo),
    /// A place.
    Place(PlaceInfo),
    /// A meeting.
    Meeting(MeetingInfo),
}

/// One entity found in a text. `&haystack[span.start..span.end] == text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity<'h> {
    /// What it is.
    pub kind: EntityKind,
    /// The text as it stands in the haystack.
    pub text: &'h str,
    /// Where it stands (bytes).
    pub span: Span,
    /// Its typed value.
    pub value: Value,
}
