//! WARC, WET and WAT records as pages.
//!
//! The record headers are parsed by the `warc` crate's parser; the framing around it is
//! ours, because a crawl reader must bound memory (an oversized body is skipped, never
//! buffered) and resynchronize after a malformed record instead of ending the file.

use std::io::{self, BufRead, Read};

use super::{Entry, ErrorKind, Page, PageError, SkipReason};
use crate::Format;

/// The longest header block read, in bytes.
const MAX_HEADER: usize = 256 << 10;

/// Reads WARC records from a stream and yields one [`Entry`] per record.
///
/// `response` records carry an HTTP response: its headers give the charset, its status and
/// content type decide whether it is a page, and chunked or gzip/deflate bodies are
/// decoded. `resource` records are pages with the WARC `Content-Type`; `conversion`
/// records (WET) are UTF-8 text pages. Other records are [`Entry::Skipped`].
///
/// A record with a malformed header yields an [`Entry::Error`] and the reader resumes at the
/// next line that starts with `WARC/`; an I/O error (a corrupt gzip member) does the same; a
/// body that ends early yields a `truncated` error.
#[derive(Debug)]
pub struct WarcReader<R> {
    reader: R,
    name: String,
    max_bytes: usize,
    record: u64,
    resync: bool,
    done: bool,
}

impl<R: BufRead> WarcReader<R> {
    /// Reads records of the file called `name` (used to name pages without a URL:
    /// `NAME#N`, `N` counting records from 1) from `reader`; bodies larger than
    /// `max_bytes` are skipped.
    pub fn new(reader: R, name: impl Into<String>, max_bytes: usize) -> Self {
        WarcReader { reader, name: name.into(), max_bytes, record: 0, resync: false, done: false }
    }

    fn record_name(&self) -> String {
        format!("{}#{}", self.name, self.record)
    }

