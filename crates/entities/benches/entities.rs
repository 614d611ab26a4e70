//! Throughput of entity extraction on directive-like text (normalized, Simplified).
//!
//! `cargo bench -p zhengling-entities` reports MB/s over ~10 MB of text (a directive-like
//! page, about 2 KB, repeated) split into paragraphs the way the pipeline hands them over.
#![allow(clippy::expect_used)] // a benchmark may stop on a broken build

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use zhengling_entities::{Context, ExtractorBuilder, PartialDate};

const PAGE: &str = include_str!("directive.txt");
const TARGET_BYTES: usize = 10 << 20;

fn bench(c: &mut Criterion) {
    let extractor = ExtractorBuilder::new().build().expect("embedded data loads");
    let ctx = Context {
        published: Some(PartialDate { year: 2022, month: Some(11), day: Some(3) }),
        region: None,
    };
    let page: Vec<&str> = PAGE.lines().filter(|l| !l.trim().is_empty()).collect();
    let page_bytes: usize = page.iter().map(|p| p.len()).sum();
    let repeats = TARGET_BYTES.div_ceil(page_bytes);
    let total = page_bytes * repeats;

    let mut g = c.benchmark_group("entities");
    g.throughput(Throughput::Bytes(total as u64));
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(8));
    g.warm_up_time(Duration::from_secs(1));
    g.bench_function("extract_paragraphs_10MB", |b| {
        b.iter(|| {
            let mut n = 0;
            for _ in 0..repeats {
                for p in &page {
                    n += extractor.extract(black_box(p), &ctx).len();
                }
            }
            n
        });
    });
    g.bench_function("extract_document_10MB", |b| {
        b.iter(|| {
            let mut n = 0;
            for _ in 0..repeats {
                n += extractor
                    .extract_document(black_box(&page), &ctx)
                    .iter()
                    .map(Vec::len)
                    .sum::<usize>();
            }
            n
        });
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
