//! Golden tests: every `tests/fixtures/<case>.txt` (one paragraph a line; an optional first
//! line `published: YYYY-MM-DD`) is extracted as a page and compared with
//! `<case>.expected.tsv` (paragraph, kind, text, value). `UPDATE_GOLDEN=1` rewrites them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fmt::Write as _;
use std::path::Path;

use zhengling_entities::{Context, Entity, ExtractorBuilder, PartialDate, Value};

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

#[test]
fn fixtures_match_expectations() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let extractor = ExtractorBuilder::new().build().unwrap();
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut cases = 0;
    let mut entries: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries.into_iter().filter(|p| p.extension().is_some_and(|x| x == "txt")) {
        let text = std::fs::read_to_string(&path).unwrap();
        let mut lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        let mut published = None;
        if let Some(d) = lines.first().and_then(|l| l.strip_prefix("published: ")) {
            let p: Vec<u32> = d.split('-').map(|x| x.trim().parse().unwrap()).collect();
            published = Some(PartialDate {
                year: i32::try_from(p[0]).unwrap(),
                month: Some(u8::try_from(p[1]).unwrap()),
                day: Some(u8::try_from(p[2]).unwrap()),
            });
            lines.remove(0);
        }
        let found = extractor.extract_document(&lines, &Context { published, region: None });
        let mut got = String::new();
        for (i, es) in found.iter().enumerate() {
            for e in es {
                assert_eq!(&lines[i][e.span.start..e.span.end], e.text);
                writeln!(got, "{i}\t{}\t{}\t{}", e.kind.as_str(), e.text, value(e)).unwrap();
            }
        }
        let expected_path = path.with_extension("expected.tsv");
        if update {
            std::fs::write(&expected_path, &got).unwrap();
        } else {
            let expected = std::fs::read_to_string(&expected_path).unwrap_or_else(|_| {
                panic!("missing {}; run with UPDATE_GOLDEN=1", expected_path.display())
            });
            assert_eq!(got, expected, "{}", path.display());
        }
        cases += 1;
    }
    assert!(cases >= 3);
}
