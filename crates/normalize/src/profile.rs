//! Page-level evidence: script counts, verified pinyin annotations, mainland markers.

use aho_corasick::AhoCorasick;

use crate::common::BmpSet;
use crate::convert::{OpenccConfig, OpenccConverter};
use crate::error::{Error, Result};
use crate::pinyin;

/// The script of a text, judged by characters that exist in only one script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
#[non_exhaustive]
pub enum Script {
    /// No script-specific characters (ASCII, or characters shared by both scripts).
    #[default]
    Unknown,
    /// Simplified-only characters and no Traditional-only ones.
    Simplified,
    /// Traditional-only characters and no Simplified-only ones.
    Traditional,
    /// Both.
    Mixed,
}

impl Script {
    /// From counts of Traditional-only and Simplified-only characters.
    pub fn from_counts(traditional: usize, simplified: usize) -> Script {
        match (traditional > 0, simplified > 0) {
            (false, false) => Script::Unknown,
            (false, true) => Script::Simplified,
            (true, false) => Script::Traditional,
            (true, true) => Script::Mixed,
        }
    }

    /// A short lowercase name (`unknown`, `simplified`, `traditional`, `mixed`).
    pub fn as_str(self) -> &'static str {
        match self {
            Script::Unknown => "unknown",
            Script::Simplified => "simplified",
            Script::Traditional => "traditional",
            Script::Mixed => "mixed",
        }
    }
}

/// Page-level evidence from [`crate::Normalizer::analyze`], shared by the pieces of a
/// page normalized with [`crate::Normalizer::normalize_with`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PageProfile {
    /// Traditional-only characters (Traditional forms outside GB2312).
    pub traditional: usize,
    /// Simplified-only characters (Simplified forms outside Big5).
    pub simplified: usize,
    /// Verified toned pinyin annotations (`網(wǎng)`).
    pub pinyin_annotations: usize,
    /// Distinct mainland-government markers, counted only when the policy is
    /// [`crate::ScriptPolicy::Auto`], Traditional characters are present and the other
    /// evidence leaves the decision open, and only up to the threshold.
    pub markers: usize,
    /// The page's script.
    pub script: Script,
    /// Whether Traditional text on this page is converted (the policy's decision).
    pub convert: bool,
    /// Whether toneless syllables are removed as annotations on this page.
    pub allow_toneless: bool,
}

impl PageProfile {
    /// Whether the page looks like a spam mirror (it carries verified pinyin annotations).
    pub fn is_spam_mirror(&self) -> bool {
        self.pinyin_annotations >= 2
    }
}

/// The tables behind [`PageProfile`].
#[derive(Debug)]
pub(crate) struct Analyzer {
    traditional_only: BmpSet,
    simplified_only: BmpSet,
    markers: AhoCorasick,
    /// For each pattern, the marker it spells.
    marker_ids: Vec<usize>,
    marker_count: usize,
}

const MARKERS: &str = include_str!("../data/mainland_markers.txt");
/// Traditional forms outside GB2312 whose OpenCC `t2s` character mapping differs
/// (generated from the dictionary by the `script_tables_match_the_dictionary` test).
const TRADITIONAL_ONLY: &str = include_str!("../data/traditional_only.txt");
/// Simplified forms outside Big5 that OpenCC maps a Traditional character to (generated
/// likewise).
const SIMPLIFIED_ONLY: &str = include_str!("../data/simplified_only.txt");

/// The characters of a generated table file (comment lines start with `#`).
fn table_set(table: &str) -> BmpSet {
    let mut set = BmpSet::new();
    for line in table.lines().filter(|l| !l.starts_with('#')) {
        for c in line.chars().filter(|c| !c.is_whitespace()) {
            set.insert(c);
        }
    }
    set
}

/// The markers of the embedded file: `(simplified, traditional spelling if different)`.
fn embedded_markers() -> impl Iterator<Item = (&'static str, Option<&'static str>)> {
    MARKERS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(|l| {
        let mut cols = l.split('\t').map(str::trim);
        let simplified = cols.next().unwrap_or_default();
        let traditional = cols.next().filter(|t| !t.is_empty() && *t != simplified);
        (simplified, traditional)
    })
}

