//! JSON Lines of pages: `{"url": ..., "html" | "text": ..., "headers": {...}}` per line.

use std::io::{self, BufRead};

use serde::Deserialize;

use super::warc::{parse_content_type, read_line_limited, skip_line};
use super::{Entry, ErrorKind, Page, PageError, SkipReason};
use crate::Format;

/// Reads pages from JSON Lines, one object per line:
///
/// ```json
/// {"url": "http://www.example.gov.cn/a.html", "html": "<html>…</html>", "headers": {"Content-Type": "text/html; charset=GBK"}}
/// {"url": "http://www.example.gov.cn/b.html", "text": "标题\n\n正文…"}
/// ```
///
/// `html` makes an HTML page, `text` a plain-text one (`html` wins when both are there);
/// `url` and `headers` are optional (`headers` is an object or a list of `[name, value]`
/// pairs). The strings are already Unicode, so the page is decoded as UTF-8 whatever the
/// headers say; the content type only decides the format when neither field says it.
///
/// A line that is not such an object yields an [`Entry::Error`] named `FILE#LINE` and the
/// reader goes on with the next line. A line longer than `max_bytes` plus 1 MiB of JSON
/// overhead is skipped without being held in memory (`too-large`). Blank lines are
/// [`Entry::Skipped`].
#[derive(Debug)]
pub struct JsonlReader<R> {
    reader: R,
    name: String,
    max_bytes: usize,
    line: u64,
    done: bool,
}

#[derive(Deserialize)]
struct Line {
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    html: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    headers: Option<serde_json::Value>,
}

impl<R: BufRead> JsonlReader<R> {
    /// Reads the lines of the file called `name` from `reader`.
    pub fn new(reader: R, name: impl Into<String>, max_bytes: usize) -> Self {
        JsonlReader { reader, name: name.into(), max_bytes, line: 0, done: false }
    }

    fn line_name(&self) -> String {
        format!("{}#{}", self.name, self.line)
    }

    fn next_entry(&mut self) -> Option<Entry> {
        if self.done {
            return None;
        }
        let limit = self.max_bytes.saturating_add(1 << 20);
        let mut buf = Vec::new();
        let (n, complete) = match read_line_limited(&mut self.reader, &mut buf, limit) {
            Ok(r) => r,
            Err(e) => {
                self.line += 1;
                let kind = match e.kind() {
                    io::ErrorKind::UnexpectedEof => ErrorKind::Truncated,
                    io::ErrorKind::InvalidData => ErrorKind::Malformed,
                    _ => {
                        self.done = true;
                        ErrorKind::Read
                    }
                };
                // Resume at the next line.
                if kind != ErrorKind::Read && skip_line(&mut self.reader).is_err() {
                    self.done = true;
                }
                return Some(Entry::Error(PageError::new(self.line_name(), kind, e.to_string())));
            }
        };
        if n == 0 {
            self.done = true;
            return None;
        }
        self.line += 1;
        if !complete && n >= limit {
            if skip_line(&mut self.reader).is_err() {
                self.done = true;
            }
            return Some(Entry::Error(PageError::new(
                self.line_name(),
                ErrorKind::TooLarge,
                format!("line longer than {limit} bytes"),
            )));
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            return Some(Entry::Skipped(SkipReason::BlankLine));
        }
        Some(self.parse(&buf))
    }

    fn parse(&self, buf: &[u8]) -> Entry {
        let line: Line = match serde_json::from_slice(buf) {
            Ok(l) => l,
            Err(e) => {
                return Entry::Error(PageError::new(
                    self.line_name(),
                    ErrorKind::Malformed,
                    format!("invalid JSON line: {e}"),
                ));
            }
        };
        let url = line.url.filter(|u| !u.trim().is_empty());
        let input = url.clone().unwrap_or_else(|| self.line_name());
        let content_type = line.headers.as_ref().and_then(header_content_type);
        let (mime, _charset) = parse_content_type(content_type.as_deref());
        let (bytes, format) = match (line.html, line.text) {
            (Some(h), _) => (h.into_bytes(), Format::Html),
            (None, Some(t)) => {
                let f = if mime == "text/html" { Format::Html } else { Format::Text };
                (t.into_bytes(), f)
            }
            (None, None) => {
                return Entry::Error(
                    PageError::new(input, ErrorKind::Malformed, "line has no \"html\" or \"text\"")
                        .with_url(url),
                );
            }
        };
        if bytes.len() > self.max_bytes {
            return Entry::Error(
                PageError::new(
                    input,
                    ErrorKind::TooLarge,
                    format!(
                        "page of {} bytes exceeds the limit of {} bytes",
                        bytes.len(),
                        self.max_bytes
                    ),
                )
                .with_url(url),
            );
        }
        Entry::Page(Page {
            input,
            url,
            http_charset: Some("utf-8".to_owned()),
            format: Some(format),
            bytes,
        })
    }
}

