//! Arbitrary bytes through the whole pipeline (decoding, normalization, extraction,
//! entities, directive): must never panic, and every span must point at its text.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use zhengling::{Hints, Pipeline};

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new().unwrap())
}

fuzz_target!(|data: &[u8]| {
    let hints = Hints { url: Some("http://www.example.gov.cn/a.html"), ..Hints::default() };
    if let Ok(r) = pipeline().process(data, &hints) {
        for e in &r.entities {
            let p = &r.paragraphs[e.paragraph];
            assert_eq!(p.get(e.start..e.end), Some(e.text.as_str()));
        }
    }
});
