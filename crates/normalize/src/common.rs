//! A "common character" set: GB2312 level 1 (3,755 most frequent Simplified characters)
//! and Big5 level 1 (5,401 frequent Traditional characters), derived from encoding_rs's
//! tables, used to judge which of two readings of some bytes is real text.

use std::sync::LazyLock;

use encoding_rs::{BIG5, GBK};

/// One bit per BMP code point.
#[derive(Debug, Clone)]
pub(crate) struct BmpSet(Vec<u64>);

impl BmpSet {
    /// An empty set.
    pub(crate) fn new() -> Self {
        BmpSet(vec![0; 1024])
    }
    pub(crate) fn contains(&self, c: char) -> bool {
        let c = c as usize;
        self.0.get(c >> 6).is_some_and(|w| w & (1 << (c & 63)) != 0)
    }
    pub(crate) fn insert(&mut self, c: char) {
        let c = c as usize;
        if let Some(w) = self.0.get_mut(c >> 6) {
            *w |= 1 << (c & 63);
        }
    }
}

static COMMON: LazyLock<BmpSet> = LazyLock::new(|| {
    let mut set = BmpSet(vec![0; 1024]);
    let mut bytes = Vec::with_capacity(8192);
    // GB2312 level 1: rows B0..D7, cells A1..FE (D7FA..D7FE are unassigned).
    for lead in 0xB0u8..=0xD7 {
        for trail in 0xA1u8..=0xFE {
            bytes.extend_from_slice(&[lead, trail]);
        }
    }
    for c in GBK.decode_without_bom_handling(&bytes).0.chars() {
        if is_han(c) {
            set.insert(c);
        }
    }
    bytes.clear();
    // Big5 level 1: A440..C67E.
    for lead in 0xA4u8..=0xC6 {
        for trail in (0x40u8..=0x7E).chain(0xA1..=0xFE) {
            if lead == 0xC6 && trail > 0x7E {
                continue;
            }
            bytes.extend_from_slice(&[lead, trail]);
        }
    }
    for c in BIG5.decode_without_bom_handling(&bytes).0.chars() {
        if is_han(c) {
            set.insert(c);
        }
    }
    set
});

/// The Han characters of GB2312 (levels 1 and 2).
#[cfg(test)]
pub(crate) fn gb2312_han() -> BmpSet {
    let mut bytes = Vec::new();
    for lead in 0xB0u8..=0xF7 {
        for trail in 0xA1u8..=0xFE {
            bytes.extend_from_slice(&[lead, trail]);
        }
    }
    han_set(GBK.decode_without_bom_handling(&bytes).0.chars())
}

/// The Han characters of Big5 proper (levels 1 and 2, without HKSCS).
#[cfg(test)]
pub(crate) fn big5_han() -> BmpSet {
    let mut bytes = Vec::new();
    for lead in 0xA4u8..=0xF9 {
        for trail in (0x40u8..=0x7E).chain(0xA1..=0xFE) {
            bytes.extend_from_slice(&[lead, trail]);
        }
    }
    han_set(BIG5.decode_without_bom_handling(&bytes).0.chars())
}

#[cfg(test)]
fn han_set(chars: impl Iterator<Item = char>) -> BmpSet {
    let mut set = BmpSet::new();
    for c in chars.filter(|&c| is_han(c)) {
        set.insert(c);
    }
    set
}

/// Whether `c` is a CJK unified ideograph (URO or Extension A, or a compatibility ideograph).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
        || matches!(c, '\u{20000}'..='\u{323AF}')
}

/// Whether `c` is a frequent Chinese character (GB2312 level 1 or Big5 level 1).
pub(crate) fn is_common_han(c: char) -> bool {
    COMMON.contains(c)
}

/// Whether `c` is in a Private Use Area.
pub(crate) fn is_private_use(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{FFFFD}' | '\u{100000}'..='\u{10FFFD}')
}

/// A plausibility score for Chinese text: common characters count +2, ASCII and CJK
/// punctuation 0, other Han characters -1, private-use, replacement and other odd
/// characters -3.
pub(crate) fn score(text: &str) -> i64 {
    text.chars().map(char_score).sum()
}

/// The score of one character (see [`score`]).
pub(crate) fn char_score(c: char) -> i64 {
    if c.is_ascii() {
        0
    } else if is_common_han(c) {
        2
    } else if is_han(c) {
        -1
    } else if matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF5E}' | '\u{2010}'..='\u{2027}')
    {
        0
    } else {
        -3
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_sets() {
        for c in "的一是了我不在人们有关于进步通知疫情防控國際衛生".chars()
        {
            assert!(is_common_han(c), "{c}");
        }
        for c in "鍏簬杩涗竴姝蛫査".chars() {
            assert!(!is_common_han(c), "{c}");
        }
        assert!(score("关于进一步") > score("鍏充簬杩涗竴"));
        assert!(is_private_use('\u{E481}'));
        assert!(!is_han('a'));
    }
}
