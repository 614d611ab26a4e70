//! Page-level evidence: script counts, verified pinyin annotations, mainland markers.

use aho_corasick::AhoCorasick;

use crate::common::BmpSet;
use crate::error::{Error, Result};
use crate::pinyin;
use crate::{Table, Tables};

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

/// The characters of a script table (one or more a line; comment lines start with `#`).
fn table_set(table: &zhengling_tables::Table<'_>) -> BmpSet {
    let mut set = BmpSet::new();
    for line in table.lines() {
        for c in line.text.chars().filter(|c| !c.is_whitespace()) {
            set.insert(c);
        }
    }
    set
}

impl Analyzer {
    /// Builds the tables from the data files (as the builder was given them) and the
    /// markers added one by one; every marker is also looked for in its Traditional
    /// spellings.
    pub(crate) fn new(t: &Tables, extra_markers: &[String]) -> Result<Analyzer> {
        let traditional_only = table_set(&t.table(Table::TraditionalOnly));
        let simplified_only = table_set(&t.table(Table::SimplifiedOnly));
        let markers_table = t.table(Table::MainlandMarkers);
        let spellings: Vec<Vec<String>> = markers_table
            .lines()
            .map(|l| l.fields().first().copied().unwrap_or_default().to_owned())
            .chain(extra_markers.iter().map(|m| m.trim().to_owned()))
            .filter(|m| !m.is_empty())
            .map(|m| zhengling_tables::spellings(&m))
            .collect();
        let mut patterns = Vec::new();
        let mut marker_ids = Vec::new();
        for (id, forms) in spellings.iter().enumerate() {
            for f in forms {
                patterns.push(f.as_str());
                marker_ids.push(id);
            }
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

    use zhengling_tables::TableId;

    /// The script tables as the OpenCC dictionaries give them.
    fn generated_tables() -> (String, String) {
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
        (
            table("Traditional-only characters: t2s changes them and GB2312 lacks them", &trad),
            table("Simplified-only characters: t2s produces them and Big5 lacks them", &simp),
        )
    }

    #[test]
    fn script_tables_match_the_dictionary() {
        let (trad, simp) = generated_tables();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(dir.join("traditional_only.txt"), &trad).unwrap();
            std::fs::write(dir.join("simplified_only.txt"), &simp).unwrap();
        }
        let (t, s) = (Table::TraditionalOnly, Table::SimplifiedOnly);
        assert_eq!(t.default_text(), trad, "data/traditional_only.txt is stale (UPDATE_GOLDEN=1)");
        assert_eq!(s.default_text(), simp, "data/simplified_only.txt is stale (UPDATE_GOLDEN=1)");
    }

    #[test]
    fn counts_scripts() {
        let a = Analyzer::new(&Tables::default(), &[]).unwrap();
        assert_eq!(a.script_counts("关于进一步"), (0, 2));
        assert_eq!(a.script_counts("關於進一步"), (2, 0));
        // Characters shared by both scripts count for neither.
        assert_eq!(a.script_counts("干台后里面于"), (0, 0));
        assert_eq!(Script::from_counts(1, 1), Script::Mixed);
    }

    #[test]
    fn counts_distinct_markers_in_both_spellings() {
        let a = Analyzer::new(&Tables::default(), &["新时代".to_owned()]).unwrap();
        let p = a.analyze("省委省委黨委黨組，新時代", |_, _, _| true, usize::MAX);
        assert_eq!(p.markers, 4);
        assert_eq!(a.analyze("省委省委黨委黨組，新時代", |_, _, _| true, 2).markers, 2);
        assert_eq!(a.analyze("纯简体省委党委", |_, _, _| true, usize::MAX).markers, 0);
    }
}
