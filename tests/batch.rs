//! End-to-end tests of `zhengling::batch`: crawls in every supported shape, every failure
//! accounted for, output in input order.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use flate2::Compression;
use flate2::write::GzEncoder;
use serde_json::Value;
use zhengling::batch::{
    self, Entry, ErrorKind, JsonLines, MEASURE_COLUMNS, MeasuresCsv, Options, Page, SkipReason,
    Source, Summary, Tee,
};
use zhengling::{Pipeline, Record};

fn pipeline() -> Arc<Pipeline> {
    static P: OnceLock<Arc<Pipeline>> = OnceLock::new();
    Arc::clone(P.get_or_init(|| Arc::new(Pipeline::new().unwrap())))
}

/// A fresh directory under the system temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let p = std::env::temp_dir().join(format!("zhengling-batch-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.0.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
        p
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// One WARC record.
fn warc_record(kind: &str, url: Option<&str>, content_type: &str, block: &[u8]) -> Vec<u8> {
    let uri = url.map(|u| format!("WARC-Target-URI: {u}\r\n")).unwrap_or_default();
    let mut v = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Date: 2022-10-08T02:10:06Z\r\n\
         WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n{uri}\
         Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    v.extend_from_slice(block);
    v.extend_from_slice(b"\r\n\r\n");
    v
}

fn http(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
    let mut v = format!("HTTP/1.1 {status}\r\n{headers}\r\n").into_bytes();
    v.extend_from_slice(body);
    v
}

fn response(url: &str, http_block: &[u8]) -> Vec<u8> {
    warc_record("response", Some(url), "application/http; msgtype=response", http_block)
}

const NOTICE_HTML: &str = "<html><head><meta charset=\"gbk\"><title>关于进一步做好疫情防控工作的通知</title></head>\
    <body><div class=\"nav\">首页 | 政务公开</div><h1>关于进一步做好疫情防控工作的通知</h1>\
    <p>各区县要严格落实核酸检测、健康监测等措施。</p></body></html>";

fn gbk(s: &str) -> Vec<u8> {
    encoding_rs::GBK.encode(s).0.into_owned()
}

/// Runs sources and returns the parsed output lines and the summary.
fn run_json(sources: Vec<Source>, options: &Options) -> (Vec<Value>, Summary) {
    let mut out = JsonLines::new(Vec::new());
    let summary = batch::run(sources, pipeline(), options, &mut out).unwrap();
    let text = String::from_utf8(out.into_inner()).unwrap();
    let lines = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (lines, summary)
}

fn inputs(lines: &[Value]) -> Vec<&str> {
    lines.iter().map(|l| l["input"].as_str().unwrap()).collect()
}

/// The error kind named in an error line (`INPUT: KIND: MESSAGE`), `None` for a record.
fn kind_of(line: &Value) -> Option<String> {
    let input = line["input"].as_str().unwrap();
    let e = line.get("error")?.as_str()?;
    let rest = e.strip_prefix(input)?.strip_prefix(": ")?;
    let kind = rest.split(": ").next()?.to_owned();
    assert_eq!(line["error_kind"].as_str(), Some(kind.as_str()), "error_kind of {line}");
    Some(kind)
}

fn kinds(lines: &[Value]) -> Vec<Option<String>> {
    lines.iter().map(kind_of).collect()
}

#[allow(clippy::unnecessary_wraps)]
fn some(s: &str) -> Option<String> {
    Some(s.to_owned())
}

fn assert_accounted(summary: &Summary, lines: &[Value]) {
    assert_eq!(summary.pages_in, lines.len() as u64);
    assert_eq!(summary.records_out, lines.len() as u64);
    assert_eq!(summary.ok + summary.error_count(), summary.records_out);
    let errors = lines.iter().filter(|l| l.get("error").is_some()).count() as u64;
    assert_eq!(summary.error_count(), errors);
}

fn options(threads: usize, max_bytes: usize) -> Options {
    let mut o = Options::default().with_threads(threads);
    o.max_bytes = max_bytes;
    o
}

