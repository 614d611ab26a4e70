//! Bytes of a Chinese web page to clean Simplified text, with an offset map back to the input.
//!
//! Two steps. [`decode`] turns bytes into text the way a browser would (byte order mark,
//! HTTP charset, `<meta>`, chardetng with the URL's top-level domain, then GBK for `.cn`
//! and Big5 for `.tw`/`.hk`), guarded against wrong declarations. A [`Normalizer`] then
//! cleans the text in four stages, each recorded in an [`OffsetMap`] so every output byte
//! range traces back to its input bytes:
//!
//! 1. **Mojibake repair**: GBK byte shifts left by spam tools that inserted pinyin into a
//!    GBK byte stream one byte off (`德?tīng)査蛫W` back to `德爾塔和奧`), UTF-8 read as
//!    GBK (`鍏充簬` back to `关于`) and UTF-8 read as Latin-1 (`å…³äºŽ`).
//! 2. **Pinyin removal**: annotations glued after characters (`網(wǎng)`, `會(huì )`), only
//!    where the parenthesized text is one lowercase syllable that is a reading of the
//!    character before it. Legitimate parentheses (`(记者秦洋)`, `(KPMG)`, `北京(Beijing)`)
//!    stay. A page with many is a spam mirror ([`Report::pinyin_removed`]).
//! 3. **Width and whitespace folding** without NFKC (which would turn `，` into `,` and
//!    destroy `①` and `㈠`): NFC, full-width letters and digits to ASCII, odd spaces to
//!    one space, half-width CJK punctuation to full width, Kangxi radicals to ideographs,
//!    ASCII `,;:?!()` between Chinese text to full width (see [`FoldOptions`]), zero-width
//!    and control characters removed (`\n` and `\t` kept, `\r\n` to `\n`).
//! 4. **Traditional to Simplified**, phrase level with OpenCC's dictionaries
//!    ([`OpenccConverter`], swappable through the [`Converter`] trait), under a
//!    [`ScriptPolicy`].
//!
//! # Script policy
//!
//! [`ScriptPolicy::Auto`] (the default) converts Traditional text only when it is
//! evidently a conversion artifact of a mainland original, judged once per page by
//! [`Normalizer::analyze`]:
//! - the page carries verified pinyin annotations (the mark of spam mirrors, which convert
//!   mainland pages to Traditional and glue pinyin on), or
//! - it mixes scripts with Simplified dominant, or
//! - it shows at least three distinct mainland-government markers (`data/mainland_markers.txt`:
//!   省委, 党组, 领导小组, 卫生健康委 ... in Traditional spelling).
//!
//! Otherwise authentic Traditional text (Taiwan, Hong Kong, Big5-edition news) is kept
//! and its script reported in [`Report::script`]. [`ScriptPolicy::Simplified`] always
//! converts; [`ScriptPolicy::Keep`] never does.
//!
//! # Example
//! ```
//! use zhengling_normalize::{decode, DecodeHints, NormalizerBuilder, Script};
//! let page = "省委十二屆三次全會(huì )審議通過(guò)";
//! let decoded = decode(page.as_bytes(), &DecodeHints::default());
//! let normalizer = NormalizerBuilder::new().build()?;
//! let out = normalizer.normalize(&decoded.text);
//! assert_eq!(out.text, "省委十二届三次全会审议通过");
//! assert_eq!(out.report.pinyin_removed, 2);
//! assert!(out.report.converted);
//! assert_eq!(out.report.script, Script::Traditional);
//! // Every output span traces back to the input.
//! let start = out.text.find("全会").unwrap();
//! let (s, e) = out.map.source_range(start, start + "全会".len()).unwrap();
//! assert_eq!(&page[s..e], "全會");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! For HTML pages, normalize the extracted title and paragraphs one by one with
//! [`Normalizer::normalize_with`] and one [`PageProfile`] from [`Normalizer::analyze`]
//! of the whole page, so page-level evidence (script policy, toneless pinyin) is shared.
//!
//! # Crate features
//! None. Data: OpenCC dictionaries via `opencc-fmmseg` (MIT code, Apache-2.0 data),
//! character readings via `pinyin` (MIT), encodings via `encoding_rs` and `chardetng`.
//!
//! # Panics / untrusted input
//! [`decode`] and every [`Normalizer`] method accept arbitrary input and never panic;
//! malformed bytes become U+FFFD and are counted in [`Decoded::malformed`]. Building a
//! normalizer fails (an error, not a panic) only if the embedded dictionaries cannot be
//! loaded.
//!
//! # Performance
//! Measured with `cargo bench -p zhengling-normalize` on 2 cores, one used, the other idle
//! (the README has the table): OpenCC `t2s` conversion 287 MiB/s, whole normalization of
//! Traditional text 143 MiB/s, clean Simplified text 287 MiB/s, undeclared GBK decoding
//! 303 MiB/s, page analysis of a 60 KB HTML page 26 µs. Clean Simplified text takes a fast
//! path that returns `Cow::Borrowed` with an identity map; [`Normalizer::analyze`] is one
//! pass that skips ASCII eight bytes at a time. The embedded Traditional-to-Simplified
//! dictionaries are parsed on the first conversion (under a millisecond) and shared by all
//! normalizers; the full `opencc-fmmseg` bundle (about 40 ms) loads only for `s2t` and for
//! the mojibake repair's context model.
#![forbid(unsafe_code)]

