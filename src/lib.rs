//! zhengling (政令): scraped Chinese government and news pages about epidemic-prevention
//! directives to clean text, spanned entities and typed directive records.
//!
//! The root package composes the member crates:
//! [`zhengling_normalize`] (bytes to clean Simplified text), [`zhengling_boilerplate`]
//! (the article out of a page), [`zhengling_entities`] (typed, spanned entities) and
//! [`zhengling_directive`] (the typed record of what was ordered).
//!
//! # Example
//! ```
//! let page = "关于进一步做好疫情防控工作的通知\n\n各地要严格落实核酸检测、健康监测等措施。";
//! let record = zhengling::process(page.as_bytes(), &zhengling::Hints::default())?;
//! assert_eq!(record.title.as_deref(), Some("关于进一步做好疫情防控工作的通知"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Panics / untrusted input
//! Every function takes arbitrary bytes; malformed input becomes warnings or an error
//! value, never a panic.
#![forbid(unsafe_code)]

pub mod batch;
mod error;
pub mod record;
#[cfg(feature = "schema")]
pub mod schema;
mod script;

use std::borrow::Cow;
use std::sync::OnceLock;

pub use error::{Error, Result};
pub use record::Record;
pub use zhengling_boilerplate::Format;
use zhengling_boilerplate::{Article, Extractor, ExtractorBuilder, PageHints};
use zhengling_directive::{Document, Rules, RulesBuilder};
use zhengling_entities::Context;
use zhengling_normalize::{DecodeHints, Normalizer, NormalizerBuilder};

use record::{EntityRecord, NormalizationSummary, RemovedBlock};

/// What the caller knows about a page besides its bytes.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hints<'a> {
    /// A name for the input (path, URL); copied into [`Record::input`].
    pub input: Option<&'a str>,
    /// The page's URL.
    pub url: Option<&'a str>,
    /// The HTTP `Content-Type` charset.
    pub http_charset: Option<&'a str>,
    /// The format, when known; detected otherwise.
    pub format: Option<Format>,
}

/// The composed pipeline: built once, immutable, `Send + Sync`, reused for every page.
#[derive(Debug)]
pub struct Pipeline {
    normalizer: Normalizer,
    extractor: Extractor,
    entities: zhengling_entities::Extractor,
    rules: Rules,
    max_bytes: usize,
}

/// The default page size limit (50 MiB).
pub const DEFAULT_MAX_BYTES: usize = 50 << 20;

impl Pipeline {
    /// Builds the pipeline with the default rule tables.
    ///
    /// # Errors
    /// When an embedded table of one of the crates is invalid.
    pub fn new() -> Result<Self> {
        Ok(Pipeline {
            normalizer: NormalizerBuilder::new().build().map_err(Error::Normalize)?,
            extractor: ExtractorBuilder::new().build().map_err(Error::Boilerplate)?,
            entities: zhengling_entities::ExtractorBuilder::new()
                .build()
                .map_err(Error::Entities)?,
            rules: RulesBuilder::new().build().map_err(Error::Directive)?,
            max_bytes: DEFAULT_MAX_BYTES,
        })
    }

    /// Sets the largest page accepted, in bytes.
    #[must_use]
    pub fn with_max_bytes(mut self, max_bytes: usize) -> Self {
        self.max_bytes = max_bytes;
        self
    }