/// A gzipped WARC crawl of eleven records in ten members: a warcinfo, a request and the GBK
/// page it fetched, a redirect, an image, a resource without URL, an oversized page, binary
/// garbage served as HTML, a corrupt member, a good page after it, a truncated last member.
fn messy_crawl() -> Vec<u8> {
    let mut members: Vec<Vec<u8>> = Vec::new();
    // 1: warcinfo (skipped).
    members.push(gz(&warc_record("warcinfo", None, "application/warc-fields", b"software: t\r\n")));
    // 2+3 in one member: request (skipped) and the GBK page it fetched.
    let mut two = warc_record(
        "request",
        Some("http://www.a.gov.cn/1.html"),
        "application/http; msgtype=request",
        b"GET /1.html HTTP/1.1\r\nHost: www.a.gov.cn\r\n\r\n",
    );
    two.extend(response(
        "http://www.a.gov.cn/1.html",
        &http("200 OK", "Content-Type: text/html; charset=GBK\r\n", &gbk(NOTICE_HTML)),
    ));
    members.push(gz(&two));
    // 4: a redirect (skipped), 5: an image (skipped).
    members.push(gz(&response(
        "http://www.a.gov.cn/old",
        &http("301 Moved", "Location: /1.html\r\n", b""),
    )));
    members.push(gz(&response(
        "http://www.a.gov.cn/logo.png",
        &http("200 OK", "Content-Type: image/png\r\n", b"\x89PNG\r\n\x1a\n"),
    )));
    // 6: a resource record without URL.
    members.push(gz(&warc_record(
        "resource",
        None,
        "text/plain; charset=utf-8",
        "通知\n\n正文。".as_bytes(),
    )));
    // 7: an oversized page.
    let big = format!("<html><body>{}</body></html>", "<p>大</p>".repeat(20_000));
    members.push(gz(&response(
        "http://www.a.gov.cn/big.html",
        &http("200 OK", "Content-Type: text/html\r\n", big.as_bytes()),
    )));
    // 8: binary garbage served as HTML.
    let garbage: Vec<u8> = (0..3000u32).map(|i| (i * 7919 % 251).to_le_bytes()[0]).collect();
    members.push(gz(&response(
        "http://www.a.gov.cn/garbage.html",
        &http("200 OK", "Content-Type: text/html\r\n", &garbage),
    )));
    // 9: a corrupt member.
    let mut bad = gz(&response(
        "http://www.a.gov.cn/corrupt.html",
        &http(
            "200 OK",
            "Content-Type: text/html\r\n",
            "<p>损坏的记录，内容足够长以覆盖压缩数据。</p>".repeat(20).as_bytes(),
        ),
    ));
    let n = bad.len();
    for b in bad.iter_mut().take(n - 20).skip(20) {
        *b = b.wrapping_mul(31).wrapping_add(7);
    }
    members.push(bad);
    // 10: a good page after the corruption.
    members.push(gz(&response(
        "http://www.a.gov.cn/2.html",
        &http("200 OK", "Content-Type: text/html; charset=utf-8\r\n", NOTICE_HTML.as_bytes()),
    )));
    // 11: a truncated last member.
    let last = gz(&response(
        "http://www.a.gov.cn/3.html",
        &http(
            "200 OK",
            "Content-Type: text/html\r\n",
            "<p>最后一页，被截断。</p>".repeat(50).as_bytes(),
        ),
    ));
    members.push(last[..last.len() * 2 / 3].to_vec());
    members.concat()
}

