//! Errors of the boilerplate crate.

/// An error extracting an article or building an [`crate::Extractor`].
#[derive(Debug, thiserror::Error)]
#[error("{msg}")]
pub struct Error {
    msg: String,
}

impl Error {
    /// An error with a message (lowercase, no trailing period).
    pub(crate) fn new(msg: impl Into<String>) -> Self {
        Error { msg: msg.into() }
    }

    /// A malformed line in an embedded rule table.
    pub(crate) fn table(file: &str, line: usize, what: impl std::fmt::Display) -> Self {
        Error::new(format!("invalid rule table {file}, line {line}: {what}"))
    }
}

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages() {
        assert_eq!(
            Error::table("labels.tsv", 3, "expected two columns").to_string(),
            "invalid rule table labels.tsv, line 3: expected two columns"
        );
    }
}
