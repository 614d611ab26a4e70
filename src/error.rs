//! Errors of the pipeline.

/// An error processing a page or building the pipeline.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The normalizer could not be built.
    #[error("building the normalizer")]
    Normalize(#[source] zhengling_normalize::Error),
    /// The boilerplate extractor could not be built or failed on the page.
    #[error("extracting the article")]
    Boilerplate(#[source] zhengling_boilerplate::Error),
    /// The entity extractor could not be built.
    #[error("building the entity extractor")]
    Entities(#[source] zhengling_entities::Error),
    /// The directive rules could not be built.
    #[error("building the directive rules")]
    Directive(#[source] zhengling_directive::Error),
    /// The page is larger than the configured limit.
    #[error("page of {size} bytes exceeds the limit of {limit} bytes")]
    TooLarge {
        /// The page's size.
        size: usize,
        /// The limit.
        limit: usize,
    },
}

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;
