//! Golden tests: every `fixtures/<case>.html|txt` page is extracted and compared with
//! `fixtures/<case>.expected.json`. `UPDATE_GOLDEN=1 cargo test -p zhengling-boilerplate
//! --test golden` rewrites the expectations (review the diff before committing).
// Test helpers may stop the test on a broken setup.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use zhengling_boilerplate::{Article, ExtractorBuilder, Format, PageHints};
use zhengling_tables::golden;

fn to_json(a: &Article) -> serde_json::Value {
    serde_json::json!({
        "title": a.title,
        "published": a.published.map(|d| d.to_string()),
        "site": a.site,
        "source": a.source,
        "author": a.author,
        "editor": a.editor,
        "authors": a.authors,
        "doc_number": a.doc_number,
        "url": a.url,
        "paragraphs": a.paragraphs,
        "removed": a.removed.iter().map(|r| serde_json::json!([r.reason.as_str(), r.text])).collect::<Vec<_>>(),
        "warnings": a.warnings,
    })
}

#[test]
fn golden_fixtures() {
    let ex = ExtractorBuilder::new().build().unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let pages = golden::inputs(&[dir], &["html", "txt"]);
    assert!(pages.len() >= 10, "fixtures missing");
    let checked = golden::check(&pages, "expected.json", |page| {
        let text = std::fs::read_to_string(page).map_err(|e| e.to_string())?;
        let format =
            if page.extension().is_some_and(|e| e == "html") { Format::Html } else { Format::Text };
        let article =
            ex.extract(&text, format, &PageHints::default()).map_err(|e| e.to_string())?;
        let json = serde_json::to_string_pretty(&to_json(&article)).map_err(|e| e.to_string())?;
        Ok(json + "\n")
    });
    if let Err(e) = checked {
        panic!("{e}");
    }
}

/// Extracts one fixture page.
fn run(name: &str) -> Article {
    let ex = ExtractorBuilder::new().build().unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let text = std::fs::read_to_string(dir.join(name)).unwrap();
    let format = if Path::new(name).extension().is_some_and(|e| e == "html") {
        Format::Html
    } else {
        Format::Text
    };
    ex.extract(&text, format, &PageHints::default()).unwrap()
}

fn body(a: &Article) -> String {
    a.paragraphs.join("\n")
}

/// The properties the HTML fixtures were written to show, checked by name so a regenerated
/// expectation cannot silently lose them.
#[test]
fn html_fixture_properties() {
    let a = run("gov_notice_table.html");
    assert_eq!(a.title.as_deref(), Some("关于进一步加强冬春季疫情防控工作的通知"));
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2021-12-20T09:30:00"));
    assert_eq!(a.source.as_deref(), Some("县疫情防控指挥部办公室"));
    assert!(body(&a).contains("四、加快推进疫苗接种"));
    assert!(!body(&a).contains("脚本"));
    assert!(!body(&a).contains("网站标识码"));

    let a = run("news_sidebar_comments.html");
    assert_eq!(a.title.as_deref(), Some("多地发布春节返乡防疫指引 倡导就地过年"));
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2022-01-12T08:45:10"));
    assert_eq!(a.source.as_deref(), Some("某某日报"));
    assert_eq!(a.author.as_deref(), Some("王小明"));
    assert_eq!(a.editor.as_deref(), Some("李华"));
    assert_eq!(a.site.as_deref(), Some("某某新闻网"));
    assert_eq!(a.url.as_deref(), Some("https://news.example.cn/2022/01/12/a123456.html"));
    assert!(a.paragraphs.iter().any(|p| p == "各地细化返乡要求"));
    for leak in ["网友甲", "相关新闻", "热点排行", "点击进入", "分享到", "Copyright", "不应出现"]
    {
        assert!(!body(&a).contains(leak), "{leak} leaked");
    }

    let a = run("big5_traditional.html");
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2012-01-17T14:25:00"));
    assert_eq!(a.source.as_deref(), Some("中央社"));
    assert_eq!(a.paragraphs.len(), 3, "{:?}", a.paragraphs);

    let a = run("data_table_report.html");
    assert!(a.paragraphs.iter().any(|p| p == "甲市 812.6 35.2"), "{:?}", a.paragraphs);

    let a = run("annex_table.html");
    assert!(
        a.paragraphs.iter().any(|p| p == "2 中心广场采样点 中心广场东侧 9:00-21:00"),
        "{:?}",
        a.paragraphs
    );
    assert!(!a.paragraphs.iter().any(|p| p.contains("网站标识码")));

    let a = run("jsonld_hidden.html");
    assert_eq!(a.author.as_deref(), Some("周文"));
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2023-03-15T10:20:00"));
    assert!(!body(&a).contains("不应出现"));
    assert!(!body(&a).contains("请启用脚本"));
    assert_eq!(a.paragraphs.len(), 3, "{:?}", a.paragraphs);

    let a = run("blog_archive.html");
    assert!(body(&a).starts_with("清晨的海边小镇"), "{:?}", a.paragraphs);
    assert!(!body(&a).contains("雨季"));
    // the blog's name in its <title>: 小园的博客
    assert_eq!(a.author.as_deref(), Some("小园"));

    // A blog post under a profile box whose labels (作者简介, 博客联系, 文章编辑) are no names;
    // the owner comes from the header, the sidebar credit and the post's footer.
    let a = run("blog_profile_sidebar.html");
    assert_eq!(a.author.as_deref(), Some("北窗"));
    assert_eq!(a.title.as_deref(), Some("雨后登山记"));
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2006-05-07T21:23:00"));
    assert_eq!(a.paragraphs.len(), 3, "{:?}", a.paragraphs);

    // 来源：<a person> credits the author; the source stays as printed.
    let a = run("news_source_person.html");
    assert_eq!(a.source.as_deref(), Some("周雪"));
    assert_eq!(a.author.as_deref(), Some("周雪"));
    assert_eq!(a.site.as_deref(), Some("某某新闻网"));

    // The first post's "X 发表于" names the author; a reply's does not.
    let a = run("forum_post.html");
    assert_eq!(a.author.as_deref(), Some("风中的叶子"));
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2005-05-07T21:23:00"));
    assert!(!body(&a).contains("收藏了"));

    // A two-character name spaced to fill a column, an affiliation after a colon.
    let a = run("paper_spaced_author.html");
    assert_eq!(a.author.as_deref(), Some("钱默"));

    let a = run("no_article.html");
    assert!(a.paragraphs.is_empty());
    assert_eq!(a.warnings, ["no article found: no block of the page has sentence-like text"]);
}