    /// Processes one page.
    ///
    /// # Errors
    /// When the page exceeds the size limit or the article extraction fails outright.
    /// A page with no article is not an error: its record carries a warning.
    pub fn process(&self, bytes: &[u8], hints: &Hints<'_>) -> Result<Record> {
        if bytes.len() > self.max_bytes {
            return Err(Error::TooLarge { size: bytes.len(), limit: self.max_bytes });
        }
        let mut warnings = Vec::new();
        let decoded = zhengling_normalize::decode(
            bytes,
            &DecodeHints { http_charset: hints.http_charset, url: hints.url },
        );
        if decoded.malformed > 0 {
            warnings.push(format!(
                "{} malformed byte sequences while decoding as {}",
                decoded.malformed,
                decoded.encoding.name()
            ));
        }
        let format =
            hints.format.unwrap_or_else(|| zhengling_boilerplate::detect_format(&decoded.text));
        let page_hints = PageHints { url: hints.url };
        let mut summary = NormalizationSummary::default();
        let (article, views) =
            self.read_article(&decoded.text, format, &page_hints, &mut summary)?;
        if article.paragraphs.is_empty() && article.warnings.is_empty() {
            // The extractor names its reason when it finds nothing; normalization can also
            // empty an article (a page of nothing but private-use characters).
            warnings.push("no article text found".to_owned());
        }
        warnings.extend(article.warnings.iter().cloned());

        // The publication time is typed from the extractor on; the record and the directive
        // take its ISO 8601 form.
        let published_iso = article.published.map(|d| d.to_string());
        let ctx = Context { published: article.published.map(|d| d.date), region: None };
        // Page-level evidence: a short form or a titled name defined in one paragraph is
        // recognized in the others; ambiguous places resolve against the page's places.
        // A page kept in Traditional characters (an authentic Taiwan or Hong Kong page, say)
        // is analysed on the Simplified view normalization made of it, since the lexicons
        // and rules are Simplified; every string of the record then moves back to the
        // Traditional text in one pass (`script::Views::to_shown`).
        let analysed = views.paragraphs(&article.paragraphs);
        let title = views.title(article.title.as_deref());
        let paragraphs: &[String] = &analysed;
        let per_paragraph = self.entities.extract_document(paragraphs, &ctx);
        let mut entities: Vec<EntityRecord> = per_paragraph
            .iter()
            .enumerate()
            .flat_map(|(i, es)| es.iter().map(move |e| EntityRecord::new(i, e)))
            .collect();
        let signatories: Vec<String> =
            article.document.iter().flat_map(|d| &d.signatories).map(|e| e.value.clone()).collect();
        let mut directive = self.rules.build(&Document {
            title,
            published: published_iso.as_deref(),
            paragraphs,
            entities: &per_paragraph,
            site: article.site.as_deref(),
            source: article.source.as_deref(),
            signatories: &signatories,
            header: article
                .document
                .as_ref()
                .and_then(|d| d.header.as_ref())
                .map(|h| h.value.as_str()),
        });
        views.to_shown(
            &script::Shown { title: article.title.as_deref(), paragraphs: &article.paragraphs },
            &script::Shown { title, paragraphs },
            &mut entities,
            &mut directive,
        );

        Ok(Record {
            input: hints.input.unwrap_or_default().to_owned(),
            format: Some(if format == Format::Html { "html" } else { "text" }),
            encoding: Some(decoded.encoding.name()),
            encoding_source: Some(decoded.source.as_str()),
            malformed: decoded.malformed,
            removed: article
                .removed
                .iter()
                .map(|r| RemovedBlock {
                    text: r.text.clone(),
                    reason: r.reason.as_str().to_owned(),
                })
                .collect(),
            title: article.title,
            published: published_iso,
            site: article.site,
            source: article.source,
            author: article.author,
            editor: article.editor,
            doc_number: article.doc_number,
            authors: article.authors,
            url: article.url.or_else(|| hints.url.map(str::to_owned)),
            document: article.document.as_ref().map(record::DocumentRecord::new),
            paragraphs: article.paragraphs,
            entities,
            directive: Some(directive),
            normalization: summary,
            warnings,
            error: None,
            error_kind: None,
        })
    }
}

