//! Pinyin annotations glued after characters by spam mirrors (`網(wǎng)`, `會(huì )`), removed
//! only where the parenthesized text is one lowercase syllable that is a reading of the
//! character before it.

use pinyin::ToPinyinMulti;
use unicode_normalization::UnicodeNormalization;

use crate::common::is_han;
use crate::offset::{Rewriter, Rewritten};

/// Longest syllable, in characters (`zhuàng`, `chuáng`, plus slack for look-alikes).
const MAX_SYLLABLE_CHARS: usize = 8;

/// A parenthesized syllable found after a character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Annotation {
    /// Byte offset of the opening parenthesis.
    pub start: usize,
    /// Byte offset just past the closing parenthesis.
    pub end: usize,
    /// The syllable, NFC, look-alike letters folded (`ɑ` to `a`, `ɡ` to `g`).
    pub syllable: String,
    /// Whether it carries a tone mark.
    pub toned: bool,
}

fn is_open(c: char) -> bool {
    c == '(' || c == '（'
}

fn is_close(c: char) -> bool {
    c == ')' || c == '）'
}

/// Letters a pinyin syllable is written with (lowercase, tone-marked vowels, ü, the
/// GB2312 look-alikes ɑ and ɡ, and combining tone marks).
fn is_syllable_char(c: char) -> bool {
    c.is_ascii_lowercase()
        || matches!(
            c,
            'ā' | 'á'
                | 'ǎ'
                | 'à'
                | 'ē'
                | 'é'
                | 'ě'
                | 'è'
                | 'ê'
                | 'ế'
                | 'ề'
                | 'ī'
                | 'í'
                | 'ǐ'
                | 'ì'
                | 'ō'
                | 'ó'
                | 'ǒ'
                | 'ò'
                | 'ū'
                | 'ú'
                | 'ǔ'
                | 'ù'
                | 'ü'
                | 'ǖ'
                | 'ǘ'
                | 'ǚ'
                | 'ǜ'
                | 'ń'
                | 'ň'
                | 'ǹ'
                | 'ḿ'
                | 'ɑ'
                | 'ɡ'
                | '\u{0300}'
                | '\u{0301}'
                | '\u{0304}'
                | '\u{030C}'
                | '\u{0308}'
        )
}

fn is_tone_mark(c: char) -> bool {
    !c.is_ascii_lowercase() && !matches!(c, 'ü' | 'ê' | 'ɑ' | 'ɡ') && is_syllable_char(c)
}

/// Parses `(syllable)` at byte `open` of `text` (an opening parenthesis), allowing
/// spaces inside the parentheses.
pub(crate) fn parse_at(text: &str, open: usize) -> Option<Annotation> {
    let rest = text.get(open..)?;
    let mut chars = rest.char_indices();
    let (_, first) = chars.next()?;
    if !is_open(first) {
        return None;
    }
    let mut raw = String::new();
    let mut letters = 0;
    let mut seen_space_after = false;
    for (i, c) in chars {
        if is_close(c) {
            if letters == 0 {
                return None;
            }
            let toned = raw.chars().any(is_tone_mark);
            let folded: String = raw
                .chars()
                .map(|c| match c {
                    'ɑ' => 'a',
                    'ɡ' => 'g',
                    c => c,
                })
                .collect();
            let syllable: String = folded.nfc().collect();
            return Some(Annotation { start: open, end: open + i + c.len_utf8(), syllable, toned });
        }
        if c == ' ' || c == '\u{3000}' || c == '\u{a0}' {
            if letters > 0 {
                seen_space_after = true;
            }
            continue;
        }
        if seen_space_after || !is_syllable_char(c) {
            return None;
        }
        letters += 1;
        if letters > MAX_SYLLABLE_CHARS {
            return None;
        }
        raw.push(c);
    }
    None
}

fn strip_tones(s: &str) -> String {
    s.nfd()
        .filter(|c| !matches!(c, '\u{0300}' | '\u{0301}' | '\u{0304}' | '\u{030C}'))
        .nfc()
        .collect()
}

/// Whether `syllable` (toned, or toneless when `toned` is false) is a reading of `c`.
pub(crate) fn is_reading(c: char, syllable: &str, toned: bool) -> bool {
    let Some(multi) = c.to_pinyin_multi() else { return false };
    if toned {
        multi.into_iter().any(|p| p.with_tone() == syllable)
    } else {
        let plain = strip_tones(syllable);
        let plain_v = plain.replace('ü', "v");
        multi.into_iter().any(|p| {
            let t = strip_tones(p.with_tone());
            t == plain || t.replace('ü', "v") == plain_v || p.plain() == plain_v
        })
    }
}

