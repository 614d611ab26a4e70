//! Arbitrary text through entity extraction: must never panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use zhengling_entities::{Context, Extractor, ExtractorBuilder, PartialDate};

fn extractor() -> &'static Extractor {
    static E: OnceLock<Extractor> = OnceLock::new();
    E.get_or_init(|| ExtractorBuilder::new().build().unwrap())
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = extractor().extract(&text, &Context::default());
    let ctx = Context {
        published: Some(PartialDate { year: 2022, month: Some(10), day: Some(8) }),
        ..Context::default()
    };
    let _ = extractor().extract(&text, &ctx);
});
