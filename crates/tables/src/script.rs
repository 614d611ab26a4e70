//! Traditional spellings of entries written in Simplified, from OpenCC's Simplified to
//! Traditional character table (`data/STCharacters.txt`, Apache-2.0, see
//! `data/LICENSE-opencc`), parsed on first use.

use std::collections::HashMap;
use std::sync::LazyLock;

const ST_CHARACTERS: &str = include_str!("../data/STCharacters.txt");

/// How many spellings of one entry are generated at most (every combination of the
/// characters' Traditional forms up to this many; past it, one character varied at a time).
const MAX_SPELLINGS: usize = 16;

static ST: LazyLock<HashMap<char, Box<[char]>>> = LazyLock::new(|| {
    let mut map = HashMap::with_capacity(4096);
    for line in ST_CHARACTERS.lines() {
        let Some((k, v)) = line.split_once('\t') else { continue };
        let mut key = k.chars();
        let (Some(k), None) = (key.next(), key.next()) else { continue };
        let vs: Vec<char> = v.split(' ').filter_map(|x| x.chars().next()).collect();
        if !vs.is_empty() {
            map.insert(k, vs.into_boxed_slice());
        }
    }
    map
});

/// The Traditional forms OpenCC gives a Simplified character (empty when it has none),
/// the standard one first: `发` gives `發 髮`, `台` gives `臺 檯 颱 台`.
pub fn traditional_chars(c: char) -> &'static [char] {
    ST.get(&c).map_or(&[], |v| v)
}

/// The spellings of an entry written in Simplified: itself first, then its Traditional
/// spellings (every combination of its characters' Traditional forms, up to 16; past that
/// the standard form and each single-character variant of it). `发布时间` gives
/// `发布时间 發布時間 發佈時間 髮布時間 髮佈時間`.
pub fn spellings(entry: &str) -> Vec<String> {
    let options: Vec<Vec<char>> = entry
        .chars()
        .map(|c| {
            let t = traditional_chars(c);
            if t.is_empty() { vec![c] } else { t.to_vec() }
        })
        .collect();
    let mut out = vec![entry.to_owned()];
    let total =
        options.iter().try_fold(1usize, |acc, o| acc.checked_mul(o.len())).unwrap_or(usize::MAX);
    if total <= MAX_SPELLINGS {
        let mut idx = vec![0usize; options.len()];
        loop {
            let spelled: String =
                options.iter().zip(&idx).filter_map(|(o, &i)| o.get(i).copied()).collect();
            if !out.contains(&spelled) {
                out.push(spelled);
            }
            // the next combination, last character fastest
            let mut k = options.len();
            loop {
                if k == 0 {
                    return out;
                }
                k -= 1;
                let (Some(at), Some(opts)) = (idx.get_mut(k), options.get(k)) else { return out };
                *at += 1;
                if *at < opts.len() {
                    break;
                }
                *at = 0;
            }
        }
    }
    let standard: Vec<char> = options.iter().filter_map(|o| o.first().copied()).collect();
    out.push(standard.iter().collect());
    for (k, opts) in options.iter().enumerate() {
        for &alt in opts.iter().skip(1) {
            let mut chars = standard.clone();
            if let Some(x) = chars.get_mut(k) {
                *x = alt;
            }
            let spelled: String = chars.into_iter().collect();
            if !out.contains(&spelled) {
                out.push(spelled);
            }
        }
    }
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_and_spellings() {
        assert_eq!(traditional_chars('发'), ['發', '髮']);
        assert!(traditional_chars('a').is_empty());
        assert_eq!(
            spellings("发布时间"),
            ["发布时间", "發布時間", "發佈時間", "髮布時間", "髮佈時間"]
        );
        assert_eq!(spellings("当前位置"), ["当前位置", "當前位置", "噹前位置"]);
        assert_eq!(spellings("Copyright"), ["Copyright"]);
        // many ambiguous characters: the standard form and one change at a time
        let many = spellings("干里台后发");
        assert!(many.len() <= 1 + 1 + 3 + 3 + 3 + 1 + 1, "{many:?}");
        assert_eq!(many[1], "幹裡臺後發");
        assert!(many.contains(&"乾裡臺後發".to_owned()));
    }
}