    /// Reads the next header block, through its blank line. `Ok(None)` at the end.
    fn header_block(&mut self) -> io::Result<Option<Vec<u8>>> {
        let mut block = Vec::new();
        // Skip blank lines between records; when resynchronizing, skip until `WARC/`.
        loop {
            block.clear();
            let (n, complete) = read_line_limited(&mut self.reader, &mut block, 4096)?;
            if n == 0 {
                return Ok(None);
            }
            if !complete {
                skip_line(&mut self.reader)?;
                if !self.resync {
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        "expected a WARC/ version line",
                    ));
                }
                continue;
            }
            if block.starts_with(b"WARC/") {
                break;
            }
            if trim_eol(&block).is_empty() {
                continue;
            }
            if !self.resync {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    "expected a WARC/ version line",
                ));
            }
        }
        self.resync = false;
        loop {
            let start = block.len();
            let limit = MAX_HEADER.saturating_sub(start);
            let (n, complete) = read_line_limited(&mut self.reader, &mut block, limit)?;
            if n == 0 {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "input ends inside the record header",
                ));
            }
            if !complete {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("record header longer than {MAX_HEADER} bytes"),
                ));
            }
            if block.get(start..).is_some_and(|l| trim_eol(l).is_empty()) {
                return Ok(Some(block));
            }
        }
    }

    /// Consumes up to four CR/LF bytes after a body.
    fn skip_record_end(&mut self) -> io::Result<()> {
        for _ in 0..4 {
            let buf = self.reader.fill_buf()?;
            match buf.first() {
                Some(b'\r' | b'\n') => self.reader.consume(1),
                _ => break,
            }
        }
        Ok(())
    }

    fn next_entry(&mut self) -> Option<Entry> {
        if self.done {
            return None;
        }
        let block = match self.header_block() {
            Ok(None) => {
                self.done = true;
                return None;
            }
            Ok(Some(b)) => {
                self.record += 1;
                b
            }
            Err(e) => {
                self.record += 1;
                return Some(Entry::Error(self.io_error(&e, None)));
            }
        };
        let header = match RecordHeader::parse(&block) {
            Ok(h) => h,
            Err(msg) => {
                self.resync = true;
                return Some(Entry::Error(PageError::new(
                    self.record_name(),
                    ErrorKind::Malformed,
                    msg,
                )));
            }
        };
        let role = header.role();
        let input = header.url.clone().unwrap_or_else(|| self.record_name());
        let len = header.content_length;
        if u64::try_from(self.max_bytes).is_ok_and(|max| len > max) {
            if let Err(e) = io::copy(&mut (&mut self.reader).take(len), &mut io::sink()) {
                return Some(Entry::Error(self.io_error(&e, header.url)));
            }
            return Some(match role {
                Role::Skip => Entry::Skipped(SkipReason::RecordType),
                _ => Entry::Error(
                    PageError::new(
                        input,
                        ErrorKind::TooLarge,
                        format!(
                            "record of {len} bytes exceeds the limit of {} bytes",
                            self.max_bytes
                        ),
                    )
                    .with_url(header.url),
                ),
            });
        }
        let mut body = Vec::new();
        let read = (&mut self.reader).take(len).read_to_end(&mut body);
        if let Err(e) = read {
            return Some(Entry::Error(self.io_error(&e, header.url)));
        }
        if (body.len() as u64) < len {
            self.done = true;
            return Some(Entry::Error(
                PageError::new(
                    input,
                    ErrorKind::Truncated,
                    format!("input ends inside the record ({} of {len} bytes)", body.len()),
                )
                .with_url(header.url),
            ));
        }
        if let Err(e) = self.skip_record_end() {
            self.resync = true;
            return Some(Entry::Error(self.io_error(&e, header.url)));
        }
        Some(match role {
            Role::Skip => Entry::Skipped(SkipReason::RecordType),
            Role::Response => page_from_response(input, header, &body, self.max_bytes),
            Role::Resource => page_from_payload(input, header, body),
            Role::Conversion => {
                if body.is_empty() {
                    Entry::Skipped(SkipReason::Empty)
                } else {
                    Entry::Page(Page {
                        input,
                        url: header.url,
                        http_charset: Some("utf-8".to_owned()),
                        format: Some(Format::Text),
                        bytes: body,
                    })
                }
            }
        })
    }

    /// The error entry for an I/O error inside record `self.record`; the reader
    /// resynchronizes after it, or ends when the input ended.
    fn io_error(&mut self, e: &io::Error, url: Option<String>) -> PageError {
        let kind = if e.kind() == io::ErrorKind::UnexpectedEof {
            ErrorKind::Truncated
        } else if e.kind() == io::ErrorKind::InvalidData {
            ErrorKind::Malformed
        } else {
            ErrorKind::Read
        };
        if kind == ErrorKind::Read {
            self.done = true;
        }
        self.resync = true;
        let input = url.clone().unwrap_or_else(|| self.record_name());
        PageError::new(input, kind, e.to_string()).with_url(url)
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        self.next_entry()
    }
}

/// What a record is to us.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Response,
    Resource,
    Conversion,
    Skip,
}

/// The WARC headers we use.
#[derive(Debug)]
struct RecordHeader {
    kind: String,
    url: Option<String>,
    content_type: Option<String>,
    content_length: u64,
}

impl RecordHeader {
    fn parse(block: &[u8]) -> Result<Self, String> {
        let (_, (_version, fields, _)) = ::warc::parser::headers(block).map_err(|e| {
            if e.is_incomplete() {
                "malformed WARC record header (incomplete)".to_owned()
            } else {
                "malformed WARC record header (invalid header line)".to_owned()
            }
        })?;
        let mut h =
            RecordHeader { kind: String::new(), url: None, content_type: None, content_length: 0 };
        let mut has_length = false;
        for (name, value) in fields {
            let value = String::from_utf8_lossy(value).trim().to_owned();
            if name.eq_ignore_ascii_case("WARC-Type") {
                h.kind = value.to_ascii_lowercase();
            } else if name.eq_ignore_ascii_case("WARC-Target-URI") {
                let v = value.trim_start_matches('<').trim_end_matches('>').trim();
                h.url = (!v.is_empty()).then(|| v.to_owned());
            } else if name.eq_ignore_ascii_case("Content-Type") {
                h.content_type = Some(value);
            } else if name.eq_ignore_ascii_case("Content-Length") && !has_length {
                h.content_length = value
                    .parse()
                    .map_err(|_| format!("invalid Content-Length {value:?} in WARC header"))?;
                has_length = true;
            }
        }
        if !has_length {
            return Err("WARC record header has no Content-Length".to_owned());
        }
        Ok(h)
    }

