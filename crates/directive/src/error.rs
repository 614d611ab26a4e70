//! Errors of the directive crate.

/// An error building the rules ([`crate::RulesBuilder`]): an invalid rule table.
#[derive(Debug, thiserror::Error)]
#[error("{msg}")]
pub struct Error {
    msg: String,
    #[source]
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

impl Error {
    /// An error with a message (lowercase, no trailing period).
    pub(crate) fn new(msg: impl Into<String>) -> Self {
        Error { msg: msg.into(), source: None }
    }

    /// An error with a message and its cause.
    pub(crate) fn with_source(
        msg: impl Into<String>,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Self {
        Error { msg: msg.into(), source: Some(Box::new(source)) }
    }
}

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[test]
    fn message_and_source() {
        let e = Error::new("measures.tsv line 3: unknown category");
        assert_eq!(e.to_string(), "measures.tsv line 3: unknown category");
        assert!(e.source().is_none());
        let inner = std::io::Error::other("inner");
        let e = Error::with_source("cannot compile", inner);
        assert_eq!(e.source().map(ToString::to_string).as_deref(), Some("inner"));
    }
}
