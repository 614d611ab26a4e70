//! The JSON Schema of the output record (feature `schema`).
//!
//! [`record_schema`] generates it from the Rust types ([`crate::Record`] and everything in
//! it), for the serialized form: a field the record always writes is `required`, a field
//! it leaves out when empty (`error`, an entity's `value`) is optional, and every object
//! is closed (`additionalProperties: false`), so a record with a field the schema does not
//! know fails validation. The repository ships the result as `schema/record.schema.json`;
//! `tests/schema.rs` fails when the two differ (`UPDATE_GOLDEN=1` rewrites the file).
//!
//! # Example
//! ```
//! let schema = zhengling::schema::record_schema();
//! let json = serde_json::to_value(&schema)?;
//! assert_eq!(json["title"], "Record");
//! assert!(json["required"].as_array().is_some_and(|r| r.contains(&"paragraphs".into())));
//! # Ok::<(), serde_json::Error>(())
//! ```

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{Schema, SchemaGenerator, json_schema};

/// The `$id` written into the schema.
pub const SCHEMA_ID: &str = "https://example.invalid/zhengling/schema/record.schema.json";

/// The JSON Schema (draft 2020-12) of one record as `zhengling --json` prints it.
pub fn record_schema() -> Schema {
    let mut schema = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<crate::Record>();
    let mut close = RecursiveTransform(|s: &mut Schema| {
        if s.get("properties").is_some() && s.get("additionalProperties").is_none() {
            s.insert("additionalProperties".to_owned(), false.into());
        }
    });
    schemars::transform::Transform::transform(&mut close, &mut schema);
    schema.insert("$id".to_owned(), SCHEMA_ID.into());
    schema
}

/// An entity's `value` or `value_end`: a date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, with a time
/// `THH:MM` where written) or a number (a quantity, a meeting's session).
pub(crate) fn entity_value(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": "A date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, possibly with a time) for dates; a number for quantities and meeting sessions.",
        "type": ["string", "number"]
    })
}

/// `html` or `text`.
pub(crate) fn format(_: &mut SchemaGenerator) -> Schema {
    json_schema!({"type": ["string", "null"], "enum": ["html", "text", null]})
}

/// Where the encoding came from.
pub(crate) fn encoding_source(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": ["string", "null"],
        "enum": ["bom", "http", "meta", "utf8", "detected", "tld", "fallback", null]
    })
}

/// An encoding's WHATWG name.
pub(crate) fn encoding(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": "The WHATWG name of the encoding (`UTF-8`, `GBK`, `gb18030`, `Big5`, ...).",
        "type": ["string", "null"]
    })
}

/// The kind of failure of an error record.
pub(crate) fn error_kind(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "string",
        "enum": ["read", "malformed", "truncated", "too-large", "undecodable", "process", "panic", "timeout"]
    })
}

/// A page's script before conversion.
pub(crate) fn script(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": ["string", "null"],
        "enum": ["simplified", "traditional", "mixed", "unknown", null]
    })
}

/// An entity's kind.
pub(crate) fn entity_kind(generator: &mut SchemaGenerator) -> Schema {
    generator.subschema_for::<zhengling_entities::EntityKind>()
}
