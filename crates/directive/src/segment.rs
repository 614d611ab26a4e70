//! Sentence and clause segmentation of Chinese paragraphs, by byte spans.

/// A half-open byte range of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Seg {
    pub start: usize,
    pub end: usize,
}

impl Seg {
    pub(crate) fn text(self, p: &str) -> &str {
        p.get(self.start..self.end).unwrap_or("")
    }

    pub(crate) fn is_empty(self) -> bool {
        self.end <= self.start
    }
}

fn is_sentence_end(c: char) -> bool {
    matches!(
        c,
        '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n' | '•' | '●' | '◆' | '■' | '▪' | '…'
    )
}

fn is_clause_sep(c: char) -> bool {
    matches!(c, '，' | ',' | '：' | ':')
}

fn opens(c: char) -> bool {
    matches!(c, '“' | '‘' | '「' | '『' | '《' | '(' | '（' | '【' | '[' | '〔')
}

fn closes(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』' | '》' | ')' | '）' | '】' | ']' | '〕')
}

/// Punctuation that ends a phrase when scanning for names and noun phrases.
pub(crate) fn is_punct(c: char) -> bool {
    is_sentence_end(c)
        || is_clause_sep(c)
        || opens(c)
        || closes(c)
        || matches!(c, '、' | '"' | '\'' | '—' | '－' | '·' | '/' | '|')
        || c.is_whitespace()
}

/// Characters trimmed from the ends of a segment.
fn is_trim(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{3000}' | '•' | '●' | '◆' | '■' | '▪' | '-' | '*' | '·' | '…')
        || is_clause_sep(c)
        || is_sentence_end(c)
}

/// `seg` without leading and trailing spaces, bullets and separators.
pub(crate) fn trim(p: &str, seg: Seg) -> Seg {
    let t = seg.text(p);
    let lead = t.len() - t.trim_start_matches(is_trim).len();
    let rest = t.get(lead..).unwrap_or("");
    let kept = rest.trim_end_matches(is_trim).len();
    Seg { start: seg.start + lead, end: seg.start + lead + kept }
}

/// The sentences of a paragraph: split after `。！？；` and at line breaks and bullets. Quoted
/// speech is split too (its sentences are clauses of their own).
pub(crate) fn sentences(p: &str) -> Vec<Seg> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in p.char_indices() {
        if is_sentence_end(c) {
            let end = i + c.len_utf8();
            push_trimmed(p, &mut out, Seg { start, end });
            start = end;
        }
    }
    push_trimmed(p, &mut out, Seg { start, end: p.len() });
    out
}

/// The length of a list enumerator at the start of `s` (`一、`, `（二）`, `3.`, `(4)`), if any.
pub(crate) fn enumerator(s: &str) -> usize {
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let mut chars = s.char_indices();
    let Some((_, first)) = chars.next() else { return 0 };
    if matches!(first, '(' | '（') {
        let mut seen = false;
        for (i, c) in chars {
            if numeral(c) {
                seen = true;
            } else if seen && matches!(c, ')' | '）') {
                return i + c.len_utf8();
            } else {
                return 0;
            }
        }
        return 0;
    }
    if !numeral(first) {
        return 0;
    }
    for (i, c) in s.char_indices() {
        if numeral(c) {
            continue;
        }
        let digit_dot = matches!(c, '.' | '．') && first.is_ascii_digit();
        let next_digit = s
            .get(i + c.len_utf8()..)
            .and_then(|r| r.chars().next())
            .is_some_and(|n| n.is_ascii_digit());
        return if c == '、' || (digit_dot && !next_digit) { i + c.len_utf8() } else { 0 };
    }
    0
}

/// Whether paragraph `p` opens with a list enumerator (`一、`, `（二）`, `3.`).
pub(crate) fn enumerated(p: &str) -> bool {
    let t = trim(p, Seg { start: 0, end: p.len() });
    enumerator(t.text(p)) > 0
}

fn push_trimmed(p: &str, out: &mut Vec<Seg>, seg: Seg) {
    let mut t = trim(p, seg);
    let n = enumerator(t.text(p));
    if n > 0 {
        t = trim(p, Seg { start: t.start + n, end: t.end });
    }
    if !t.is_empty() {
        out.push(t);
    }
}

