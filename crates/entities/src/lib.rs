//! Typed, spanned entities from Chinese directive text.
//!
//! STUB: the public API below is the contract the directive crate and the root package use.
//! Keep these names and signatures (add freely).
//!
//! # Example
//! ```
//! use zhengling_entities::{Context, EntityKind, ExtractorBuilder};
//! let extractor = ExtractorBuilder::new().build()?;
//! let text = "压实“四方责任”";
//! let found = extractor.extract(text, &Context::default());
//! assert!(found.iter().any(|e| e.kind == EntityKind::Quote && e.text == "四方责任"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]

mod error;
mod types;

pub use error::{Error, Result};
pub use types::*;

/// What the extractor knows about the page.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// The publication date; resolves years and relative dates.
    pub published: Option<PartialDate>,
    /// The page's region (a division name), to resolve ambiguous place names.
    pub region: Option<&'a str>,
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
    /// When an embedded lexicon is invalid.
    pub fn build(&self) -> Result<Extractor> {
        Ok(Extractor { _priv: () })
    }
}

/// Extracts entities. Immutable, `Send + Sync`, reusable.
#[derive(Debug, Clone)]
pub struct Extractor {
    _priv: (),
}

impl Extractor {
    /// All entities in `text`, in text order.
    pub fn extract<'h>(&self, text: &'h str, _ctx: &Context<'_>) -> Vec<Entity<'h>> {
        let mut out = Vec::new();
        let mut rest = 0;
        while let Some(open) = text.get(rest..).and_then(|t| t.find('“')) {
            let start = rest + open + '“'.len_utf8();
            let Some(close) = text.get(start..).and_then(|t| t.find('”')) else { break };
            let end = start + close;
            if let Some(t) = text.get(start..end) {
                out.push(Entity {
                    kind: EntityKind::Quote,
                    text: t,
                    span: Span { start, end },
                    value: Value::None,
                });
            }
            rest = end + '”'.len_utf8();
        }
        out
    }
}