impl Analyzer {
    /// Builds the tables from the embedded data files; only `extra_markers` need the
    /// OpenCC dictionaries (for their Traditional spellings).
    pub(crate) fn new(extra_markers: &[String]) -> Result<Analyzer> {
        let traditional_only = table_set(TRADITIONAL_ONLY);
        let simplified_only = table_set(SIMPLIFIED_ONLY);
        let mut spellings: Vec<(String, Option<String>)> =
            embedded_markers().map(|(s, t)| (s.to_owned(), t.map(str::to_owned))).collect();
        let extra: Vec<&String> = extra_markers.iter().filter(|m| !m.trim().is_empty()).collect();
        if !extra.is_empty() {
            let s2t = OpenccConverter::new(OpenccConfig::S2t)?;
            for m in extra {
                let simplified = m.trim().to_owned();
                let traditional = s2t.convert(&simplified);
                spellings
                    .push((simplified.clone(), (traditional != simplified).then_some(traditional)));
            }
        }
        let mut patterns = Vec::new();
        let mut marker_ids = Vec::new();
        for (id, (simplified, traditional)) in spellings.iter().enumerate() {
            if let Some(t) = traditional {
                patterns.push(t.as_str());
                marker_ids.push(id);
            }
            patterns.push(simplified.as_str());
            marker_ids.push(id);
        }
        let markers = AhoCorasick::new(&patterns)
            .map_err(|e| Error::with_source("building the marker automaton", e))?;
        Ok(Analyzer {
            traditional_only,
            simplified_only,
            markers,
            marker_ids,
            marker_count: spellings.len(),
        })
    }

    /// Counts of (Traditional-only, Simplified-only) characters.
    pub(crate) fn script_counts(&self, text: &str) -> (usize, usize) {
        let bytes = text.as_bytes();
        let (mut trad, mut simp) = (0, 0);
        let mut i = 0;
        while i < bytes.len() {
            // Skip ASCII eight bytes at a time.
            if let Some(chunk) = bytes.get(i..i + 8) {
                let mut w = [0u8; 8];
                w.copy_from_slice(chunk);
                if u64::from_le_bytes(w) & 0x8080_8080_8080_8080 == 0 {
                    i += 8;
                    continue;
                }
            }
            let lead = bytes.get(i).copied().unwrap_or(0);
            if lead < 0x80 {
                i += 1;
                continue;
            }
            let len = match lead {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF7 => 4,
                _ => 1,
            };
            if len == 3
                && let (Some(&b1), Some(&b2)) = (bytes.get(i + 1), bytes.get(i + 2))
                && let Some(c) = char::from_u32(
                    (u32::from(lead & 0x0F) << 12)
                        | (u32::from(b1 & 0x3F) << 6)
                        | u32::from(b2 & 0x3F),
                )
            {
                // Count what folding will make of compatibility ideographs and radicals.
                let c = if matches!(c, '\u{2E80}'..='\u{2FDF}' | '\u{F900}'..='\u{FAFF}') {
                    crate::fold::canonical_char(c)
                } else {
                    c
                };
                trad += usize::from(self.traditional_only.contains(c));
                simp += usize::from(self.simplified_only.contains(c));
            }
            i += len;
        }
        (trad, simp)
    }

    /// The profile's evidence; markers are counted (up to `marker_limit`) only when
    /// `need_markers` says the other evidence leaves the decision open.
    pub(crate) fn analyze(
        &self,
        text: &str,
        need_markers: impl FnOnce(usize, usize, usize) -> bool,
        marker_limit: usize,
    ) -> PageProfile {
        let (traditional, simplified) = self.script_counts(text);
        let pinyin_annotations = pinyin::count_toned(text);
        let markers =
            if traditional > 0 && need_markers(traditional, simplified, pinyin_annotations) {
                self.distinct_markers(text, marker_limit)
            } else {
                0
            };
        PageProfile {
            traditional,
            simplified,
            pinyin_annotations,
            markers,
            script: Script::from_counts(traditional, simplified),
            convert: false,
            allow_toneless: false,
        }
    }