mod common;
mod convert;
mod decode;
mod error;
mod fold;
mod mojibake;
mod offset;
mod pinyin;
mod profile;
mod tables;

use std::borrow::Cow;
use std::sync::Arc;

pub use convert::{Converter, OpenccConfig, OpenccConverter};
pub use decode::{DecodeHints, Decoded, EncodingSource, decode};
pub use encoding_rs::Encoding;
pub use error::{Error, Result};
pub use fold::FoldOptions;
pub use offset::{OffsetMap, Rewriter, Rewritten};
pub use profile::{PageProfile, Script};
pub use tables::Table;
pub use zhengling_tables::TableId;

use tables::Tables;

/// When to convert Traditional text to Simplified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
#[non_exhaustive]
pub enum ScriptPolicy {
    /// Convert when the Traditional text is evidently a conversion artifact of a mainland
    /// original (verified pinyin annotations, mixed scripts with Simplified dominant, or
    /// several distinct mainland-government markers); keep authentic Traditional text.
    #[default]
    Auto,
    /// Always convert to Simplified.
    Simplified,
    /// Never convert.
    Keep,
}

/// What normalization did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Report {
    /// Pinyin annotations removed (a page with many is a spam mirror).
    pub pinyin_removed: usize,
    /// Mojibake sequences repaired.
    pub mojibake_repaired: usize,
    /// Whether Traditional characters were converted.
    pub converted: bool,
    /// The script of the text before conversion.
    pub script: Script,
    /// Whether the text holds Traditional characters that were kept (by policy).
    pub traditional_kept: bool,
    /// Whether width/whitespace folding changed anything.
    pub folded: bool,
}

/// The result of [`Normalizer::normalize`]: the text to show and, where it differs, the
/// Simplified view every analysis reads.
///
/// On a page kept in Traditional ([`Report::traditional_kept`]) `text` stays Traditional
/// (what a reader of the page sees) and [`Normalized::simplified`] holds the same text in
/// Simplified, with one offset map from it back to `text`: analyse
/// [`Normalized::analysis_text`], then move every span back with [`Normalized::to_shown`]
/// (and on to the input with `map`).
///
/// ```
/// use zhengling_normalize::NormalizerBuilder;
/// let n = NormalizerBuilder::new().build()?;
/// let out = n.normalize("疾管局呼籲民眾接種疫苗");
/// assert_eq!(out.text, "疾管局呼籲民眾接種疫苗"); // shown as the page writes it
/// assert_eq!(out.analysis_text(), "疾管局呼吁民众接种疫苗");
/// let start = out.analysis_text().find("民众").unwrap();
/// let (s, e) = out.to_shown(start, start + "民众".len()).unwrap();
/// assert_eq!(&out.text[s..e], "民眾");
/// // Simplified text has no second view.
/// let out = n.normalize("疾控中心呼吁民众接种疫苗");
/// assert!(out.simplified.is_none());
/// assert_eq!(out.to_shown(0, 3), Some((0, 3)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    /// The normalized text to show, in the page's kept script; borrowed when nothing changed.
    pub text: Cow<'a, str>,
    /// Output to input offsets.
    pub map: OffsetMap,
    /// What was done.
    pub report: Report,
    /// The Simplified view for analysis, only where it differs from `text` (Traditional
    /// kept by the script policy).
    pub simplified: Option<SimplifiedView>,
}

