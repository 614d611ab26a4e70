//! `zhengling-boilerplate` on its own: the article out of a government page.
//!
//! ```text
//! cargo run --example boilerplate [FILE]
//! ```
//!
//! Runs on the bundled GBK county notice unless given a file (decoded as UTF-8 here; the
//! `zhengling` binary decodes any encoding). Prints the metadata, the paragraphs, and each
//! removed block with the reason it was removed.
#![allow(clippy::print_stdout)]

use std::error::Error;

use zhengling_boilerplate::{ExtractorBuilder, Format, PageHints, detect_format};

fn main() -> Result<(), Box<dyn Error>> {
    let page = if let Some(path) = std::env::args().nth(1) {
        std::fs::read_to_string(path)?
    } else {
        let bytes = include_bytes!("../fixtures/pages/gov_notice_gbk.html");
        encoding_rs::GBK.decode(bytes).0.into_owned()
    };
    let extractor = ExtractorBuilder::new().build()?;
    let format = detect_format(&page);
    let article = extractor.extract(&page, format, &PageHints::default())?;

    println!("format:    {}", if format == Format::Html { "html" } else { "text" });
    println!("title:     {:?}", article.title);
    println!("published: {:?}", article.published.map(|d| d.to_string()));
    println!("site:      {:?}   source: {:?}", article.site, article.source);
    for (i, p) in article.paragraphs.iter().enumerate() {
        println!("[{i}] {p}");
    }
    for r in &article.removed {
        let first_line = r.text.lines().next().unwrap_or_default();
        println!("removed ({}): {first_line}", r.reason);
    }
    Ok(())
}
