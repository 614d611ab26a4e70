//! Publication dates in the layouts real pages print them (`tests/dates/`, pages written for
//! this crate): labelled lines in any layout, a label and its date in separate cells or
//! blocks, `来源：X 2020年2月11日`, `<meta>` and JSON-LD values, a date alone under the
//! headline, a notice's closing date; never a date from a related-article list.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use zhengling_boilerplate::{ExtractorBuilder, Format, PageHints};

#[test]
fn publication_dates_in_every_layout() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dates");
    let expected = std::fs::read_to_string(dir.join("expected.tsv")).unwrap();
    let ex = ExtractorBuilder::new().build().unwrap();
    let mut wrong = Vec::new();
    let mut n = 0;
    for line in expected.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let (name, want) = line.split_once('\t').unwrap();
        let page = std::fs::read_to_string(dir.join(name)).unwrap();
        let html = Path::new(name).extension().is_some_and(|e| e.eq_ignore_ascii_case("html"));
        let format = if html { Format::Html } else { Format::Text };
        let a = ex.extract(&page, format, &PageHints::default()).unwrap();
        let got = a.published.map_or_else(|| "-".to_owned(), |d| d.to_string());
        if got != want {
            wrong.push(format!("{name}: want {want}, got {got}"));
        }
        n += 1;
    }
    assert!(n >= 20, "pages missing");
    assert!(wrong.is_empty(), "{} of {n} pages:\n{}", wrong.len(), wrong.join("\n"));
}
