//! Width and whitespace folding without NFKC: NFC plus an explicit table, so `，`, `①`
//! and `㈠` survive.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use std::borrow::Cow;

use crate::common::is_han;
use crate::offset::{Rewriter, Rewritten};

/// Options of the folding stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct FoldOptions {
    /// ASCII `,;:?!` between Chinese characters, and `(...)` around Chinese text next to
    /// Chinese text, become full-width (`，；：？！（）`). Default on.
    pub cjk_punctuation: bool,
}

impl Default for FoldOptions {
    fn default() -> Self {
        FoldOptions { cjk_punctuation: true }
    }
}

/// Spaces other than U+0020 that become one U+0020 (a run of them, with any ASCII spaces
/// around, becomes a single space).
fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Characters removed outright: zero-width and format characters, controls other than
/// `\n` and `\t` (`\r\n` and `\r` become `\n`), and what decoding could not make into
/// text: U+FFFD and private-use characters (they reach this stage only when mojibake repair
/// found nothing to restore; icon fonts also put glyphs there).
fn is_removed(c: char) -> bool {
    matches!(
        c,
        '\u{FFFD}'
            | '\u{E000}'..='\u{F8FF}'
            | '\u{F0000}'..='\u{FFFFD}'
            | '\u{100000}'..='\u{10FFFD}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2064}'
            | '\u{FEFF}'
            | '\u{00AD}'
            | '\u{180E}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200E}'
            | '\u{200F}'
    ) || (c.is_control() && c != '\n' && c != '\t' && c != '\r')
}

/// A one-character replacement from the table, if any.
fn table(c: char) -> Option<char> {
    let cp = c as u32;
    match c {
        // Full-width digits and letters.
        '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
            char::from_u32(cp - 0xFEE0)
        }
        // Half-width CJK punctuation.
        '\u{FF61}' => Some('。'),
        '\u{FF62}' => Some('「'),
        '\u{FF63}' => Some('」'),
        '\u{FF64}' => Some('、'),
        // Kangxi radicals and the two CJK radicals supplement characters with a
        // compatibility mapping: to the unified ideograph.
        '\u{2F00}'..='\u{2FD5}' | '\u{2E9F}' | '\u{2EF3}' => c.nfkc().next().filter(|&u| u != c),
        _ => None,
    }
}

/// The character `c` becomes after folding, for single characters that fold to one
/// character (compatibility ideographs, Kangxi radicals, full-width letters); else `c`.
pub(crate) fn canonical_char(c: char) -> char {
    if let Some(r) = table(c) {
        return r;
    }
    if ('\u{F900}'..='\u{FAFF}').contains(&c) {
        let mut it = std::iter::once(c).nfc();
        if let (Some(r), None) = (it.next(), it.next()) {
            return r;
        }
    }
    c
}

fn full_width_punct(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        _ => return None,
    })
}

/// Chinese on the page: Han characters, CJK punctuation and full-width forms.
fn is_cjk_context(c: char) -> bool {
    is_han(c)
        || matches!(c, '\u{3001}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}')
        || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—')
}

/// Whether anything in `text` could change (a fast scan; false means fold is a no-op).
fn needs_fold(text: &str, opts: FoldOptions) -> bool {
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b < 0x80 {
            if b == b'\r' || (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7F {
                return true;
            }
            if opts.cjk_punctuation
                && matches!(b, b',' | b';' | b':' | b'?' | b'!' | b'(' | b')')
                && (i > 0 && bytes.get(i - 1).is_some_and(|&p| p >= 0x80)
                    || bytes.get(i + 1).is_some_and(|&n| n >= 0x80))
            {
                return true;
            }
        }
    }
    let mut nfc_suspect = false;
    for c in text.chars() {
        if c.is_ascii() || ('\u{3400}'..='\u{9FFF}').contains(&c) {
            continue;
        }
        if is_odd_space(c) || is_removed(c) || table(c).is_some() {
            return true;
        }
        // Han, kana, CJK punctuation, full-width forms and general punctuation other than
        // U+2000/U+2001 are always NFC; anything else gets the real check below.
        nfc_suspect |= !matches!(c, '\u{3000}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}' | '\u{2002}'..='\u{206F}');
    }
    nfc_suspect && is_nfc_quick(text.chars()) != IsNormalized::Yes
}

