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

/// A date entity's value.
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
}

/// The level of an administrative division.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
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
