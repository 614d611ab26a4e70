//! Reading a data file: its lines, its rows of tab-separated fields, its word list.

use crate::{Error, Result};

/// A data file: the embedded default or a replacement, then any extensions, each with the
/// name its errors give.
#[derive(Debug, Clone, Default)]
pub struct Table<'a> {
    parts: Vec<(&'a str, &'a str)>,
}

/// A line of a table that holds an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// The name of the file (or extension) it comes from.
    pub file: &'a str,
    /// Its 1-based number in that file.
    pub number: usize,
    /// The line, without its line break.
    pub text: &'a str,
}

impl<'a> Line<'a> {
    /// The tab-separated fields, trimmed.
    pub fn fields(&self) -> Vec<&'a str> {
        self.text.split('\t').map(str::trim).collect()
    }

    /// An error about this line.
    pub fn error(&self, what: impl std::fmt::Display) -> Error {
        Error::table(self.file, self.number, what)
    }
}

/// A line split into fields (see [`Table::rows`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'a> {
    /// The line.
    pub line: Line<'a>,
    /// Its fields, trimmed.
    pub fields: Vec<&'a str>,
}

impl<'a> Row<'a> {
    /// Field `i`, or `""` when the row is shorter.
    pub fn get(&self, i: usize) -> &'a str {
        self.fields.get(i).copied().unwrap_or("")
    }

    /// Field `i` where `-` or an empty field means none.
    pub fn opt(&self, i: usize) -> Option<&'a str> {
        Some(self.get(i)).filter(|f| !f.is_empty() && *f != "-")
    }

    /// Field `i` parsed, or an error naming the line and the field.
    ///
    /// # Errors
    /// When the field does not parse as a `T`.
    pub fn parse<T: std::str::FromStr>(&self, i: usize, what: &str) -> Result<T> {
        self.get(i).parse().map_err(|_| self.error(format!("{what} is not a number")))
    }

    /// An error about this row.
    pub fn error(&self, what: impl std::fmt::Display) -> Error {
        self.line.error(what)
    }
}

impl<'a> Table<'a> {
    /// A table of one embedded file.
    pub fn embedded(file: &'a str, text: &'a str) -> Table<'a> {
        Table { parts: vec![(file, text)] }
    }

    /// Adds a part (a replacement's or an extension's text) under a name.
    pub(crate) fn push(&mut self, file: &'a str, text: &'a str) {
        self.parts.push((file, text));
    }

    /// The lines that hold an entry (not blank, not a `#` comment), in order.
    pub fn lines(&self) -> impl Iterator<Item = Line<'a>> + '_ {
        self.parts.iter().flat_map(|&(file, text)| {
            text.lines().enumerate().filter_map(move |(i, l)| {
                let l = l.trim_end_matches('\r');
                let t = l.trim_start();
                (!t.trim_end().is_empty() && !t.starts_with('#')).then_some(Line {
                    file,
                    number: i + 1,
                    text: l.trim_end(),
                })
            })
        })
    }

    /// Every line split into tab-separated fields, of which it must have between `min` and
    /// `max`, the first `min` not empty.
    ///
    /// # Errors
    /// A line with too few or too many fields, naming the file and line.
    pub fn rows(&self, min: usize, max: usize) -> Result<Vec<Row<'a>>> {
        self.lines()
            .map(|line| {
                let fields = line.fields();
                if fields.len() < min || fields.len() > max {
                    let want = if min == max { min.to_string() } else { format!("{min} to {max}") };
                    return Err(line.error(format!(
                        "expected {want} tab-separated fields, found {}",
                        fields.len()
                    )));
                }
                if fields.iter().take(min).any(|f| f.is_empty()) {
                    return Err(line.error("an empty field"));
                }
                Ok(Row { line, fields })
            })
            .collect()
    }

    /// The first field of every line: a word list, deduplicated, longest first.
    pub fn words(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .lines()
            .filter_map(|l| l.fields().first().map(|s| (*s).to_owned()))
            .filter(|s| !s.is_empty())
            .collect();
        v.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        v.dedup();
        v
    }

    /// The entries of a list written several to a line, separated by spaces.
    pub fn entries(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.lines().flat_map(|l| l.text.split_whitespace())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_skip_comments_and_blanks() {
        let t = Table::embedded("t.tsv", "# comment\n\na\tb\r\n  \n  # indented comment\nc \n");
        let lines: Vec<_> = t.lines().map(|l| (l.number, l.text)).collect();
        assert_eq!(lines, [(3, "a\tb"), (6, "c")]);
    }

    #[test]
    fn rows_check_their_width() {
        let t = Table::embedded("t.tsv", "a\t b \n");
        let rows = t.rows(2, 3).unwrap();
        assert_eq!(rows[0].fields, ["a", "b"]);
        assert_eq!(rows[0].get(2), "");
        assert_eq!(rows[0].opt(1), Some("b"));
        let err = Table::embedded("t.tsv", "x\n\na\tb\tc\n").rows(1, 2).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid rule table t.tsv, line 3: expected 1 to 2 tab-separated fields, found 3"
        );
        let err = Table::embedded("t.tsv", "\tb\n").rows(2, 2).unwrap_err();
        assert!(err.to_string().contains("line 1: an empty field"));
    }

    #[test]
    fn word_lists() {
        let t = Table::embedded("w.txt", "ab\na\nab\n");
        assert_eq!(t.words(), ["ab", "a"]);
        let t = Table::embedded("e.txt", "甲 乙\n丙\n");
        assert_eq!(t.entries().collect::<Vec<_>>(), ["甲", "乙", "丙"]);
    }

    #[test]
    fn parts_keep_their_names() {
        let mut t = Table::embedded("a.tsv", "x\ty\n");
        t.push("a.tsv (extension 1)", "z\n");
        let err = t.rows(2, 2).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid rule table a.tsv (extension 1), line 1: expected 2 tab-separated fields, found 1"
        );
    }
}