/// Folds width and whitespace (see the crate docs for the table).
pub(crate) fn fold(text: &str, opts: FoldOptions) -> Rewritten<'_> {
    if !needs_fold(text, opts) {
        return Rewritten::unchanged(text);
    }
    if !text.chars().any(|c| c == '\r' || is_removed(c)) {
        return fold_kept(text, opts);
    }
    // Removed characters go first: what they separated is then adjacent for the rest (a
    // mark after a zero-width space composes with the letter before it), as it is when
    // the folded text is folded again.
    let stripped = strip(text);
    let Cow::Owned(s) = stripped.text else {
        return fold_kept(text, opts);
    };
    let folded = fold_kept(&s, opts);
    match folded.text {
        Cow::Borrowed(_) => Rewritten { text: Cow::Owned(s), map: stripped.map },
        Cow::Owned(t) => Rewritten { text: Cow::Owned(t), map: stripped.map.then(folded.map) },
    }
}

/// Drops removed characters and makes line ends `\n`.
fn strip(text: &str) -> Rewritten<'_> {
    let mut w = Rewriter::new(text);
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let end = i + c.len_utf8();
        if c == '\r' {
            w.copy_to(i);
            if iter.peek().is_some_and(|&(_, d)| d == '\n') {
                w.delete(end);
            } else {
                w.replace(end, "\n");
            }
        } else if is_removed(c) {
            w.copy_to(i);
            w.delete(end);
        }
    }
    w.finish()
}

