//! Bytes of a Chinese web page to clean Simplified text, with an offset map back to the input.
//!
//! STUB: the public API below is the contract the other crates and the root package use.
//! The implementation is being written; keep these names and signatures (add freely).
//!
//! # Example
//! ```
//! use zhengling_normalize::{decode, DecodeHints, NormalizerBuilder};
//! let decoded = decode("通知".as_bytes(), &DecodeHints::default());
//! let normalizer = NormalizerBuilder::new().build()?;
//! let out = normalizer.normalize(&decoded.text);
//! assert_eq!(out.text, "通知");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]

mod common;
mod decode;
mod error;

use std::borrow::Cow;

pub use decode::{DecodeHints, Decoded, EncodingSource, decode};
pub use encoding_rs::Encoding;
pub use error::{Error, Result};

/// For each byte of the output, where it came from in the input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    identity_len: Option<usize>,
}

impl OffsetMap {
    /// The input byte range an output byte range came from, or `None` if out of range.
    pub fn source_range(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        match self.identity_len {
            Some(len) if start <= end && end <= len => Some((start, end)),
            _ => None,
        }
    }
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
}

/// The result of [`Normalizer::normalize`].
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    /// The normalized text, borrowed when nothing changed.
    pub text: Cow<'a, str>,
    /// Output to input offsets.
    pub map: OffsetMap,
    /// What was done.
    pub report: Report,
}

/// Builds a [`Normalizer`].
#[derive(Debug, Clone, Default)]
pub struct NormalizerBuilder {
    _priv: (),
}

impl NormalizerBuilder {
    /// Default options.
    pub fn new() -> Self {
        Self::default()
    }

    /// Builds the normalizer.
    ///
    /// # Errors
    /// When an option is invalid.
    pub fn build(&self) -> Result<Normalizer> {
        Ok(Normalizer { _priv: () })
    }
}

/// Normalizes text: pinyin removal, mojibake repair, width folding, Traditional to Simplified.
#[derive(Debug, Clone)]
pub struct Normalizer {
    _priv: (),
}

impl Normalizer {
    /// Normalizes one text.
    pub fn normalize<'a>(&self, text: &'a str) -> Normalized<'a> {
        let _ = Error::new("unused");
        Normalized {
            text: Cow::Borrowed(text),
            map: OffsetMap { identity_len: Some(text.len()) },
            report: Report::default(),
        }
    }
}
