//! Golden records: every page under `fixtures/seeds/` (and `fixtures/pages/`) goes through
//! the whole pipeline and its JSON record is compared with `<page>.expected.json` beside it.
//! `UPDATE_GOLDEN=1 cargo test --test golden` rewrites the expectations: review the diff by
//! hand before committing it.
#![allow(
    clippy::unwrap_used,
    clippy::case_sensitive_file_extension_comparisons,
    clippy::many_single_char_names
)]

use std::path::{Path, PathBuf};

use zhengling::{Hints, Pipeline};

fn pages() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut out = Vec::new();
    for dir in ["seeds", "pages"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else { continue };
        for e in entries {
            let p = e.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            if !name.ends_with(".expected.json")
                && (name.ends_with(".txt") || name.ends_with(".html"))
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn records_match_their_golden_files() {
    let pipeline = Pipeline::new().unwrap();
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let pages = pages();
    assert!(pages.len() >= 4, "the fixtures are missing");
    let mut failed = Vec::new();
    for page in &pages {
        let name = page.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(page).unwrap();
        let record =
            pipeline.process(&bytes, &Hints { input: Some(&name), ..Hints::default() }).unwrap();
        let got = serde_json::to_string_pretty(&record).unwrap() + "\n";
        let expected_path = page.with_extension("expected.json");
        if update {
            std::fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != got {
            let line = expected
                .lines()
                .zip(got.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| expected.lines().count().min(got.lines().count()));
            failed.push(format!(
                "{name}: differs from {} at line {}:\n  expected: {}\n  got:      {}",
                expected_path.display(),
                line + 1,
                expected.lines().nth(line).unwrap_or("<end>"),
                got.lines().nth(line).unwrap_or("<end>")
            ));
        }
    }
    assert!(
        failed.is_empty(),
        "golden mismatches (UPDATE_GOLDEN=1 rewrites):\n{}",
        failed.join("\n")
    );
}