    fn role(&self) -> Role {
        match self.kind.as_str() {
            "response" => Role::Response,
            // Crawlers store their own files as resources too (wget: `metadata://...`).
            "resource" if self.url.as_deref().is_some_and(|u| !is_web_url(u)) => Role::Skip,
            "resource" => Role::Resource,
            "conversion" => Role::Conversion,
            _ => Role::Skip,
        }
    }
}

/// Whether a URL names a web page (or has no scheme), rather than a crawler's own file.
fn is_web_url(url: &str) -> bool {
    match url.split_once(':') {
        Some((scheme, _))
            if scheme.bytes().all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b)) =>
        {
            ["http", "https", "ftp", "file"].iter().any(|s| scheme.eq_ignore_ascii_case(s))
        }
        _ => true,
    }
}

/// A page from a payload with a MIME type (a `resource` record or an HTTP body).
fn page_from_payload(input: String, header: RecordHeader, bytes: Vec<u8>) -> Entry {
    let (mime, charset) = parse_content_type(header.content_type.as_deref());
    payload_entry(input, header.url, &mime, charset, bytes)
}

fn payload_entry(
    input: String,
    url: Option<String>,
    mime: &str,
    charset: Option<String>,
    bytes: Vec<u8>,
) -> Entry {
    if bytes.is_empty() {
        return Entry::Skipped(SkipReason::Empty);
    }
    let format = match mime {
        "" => None,
        "text/html" | "application/xhtml+xml" => Some(Format::Html),
        "text/plain" => Some(Format::Text),
        _ => return Entry::Skipped(SkipReason::ContentType),
    };
    Entry::Page(Page { input, url, http_charset: charset, format, bytes })
}

/// A page from the HTTP response in a `response` record's block.
fn page_from_response(input: String, header: RecordHeader, block: &[u8], max: usize) -> Entry {
    if !block.starts_with(b"HTTP/") {
        // Some writers store the payload alone.
        return page_from_payload(input, header, block.to_vec());
    }
    let url = header.url;
    let Some(resp) = HttpResponse::parse(block) else {
        return Entry::Error(
            PageError::new(input, ErrorKind::Malformed, "malformed HTTP response header")
                .with_url(url),
        );
    };
    if !(200..300).contains(&resp.status) {
        return Entry::Skipped(SkipReason::HttpStatus);
    }
    let (mime, charset) = parse_content_type(resp.content_type.as_deref());
    if !matches!(mime.as_str(), "" | "text/html" | "application/xhtml+xml" | "text/plain") {
        return Entry::Skipped(SkipReason::ContentType);
    }
    let mut body = block.get(resp.body_start..).unwrap_or_default().to_vec();
    if resp.chunked
        && let Some(b) = dechunk(&body)
    {
        body = b;
    }
    match resp.content_encoding.as_deref().map(str::to_ascii_lowercase).as_deref() {
        None | Some("" | "identity") => {}
        Some("gzip" | "x-gzip" | "deflate") if !looks_compressed(&body) => {
            // Already decoded by the crawler, which kept the header.
        }
        Some(enc @ ("gzip" | "x-gzip" | "deflate")) => match inflate(&body, enc, max) {
            Ok(b) => body = b,
            Err(e) => {
                let kind = if e.kind() == io::ErrorKind::FileTooLarge {
                    ErrorKind::TooLarge
                } else {
                    ErrorKind::Undecodable
                };
                return Entry::Error(
                    PageError::new(input, kind, format!("content-encoding {enc}: {e}"))
                        .with_url(url),
                );
            }
        },
        Some(other) => {
            return Entry::Error(
                PageError::new(
                    input,
                    ErrorKind::Undecodable,
                    format!("unsupported content-encoding {other}"),
                )
                .with_url(url),
            );
        }
    }
    payload_entry(input, url, &mime, charset, body)
}

/// The parts of an HTTP response header we use.
#[derive(Debug, Default)]
struct HttpResponse {
    status: u16,
    content_type: Option<String>,
    content_encoding: Option<String>,
    chunked: bool,
    body_start: usize,
}

