//! The real article out of a Chinese HTML or plain-text page, plus what was removed and why.
//!
//! STUB: the public API below is the contract the root package uses. Keep these names and
//! signatures (add freely).
//!
//! # Example
//! ```
//! use zhengling_boilerplate::{ExtractorBuilder, Format, PageHints};
//! let extractor = ExtractorBuilder::new().build()?;
//! let article = extractor.extract("标题\n\n正文第一段。", Format::Text, &PageHints::default())?;
//! assert!(!article.paragraphs.is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]

mod error;

pub use error::{Error, Result};

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

/// Guesses whether a page is HTML or plain text.
pub fn detect_format(page: &str) -> Format {
    let head: String = page.chars().take(2048).collect::<String>().to_ascii_lowercase();
    if head.contains("<html")
        || head.contains("<!doctype")
        || head.contains("<body")
        || head.contains("<div")
    {
        Format::Html
    } else {
        Format::Text
    }
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
}

impl Reason {
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
        }
    }
}

/// A dropped block.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Removed {
    /// The block's text.
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
    /// Publication date and time as printed, ISO 8601 (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`).
    pub published: Option<String>,
    /// The hosting site's name.
    pub site: Option<String>,
    /// The source the page credits (`来源`).
    pub source: Option<String>,
    /// Author or editor.
    pub author: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Body paragraphs in order, headings as their own paragraphs.
    pub paragraphs: Vec<String>,
    /// Dropped blocks with reasons.
    pub removed: Vec<Removed>,
    /// Problems worth telling the user (e.g. no article found).
    pub warnings: Vec<String>,
}

/// Builds an [`Extractor`].
#[derive(Debug, Clone, Default)]
pub struct ExtractorBuilder {
    _priv: (),
}

impl ExtractorBuilder {
    /// Default options.
    pub fn new() -> Self {
        Self::default()
    }

    /// Builds the extractor.
    ///
    /// # Errors
    /// When an embedded rule table is invalid.
    pub fn build(&self) -> Result<Extractor> {
        Ok(Extractor { _priv: () })
    }
}

/// Finds the article in a page. Immutable, `Send + Sync`, reusable.
#[derive(Debug, Clone)]
pub struct Extractor {
    _priv: (),
}

impl Extractor {
    /// Extracts the article from a decoded page.
    ///
    /// # Errors
    /// When the page cannot be processed at all.
    pub fn extract(&self, page: &str, format: Format, _hints: &PageHints<'_>) -> Result<Article> {
        if page.len() > usize::MAX / 2 {
            return Err(Error::new("page too large"));
        }
        let _ = format;
        let mut lines = page.lines().map(str::trim).filter(|l| !l.is_empty());
        let title = lines.next().map(str::to_owned);
        let paragraphs = lines.map(str::to_owned).collect();
        Ok(Article { title, paragraphs, ..Article::default() })
    }
}
