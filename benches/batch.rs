//! The batch path per page: WARC reading alone, and reading plus the whole pipeline on 1 and
//! 2 worker threads, over an in-memory WARC made from the bundled sample pages.
//!
//! `cargo bench --bench batch`; the 5,000-page corpus run is `scripts/bench_corpus.sh`.
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use zhengling::batch::{self, Entry, FnSink, Options, WarcReader};

const SAMPLES: &[&[u8]] = &[
    include_bytes!("../fixtures/seeds/000_0257167afdc2efc9.txt"),
    include_bytes!("../fixtures/seeds/001_72c21c55ea8088ed.txt"),
    include_bytes!("../fixtures/seeds/002_dcda5fef2aab2d35.txt"),
    include_bytes!("../fixtures/seeds/003_fb0bf7de848ec45d.txt"),
];

/// A WARC of `n` response records cycling through the samples.
fn warc(n: usize) -> (Vec<u8>, u64) {
    let mut out = Vec::new();
    let mut page_bytes = 0;
    for i in 0..n {
        let body = SAMPLES[i % SAMPLES.len()];
        page_bytes += body.len() as u64;
        let mut http =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n".to_vec();
        http.extend_from_slice(body);
        let head = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://www.example.gov.cn/{i}.html\r\n\
             Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            http.len()
        );
        out.extend_from_slice(head.as_bytes());
        out.extend_from_slice(&http);
        out.extend_from_slice(b"\r\n\r\n");
    }
    (out, page_bytes)
}

fn bench(c: &mut Criterion) {
    let (data, page_bytes) = warc(64);
    let mut g = c.benchmark_group("batch");
    g.measurement_time(Duration::from_secs(4)).sample_size(10);
    g.throughput(Throughput::Bytes(page_bytes));
    g.bench_function("read_warc_64_pages", |b| {
        b.iter(|| {
            let n = WarcReader::new(black_box(&data[..]), "bench.warc", 1 << 26)
                .filter(|e| matches!(e, Entry::Page(_)))
                .count();
            assert_eq!(n, 64);
        });
    });
    let pipeline = Arc::new(zhengling::Pipeline::new().unwrap());
    for threads in [1, 2] {
        let options = Options::default().with_threads(threads);
        g.bench_function(format!("run_64_pages_{threads}_threads"), |b| {
            b.iter(|| {
                let entries = WarcReader::new(&data[..], "bench.warc", 1 << 26);
                let mut sink = FnSink(|r: &zhengling::Record| {
                    black_box(r);
                    Ok(())
                });
                let summary =
                    batch::run_entries(entries, Arc::clone(&pipeline), &options, &mut sink)
                        .unwrap();
                assert_eq!(summary.ok, 64);
            });
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
