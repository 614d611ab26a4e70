//! The real article out of a Chinese HTML or plain-text page, plus what was removed and why.
//!
//! Scraped news and government pages carry far more than their article: navigation,
//! breadcrumbs, "related" and "hot" lists, comment threads, copyright and disclaimer
//! footers, ICP registration lines, keyword spam, the headline repeated as image captions,
//! truncated leads repeated in full, and sometimes the site's own name injected into a
//! sentence. [`Extractor::extract`] returns a typed [`Article`]: headline, publication time
//! as printed, site, credited source, author, canonical URL, the body paragraphs in order,
//! and every dropped block with its [`Reason`].
//!
//! - **HTML** ([`Format::Html`]) is parsed once with html5ever into a flat arena; one walk
//!   cuts the page into text segments at block boundaries and `<br>`s and records, per node,
//!   text, link text and punctuation; a Readability-style score (commas and full stops
//!   counted the Chinese way, class and id hints, link density) picks the article's
//!   container and its sibling parts; each segment is then kept or dropped on its own
//!   evidence. Headline and metadata come from `<title>`/`<h1>`, `meta` tags, JSON-LD and
//!   the `发布时间：… 来源：… 作者：…` line under the headline, in Simplified or
//!   Traditional script.
//! - **Plain text** ([`Format::Text`], WET records and similar renderings) is read line by
//!   line: length, punctuation density, list markers, date-and-count lines, footer and
//!   header phrases, section headings such as `相关阅读`, lines repeated elsewhere, and the
//!   best-scoring run of article lines between them.
//!
//! # Example
//! ```
//! use zhengling_boilerplate::{ExtractorBuilder, Format, PageHints, Reason};
//! let extractor = ExtractorBuilder::new().build()?;
//! let page = "当前位置：首页 > 新闻\n\
//!             关于做好疫情防控工作的通知\n\
//!             发布时间：2022-03-14 14:07 来源：市卫健委\n\
//!             各地要严格落实核酸检测、健康监测等措施，确保各项防控措施落地见效。\n\
//!             对来自中高风险地区的人员，要按规定落实隔离医学观察和健康监测等措施。\n\
//!             版权所有：某某新闻网 京ICP备12345678号";
//! let article = extractor.extract(page, Format::Text, &PageHints::default())?;
//! assert_eq!(article.title.as_deref(), Some("关于做好疫情防控工作的通知"));
//! assert_eq!(article.published.map(|d| d.to_string()).as_deref(), Some("2022-03-14T14:07:00"));
//! assert_eq!(article.source.as_deref(), Some("市卫健委"));
//! assert_eq!(article.paragraphs.len(), 2);
//! assert!(article.removed.iter().any(|r| r.reason == Reason::Breadcrumb));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Crate features
//! - `serde`: `Serialize`/`Deserialize` for [`Article`], [`Removed`], [`Reason`] and
//!   [`Format`].
//!
//! # Panics / untrusted input
//! Any `&str` is accepted: broken markup is repaired the way browsers repair it, and a page
//! without an article yields empty paragraphs and a warning. No input makes the extractor
//! panic; the property tests in `tests/props.rs` feed it arbitrary strings and tag soup in
//! both modes. Work stays linear in the page size: elements nested more than 2,000 deep
//! (which would make the HTML tree builder quadratic) end the parse there, with a warning.
//!
//! # Performance
//! The page is parsed once (comments and script/style contents cut out before tokenizing)
//! and walked once, without CSS selectors or per-node strings; the rest works on the
//! segments. The whole extraction costs what scraper's parse plus one text walk costs (10.0
//! against 10.2 million instructions for a typical 60 KB news page): about 1,080 pages/s
//! (65 MB/s) per core on a shared 2-core machine, more on an idle one. Plain-text pages take
//! a fifth of an HTML page's time. Numbers and method in the crate README;
//! `benches/boilerplate.rs` measures both paths.
#![forbid(unsafe_code)]
// Byte and character scanners index with i, j, k and friends; longer names read worse.
#![allow(clippy::many_single_char_names)]

