//! Inputs: page files, directories, WARC/WET and JSON Lines collections.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use super::gz::MultiGzReader;
use super::jsonl::JsonlReader;
use super::warc::WarcReader;
use super::{Entry, ErrorKind, Page, PageError};

/// Extensions of page files kept when walking a directory.
pub const PAGE_EXTENSIONS: &[&str] = &["html", "htm", "shtml", "xhtml", "xml", "txt", "text"];

/// Name endings of collections, read as collections wherever they are met.
pub const COLLECTION_EXTENSIONS: &[&str] = &[
    ".warc",
    ".warc.gz",
    ".wet",
    ".wet.gz",
    ".wat",
    ".wat.gz",
    ".jsonl",
    ".jsonl.gz",
    ".ndjson",
    ".ndjson.gz",
];

/// Where pages come from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Source {
    /// A page held in memory.
    Page {
        /// Its name in the output.
        input: String,
        /// Its bytes.
        bytes: Vec<u8>,
    },
    /// One page file.
    File(PathBuf),
    /// A directory, walked recursively in name order.
    Dir(PathBuf),
    /// A WARC, WET or WAT file, gzip-compressed or not.
    Warc(PathBuf),
    /// A JSON Lines file, gzip-compressed or not.
    Jsonl(PathBuf),
    /// One page read from standard input, named `-` in the output.
    Stdin,
}

/// The kind of collection a file name names, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Collection {
    Warc,
    Jsonl,
}

/// Whether a file name ends like a collection: `Some("warc")` for WARC, WET and WAT files,
/// `Some("jsonl")` for JSON Lines, `None` for a page.
pub fn collection_kind(path: &Path) -> Option<&'static str> {
    collection(path).map(|c| match c {
        Collection::Warc => "warc",
        Collection::Jsonl => "jsonl",
    })
}

fn collection(path: &Path) -> Option<Collection> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = Path::new(name).extension()?.to_str()?;
    match ext {
        "warc" | "wet" | "wat" => Some(Collection::Warc),
        "jsonl" | "ndjson" => Some(Collection::Jsonl),
        _ => None,
    }
}

impl Source {
    /// The source a path names: `-` standard input, a directory, a collection by its name
    /// ending ([`COLLECTION_EXTENSIONS`]), otherwise a page file (`./-` names a file `-`).
    pub fn from_path(path: impl Into<PathBuf>) -> Self {
        let path = path.into();
        if path.as_os_str() == "-" {
            return Source::Stdin;
        }
        if path.is_dir() {
            return Source::Dir(path);
        }
        match collection(&path) {
            Some(Collection::Warc) => Source::Warc(path),
            Some(Collection::Jsonl) => Source::Jsonl(path),
            None => Source::File(path),
        }
    }

    /// A page held in memory.
    pub fn page(input: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        Source::Page { input: input.into(), bytes: bytes.into() }
    }

    /// The entries of this source; pages larger than `max_bytes` yield `too-large` errors.
    fn entries(self, max_bytes: usize) -> Box<dyn Iterator<Item = Entry> + Send> {
        match self {
            Source::Page { input, bytes } => {
                Box::new(std::iter::once(page_entry(input, bytes, max_bytes)))
            }
            Source::File(path) => Box::new(std::iter::once(read_page(&path, max_bytes))),
            Source::Stdin => Box::new(std::iter::once(read_limited(
                "-".to_owned(),
                io::stdin().lock(),
                max_bytes,
            ))),
            Source::Dir(path) => Box::new(walk(path, max_bytes)),
            Source::Warc(path) => open_or_error(&path, Collection::Warc, max_bytes),
            Source::Jsonl(path) => open_or_error(&path, Collection::Jsonl, max_bytes),
        }
    }
}

fn open_or_error(
    path: &Path,
    kind: Collection,
    max_bytes: usize,
) -> Box<dyn Iterator<Item = Entry> + Send> {
    match open_kind(path, kind, max_bytes) {
        Ok(it) => it,
        Err(e) => Box::new(std::iter::once(Entry::Error(read_error(path, &e)))),
    }
}