#[test]
fn warc_gz_every_record_accounted_for() {
    let dir = TempDir::new("warc");
    let path = dir.write("crawl.warc.gz", &messy_crawl());

    let (lines, summary) = run_json(vec![Source::from_path(&path)], &options(2, 64 << 10));
    let name = path.display().to_string();
    let resource_name = format!("{name}#6");
    assert_eq!(
        inputs(&lines),
        [
            "http://www.a.gov.cn/1.html",
            resource_name.as_str(),
            "http://www.a.gov.cn/big.html",
            "http://www.a.gov.cn/garbage.html",
            lines[4]["input"].as_str().unwrap(),
            "http://www.a.gov.cn/2.html",
            lines[6]["input"].as_str().unwrap(),
        ]
    );
    assert_eq!(
        kinds(&lines),
        [
            None,
            None,
            some("too-large"),
            some("undecodable"),
            some("malformed"),
            None,
            some("truncated")
        ]
    );
    // The corrupt member lost its header, so the error is named by the record number.
    assert!(lines[4]["input"].as_str().unwrap().starts_with(&format!("{name}#")));
    assert_eq!(lines[0]["url"], "http://www.a.gov.cn/1.html");
    assert_eq!(lines[1]["format"], "text");
    assert_eq!(lines[2]["url"], "http://www.a.gov.cn/big.html");
    assert_accounted(&summary, &lines);
    assert_eq!(summary.ok, 3);
    assert_eq!(summary.errors_of(ErrorKind::TooLarge), 1);
    assert_eq!(summary.errors_of(ErrorKind::Undecodable), 1);
    assert_eq!(summary.errors_of(ErrorKind::Malformed), 1);
    assert_eq!(summary.errors_of(ErrorKind::Truncated), 1);
    assert_eq!(summary.skipped[&SkipReason::RecordType], 2);
    assert_eq!(summary.skipped[&SkipReason::HttpStatus], 1);
    assert_eq!(summary.skipped[&SkipReason::ContentType], 1);
}

#[test]
fn gbk_page_in_warc_reaches_the_pipeline_with_its_charset() {
    let entries: Vec<Entry> = batch::WarcReader::new(
        &response(
            "http://www.a.gov.cn/1.html",
            &http("200 OK", "Content-Type: text/html; charset=GBK\r\n", &gbk(NOTICE_HTML)),
        )[..],
        "x.warc",
        1 << 20,
    )
    .collect();
    let [Entry::Page(p)] = entries.as_slice() else { panic!("{entries:?}") };
    assert_eq!(p.http_charset.as_deref(), Some("GBK"));
    assert_eq!(p.bytes, gbk(NOTICE_HTML));
}

#[test]
fn wet_gz_records_are_text_pages() {
    let dir = TempDir::new("wet");
    let mut data =
        gz(&warc_record("warcinfo", None, "application/warc-fields", b"isPartOf: t\r\n"));
    let pages = [
        ("http://www.b.gov.cn/a.html", "关于做好疫情防控工作的通告\n各小区实行封闭管理。"),
        ("http://www.b.gov.cn/b.html", "第二页\n正文"),
        ("http://www.b.gov.cn/c.html", "第三页\n正文"),
    ];
    // Two records in the first member, one in the second.
    let mut first = Vec::new();
    for (url, text) in &pages[..2] {
        first.extend(warc_record("conversion", Some(url), "text/plain", text.as_bytes()));
    }
    data.extend(gz(&first));
    data.extend(gz(&warc_record(
        "conversion",
        Some(pages[2].0),
        "text/plain",
        pages[2].1.as_bytes(),
    )));
    let path = dir.write("CC-MAIN-x.warc.wet.gz", &data);
    let (lines, summary) = run_json(vec![Source::from_path(&path)], &options(2, 1 << 20));
    assert_eq!(inputs(&lines), pages.map(|(u, _)| u));
    assert!(lines.iter().all(|l| l["format"] == "text" && l.get("error").is_none()));
    assert_accounted(&summary, &lines);
    assert_eq!(summary.skipped_count(), 1);
}

