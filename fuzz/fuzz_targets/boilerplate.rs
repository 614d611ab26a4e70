//! Arbitrary pages, as HTML and as text, through article extraction: must never panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use zhengling_boilerplate::{Extractor, ExtractorBuilder, Format, PageHints};

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| ExtractorBuilder::new().build().unwrap())
}

fuzz_target!(|data: &[u8]| {
    let page = String::from_utf8_lossy(data);
    let _ = zhengling_boilerplate::detect_format(&page);
    let hints = PageHints { url: Some("http://www.example.gov.cn/a.html"), ..PageHints::default() };
    let _ = extractor().extract(&page, Format::Html, &hints);
    let _ = extractor().extract(&page, Format::Text, &hints);
});
