//! Golden records: every page under `fixtures/seeds/` (and `fixtures/pages/`) goes through
//! the whole pipeline and its JSON record is compared with `<page>.expected.json` beside it.
//! `UPDATE_GOLDEN=1 cargo test --test golden` rewrites the expectations: review the diff by
//! hand before committing it.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::Path;

use zhengling::{Hints, Pipeline};
use zhengling_tables::golden;

#[test]
fn records_match_their_golden_files() {
    let pipeline = Pipeline::new().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let pages = golden::inputs(&[root.join("seeds"), root.join("pages")], &["txt", "html"]);
    assert!(pages.len() >= 4, "the fixtures are missing");
    let checked = golden::check(&pages, "expected.json", |page| {
        let name = page.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let bytes = std::fs::read(page).map_err(|e| e.to_string())?;
        let record = pipeline
            .process(&bytes, &Hints { input: Some(&name), ..Hints::default() })
            .map_err(|e| e.to_string())?;
        Ok(serde_json::to_string_pretty(&record).map_err(|e| e.to_string())? + "\n")
    });
    if let Err(e) = checked {
        panic!("{e}");
    }
}
