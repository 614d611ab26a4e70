//! A user's replacements and extensions of a crate's tables.

use crate::Table;

/// A crate's table names: each knows its file name and its embedded default text.
pub trait TableId: Copy + Eq + std::fmt::Debug {
    /// The data file's name (`boilerplate.tsv`).
    fn file(self) -> &'static str;
    /// The embedded default text.
    fn default_text(self) -> &'static str;
}

/// What a builder was given for its tables: a table replaced whole, or extended with
/// extra rows, in the format of the embedded file.
#[derive(Debug, Clone)]
pub struct Overrides<T> {
    /// `(table, name for messages, text)`.
    replaced: Vec<(T, String, String)>,
    extended: Vec<(T, String, String)>,
}

impl<T> Default for Overrides<T> {
    fn default() -> Self {
        Overrides { replaced: Vec::new(), extended: Vec::new() }
    }
}

impl<T: TableId> Overrides<T> {
    /// Replaces a table (a later replacement of the same table wins).
    pub fn replace(&mut self, table: T, text: impl Into<String>) {
        self.replaced.retain(|(t, _, _)| *t != table);
        self.replaced.push((table, format!("{} (replaced)", table.file()), text.into()));
    }

    /// Adds rows to a table (after the embedded or replaced ones).
    pub fn extend(&mut self, table: T, text: impl Into<String>) {
        let k = self.extended.iter().filter(|(t, _, _)| *t == table).count() + 1;
        self.extended.push((table, format!("{} (extension {k})", table.file()), text.into()));
    }

    /// Whether a table is as embedded.
    pub fn is_default(&self, table: T) -> bool {
        !self.replaced.iter().chain(&self.extended).any(|(t, _, _)| *t == table)
    }

    /// The table to read: the replacement or the embedded text, then the extensions.
    pub fn table(&self, table: T) -> Table<'_> {
        let mut out = Table::default();
        match self.replaced.iter().find(|(t, _, _)| *t == table) {
            Some((_, name, text)) => out.push(name, text),
            None => out.push(table.file(), table.default_text()),
        }
        for (_, name, text) in self.extended.iter().filter(|(t, _, _)| *t == table) {
            out.push(name, text);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum T {
        A,
        B,
    }

    impl TableId for T {
        fn file(self) -> &'static str {
            match self {
                T::A => "a.txt",
                T::B => "b.txt",
            }
        }
        fn default_text(self) -> &'static str {
            match self {
                T::A => "one\n",
                T::B => "two\n",
            }
        }
    }

    #[test]
    fn replace_and_extend() {
        let mut o = Overrides::default();
        assert!(o.is_default(T::A));
        o.extend(T::A, "three");
        o.replace(T::B, "x");
        o.replace(T::B, "y");
        let words = |t: T| o.table(t).lines().map(|l| l.text.to_owned()).collect::<Vec<_>>();
        assert_eq!(words(T::A), ["one", "three"]);
        assert_eq!(words(T::B), ["y"]);
        assert!(!o.is_default(T::A));
        let a = o.table(T::A);
        let files: Vec<&str> = a.lines().map(|l| l.file).collect();
        assert_eq!(files, ["a.txt", "a.txt (extension 1)"]);
    }
}