/// The properties the plain-text fixtures were written to show.
#[test]
fn text_fixture_properties() {
    // A pen name alone under the headline, also opening a headline line ("北山：…").
    let a = run("essay_lone_byline.txt");
    assert_eq!(a.author.as_deref(), Some("北山"));
    assert!(!a.paragraphs.iter().any(|p| p == "北山"), "{:?}", a.paragraphs);

    let a = run("wet_news.txt");
    assert_eq!(a.title.as_deref(), Some("市疫情防控指挥部召开专题会议部署春节防控工作"));
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2022-01-20T16:32:08"));
    assert_eq!(a.author.as_deref(), Some("张晓"));
    assert_eq!(a.paragraphs.len(), 3, "{:?}", a.paragraphs);

    let a = run("mirror_spam.txt");
    assert_eq!(a.site.as_deref(), Some("某某资讯网"));
    assert_eq!(a.source.as_deref(), Some("某某农民报"));
    assert!(a.removed.iter().any(|r| r.reason.as_str() == "spam-keywords"));

    let a = run("lead_summary_brand.txt");
    assert_eq!(a.site.as_deref(), Some("某某融媒"));
    assert!(a.paragraphs.iter().all(|p| !p.contains("某某融媒")), "{:?}", a.paragraphs);
    assert!(a.removed.iter().any(|r| r.reason.as_str() == "injected-brand"));
    assert!(a.removed.iter().any(|r| r.reason.as_str() == "duplicate-lead"));
    assert_eq!(a.paragraphs.len(), 3, "{:?}", a.paragraphs);

    let a = run("comments_tail.txt");
    assert_eq!(a.author.as_deref(), Some("小李"));
    assert_eq!(a.url.as_deref(), Some("http://www.example.org/post/1024.html"));
    assert_eq!(a.site.as_deref(), Some("某某技术分享站"));
    assert!(a.removed.iter().any(|r| r.reason.as_str() == "repeated-title"));
    assert_eq!(a.paragraphs.len(), 3, "{:?}", a.paragraphs);

    let a = run("english.txt");
    assert_eq!(a.title.as_deref(), Some("Hospitals prepare for winter surge"));
    assert_eq!(a.author.as_deref(), Some("Tom Brown"));
    assert_eq!(a.paragraphs.len(), 3, "{:?}", a.paragraphs);

    let a = run("wrapped_lines.txt");
    assert_eq!(a.title.as_deref(), Some("故乡的冬天"));
    assert_eq!(a.author.as_deref(), Some("林雪"));
    assert_eq!(a.paragraphs.len(), 6, "{:?}", a.paragraphs);

    let a = run("empty_nav.txt");
    assert!(a.paragraphs.is_empty());
    assert_eq!(a.warnings, ["no article found: no line of the page reads as article text"]);
}
