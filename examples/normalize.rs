//! `zhengling-normalize` on its own: a spam mirror's GBK bytes to clean Simplified text.
//!
//! ```text
//! cargo run --example normalize
//! ```
//!
//! The page below was mirrored by a site that converted it to Traditional characters, glued
//! pinyin after them (`網(wǎng)`) and served it as GBK. Decoding finds the encoding from
//! the `<meta>` declaration; normalization removes the annotations, folds width and converts
//! to Simplified (the pinyin marks the Traditional text as a conversion artifact), and keeps a
//! map from every output span back to the input.
#![allow(clippy::print_stdout)]

use std::error::Error;

use zhengling_normalize::{DecodeHints, NormalizerBuilder, decode};

fn main() -> Result<(), Box<dyn Error>> {
    let original = "<meta charset=\"gbk\"><p>全省衛(wèi)生健康系統(tǒng)要堅持「動態(tài)清零」總方針，\
                    落實(shí)核酸檢測、流調(diào)溯源等措施。</p>";
    let bytes: Vec<u8> = encoding_rs::GBK.encode(original).0.into_owned();

    // 1. Bytes to text: BOM, HTTP hint, <meta>, detection, in the browser's order.
    let decoded =
        decode(&bytes, &DecodeHints { http_charset: None, url: Some("http://example.cn/a.html") });
    println!(
        "decoded as {} (from {:?}), {} malformed",
        decoded.encoding.name(),
        decoded.source,
        decoded.malformed
    );

    // 2. Text to clean Simplified text. A normalizer is built once and reused.
    let normalizer = NormalizerBuilder::new().build()?;
    let out = normalizer.normalize(&decoded.text);
    println!("{}", out.text);
    println!(
        "pinyin annotations removed: {}, converted: {}, script was {:?}",
        out.report.pinyin_removed, out.report.converted, out.report.script
    );

    // 3. Every output span points back at the input it came from.
    let word = "核酸检测";
    if let Some(at) = out.text.find(word)
        && let Some((s, e)) = out.map.source_range(at, at + word.len())
    {
        println!("{word} came from input bytes {s}..{e}: {:?}", decoded.text.get(s..e));
    }
    Ok(())
}