/// The Simplified view of a text kept in Traditional, with the map from its offsets to the
/// shown text's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SimplifiedView {
    /// The text in Simplified.
    pub text: String,
    /// View to shown-text offsets.
    pub map: OffsetMap,
}

impl Normalized<'_> {
    /// The text every analysis reads: the Simplified view when there is one, else the text.
    pub fn analysis_text(&self) -> &str {
        self.simplified.as_ref().map_or(&self.text, |v| &v.text)
    }

    /// A byte range of [`Normalized::analysis_text`] as a range of the shown text; `None`
    /// when it does not fall on character boundaries of the view.
    pub fn to_shown(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        match &self.simplified {
            Some(v) => v.map.source_range(start, end),
            None => (start <= end
                && end <= self.text.len()
                && self.text.is_char_boundary(start)
                && self.text.is_char_boundary(end))
            .then_some((start, end)),
        }
    }
}

/// Builds a [`Normalizer`].
#[derive(Debug, Clone)]
pub struct NormalizerBuilder {
    policy: ScriptPolicy,
    fold: FoldOptions,
    opencc: OpenccConfig,
    converter: Option<Arc<dyn Converter>>,
    marker_threshold: usize,
    pinyin_threshold: usize,
    toneless_threshold: usize,
    extra_markers: Vec<String>,
    tables: Tables,
}

impl Default for NormalizerBuilder {
    fn default() -> Self {
        NormalizerBuilder {
            policy: ScriptPolicy::Auto,
            fold: FoldOptions::default(),
            opencc: OpenccConfig::T2s,
            converter: None,
            marker_threshold: 3,
            pinyin_threshold: 2,
            toneless_threshold: 3,
            extra_markers: Vec::new(),
            tables: Tables::default(),
        }
    }
}

impl NormalizerBuilder {
    /// Default options: [`ScriptPolicy::Auto`], OpenCC `t2s`, CJK punctuation folding on.
    pub fn new() -> Self {
        Self::default()
    }

    /// When to convert Traditional to Simplified.
    pub fn script_policy(&mut self, policy: ScriptPolicy) -> &mut Self {
        self.policy = policy;
        self
    }

    /// Folding options.
    pub fn fold_options(&mut self, fold: FoldOptions) -> &mut Self {
        self.fold = fold;
        self
    }

    /// Whether ASCII `,;:?!()` between Chinese text become full-width (default true).
    pub fn cjk_punctuation(&mut self, yes: bool) -> &mut Self {
        self.fold.cjk_punctuation = yes;
        self
    }

    /// The OpenCC configuration of the built-in converter (default `t2s`; `S2t` is
    /// rejected at build).
    pub fn opencc_config(&mut self, config: OpenccConfig) -> &mut Self {
        self.opencc = config;
        self
    }

    /// Replaces the built-in converter.
    pub fn converter(&mut self, converter: Arc<dyn Converter>) -> &mut Self {
        self.converter = Some(converter);
        self
    }

    /// Distinct mainland-government markers that make [`ScriptPolicy::Auto`] convert a
    /// Traditional page (default 3; must be at least 1).
    pub fn marker_threshold(&mut self, n: usize) -> &mut Self {
        self.marker_threshold = n;
        self
    }

    /// Verified (toned) pinyin annotations that make [`ScriptPolicy::Auto`] convert a
    /// Traditional page (default 2; must be at least 1).
    pub fn pinyin_threshold(&mut self, n: usize) -> &mut Self {
        self.pinyin_threshold = n;
        self
    }

    /// Verified toned annotations a page needs before toneless ones (`網(wang)`) are
    /// removed too (default 3).
    pub fn toneless_threshold(&mut self, n: usize) -> &mut Self {
        self.toneless_threshold = n;
        self
    }

    /// Adds mainland-government markers (Simplified; Traditional spellings are derived)
    /// to those of `data/mainland_markers.txt`.
    pub fn add_markers<I, S>(&mut self, markers: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.extra_markers.extend(markers.into_iter().map(Into::into));
        self
    }