#[test]
fn plain_warc_and_jsonl_with_broken_lines() {
    let dir = TempDir::new("jsonl");
    let jsonl = [
        r#"{"url": "http://c.gov.cn/1", "html": "<html><body><h1>通知</h1><p>正文。</p></body></html>", "headers": {"Content-Type": "text/html; charset=gbk"}}"#,
        r#"{"url": "http://c.gov.cn/2", "html": "<p>未闭合"#,
        "",
        "\u{0}\u{1}\u{2} binary garbage",
        r#"{"text": "没有网址的文本页\n\n正文。"}"#,
        r#"{"url": "http://c.gov.cn/5", "headers": {}}"#,
        r#"{"url": "http://c.gov.cn/6", "text": "最后一行没有换行"}"#,
    ]
    .join("\n");
    let jsonl_path = dir.write("pages.jsonl", jsonl.as_bytes());
    let gz_path = dir.write("pages.jsonl.gz", &gz(jsonl.as_bytes()));
    let warc_path = dir.write(
        "plain.warc",
        &warc_record("resource", Some("http://c.gov.cn/w"), "text/html", NOTICE_HTML.as_bytes()),
    );
    let sources = vec![
        Source::from_path(&jsonl_path),
        Source::from_path(&warc_path),
        Source::from_path(&gz_path),
    ];
    let (lines, summary) = run_json(sources, &options(3, 1 << 20));
    let j = jsonl_path.display().to_string();
    let g = gz_path.display().to_string();
    let expect_inputs = |f: &str| {
        vec![
            "http://c.gov.cn/1".to_owned(),
            format!("{f}#2"),
            format!("{f}#4"),
            format!("{f}#5"),
            "http://c.gov.cn/5".to_owned(),
            "http://c.gov.cn/6".to_owned(),
        ]
    };
    let mut expected = expect_inputs(&j);
    expected.push("http://c.gov.cn/w".to_owned());
    expected.extend(expect_inputs(&g));
    assert_eq!(inputs(&lines), expected);
    let file_kinds = [None, some("malformed"), some("malformed"), None, some("malformed"), None];
    let mut expected_kinds = file_kinds.to_vec();
    expected_kinds.push(None);
    expected_kinds.extend(file_kinds);
    assert_eq!(kinds(&lines), expected_kinds);
    assert_eq!(lines[3]["format"], "text");
    assert_eq!(lines[0]["encoding"], "UTF-8");
    assert_accounted(&summary, &lines);
    assert_eq!(summary.errors_of(ErrorKind::Malformed), 6);
    assert_eq!(summary.skipped[&SkipReason::BlankLine], 2);
}

