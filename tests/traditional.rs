//! One record in one script: pages kept in Traditional characters (written for this test: a
//! meeting report and a notice with risk zones, `fixtures/pages/macau_*_traditional.txt`, and
//! the Big5 Taiwan news page) are analysed on their Simplified view, and every string of their
//! record is Traditional and every span slices the text it points into.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use serde_json::Value;
use zhengling::{Hints, Pipeline};

/// Whether `c` is written only in Simplified (it has Traditional forms, none of them itself).
fn simplified_only(c: char) -> bool {
    let t = zhengling_tables::traditional_chars(c);
    !t.is_empty() && !t.contains(&c)
}

/// Every string under `v` with its JSON path, in order.
fn strings<'a>(v: &'a Value, path: String, out: &mut Vec<(String, &'a str)>) {
    match v {
        Value::String(s) => out.push((path, s)),
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                strings(x, format!("{path}[{i}]"), out);
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                strings(x, format!("{path}.{k}"), out);
            }
        }
        _ => {}
    }
}

/// Every object under `v` that is a span (`paragraph` or none for the title, `start`, `end`,
/// and a `text` or `term`), with its path.
fn spans<'a>(v: &'a Value, path: &str, out: &mut Vec<(String, &'a Value)>) {
    match v {
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                spans(x, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(o) => {
            if o.get("start").is_some_and(Value::is_u64) && o.get("end").is_some_and(Value::is_u64)
            {
                out.push((path.to_owned(), v));
            }
            for (k, x) in o {
                spans(x, &format!("{path}.{k}"), out);
            }
        }
        _ => {}
    }
}

/// The text a span object holds: its `text`, else a measure's `term` (a measure expanded from
/// a shorthand holds the shorthand, `notation`).
fn span_text(o: &Value) -> Option<&str> {
    o.get("notation")
        .and_then(Value::as_str)
        .or_else(|| o.get("text").and_then(Value::as_str))
        .or_else(|| o.get("term").and_then(Value::as_str))
}

fn check(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/pages").join(name);
    let bytes = std::fs::read(&path).unwrap();
    let record = Pipeline::new().unwrap().process(&bytes, &Hints::default()).unwrap();
    assert!(record.normalization.traditional_kept, "{name} is kept in Traditional");
    let v = serde_json::to_value(&record).unwrap();
    let mut all = Vec::new();
    strings(&v, String::new(), &mut all);
    // `removed` holds the page's own boilerplate as it was, before normalization
    let mixed: Vec<_> = all
        .iter()
        .filter(|(p, _)| !p.starts_with(".removed"))
        .filter(|(_, s)| s.chars().any(simplified_only))
        .collect();
    assert!(mixed.is_empty(), "{name}: strings in Simplified: {mixed:?}");
    let paragraphs: Vec<&str> =
        v["paragraphs"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
    let title = v["title"].as_str().unwrap_or("");
    let mut found = Vec::new();
    for section in ["entities", "directive"] {
        spans(&v[section], &format!(".{section}"), &mut found);
    }
    assert!(found.len() > 5, "{name}: {} spans", found.len());
    for (path, o) in found {
        // an item's measures and groups stand in the item's paragraph unless they say otherwise
        let paragraph = o.get("paragraph").and_then(Value::as_u64).or_else(|| {
            let owner = path.find(".items[").map(|i| &path[..=(path[i..].find(']').unwrap() + i)]);
            owner.and_then(|p| {
                let at = p.rfind('[').unwrap();
                let i: usize = p[at + 1..p.len() - 1].parse().ok()?;
                v["directive"]["items"][i]["paragraph"].as_u64()
            })
        });
        let piece = match paragraph {
            Some(i) => paragraphs[usize::try_from(i).unwrap()],
            None => title,
        };
        let (s, e) = (o["start"].as_u64().unwrap(), o["end"].as_u64().unwrap());
        let (s, e) = (usize::try_from(s).unwrap(), usize::try_from(e).unwrap());
        if let Some(text) = span_text(o) {
            assert_eq!(piece.get(s..e), Some(text), "{name}: {path} does not slice its text");
        }
    }
    v
}

#[test]
fn a_meeting_report_kept_in_traditional_is_one_record_in_traditional() {
    let v = check("macau_meeting_traditional.txt");
    let d = &v["directive"];
    assert_eq!(d["kind"], "meeting");
    let groups: Vec<&str> = d["items"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|i| i["groups"].as_array().unwrap())
        .map(|g| g["text"].as_str().unwrap())
        .collect();
    assert!(groups.contains(&"來自高風險地區的人員"), "{groups:?}");
    let terms: Vec<&str> = d["items"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|i| i["measures"].as_array().unwrap())
        .map(|m| m["term"].as_str().unwrap())
        .collect();
    assert!(terms.contains(&"集中隔離") && terms.contains(&"核酸檢測"), "{terms:?}");
}

#[test]
fn a_notice_with_risk_zones_kept_in_traditional_is_one_record_in_traditional() {
    let v = check("macau_notice_zones_traditional.txt");
    let d = &v["directive"];
    assert_eq!(d["kind"], "notice");
    assert_eq!(d["issuer"], "特區政府新型冠狀病毒感染應變協調中心");
    assert_eq!(d["risk_zones"][0]["rule"], "足不出戶、上門服務");
    assert_eq!(d["risk_zones"][1]["rule"], "人不出區、錯峰取物");
    let window = d["items"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|i| i["measures"].as_array().unwrap())
        .find_map(|m| m["within"].as_object())
        .unwrap();
    assert_eq!(window["text"], "48小時內");
}

#[test]
fn a_big5_news_page_kept_in_traditional_is_one_record_in_traditional() {
    check("taiwan_news_big5.html");
}
