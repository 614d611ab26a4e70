//! The output record: what `zhengling --json` prints for one page (see CONTRACT.md).

use serde::Serialize;
use zhengling_directive::Directive;
use zhengling_entities::{Entity, Value};

/// A removed block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RemovedBlock {
    /// Its text.
    pub text: String,
    /// Why it was removed (kebab-case).
    pub reason: String,
}

/// An entity with the paragraph it stands in; `paragraphs[paragraph][start..end] == text`.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EntityRecord {
    /// `date`, `person`, ...
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::entity_kind"))]
    pub kind: &'static str,
    /// The text as it stands.
    pub text: String,
    /// Paragraph index.
    pub paragraph: usize,
    /// Byte start in the paragraph.
    pub start: usize,
    /// Byte end in the paragraph.
    pub end: usize,
    /// The typed value: a date string, a number or a session number.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::entity_value"))]
    pub value: Option<serde_json::Value>,
    /// The end of a date range or period, or the upper end of a quantity range.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::entity_value"))]
    pub value_end: Option<serde_json::Value>,
    /// A date's precision as written (`year`, `month`, `day`, `hour`, `minute`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "zhengling_entities::DatePrecision"))]
    pub precision: Option<serde_json::Value>,
    /// Whether a date's year (or the whole date) was inferred from the publication date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inferred: Option<bool>,
    /// A date that opens a period (`即日起`, `1月8日起`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub open_end: bool,
    /// A date that closes a period (`至10月20日24时`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub until: bool,
    /// The side of a quantity's value the figure lies on (`above`, `below`, `at_least`, `at_most`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "zhengling_entities::Bound"))]
    pub bound: Option<serde_json::Value>,
    /// Whether a quantity is a percentage.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub percent: bool,
    /// A person's titles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub titles: Option<Vec<String>>,
    /// A quantity's unit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Whether a quantity is approximate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approximate: Option<bool>,
    /// The full form of an organization, or the official name of a place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub full: Option<String>,
    /// A place's division code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// A place's level.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "zhengling_entities::PlaceLevel"))]
    pub level: Option<serde_json::Value>,
    /// A place's parent division code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

impl EntityRecord {
    /// Flattens an entity of paragraph `paragraph` into its output shape.
    pub fn new(paragraph: usize, e: &Entity<'_>) -> Self {
        let mut r = EntityRecord {
            kind: e.kind.as_str(),
            text: e.text.to_owned(),
            paragraph,
            start: e.span.start,
            end: e.span.end,
            value: None,
            value_end: None,
            precision: None,
            inferred: None,
            open_end: false,
            until: false,
            bound: None,
            percent: false,
            titles: None,
            unit: None,
            approximate: None,
            full: None,
            code: None,
            level: None,
            parent: None,
        };
        match &e.value {
            Value::Date(d) => {
                r.value = d.start.map(|s| serde_json::Value::String(s.to_string()));
                r.value_end = d.end.map(|s| serde_json::Value::String(s.to_string()));
                r.precision = serde_json::to_value(d.precision).ok();
                r.inferred = Some(d.inferred);
                r.open_end = d.open_end;
                r.until = d.until;
            }
            Value::Quantity(q) => {
                r.value = serde_json::to_value(q.value).ok();
                r.unit.clone_from(&q.unit);
                r.approximate = Some(q.approximate);
                r.bound = q.bound.and_then(|b| serde_json::to_value(b).ok());
                r.value_end = q.range_end.and_then(|n| serde_json::to_value(n).ok());
                r.percent = q.percent;
            }
            Value::Person(p) => r.titles = Some(p.titles.clone()),
            Value::Organization(o) => r.full.clone_from(&o.full),
            Value::Place(p) => {
                r.full = Some(p.name.clone());
                r.code = Some(p.code.clone());
                r.level = serde_json::to_value(p.level).ok();
                r.parent.clone_from(&p.parent);
            }
            Value::Meeting(m) => r.value = Some(serde_json::Value::from(m.session)),
            _ => {}
        }
        r
    }
}

