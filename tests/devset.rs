//! Golden test over the development set (devset/): the whole `document` of every page's record
//! is compared with `devset/expected/<page>.document.json`, reviewed by hand.
//! `UPDATE_GOLDEN=1 cargo test --test devset` rewrites the expectations: review the diff.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::expect_used,
    clippy::cast_possible_truncation,
    clippy::many_single_char_names
)]

use std::path::Path;

#[test]
fn devset_documents() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("devset");
    let expected_dir = root.join("expected");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut pages: Vec<_> = std::fs::read_dir(root.join("pages"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "html"))
        .collect();
    pages.sort();
    assert!(pages.len() >= 40, "the development set has {} pages", pages.len());
    let mut bad = Vec::new();
    for page in &pages {
        let bytes = std::fs::read(page).unwrap();
        let rec = zhengling::process(&bytes, &zhengling::Hints::default()).unwrap();
        // every span slices its paragraph (or the title)
        if let Some(d) = &rec.document {
            let v = serde_json::to_value(d).unwrap();
            check_spans(&v, &rec);
        }
        let got = serde_json::to_string_pretty(&rec.document).unwrap() + "\n";
        let name = page.file_name().unwrap().to_string_lossy().replace('.', "_");
        let path = expected_dir.join(format!("{name}.document.json"));
        if update {
            std::fs::create_dir_all(&expected_dir).unwrap();
            std::fs::write(&path, &got).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(got.as_str()) {
            bad.push(path.display().to_string());
        }
    }
    assert!(bad.is_empty(), "document mismatches (UPDATE_GOLDEN=1 rewrites):\n{}", bad.join("\n"));
}

fn check_spans(v: &serde_json::Value, rec: &zhengling::Record) {
    match v {
        serde_json::Value::Object(m) => {
            if let (Some(s), Some(e), Some(t)) = (m.get("start"), m.get("end"), m.get("text")) {
                let (s, e) = (s.as_u64().unwrap() as usize, e.as_u64().unwrap() as usize);
                let src = match m.get("paragraph").and_then(serde_json::Value::as_u64) {
                    Some(i) => rec.paragraphs[i as usize].as_str(),
                    None => rec.title.as_deref().unwrap_or(""),
                };
                assert_eq!(src.get(s..e), t.as_str(), "{m:?}");
            }
            m.values().for_each(|x| check_spans(x, rec));
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| check_spans(x, rec)),
        _ => {}
    }
}
