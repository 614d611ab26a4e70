//! Cross-crate properties of the whole pipeline: any bytes in, a consistent record out.
#![allow(clippy::expect_used)]

use proptest::prelude::*;
use zhengling::{Hints, Pipeline, Record};

fn pipeline() -> &'static Pipeline {
    static P: std::sync::OnceLock<Pipeline> = std::sync::OnceLock::new();
    P.get_or_init(|| Pipeline::new().expect("default pipeline builds"))
}

/// Every span in the record slices its paragraph to exactly its text.
fn assert_spans(r: &Record) {
    for e in &r.entities {
        let p = &r.paragraphs[e.paragraph];
        assert_eq!(p.get(e.start..e.end), Some(e.text.as_str()), "entity span {e:?}");
    }
    if let Some(d) = &r.directive {
        for it in &d.items {
            let p = &r.paragraphs[it.paragraph];
            assert_eq!(p.get(it.start..it.end), Some(it.text.as_str()), "item span {it:?}");
        }
    }
}

/// No paragraph keeps private-use, replacement or control characters.
fn assert_clean(r: &Record) {
    for p in &r.paragraphs {
        assert!(!p.trim().is_empty(), "empty paragraph");
        for c in p.chars() {
            assert!(!('\u{E000}'..='\u{F8FF}').contains(&c), "private-use char in {p:?}");
            assert!(c != '\u{FFFD}', "replacement char in {p:?}");
            assert!(!c.is_control() || c == '\n' || c == '\t', "control char {c:?} in {p:?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_bytes_give_a_consistent_record(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        // Small pages never fail: any bytes give a record.
        let r = pipeline().process(&bytes, &Hints::default());
        prop_assert!(r.is_ok(), "{:?}", r.err());
        let r = r.unwrap_or_default();
        assert_spans(&r);
        prop_assert!(r.format.is_some() && r.encoding.is_some() && r.directive.is_some());
        prop_assert!(r.error.is_none());
        prop_assert!(!r.paragraphs.is_empty() || !r.warnings.is_empty());
        prop_assert!(serde_json::to_string(&r).is_ok());
    }

    #[test]
    fn chinese_text_pages_give_a_consistent_record(
        lines in proptest::collection::vec("[\\u{4e00}-\\u{4e80}，。、“”：0-9a-z （）\\n]{0,60}", 1..12)
    ) {
        let page = lines.join("\n");
        let r = pipeline().process(page.as_bytes(), &Hints::default()).expect("text page processes");
        assert_spans(&r);
        assert_clean(&r);
    }

    #[test]
    fn html_pages_give_a_consistent_record(
        paras in proptest::collection::vec("[\\u{4e00}-\\u{4e80}，。、“”0-9]{1,80}", 1..8)
    ) {
        let body: String = paras.iter().map(|p| ["<p>", p, "</p>"].concat()).collect();
        let page = format!("<!DOCTYPE html><html><head><title>标题</title></head><body><div>{body}</div></body></html>");
        let r = pipeline().process(page.as_bytes(), &Hints::default()).expect("html page processes");
        assert_spans(&r);
        assert_clean(&r);
    }
}

#[test]
fn error_record_serializes_with_error_and_empty_fields() {
    let r = Record::failed("x.html", "x.html: cannot read");
    let v: serde_json::Value = serde_json::to_value(&r).unwrap();
    assert_eq!(v["input"], "x.html");
    assert_eq!(v["error"], "x.html: cannot read");
    assert_eq!(v["paragraphs"], serde_json::json!([]));
    assert!(v["directive"].is_null());
}

#[test]
fn authentic_traditional_page_is_kept_and_still_analysed() {
    let page = "行政院衛生署今天宣布，自即日起國際航班入境旅客須接受核酸檢測，六十五歲以上長者應儘速接種疫苗，全台已累計接種八十萬劑。\n\n疾管局呼籲民眾戴口罩、勤洗手。";
    let r = pipeline().process(page.as_bytes(), &Hints::default()).unwrap();
    assert!(r.normalization.traditional_kept && !r.normalization.converted);
    assert!(r.paragraphs.iter().any(|p| p.contains("衛生署")), "{:?}", r.paragraphs);
    assert_spans(&r);
    let q =
        r.entities.iter().find(|e| e.kind == "quantity" && e.text.contains("八十萬劑")).unwrap();
    assert_eq!(q.value, Some(serde_json::json!(800_000)));
    let codes: Vec<&str> = r
        .directive
        .iter()
        .flat_map(zhengling_directive::Directive::measures)
        .filter_map(|m| m.oxcgrt.as_deref())
        .collect();
    for code in ["H2", "H6", "H7"] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
    let term = r
        .directive
        .iter()
        .flat_map(zhengling_directive::Directive::measures)
        .find(|m| m.oxcgrt.as_deref() == Some("H2"));
    assert_eq!(
        term.map(|m| m.term.as_str()),
        Some("核酸檢測"),
        "terms point at the Traditional text"
    );
}

#[test]
fn a_page_with_no_article_is_a_record_with_one_warning_naming_the_reason() {
    let page = r#"<html><body><div id="nav"><a href="/">首页</a> <a href="/news">新闻</a></div></body></html>"#;
    let r = pipeline().process(page.as_bytes(), &Hints::default()).unwrap();
    assert!(r.error.is_none() && r.paragraphs.is_empty());
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    assert!(r.warnings[0].starts_with("no article found"), "{:?}", r.warnings);
    let empty = pipeline().process(b"", &Hints::default()).unwrap();
    assert_eq!(empty.warnings.len(), 1, "{:?}", empty.warnings);
}
