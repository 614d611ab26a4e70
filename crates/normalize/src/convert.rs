//! Traditional to Simplified conversion behind a small trait, with a phrase-level OpenCC
//! implementation (dictionaries from the `opencc-fmmseg` crate, Apache-2.0 OpenCC data).

use std::fmt;
use std::sync::{Arc, LazyLock};

use opencc_fmmseg::{DictMaxLen, DictionaryMaxlength};

use crate::error::{Error, Result};
use crate::offset::{Rewriter, Rewritten};

/// Converts Chinese text to Simplified characters.
///
/// Implement this to swap the converter (see [`crate::NormalizerBuilder::converter`]); the
/// built-in one is [`OpenccConverter`]. Report what changed through a [`Rewriter`] so
/// the offset map stays exact, and return the text borrowed when nothing changed.
pub trait Converter: Send + Sync + fmt::Debug {
    /// Converts `text` to Simplified Chinese.
    fn to_simplified<'a>(&self, text: &'a str) -> Rewritten<'a>;
}

/// Which OpenCC conversion [`OpenccConverter`] performs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
#[non_exhaustive]
pub enum OpenccConfig {
    /// OpenCC `t2s`: Traditional (OpenCC standard) to Simplified, phrases then characters.
    #[default]
    T2s,
    /// OpenCC `tw2s`: Taiwan variants first, then `t2s`.
    Tw2s,
    /// OpenCC `tw2sp`: like `tw2s`, also rewriting Taiwan vocabulary (滑鼠 to 鼠标).
    Tw2sp,
    /// OpenCC `hk2s`: Hong Kong variants first, then `t2s`.
    Hk2s,
    /// OpenCC `hk2sp`: Hong Kong variants and vocabulary first, then `t2s`.
    Hk2sp,
    /// OpenCC `s2t`: Simplified to Traditional (used to derive Traditional spellings of
    /// data-file entries; not a normalization step).
    S2t,
}

impl OpenccConfig {
    /// The OpenCC configuration name (`t2s`, `tw2s`, ...).
    pub fn name(self) -> &'static str {
        match self {
            OpenccConfig::T2s => "t2s",
            OpenccConfig::Tw2s => "tw2s",
            OpenccConfig::Tw2sp => "tw2sp",
            OpenccConfig::Hk2s => "hk2s",
            OpenccConfig::Hk2sp => "hk2sp",
            OpenccConfig::S2t => "s2t",
        }
    }

    /// The configuration with this OpenCC name, if supported.
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "t2s" => OpenccConfig::T2s,
            "tw2s" => OpenccConfig::Tw2s,
            "tw2sp" => OpenccConfig::Tw2sp,
            "hk2s" => OpenccConfig::Hk2s,
            "hk2sp" => OpenccConfig::Hk2sp,
            "s2t" => OpenccConfig::S2t,
            _ => return None,
        })
    }
}

/// One OpenCC dictionary: `(key, first value)` pairs in file order.
struct Dict(Vec<(Box<str>, Box<str>)>);

impl Dict {
    /// Parses an OpenCC dictionary text: `key<TAB>value [alternatives...]` per line.
    fn parse(text: &str) -> Dict {
        Dict(
            text.lines()
                .filter_map(|l| {
                    let (k, v) = l.split_once('\t')?;
                    let v = v.split(' ').next()?;
                    (!k.is_empty() && !v.is_empty()).then(|| (k.into(), v.into()))
                })
                .collect(),
        )
    }

    /// A dictionary of the `opencc-fmmseg` bundle (used for `s2t` only).
    fn from_opencc(d: &DictMaxLen) -> Dict {
        let mut entries: Vec<(Box<str>, Box<str>)> =
            d.iter().map(|(k, v)| (k.iter().collect::<String>().into(), v.into())).collect();
        entries.sort();
        Dict(entries)
    }
}

