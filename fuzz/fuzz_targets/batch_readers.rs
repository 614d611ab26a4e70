//! Arbitrary bytes as a WARC file, a gzip stream and JSON Lines: must never panic or hang.
#![no_main]

use std::io::Read;

use libfuzzer_sys::fuzz_target;
use zhengling::batch::{JsonlReader, MultiGzReader, WarcReader};

fuzz_target!(|data: &[u8]| {
    for _ in WarcReader::new(data, "f.warc", 1 << 16).take(10_000) {}
    for _ in JsonlReader::new(data, "f.jsonl", 1 << 16).take(10_000) {}
    let mut gz = MultiGzReader::new(data);
    let mut buf = [0u8; 4096];
    let mut out = 0usize;
    for _ in 0..10_000 {
        match gz.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => out += n,
            Err(_) => {}
        }
        if out > 1 << 24 {
            break;
        }
    }
});
