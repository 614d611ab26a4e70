//! A typed, serde-serializable model of what a Chinese epidemic-prevention directive ordered,
//! and the rules that build it from paragraphs and entities.
//!
//! STUB: the public API below is the contract the root package uses. Keep these names and
//! signatures (add freely).
//!
//! # Example
//! ```
//! use zhengling_directive::{Document, RulesBuilder};
//! let rules = RulesBuilder::new().build()?;
//! let paragraphs = vec!["要严格落实核酸检测。".to_owned()];
//! let entities = vec![Vec::new()];
//! let doc = Document { title: Some("关于做好疫情防控工作的通知"), published: None, paragraphs: &paragraphs, entities: &entities };
//! let d = rules.build(&doc);
//! assert_eq!(d.schema, zhengling_directive::SCHEMA);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]

mod error;
mod model;

pub use error::{Error, Result};
pub use model::*;
use zhengling_entities::Entity;

/// The input the rules read: an article's paragraphs and the entities found in each.
#[derive(Debug, Clone, Copy)]
pub struct Document<'a> {
    /// The headline.
    pub title: Option<&'a str>,
    /// Publication date as printed (ISO 8601).
    pub published: Option<&'a str>,
    /// Body paragraphs.
    pub paragraphs: &'a [String],
    /// `entities[i]` are the entities of `paragraphs[i]` (spans into that paragraph).
    pub entities: &'a [Vec<Entity<'a>>],
}

/// Builds [`Rules`].
#[derive(Debug, Clone, Default)]
pub struct RulesBuilder {
    _priv: (),
}

impl RulesBuilder {
    /// Default rule tables.
    pub fn new() -> Self {
        Self::default()
    }

    /// Builds the rules.
    ///
    /// # Errors
    /// When an embedded rule table is invalid.
    pub fn build(&self) -> Result<Rules> {
        Ok(Rules { _priv: () })
    }
}

/// The rules that fill a [`Directive`]. Immutable, `Send + Sync`, reusable.
#[derive(Debug, Clone)]
pub struct Rules {
    _priv: (),
}

impl Rules {
    /// Builds the directive record of a document.
    pub fn build(&self, doc: &Document<'_>) -> Directive {
        let _ = doc;
        Directive::default()
    }
}