/// The Traditional-to-Simplified dictionaries of OpenCC (Apache-2.0, `data/opencc/`),
/// embedded as text and parsed on first use: together well under a millisecond, where the
/// whole `opencc-fmmseg` bundle (which `s2t` and the mojibake context model use) takes
/// about 40 ms to load.
macro_rules! opencc_dict {
    ($name:ident, $file:literal) => {
        static $name: LazyLock<Dict> =
            LazyLock::new(|| Dict::parse(include_str!(concat!("../data/opencc/", $file))));
    };
}
opencc_dict!(TS_PHRASES, "TSPhrases.txt");
opencc_dict!(TS_CHARACTERS, "TSCharacters.txt");
opencc_dict!(TW_VARIANTS_REV, "TWVariantsRev.txt");
opencc_dict!(TW_VARIANTS_REV_PHRASES, "TWVariantsRevPhrases.txt");
opencc_dict!(TW_PHRASES_REV, "TWPhrasesRev.txt");
opencc_dict!(HK_VARIANTS_REV, "HKVariantsRev.txt");
opencc_dict!(HK_VARIANTS_REV_PHRASES, "HKVariantsRevPhrases.txt");
opencc_dict!(HK_PHRASES_REV, "HKPhrasesRev.txt");

/// The characters `t2s` changes, with their Simplified forms (for the script tables).
#[cfg(test)]
pub(crate) fn ts_characters() -> impl Iterator<Item = (&'static str, &'static str)> {
    TS_CHARACTERS.0.iter().map(|(k, v)| (&**k, &**v))
}

/// OpenCC's delimiters: matching never crosses them.
fn is_delimiter(c: char) -> bool {
    c.is_ascii_punctuation()
        || c.is_ascii_whitespace()
        || matches!(
            c,
            '＝' | '、'
                | '。'
                | '﹁'
                | '﹂'
                | '—'
                | '－'
                | '（'
                | '）'
                | '《'
                | '》'
                | '〈'
                | '〉'
                | '？'
                | '！'
                | '…'
                | '／'
                | '＼'
                | '︒'
                | '︑'
                | '︔'
                | '︓'
                | '︿'
                | '﹀'
                | '︹'
                | '︺'
                | '︙'
                | '︐'
                | '［'
                | '﹇'
                | '］'
                | '﹈'
                | '︕'
                | '︖'
                | '︰'
                | '︳'
                | '︴'
                | '︽'
                | '︾'
                | '︵'
                | '︶'
                | '｛'
                | '︷'
                | '｝'
                | '︸'
                | '﹃'
                | '﹄'
                | '【'
                | '︻'
                | '】'
                | '︼'
                | '　'
                | '～'
                | '．'
                | '，'
                | '；'
                | '：'
        )
}

static DICTIONARY: LazyLock<std::result::Result<DictionaryMaxlength, String>> =
    LazyLock::new(|| DictionaryMaxlength::new().map_err(|e| e.to_string()));

/// The OpenCC dictionaries, loaded once per process (about 40 ms).
pub(crate) fn dictionary() -> Result<&'static DictionaryMaxlength> {
    DICTIONARY.as_ref().map_err(|e| Error::new(format!("loading the opencc dictionaries: {e}")))
}

/// Phrase-level conversion with OpenCC's dictionaries and OpenCC's algorithm: forward
/// maximum matching within delimiter-free segments, longest key first, earlier
/// dictionaries of a round winning ties, rounds applied in sequence.
///
/// Passes 162 of OpenCC's own 169 Traditional-to-Simplified test cases (the misses are
/// dictionary-version differences), single core, no rayon. Build one and share it
/// (`Clone` is cheap).
///
/// ```
/// use zhengling_normalize::{Converter, OpenccConfig, OpenccConverter};
/// let cc = OpenccConverter::new(OpenccConfig::T2s)?;
/// assert_eq!(cc.to_simplified("著裝著作，乾淨的頭髮").text, "着装著作，干净的头发");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct OpenccConverter {
    config: OpenccConfig,
    rounds: Arc<Vec<Round>>,
}

impl fmt::Debug for OpenccConverter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OpenccConverter").field("config", &self.config).finish_non_exhaustive()
    }
}