fn read_error(path: &Path, e: &io::Error) -> PageError {
    PageError::new(path.display().to_string(), ErrorKind::Read, format!("cannot read: {e}"))
}

/// Opens a collection file by its name ending (see [`collection_kind`]) and returns its
/// entries, decompressing gzip when the bytes start with the gzip magic.
///
/// # Errors
/// When the file cannot be opened, or its name is not a collection's (`InvalidInput`).
pub fn open_collection(
    path: &Path,
    max_bytes: usize,
) -> io::Result<Box<dyn Iterator<Item = Entry> + Send>> {
    let kind = collection(path).ok_or_else(|| {
        io::Error::new(io::ErrorKind::InvalidInput, "not a WARC or JSON Lines file name")
    })?;
    open_kind(path, kind, max_bytes)
}

fn open_kind(
    path: &Path,
    kind: Collection,
    max_bytes: usize,
) -> io::Result<Box<dyn Iterator<Item = Entry> + Send>> {
    let mut raw = BufReader::with_capacity(256 << 10, File::open(path)?);
    let gzipped = raw.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    let reader: Box<dyn Read + Send> =
        if gzipped { Box::new(MultiGzReader::new(raw)) } else { Box::new(raw) };
    let reader = BufReader::with_capacity(256 << 10, reader);
    let name = path.display().to_string();
    Ok(match kind {
        Collection::Warc => Box::new(WarcReader::new(reader, name, max_bytes)),
        Collection::Jsonl => Box::new(JsonlReader::new(reader, name, max_bytes)),
    })
}

/// One page file, without reading more than `max_bytes + 1` bytes of it.
fn read_page(path: &Path, max_bytes: usize) -> Entry {
    let input = path.display().to_string();
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return Entry::Error(read_error(path, &e)),
    };
    if let Ok(meta) = file.metadata()
        && meta.len() > u64::try_from(max_bytes).unwrap_or(u64::MAX)
    {
        return Entry::Error(too_large(input, meta.len(), max_bytes));
    }
    read_limited(input, file, max_bytes)
}

/// Reads one page of at most `max_bytes` from `reader`.
fn read_limited(input: String, reader: impl Read, max_bytes: usize) -> Entry {
    let limit = u64::try_from(max_bytes).unwrap_or(u64::MAX);
    let mut bytes = Vec::new();
    match reader.take(limit.saturating_add(1)).read_to_end(&mut bytes) {
        Ok(_) if bytes.len() > max_bytes => {
            Entry::Error(too_large(input, bytes.len() as u64, max_bytes))
        }
        Ok(_) => Entry::Page(Page::new(input, bytes)),
        Err(e) => Entry::Error(PageError::new(input, ErrorKind::Read, format!("cannot read: {e}"))),
    }
}

fn too_large(input: String, size: u64, max_bytes: usize) -> PageError {
    PageError::new(
        input,
        ErrorKind::TooLarge,
        format!("page of {size} bytes exceeds the limit of {max_bytes} bytes"),
    )
}

fn page_entry(input: String, bytes: Vec<u8>, max_bytes: usize) -> Entry {
    if bytes.len() > max_bytes {
        return Entry::Error(too_large(input, bytes.len() as u64, max_bytes));
    }
    Entry::Page(Page::new(input, bytes))
}

/// Whether a walked file is kept: a collection or a page extension.
fn wanted(path: &Path) -> bool {
    collection(path).is_some()
        || path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| PAGE_EXTENSIONS.iter().any(|p| p.eq_ignore_ascii_case(e)))
}

fn walk(root: PathBuf, max_bytes: usize) -> impl Iterator<Item = Entry> + Send {
    walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| match e {
            Err(e) => {
                let input = e.path().map_or_else(String::new, |p| p.display().to_string());
                let error = PageError::new(input, ErrorKind::Read, format!("cannot read: {e}"));
                Some(Err(Entry::Error(error)))
            }
            Ok(e) if e.file_type().is_dir() => None,
            Ok(e) if wanted(e.path()) => Some(Ok(Source::from_path(e.into_path()))),
            Ok(_) => None,
        })
        .flat_map(move |s| match s {
            Ok(s) => s.entries(max_bytes),
            Err(entry) => Box::new(std::iter::once(entry)),
        })
}

