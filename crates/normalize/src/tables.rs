//! The crate's data files, each replaceable or extendable through the builder
//! ([`crate::NormalizerBuilder::table`], [`crate::NormalizerBuilder::extend_table`]).

use zhengling_tables::{Overrides, TableId};

/// A data file of the normalize crate (in `data/`, embedded).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Table {
    /// `mainland_markers.txt`: mainland-government words (Simplified; Traditional spellings
    /// are derived) whose presence on a Traditional page marks it as a converted mainland
    /// original.
    MainlandMarkers,
    /// `traditional_only.txt`: characters only the Traditional script uses (generated from
    /// the OpenCC dictionaries).
    TraditionalOnly,
    /// `simplified_only.txt`: characters only the Simplified script uses (generated likewise).
    SimplifiedOnly,
}

impl Table {
    /// Every table.
    pub const ALL: [Table; 3] =
        [Table::MainlandMarkers, Table::TraditionalOnly, Table::SimplifiedOnly];
}

impl TableId for Table {
    fn file(self) -> &'static str {
        match self {
            Table::MainlandMarkers => "mainland_markers.txt",
            Table::TraditionalOnly => "traditional_only.txt",
            Table::SimplifiedOnly => "simplified_only.txt",
        }
    }

    fn default_text(self) -> &'static str {
        match self {
            Table::MainlandMarkers => include_str!("../data/mainland_markers.txt"),
            Table::TraditionalOnly => include_str!("../data/traditional_only.txt"),
            Table::SimplifiedOnly => include_str!("../data/simplified_only.txt"),
        }
    }
}

/// The tables as the builder was given them.
pub(crate) type Tables = Overrides<Table>;
