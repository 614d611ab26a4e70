//! Throughput of decoding, conversion and whole normalization on a Traditional corpus of
//! at least 10 MB built at bench time from text written for this benchmark.
#![allow(missing_docs, clippy::expect_used)]

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use zhengling_normalize::{
    Converter, DecodeHints, NormalizerBuilder, OpenccConfig, OpenccConverter, ScriptPolicy, decode,
};

/// Traditional paragraphs in the style of a converted mainland notice (written for this
/// benchmark).
const TRADITIONAL: &[&str] = &[
    "為進一步做好新冠肺炎疫情常態化防控工作，切實保障人民群眾生命安全和身體健康，根據國務院聯防聯控機制有關要求，結合本市實際，現將有關事項通知如下。",
    "一、嚴格落實「外防輸入、內防反彈」總策略，堅持「動態清零」總方針，堅決守住不發生規模性疫情的底線。各區縣、各部門要壓實屬地、部門、單位、個人四方責任。",
    "二、對來自國內中高風險地區所在縣（市、區）的返鄉人員，實行三天兩次核酸檢測，並做好健康監測。發現發熱、乾咳、乏力等症狀的，要及時到就近發熱門診就診。",
    "三、加強重點場所管理。商場、超市、賓館、餐館等公共場所要嚴格落實測溫、查驗健康碼、佩戴口罩等防控措施，控制人員密度，保持社交距離，做好環境消殺和通風換氣。",
    "四、穩妥有序推進疫苗接種。各接種單位要合理安排接種時間，優化接種流程，為老年人、殘疾人等特殊群體開闢綠色通道，提供上門接種等便利服務，努力提高接種覆蓋率。",
    "會議強調，當前疫情形勢依然嚴峻複雜，各級黨委和政府要克服麻痺思想、厭戰情緒、僥倖心理和鬆勁心態，以高度的政治責任感和工作緊迫感，慎終如始抓好各項防控措施的落實。",
    "市疫情防控工作領導小組辦公室提醒廣大市民：非必要不出市，非必要不聚集；堅持戴口罩、勤洗手、常通風、一米線等良好衛生習慣，發現異常情況請及時向所在社區報告。",
];

fn corpus(min_bytes: usize) -> String {
    let mut out = String::with_capacity(min_bytes + 4096);
    let mut i = 0usize;
    while out.len() < min_bytes {
        let p = TRADITIONAL[i % TRADITIONAL.len()];
        out.push_str(p);
        // Vary the text a little: dates and counts as on real pages.
        let _ = writeln!(
            out,
            "（{}年{}月{}日，累計{}人）",
            2020 + i % 3,
            1 + i % 12,
            1 + i % 28,
            i * 7
        );
        i += 1;
    }
    out
}

fn benches(c: &mut Criterion) {
    let traditional = corpus(10 * 1024 * 1024);
    let cc = OpenccConverter::new(OpenccConfig::T2s).expect("converter");
    let simplified = cc.convert(&traditional);
    let gbk = encoding_rs::GBK.encode(&traditional).0.into_owned();
    let hints = DecodeHints { http_charset: None, url: Some("http://www.example.gov.cn/a.html") };
    let always = NormalizerBuilder::new()
        .script_policy(ScriptPolicy::Simplified)
        .build()
        .expect("normalizer");
    let auto = NormalizerBuilder::new().build().expect("normalizer");

    let mut g = c.benchmark_group("normalize");
    g.sample_size(10).measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));

    g.throughput(Throughput::Bytes(gbk.len() as u64));
    g.bench_function("decode_gbk_undeclared_10MB", |b| {
        b.iter(|| decode(black_box(&gbk), &hints).text.len());
    });
    g.throughput(Throughput::Bytes(traditional.len() as u64));
    g.bench_function("convert_t2s_traditional_10MB", |b| {
        b.iter(|| cc.to_simplified(black_box(&traditional)).text.len());
    });
    g.bench_function("normalize_traditional_10MB", |b| {
        b.iter(|| always.normalize(black_box(&traditional)).text.len());
    });
    g.throughput(Throughput::Bytes(simplified.len() as u64));
    g.bench_function("normalize_clean_simplified_10MB", |b| {
        b.iter(|| auto.normalize(black_box(&simplified)).text.len());
    });

    // One 60 KB mostly-ASCII HTML page: page-level analysis.
    let mut html = String::from("<html><head><meta charset=utf-8><title>通知</title>");
    while html.len() < 60 * 1024 {
        html.push_str("<div class=\"nav\"><a href=\"/index.html?id=1234&amp;t=5\">首页</a> <script>var x = f(a, b);</script></div>\n");
        if html.len() % 7 == 0 {
            html.push_str("<p>为进一步做好疫情防控工作，现将有关事项通知如下。</p>\n");
        }
    }
    g.throughput(Throughput::Bytes(html.len() as u64));
    g.bench_function("analyze_html_60KB", |b| b.iter(|| auto.analyze(black_box(&html)).script));
    g.finish();
}

criterion_group!(normalize, benches);
criterion_main!(normalize);
