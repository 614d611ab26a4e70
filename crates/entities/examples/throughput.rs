//! Measures extraction throughput on a text file (one paragraph a line), repeated.
//!
//! `cargo run --release -p zhengling-entities --example throughput -- FILE [MB]`

use std::error::Error;
use std::time::Instant;

use zhengling_entities::{Context, ExtractorBuilder};

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: throughput FILE [MB]")?;
    let mb: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(20);
    let text = std::fs::read_to_string(path)?;
    let paragraphs: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let bytes: usize = paragraphs.iter().map(|p| p.len()).sum();
    let repeats = (mb << 20).div_ceil(bytes.max(1));
    let extractor = ExtractorBuilder::new().build()?;
    let ctx = Context::default();
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..repeats {
        for p in &paragraphs {
            n += extractor.extract(p, &ctx).len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    #[allow(clippy::cast_precision_loss)] // a display figure
    let mb_total = (bytes * repeats) as f64 / 1e6;
    let rate = mb_total / secs;
    let msg = format!(
        "{n} entities, {mb_total:.1} MB in {secs:.2}s: {rate:.1} MB/s
"
    );
    std::io::Write::write_all(&mut std::io::stderr(), msg.as_bytes())?;
    Ok(())
}