impl OpenccConverter {
    /// A converter for `config`.
    ///
    /// # Errors
    /// When the embedded OpenCC dictionaries cannot be loaded.
    pub fn new(config: OpenccConfig) -> Result<Self> {
        let ts = [&*TS_PHRASES, &*TS_CHARACTERS];
        let rounds = match config {
            OpenccConfig::T2s => vec![Round::new(&ts)],
            OpenccConfig::Tw2s => {
                vec![Round::new(&[&*TW_VARIANTS_REV_PHRASES, &*TW_VARIANTS_REV]), Round::new(&ts)]
            }
            OpenccConfig::Tw2sp => vec![
                Round::new(&[&*TW_PHRASES_REV, &*TW_VARIANTS_REV_PHRASES, &*TW_VARIANTS_REV]),
                Round::new(&ts),
            ],
            OpenccConfig::Hk2s => {
                vec![Round::new(&[&*HK_VARIANTS_REV_PHRASES, &*HK_VARIANTS_REV]), Round::new(&ts)]
            }
            OpenccConfig::Hk2sp => vec![
                Round::new(&[&*HK_PHRASES_REV, &*HK_VARIANTS_REV_PHRASES, &*HK_VARIANTS_REV]),
                Round::new(&ts),
            ],
            OpenccConfig::S2t => {
                let d = dictionary()?;
                vec![Round::new(&[
                    &Dict::from_opencc(&d.st_phrases),
                    &Dict::from_opencc(&d.st_characters),
                ])]
            }
        };
        Ok(OpenccConverter { config, rounds: Arc::new(rounds) })
    }

    /// The configuration.
    pub fn config(&self) -> OpenccConfig {
        self.config
    }

    /// Converts to an owned string (a convenience for data preparation).
    pub fn convert(&self, text: &str) -> String {
        self.to_simplified(text).text.into_owned()
    }
}

/// The built-in converter as a [`crate::Normalizer`] holds it: the OpenCC dictionaries
/// (about 40 ms to load) are loaded on the first conversion, so a process that meets no
/// Traditional text to convert never pays for them.
#[derive(Debug)]
pub(crate) struct LazyOpencc {
    config: OpenccConfig,
    cell: std::sync::OnceLock<Option<OpenccConverter>>,
}

impl LazyOpencc {
    pub(crate) fn new(config: OpenccConfig) -> Self {
        LazyOpencc { config, cell: std::sync::OnceLock::new() }
    }
}

impl Converter for LazyOpencc {
    /// Converts; should the embedded dictionaries ever fail to load (they are compiled in
    /// and tested), the text is left as it is.
    fn to_simplified<'a>(&self, text: &'a str) -> Rewritten<'a> {
        match self.cell.get_or_init(|| OpenccConverter::new(self.config).ok()) {
            Some(c) => c.to_simplified(text),
            None => Rewritten::unchanged(text),
        }
    }
}

impl Converter for OpenccConverter {
    fn to_simplified<'a>(&self, text: &'a str) -> Rewritten<'a> {
        let mut rounds = self.rounds.iter();
        let Some(first) = rounds.next() else { return Rewritten::unchanged(text) };
        let mut done = first.apply(text);
        for round in rounds {
            let next = round.apply(&done.text);
            if next.map.is_identity() {
                continue;
            }
            let text = next.text.into_owned();
            done = Rewritten { text: std::borrow::Cow::Owned(text), map: done.map.then(next.map) };
        }
        done
    }
}

/// FxHash (`rustc-hash`): fast for the short keys here.
type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// Longest key, in characters, considered.
const MAX_KEY_CHARS: usize = 16;

#[derive(Debug, Clone, Copy, Default)]
struct Starter {
    /// Bit `k - 1` set when a key of `k` characters starts with this character.
    lengths: u32,
    /// Index of the single-character replacement, if any.
    single: Option<u32>,
}

/// One conversion round: the union of its dictionaries, earlier ones winning.
struct Round {
    /// One bit per BMP code point: is it the first character of some key?
    bmp_starters: Vec<u64>,
    starters: FxMap<char, Starter>,
    phrases: FxMap<Box<str>, u32>,
    values: Vec<Box<str>>,
}

impl Round {
    fn new(dicts: &[&Dict]) -> Round {
        let mut round = Round {
            bmp_starters: vec![0; 1024],
            starters: FxMap::default(),
            phrases: FxMap::default(),
            values: Vec::new(),
        };
        let mut key = String::new();
        let mut chars: Vec<char> = Vec::new();
        for dict in dicts {
            for (k, value) in &dict.0 {
                chars.clear();
                chars.extend(k.chars());
                let (Some(&first), n) = (chars.first(), chars.len()) else { continue };
                if n > MAX_KEY_CHARS || chars.iter().any(|&c| is_delimiter(c)) {
                    continue;
                }
                let idx = u32::try_from(round.values.len()).unwrap_or(u32::MAX);
                let entry = round.starters.entry(first).or_default();
                if n == 1 {
                    if entry.single.is_some() {
                        continue;
                    }
                    entry.single = Some(idx);
                } else {
                    key.clear();
                    key.extend(chars.iter());
                    if round.phrases.contains_key(key.as_str()) {
                        continue;
                    }
                    round.phrases.insert(key.as_str().into(), idx);
                }
                entry.lengths |= 1 << (n - 1);
                round.values.push(value.clone());
                let cp = first as usize;
                if let Some(w) = round.bmp_starters.get_mut(cp >> 6) {
                    *w |= 1 << (cp & 63);
                }
            }
        }
        round
    }