    /// Replaces a data file with `text` (same format; start from [`TableId::default_text`]).
    pub fn table(&mut self, table: Table, text: impl Into<String>) -> &mut Self {
        self.tables.replace(table, text);
        self
    }

    /// Adds rows to a data file (after the embedded or replaced ones).
    pub fn extend_table(&mut self, table: Table, text: impl Into<String>) -> &mut Self {
        self.tables.extend(table, text);
        self
    }

    /// Builds the normalizer.
    ///
    /// # Errors
    /// When an option is invalid (a zero threshold, `S2t` as the conversion). The
    /// embedded OpenCC dictionaries load on the first conversion (about 40 ms), not here.
    pub fn build(&self) -> Result<Normalizer> {
        if self.marker_threshold == 0 || self.pinyin_threshold == 0 {
            return Err(Error::new("thresholds must be at least 1"));
        }
        if self.opencc == OpenccConfig::S2t {
            return Err(Error::new("s2t is not a conversion to simplified"));
        }
        let converter: Arc<dyn Converter> = match &self.converter {
            Some(c) => Arc::clone(c),
            None => Arc::new(convert::LazyOpencc::new(self.opencc)),
        };
        let analyzer = profile::Analyzer::new(&self.tables, &self.extra_markers)?;
        Ok(Normalizer {
            policy: self.policy,
            fold: self.fold,
            converter,
            analyzer: Arc::new(analyzer),
            marker_threshold: self.marker_threshold,
            pinyin_threshold: self.pinyin_threshold,
            toneless_threshold: self.toneless_threshold,
        })
    }
}

/// Normalizes text: mojibake repair, pinyin removal, width folding, Traditional to
/// Simplified. Immutable, `Send + Sync`, cheap to clone; build once and reuse.
#[derive(Debug, Clone)]
pub struct Normalizer {
    policy: ScriptPolicy,
    fold: FoldOptions,
    converter: Arc<dyn Converter>,
    analyzer: Arc<profile::Analyzer>,
    marker_threshold: usize,
    pinyin_threshold: usize,
    toneless_threshold: usize,
}

impl Normalizer {
    /// Page-level evidence, computed once per page (one pass; fine on raw HTML): script
    /// counts, verified pinyin annotations, mainland-government markers, and the
    /// decisions derived from them under this normalizer's policy.
    pub fn analyze(&self, whole_page_text: &str) -> PageProfile {
        let auto = self.policy == ScriptPolicy::Auto;
        let pinyin_threshold = self.pinyin_threshold;
        let mut p = self.analyzer.analyze(
            whole_page_text,
            |trad, simp, pinyin| auto && pinyin < pinyin_threshold && simp < trad,
            self.marker_threshold,
        );
        p.convert = match self.policy {
            ScriptPolicy::Simplified => true,
            ScriptPolicy::Keep => false,
            ScriptPolicy::Auto => {
                p.traditional > 0
                    && (p.pinyin_annotations >= self.pinyin_threshold
                        || p.simplified >= p.traditional
                        || p.markers >= self.marker_threshold)
            }
        };
        p.allow_toneless = p.pinyin_annotations >= self.toneless_threshold;
        p
    }

