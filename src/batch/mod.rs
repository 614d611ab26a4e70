//! Corpus-scale processing: collections of pages in, records out, in input order.
//!
//! A crawl is read as a stream of [`Entry`] values ([`read`] turns [`Source`]s into that
//! stream), processed on every core by [`run`], and written in input order to a [`Sink`]
//! ([`JsonLines`], [`MeasuresCsv`], your own). Memory stays bounded whatever the input size:
//! at most [`Options::window`] pages are in flight, and no collection is ever read whole.
//!
//! Inputs ([`Source::from_path`] picks the reader from the name):
//! - a page file (`.html`, `.txt`, anything else): one page;
//! - a directory: walked recursively in name order, keeping [`PAGE_EXTENSIONS`] and
//!   [`COLLECTION_EXTENSIONS`];
//! - WARC, WET and WAT files (`.warc`, `.wet`, `.wat`, each optionally `.gz`): `response`,
//!   `resource` and `conversion` records are pages, the others are counted as skipped;
//!   gzip is detected from the bytes, multi-member files are read member by member and a
//!   corrupt member costs only the records in it;
//! - JSON Lines (`.jsonl`, `.ndjson`, optionally `.gz`): one `{"url", "html" | "text",
//!   "headers"}` object per line.
//!
//! Each page of a collection is named by its URL, or `FILE#N` where it has none (`N` is the
//! record number in a WARC file, the line number in a JSON Lines file).
//!
//! # Example
//! ```
//! use std::sync::Arc;
//! use zhengling::batch::{self, JsonLines, Options, Source};
//!
//! let pipeline = Arc::new(zhengling::Pipeline::new()?);
//! let sources = vec![
//!     Source::page("a", "关于做好疫情防控工作的通知\n\n各地要严格落实核酸检测。"),
//!     Source::page("b", "<html><body><p>不是疫情</p></body></html>"),
//! ];
//! let mut out = JsonLines::new(Vec::new());
//! let summary = batch::run(sources, pipeline, &Options::default(), &mut out)?;
//! assert_eq!((summary.pages_in, summary.records_out), (2, 2));
//! let text = String::from_utf8(out.into_inner())?;
//! assert!(text.lines().next().unwrap().starts_with(r#"{"input":"a""#));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Failures
//! Every page read yields exactly one record. A page that cannot be read or processed (a
//! malformed record, binary content, an oversized page, a pipeline error, a panic, a page
//! that takes longer than [`Options::timeout`]) yields a record with `error` set, naming the
//! input; the run goes on. [`Summary`] counts pages in, records out and errors by
//! [`ErrorKind`]; WARC records that are not pages (requests, metadata, images, redirects)
//! are counted in [`Summary::skipped`].
//!
//! A page that runs past the time limit cannot be stopped (threads cannot be killed): its
//! error record is written in its place, a fresh worker takes over, and the late result is
//! discarded when it arrives.

mod exec;
mod gz;
mod jsonl;
mod sink;
mod source;
mod warc;

use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

use crate::{Format, Hints};

pub use exec::{Processor, process_page, run, run_entries};
pub use gz::MultiGzReader;
pub use jsonl::JsonlReader;
pub use sink::{FnSink, JsonLines, MEASURE_COLUMNS, MeasuresCsv, Sink, Tee};
pub use source::{
    COLLECTION_EXTENSIONS, Entries, PAGE_EXTENSIONS, Source, collection_kind, open_collection, read,
};
pub use warc::WarcReader;

/// One page to process.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Page {
    /// The page's name in the output: a path, a URL or `FILE#N`.
    pub input: String,
    /// The page's URL, when known.
    pub url: Option<String>,
    /// The charset of the HTTP `Content-Type` header, when known.
    pub http_charset: Option<String>,
    /// The format, when known (WET records are text); detected otherwise.
    pub format: Option<Format>,
    /// The page's bytes, as served.
    pub bytes: Vec<u8>,
}

impl Page {
    /// A page with only a name and bytes.
    pub fn new(input: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        Page {
            input: input.into(),
            url: None,
            http_charset: None,
            format: None,
            bytes: bytes.into(),
        }
    }

    /// The pipeline hints for this page.
    pub fn hints(&self) -> Hints<'_> {
        Hints {
            input: Some(&self.input),
            url: self.url.as_deref(),
            http_charset: self.http_charset.as_deref(),
            format: self.format,
        }
    }
}

