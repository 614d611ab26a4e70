//! The automata built from the data files (read with [`zhengling_tables::Table`]).

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, MatchKind};
use zhengling_tables::Table;

use crate::error::{Error, Result};

/// The first character of every entry of a word list: a character set.
pub(crate) fn char_set(t: &Table<'_>) -> HashSet<char> {
    t.words().iter().filter_map(|w| w.chars().next()).collect()
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

/// A match of one family's pattern: start, end, and the pattern's index within its family.
pub(crate) type Hit = (usize, usize, usize);

/// Several lexicon families (places, organizations, titles) in one automaton: one pass over
/// the text gives each family the leftmost-longest matches its own automaton would give.
#[derive(Debug, Clone)]
pub(crate) struct Families {
    ac: AhoCorasick,
    owner: Vec<(usize, usize)>,
    count: usize,
}

impl Families {
    /// One automaton over the families' patterns (`dfa`: the fastest scans, a slower build).
    pub(crate) fn build(name: &str, families: &[&[String]], dfa: bool) -> Result<Self> {
        let mut pats: Vec<&str> = Vec::new();
        let mut owner = Vec::new();
        for (f, list) in families.iter().enumerate() {
            for (i, p) in list.iter().enumerate() {
                pats.push(p);
                owner.push((f, i));
            }
        }
        let mut b = AhoCorasick::builder();
        b.match_kind(MatchKind::Standard);
        if dfa {
            b.kind(Some(aho_corasick::AhoCorasickKind::DFA));
        }
        let ac = b
            .build(&pats)
            .map_err(|e| Error::with_source(format!("cannot build the {name} automaton"), e))?;
        Ok(Families { ac, owner, count: families.len() })
    }

    /// Each family's leftmost-longest, non-overlapping matches, in text order.
    pub(crate) fn scan(&self, text: &str) -> Vec<Vec<Hit>> {
        let mut all: Vec<Vec<Hit>> = vec![Vec::new(); self.count];
        for m in self.ac.find_overlapping_iter(text) {
            if let Some(&(f, i)) = self.owner.get(m.pattern().as_usize())
                && let Some(v) = all.get_mut(f)
            {
                v.push((m.start(), m.end(), i));
            }
        }
        for v in &mut all {
            // leftmost first, then longest, then the first listed (as leftmost-longest does)
            v.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
            let mut end = 0;
            v.retain(|h| {
                let keep = h.0 >= end;
                if keep {
                    end = h.1;
                }
                keep
            });
        }
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn families_match_like_separate_automata() {
        let places: Vec<String> = ["太原", "太原市", "大同", "大同小异"].map(String::from).to_vec();
        let titles: Vec<String> = ["市长", "书记", "市委书记"].map(String::from).to_vec();
        let text = "太原市长与大同小异的市委书记";
        for dfa in [true, false] {
            let f = Families::build("test", &[&places, &titles], dfa).unwrap();
            let hits = f.scan(text);
            for (k, list) in [&places, &titles].into_iter().enumerate() {
                let one = automaton("one", list).unwrap();
                let want: Vec<Hit> = one
                    .find_iter(text)
                    .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                    .collect();
                assert_eq!(hits[k], want);
            }
        }
    }

    #[test]
    fn automata_build() {
        let ac = automaton("test", ["省委", "省委书记"]).unwrap();
        let m = ac.find("市委省委书记").unwrap();
        assert_eq!((m.start(), m.end()), (6, 18));
    }
}