/// The `Content-Type` of a `headers` value: an object or a list of `[name, value]` pairs.
fn header_content_type(headers: &serde_json::Value) -> Option<String> {
    let is_ct = |k: &str| k.eq_ignore_ascii_case("content-type");
    match headers {
        serde_json::Value::Object(map) => {
            map.iter().find(|(k, _)| is_ct(k)).and_then(|(_, v)| v.as_str().map(str::to_owned))
        }
        serde_json::Value::Array(pairs) => pairs.iter().find_map(|p| {
            let pair = p.as_array()?;
            let (k, v) = (pair.first()?.as_str()?, pair.get(1)?.as_str()?);
            is_ct(k).then(|| v.to_owned())
        }),
        _ => None,
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        self.next_entry()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(text: &str, max: usize) -> Vec<Entry> {
        JsonlReader::new(text.as_bytes(), "p.jsonl", max).collect()
    }

    #[test]
    fn pages_errors_and_blank_lines() {
        let text = concat!(
            r#"{"url": "http://a.cn/1", "html": "<p>一</p>", "headers": {"content-type": "text/html; charset=gbk"}}"#,
            "\n\n",
            r#"{"url": "http://a.cn/2", "text": "二""#,
            "\n",
            r#"{"text": "三", "headers": [["Content-Type", "text/html"]]}"#,
            "\n",
            r#"{"url": "http://a.cn/4"}"#,
            "\n",
            r#"[1, 2]"#,
        );
        let es = entries(text, 1000);
        assert_eq!(es.len(), 6, "{es:?}");
        let Entry::Page(p) = &es[0] else { panic!("{:?}", es[0]) };
        assert_eq!(p.input, "http://a.cn/1");
        assert_eq!(p.format, Some(Format::Html));
        assert_eq!(p.http_charset.as_deref(), Some("utf-8"));
        assert_eq!(p.bytes, "<p>一</p>".as_bytes());
        assert_eq!(es[1], Entry::Skipped(SkipReason::BlankLine));
        let Entry::Error(e) = &es[2] else { panic!("{:?}", es[2]) };
        assert_eq!((e.input.as_str(), e.kind), ("p.jsonl#3", ErrorKind::Malformed));
        let Entry::Page(p) = &es[3] else { panic!("{:?}", es[3]) };
        assert_eq!((p.input.as_str(), p.format), ("p.jsonl#4", Some(Format::Html)));
        let Entry::Error(e) = &es[4] else { panic!("{:?}", es[4]) };
        assert_eq!((e.input.as_str(), e.kind), ("http://a.cn/4", ErrorKind::Malformed));
        let Entry::Error(e) = &es[5] else { panic!("{:?}", es[5]) };
        assert_eq!((e.input.as_str(), e.kind), ("p.jsonl#6", ErrorKind::Malformed));
    }

    #[test]
    fn long_line_is_too_large_and_reading_goes_on() {
        let long = format!("{{\"text\": \"{}\"}}\n{{\"text\": \"ok\"}}\n", "x".repeat(3 << 20));
        let es = entries(&long, 1000);
        assert_eq!(es.len(), 2, "{es:?}");
        let Entry::Error(e) = &es[0] else { panic!("{:?}", es[0]) };
        assert_eq!((e.input.as_str(), e.kind), ("p.jsonl#1", ErrorKind::TooLarge));
        assert!(matches!(&es[1], Entry::Page(p) if p.bytes == b"ok"));
    }

    #[test]
    fn page_over_the_limit_is_too_large() {
        let es = entries(r#"{"text": "0123456789"}"#, 4);
        let Entry::Error(e) = &es[0] else { panic!("{:?}", es[0]) };
        assert_eq!(e.kind, ErrorKind::TooLarge);
    }
}
