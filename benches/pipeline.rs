//! The whole pipeline per page (decode, boilerplate, normalization, entities, directive) on
//! the bundled pages: an HTML government notice (GBK), an HTML Taiwan news page (Big5, kept
//! in Traditional and analysed on a Simplified shadow) and the four plain-text sample pages.
//!
//! `cargo bench --bench pipeline`. Throughput is in bytes of input; pages/s is the element
//! rate criterion prints beside it (one page per iteration).
#![allow(missing_docs, clippy::unwrap_used)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use zhengling::{Hints, Pipeline};

const PAGES: &[(&str, &[u8])] = &[
    ("html_gov_notice_gbk", include_bytes!("../fixtures/pages/gov_notice_gbk.html")),
    ("html_taiwan_news_big5", include_bytes!("../fixtures/pages/taiwan_news_big5.html")),
    ("text_notice", include_bytes!("../fixtures/seeds/000_0257167afdc2efc9.txt")),
    ("text_meeting", include_bytes!("../fixtures/seeds/001_72c21c55ea8088ed.txt")),
    ("text_spam_mirror_traditional", include_bytes!("../fixtures/seeds/002_dcda5fef2aab2d35.txt")),
    ("text_meeting_relay", include_bytes!("../fixtures/seeds/003_fb0bf7de848ec45d.txt")),
];

fn bench(c: &mut Criterion) {
    let pipeline = Pipeline::new().unwrap();
    let mut g = c.benchmark_group("pipeline");
    g.measurement_time(Duration::from_secs(3)).sample_size(20);
    for (name, bytes) in PAGES {
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_function(*name, |b| {
            b.iter(|| pipeline.process(black_box(bytes), &Hints::default()).unwrap());
        });
    }
    g.finish();
    let mut g = c.benchmark_group("pipeline_pages");
    g.measurement_time(Duration::from_secs(3)).sample_size(20);
    g.throughput(Throughput::Elements(1));
    g.bench_function("html_gov_notice_gbk", |b| {
        b.iter(|| pipeline.process(black_box(PAGES[0].1), &Hints::default()).unwrap());
    });
    g.finish();
    c.bench_function("pipeline_build", |b| b.iter(|| Pipeline::new().unwrap()));
}

criterion_group!(benches, bench);
criterion_main!(benches);
