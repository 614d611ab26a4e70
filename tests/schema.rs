//! The shipped JSON Schema of the record (`schema/record.schema.json`) is what the Rust types
//! generate (`zhengling::schema::record_schema`). `UPDATE_GOLDEN=1 cargo test --test schema`
//! rewrites it: review the diff before committing it. The Python and Spark tests validate
//! every record they produce against the shipped file.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use serde_json::Value;

fn shipped_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/record.schema.json")
}

#[test]
fn shipped_schema_matches_the_types() {
    let generated =
        serde_json::to_string_pretty(&zhengling::schema::record_schema()).unwrap() + "\n";
    let path = shipped_path();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let shipped = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        shipped == generated,
        "{} differs from what the types generate: run `UPDATE_GOLDEN=1 cargo test --test schema` \
         and review the diff",
        path.display()
    );
}

/// The properties an object schema declares, following a `$ref` into `$defs`.
fn properties<'a>(root: &'a Value, schema: &'a Value) -> Vec<&'a str> {
    let schema = match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => &root["$defs"][r.trim_start_matches("#/$defs/")],
        None => schema,
    };
    schema["properties"]
        .as_object()
        .map(|m| m.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

/// Every key of the golden records is a property of the schema, and every required property
/// is there (the full validation runs in the Python tests).
#[test]
fn golden_records_fit_the_schema() {
    let schema = serde_json::to_value(zhengling::schema::record_schema()).unwrap();
    assert_eq!(schema["additionalProperties"], false);
    let required: Vec<&str> =
        schema["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    for must in ["input", "paragraphs", "entities", "directive", "warnings"] {
        assert!(required.contains(&must), "{must} is not required");
    }
    assert!(!required.contains(&"error"), "error is optional");
    let top = properties(&schema, &schema);
    let directive = &schema["$defs"]["Directive"];
    let item = &schema["$defs"]["Item"];
    let measure = &schema["$defs"]["Measure"];
    let entity = &schema["$defs"]["EntityRecord"];
    let mut seen = 0;
    for dir in ["fixtures/seeds", "fixtures/pages"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        for e in std::fs::read_dir(dir).unwrap() {
            let path = e.unwrap().path();
            if !path.to_string_lossy().ends_with(".expected.json") {
                continue;
            }
            let record: Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let name = path.display();
            for k in record.as_object().unwrap().keys() {
                assert!(top.contains(&k.as_str()), "{name}: {k} is not in the schema");
            }
            for r in &required {
                assert!(record.get(*r).is_some(), "{name}: required {r} missing");
            }
            let check = |v: &Value, s: &Value, what: &str| {
                let props = properties(&schema, s);
                assert!(!props.is_empty(), "{what} has no properties in the schema");
                for k in v.as_object().unwrap().keys() {
                    assert!(props.contains(&k.as_str()), "{name}: {what}.{k} is not in the schema");
                }
            };
            check(&record["directive"], directive, "directive");
            for i in record["directive"]["items"].as_array().unwrap() {
                check(i, item, "item");
                for m in i["measures"].as_array().unwrap() {
                    check(m, measure, "measure");
                }
            }
            for en in record["entities"].as_array().unwrap() {
                check(en, entity, "entity");
            }
            seen += 1;
        }
    }
    assert!(seen >= 6, "golden records missing: {seen}");
}
