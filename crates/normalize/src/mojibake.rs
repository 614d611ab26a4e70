//! Mojibake repair: GBK byte shifts around inserted pinyin annotations, UTF-8 read as GBK,
//! and UTF-8 read as Latin-1/windows-1252.

use std::sync::LazyLock;

use encoding_rs::{GBK, WINDOWS_1252};

use crate::common::{char_score, is_han, is_private_use, score};
use crate::offset::{Rewriter, Rewritten};
use crate::pinyin;

/// Per-BMP-character flags used to find suspicious runs in one pass.
const GBK_UTF8: u8 = 1;
const LATIN: u8 = 2;

static CLASSES: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let mut classes = vec![0u8; 0x10000];
    // UTF-8 bytes read as GBK: a pair (lead of a 3-byte CJK sequence, continuation), at
    // least every third character of such mojibake, decodes to one of these rare
    // characters (frequent ones excluded).
    let mut bytes = Vec::new();
    for lead in 0xE4u8..=0xE9 {
        for trail in 0x80u8..=0xBF {
            bytes.extend_from_slice(&[lead, trail]);
        }
    }
    for c in GBK.decode_without_bom_handling(&bytes).0.chars() {
        if !c.is_ascii()
            && !crate::common::is_common_han(c)
            && c != '\u{FFFD}'
            && let Some(slot) = classes.get_mut(c as usize)
        {
            *slot |= GBK_UTF8;
        }
    }
    // UTF-8 bytes read as windows-1252 / Latin-1.
    let all: Vec<u8> = (0x80u8..=0xFF).collect();
    for c in WINDOWS_1252.decode_without_bom_handling(&all).0.chars().chain('\u{80}'..='\u{9F}') {
        if let Some(slot) = classes.get_mut(c as usize) {
            *slot |= LATIN;
        }
    }
    classes
});

/// Character bigrams of OpenCC's phrase dictionaries (both scripts): the context model
/// that chooses between repairs that all decode cleanly.
static BIGRAMS: LazyLock<std::collections::HashSet<u64>> = LazyLock::new(|| {
    let mut set = std::collections::HashSet::new();
    let Ok(d) = crate::convert::dictionary() else { return set };
    for dict in [&d.st_phrases, &d.ts_phrases, &d.tw_phrases, &d.hk_phrases] {
        for (key, value) in dict.iter() {
            for w in key.windows(2) {
                if let [a, b] = w {
                    set.insert(bigram(*a, *b));
                }
            }
            let v: Vec<char> = value.chars().collect();
            for w in v.windows(2) {
                if let [a, b] = w {
                    set.insert(bigram(*a, *b));
                }
            }
        }
    }
    set
});

fn bigram(a: char, b: char) -> u64 {
    (u64::from(a as u32) << 32) | u64::from(b as u32)
}

/// Plausibility of a repair: known phrase bigrams weigh most, then character commonness.
fn context_score(text: &str) -> i64 {
    let chars: Vec<char> = text.chars().collect();
    let known = chars
        .windows(2)
        .filter(|w| matches!(w, [a, b] if BIGRAMS.contains(&bigram(*a, *b))))
        .count();
    i64::try_from(known).unwrap_or(i64::MAX / 4) * 4 + score(text)
}

fn class(c: char) -> u8 {
    CLASSES.get(c as usize).copied().unwrap_or(0)
}

/// Repairs mojibake in `text`; returns the result and how many runs were repaired.
/// `allow_toneless` lets a toneless syllable identify a GBK byte shift.
pub(crate) fn repair(text: &str, allow_toneless: bool) -> (Rewritten<'_>, usize) {
    let mut any_latin = false;
    let mut any_gbk = false;
    let mut any_shift = false;
    for c in text.chars() {
        if c.is_ascii() {
            any_shift |= c == '?';
            continue;
        }
        any_shift |= c == '\u{FFFD}';
        let k = class(c);
        any_gbk |= k & GBK_UTF8 != 0;
        any_latin |= k & LATIN != 0;
    }
    if !(any_latin || any_gbk || any_shift) {
        return (Rewritten::unchanged(text), 0);
    }
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    if any_shift {
        gbk_shifts(text, allow_toneless, &mut edits);
    }
    if any_gbk {
        utf8_as_gbk(text, &mut edits);
    }
    if any_latin {
        utf8_as_latin(text, &mut edits);
    }
    if edits.is_empty() {
        return (Rewritten::unchanged(text), 0);
    }
    edits.sort_by_key(|e| e.0);
    let mut w = Rewriter::new(text);
    let mut n = 0;
    for (start, end, with) in &edits {
        if *start < w.position() {
            continue; // overlapping: the first wins
        }
        w.copy_to(*start);
        w.replace(*end, with);
        n += 1;
    }
    (w.finish(), n)
}