/// One element of an official document where it stands: `paragraphs[paragraph][start..end]`
/// (the title where `paragraph` is `null`) is `text`; `value` is the element cleaned (white space
/// inside Chinese text, brackets and seal notes taken out). An element written over several
/// lines has each line in `parts`, the first one's place repeated at the top. An element taken
/// out of the text (the header and number of a flattened document, which leave the body) has
/// its value, `paragraph` `null` and an empty span.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocumentPart {
    /// The cleaned value (a date as `YYYY-MM-DD`).
    pub value: String,
    /// Paragraph index, `null` for the title.
    pub paragraph: Option<usize>,
    /// Byte start.
    pub start: usize,
    /// Byte end.
    pub end: usize,
    /// The text there.
    pub text: String,
    /// Every line of an element written over several, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<DocumentSpan>,
}

/// A span of an element written over several lines.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocumentSpan {
    /// Paragraph index, `null` for the title.
    pub paragraph: Option<usize>,
    /// Byte start.
    pub start: usize,
    /// Byte end.
    pub end: usize,
    /// The text there.
    pub text: String,
}

/// A numbered heading of an official document's body (`一、` level 1, `（一）` 2, `1.` 3, `（1）` 4).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocumentHeading {
    /// 1 to 4.
    pub level: u8,
    /// The marker where it stands.
    #[serde(flatten)]
    pub at: DocumentSpan,
}

/// The structure of an official document (GB/T 9704-2012), as found in the page.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocumentRecord {
    /// 发文机关标志.
    pub header: Option<DocumentPart>,
    /// 发文字号 or the sequence number under the title.
    pub number: Option<DocumentPart>,
    /// 标题.
    pub title: Option<DocumentPart>,
    /// 主送机关.
    pub addressees: Vec<DocumentPart>,
    /// 发文机关署名.
    pub signatories: Vec<DocumentPart>,
    /// 成文日期 (`value` is `YYYY-MM-DD`).
    pub date: Option<DocumentPart>,
    /// 附件说明 items.
    pub attachments: Vec<DocumentPart>,
    /// 抄送.
    pub cc: Vec<DocumentPart>,
    /// 印发机关.
    pub printed_by: Option<DocumentPart>,
    /// 印发日期.
    pub printed_on: Option<DocumentPart>,
    /// The body's numbered headings.
    pub levels: Vec<DocumentHeading>,
}

fn span(p: &zhengling_boilerplate::Part) -> DocumentSpan {
    DocumentSpan { paragraph: p.paragraph, start: p.start, end: p.end, text: p.text.clone() }
}

fn part(value: String, parts: &[zhengling_boilerplate::Part]) -> DocumentPart {
    let Some(first) = parts.first() else {
        // an element taken out of the text (a flattened document's number): its value only
        return DocumentPart { value, ..DocumentPart::default() };
    };
    DocumentPart {
        value,
        paragraph: first.paragraph,
        start: first.start,
        end: first.end,
        text: first.text.clone(),
        parts: if parts.len() > 1 { parts.iter().map(span).collect() } else { Vec::new() },
    }
}

impl DocumentRecord {
    /// The record of a document found by the boilerplate crate.
    pub fn new(d: &zhengling_boilerplate::OfficialDocument) -> Self {
        let el = |e: &zhengling_boilerplate::Element| part(e.value.clone(), &e.parts);
        let date =
            |d: &zhengling_boilerplate::DocDate| part(d.iso(), std::slice::from_ref(&d.part));
        DocumentRecord {
            header: d.header.as_ref().map(el),
            number: d.number.as_ref().map(el),
            title: d.title.as_ref().map(el),
            addressees: d.addressees.iter().map(el).collect(),
            signatories: d.signatories.iter().map(el).collect(),
            date: d.date.as_ref().map(date),
            attachments: d.attachments.iter().map(el).collect(),
            cc: d.cc.iter().map(el).collect(),
            printed_by: d.printed_by.as_ref().map(el),
            printed_on: d.printed_on.as_ref().map(date),
            levels: d
                .levels
                .iter()
                .map(|h| DocumentHeading { level: h.level, at: span(&h.part) })
                .collect(),
        }
    }
}

