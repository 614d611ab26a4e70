//! Properties: spans always slice to their text on char boundaries, extraction never panics,
//! Chinese numerals round-trip through an independent formatter (the `chinese-number` crate).

#![allow(clippy::unwrap_used)] // test helpers
use std::sync::OnceLock;

use chinese_number::{ChineseCase, ChineseCountMethod, ChineseVariant, NumberToChinese};
use proptest::prelude::*;
use zhengling_entities::{
    Context, Extractor, ExtractorBuilder, Number, PartialDate, parse_numeral,
};

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| ExtractorBuilder::new().build().unwrap())
}

fn ctx() -> Context<'static> {
    Context {
        published: Some(PartialDate { year: 2022, month: Some(12), day: Some(27) }),
        region: Some("山西"),
    }
}

/// Text made of the characters the rules look at, so that the rules fire often.
fn directive_like() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "[一二三四五六七八九十百千万亿零两〇0-9.,%年月日号时分至起前余多约近发布之即次晚第次届会议省市区县委书记主任长院士局办中心领导小组太原大同榆次山西“”‘’「」、，。：:()（）—\\- @a-z/]{0,80}",
    )
    .unwrap()
}

fn check_spans(text: &str, ents: &[zhengling_entities::Entity<'_>]) -> Result<(), TestCaseError> {
    for e in ents {
        prop_assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        prop_assert!(e.span.start < e.span.end);
        prop_assert_eq!(text.get(e.span.start..e.span.end), Some(e.text));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn spans_slice_on_arbitrary_text(text in any::<String>()) {
        let ents = extractor().extract(&text, &ctx());
        check_spans(&text, &ents)?;
    }

    #[test]
    fn spans_slice_on_directive_like_text(text in directive_like()) {
        let ents = extractor().extract(&text, &ctx());
        check_spans(&text, &ents)?;
        let no_ctx = extractor().extract(&text, &Context::default());
        check_spans(&text, &no_ctx)?;
    }

    #[test]
    fn documents_keep_spans_per_paragraph(paras in proptest::collection::vec(directive_like(), 0..5)) {
        let out = extractor().extract_document(&paras, &ctx());
        prop_assert_eq!(out.len(), paras.len());
        for (p, ents) in paras.iter().zip(&out) {
            check_spans(p, ents)?;
        }
    }

    #[test]
    fn chinese_numerals_round_trip(n in 0u64..1_000_000_000_000u64) {
        let zh = n.to_chinese(ChineseVariant::Simple, ChineseCase::Lower, ChineseCountMethod::TenThousand).unwrap();
        prop_assert_eq!(parse_numeral(&zh), Some(Number::integer(i128::from(n))), "{}", zh);
    }

    #[test]
    fn financial_numerals_round_trip(n in 10u64..100_000_000u64) {
        let zh = n.to_chinese(ChineseVariant::Simple, ChineseCase::Upper, ChineseCountMethod::TenThousand).unwrap();
        prop_assert_eq!(parse_numeral(&zh), Some(Number::integer(i128::from(n))), "{}", zh);
    }

    #[test]
    fn mixed_numerals_are_exact(int in 0u64..100_000, frac in 0u32..100, wan in proptest::bool::ANY) {
        // "6274.7万" style: the value is exact decimal arithmetic, never a float
        let text = format!("{int}.{frac:02}{}", if wan { "万" } else { "亿" });
        let scale = if wan { 4 } else { 8 };
        let expected = (i128::from(int) * 100 + i128::from(frac)) * 10i128.pow(scale) / 100;
        prop_assert_eq!(parse_numeral(&text), Some(Number::integer(expected)));
    }

    #[test]
    fn quantities_in_text_match_their_numerals(n in 2u32..100_000, unit in prop::sample::select(vec!["人", "家", "剂", "名"])) {
        let zh = n.to_chinese(ChineseVariant::Simple, ChineseCase::Lower, ChineseCountMethod::TenThousand).unwrap();
        for text in [format!("共有{n}{unit}参加"), format!("共有{zh}{unit}参加")] {
            let ents = extractor().extract(&text, &Context::default());
            let q = ents.iter().find(|e| e.kind == zhengling_entities::EntityKind::Quantity);
            prop_assert!(q.is_some(), "{}", text);
            if let Some(zhengling_entities::Entity { value: zhengling_entities::Value::Quantity(q), .. }) = q {
                prop_assert_eq!(q.value, Number::integer(i128::from(n)));
                prop_assert_eq!(q.unit.as_deref(), Some(unit));
            }
        }
    }
}