    /// Normalizes one text on its own (its own page profile).
    pub fn normalize<'a>(&self, text: &'a str) -> Normalized<'a> {
        let profile = self.analyze(text);
        self.normalize_inner(text, &profile, true)
    }

    /// The text converted to Simplified whatever the script policy, with the map back to
    /// `text`: a shadow for analysis of text that normalization kept in Traditional
    /// (extract entities on the shadow, then map their spans back with
    /// [`OffsetMap::source_range`]). Borrowed when nothing changes.
    ///
    /// ```
    /// use zhengling_normalize::NormalizerBuilder;
    /// let n = NormalizerBuilder::new().build()?;
    /// let text = "疾管局呼籲民眾接種疫苗";
    /// let shadow = n.simplify(text);
    /// assert_eq!(shadow.text, "疾管局呼吁民众接种疫苗");
    /// let (s, e) = shadow.map.source_range(27, 33).unwrap(); // 疫苗
    /// assert_eq!(&text[s..e], "疫苗");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn simplify<'a>(&self, text: &'a str) -> Rewritten<'a> {
        self.converter.to_simplified(text)
    }

    /// Normalizes one piece of a page (a title, a paragraph) with the page's profile.
    pub fn normalize_with<'a>(&self, text: &'a str, profile: &PageProfile) -> Normalized<'a> {
        self.normalize_inner(text, profile, false)
    }

    fn normalize_inner<'a>(
        &self,
        text: &'a str,
        profile: &PageProfile,
        profile_is_of_text: bool,
    ) -> Normalized<'a> {
        let mut report = Report::default();
        let mut map = OffsetMap::identity(text.len());
        let mut cur: Cow<'a, str> = Cow::Borrowed(text);

        let (r, n) = mojibake::repair(&cur, profile.allow_toneless);
        report.mojibake_repaired = n;
        let r = owned(r);
        advance(&mut cur, &mut map, r);

        let (r, n) = pinyin::remove(&cur, profile.allow_toneless);
        report.pinyin_removed = n;
        let r = owned(r);
        advance(&mut cur, &mut map, r);

        let r = owned(fold::fold(&cur, self.fold));
        report.folded = advance(&mut cur, &mut map, r);

        let local = if profile_is_of_text && matches!(cur, Cow::Borrowed(_)) {
            (profile.traditional, profile.simplified)
        } else {
            self.analyzer.script_counts(&cur)
        };
        report.script = Script::from_counts(local.0, local.1);
        // The page's decision, or this text's own mixed script with Simplified dominant
        // (mojibake repair can reveal Simplified text the page profile did not see).
        let own_mix = self.policy == ScriptPolicy::Auto && local.1 >= local.0;
        if local.0 > 0 {
            if profile.convert || own_mix {
                let r = owned(self.converter.to_simplified(&cur));
                report.converted = advance(&mut cur, &mut map, r);
            } else {
                report.traditional_kept = true;
            }
        }
        // The text kept in Traditional is shown as it is and analysed in Simplified.
        let simplified = if report.traditional_kept {
            owned(self.converter.to_simplified(&cur))
                .map(|(text, map)| SimplifiedView { text, map })
        } else {
            None
        };
        Normalized { text: cur, map, report, simplified }
    }
}

/// A stage's output when it changed anything.
fn owned(stage: Rewritten<'_>) -> Option<(String, OffsetMap)> {
    match stage.text {
        Cow::Borrowed(_) => None,
        Cow::Owned(s) => Some((s, stage.map)),
    }
}