/// The two-byte GBK code of every BMP character that has one (0 for none).
static GBK_CODES: LazyLock<Vec<u16>> = LazyLock::new(|| {
    let mut codes = vec![0u16; 0x10000];
    for lead in 0x81u8..=0xFE {
        for trail in (0x40u8..=0x7E).chain(0x80..=0xFE) {
            let pair = [lead, trail];
            let (text, had_errors) = GBK.decode_without_bom_handling(&pair);
            let mut it = text.chars();
            if let (false, Some(c), None) = (had_errors, it.next(), it.next())
                && let Some(slot) = codes.get_mut(c as usize)
                && *slot == 0
            {
                *slot = u16::from_be_bytes([lead, trail]);
            }
        }
    }
    codes
});

/// GBK encoding of one character, if it is exactly two bytes.
fn gbk2(c: char) -> Option<[u8; 2]> {
    let code = GBK_CODES.get(c as usize).copied().unwrap_or(0);
    (code != 0).then(|| code.to_be_bytes())
}

fn decode_gbk_clean(bytes: &[u8]) -> Option<String> {
    let (text, had_errors) = GBK.decode_without_bom_handling(bytes);
    if had_errors || text.chars().any(is_private_use) {
        return None;
    }
    Some(text.into_owned())
}

/// A spam tool inserted `(reading)` into a GBK byte stream one byte off: after the trail
/// byte of one character and the lead byte X of the next. Decoded, that shows as: the
/// character before, `?` or U+FFFD (X swallowing the `(`), maybe the `(`, the syllable and
/// `)`, then characters decoded misaligned until an ASCII byte realigns the stream. The
/// character whose GBK code is [trail byte, X] has the annotated reading, which recovers X.
fn gbk_shifts(text: &str, allow_toneless: bool, edits: &mut Vec<(usize, usize, String)>) {
    let bytes = text.as_bytes();
    let mut search = 0;
    while let Some(off) = next_marker(bytes.get(search..).unwrap_or_default()) {
        let at = search + off;
        let marker_len = if bytes.get(at) == Some(&b'?') { 1 } else { 3 };
        search = at + marker_len;
        if let Some(edit) = shift_at(text, at, marker_len, allow_toneless) {
            search = edit.1;
            edits.push(edit);
        }
    }
}

