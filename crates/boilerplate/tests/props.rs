//! Properties that hold for any input: no panic in either mode, paragraphs non-empty and
//! trimmed, dates in ISO form, removed blocks non-empty.
// Test helpers may stop the test on a broken setup.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use zhengling_boilerplate::{Article, Extractor, ExtractorBuilder, Format, PageHints};

fn extractor() -> &'static Extractor {
    static EX: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
    EX.get_or_init(|| ExtractorBuilder::new().build().expect("rule tables"))
}

fn check(a: &Article) {
    for p in &a.paragraphs {
        assert!(!p.is_empty(), "empty paragraph");
        assert_eq!(p.trim(), p, "untrimmed paragraph {p:?}");
    }
    for r in &a.removed {
        assert!(!r.text.trim().is_empty(), "empty removed block");
    }
    if let Some(d) = &a.published {
        let iso = d.to_string();
        let b = iso.as_bytes();
        let date_ok = b.len() >= 10
            && b[..4].iter().all(u8::is_ascii_digit)
            && b[4] == b'-'
            && b[7] == b'-'
            && (b.len() == 10 || (b.len() == 19 && b[10] == b'T'));
        assert!(date_ok, "published not ISO 8601: {d}");
    }
    if a.paragraphs.is_empty() {
        assert!(!a.warnings.is_empty(), "no paragraphs and no warning");
    }
}

/// Pieces of HTML and Chinese page text, glued at random into tag soup.
fn html_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<div class=\"content\">".to_owned()),
        Just("</div>".to_owned()),
        Just("<p>".to_owned()),
        Just("</p>".to_owned()),
        Just("<br>".to_owned()),
        Just("<a href=\"/x\">".to_owned()),
        Just("</a>".to_owned()),
        Just("<table><tr><td>".to_owned()),
        Just("</td></tr></table>".to_owned()),
        Just("<h1>".to_owned()),
        Just("</h1>".to_owned()),
        Just("<script>var a='</div>';</script>".to_owned()),
        Just("<!-- c -->".to_owned()),
        Just("<template><p>t</p></template>".to_owned()),
        Just("<span style=\"display:none\">隐</span>".to_owned()),
        Just("<title>标题_某某网</title>".to_owned()),
        Just("发布时间：2022-03-14 14:07 来源：某某日报".to_owned()),
        Just("会议要求，各地要严格落实核酸检测、健康监测等措施。".to_owned()),
        Just("版权所有 © 某某网 京ICP备12345678号".to_owned()),
        Just("相关新闻".to_owned()),
        Just("（记者 张三）".to_owned()),
        Just("...".to_owned()),
        "[\\u{0}-\\u{7f}\\u{4e00}-\\u{4e20}\\u{3000}-\\u{3010}\\u{ff01}-\\u{ff20}]{0,12}",
    ]
}

fn line_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\n".to_owned()),
        Just("当前位置：首页 > 新闻".to_owned()),
        Just("2023-01-28 05:42:02来源:互联网".to_owned()),
        Just("文章导读".to_owned()),
        Just("会议指出，当前疫情防控形势依然严峻复杂，各级各部门要压实责任。".to_owned()),
        Just("要持续提升医疗救治能力，某某媒体，全力以赴。".to_owned()),
        Just("免责声明".to_owned()),
        Just("某某媒体转载此文目的在于传递更多信息。".to_owned()),
        Just("Copyright © 2002-2022 关于我们 某某媒体".to_owned()),
        Just("  • 属地责任: 各地要守土尽责。".to_owned()),
        Just("(30)".to_owned()),
        Just("……".to_owned()),
        "[\\u{0}-\\u{7f}\\u{4e00}-\\u{4e20}\\u{3000}-\\u{3010}]{0,20}",
    ]
}