impl HttpResponse {
    fn parse(block: &[u8]) -> Option<Self> {
        let mut headers = [httparse::EMPTY_HEADER; 96];
        let mut resp = httparse::Response::new(&mut headers);
        let parsed = httparse::ParserConfig::default()
            .allow_spaces_after_header_name_in_responses(true)
            .allow_obsolete_multiline_headers_in_responses(true)
            .allow_multiple_spaces_in_response_status_delimiters(true)
            .ignore_invalid_headers_in_responses(true)
            .parse_response(&mut resp, block);
        if let Ok(httparse::Status::Complete(body_start)) = parsed {
            let mut r = HttpResponse {
                status: resp.code.unwrap_or(0),
                body_start,
                ..HttpResponse::default()
            };
            for h in resp.headers.iter() {
                r.header(h.name, h.value);
            }
            return Some(r);
        }
        Self::parse_loosely(block)
    }

    /// A fallback for headers httparse refuses (too many, odd bytes): lines up to the first
    /// blank line.
    fn parse_loosely(block: &[u8]) -> Option<Self> {
        let (head_end, body_start) = find(block, b"\r\n\r\n")
            .map(|p| (p, p + 4))
            .or_else(|| find(block, b"\n\n").map(|p| (p, p + 2)))?;
        let head = block.get(..head_end)?;
        let mut lines = head.split(|&b| b == b'\n');
        let status_line = String::from_utf8_lossy(lines.next()?);
        let status = status_line.split_whitespace().nth(1)?.parse().ok()?;
        let mut r = HttpResponse { status, body_start, ..HttpResponse::default() };
        for line in lines {
            if let Some(colon) = line.iter().position(|&b| b == b':') {
                let name = String::from_utf8_lossy(line.get(..colon).unwrap_or_default());
                r.header(name.trim(), line.get(colon + 1..).unwrap_or_default());
            }
        }
        Some(r)
    }

    fn header(&mut self, name: &str, value: &[u8]) {
        let value = || String::from_utf8_lossy(value).trim().to_owned();
        if name.eq_ignore_ascii_case("content-type") {
            self.content_type = Some(value());
        } else if name.eq_ignore_ascii_case("content-encoding") {
            self.content_encoding = Some(value());
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            self.chunked = value().to_ascii_lowercase().contains("chunked");
        }
    }
}

/// The MIME type (lowercase, without parameters) and the charset of a `Content-Type` value.
pub(super) fn parse_content_type(value: Option<&str>) -> (String, Option<String>) {
    let Some(value) = value else {
        return (String::new(), None);
    };
    let mut parts = value.split(';');
    let mime = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        if !k.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let v = v.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        (!v.is_empty()).then(|| v.to_owned())
    });
    (mime, charset)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Decodes a chunked transfer-encoded body; `None` when it is not well-formed.
fn dechunk(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let eol = rest.iter().position(|&b| b == b'\n')?;
        let line = String::from_utf8_lossy(rest.get(..eol)?);
        let size_text = line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        rest = rest.get(eol + 1..)?;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size..)?;
        rest = rest.strip_prefix(b"\r").unwrap_or(rest);
        rest = rest.strip_prefix(b"\n").unwrap_or(rest);
        if rest.is_empty() {
            return Some(out);
        }
    }
}

/// Whether a body starts like gzip or zlib data.
fn looks_compressed(body: &[u8]) -> bool {
    match body {
        [0x1f, 0x8b, ..] => true,
        [cmf, flg, ..] => cmf & 0x0f == 8 && (u16::from(*cmf) << 8 | u16::from(*flg)) % 31 == 0,
        _ => false,
    }
}

/// Inflates a gzip, zlib or raw deflate body, refusing output over `max` bytes.
fn inflate(body: &[u8], encoding: &str, max: usize) -> io::Result<Vec<u8>> {
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    let mut out = Vec::new();
    let result = if body.starts_with(&[0x1f, 0x8b]) || encoding != "deflate" {
        flate2::read::MultiGzDecoder::new(body).take(limit).read_to_end(&mut out)
    } else {
        flate2::read::ZlibDecoder::new(body).take(limit).read_to_end(&mut out).or_else(|_| {
            out.clear();
            flate2::read::DeflateDecoder::new(body).take(limit).read_to_end(&mut out)
        })
    };
    result?;
    if out.len() > max {
        return Err(io::Error::new(
            io::ErrorKind::FileTooLarge,
            format!("decompressed body exceeds the limit of {max} bytes"),
        ));
    }
    Ok(out)
}

