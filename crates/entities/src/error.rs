//! Errors of the entities crate.

/// An error building an [`crate::Extractor`] (an embedded lexicon that does not load).
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
