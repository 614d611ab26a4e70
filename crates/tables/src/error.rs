//! The one error type of the zhengling crates.

/// An error building an extractor, normalizer or rule set: an invalid rule table (the
/// message names the file and line), an invalid option, or a cause from another library.
#[derive(Debug, thiserror::Error)]
#[error("{msg}")]
pub struct Error {
    msg: String,
    #[source]
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

impl Error {
    /// An error with a message (lowercase, no trailing period).
    pub fn new(msg: impl Into<String>) -> Self {
        Error { msg: msg.into(), source: None }
    }

    /// An error with a message and its cause.
    pub fn with_source(
        msg: impl Into<String>,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        Error { msg: msg.into(), source: Some(Box::new(source)) }
    }

    /// A malformed line of a rule table: `invalid rule table FILE, line N: WHAT`.
    pub fn table(file: &str, line: usize, what: impl std::fmt::Display) -> Self {
        Error::new(format!("invalid rule table {file}, line {line}: {what}"))
    }
}

/// The result type of the zhengling crates.
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[test]
    fn messages_and_sources() {
        assert_eq!(
            Error::table("labels.tsv", 3, "expected two columns").to_string(),
            "invalid rule table labels.tsv, line 3: expected two columns"
        );
        let e = Error::new("thresholds must be at least 1");
        assert!(e.source().is_none());
        let e = Error::with_source("cannot compile", std::io::Error::other("inner"));
        assert_eq!(e.source().map(ToString::to_string).as_deref(), Some("inner"));
    }
}