/// The character ending just before byte `at`.
fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

/// A verified annotation at the opening parenthesis `open`: the character before it is a
/// Han character and the syllable is one of its readings. Toneless syllables count only
/// when `allow_toneless`.
pub(crate) fn verified_at(text: &str, open: usize, allow_toneless: bool) -> Option<Annotation> {
    let c = char_before(text, open)?;
    if !is_han(c) {
        return None;
    }
    let a = parse_at(text, open)?;
    if !a.toned && !allow_toneless {
        return None;
    }
    is_reading(c, &a.syllable, a.toned).then_some(a)
}

/// Positions of opening parentheses (ASCII and full-width) in `text`, in order.
fn open_positions(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let ascii = memchr::memchr_iter(b'(', bytes);
    // （ is EF BC 88.
    let full = memchr::memmem::find_iter(bytes, "（".as_bytes());
    merge_sorted(ascii, full)
}

fn merge_sorted<A: Iterator<Item = usize>, B: Iterator<Item = usize>>(
    a: A,
    b: B,
) -> impl Iterator<Item = usize> {
    let mut a = a.peekable();
    let mut b = b.peekable();
    std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(&x), Some(&y)) if x <= y => a.next(),
        (Some(_) | None, Some(_)) => b.next(),
        (Some(_), None) => a.next(),
        (None, None) => None,
    })
}

/// How many verified toned annotations `text` carries (page-level evidence).
pub(crate) fn count_toned(text: &str) -> usize {
    open_positions(text).filter(|&p| verified_at(text, p, false).is_some()).count()
}

/// Removes verified annotations; returns the rewritten text and how many were removed.
pub(crate) fn remove(text: &str, allow_toneless: bool) -> (Rewritten<'_>, usize) {
    let mut w: Option<Rewriter<'_>> = None;
    let mut removed = 0;
    let mut skip_to = 0;
    for open in open_positions(text) {
        if open < skip_to {
            continue;
        }
        if let Some(a) = verified_at(text, open, allow_toneless) {
            let w = w.get_or_insert_with(|| Rewriter::new(text));
            w.copy_to(a.start);
            w.delete(a.end);
            skip_to = a.end;
            removed += 1;
        }
    }
    let out = w.map_or_else(|| Rewritten::unchanged(text), Rewriter::finish);
    (out, removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(text: &str, toneless: bool) -> String {
        remove(text, toneless).0.text.into_owned()
    }

    #[test]
    fn removes_toned_annotations() {
        assert_eq!(strip("中國西藏網(wǎng)", false), "中國西藏網");
        assert_eq!(strip("全會(huì )審議", false), "全會審議");
        assert_eq!(
            strip("(以下簡(jiǎn)稱(chēng)《實施意見(jiàn)》)", false),
            "(以下簡稱《實施意見》)"
        );
        assert_eq!(strip("發(fā)布時(shí)間", false), "發布時間");
        // Full-width parentheses and look-alike letters.
        assert_eq!(strip("國（ɡuó）際", false), "國際");
        assert_eq!(strip("網(wɑ̌ng)", false), "網");
    }

    #[test]
    fn keeps_legitimate_parentheses() {
        for s in [
            "(记者秦洋)",
            "(以下简称“省疫情防控办”)",
            "(市、区)",
            "(KPMG)",
            "(30)",
            "措施(a)",
            "张伟(Zhang Wei)",
            "北京(Beijing)",
            "公司(gōngsī)",
            "北京(běi jīng)",
            "通知(tīng)",
            "a(wǎng)",
        ] {
            assert_eq!(strip(s, true), s, "{s}");
        }
    }

    #[test]
    fn heteronyms_and_traditional_readings() {
        assert!(is_reading('會', "kuài", true));
        assert!(is_reading('會', "huì", true));
        assert!(is_reading('聽', "tīng", true));
        assert!(is_reading('車', "chē", true));
        assert!(!is_reading('車', "chè", true));
    }

    #[test]
    fn toneless_only_when_allowed() {
        assert_eq!(strip("網(wang)站", false), "網(wang)站");
        assert_eq!(strip("網(wang)站", true), "網站");
        assert_eq!(strip("措施(shi)", true), "措施");
        assert_eq!(strip("措施(a)", true), "措施(a)");
    }

    #[test]
    fn counts_toned_hits() {
        assert_eq!(count_toned("網(wǎng)站(zhàn)說(wang)(KPMG)"), 2);
    }
}