/// What went wrong with one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file could not be opened or read.
    Read,
    /// A malformed record: a broken WARC header, an invalid JSON line, corrupt gzip data.
    Malformed,
    /// The input ended inside a record.
    Truncated,
    /// The page is larger than the size limit.
    TooLarge,
    /// The bytes are not text (an image, an archive, binary garbage) or use an unsupported
    /// content encoding.
    Undecodable,
    /// The pipeline returned an error.
    Process,
    /// The pipeline panicked on the page.
    Panic,
    /// The page took longer than the time limit.
    Timeout,
}

impl ErrorKind {
    /// The kind's name (kebab-case).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Read => "read",
            ErrorKind::Malformed => "malformed",
            ErrorKind::Truncated => "truncated",
            ErrorKind::TooLarge => "too-large",
            ErrorKind::Undecodable => "undecodable",
            ErrorKind::Process => "process",
            ErrorKind::Panic => "panic",
            ErrorKind::Timeout => "timeout",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An input that yields an error record instead of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PageError {
    /// The input's name: a path, a URL or `FILE#N`.
    pub input: String,
    /// The page's URL, when known.
    pub url: Option<String>,
    /// What kind of failure.
    pub kind: ErrorKind,
    /// The reason, without the input's name.
    pub message: String,
}

impl PageError {
    /// An error of `kind` for `input`.
    pub fn new(input: impl Into<String>, kind: ErrorKind, message: impl Into<String>) -> Self {
        PageError { input: input.into(), url: None, kind, message: message.into() }
    }

    /// Sets the URL.
    #[must_use]
    pub fn with_url(mut self, url: Option<String>) -> Self {
        self.url = url;
        self
    }

    /// The error record written in the page's place: `error` is `"INPUT: KIND: MESSAGE"`.
    pub fn to_record(&self) -> crate::Record {
        let mut r = crate::Record::failed(self.input.clone(), self.to_string());
        r.url.clone_from(&self.url);
        r.error_kind = Some(self.kind.as_str());
        r
    }
}

impl fmt::Display for PageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.input, self.kind, self.message)
    }
}

impl std::error::Error for PageError {}

/// Why a record of a collection is not a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum SkipReason {
    /// A WARC record that carries no page (`warcinfo`, `request`, `metadata`, `revisit`, ...).
    RecordType,
    /// An HTTP response whose status is not 2xx (redirects, not found, server errors).
    HttpStatus,
    /// A response whose content type is not a page (images, scripts, PDF, ...).
    ContentType,
    /// A record with an empty payload.
    Empty,
    /// A blank line of a JSON Lines file.
    BlankLine,
}

impl SkipReason {
    /// The reason's name (kebab-case).
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::RecordType => "record-type",
            SkipReason::HttpStatus => "http-status",
            SkipReason::ContentType => "content-type",
            SkipReason::Empty => "empty",
            SkipReason::BlankLine => "blank-line",
        }
    }
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One item read from a source.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Entry {
    /// A page to process.
    Page(Page),
    /// An input that could not be read as a page; it yields an error record.
    Error(PageError),
    /// A record that is not a page; counted, no output.
    Skipped(SkipReason),
}

/// Settings of a batch run.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Options {
    /// Worker threads (default: the number of cores).
    pub threads: usize,
    /// Pages in flight at most, read but not yet written (default: 8 per thread). Bounds
    /// memory to about `window` × the largest page.
    pub window: usize,
    /// The largest page read, in bytes (default [`crate::DEFAULT_MAX_BYTES`]). A larger page
    /// is skipped without being held in memory and yields a `too-large` error record.
    pub max_bytes: usize,
    /// The time limit per page (default 30 s); `None` for none.
    pub timeout: Option<Duration>,
    /// Draw a progress bar on stderr when stderr is a terminal (default off).
    pub progress: bool,
    /// Workers left running on timed-out pages at most (default 4 per thread, at least 8).
    /// A timed-out page's worker is replaced while fewer are left behind; past the limit the
    /// replacement waits until one of them finishes, so a crawl of pathological pages cannot
    /// pile up threads.
    pub max_stuck: usize,
}

impl Default for Options {
    fn default() -> Self {
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        Options {
            threads,
            window: threads * 8,
            max_bytes: crate::DEFAULT_MAX_BYTES,
            timeout: Some(Duration::from_secs(30)),
            progress: false,
            max_stuck: (threads * 4).max(8),
        }
    }
}