mod date;
mod dom;
mod error;
mod fields;
mod finish;
mod head;
mod html;
mod lexicon;
mod names;
mod official;
mod plain;
mod tables;
mod text;

pub use error::{Error, Result};
pub use official::{
    DocDate, Element, Heading, OfficialDocument, Part, article_document, find_document,
};
pub use tables::Table;
pub use zhengling_entities::DateTime;
pub use zhengling_tables::TableId;

use lexicon::Lexicon;

/// The kind of page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Format {
    /// HTML markup.
    Html,
    /// A plain-text rendering of a page (WET-style).
    Text,
}

/// Guesses whether a page is HTML or plain text from its first 2 KiB.
///
/// ```
/// use zhengling_boilerplate::{detect_format, Format};
/// assert_eq!(detect_format("<!DOCTYPE html><p>x</p>"), Format::Html);
/// assert_eq!(detect_format("标题\n\n正文。"), Format::Text);
/// ```
pub fn detect_format(page: &str) -> Format {
    const TAGS: [&[u8]; 11] = [
        b"<html",
        b"<!doctype",
        b"<body",
        b"<div",
        b"<head",
        b"<meta",
        b"<p>",
        b"<table",
        b"<br",
        b"<title",
        b"<text ",
    ];
    let end = page.char_indices().nth(2048).map_or(page.len(), |(i, _)| i);
    let head = page.as_bytes().get(..end).unwrap_or_default();
    let mut i = 0;
    while let Some(p) = head.get(i..).and_then(|h| memchr::memchr(b'<', h)) {
        let at = i + p;
        let rest = head.get(at..).unwrap_or_default();
        if TAGS.iter().any(|t| rest.get(..t.len()).is_some_and(|r| r.eq_ignore_ascii_case(t))) {
            return Format::Html;
        }
        i = at + 1;
    }
    Format::Text
}

/// What the caller knows about the page.
#[derive(Debug, Clone, Copy, Default)]
pub struct PageHints<'a> {
    /// The page's URL.
    pub url: Option<&'a str>,
}

/// Why a block was removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum Reason {
    /// Site navigation.
    Navigation,
    /// A "you are here" trail.
    Breadcrumb,
    /// Links to other articles.
    RelatedLinks,
    /// A "hot"/ranking list.
    HotList,
    /// Comments and comment forms.
    Comments,
    /// Copyright notices.
    Copyright,
    /// Disclaimers.
    Disclaimer,
    /// ICP registration lines.
    Icp,
    /// Contact details of the site.
    Contact,
    /// SEO keyword spam.
    SpamKeywords,
    /// The title repeated in the body.
    RepeatedTitle,
    /// A truncated lead or summary repeating the body.
    DuplicateLead,
    /// The site's name injected into a sentence.
    InjectedBrand,
    /// A metadata line (date, source, author) consumed into fields.
    Metadata,
    /// Anything else that is not the article.
    Boilerplate,
    /// Share buttons and "follow us" prompts.
    Share,
    /// Page-number links.
    Pagination,
    /// Advertisements and app promotions.
    Advertisement,
    /// A block that repeats another block of the page.
    Repeated,
}

impl Reason {
    /// Every reason, in declaration order.
    pub const ALL: [Reason; 19] = [
        Reason::Navigation,
        Reason::Breadcrumb,
        Reason::RelatedLinks,
        Reason::HotList,
        Reason::Comments,
        Reason::Copyright,
        Reason::Disclaimer,
        Reason::Icp,
        Reason::Contact,
        Reason::SpamKeywords,
        Reason::RepeatedTitle,
        Reason::DuplicateLead,
        Reason::InjectedBrand,
        Reason::Metadata,
        Reason::Boilerplate,
        Reason::Share,
        Reason::Pagination,
        Reason::Advertisement,
        Reason::Repeated,
    ];