/// Appends one line (through `\n`) to `buf`, reading at most `limit` bytes. Returns the
/// bytes read and whether the line ended within the limit.
pub(super) fn read_line_limited<R: BufRead>(
    r: &mut R,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<(usize, bool)> {
    let mut n = 0;
    loop {
        let avail = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok((n, false));
        }
        let room = limit - n;
        let window = avail.get(..room.min(avail.len())).unwrap_or_default();
        if let Some(p) = window.iter().position(|&b| b == b'\n') {
            buf.extend_from_slice(window.get(..=p).unwrap_or_default());
            r.consume(p + 1);
            return Ok((n + p + 1, true));
        }
        let take = window.len();
        buf.extend_from_slice(window);
        r.consume(take);
        n += take;
        if n >= limit {
            return Ok((n, false));
        }
    }
}

/// Discards the rest of a line, however long.
pub(super) fn skip_line<R: BufRead>(r: &mut R) -> io::Result<()> {
    loop {
        let avail = r.fill_buf()?;
        if avail.is_empty() {
            return Ok(());
        }
        if let Some(p) = avail.iter().position(|&b| b == b'\n') {
            r.consume(p + 1);
            return Ok(());
        }
        let n = avail.len();
        r.consume(n);
    }
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::BufReader;

    fn record(kind: &str, url: Option<&str>, content_type: &str, block: &[u8]) -> Vec<u8> {
        let uri = url.map(|u| format!("WARC-Target-URI: {u}\r\n")).unwrap_or_default();
        let mut v = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\n{uri}Content-Type: {content_type}\r\n\
             Content-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        v.extend_from_slice(block);
        v.extend_from_slice(b"\r\n\r\n");
        v
    }

    fn entries(bytes: &[u8]) -> Vec<Entry> {
        WarcReader::new(BufReader::new(bytes), "t.warc", 1000).collect()
    }

    fn page(e: &Entry) -> &Page {
        match e {
            Entry::Page(p) => p,
            other => panic!("not a page: {other:?}"),
        }
    }

    fn error(e: &Entry) -> &PageError {
        match e {
            Entry::Error(p) => p,
            other => panic!("not an error: {other:?}"),
        }
    }

    #[test]
    fn response_record_splits_http_headers_from_body() {
        let http =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"GBK\"\r\n\r\n<p>\xd2\xdf</p>";
        let data = record("response", Some("<http://a.gov.cn/1.html>"), "application/http", http);
        let es = entries(&data);
        assert_eq!(es.len(), 1);
        let p = page(&es[0]);
        assert_eq!(p.input, "http://a.gov.cn/1.html");
        assert_eq!(p.url.as_deref(), Some("http://a.gov.cn/1.html"));
        assert_eq!(p.http_charset.as_deref(), Some("GBK"));
        assert_eq!(p.format, Some(Format::Html));
        assert_eq!(p.bytes, b"<p>\xd2\xdf</p>");
    }

    #[test]
    fn non_pages_are_skipped_with_a_reason() {
        let mut data = record("warcinfo", None, "application/warc-fields", b"software: x\r\n");
        data.extend(record(
            "request",
            Some("http://a.cn/"),
            "application/http",
            b"GET / HTTP/1.1\r\n\r\n",
        ));
        data.extend(record(
            "response",
            Some("http://a.cn/"),
            "application/http",
            b"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n",
        ));
        data.extend(record(
            "response",
            Some("http://a.cn/i.png"),
            "application/http",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
        ));
        let es = entries(&data);
        assert_eq!(
            es,
            vec![
                Entry::Skipped(SkipReason::RecordType),
                Entry::Skipped(SkipReason::RecordType),
                Entry::Skipped(SkipReason::HttpStatus),
                Entry::Skipped(SkipReason::ContentType),
            ]
        );
    }

    #[test]
    fn conversion_record_is_a_text_page() {
        let data =
            record("conversion", Some("http://b.cn/"), "text/plain", "通知\n正文".as_bytes());
        let es = entries(&data);
        let p = page(&es[0]);
        assert_eq!(p.format, Some(Format::Text));
        assert_eq!(p.http_charset.as_deref(), Some("utf-8"));
    }

    #[test]
    fn malformed_header_then_resync() {
        let mut data =
            b"WARC/1.0\r\nWARC-Type response\r\nbroken\r\n\r\nbody junk\r\n\r\n".to_vec();
        data.extend(record("resource", Some("http://c.cn/"), "text/html", b"<p>x</p>"));
        let es = entries(&data);
        assert_eq!(es.len(), 2, "{es:?}");
        let e = error(&es[0]);
        assert_eq!((e.input.as_str(), e.kind), ("t.warc#1", ErrorKind::Malformed));
        assert_eq!(page(&es[1]).input, "http://c.cn/");
    }

    #[test]
    fn garbage_before_first_record_is_one_error() {
        let mut data = b"\x00\x01garbage line\nmore\n".to_vec();
        data.extend(record("resource", None, "text/plain", b"text"));
        let es = entries(&data);
        assert_eq!(es.len(), 2, "{es:?}");
        assert_eq!(error(&es[0]).kind, ErrorKind::Malformed);
        assert_eq!(page(&es[1]).input, "t.warc#2");
    }

    #[test]
    fn oversized_body_is_skipped_unread() {
        let big = vec![b'a'; 5000];
        let mut data = record("resource", Some("http://big.cn/"), "text/html", &big);
        data.extend(record("resource", Some("http://small.cn/"), "text/html", b"<p>ok</p>"));
        let es = entries(&data);
        let e = error(&es[0]);
        assert_eq!((e.input.as_str(), e.kind), ("http://big.cn/", ErrorKind::TooLarge));
        assert_eq!(page(&es[1]).input, "http://small.cn/");
    }

    #[test]
    fn truncated_body() {
        let data = record("resource", Some("http://t.cn/"), "text/html", b"<p>0123456789</p>");
        let es = entries(&data[..data.len() - 10]);
        assert_eq!(es.len(), 1);
        assert_eq!(error(&es[0]).kind, ErrorKind::Truncated);
    }

    #[test]
    fn chunked_and_gzip_bodies_are_decoded() {
        use flate2::write::GzEncoder;
        use std::io::Write;
        let mut enc = GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(b"<p>hello</p>").unwrap();
        let gz = enc.finish().unwrap();
        let mut http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
        http.extend(format!("{:x}\r\n", gz.len()).as_bytes());
        http.extend(&gz);
        http.extend(b"\r\n0\r\n\r\n");
        let data = record("response", Some("http://g.cn/"), "application/http", &http);
        let es = entries(&data);
        assert_eq!(page(&es[0]).bytes, b"<p>hello</p>");
    }

    #[test]
    fn crawler_metadata_resources_are_skipped() {
        let mut data = record(
            "resource",
            Some("metadata://gnu.org/software/wget/warc/wget_arguments.txt"),
            "text/plain",
            b"\"-q\"",
        );
        data.extend(record("resource", Some("https://d.cn/a"), "text/plain", b"text"));
        let es = entries(&data);
        assert_eq!(es[0], Entry::Skipped(SkipReason::RecordType));
        assert_eq!(page(&es[1]).input, "https://d.cn/a");
    }

    #[test]
    fn content_type_parts() {
        assert_eq!(
            parse_content_type(Some("Text/HTML ; Charset = 'gb2312'")),
            ("text/html".to_owned(), Some("gb2312".to_owned()))
        );
        assert_eq!(parse_content_type(Some("text/plain")), ("text/plain".to_owned(), None));
        assert_eq!(parse_content_type(None), (String::new(), None));
    }

    #[test]
    fn lf_only_records_are_read() {
        let data = b"WARC/1.0\nWARC-Type: resource\nContent-Type: text/plain\nContent-Length: 4\n\ntext\n\n";
        let es = entries(data);
        assert_eq!(page(&es[0]).bytes, b"text");
    }
}