fn next_marker(bytes: &[u8]) -> Option<usize> {
    let q = memchr::memchr(b'?', bytes);
    let r = memchr::memmem::find(bytes, "\u{FFFD}".as_bytes());
    match (q, r) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn shift_at(
    text: &str,
    at: usize,
    marker_len: usize,
    allow_toneless: bool,
) -> Option<(usize, usize, String)> {
    // The character before: any two-byte GBK character (Han or CJK punctuation).
    let before = text.get(..at)?.chars().next_back()?;
    let [p1, p2] = gbk2(before)?;
    let start = at - before.len_utf8();
    // Optional "(" then the syllable and ")".
    let mut pos = at + marker_len;
    let rest = text.get(pos..)?;
    let open = if rest.starts_with('(') || rest.starts_with('（') {
        rest.chars().next().map_or(0, char::len_utf8)
    } else {
        0
    };
    // Reuse the annotation parser on a synthetic "(...": find the closing parenthesis.
    let syl_start = pos + open;
    let probe = format!("({}", text.get(syl_start..)?.chars().take(16).collect::<String>());
    let ann = pinyin::parse_at(&probe, 0)?;
    if !ann.toned && !allow_toneless {
        return None;
    }
    pos = syl_start + ann.end - 1; // `ann.end` counts the synthetic "("
    // The misaligned run.
    let mut run = Vec::new();
    let mut end = pos;
    let mut lost_last = false;
    let mut realigned = false;
    for c in text.get(pos..)?.chars() {
        if c.is_ascii() {
            if (0x40..=0x7E).contains(&(c as u32)) {
                run.push(c as u8);
                end += 1;
                realigned = true;
            } else if c == '?' {
                end += 1;
                lost_last = true;
            }
            break;
        }
        if c == '\u{FFFD}' {
            end += c.len_utf8();
            lost_last = true;
            break;
        }
        if c == '€' {
            run.push(0x80);
            end += c.len_utf8();
            realigned = true;
            break;
        }
        let pair = gbk2(c)?;
        run.extend_from_slice(&pair);
        end += c.len_utf8();
        if run.len() > 4096 {
            return None;
        }
    }
    if (run.is_empty() && !lost_last) || !(realigned || lost_last || end == text.len()) {
        return None;
    }
    let mut best: Option<(i64, String)> = None;
    for x in 0x81u8..=0xFE {
        let Some(annotated) = decode_gbk_clean(&[p2, x]) else { continue };
        let mut ch = annotated.chars();
        let (Some(c), None) = (ch.next(), ch.next()) else { continue };
        if !pinyin::is_reading(c, &ann.syllable, ann.toned) {
            continue;
        }
        let mut bytes = vec![p1, p2, x];
        bytes.extend_from_slice(&run);
        if !realigned {
            // The last character's trail byte is lost: guess it from the context when
            // the phrase bigrams single one out, else drop the character.
            let lead = bytes.pop().unwrap_or(0);
            let Some(head) = decode_gbk_clean(&bytes) else { continue };
            let next = text.get(end..).and_then(|r| r.chars().next());
            if let Some(z) = guess_trail(&head, lead, next) {
                let mut repaired = head;
                repaired.push(z);
                if repaired.starts_with(before) {
                    let s = context_score(&repaired);
                    if best.as_ref().is_none_or(|(b, _)| s > *b) {
                        best = Some((s, repaired));
                    }
                }
                continue;
            }
        }
        let Some(repaired) = decode_gbk_clean(&bytes) else { continue };
        if !repaired.starts_with(before) {
            continue;
        }
        let s = context_score(&repaired);
        if best.as_ref().is_none_or(|(b, _)| s > *b) {
            best = Some((s, repaired));
        }
    }
    let (_, repaired) = best?;
    let original = text.get(start..end)?;
    (score(&repaired) > score(original)).then_some((start, end, repaired))
}

/// The character with GBK lead byte `lead` that the phrase bigrams single out between the
/// end of `head` and `next`, if exactly one does.
fn guess_trail(head: &str, lead: u8, next: Option<char>) -> Option<char> {
    let prev = head.chars().next_back()?;
    let mut best: Option<(usize, char)> = None;
    let mut tie = false;
    for trail in (0x40u8..=0x7E).chain(0x80..=0xFE) {
        let Some(z) = decode_gbk_clean(&[lead, trail]) else { continue };
        let mut it = z.chars();
        let (Some(z), None) = (it.next(), it.next()) else { continue };
        let known = usize::from(BIGRAMS.contains(&bigram(prev, z)))
            + next.map_or(0, |n| usize::from(BIGRAMS.contains(&bigram(z, n))));
        if known == 0 {
            continue;
        }
        match best {
            Some((k, _)) if k > known => {}
            Some((k, _)) if k == known => tie = true,
            _ => {
                best = Some((known, z));
                tie = false;
            }
        }
    }
    if tie { None } else { best.map(|(_, z)| z) }
}

/// Runs of characters that UTF-8 bytes decoded as GBK produce; re-encoded to GBK, the
/// bytes are UTF-8. A run's last UTF-8 character may have lost a byte to the character
/// after the run (`?` or U+FFFD): it is recovered when exactly one frequent character
/// fits, dropped otherwise.
fn utf8_as_gbk(text: &str, edits: &mut Vec<(usize, usize, String)>) {
    // Characters that folding turns into others (full-width letters, the ideographic
    // space) end a run as ASCII does: the runs, and so the repairs, are the same on text
    // that was normalized before.
    let outside = |d: char| {
        d.is_ascii() || gbk2(d).is_none() || d == '\u{3000}' || crate::fold::canonical_char(d) != d
    };
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if outside(c) {
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut suspects = usize::from(class(c) & GBK_UTF8 != 0);
        let mut count = 1;
        while let Some(&(j, d)) = chars.peek() {
            if outside(d) {
                break;
            }
            suspects += usize::from(class(d) & GBK_UTF8 != 0);
            count += 1;
            end = j + d.len_utf8();
            chars.next();
        }
        if suspects < 2 || suspects * 5 < count {
            continue;
        }
        let Some(run) = text.get(start..end) else { continue };
        let bytes: Vec<u8> = run.chars().filter_map(gbk2).flatten().collect();
        let valid = match std::str::from_utf8(&bytes) {
            Ok(s) => s.len(),
            Err(e) => e.valid_up_to(),
        };
        let Ok(head) = std::str::from_utf8(bytes.get(..valid).unwrap_or_default()) else {
            continue;
        };
        let tail = bytes.get(valid..).unwrap_or_default();
        if tail.len() >= 3 || !head.chars().any(is_han) {
            continue;
        }
        let mut repaired = head.to_owned();
        let mut edit_end = end;
        if !tail.is_empty() {
            let next = text.get(end..).and_then(|r| r.chars().next());
            if matches!(next, Some('?' | '\u{FFFD}')) {
                edit_end += next.map_or(0, char::len_utf8);
                if let Some(c) = complete_utf8(tail) {
                    repaired.push(c);
                }
            } else {
                continue;
            }
        }
        let original = text.get(start..edit_end).unwrap_or_default();
        // the page was Chinese: every character it had is in GBK
        let chinese = repaired.chars().all(|c| c.is_ascii() || gbk2(c).is_some());
        if chinese && score(&repaired) > score(original) + 2 {
            edits.push((start, edit_end, repaired));
        }
    }
}

/// The one frequent character completing a truncated UTF-8 sequence, if exactly one fits.
fn complete_utf8(tail: &[u8]) -> Option<char> {
    let need = match tail.first()? {
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return None,
    };
    if need - tail.len() != 1 {
        return None;
    }
    let mut found = None;
    for b in 0x80u8..=0xBF {
        let mut seq = tail.to_vec();
        seq.push(b);
        if let Ok(s) = std::str::from_utf8(&seq)
            && let Some(c) = s.chars().next()
            && crate::common::is_common_han(c)
        {
            if found.is_some() {
                return None;
            }
            found = Some(c);
        }
    }
    found
}

/// Runs of Latin-1/windows-1252 characters that are UTF-8 bytes (`å…³äºŽ` for 关于).
fn utf8_as_latin(text: &str, edits: &mut Vec<(usize, usize, String)>) {
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_ascii() || class(c) & LATIN == 0 {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if d.is_ascii() || class(d) & LATIN == 0 {
                break;
            }
            end = j + d.len_utf8();
            chars.next();
        }
        let Some(run) = text.get(start..end) else { continue };
        let mut bytes = Vec::with_capacity(run.len());
        for d in run.chars() {
            if ('\u{80}'..='\u{9F}').contains(&d) {
                bytes.push(d as u8);
            } else {
                let mut buf = [0u8; 4];
                let (b, _, err) = WINDOWS_1252.encode(d.encode_utf8(&mut buf));
                if err || b.len() != 1 {
                    bytes.clear();
                    break;
                }
                bytes.extend_from_slice(&b);
            }
        }
        let Ok(repaired) = std::str::from_utf8(&bytes) else { continue };
        if repaired.chars().any(|c| is_han(c) || char_score(c) >= 0 && !c.is_ascii())
            && score(repaired) > score(run)
        {
            edits.push((start, end, repaired.to_owned()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(s: &str) -> (String, usize) {
        let (r, n) = repair(s, false);
        (r.text.into_owned(), n)
    }

    /// Inserts `(reading)` after the byte at odd offset `at` of `clean`'s GBK bytes, then
    /// decodes the damage the way the pages show it: the lone lead byte swallows `(`
    /// as `?` when `question`, else U+FFFD and the `(` survives (WHATWG).
    fn shift(clean: &str, char_index: usize, reading: &str, question: bool) -> String {
        let bytes = GBK.encode(clean).0.into_owned();
        // The misaligned "character" is [trail of char i, lead of char i + 1].
        let cut = gbk_offset(clean, char_index + 1) + 1; // after the lead byte of char i + 1
        let mut damaged = bytes[..cut].to_vec();
        damaged.extend(GBK.encode(&format!("({reading})")).0.iter());
        damaged.extend_from_slice(&bytes[cut..]);
        let decoded = GBK.decode_without_bom_handling(&damaged).0.into_owned();
        if question { decoded.replacen("\u{FFFD}(", "?", 1) } else { decoded }
    }

    fn gbk_offset(clean: &str, char_index: usize) -> usize {
        clean.chars().take(char_index).map(|c| GBK.encode(&c.to_string()).0.len()).sum()
    }

    #[test]
    fn generated_gbk_shifts_are_repaired() {
        // Every odd byte offset of a clean text: repaired exactly when an ASCII-range
        // trail byte realigns the stream, else exactly one character (whose trail byte
        // the decoder lost) is missing; rarely one character is ambiguous.
        // Spam mirrors' pages use ASCII punctuation, as here.
        let clean = "德爾塔和奧密克戎變異株帶來雙重挑戰,累計八十五架國際航班經停太原入境,\
            堅持外防輸入、內防反彈的總策略,關於進一步做好疫情防控工作的通知.";
        let n = clean.chars().count();
        let (mut exact, mut ambiguous, mut one_lost, mut tried) = (0, 0, 0, 0);
        for i in 0..n - 2 {
            let bytes = GBK.encode(clean).0.into_owned();
            let chars: Vec<char> = clean.chars().collect();
            if chars[i].is_ascii() || chars[i + 1].is_ascii() {
                continue;
            }
            let at = gbk_offset(clean, i);
            let Some(annotated) = decode_gbk_clean(&[bytes[at + 1], bytes[at + 2]]) else {
                continue;
            };
            let c = annotated.chars().next().unwrap();
            let Some(reading) = pinyin_of(c) else { continue };
            if reading.is_ascii() {
                continue; // neutral tone: needs the page's toneless permission
            }
            for question in [true, false] {
                let damaged = shift(clean, i, &reading, question);
                assert_ne!(damaged, clean);
                tried += 1;
                let (out, count) = fix(&damaged);
                assert_eq!(count, 1, "damaged: {damaged}");
                assert!(!out.chars().any(|c| is_private_use(c) || c == '\u{FFFD}'));
                if out == clean {
                    exact += 1;
                } else if out.chars().count() == n {
                    // Two characters with the annotated reading both decode cleanly
                    // and the context cannot tell them apart: one character differs.
                    let diff = out.chars().zip(clean.chars()).filter(|(a, b)| a != b).count();
                    assert_eq!(diff, 1, "damaged: {damaged} -> {out}");
                    ambiguous += 1;
                } else {
                    assert_eq!(out.chars().count() + 1, n, "damaged: {damaged} -> {out}");
                    one_lost += 1;
                }
            }
        }
        assert!(tried >= 40, "{tried}");
        assert_eq!(exact + ambiguous + one_lost, tried);
        // Without an ASCII-range trail byte before the next ASCII character (common for
        // text in GBK's GB2312 area), the last character of the run lost its trail byte
        // and is dropped unless phrase bigrams single it out.
        assert!(
            exact * 10 >= tried * 3,
            "exact {exact}, ambiguous {ambiguous}, lost {one_lost} of {tried}"
        );
    }

    fn pinyin_of(c: char) -> Option<String> {
        use ::pinyin::ToPinyin;
        c.to_pinyin().map(|p| p.with_tone().to_owned())
    }

    #[test]
    fn shift_with_ascii_realignment_inside_text() {
        // 85架國際航班: 架 = BC DC, 車 = DC 87, 國 = 87 F8, 際 = 8B 48 ('H').
        let clean = "累計85架國際航班經停";
        let bytes = GBK.encode(clean).0.into_owned();
        let pos = bytes.windows(2).position(|w| w == [0xBC, 0xDC]).unwrap();
        let mut damaged = bytes[..pos + 3].to_vec();
        damaged.extend(GBK.encode("(chē)").0.iter());
        damaged.extend_from_slice(&bytes[pos + 3..]);
        let decoded = GBK.decode_without_bom_handling(&damaged).0.replacen("\u{FFFD}(", "?", 1);
        assert!(decoded.chars().any(is_private_use));
        assert_eq!(fix(&decoded).0, clean);
    }

    #[test]
    fn utf8_read_as_gbk() {
        let clean = "关于进一步做好疫情防控工作的通知";
        let mojibake = GBK.decode_without_bom_handling(clean.as_bytes()).0.into_owned();
        let (out, n) = fix(&mojibake);
        assert_eq!(out, clean);
        assert_eq!(n, 1);
        // Odd length: the last byte pairs with the ASCII after it and is lost.
        let mut bytes = "关于进一步".as_bytes().to_vec();
        bytes.extend_from_slice(b",ok");
        let mojibake = GBK.decode_without_bom_handling(&bytes).0.into_owned();
        assert!(mojibake.starts_with("鍏充簬杩涗竴姝"));
        let (out, _) = fix(&mojibake);
        assert!(out.starts_with("关于进一"), "{out}");
        assert!(!out.contains('\u{FFFD}'));
    }

    #[test]
    fn utf8_read_as_latin1() {
        let clean = "关于进一步做好疫情防控工作";
        let mojibake = WINDOWS_1252.decode_without_bom_handling(clean.as_bytes()).0.into_owned();
        assert!(mojibake.starts_with("å…³äºŽ"));
        assert_eq!(fix(&mojibake).0, clean);
        assert_eq!(fix("café crème, naïve").0, "café crème, naïve");
    }

    #[test]
    fn clean_text_untouched() {
        for s in [
            "关于进一步做好疫情防控工作的通知",
            "德爾塔和奧密克戎變異株",
            "是否?还是(shì)不是",
            "充满信心",
            "鍏 (a lone rare character)",
        ] {
            let (r, n) = repair(s, true);
            assert!(matches!(r.text, std::borrow::Cow::Borrowed(_)), "{s}");
            assert_eq!(n, 0);
        }
    }
}
