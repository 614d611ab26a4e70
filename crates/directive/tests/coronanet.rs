//! Consistency with CoronaNet's hand coding: Chinese statements of the measures in CoronaNet's
//! Shanxi records (`fixtures/coronanet_shanxi.tsv`) must be coded with a measure of the
//! record's CoronaNet policy type and the record's compliance.
#![allow(clippy::unwrap_used)]

use zhengling_directive::{Compliance, Document, RulesBuilder};

const FIXTURE: &str = include_str!("fixtures/coronanet_shanxi.tsv");

struct Record<'a> {
    id: &'a str,
    kind: &'a str,
    /// The type the rules give, where CoronaNet codes the same measure two ways.
    ours: Option<&'a str>,
    compliance: &'a str,
    sentence: &'a str,
}

fn records() -> Vec<Record<'static>> {
    FIXTURE
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert!(f.len() == 4 || f.len() == 5, "{l}");
            Record {
                id: f[0],
                kind: f[1],
                ours: f.get(4).copied(),
                compliance: f[2],
                sentence: f[3],
            }
        })
        .collect()
}

#[test]
fn rules_code_coronanet_records_consistently() {
    let rules = RulesBuilder::new().build().unwrap();
    let mut failures = Vec::new();
    let records = records();
    assert!(records.len() >= 25);
    for r in &records {
        let ps = vec![r.sentence.to_owned()];
        let es = vec![Vec::new()];
        let d = rules.build(&Document {
            title: Some("关于做好疫情防控工作的通知"),
            published: Some("2021-07-20"),
            paragraphs: &ps,
            entities: &es,
            ..Document::default()
        });
        let want = match r.compliance {
            "mandatory" => Compliance::Mandatory,
            "voluntary" => Compliance::Voluntary,
            other => panic!("unknown compliance {other}"),
        };
        let kind = r.ours.unwrap_or(r.kind);
        let ok = d
            .measures()
            .any(|m| m.coronanet.as_deref() == Some(kind) && m.compliance == Some(want));
        if !ok {
            let got: Vec<_> = d.measures().map(|m| (&m.term, &m.coronanet, m.compliance)).collect();
            failures.push(format!("{} {} {:?}: {} -> {got:?}", r.id, r.kind, want, r.sentence));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The fixture's ids and types are CoronaNet's (checked when the shared data set is present).
#[test]
fn fixture_matches_the_coronanet_subset() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/taxonomy/coronanet_Shanxi_subset.csv"
    );
    let Ok(csv) = std::fs::read_to_string(path) else { return };
    for r in records() {
        let line = csv.lines().find(|l| l.starts_with(&format!("{},", r.id)));
        let line = line.unwrap_or_else(|| panic!("{} is not in the CoronaNet subset", r.id));
        assert!(line.contains(&format!(",{},", r.kind)), "{} is not of type {}", r.id, r.kind);
    }
}