    fn maybe_starter(&self, c: char) -> bool {
        let cp = c as usize;
        if cp < 0x10000 {
            self.bmp_starters.get(cp >> 6).is_some_and(|w| w & (1 << (cp & 63)) != 0)
        } else {
            self.starters.contains_key(&c)
        }
    }

    fn apply<'a>(&self, text: &'a str) -> Rewritten<'a> {
        let bytes = text.as_bytes();
        let mut w: Option<Rewriter<'a>> = None;
        let mut i = 0;
        while i < bytes.len() {
            // Skip ASCII quickly.
            if bytes.get(i).is_some_and(|&b| b < 0x80) {
                i += 1;
                continue;
            }
            let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else { break };
            let clen = c.len_utf8();
            if !self.maybe_starter(c) {
                i += clen;
                continue;
            }
            let Some(info) = self.starters.get(&c).copied() else {
                i += clen;
                continue;
            };
            let mut found: Option<(usize, u32)> = None;
            if info.lengths > 1 {
                let max_len = 32 - info.lengths.leading_zeros() as usize;
                let mut ends = [0usize; MAX_KEY_CHARS];
                ends[0] = i + clen;
                let mut n = 1;
                if let Some(rest) = text.get(i + clen..) {
                    let mut end = i + clen;
                    for d in rest.chars() {
                        if n >= max_len || is_delimiter(d) {
                            break;
                        }
                        end += d.len_utf8();
                        if let Some(slot) = ends.get_mut(n) {
                            *slot = end;
                        }
                        n += 1;
                    }
                }
                for k in (2..=n).rev() {
                    if info.lengths & (1 << (k - 1)) == 0 {
                        continue;
                    }
                    let end = ends.get(k - 1).copied().unwrap_or(0);
                    if let Some(&v) = text.get(i..end).and_then(|key| self.phrases.get(key)) {
                        found = Some((end, v));
                        break;
                    }
                }
            }
            if found.is_none() {
                found = info.single.map(|v| (i + clen, v));
            }
            match found {
                Some((end, v)) => {
                    let value = self.values.get(v as usize).map_or("", |b| &**b);
                    if text.get(i..end) != Some(value) {
                        let w = w.get_or_insert_with(|| Rewriter::new(text));
                        w.copy_to(i);
                        w.replace(end, value);
                    }
                    i = end;
                }
                None => i += clen,
            }
        }
        w.map_or_else(|| Rewritten::unchanged(text), Rewriter::finish)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_phrases_and_characters() {
        let cc = OpenccConverter::new(OpenccConfig::T2s).unwrap();
        assert_eq!(cc.convert("德爾塔和奧密克戎變異株"), "德尔塔和奥密克戎变异株");
        assert_eq!(cc.convert("乾隆皇帝在乾清宮"), "乾隆皇帝在乾清宫");
        assert_eq!(cc.convert("於是"), "于是");
    }

    #[test]
    fn simplified_is_borrowed() {
        let cc = OpenccConverter::new(OpenccConfig::T2s).unwrap();
        let text = "关于进一步做好疫情防控工作的通知，著作权";
        let r = cc.to_simplified(text);
        assert!(matches!(r.text, std::borrow::Cow::Borrowed(_)));
        assert!(r.map.is_identity());
    }

    #[test]
    fn map_tracks_phrases_across_rounds() {
        let cc = OpenccConverter::new(OpenccConfig::Tw2sp).unwrap();
        let src = "用滑鼠點擊";
        let r = cc.to_simplified(src);
        assert_eq!(r.text, "用鼠标点击");
        let (s, e) = r.map.source_range(3, 9).unwrap();
        assert_eq!(&src[s..e], "滑鼠");
    }

    #[test]
    fn names_round_trip() {
        for c in [OpenccConfig::T2s, OpenccConfig::Tw2s, OpenccConfig::Hk2sp, OpenccConfig::S2t] {
            assert_eq!(OpenccConfig::from_name(c.name()), Some(c));
        }
        assert_eq!(OpenccConfig::from_name("x2y"), None);
    }
}