    fn distinct_markers(&self, text: &str, limit: usize) -> usize {
        let mut seen = vec![false; self.marker_count];
        let mut n = 0;
        for m in self.markers.find_iter(text) {
            let id = self.marker_ids.get(m.pattern().as_usize()).copied().unwrap_or(0);
            if let Some(flag) = seen.get_mut(id)
                && !*flag
            {
                *flag = true;
                n += 1;
                if n >= limit {
                    break;
                }
            }
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The script tables and marker spellings as the OpenCC dictionaries give them.
    fn generated_tables() -> (String, String, String) {
        let gb2312 = crate::common::gb2312_han();
        let big5 = crate::common::big5_han();
        let (mut trad, mut simp) =
            (std::collections::BTreeSet::new(), std::collections::BTreeSet::new());
        for (key, value) in crate::convert::ts_characters() {
            let mut k = key.chars();
            let (Some(t), None, Some(s)) = (k.next(), k.next(), value.chars().next()) else {
                continue;
            };
            if t == s {
                continue;
            }
            if !gb2312.contains(t) {
                trad.insert(t);
            }
            if value.chars().count() == 1 && !big5.contains(s) {
                simp.insert(s);
            }
        }
        let table = |name: &str, set: &std::collections::BTreeSet<char>| {
            let chars: Vec<char> = set.iter().copied().collect();
            let mut out = format!(
                "# {name} (generated from the OpenCC dictionaries by the\n\
                 # script_tables_match_the_dictionary test; UPDATE_GOLDEN=1 rewrites it)\n"
            );
            for line in chars.chunks(64) {
                out.extend(line);
                out.push('\n');
            }
            out
        };
        let s2t = OpenccConverter::new(OpenccConfig::S2t).unwrap();
        let mut markers = String::new();
        for line in MARKERS.lines() {
            let l = line.trim();
            if l.is_empty() || l.starts_with('#') {
                markers.push_str(line);
            } else {
                let simplified = l.split('\t').next().unwrap_or_default().trim();
                let traditional = s2t.convert(simplified);
                markers.push_str(simplified);
                if traditional != simplified {
                    markers.push('\t');
                    markers.push_str(&traditional);
                }
            }
            markers.push('\n');
        }
        (
            table("Traditional-only characters: t2s changes them and GB2312 lacks them", &trad),
            table("Simplified-only characters: t2s produces them and Big5 lacks them", &simp),
            markers,
        )
    }

    #[test]
    fn script_tables_match_the_dictionary() {
        let (trad, simp, markers) = generated_tables();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(dir.join("traditional_only.txt"), &trad).unwrap();
            std::fs::write(dir.join("simplified_only.txt"), &simp).unwrap();
            std::fs::write(dir.join("mainland_markers.txt"), &markers).unwrap();
        }
        assert_eq!(TRADITIONAL_ONLY, trad, "data/traditional_only.txt is stale (UPDATE_GOLDEN=1)");
        assert_eq!(SIMPLIFIED_ONLY, simp, "data/simplified_only.txt is stale (UPDATE_GOLDEN=1)");
        assert_eq!(MARKERS, markers, "data/mainland_markers.txt is stale (UPDATE_GOLDEN=1)");
    }

    #[test]
    fn counts_scripts() {
        let a = Analyzer::new(&[]).unwrap();
        assert_eq!(a.script_counts("关于进一步"), (0, 2));
        assert_eq!(a.script_counts("關於進一步"), (2, 0));
        // Characters shared by both scripts count for neither.
        assert_eq!(a.script_counts("干台后里面于"), (0, 0));
        assert_eq!(Script::from_counts(1, 1), Script::Mixed);
    }

    #[test]
    fn counts_distinct_markers_in_both_spellings() {
        let a = Analyzer::new(&["新时代".to_owned()]).unwrap();
        let p = a.analyze("省委省委黨委黨組，新時代", |_, _, _| true, usize::MAX);
        assert_eq!(p.markers, 4);
        assert_eq!(a.analyze("省委省委黨委黨組，新時代", |_, _, _| true, 2).markers, 2);
        assert_eq!(a.analyze("纯简体省委党委", |_, _, _| true, usize::MAX).markers, 0);
    }
}