    /// The kebab-case name used in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::Navigation => "navigation",
            Reason::Breadcrumb => "breadcrumb",
            Reason::RelatedLinks => "related-links",
            Reason::HotList => "hot-list",
            Reason::Comments => "comments",
            Reason::Copyright => "copyright",
            Reason::Disclaimer => "disclaimer",
            Reason::Icp => "icp",
            Reason::Contact => "contact",
            Reason::SpamKeywords => "spam-keywords",
            Reason::RepeatedTitle => "repeated-title",
            Reason::DuplicateLead => "duplicate-lead",
            Reason::InjectedBrand => "injected-brand",
            Reason::Metadata => "metadata",
            Reason::Boilerplate => "boilerplate",
            Reason::Share => "share",
            Reason::Pagination => "pagination",
            Reason::Advertisement => "advertisement",
            Reason::Repeated => "repeated",
        }
    }

    /// The reason with a kebab-case name, if any.
    ///
    /// ```
    /// use zhengling_boilerplate::Reason;
    /// assert_eq!(Reason::from_name("hot-list"), Some(Reason::HotList));
    /// assert_eq!(Reason::from_name("nope"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Reason> {
        Reason::ALL.into_iter().find(|r| r.as_str() == name)
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A dropped block.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Removed {
    /// The block's text (consecutive blocks dropped for the same reason are joined by
    /// newlines).
    pub text: String,
    /// Why it was dropped.
    pub reason: Reason,
}

/// The article found in a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Article {
    /// The headline.
    pub title: Option<String>,
    /// Publication date and time as printed (typed; its `Display` is ISO 8601,
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`, local time).
    pub published: Option<DateTime>,
    /// The hosting site's name.
    pub site: Option<String>,
    /// The source the page credits (`来源`).
    pub source: Option<String>,
    /// Author, or the editor when no author is printed. Only a value that looks like a
    /// name: a person's name wherever the credit is bare (`记者张三`, `（张三）`, a person
    /// credited as `来源`), a pen name only after a label (`作者：`, `博主：`) or in markup;
    /// never a label or section word. `None` rather than a guess.
    pub author: Option<String>,
    /// Everyone credited as author, in order (`作者：王芳 李明`): `author` first. Empty when
    /// `author` is only the editor.
    pub authors: Vec<String>,
    /// The editor (`责任编辑`), when printed.
    pub editor: Option<String>,
    /// The document number (发文字号) printed with an official document: `第28号`,
    /// `晋政办发〔2022〕12号`.
    pub doc_number: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Body paragraphs in order, headings as their own paragraphs.
    pub paragraphs: Vec<String>,
    /// Dropped blocks with reasons.
    pub removed: Vec<Removed>,
    /// Problems worth telling the user (e.g. no article found).
    pub warnings: Vec<String>,
    /// The structure of the official document the article is (发文字号, 标题, 主送机关,
    /// 署名, 成文日期, ...), with spans into the title and paragraphs; `None` for other pages.
    pub document: Option<OfficialDocument>,
}

/// Builds an [`Extractor`].
#[derive(Debug, Clone)]
pub struct ExtractorBuilder {
    report_removed: bool,
    tables: tables::Tables,
}

impl Default for ExtractorBuilder {
    fn default() -> Self {
        ExtractorBuilder { report_removed: true, tables: tables::Tables::default() }
    }
}

impl ExtractorBuilder {
    /// Default options.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether [`Article::removed`] lists the dropped blocks (default `true`). Turning it
    /// off saves the copies when only the article is wanted.
    pub fn report_removed(&mut self, yes: bool) -> &mut Self {
        self.report_removed = yes;
        self
    }

    /// Replaces a data file with `text` (same format, written in Simplified: Traditional
    /// spellings are derived; start from [`TableId::default_text`] to edit it).
    pub fn table(&mut self, table: Table, text: impl Into<String>) -> &mut Self {
        self.tables.replace(table, text);
        self
    }

    /// Adds rows to a data file (after the embedded or replaced ones). Rows are written in
    /// Simplified: their Traditional spellings are recognized too.
    ///
    /// ```
    /// use zhengling_boilerplate::{ExtractorBuilder, Format, PageHints, Reason, Table};
    /// let page = |closing: &str| {
    ///     format!("关于做好防控工作的通知\n各地要严格落实核酸检测、健康监测等措施，确保落地见效。\n\
    ///              各部门要加强协调配合，形成工作合力，确保各项措施落到实处。\n{closing}")
    /// };
    /// let plain = ExtractorBuilder::new().build()?;
    /// let a = plain.extract(&page("感谢您的耐心阅读，我们下期再见。"), Format::Text, &PageHints::default())?;
    /// assert_eq!(a.paragraphs.len(), 3);
    /// let mine = ExtractorBuilder::new()
    ///     .extend_table(Table::Boilerplate, "boilerplate\tstart\t感谢您的耐心阅读")
    ///     .build()?;
    /// for closing in ["感谢您的耐心阅读，我们下期再见。", "感謝您的耐心閱讀，我們下期再見。"] {
    ///     let a = mine.extract(&page(closing), Format::Text, &PageHints::default())?;
    ///     assert_eq!(a.paragraphs.len(), 2);
    ///     assert!(a.removed.iter().any(|r| r.reason == Reason::Boilerplate && r.text == closing));
    /// }
    /// # Ok::<(), zhengling_boilerplate::Error>(())
    /// ```
    pub fn extend_table(&mut self, table: Table, text: impl Into<String>) -> &mut Self {
        self.tables.extend(table, text);
        self
    }

    /// Builds the extractor.
    ///
    /// # Errors
    /// When a rule table is invalid (the message names the file and line).
    pub fn build(&self) -> Result<Extractor> {
        official::check_rules()?;
        Ok(Extractor { lex: Lexicon::new(&self.tables)?, report_removed: self.report_removed })
    }
}

