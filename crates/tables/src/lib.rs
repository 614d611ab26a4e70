//! The rule tables of the zhengling crates, in one place: every crate embeds its lexicons
//! and rules as data files, reads them with [`Table`], lets its builder replace or extend
//! any of them ([`Overrides`]), reports a bad line with the one [`Error`] type, and derives
//! the Traditional spellings of entries written once in Simplified ([`spellings`]).
//!
//! A data file is UTF-8 text: one entry a line, `#` starts a comment line, blank lines are
//! skipped, columns are separated by tabs and trimmed.
//!
//! # Example
//! ```
//! use zhengling_tables::{Overrides, Table, TableId};
//!
//! #[derive(Debug, Clone, Copy, PartialEq, Eq)]
//! enum Lists { Labels }
//! impl TableId for Lists {
//!     fn file(self) -> &'static str { "labels.tsv" }
//!     fn default_text(self) -> &'static str { "# field\tlabel\nsource\t来源\n" }
//! }
//!
//! let mut user = Overrides::default();
//! user.extend(Lists::Labels, "source\t稿源");
//! let table = user.table(Lists::Labels);
//! let rows = table.rows(2, 2)?;
//! assert_eq!(rows.iter().map(|r| r.get(1)).collect::<Vec<_>>(), ["来源", "稿源"]);
//! // A bad line names its file and line.
//! let bad = Table::embedded("labels.tsv", "source\n");
//! assert_eq!(
//!     bad.rows(2, 2).unwrap_err().to_string(),
//!     "invalid rule table labels.tsv, line 1: expected 2 tab-separated fields, found 1"
//! );
//! // Traditional spellings of a Simplified entry.
//! assert!(zhengling_tables::spellings("发布时间").contains(&"發佈時間".to_owned()));
//! # Ok::<(), zhengling_tables::Error>(())
//! ```
//!
//! # Crate features
//! - `golden`: the `golden` module, the golden-file harness the crates' tests share.
//!
//! # Panics
//! Nothing here panics; a malformed table is an [`Error`] naming the file and line.
#![forbid(unsafe_code)]

mod error;
#[cfg(feature = "golden")]
pub mod golden;
mod overrides;
mod script;
mod table;

pub use error::{Error, Result};
pub use overrides::{Overrides, TableId};
pub use script::{spellings, traditional_chars};
pub use table::{Line, Row, Table};
