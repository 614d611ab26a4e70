//! Throughput of article extraction, HTML and plain text, in MB/s and pages/s.
//!
//! Inputs: the hand-written pages in `tests/fixtures/`, and news pages generated here to the
//! size and shape of real Chinese news HTML (about 60 KB: inline scripts and styles, a long
//! navigation whose links carry the attributes real ones do (absolute `href`, `target`,
//! `title`, `onclick`, images with `src`, `alt`, sizes and `style`), sidebars of links, a
//! comment block, a footer, an article of 8 to 20 paragraphs). `cargo bench -p
//! zhengling-boilerplate`. `parse-only/html` measures the stage the slimmed tokenizer input
//! speeds up (`prestrip`: comments, scripts and styles cut, start tags slimmed to the
//! attributes the extractor reads, whitespace between tags folded), `prestrip/html` that
//! rewrite alone.
// The page generator builds strings with format!; a benchmark may stop on a broken table.
#![allow(clippy::format_push_string, clippy::expect_used)]

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use zhengling_boilerplate::{ExtractorBuilder, Format, PageHints};

/// A small deterministic generator (no external randomness, same pages on every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 =
            self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(self.0 >> 33).unwrap_or(0)
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.next() % xs.len()]
    }
}

const WORDS: &[&str] = &[
    "疫情防控",
    "核酸检测",
    "健康监测",
    "各地",
    "要求",
    "会议",
    "强调",
    "落实",
    "责任",
    "加强",
    "重点人群",
    "医疗救治",
    "疫苗接种",
    "工作",
    "部署",
    "社区",
    "群众",
    "保障",
    "物资",
    "供应",
    "风险",
    "管控",
    "排查",
    "隔离",
    "发热门诊",
    "交通运输",
    "市场监管",
    "学校",
    "企业",
    "复工复产",
];

fn sentence(r: &mut Lcg) -> String {
    let mut s = String::new();
    let clauses = 2 + r.next() % 4;
    for c in 0..clauses {
        for _ in 0..3 + r.next() % 4 {
            s.push_str(r.pick(WORDS));
        }
        s.push(if c + 1 == clauses { '。' } else { '，' });
    }
    s
}

fn news_page(r: &mut Lcg, n: usize) -> String {
    let mut p = String::with_capacity(64 << 10);
    let title: String = (0..4).map(|_| r.pick(WORDS)).collect();
    p.push_str("<!DOCTYPE html><html><head><meta charset=\"utf-8\">");
    p.push_str(&format!("<title>{title}_新闻中心_某某网</title>"));
    p.push_str("<style>");
    for i in 0..120 {
        p.push_str(&format!(".c{i}{{margin:{i}px;padding:0;font-size:14px}}"));
    }
    p.push_str("</style><script>");
    for i in 0..200 {
        p.push_str(&format!(
            "var v{i}=document.getElementById('x{i}');if(v{i}){{v{i}.style.display='none';}}\n"
        ));
    }
    p.push_str("</script></head><body><div id=\"header\"><ul class=\"nav\">");
    for _ in 0..80 {
        let id = r.next() % 100_000;
        let w = r.pick(WORDS);
        p.push_str(&format!(
            "<li style=\"float:left;margin-right:10px\"><a href=\"http://news.example.cn/c/2022-03-01/{id}.shtml\" \
             target=\"_blank\" title=\"{w}\" onclick=\"track('nav','{id}')\">{w}</a></li>\n    "
        ));
    }
    for _ in 0..12 {
        let id = r.next() % 100_000;
        p.push_str(&format!(
            "<a href=\"http://news.example.cn/p/{id}.html\" target=\"_blank\"><img src=\"http://img.example.cn/p/{id}.jpg\" \
             alt=\"{}\" width=\"120\" height=\"90\" border=\"0\" style=\"border:0\"></a>\n    ",
            r.pick(WORDS)
        ));
    }
    p.push_str("</ul></div><div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/n\">新闻</a> &gt; 正文</div>");
    p.push_str(&format!("<div class=\"main\"><h1>{title}</h1><div class=\"info\">2022-03-{:02} 10:{:02}:00 来源：某某日报 作者：记者 张三</div>", 1 + n % 28, n % 60));
    p.push_str("<div class=\"article-content\">");
    for _ in 0..8 + r.next() % 12 {
        p.push_str("<p>　　");
        for _ in 0..2 + r.next() % 4 {
            p.push_str(&sentence(r));
        }
        p.push_str("</p>\n");
    }
    p.push_str("<p>（责任编辑：李四）</p></div>");
    p.push_str("<div class=\"related\"><h3>相关新闻</h3><ul>");
    for _ in 0..12 {
        let t: String = (0..4).map(|_| r.pick(WORDS)).collect();
        p.push_str(&format!(
            "<li><a href=\"/a/{}.html\">{t}</a><span>03-0{}</span></li>",
            r.next() % 99999,
            1 + r.next() % 9
        ));
    }
    p.push_str("</ul></div><div class=\"comment\"><h3>网友评论</h3>");
    for _ in 0..6 {
        p.push_str(&format!(
            "<div class=\"item\"><span>网友{}</span><p>{}</p></div>",
            r.next() % 1000,
            sentence(r)
        ));
    }
    p.push_str("</div></div><div class=\"sidebar\"><div class=\"hot\"><h3>热点排行</h3><ol>");
    for _ in 0..20 {
        let t: String = (0..3).map(|_| r.pick(WORDS)).collect();
        p.push_str(&format!("<li><a href=\"/h/{}.html\">{t}</a></li>", r.next() % 99999));
    }
    p.push_str("</ol></div></div><div class=\"footer\"><p>关于我们 | 联系我们 | 网站地图</p>");
    p.push_str("<p>Copyright © 2022 某某网 版权所有 京ICP备12345678号</p></div>");
    p.push_str("<script>(function(){var s=document.createElement('script');s.src='//stat.example.cn/s.js';document.body.appendChild(s);})();</script>");
    p.push_str("</body></html>");
    p
}

