//! Errors of the directive crate.

/// An error building the rules ([`crate::RulesBuilder`]).
#[derive(Debug, thiserror::Error)]
#[error("{msg}")]
pub struct Error {
    msg: String,
}

impl Error {
    /// An error with a message (lowercase, no trailing period).
    #[allow(dead_code)]
    pub(crate) fn new(msg: impl Into<String>) -> Self {
        Error { msg: msg.into() }
    }
}

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;