/// Replaces `cur` with a stage's changed output; true if there was one.
fn advance(
    cur: &mut Cow<'_, str>,
    map: &mut OffsetMap,
    stage: Option<(String, OffsetMap)>,
) -> bool {
    match stage {
        None => false,
        Some((s, m)) => {
            *map = std::mem::take(map).then(m);
            *cur = Cow::Owned(s);
            true
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> Normalized<'_> {
        NormalizerBuilder::new().build().unwrap().normalize(s)
    }

    #[test]
    fn clean_simplified_is_borrowed() {
        let s = "关于进一步做好新冠肺炎疫情常态化防控工作的通知（2022年第3号）。";
        let out = norm(s);
        assert!(matches!(out.text, Cow::Borrowed(_)));
        assert!(out.map.is_identity());
        assert_eq!(out.report.script, Script::Simplified);
    }

    #[test]
    fn authentic_traditional_is_kept_under_auto() {
        let s = "行政院今日召開記者會，說明防疫措施與疫苗接種進度。";
        let out = norm(s);
        assert_eq!(out.text, s);
        assert!(!out.report.converted);
        assert!(out.report.traditional_kept);
        assert_eq!(out.report.script, Script::Traditional);
        let n = NormalizerBuilder::new().script_policy(ScriptPolicy::Simplified).build().unwrap();
        assert_eq!(n.normalize(s).text, "行政院今日召开记者会，说明防疫措施与疫苗接种进度。");
    }

    #[test]
    fn mainland_markers_convert_under_auto() {
        let s = "省委常委會議強調，各級黨委和黨組要落實疫情防控責任，領導小組統籌推進。";
        let out = norm(s);
        assert!(out.report.converted);
        assert_eq!(
            out.text,
            "省委常委会议强调，各级党委和党组要落实疫情防控责任，领导小组统筹推进。"
        );
        let few = "市議會討論疫情防控措施。";
        assert!(!norm(few).report.converted);
    }

    #[test]
    fn mixed_scripts_with_simplified_dominant_convert() {
        let s = "这是简体中文的新闻报道，其中夹杂了幾個繁體字。";
        let out = norm(s);
        assert!(out.report.converted);
        assert_eq!(out.text, "这是简体中文的新闻报道，其中夹杂了几个繁体字。");
    }

    #[test]
    fn kept_traditional_has_a_simplified_view() {
        let page = "行政院今日召開記者會，說明防疫措施與疫苗接種進度。";
        let out = norm(page);
        let view = out.simplified.as_ref().unwrap();
        assert_eq!(view.text, "行政院今日召开记者会，说明防疫措施与疫苗接种进度。");
        assert_eq!(out.analysis_text(), view.text);
        // every span of the view maps to the same characters of the shown text
        for (i, c) in view.text.char_indices() {
            let (a, b) = out.to_shown(i, i + c.len_utf8()).unwrap();
            let shown = &out.text[a..b];
            assert_eq!(shown.chars().count(), 1, "{c} -> {shown}");
        }
        let (a, b) =
            out.to_shown(view.text.find("记者会").unwrap(), view.text.find("，").unwrap()).unwrap();
        assert_eq!(&out.text[a..b], "記者會");
        // and on to the input
        let (from, to) = out.map.source_range(a, b).unwrap();
        assert_eq!(&page[from..to], "記者會");
        // converted or Simplified text has none
        assert!(
            norm("省委常委會議強調，各級黨委和黨組要落實疫情防控責任，領導小組統籌推進。")
                .simplified
                .is_none()
        );
        assert!(norm("说明防疫措施").simplified.is_none());
        assert_eq!(norm("说明").to_shown(0, 4), None);
    }

    #[test]
    fn tables_are_replaceable() {
        let s = "市議會疫情防控常態化，新時代新征程。";
        assert!(!norm(s).report.converted);
        let n = NormalizerBuilder::new()
            .extend_table(Table::MainlandMarkers, "市议会\n新时代")
            .build()
            .unwrap();
        assert!(n.normalize(s).report.converted);
        let e = NormalizerBuilder::new().table(Table::TraditionalOnly, "").build().unwrap();
        assert!(!e.normalize("說明").report.traditional_kept);
    }

    #[test]
    fn keep_policy_never_converts() {
        let n = NormalizerBuilder::new().script_policy(ScriptPolicy::Keep).build().unwrap();
        let out = n.normalize("中國西藏網(wǎng)即時(shí)新聞");
        assert_eq!(out.text, "中國西藏網即時新聞");
        assert_eq!(out.report.pinyin_removed, 2);
    }

    #[test]
    fn spam_mirror_end_to_end() {
        let s = "發(fā)布時(shí)間:2022-03-14來(lái)源: 山西日報\n累計85架國際航班";
        let out = norm(s);
        assert_eq!(out.text, "发布时间:2022-03-14来源: 山西日报\n累计85架国际航班");
        assert!(out.report.converted);
        assert_eq!(out.report.pinyin_removed, 3);
    }

    #[test]
    fn profile_is_shared_across_paragraphs() {
        let n = NormalizerBuilder::new().build().unwrap();
        let page = "<html><title>網(wǎng)站</title><p>會(huì )議(yì)</p><p>國際航班</p></html>";
        let p = n.analyze(page);
        assert_eq!(p.pinyin_annotations, 3);
        assert!(p.convert);
        // A paragraph with no evidence of its own is converted thanks to the page.
        let out = n.normalize_with("國際航班", &p);
        assert_eq!(out.text, "国际航班");
        assert!(!n.normalize("國際航班").report.converted);
    }

    #[test]
    fn builder_rejects_bad_options() {
        assert!(NormalizerBuilder::new().marker_threshold(0).build().is_err());
        assert!(NormalizerBuilder::new().opencc_config(OpenccConfig::S2t).build().is_err());
    }

    #[test]
    fn normalizer_is_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Normalizer>();
    }
}