/// Byline-ish lines mixing names with the label, role and section words pages print where a
/// name would stand.
fn byline_piece() -> impl Strategy<Value = String> {
    let label = prop_oneof![
        Just("作者："),
        Just("作者"),
        Just("记者"),
        Just("本报记者 "),
        Just("来源："),
        Just("博主："),
        Just("["),
        Just("——"),
        Just(""),
    ];
    let value = prop_oneof![
        Just("简介"),
        Just("博客联系"),
        Just("文章编辑"),
        Just("手记"),
        Just("读者见面会"),
        Just("单位：某某大学"),
        Just("王晓明"),
        Just("北窗"),
        Just("赵 培"),
        Just("网络编辑"),
        Just("某某日报"),
        Just("]"),
        Just(" 2005-05-07 21:23"),
        Just(" 发表于 2005-05-07"),
    ];
    proptest::collection::vec((label, value), 1..4)
        .prop_map(|v| v.into_iter().map(|(l, x)| format!("{l}{x}")).collect::<Vec<_>>().join(" "))
}

/// Words no author may be.
const NOT_AUTHORS: &[&str] =
    &["简介", "博客联系", "文章编辑", "手记", "读者见面会", "单位", "某某日报", "赵"];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn authors_are_never_label_words(
        lines in proptest::collection::vec(byline_piece(), 1..5),
        html in any::<bool>(),
    ) {
        let body = "会议指出，当前疫情防控形势依然严峻复杂，各级各部门要压实责任，守土尽责。";
        let page = if html {
            format!("<html><body><h1>市里召开防控会议</h1><div>{}</div><div class=\"content\"><p>{body}</p><p>{body}</p></div></body></html>",
                lines.join("</div><div>"))
        } else {
            format!("市里召开防控会议\n{}\n{body}\n{body}", lines.join("\n"))
        };
        let format = if html { Format::Html } else { Format::Text };
        let a = extractor().extract(&page, format, &PageHints::default()).unwrap();
        check(&a);
        if let Some(author) = &a.author {
            prop_assert!(!NOT_AUTHORS.contains(&author.as_str()), "author {author:?} from {lines:?}");
            prop_assert!(author.chars().count() >= 2, "author {author:?} from {lines:?}");
        }
    }

    #[test]
    fn any_string_as_html(s in any::<String>()) {
        let a = extractor().extract(&s, Format::Html, &PageHints::default()).unwrap();
        check(&a);
    }

    #[test]
    fn any_string_as_text(s in any::<String>()) {
        let a = extractor().extract(&s, Format::Text, &PageHints::default()).unwrap();
        check(&a);
    }

    #[test]
    fn tag_soup(pieces in proptest::collection::vec(html_piece(), 0..60)) {
        let page = pieces.concat();
        let a = extractor().extract(&page, Format::Html, &PageHints { url: Some("http://x.cn/2022/0314/a.html") }).unwrap();
        check(&a);
        prop_assert!(!a.paragraphs.iter().any(|p| p.contains("var a") || p.contains('隐')));
    }

    #[test]
    fn line_soup(pieces in proptest::collection::vec(line_piece(), 0..60)) {
        let page = pieces.join("\n");
        let a = extractor().extract(&page, Format::Text, &PageHints::default()).unwrap();
        check(&a);
    }
}

#[test]
fn detect_format_on_odd_input() {
    use zhengling_boilerplate::{Format, detect_format};
    let long_text = "纯文本，没有标签。".repeat(400);
    for (s, want) in [
        ("", Format::Text),
        ("<", Format::Text),
        ("a < b and c > d", Format::Text),
        ("\u{feff}<html", Format::Html),
        ("<HTML><BODY>x", Format::Html),
        ("纯文本", Format::Text),
        (&"<div>".repeat(3000), Format::Html),
        // a tag past the first 2 KiB is not looked for
        (&format!("{long_text}<html>"), Format::Text),
        ("<text id=\"1\">\n正文", Format::Html),
    ] {
        assert_eq!(detect_format(s), want, "{:?}", s.get(..s.len().min(40)));
    }
}
