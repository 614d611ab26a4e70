//! Throughput of the directive rules over paragraph text (the repository's sample pages, split
//! into lines, with the entities `zhengling-entities` finds in them, extracted once outside the
//! timed loop). Reports MB/s of paragraph text.

#![allow(clippy::expect_used)]

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use zhengling_directive::{Document, RulesBuilder};
use zhengling_entities::{Context, ExtractorBuilder, PartialDate};

const PAGES: &[&str] = &[
    include_str!("../../../fixtures/seeds/000_0257167afdc2efc9.txt"),
    include_str!("../../../fixtures/seeds/001_72c21c55ea8088ed.txt"),
    include_str!("../../../fixtures/seeds/002_dcda5fef2aab2d35.txt"),
    include_str!("../../../fixtures/seeds/003_fb0bf7de848ec45d.txt"),
];

fn bench(c: &mut Criterion) {
    let rules = RulesBuilder::new().build().expect("default rules build");
    let pages: Vec<(String, Vec<String>)> = PAGES
        .iter()
        .map(|p| {
            let mut lines = p.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned);
            let title = lines.next().unwrap_or_default();
            (title, lines.collect())
        })
        .collect();
    let extractor = ExtractorBuilder::new().build().expect("default extractor builds");
    let ctx = Context {
        published: Some(PartialDate { year: 2022, month: Some(10), day: Some(8) }),
        region: None,
    };
    let entities: Vec<_> =
        pages.iter().map(|(_, ps)| extractor.extract_document(ps, &ctx)).collect();
    let bytes: usize =
        pages.iter().map(|(t, ps)| t.len() + ps.iter().map(String::len).sum::<usize>()).sum();

    let mut g = c.benchmark_group("directive");
    g.measurement_time(Duration::from_secs(4)).warm_up_time(Duration::from_secs(1)).sample_size(30);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("build/4 sample pages", |b| {
        b.iter(|| {
            for ((title, ps), es) in pages.iter().zip(&entities) {
                let d = rules.build(&Document {
                    title: Some(title),
                    published: Some("2022-10-08"),
                    paragraphs: ps,
                    entities: es,
                    ..Document::default()
                });
                black_box(d);
            }
        });
    });
    // A news page about something else (most of a crawl): no measure, so no item stage.
    let news: Vec<String> = [
        "本报讯（记者 王明）昨日，市图书馆新馆正式对外开放，馆内藏书达到一百二十万册。",
        "新馆位于城东新区，总建筑面积四万平方米，设有少儿阅览区、古籍修复室和数字体验区。",
        "市民张女士带着孩子一早就来到新馆，她说，这里环境好，书也多，以后周末就来这里看书。",
        "据介绍，新馆开放后将举办系列读书活动，首场讲座将于本周六下午举行。",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    let news_entities = extractor.extract_document(&news, &ctx);
    let news_bytes: usize = news.iter().map(String::len).sum();
    g.throughput(Throughput::Bytes(news_bytes as u64));
    g.bench_function("build/news page without measures", |b| {
        b.iter(|| {
            black_box(rules.build(&Document {
                title: Some("市图书馆新馆开放"),
                published: Some("2022-10-08"),
                paragraphs: &news,
                entities: &news_entities,
                ..Document::default()
            }))
        });
    });
    g.finish();
    c.bench_function("rules/build tables", |b| b.iter(|| black_box(RulesBuilder::new().build())));
}

criterion_group!(benches, bench);
criterion_main!(benches);
