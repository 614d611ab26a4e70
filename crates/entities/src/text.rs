//! Small text helpers shared by the extractors: character classes and safe neighbours.

/// A CJK ideograph (the BMP blocks and the supplementary ones).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3134F}')
}

/// The character that ends at byte `pos`, if any.
pub(crate) fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos)?.chars().next_back()
}

/// The character that starts at byte `pos`, if any.
pub(crate) fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..)?.chars().next()
}

/// The byte offset after the character at `pos` (or `pos` at the end).
pub(crate) fn next_pos(text: &str, pos: usize) -> usize {
    char_at(text, pos).map_or(pos, |c| pos + c.len_utf8())
}

/// The byte offset of the character that ends at `pos` (or `pos` at the start).
pub(crate) fn prev_pos(text: &str, pos: usize) -> usize {
    char_before(text, pos).map_or(pos, |c| pos - c.len_utf8())
}

/// Whether `text` has `word` at byte `pos`.
pub(crate) fn has_at(text: &str, pos: usize, word: &str) -> bool {
    text.get(pos..).is_some_and(|t| t.starts_with(word))
}

/// Whether `text` has `word` ending at byte `pos`.
pub(crate) fn has_before(text: &str, pos: usize, word: &str) -> bool {
    text.get(..pos).is_some_and(|t| t.ends_with(word))
}

/// The first of `words` found at `pos`, longest first if the caller sorted them so.
pub(crate) fn word_at<'w>(text: &str, pos: usize, words: &'w [String]) -> Option<&'w str> {
    let rest = text.get(pos..)?;
    words.iter().find(|w| rest.starts_with(w.as_str())).map(String::as_str)
}

/// Skips spaces (ASCII, ideographic and no-break) from `pos`.
pub(crate) fn skip_spaces(text: &str, mut pos: usize) -> usize {
    while let Some(c) = char_at(text, pos) {
        if c == ' ' || c == '\u{3000}' || c == '\u{a0}' || c == '\t' {
            pos += c.len_utf8();
        } else {
            break;
        }
    }
    pos
}

/// The number of characters in `text[a..b]` (0 when out of range).
pub(crate) fn char_count(text: &str, a: usize, b: usize) -> usize {
    text.get(a..b).map_or(0, |s| s.chars().count())
}

/// A short word list looked up at a position, longest first, with a first-character filter
/// (most positions fail on the first character, without comparing any word).
#[derive(Debug, Clone, Default)]
pub(crate) struct WordList {
    words: Vec<String>,
    heads: std::collections::HashSet<char>,
}

impl WordList {
    /// `words` longest first.
    pub(crate) fn new(mut words: Vec<String>) -> Self {
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let heads = words.iter().filter_map(|w| w.chars().next()).collect();
        WordList { words, heads }
    }

    /// The longest word at `pos`.
    pub(crate) fn at(&self, text: &str, pos: usize) -> Option<&str> {
        let c = char_at(text, pos)?;
        if !self.heads.contains(&c) {
            return None;
        }
        let rest = text.get(pos..)?;
        self.words.iter().find(|w| rest.starts_with(w.as_str())).map(String::as_str)
    }
}

/// A set of byte spans, merged and sorted, answering overlap queries in `O(log n)` (pages with
/// thousands of entities must not make extraction quadratic).
#[derive(Debug, Clone, Default)]
pub(crate) struct SpanSet {
    v: Vec<(usize, usize)>,
}

impl SpanSet {
    pub(crate) fn new(mut v: Vec<(usize, usize)>) -> Self {
        v.retain(|&(a, b)| a < b);
        v.sort_unstable();
        let mut out: Vec<(usize, usize)> = Vec::with_capacity(v.len());
        for (a, b) in v {
            match out.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => out.push((a, b)),
            }
        }
        SpanSet { v: out }
    }

    /// Whether `[s, e)` overlaps a span of the set.
    pub(crate) fn hits(&self, s: usize, e: usize) -> bool {
        let i = self.v.partition_point(|&(_, b)| b <= s);
        self.v.get(i).is_some_and(|&(a, _)| a < e && s < e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbours_are_safe() {
        let t = "省委a";
        assert_eq!(char_before(t, 3), Some('省'));
        assert_eq!(char_before(t, 1), None);
        assert_eq!(char_at(t, 6), Some('a'));
        assert_eq!(char_at(t, 7), None);
        assert_eq!(next_pos(t, 0), 3);
        assert_eq!(prev_pos(t, 6), 3);
        assert!(has_at(t, 3, "委"));
        assert!(has_before(t, 6, "省委"));
        assert!(is_cjk('省') && !is_cjk('a'));
        assert_eq!(skip_spaces(" \u{3000}x", 0), 4);
        assert_eq!(char_count(t, 0, 7), 3);
    }

    #[test]
    fn span_sets_merge_and_answer_overlaps() {
        let s = SpanSet::new(vec![(10, 20), (0, 5), (15, 25), (30, 30)]);
        assert!(s.hits(4, 6) && s.hits(24, 40) && s.hits(12, 13));
        assert!(!s.hits(5, 10) && !s.hits(25, 30) && !s.hits(30, 31));
        assert!(!SpanSet::default().hits(0, 100));
    }
}