impl Options {
    /// Sets the number of worker threads (at least 1) and a window to match.
    #[must_use]
    pub fn with_threads(mut self, threads: usize) -> Self {
        self.threads = threads.max(1);
        self.window = self.threads * 8;
        self.max_stuck = (self.threads * 4).max(8);
        self
    }
}

/// What a run did. Every page read yields one record:
/// `pages_in == records_out == ok + errors`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Summary {
    /// Pages read, including inputs that could not be read as a page.
    pub pages_in: u64,
    /// Records written.
    pub records_out: u64,
    /// Records without error.
    pub ok: u64,
    /// Error records by kind.
    pub errors: BTreeMap<ErrorKind, u64>,
    /// Records of collections that are not pages, by reason.
    pub skipped: BTreeMap<SkipReason, u64>,
    /// Bytes of the pages read.
    pub bytes_in: u64,
    /// Results of timed-out pages that arrived after their error record was written.
    pub late_results: u64,
    /// Wall time of the run.
    pub elapsed: Duration,
}

impl Summary {
    /// All error records.
    pub fn error_count(&self) -> u64 {
        self.errors.values().sum()
    }

    /// Error records of one kind.
    pub fn errors_of(&self, kind: ErrorKind) -> u64 {
        self.errors.get(&kind).copied().unwrap_or(0)
    }

    /// Skipped records, all reasons.
    pub fn skipped_count(&self) -> u64 {
        self.skipped.values().sum()
    }

    /// Pages per second over the run.
    pub fn pages_per_second(&self) -> f64 {
        per_second(self.pages_in, self.elapsed)
    }

    /// Megabytes (10^6 bytes) of pages per second over the run.
    pub fn megabytes_per_second(&self) -> f64 {
        per_second(self.bytes_in, self.elapsed) / 1e6
    }
}

#[allow(clippy::cast_precision_loss)]
fn per_second(n: u64, d: Duration) -> f64 {
    let s = d.as_secs_f64();
    if s > 0.0 { n as f64 / s } else { 0.0 }
}

impl fmt::Display for Summary {
    #[allow(clippy::cast_precision_loss)]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} pages in, {} records out ({} ok, {} errors",
            self.pages_in,
            self.records_out,
            self.ok,
            self.error_count()
        )?;
        let mut sep = ": ";
        for (k, n) in &self.errors {
            write!(f, "{sep}{n} {k}")?;
            sep = ", ";
        }
        f.write_str(")")?;
        if !self.skipped.is_empty() {
            write!(f, "; {} records skipped", self.skipped_count())?;
            let mut sep = " (";
            for (k, n) in &self.skipped {
                write!(f, "{sep}{n} {k}")?;
                sep = ", ";
            }
            f.write_str(")")?;
        }
        if self.late_results > 0 {
            write!(f, "; {} late results discarded", self.late_results)?;
        }
        write!(
            f,
            "; {:.1} MB in {:.2} s ({:.*} pages/s, {:.2} MB/s)",
            self.bytes_in as f64 / 1e6,
            self.elapsed.as_secs_f64(),
            usize::from(self.pages_per_second() < 10.0),
            self.pages_per_second(),
            self.megabytes_per_second()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_display_lists_kinds() {
        let mut s = Summary { pages_in: 3, records_out: 3, ok: 1, ..Summary::default() };
        s.errors.insert(ErrorKind::Malformed, 1);
        s.errors.insert(ErrorKind::Timeout, 1);
        s.skipped.insert(SkipReason::RecordType, 4);
        let text = s.to_string();
        assert!(
            text.starts_with(
                "3 pages in, 3 records out (1 ok, 2 errors: 1 malformed, 1 timeout); \
                 4 records skipped (4 record-type)"
            ),
            "{text}"
        );
        assert_eq!(s.error_count(), 2);
        assert_eq!(s.errors_of(ErrorKind::Read), 0);
    }

    #[test]
    fn error_record_names_input_and_kind() {
        let e = PageError::new("a.warc#3", ErrorKind::Truncated, "input ends inside the record")
            .with_url(Some("http://x.cn/".into()));
        let r = e.to_record();
        assert_eq!(r.input, "a.warc#3");
        assert_eq!(r.url.as_deref(), Some("http://x.cn/"));
        assert_eq!(r.error.as_deref(), Some("a.warc#3: truncated: input ends inside the record"));
    }
}
