//! Embedded data files: lines, fields and the automata built from them.

use aho_corasick::{AhoCorasick, MatchKind};

use crate::error::{Error, Result};

/// The non-empty, non-comment lines of a data file (`#` starts a comment line).
pub(crate) fn lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

/// The tab-separated fields of a line, trimmed.
pub(crate) fn fields(line: &str) -> Vec<&str> {
    line.split('\t').map(str::trim).collect()
}

/// The first field of every line (a word list), deduplicated, longest first.
pub(crate) fn words(data: &str) -> Vec<String> {
    let mut v: Vec<String> = lines(data)
        .filter_map(|l| fields(l).first().map(|s| (*s).to_owned()))
        .filter(|s| !s.is_empty())
        .collect();
    v.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    v.dedup();
    v
}

/// A leftmost-longest automaton over `patterns` (the crate picks DFA or NFA by size).
pub(crate) fn automaton<I, P>(name: &str, patterns: I) -> Result<AhoCorasick>
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(patterns)
        .map_err(|e| Error::with_source(format!("cannot build the {name} automaton"), e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_skip_comments_and_blanks() {
        let data = "# comment\n\na\tb\n  \nc\n";
        assert_eq!(lines(data).collect::<Vec<_>>(), vec!["a\tb", "c"]);
        assert_eq!(fields("a\t b "), vec!["a", "b"]);
        assert_eq!(words("ab\na\nab\n"), vec!["ab".to_owned(), "a".to_owned()]);
    }

    #[test]
    fn automata_build() {
        let ac = automaton("test", ["省委", "省委书记"]).unwrap();
        let m = ac.find("市委省委书记").unwrap();
        assert_eq!((m.start(), m.end()), (6, 18));
    }
}