#[test]
fn directory_walk_in_name_order() {
    let dir = TempDir::new("dir");
    dir.write("b/2.htm", NOTICE_HTML.as_bytes());
    dir.write("a.html", NOTICE_HTML.as_bytes());
    dir.write("b/1.txt", "通知\n\n正文。".as_bytes());
    dir.write("b/style.css", b"body { color: red }");
    dir.write("c/image.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    dir.write("c/more.jsonl", br#"{"url": "http://d.gov.cn/x", "text": "x"}"#);
    dir.write("d/huge.shtml", "<p>大</p>".repeat(1000).as_bytes());
    let (lines, summary) = run_json(vec![Source::from_path(&dir.0)], &options(2, 4096));
    let root = dir.0.display().to_string();
    let p = |s: &str| format!("{root}/{s}");
    assert_eq!(
        inputs(&lines),
        [
            p("a.html").as_str(),
            &p("b/1.txt"),
            &p("b/2.htm"),
            &p("c/image.html"),
            "http://d.gov.cn/x",
            &p("d/huge.shtml")
        ]
    );
    assert_eq!(kinds(&lines), [None, None, None, some("undecodable"), None, some("too-large")]);
    assert_accounted(&summary, &lines);
}

#[test]
fn missing_files_yield_read_errors_in_place() {
    let dir = TempDir::new("missing");
    let a = dir.write("a.txt", "通知\n\n正文。".as_bytes());
    let sources = vec![
        Source::from_path("/nonexistent/zhengling/x.html"),
        Source::from_path(&a),
        Source::from_path("/nonexistent/zhengling/y.warc.gz"),
    ];
    let (lines, summary) = run_json(sources, &options(2, 1 << 20));
    assert_eq!(
        inputs(&lines),
        ["/nonexistent/zhengling/x.html", a.to_str().unwrap(), "/nonexistent/zhengling/y.warc.gz"]
    );
    assert_eq!(kinds(&lines), [some("read"), None, some("read")]);
    assert_eq!(summary.errors_of(ErrorKind::Read), 2);
}

fn text_record(page: &Page) -> Record {
    Record { input: page.input.clone(), paragraphs: vec!["x".into()], ..Record::default() }
}

#[test]
fn panics_are_caught_per_page() {
    let processor = |page: &Page| -> zhengling::Result<Record> {
        assert!(!page.input.contains("boom"), "page {} exploded", page.input);
        Ok(text_record(page))
    };
    let sources = ["a", "boom-1", "c", "boom-2", "e"].map(|n| Source::page(n, n)).to_vec();
    let mut out = JsonLines::new(Vec::new());
    let summary = batch::run(sources, Arc::new(processor), &options(2, 100), &mut out).unwrap();
    let text = String::from_utf8(out.into_inner()).unwrap();
    let lines: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(inputs(&lines), ["a", "boom-1", "c", "boom-2", "e"]);
    assert_eq!(kinds(&lines), [None, some("panic"), None, some("panic"), None]);
    assert!(lines[1]["error"].as_str().unwrap().contains("page boom-1 exploded"));
    assert_eq!(summary.errors_of(ErrorKind::Panic), 2);
}

#[test]
fn a_page_past_the_time_limit_is_reported_in_place_and_the_run_completes() {
    // The stuck page waits until the test releases it, long after the run.
    let gate = Arc::new(Mutex::new(()));
    let held = gate.lock().unwrap();
    let g = Arc::clone(&gate);
    let processor = move |page: &Page| -> zhengling::Result<Record> {
        if page.input == "stuck" {
            drop(g.lock());
        }
        Ok(text_record(page))
    };
    let names = ["a", "stuck", "c", "d", "e", "f", "g", "h"];
    let sources = names.map(|n| Source::page(n, n)).to_vec();
    let mut o = options(1, 100);
    o.timeout = Some(Duration::from_millis(50));
    let mut out = JsonLines::new(Vec::new());
    let summary = batch::run(sources, Arc::new(processor), &o, &mut out).unwrap();
    drop(held);
    let text = String::from_utf8(out.into_inner()).unwrap();
    let lines: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(inputs(&lines), names);
    let mut expected = vec![None; names.len()];
    expected[1] = some("timeout");
    assert_eq!(kinds(&lines), expected);
    assert_eq!(summary.errors_of(ErrorKind::Timeout), 1);
    assert_eq!(summary.ok, 7);
}

/// Many slow pages: workers left behind on them stay within `max_stuck`, and every page
/// still yields its record, in order, once the slow ones finish.
#[test]
fn workers_left_on_timed_out_pages_are_capped() {
    let (busy, peak) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
    let (b, p) = (Arc::clone(&busy), Arc::clone(&peak));
    let processor = move |page: &Page| -> zhengling::Result<Record> {
        let now = b.fetch_add(1, Ordering::SeqCst) + 1;
        p.fetch_max(now, Ordering::SeqCst);
        if page.input.starts_with("slow") {
            std::thread::sleep(Duration::from_millis(150));
        }
        b.fetch_sub(1, Ordering::SeqCst);
        Ok(text_record(page))
    };
    let names: Vec<String> = (0..12)
        .map(|i| if i % 2 == 0 { format!("slow-{i}") } else { format!("fast-{i}") })
        .collect();
    let sources: Vec<Source> = names.iter().map(|n| Source::page(n.as_str(), n.as_str())).collect();
    let mut o = options(1, 100);
    o.timeout = Some(Duration::from_millis(20));
    o.max_stuck = 2;
    let mut out = JsonLines::new(Vec::new());
    let summary = batch::run(sources, Arc::new(processor), &o, &mut out).unwrap();
    let text = String::from_utf8(out.into_inner()).unwrap();
    let lines: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(inputs(&lines), names.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(summary.errors_of(ErrorKind::Timeout), 6);
    assert_eq!(summary.ok, 6);
    // one live worker plus at most two left behind
    let peak = peak.load(Ordering::SeqCst);
    assert!(peak <= 3, "{peak} pages ran at once");
}

#[test]
fn order_holds_with_uneven_work_on_many_threads() {
    let processor = |page: &Page| -> zhengling::Result<Record> {
        let n: u64 = page.input.parse().unwrap();
        // Uneven work: a few pages spin much longer than the others.
        let spins = if n.is_multiple_of(17) { 200_000 } else { 100 };
        let mut x = n;
        for i in 0..spins {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(i);
        }
        let mut r = text_record(page);
        r.paragraphs = vec![format!("{}", x % 2)];
        Ok(r)
    };
    let sources: Vec<Source> = (0..500).map(|i| Source::page(i.to_string(), "x")).collect();
    let mut out = JsonLines::new(Vec::new());
    let summary = batch::run(sources, Arc::new(processor), &options(4, 100), &mut out).unwrap();
    let text = String::from_utf8(out.into_inner()).unwrap();
    let got: Vec<String> = text
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["input"].as_str().unwrap().to_owned())
        .collect();
    let want: Vec<String> = (0..500).map(|i| i.to_string()).collect();
    assert_eq!(got, want);
    assert_eq!(summary.ok, 500);
}

#[test]
fn reading_stays_within_the_window() {
    // An endless-looking stream: the runner must not read far ahead of what it wrote.
    let pulled = Arc::new(AtomicUsize::new(0));
    let written = Arc::new(AtomicUsize::new(0));
    let max_ahead = Arc::new(AtomicUsize::new(0));
    let (p, w, m) = (Arc::clone(&pulled), Arc::clone(&written), Arc::clone(&max_ahead));
    let entries = (0..3000).map(move |i| {
        let n = p.fetch_add(1, Ordering::SeqCst) + 1;
        m.fetch_max(n - w.load(Ordering::SeqCst), Ordering::SeqCst);
        Entry::Page(Page::new(i.to_string(), vec![b'x'; 1000]))
    });
    let w2 = Arc::clone(&written);
    let mut sink = batch::FnSink(move |_: &Record| {
        w2.fetch_add(1, Ordering::SeqCst);
        Ok(())
    });
    let o = options(2, 1 << 20);
    let processor = |page: &Page| -> zhengling::Result<Record> { Ok(text_record(page)) };
    let summary = batch::run_entries(entries, Arc::new(processor), &o, &mut sink).unwrap();
    assert_eq!(summary.records_out, 3000);
    assert_eq!(pulled.load(Ordering::SeqCst), 3000);
    // At most `window` pages between reading and writing, plus the one being pulled.
    assert!(max_ahead.load(Ordering::SeqCst) <= o.window + 1, "{max_ahead:?} > {}", o.window);
}

#[test]
fn csv_of_measures_has_a_header_and_one_row_per_measure() {
    let measure_record = |page: &Page| -> zhengling::Result<Record> {
        let directive: zhengling_directive::Directive = serde_json::from_value(serde_json::json!({
            "schema": "zhengling.directive/1", "kind": "notice", "issuer": "县指挥部",
            "region": "某县", "phase": null, "meeting": null, "responsibilities": [],
            "risk_zones": [], "statistics": [],
            "items": [{"paragraph": 0, "start": 0, "end": 3, "text": "要做好核酸检测和隔离, 不得聚集",
                "modality": "must", "actor": null, "targets": [],
                "measures": [{"term": "核酸检测", "category": "testing", "oxcgrt": "H2"},
                             {"term": "隔离", "category": "quarantine", "oxcgrt": null}]}]
        }))
        .unwrap();
        Ok(Record {
            input: page.input.clone(),
            url: Some(format!("http://e.gov.cn/{}", page.input)),
            published: Some("2022-11-11".into()),
            directive: Some(directive),
            ..Record::default()
        })
    };
    let sources = vec![Source::page("p1", "x"), Source::page("p2", b"\0\0\0binary".to_vec())];
    let mut sink = Tee(JsonLines::new(Vec::new()), MeasuresCsv::new(Vec::new()));
    batch::run(sources, Arc::new(measure_record), &options(2, 100), &mut sink).unwrap();
    let csv_text = String::from_utf8(sink.1.into_inner().unwrap()).unwrap();
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), MEASURE_COLUMNS);
    let rows: Vec<Vec<String>> =
        reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows[0][..12],
        [
            "p1",
            "http://e.gov.cn/p1",
            "某县",
            "",
            "2022-11-11",
            "县指挥部",
            "notice",
            "testing",
            "H2",
            "核酸检测",
            "must",
            "要做好核酸检测和隔离, 不得聚集"
        ]
    );
    assert_eq!(rows[1][7..10], ["quarantine", "", "隔离"]);
}

#[test]
fn sample_fixtures_run_through_the_real_pipeline() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seeds");
    let (lines, summary) = run_json(vec![Source::from_path(&root)], &options(2, 50 << 20));
    assert_eq!(lines.len(), 4);
    assert!(lines.iter().all(|l| l.get("error").is_none()));
    assert_eq!(summary.ok, 4);
}
