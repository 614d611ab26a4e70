//! Golden tests: every `tests/fixtures/<case>.txt` (one paragraph a line; an optional first
//! line `published: YYYY-MM-DD`) is extracted as a page and compared with
//! `<case>.expected.tsv` (paragraph, kind, text, value). `UPDATE_GOLDEN=1` rewrites them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fmt::Write as _;
use std::path::Path;

use zhengling_entities::{Context, DateTime, Entity, Extractor, ExtractorBuilder, Value};
use zhengling_tables::golden;

fn value(e: &Entity<'_>) -> String {
    match &e.value {
        Value::Date(d) => {
            let s = d.start.map(|s| s.to_string()).unwrap_or_default();
            match d.end {
                Some(end) => format!("{s}..{end}"),
                None if d.open_end => format!("{s}.."),
                None => s,
            }
        }
        Value::Quantity(q) => format!(
            "{}{}{}",
            q.value,
            q.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default(),
            if q.approximate { " ~" } else { "" }
        ),
        Value::Person(p) => p.titles.join("|"),
        Value::Organization(o) => o.full.clone().unwrap_or_default(),
        Value::Place(p) => format!("{} {}", p.name, p.code),
        Value::Meeting(m) => format!("{} {}", m.session, m.body.clone().unwrap_or_default()),
        _ => String::new(),
    }
}

/// The expected text of one fixture: `paragraph <TAB> kind <TAB> text <TAB> value` per entity.
fn render(extractor: &Extractor, path: &Path) -> Result<String, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let mut lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut published = None;
    if let Some(d) = lines.first().and_then(|l| l.strip_prefix("published: ")) {
        published = Some(DateTime::parse(d).ok_or("bad published line")?.date);
        lines.remove(0);
    }
    let found = extractor.extract_document(&lines, &Context { published, region: None });
    let mut got = String::new();
    for (i, es) in found.iter().enumerate() {
        for e in es {
            if lines[i].get(e.span.start..e.span.end) != Some(e.text) {
                return Err(format!("span of {} does not slice its paragraph", e.text));
            }
            writeln!(got, "{i}\t{}\t{}\t{}", e.kind.as_str(), e.text, value(e)).unwrap();
        }
    }
    Ok(got)
}

#[test]
fn fixtures_match_expectations() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let extractor = ExtractorBuilder::new().build().unwrap();
    let inputs = golden::inputs(&[dir], &["txt"]);
    assert!(inputs.len() >= 3, "fixtures missing");
    if let Err(e) = golden::check(&inputs, "expected.tsv", |p| render(&extractor, p)) {
        panic!("{e}");
    }
}