/// Reads sources in order, lazily: a collection is opened when reached and streamed.
#[derive(Default)]
pub struct Entries {
    sources: VecDeque<Source>,
    current: Option<Box<dyn Iterator<Item = Entry> + Send>>,
    max_bytes: usize,
}

impl std::fmt::Debug for Entries {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Entries")
            .field("sources_left", &self.sources.len())
            .field("max_bytes", &self.max_bytes)
            .finish_non_exhaustive()
    }
}

/// The entries of `sources`, in order; pages larger than `max_bytes` yield `too-large`
/// errors without being read whole.
pub fn read(sources: impl IntoIterator<Item = Source>, max_bytes: usize) -> Entries {
    Entries { sources: sources.into_iter().collect(), current: None, max_bytes }
}

impl Iterator for Entries {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        loop {
            if let Some(it) = &mut self.current {
                if let Some(e) = it.next() {
                    return Some(e);
                }
                self.current = None;
            }
            let source = self.sources.pop_front()?;
            self.current = Some(source.entries(self.max_bytes));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_pick_the_reader() {
        assert_eq!(collection_kind(Path::new("a/CC-MAIN-1.warc.wet.gz")), Some("warc"));
        assert_eq!(collection_kind(Path::new("x.WARC")), Some("warc"));
        assert_eq!(collection_kind(Path::new("x.wat.gz")), Some("warc"));
        assert_eq!(collection_kind(Path::new("pages.jsonl.gz")), Some("jsonl"));
        assert_eq!(collection_kind(Path::new("page.html")), None);
        assert_eq!(collection_kind(Path::new("page.gz")), None);
        assert_eq!(Source::from_path("no/such/x.warc"), Source::Warc("no/such/x.warc".into()));
        assert_eq!(Source::from_path("no/such/x.htm"), Source::File("no/such/x.htm".into()));
        assert_eq!(Source::from_path("-"), Source::Stdin);
        assert_eq!(Source::from_path("./-"), Source::File("./-".into()));
    }

    struct Broken;
    impl Read for Broken {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            Err(io::Error::other("pipe closed"))
        }
    }

    /// A stream (standard input) is read up to the limit and no further.
    #[test]
    fn streams_are_read_within_the_limit() {
        let e = read_limited("-".into(), io::Cursor::new(b"<p>short</p>".to_vec()), 12);
        assert!(matches!(&e, Entry::Page(p) if p.input == "-" && p.bytes == b"<p>short</p>"));
        let e = read_limited("-".into(), io::Cursor::new(vec![b'x'; 1000]), 12);
        let Entry::Error(e) = e else { panic!("{e:?}") };
        assert_eq!((e.input.as_str(), e.kind), ("-", ErrorKind::TooLarge));
        assert!(e.message.contains("13 bytes exceeds the limit of 12"), "{}", e.message);
        let Entry::Error(e) = read_limited("-".into(), Broken, 12) else { panic!() };
        assert_eq!(e.kind, ErrorKind::Read);
        assert!(e.message.contains("pipe closed"), "{}", e.message);
    }

    #[test]
    fn missing_file_is_a_read_error_naming_it() {
        let es: Vec<_> = read([Source::from_path("no/such/page.html")], 100).collect();
        let [Entry::Error(e)] = es.as_slice() else { panic!("{es:?}") };
        assert_eq!((e.input.as_str(), e.kind), ("no/such/page.html", ErrorKind::Read));
        let es: Vec<_> = read([Source::from_path("no/such/c.warc.gz")], 100).collect();
        let [Entry::Error(e)] = es.as_slice() else { panic!("{es:?}") };
        assert_eq!((e.input.as_str(), e.kind), ("no/such/c.warc.gz", ErrorKind::Read));
    }

    #[test]
    fn in_memory_page_over_limit() {
        let es: Vec<_> =
            read([Source::page("a", "short"), Source::page("b", "much too long")], 8).collect();
        assert!(matches!(&es[0], Entry::Page(p) if p.input == "a"));
        assert!(matches!(&es[1], Entry::Error(e) if e.kind == ErrorKind::TooLarge));
    }
}