/// The clauses of a sentence: split at `，：` outside quotes and brackets (and not between
/// digits, as in `1,000` or `10:30`).
pub(crate) fn clauses(p: &str, sentence: Seg) -> Vec<Seg> {
    let mut out = Vec::new();
    let text = sentence.text(p);
    let mut depth = 0usize;
    let mut start = sentence.start;
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        if opens(c) {
            depth += 1;
        } else if closes(c) {
            depth = depth.saturating_sub(1);
        } else if c == '"' {
            depth = if depth == 0 { 1 } else { depth - 1 };
        } else if depth == 0
            && is_clause_sep(c)
            && !(prev.is_some_and(|x| x.is_ascii_digit())
                && next.is_some_and(|x| x.is_ascii_digit()))
        {
            let end = sentence.start + i;
            push_trimmed(p, &mut out, Seg { start, end });
            start = end + c.len_utf8();
        }
        prev = Some(c);
    }
    push_trimmed(p, &mut out, Seg { start, end: sentence.end });
    out
}

/// Whether `p[at..]` starts with any of `words`.
pub(crate) fn starts_with_any<'w>(s: &str, words: &'w [String]) -> Option<&'w str> {
    words.iter().filter(|w| s.starts_with(w.as_str())).max_by_key(|w| w.len()).map(String::as_str)
}

/// Whether `s` ends with any of `words` (the longest that fits).
pub(crate) fn ends_with_any<'w>(s: &str, words: &'w [String]) -> Option<&'w str> {
    words.iter().filter(|w| s.ends_with(w.as_str())).max_by_key(|w| w.len()).map(String::as_str)
}

/// Whether `s` contains any of `words`.
pub(crate) fn contains_any(s: &str, words: &[String]) -> bool {
    words.iter().any(|w| s.contains(w.as_str()))
}

/// Whether the char is a CJK ideograph.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// Number of chars.
pub(crate) fn chars(s: &str) -> usize {
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(p: &str, segs: &[Seg]) -> Vec<String> {
        segs.iter().map(|s| s.text(p).to_owned()).collect()
    }

    #[test]
    fn sentences_split_at_full_stops_and_bullets() {
        let p = "  • 要戴口罩。各地要加强核酸检测;严禁聚集！\n 最后一句";
        assert_eq!(
            texts(p, &sentences(p)),
            ["要戴口罩", "各地要加强核酸检测", "严禁聚集", "最后一句"]
        );
    }

    #[test]
    fn clauses_respect_quotes_and_numbers() {
        let p = "坚持“外防输入,内防反弹”,要在10:30前完成1,000人检测,各地(市、区)要落实";
        let s = sentences(p);
        assert_eq!(s.len(), 1);
        assert_eq!(
            texts(p, &clauses(p, s[0])),
            ["坚持“外防输入,内防反弹”", "要在10:30前完成1,000人检测", "各地(市、区)要落实"]
        );
    }

    #[test]
    fn unbalanced_quotes_do_not_swallow_the_next_sentence() {
        let p = "他说“要戴口罩,勤洗手。各地要落实,严禁聚集";
        let s = sentences(p);
        assert_eq!(texts(p, &s), ["他说“要戴口罩,勤洗手", "各地要落实,严禁聚集"]);
        assert_eq!(texts(p, &clauses(p, s[1])), ["各地要落实", "严禁聚集"]);
    }

    #[test]
    fn enumerated_paragraphs() {
        assert!(enumerated("一、自即日起,全市暂停堂食。"));
        assert!(enumerated("  （二）严禁聚集。"));
        assert!(enumerated("3.勤洗手"));
        assert!(!enumerated("2022年11月15日起实施"));
        assert!(!enumerated("3.5万人已接种"));
        assert!(!enumerated("为做好疫情防控工作,现通告如下:"));
    }

    #[test]
    fn enumerators_are_not_part_of_a_sentence() {
        let p = "一、要戴口罩。（二）严禁聚集。3.勤洗手。(4)测温。3.5万人已接种。十二、完";
        assert_eq!(
            texts(p, &sentences(p)),
            ["要戴口罩", "严禁聚集", "勤洗手", "测温", "3.5万人已接种", "完"]
        );
        let p = "一是加强管理";
        assert_eq!(texts(p, &sentences(p)), ["一是加强管理"]);
    }

    #[test]
    fn word_helpers() {
        let w = vec!["小组".to_owned(), "领导小组".to_owned()];
        assert_eq!(ends_with_any("市疫情防控工作领导小组", &w), Some("领导小组"));
        assert_eq!(starts_with_any("领导小组会议", &w), Some("领导小组"));
        assert!(contains_any("工作小组", &w));
        assert!(is_han('疫') && !is_han(','));
        assert_eq!(chars("疫情a"), 3);
    }
}
