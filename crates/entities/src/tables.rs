//! The crate's data files, each replaceable or extendable through the builder
//! ([`crate::ExtractorBuilder::table`], [`crate::ExtractorBuilder::extend_table`]).

use zhengling_tables::{Overrides, TableId};

/// A data file of the entities crate (in `data/`, embedded). Start from
/// [`TableId::default_text`] to see the format; every file documents its columns in its
/// first comment lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Table {
    /// `date_words.tsv`: relative date words (`今年`, `昨日`), parts of a year (`年底`),
    /// open ends (`起`), range and until words, day parts, words after a day that make it a
    /// duration.
    DateWords,
    /// `titles.tsv`: titles of people and where they stand.
    Titles,
    /// `surnames.tsv`: the surnames, common and rare (shared with the boilerplate crate).
    Surnames,
    /// `name_followers.txt`: words that often follow a name (`主持`, `表示`).
    NameFollowers,
    /// `known_people.txt`: people recognized without a title.
    KnownPeople,
    /// `not_names.tsv`: characters that never stand in a given name, words that start like a
    /// name but are none (`单位`, `时间`).
    NotNames,
    /// `org_suffixes.tsv`: endings of organization names.
    OrgSuffixes,
    /// `org_prefixes.txt`: what may stand before an organization's name.
    OrgPrefixes,
    /// `org_known.tsv`: organizations named without a region, with their full names.
    OrgKnown,
    /// `org_blockers.txt`: words that hide an organization suffix inside them.
    OrgBlockers,
    /// `org_marker_words.txt`: words that mark the start of an organization's name.
    OrgMarkerWords,
    /// `function_chars.txt`: function characters that end a name.
    FunctionChars,
    /// `place_stop.txt`: division names never taken for a place alone.
    PlaceStop,
    /// `place_blockers.txt`: words that hide a place name inside them (`大同小异`).
    PlaceBlockers,
    /// `measures.txt`: measure words and units.
    Measures,
    /// `measure_blockers.txt`: words that start like a measure word but are none.
    MeasureBlockers,
    /// `numeral_words.txt`: words holding numeral characters that are no numbers.
    NumeralWords,
    /// `approx.tsv`: approximation and bound words around a number.
    Approx,
    /// `quantity_ranges.txt`: what joins the two numbers of a range.
    QuantityRanges,
}

impl Table {
    /// Every table.
    pub const ALL: [Table; 19] = [
        Table::DateWords,
        Table::Titles,
        Table::Surnames,
        Table::NameFollowers,
        Table::KnownPeople,
        Table::NotNames,
        Table::OrgSuffixes,
        Table::OrgPrefixes,
        Table::OrgKnown,
        Table::OrgBlockers,
        Table::OrgMarkerWords,
        Table::FunctionChars,
        Table::PlaceStop,
        Table::PlaceBlockers,
        Table::Measures,
        Table::MeasureBlockers,
        Table::NumeralWords,
        Table::Approx,
        Table::QuantityRanges,
    ];
}

macro_rules! files {
    ($($v:ident => $f:literal),* $(,)?) => {
        impl TableId for Table {
            fn file(self) -> &'static str {
                match self { $(Table::$v => $f,)* }
            }
            fn default_text(self) -> &'static str {
                match self { $(Table::$v => include_str!(concat!("../data/", $f)),)* }
            }
        }
    };
}

files! {
    DateWords => "date_words.tsv",
    Titles => "titles.tsv",
    Surnames => "surnames.tsv",
    NameFollowers => "name_followers.txt",
    KnownPeople => "known_people.txt",
    NotNames => "not_names.tsv",
    OrgSuffixes => "org_suffixes.tsv",
    OrgPrefixes => "org_prefixes.txt",
    OrgKnown => "org_known.tsv",
    OrgBlockers => "org_blockers.txt",
    OrgMarkerWords => "org_marker_words.txt",
    FunctionChars => "function_chars.txt",
    PlaceStop => "place_stop.txt",
    PlaceBlockers => "place_blockers.txt",
    Measures => "measures.txt",
    MeasureBlockers => "measure_blockers.txt",
    NumeralWords => "numeral_words.txt",
    Approx => "approx.tsv",
    QuantityRanges => "quantity_ranges.txt",
}

/// The tables as the builder was given them.
pub(crate) type Tables = Overrides<Table>;