impl Pipeline {
    /// The article of a decoded page, its text normalized, with the Simplified views of its
    /// pieces when it is kept in Traditional.
    fn read_article(
        &self,
        text: &str,
        format: Format,
        page_hints: &PageHints<'_>,
        summary: &mut NormalizationSummary,
    ) -> Result<(Article, script::Views)> {
        Ok(if format == Format::Html {
            // Normalizing the whole markup would cost more than parsing it: extract first,
            // then normalize the few kilobytes of article text. The article's own text
            // carries the page-level evidence (script, pinyin annotations): a sidebar in
            // another script must not decide how the article is converted.
            let mut a =
                self.extractor.extract(text, format, page_hints).map_err(Error::Boilerplate)?;
            let views = self.normalize_article(&mut a, summary);
            (a, views)
        } else {
            // A plain-text page is normalized whole first: its boilerplate is recognized by
            // phrases, which need Simplified text without pinyin annotations. Kept in
            // Traditional, its pieces get their Simplified views once extracted.
            let profile = self.normalizer.analyze(text);
            summary.note_profile(&profile);
            let n = self.normalizer.normalize_with(text, &profile);
            summary.note(&n.report);
            let a =
                self.extractor.extract(&n.text, format, page_hints).map_err(Error::Boilerplate)?;
            let views = if n.simplified.is_some() {
                let view = |t: &str| {
                    let r = self.normalizer.simplify(t);
                    (r.text != t).then(|| zhengling_normalize::SimplifiedView {
                        text: r.text.into_owned(),
                        map: r.map,
                    })
                };
                script::Views {
                    title: a.title.as_deref().and_then(view),
                    paragraphs: a.paragraphs.iter().map(|p| view(p)).collect(),
                }
            } else {
                script::Views::default()
            };
            (a, views)
        })
    }

    /// Normalizes an HTML article's text fields with the profile of its own text; the
    /// Simplified views of its title and paragraphs where they are kept in Traditional.
    fn normalize_article(
        &self,
        a: &mut Article,
        summary: &mut NormalizationSummary,
    ) -> script::Views {
        let mut whole =
            String::with_capacity(a.paragraphs.iter().map(|p| p.len() + 1).sum::<usize>() + 256);
        for piece in a.title.iter().chain(&a.paragraphs) {
            whole.push_str(piece);
            whole.push('\n');
        }
        let profile = self.normalizer.analyze(&whole);
        summary.note_profile(&profile);
        let mut norm = |s: &mut String| {
            let n = self.normalizer.normalize_with(s, &profile);
            summary.note(&n.report);
            let view = n.simplified;
            if let Cow::Owned(t) = n.text {
                *s = t;
            }
            view
        };
        for field in [&mut a.site, &mut a.source, &mut a.author, &mut a.editor, &mut a.doc_number] {
            if let Some(s) = field.as_mut() {
                norm(s);
            }
        }
        for p in &mut a.authors {
            norm(p);
        }
        let title = a.title.as_mut().and_then(&mut norm);
        let mut paragraphs = Vec::with_capacity(a.paragraphs.len());
        for p in std::mem::take(&mut a.paragraphs) {
            let mut p = p;
            let view = norm(&mut p);
            if !p.trim().is_empty() {
                a.paragraphs.push(p);
                paragraphs.push(view);
            }
        }
        // the document's spans point into the normalized text
        if a.document.is_some() {
            a.document = zhengling_boilerplate::article_document(a);
        }
        script::Views { title, paragraphs }
    }
}

static PIPELINE: OnceLock<std::result::Result<Pipeline, String>> = OnceLock::new();

/// Processes one page with a shared default [`Pipeline`] built on first use.
///
/// # Errors
/// See [`Pipeline::process`]; also when the default pipeline cannot be built.
pub fn process(bytes: &[u8], hints: &Hints<'_>) -> Result<Record> {
    match PIPELINE.get_or_init(|| Pipeline::new().map_err(|e| error_chain(&e))) {
        Ok(p) => p.process(bytes, hints),
        Err(_) => Pipeline::new()?.process(bytes, hints),
    }
}

/// An error and its causes on one line (`a: b: c`).
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oversized_page_is_an_error() {
        let p = Pipeline::new().unwrap().with_max_bytes(4);
        let err = p.process(b"0123456789", &Hints::default()).unwrap_err();
        assert!(err.to_string().contains("exceeds the limit"));
    }
}