/// [`fold`] of text without removed characters or `\r`.
fn fold_kept(text: &str, opts: FoldOptions) -> Rewritten<'_> {
    let nfc_needed = is_nfc_quick(text.chars()) != IsNormalized::Yes;
    let paren_pairs = if opts.cjk_punctuation { cjk_paren_pairs(text) } else { Vec::new() };
    let mut pairs = paren_pairs.iter().peekable();
    let mut w = Rewriter::new(text);
    let mut buf = [0u8; 4];
    let mut iter = text.char_indices().peekable();
    let mut prev: Option<char> = None;
    while let Some((i, c)) = iter.next() {
        if !nfc_needed && ('\u{3400}'..='\u{9FFF}').contains(&c) {
            prev = Some(c);
            continue;
        }
        let end = i + c.len_utf8();
        // Canonical composition of a starter with its combining marks.
        let combining_next =
            iter.peek().is_some_and(|&(_, d)| !d.is_ascii() && canonical_combining_class(d) != 0);
        // (U+2000 and U+2001 have NFC forms, also odd spaces)
        if is_odd_space(c) && !combining_next {
            // A run of spaces containing an odd one: one ASCII space.
            let mut run_start = i;
            let trailing_ascii =
                text.get(..i).map_or(0, |s| s.len() - s.trim_end_matches(' ').len());
            if trailing_ascii > 0 && w.position() <= i - trailing_ascii {
                run_start = i - trailing_ascii;
            }
            let mut run_end = end;
            while let Some(&(j, d)) = iter.peek() {
                if d == ' ' || is_odd_space(d) {
                    run_end = j + d.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            w.copy_to(run_start);
            w.replace(run_end, " ");
            prev = Some(' ');
            continue;
        }
        if nfc_needed && (combining_next || !c.is_ascii()) {
            let mut cluster_end = end;
            while let Some(&(j, d)) = iter.peek() {
                if canonical_combining_class(d) == 0 {
                    break;
                }
                cluster_end = j + d.len_utf8();
                iter.next();
            }
            let cluster = text.get(i..cluster_end).unwrap_or_default();
            let composed: String = cluster.nfc().collect();
            if composed != cluster || cluster_end != end {
                let folded: String = composed.chars().map(|c| table(c).unwrap_or(c)).collect();
                if folded != cluster {
                    w.copy_to(i);
                    w.replace(cluster_end, &folded);
                }
                prev = folded.chars().next_back();
                continue;
            }
        }
        if let Some(r) = table(c) {
            w.copy_to(i);
            w.replace(end, r.encode_utf8(&mut buf));
            prev = Some(r);
            continue;
        }
        if opts.cjk_punctuation && c.is_ascii_punctuation() {
            let convert = match c {
                '(' | ')' => {
                    while pairs.peek().is_some_and(|&&(_, close)| close < i) {
                        pairs.next();
                    }
                    pairs.peek().is_some_and(|&&(open, close)| open == i || close == i)
                }
                ',' | ';' | ':' | '?' | '!' => {
                    // the next character as folding leaves it: `于:(记者` is `于：（记者`
                    let next = text.get(end..).and_then(|r| r.chars().next()).map(|d| {
                        if d == '(' && paren_pairs.binary_search_by_key(&end, |p| p.0).is_ok() {
                            '（'
                        } else {
                            table(d).unwrap_or(d)
                        }
                    });
                    prev.is_some_and(is_cjk_context) && next.is_some_and(is_cjk_context)
                }
                _ => false,
            };
            if convert && let Some(f) = full_width_punct(c) {
                w.copy_to(i);
                w.replace(end, f.encode_utf8(&mut buf));
                prev = Some(f);
                continue;
            }
        }
        prev = Some(c);
    }
    w.finish()
}

/// ASCII parenthesis pairs `(...)` on one line, not nested, whose content holds a Han
/// character and no ASCII letter: `高原(北京)文化`, `(记者秦洋)`, but not
/// `张伟(Zhang Wei)` or `(30)`.
fn cjk_paren_pairs(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut pairs = Vec::new();
    let mut open: Option<usize> = None;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'(' => open = Some(i),
            b'\n' => open = None,
            b')' => {
                if let Some(o) = open.take() {
                    let inner = text.get(o + 1..i).unwrap_or_default();
                    let has_han = inner.chars().any(is_han);
                    let has_latin = inner.bytes().any(|b| b.is_ascii_alphabetic());
                    if has_han && !has_latin {
                        pairs.push((o, i));
                    }
                }
            }
            _ => {}
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(s: &str) -> String {
        fold(s, FoldOptions::default()).text.into_owned()
    }

    #[test]
    fn full_width_letters_and_digits() {
        assert_eq!(f("ＣＯＶＩＤ－１９疫情"), "COVID－19疫情");
    }

    #[test]
    fn keeps_list_markers_and_full_width_punctuation() {
        let s = "①加强管理；㈠严格落实，（一）做好防控。";
        assert_eq!(f(s), s);
    }

    #[test]
    fn spaces() {
        assert_eq!(f("　　当前，疫情"), " 当前，疫情");
        assert_eq!(f("a \u{3000} b\u{a0}c"), "a b c");
        assert_eq!(f("通\u{200B}知\r\n第二段\r第三段\u{7}"), "通知\n第二段\n第三段");
        assert_eq!(f("a\tb\n"), "a\tb\n");
    }

    #[test]
    fn undecodable_and_private_use_characters_are_dropped() {
        assert_eq!(f("苹果。\u{FFFD}\u{FFFD}但唯冠"), "苹果。但唯冠");
        assert_eq!(f("有\u{E2E5}较深的了解\u{F015}"), "有较深的了解");
        assert_eq!(f("图标\u{F0001}"), "图标");
    }

    #[test]
    fn half_width_punctuation_and_radicals() {
        assert_eq!(f("通知｡｢防控｣､"), "通知。「防控」、");
        assert_eq!(f("\u{2F08}民"), "人民");
    }

    #[test]
    fn nfc_composes() {
        assert_eq!(f("wa\u{030C}ng"), "wǎng");
        assert_eq!(f("\u{F900}"), "\u{8C48}");
    }

    #[test]
    fn ascii_punctuation_between_han() {
        assert_eq!(f("当前,全球疫情仍在持续:国内"), "当前，全球疫情仍在持续：国内");
        assert_eq!(f("高原(北京)文化"), "高原（北京）文化");
        assert_eq!(f("(记者秦洋)"), "（记者秦洋）");
        assert_eq!(f("(市、区)"), "（市、区）");
        // the next character is judged as folding leaves it, so folding twice changes nothing
        assert_eq!(f("关于:(记者秦洋)"), "关于：（记者秦洋）");
        assert_eq!(f("人员:\u{2F08}员"), "人员：人员");
        // a mark after a removed character composes with the letter before it
        assert_eq!(f("e\u{200B}\u{301}\u{7}\u{11D44}"), "\u{E9}\u{11D44}");
        for s in ["张伟(Zhang Wei)", "北京(Beijing)", "(KPMG)", "(30)", "措施(a)", "1,000", "a, b"]
        {
            assert_eq!(f(s), s);
        }
        let off = FoldOptions { cjk_punctuation: false };
        assert_eq!(fold("当前,全球", off).text, "当前,全球");
    }

    #[test]
    fn clean_text_is_borrowed() {
        let s = "关于进一步做好疫情防控工作的通知（2022年）。";
        assert!(matches!(fold(s, FoldOptions::default()).text, std::borrow::Cow::Borrowed(_)));
    }
}
