//! Runs the extractor alone on pages: JSON Lines in the output contract's shape, or a
//! throughput measurement.
//!
//! ```text
//! cargo run --release -p zhengling-boilerplate --example extract -- --json page.html ...
//! cargo run --release -p zhengling-boilerplate --example extract -- --bench 5 pages/*.html
//! ```
//!
//! `--parse-only` times the arena parse alone, `--scraper` times scraper's parse plus one
//! walk over the text (the reference the extractor is measured against).
//!
//! Pages are decoded here the simple way (BOM, declared charset, UTF-8, else detection);
//! nothing is normalized, so Traditional pages stay Traditional. The scorer in
//! `shared/eval/score.py` accepts this binary through `--bin`.
#![allow(clippy::print_stdout, clippy::print_stderr, clippy::cast_precision_loss)]

use std::error::Error;
use std::io::Write;
use std::time::Instant;

use zhengling_boilerplate::{Article, ExtractorBuilder, PageHints, detect_format};

/// The charset a page declares in its first 4 KiB (`charset=...` or `encoding="..."`).
fn declared(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = bytes.get(..bytes.len().min(4096)).unwrap_or(bytes);
    let lower: Vec<u8> = head.to_ascii_lowercase();
    for pat in [&b"charset="[..], &b"encoding=\""[..]] {
        if let Some(i) = lower.windows(pat.len()).position(|w| w == pat) {
            let rest = lower.get(i + pat.len()..).unwrap_or(&[]);
            let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
            let end = rest
                .iter()
                .position(|b| !(b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_'))
                .unwrap_or(rest.len());
            let label = rest.get(..end).unwrap_or(&[]);
            let label = if label == b"utf8" { &b"utf-8"[..] } else { label };
            if let Some(e) = encoding_rs::Encoding::for_label(label) {
                return Some(e);
            }
        }
    }
    None
}

fn decode(bytes: &[u8]) -> String {
    if let Some((e, _)) = encoding_rs::Encoding::for_bom(bytes) {
        return e.decode(bytes).0.into_owned();
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_owned();
    }
    let enc = declared(bytes).filter(|e| *e != encoding_rs::UTF_8).unwrap_or_else(|| {
        let mut d = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        d.feed(bytes, true);
        d.guess(None, chardetng::Utf8Detection::Allow)
    });
    // GB2312 and GBK pages decode best as GB18030
    let enc = if enc == encoding_rs::GBK { encoding_rs::GB18030 } else { enc };
    enc.decode(bytes).0.into_owned()
}

fn json(path: &str, a: &Article) -> serde_json::Value {
    serde_json::json!({
        "input": path,
        "title": a.title,
        "published": a.published.map(|d| d.to_string()),
        "site": a.site,
        "source": a.source,
        "author": a.author,
        "url": a.url,
        "paragraphs": a.paragraphs,
        "removed": a.removed.iter().map(|r| serde_json::json!({"text": r.text, "reason": r.reason.as_str()})).collect::<Vec<_>>(),
        "warnings": a.warnings,
    })
}

/// Nanoseconds this thread has spent on a CPU (Linux), so a loaded machine does not skew
/// the measurement; 0 elsewhere.
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|x| x.parse().ok()))
        .unwrap_or(0)
}

fn main() -> Result<(), Box<dyn Error>> {
    let mut bench = None;
    let mut parse_only = false;
    let mut scraper_walk = false;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--json" => {}
            "--parse-only" => parse_only = true,
            "--scraper" => scraper_walk = true,
            "--bench" => bench = Some(args.next().and_then(|n| n.parse().ok()).unwrap_or(3usize)),
            _ => files.push(a),
        }
    }
    let ex = ExtractorBuilder::new().build()?;
    let pages: Vec<(String, String)> = files
        .iter()
        .map(|f| Ok((f.clone(), decode(&std::fs::read(f)?))))
        .collect::<Result<_, std::io::Error>>()?;
    if let Some(rounds) = bench {
        let bytes: usize = pages.iter().map(|(_, p)| p.len()).sum();
        let t = Instant::now();
        let cpu0 = cpu_ns();
        let mut paras = 0usize;
        for _ in 0..rounds {
            for (_, p) in &pages {
                if scraper_walk {
                    // the reference point: scraper's parse and one walk over the text
                    let doc = scraper::Html::parse_document(p);
                    paras += doc.root_element().text().map(str::len).sum::<usize>();
                } else if parse_only {
                    paras += zhengling_boilerplate::bench_internals::parse(p);
                } else {
                    paras +=
                        ex.extract(p, detect_format(p), &PageHints::default())?.paragraphs.len();
                }
            }
        }
        let s = t.elapsed().as_secs_f64();
        let cpu = (cpu_ns().saturating_sub(cpu0)) as f64 / 1e9;
        let n = (pages.len() * rounds) as f64;
        eprintln!(
            "{} pages x {rounds}: wall {:.0} pages/s, {:.1} MB/s; on-CPU {:.0} pages/s, {:.1} MB/s ({paras} paragraphs)",
            pages.len(),
            n / s,
            (bytes * rounds) as f64 / s / 1e6,
            n / cpu,
            (bytes * rounds) as f64 / cpu / 1e6
        );
        return Ok(());
    }
    let out = std::io::stdout();
    let mut out = out.lock();
    for (path, p) in &pages {
        let a = ex.extract(p, detect_format(p), &PageHints::default())?;
        writeln!(out, "{}", json(path, &a))?;
    }
    Ok(())
}