fn text_page(r: &mut Lcg) -> String {
    let mut p = String::new();
    let title: String = (0..4).map(|_| r.pick(WORDS)).collect();
    p.push_str("某某网\n首页\n新闻\n当前位置：首页 > 新闻 > 正文\n");
    p.push_str(&format!("{title}\n2022-03-14 14:07:00 来源：某某日报\n"));
    for _ in 0..8 + r.next() % 12 {
        for _ in 0..2 + r.next() % 4 {
            p.push_str(&sentence(r));
        }
        p.push('\n');
    }
    p.push_str("相关阅读\n");
    for _ in 0..8 {
        let t: String = (0..4).map(|_| r.pick(WORDS)).collect();
        p.push_str(&format!("{t}\n2022-03-1{}\n", r.next() % 10));
    }
    p.push_str("版权所有 某某网 未经授权不得转载\n京ICP备12345678号\n");
    p
}

fn fixtures(ext: &str) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    v.retain(|p: &std::path::PathBuf| p.extension().is_some_and(|e| e == ext));
    v.sort();
    v.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect()
}

fn bench(c: &mut Criterion) {
    let ex = ExtractorBuilder::new().build().expect("rule tables");
    let mut r = Lcg(0x5eed);
    let mut html: Vec<String> = (0..40).map(|n| news_page(&mut r, n)).collect();
    html.extend(fixtures("html"));
    let mut text: Vec<String> = (0..40).map(|_| text_page(&mut r)).collect();
    text.extend(fixtures("txt"));
    let hints = PageHints::default();

    for (name, pages, format) in [("html", &html, Format::Html), ("text", &text, Format::Text)] {
        let bytes: usize = pages.iter().map(String::len).sum();
        let mut g = c.benchmark_group(format!("extract/{name}"));
        g.measurement_time(Duration::from_secs(4))
            .warm_up_time(Duration::from_secs(1))
            .sample_size(20);
        g.throughput(Throughput::Bytes(bytes as u64));
        g.bench_function("bytes", |b| {
            b.iter(|| {
                for p in pages {
                    black_box(
                        ex.extract(black_box(p), format, &hints).map_or(0, |a| a.paragraphs.len()),
                    );
                }
            });
        });
        g.throughput(Throughput::Elements(pages.len() as u64));
        g.bench_function("pages", |b| {
            b.iter(|| {
                for p in pages {
                    black_box(
                        ex.extract(black_box(p), format, &hints).map_or(0, |a| a.paragraphs.len()),
                    );
                }
            });
        });
        g.finish();
    }
    let mut g = c.benchmark_group("parse-only/html");
    g.measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1)).sample_size(20);
    g.throughput(Throughput::Elements(html.len() as u64));
    g.bench_function("pages", |b| {
        b.iter(|| {
            for p in &html {
                black_box(zhengling_boilerplate::bench_internals::parse(black_box(p)));
            }
        });
    });
    g.finish();
    let mut g = c.benchmark_group("prestrip/html");
    g.measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1)).sample_size(20);
    g.throughput(Throughput::Bytes(html.iter().map(String::len).sum::<usize>() as u64));
    g.bench_function("bytes", |b| {
        b.iter(|| {
            for p in &html {
                black_box(zhengling_boilerplate::bench_internals::prestrip(black_box(p)));
            }
        });
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