/// What normalization did to the page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NormalizationSummary {
    /// Pinyin annotations removed.
    pub pinyin_removed: usize,
    /// Mojibake sequences repaired.
    pub mojibake_repaired: usize,
    /// Whether Traditional text was converted to Simplified.
    pub converted: bool,
    /// Whether authentic Traditional text was kept (the default script policy keeps pages
    /// written in Traditional, and converts conversion artifacts of mainland originals).
    pub traditional_kept: bool,
    /// The page's script before conversion (`simplified`, `traditional`, `mixed`, `unknown`).
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::script"))]
    pub script: Option<&'static str>,
    /// A page with pinyin glued after characters is a spam mirror.
    pub spam_mirror: bool,
}

impl NormalizationSummary {
    /// Takes the page-level evidence.
    pub(crate) fn note_profile(&mut self, p: &zhengling_normalize::PageProfile) {
        self.script = Some(p.script.as_str());
        self.spam_mirror = p.is_spam_mirror();
    }

    /// Adds what one normalization did.
    pub(crate) fn note(&mut self, r: &zhengling_normalize::Report) {
        self.pinyin_removed += r.pinyin_removed;
        self.mojibake_repaired += r.mojibake_repaired;
        self.converted |= r.converted;
        self.traditional_kept |= r.traditional_kept;
    }
}

/// One page's output.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Record {
    /// The input as given (a path, a URL or `FILE#N`).
    pub input: String,
    /// `html` or `text`.
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::format"))]
    pub format: Option<&'static str>,
    /// The encoding the bytes were decoded with.
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::encoding"))]
    pub encoding: Option<&'static str>,
    /// Where the encoding came from (`bom`, `http`, `meta`, `utf8`, `detected`, `tld`, `fallback`).
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::encoding_source"))]
    pub encoding_source: Option<&'static str>,
    /// Malformed byte sequences met while decoding.
    pub malformed: usize,
    /// Headline.
    pub title: Option<String>,
    /// Publication time as printed, ISO 8601.
    pub published: Option<String>,
    /// Hosting site's name.
    pub site: Option<String>,
    /// Credited source.
    pub source: Option<String>,
    /// Author (or, where the page names no author, its editor).
    pub author: Option<String>,
    /// Editor (`责任编辑`), when printed.
    pub editor: Option<String>,
    /// Everyone credited as author, `author` first (`作者：王芳 李明`); empty when `author`
    /// is the editor.
    #[serde(default)]
    pub authors: Vec<String>,
    /// Document number (发文字号) of an official document: `晋政办发〔2022〕12号`.
    #[serde(default)]
    pub doc_number: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// The main text, normalized.
    pub paragraphs: Vec<String>,
    /// What was removed and why.
    pub removed: Vec<RemovedBlock>,
    /// Entities with paragraph spans.
    pub entities: Vec<EntityRecord>,
    /// The structure of the official document the page is (`null` for other pages).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<DocumentRecord>,
    /// The typed directive record.
    pub directive: Option<Directive>,
    /// What normalization did.
    pub normalization: NormalizationSummary,
    /// Problems that did not stop the page (no article found, many malformed bytes).
    pub warnings: Vec<String>,
    /// Why the page could not be processed (naming the input); the other fields are then
    /// empty.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The kind of failure, for counting and filtering (`read`, `malformed`, `truncated`,
    /// `too-large`, `undecodable`, `process`, `panic`, `timeout`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(schema_with = "crate::schema::error_kind"))]
    pub error_kind: Option<&'static str>,
}

impl Record {
    /// The record of a page that could not be processed.
    pub fn failed(input: impl Into<String>, error: impl Into<String>) -> Self {
        Record { input: input.into(), error: Some(error.into()), ..Record::default() }
    }
}
