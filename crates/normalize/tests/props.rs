//! Properties of decoding and normalization on arbitrary input.
#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use std::sync::LazyLock;
use zhengling_normalize::{DecodeHints, Normalizer, NormalizerBuilder, decode};

static NORMALIZER: LazyLock<Normalizer> =
    LazyLock::new(|| NormalizerBuilder::new().build().unwrap());

/// Text drawn from pieces that exercise every stage: Simplified and Traditional
/// characters, pinyin annotations, mojibake, odd spaces, full-width forms, ASCII
/// punctuation, combining marks, controls.
fn chinese_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("关于进一步做好疫情防控工作的通知".to_owned()),
        Just("國際航班經停太原".to_owned()),
        Just("網(wǎng)".to_owned()),
        Just("會(huì )".to_owned()),
        Just("網(wang)".to_owned()),
        Just("德?tīng)査\u{E481}蛫W".to_owned()),
        Just("鍏充簬杩涗竴姝".to_owned()),
        Just("å…³äºŽ".to_owned()),
        Just("\u{3000}\u{a0} ".to_owned()),
        Just("ＡＢＣ１２３".to_owned()),
        Just(",;:?!()".to_owned()),
        Just("(记者秦洋)".to_owned()),
        Just("北京(Beijing)".to_owned()),
        Just("a\u{30c}\u{301}".to_owned()),
        Just("\r\n\t\u{200b}\u{7}".to_owned()),
        Just("①㈠（一）".to_owned()),
        Just("\u{2F08}\u{F900}".to_owned()),
        "[a-z ]{0,6}",
        "\\PC{0,4}",
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn normalizing_twice_equals_once(text in chinese_text()) {
        let once = NORMALIZER.normalize(&text).text.into_owned();
        let twice = NORMALIZER.normalize(&once).text.into_owned();
        prop_assert_eq!(twice, once);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512),
                                   label in prop_oneof![Just(None), Just(Some("gbk")), Just(Some("big5")), Just(Some("utf-8"))],
                                   url in prop_oneof![Just(None), Just(Some("http://a.cn/")), Just(Some("http://b.tw/")), Just(Some("::"))]) {
        let d = decode(&bytes, &DecodeHints { http_charset: label, url });
        let out = NORMALIZER.normalize(&d.text);
        prop_assert!(out.map.source_range(0, out.text.len()).is_some());
    }

    /// The Simplified view covers the shown text: every character of the view maps to a
    /// non-empty range of the shown text, in order, and the whole view to the whole text.
    #[test]
    fn the_simplified_view_maps_to_the_shown_text(text in chinese_text()) {
        let out = NORMALIZER.normalize(&text);
        prop_assert_eq!(out.simplified.is_some(), out.report.traditional_kept && out.analysis_text() != out.text);
        let view = out.analysis_text();
        let mut last = 0;
        for (i, c) in view.char_indices() {
            let (a, b) = out.to_shown(i, i + c.len_utf8()).unwrap();
            prop_assert!(a >= last && a <= b && b <= out.text.len());
            prop_assert!(out.text.is_char_boundary(a) && out.text.is_char_boundary(b));
            last = a;
        }
        prop_assert_eq!(out.to_shown(0, view.len()), Some((0, out.text.len())));
    }

    #[test]
    fn offset_map_is_monotone_and_in_range(text in chinese_text()) {
        let out = NORMALIZER.normalize(&text);
        let bounds: Vec<usize> = out.text.char_indices().map(|(i, _)| i).chain([out.text.len()]).collect();
        let mut last = (0, 0);
        for w in bounds.windows(2) {
            let (s, e) = out.map.source_range(w[0], w[1]).unwrap();
            prop_assert!(s <= e && e <= text.len());
            prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
            prop_assert!(s >= last.0 && e >= last.1, "not monotone: {:?} then {:?}", last, (s, e));
            last = (s, e);
        }
        prop_assert_eq!(out.map.source_range(0, out.text.len()).map(|r| r.1 <= text.len()), Some(true));
        prop_assert!(out.map.source_range(0, out.text.len() + 1).is_none());
    }

    #[test]
    fn plain_simplified_is_unchanged_but_for_documented_folding(
        words in prop::collection::vec(prop_oneof![
            Just("疫情"), Just("防控"), Just("通知"), Just("关于"), Just("工作"), Just("会议"),
            Just("2022年"), Just("10月6日"), Just("COVID-19"), Just("，"), Just("。"), Just("、"),
            Just("（一）"), Just("“动态清零”"), Just(","), Just(":"), Just(" "), Just("\n"),
        ], 0..30)
    ) {
        let text = words.concat();
        let out = NORMALIZER.normalize(&text);
        // The only documented change to such text: ASCII , ; : ? ! ( ) between Chinese
        // text become full-width, and space runs are kept as they are.
        let expected_folded: String = out.text.chars().map(|c| match c {
            '，' => ',', '：' => ':', c => c,
        }).collect();
        let input_folded: String = text.chars().map(|c| match c {
            '，' => ',', '：' => ':', c => c,
        }).collect();
        prop_assert_eq!(expected_folded, input_folded);
        prop_assert!(!out.report.converted);
        prop_assert_eq!(out.report.pinyin_removed, 0);
    }
}

/// Inputs the idempotence property once failed on: mojibake next to full-width letters or
/// an annotated Traditional character, punctuation before a folded parenthesis, a
/// combining mark after a removed character, a space with an NFC form.
#[test]
fn normalizing_twice_equals_once_on_past_failures() {
    for text in [
        "ＡＢＣ１２３鍏充簬杩涗竴姝網(wǎng)",
        "鍏充簬杩涗竴姝會(huì )a\u{30c}\u{301}網(wǎng)",
        "å…³äºŽ:(记者秦洋)",
        "\r\n\t\u{200b}\u{7}\u{11d44}⼈豈",
        "\u{2000}",
        "e\u{200b}\u{301}",
    ] {
        let once = NORMALIZER.normalize(text).text.into_owned();
        let twice = NORMALIZER.normalize(&once).text.into_owned();
        assert_eq!(twice, once, "{text:?}");
    }
}
