//! Arbitrary bytes through decoding and normalization: must never panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use zhengling_normalize::{DecodeHints, Normalizer, NormalizerBuilder};

fn normalizer() -> &'static Normalizer {
    static N: OnceLock<Normalizer> = OnceLock::new();
    N.get_or_init(|| NormalizerBuilder::new().build().unwrap())
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks a charset hint, as an HTTP header would give one.
    let (hint, bytes) = match data.split_first() {
        Some((b, rest)) => (
            ["gbk", "utf-8", "big5", "gb18030", "latin1", "bogus"]
                .get(usize::from(*b) % 8)
                .copied(),
            rest,
        ),
        None => (None, data),
    };
    let decoded = zhengling_normalize::decode(
        bytes,
        &DecodeHints { http_charset: hint, url: Some("http://www.example.gov.cn/a.html") },
    );
    let _ = normalizer().normalize(&decoded.text);
});