/// Finds the article in a page. Immutable, `Send + Sync`, reusable.
#[derive(Debug, Clone)]
pub struct Extractor {
    lex: Lexicon,
    report_removed: bool,
}

impl Extractor {
    /// Extracts the article from a decoded page.
    ///
    /// A page without an article is not an error: the article has no paragraphs and a
    /// warning says why.
    ///
    /// # Errors
    /// When the page is too large to index (4 GiB or more).
    pub fn extract(&self, page: &str, format: Format, hints: &PageHints<'_>) -> Result<Article> {
        if u32::try_from(page.len()).is_err() {
            return Err(Error::new("page too large"));
        }
        let mut article = match format {
            Format::Html => html::extract(&self.lex, page, hints),
            Format::Text => plain::extract(&self.lex, page, hints),
        };
        official::attach(&mut article, format);
        if !self.report_removed {
            article.removed.clear();
        }
        Ok(article)
    }
}

/// Pieces of the HTML path, exposed for the benchmarks only (not a stable API).
#[doc(hidden)]
pub mod bench_internals {
    /// Parses a page into the arena and returns the number of nodes.
    pub fn parse(page: &str) -> usize {
        crate::dom::Dom::parse(page).nodes.len()
    }

    /// The page as the tokenizer gets it (comments, scripts and styles cut, start tags
    /// slimmed, whitespace between tags folded): its length in bytes.
    pub fn prestrip(page: &str) -> usize {
        crate::dom::prestripped_len(page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reason_names_round_trip() {
        for r in Reason::ALL {
            assert_eq!(Reason::from_name(r.as_str()), Some(r));
        }
    }

    #[test]
    fn detects_formats() {
        assert_eq!(detect_format("<html><body>x</body></html>"), Format::Html);
        assert_eq!(detect_format("<text id=\"x\">\n<div>y</div>"), Format::Html);
        assert_eq!(detect_format("一行\n两行"), Format::Text);
    }

    #[test]
    fn extractor_is_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Extractor>();
    }
}
