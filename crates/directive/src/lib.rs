//! A typed, serde-serializable model of what a Chinese epidemic-prevention directive ordered,
//! and the rules that build it from paragraphs and entities.
//!
//! [`Rules::build`] turns an article (its title, publication date, paragraphs and the
//! entities `zhengling-entities` found in each: every date the record carries comes from a date
//! entity) into a [`Directive`]: the record a policy researcher would code by
//! hand for the Oxford COVID-19 Government Response Tracker (OxCGRT) or CoronaNet. It says
//! what kind of document the page is, who issued it, which division it governs, the national
//! policy stage it invokes, the meeting it reports, the responsibilities and risk-zone rules it
//! sets, and, clause by clause, who must do what to whom: every ordered or reported measure
//! coded with a category, an OxCGRT indicator and level, a CoronaNet policy type and a WHO PHSM
//! code.
//!
//! The rules are data: the measure taxonomy (`data/categories.tsv`, `data/measures.tsv`), the
//! modal verbs (`data/modality.tsv`), stages, responsibilities, target and actor heads and the
//! small word lists are TSV tables embedded in the crate. Replace any of them with
//! [`RulesBuilder::table`] to extend the rules without code. The crate README documents each
//! category with its OxCGRT code and examples.
//!
//! # Example
//! ```
//! use zhengling_directive::{Document, Kind, Modality, RulesBuilder};
//! let rules = RulesBuilder::new().build()?;
//! let paragraphs = vec!["各地要严格落实核酸检测,高风险区“足不出户、上门服务”。".to_owned()];
//! let entities = vec![Vec::new()];
//! let doc = Document {
//!     title: Some("关于做好疫情防控工作的通知"),
//!     published: Some("2022-10-08"),
//!     paragraphs: &paragraphs,
//!     entities: &entities,
//!     ..Document::default()
//! };
//! let d = rules.build(&doc);
//! assert_eq!(d.schema, zhengling_directive::SCHEMA);
//! assert_eq!(d.kind, Kind::Notice);
//! let item = &d.items[0];
//! assert_eq!(item.modality, Modality::Must);
//! assert_eq!(item.actor.as_deref(), Some("各地"));
//! assert_eq!(d.oxcgrt_codes(), ["C6", "H2"]);
//! assert_eq!(d.risk_zones[0].rule, "足不出户、上门服务");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Panics / untrusted input
//! [`Rules::build`] takes any text and entities; it never panics (spans are checked, slicing
//! uses `str::get`). Entity spans that do not fit their paragraph are ignored. Every item's
//! span slices its paragraph to the item's text.
//!
//! # Performance
//! All automata and patterns are compiled once by [`RulesBuilder::build`] (about 4 ms, with the
//! division table); a document is read by a few Aho-Corasick passes per paragraph. Measured on
//! one core, with entities: about 25 MiB/s of paragraph text, some 3,300 pages a second (see the
//! README).
#![forbid(unsafe_code)]

mod error;
mod groups;
mod issuer;
mod items;
mod lexicon;
mod meeting;
mod model;
mod params;
mod period;
mod segment;
mod stats;
mod tables;
mod zones;

use std::collections::HashSet;

pub use error::{Error, Result};
pub use model::*;
pub use tables::Category;
use zhengling_entities::Entity;

use crate::lexicon::{Lexicon, Sources};

/// The input the rules read: an article's paragraphs and the entities found in each.
#[derive(Debug, Clone, Copy, Default)]
pub struct Document<'a> {
    /// The headline.
    pub title: Option<&'a str>,
    /// Publication date as printed (ISO 8601).
    pub published: Option<&'a str>,
    /// Body paragraphs.
    pub paragraphs: &'a [String],
    /// `entities[i]` are the entities of `paragraphs[i]` (spans into that paragraph).
    pub entities: &'a [Vec<Entity<'a>>],
    /// The hosting site's name (`长治新闻网`): where the text names no place of its own, the
    /// place in it is the region a local page means by 我市.
    pub site: Option<&'a str>,
    /// The credited source (`长治日报`), used like `site`.
    pub source: Option<&'a str>,
    /// The signing bodies of an official document (发文机关署名), in order: the issuers of a
    /// notice, several for a joint document.
    pub signatories: &'a [String],
    /// The issuing body's header (发文机关标志, `贵阳市人民政府办公厅文件`).
    pub header: Option<&'a str>,
}

/// The rule tables a [`RulesBuilder`] can replace, by file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Table {
    /// `categories.tsv`: id, OxCGRT, CoronaNet, PHSM, name, examples.
    Categories,
    /// `measures.tsv`: term, category, OxCGRT, level, context, exclude.
    Measures,
    /// `modality.tsv`: cue, modality, place.
    Modality,
    /// `phases.tsv`: term, phase, rank.
    Phases,
    /// `responsibilities.tsv`: term, holders.
    Responsibilities,
    /// `targets.tsv`: head, kind, alone.
    Targets,
    /// `stops.tsv`: words that end a phrase on its left.
    Stops,
    /// `actors.tsv`: heads of actor phrases.
    Actors,
    /// `words.tsv`: list, word.
    Words,
    /// `provinces.tsv`: one-character province abbreviation, province.
    Provinces,
    /// `groups.tsv`: cue, field, value (what a word says about a group of people).
    Groups,
}

impl Table {
    /// The embedded default text of the table.
    pub fn default_text(self) -> &'static str {
        let s = Sources::default();
        match self {
            Table::Categories => s.categories,
            Table::Measures => s.measures,
            Table::Modality => s.modality,
            Table::Phases => s.phases,
            Table::Responsibilities => s.responsibilities,
            Table::Targets => s.targets,
            Table::Stops => s.stops,
            Table::Actors => s.actors,
            Table::Words => s.words,
            Table::Provinces => s.provinces,
            Table::Groups => s.groups,
        }
    }
}

/// Builds [`Rules`].
#[derive(Debug, Clone, Default)]
pub struct RulesBuilder {
    overrides: Vec<(Table, String)>,
}

impl RulesBuilder {
    /// Default rule tables.
    pub fn new() -> Self {
        Self::default()
    }

    /// Replaces one rule table with `text` (same format as the embedded file; start from
    /// [`Table::default_text`] to extend it).
    pub fn table(&mut self, table: Table, text: impl Into<String>) -> &mut Self {
        self.overrides.retain(|(t, _)| *t != table);
        self.overrides.push((table, text.into()));
        self
    }

    /// Builds the rules.
    ///
    /// # Errors
    /// When a rule table is invalid (wrong number of fields, unknown category, modality or
    /// OxCGRT code); the message names the file and line.
    pub fn build(&self) -> Result<Rules> {
        let mut src = Sources::default();
        for (t, text) in &self.overrides {
            let text = text.as_str();
            match t {
                Table::Categories => src.categories = text,
                Table::Measures => src.measures = text,
                Table::Modality => src.modality = text,
                Table::Phases => src.phases = text,
                Table::Responsibilities => src.responsibilities = text,
                Table::Targets => src.targets = text,
                Table::Stops => src.stops = text,
                Table::Actors => src.actors = text,
                Table::Words => src.words = text,
                Table::Provinces => src.provinces = text,
                Table::Groups => src.groups = text,
            }
        }
        let divisions = zhengling_entities::Divisions::load()
            .map_err(|e| Error::with_source("cannot load the division table", e))?;
        Ok(Rules { lx: Lexicon::build(&src)?, divisions })
    }
}

/// The rules that fill a [`Directive`]. Immutable, `Send + Sync`, reusable.
#[derive(Debug, Clone)]
pub struct Rules {
    lx: Lexicon,
    divisions: zhengling_entities::Divisions,
}

impl Rules {
    /// The measure categories of the taxonomy, in table order.
    pub fn categories(&self) -> &[Category] {
        &self.lx.categories
    }

    /// Builds the directive record of a document.
    pub fn build(&self, doc: &Document<'_>) -> Directive {
        let lx = &self.lx;
        let title = doc.title.unwrap_or("").trim();
        let paragraphs = doc.paragraphs;
        let entities = sanitize(doc);
        let published = doc.published.and_then(period::published_day);

        let groups = items::analyze(lx, paragraphs);
        let distinct: HashSet<usize> =
            groups.iter().flat_map(|g| g.measures.iter().map(|h| h.id)).collect();
        let (kind, kind_evidence) = issuer::kind(lx, title, paragraphs, distinct.len());

        let mut d = Directive { kind, kind_evidence, ..Directive::default() };
        // an official document names its issuers where it signs (发文机关署名), else in its
        // header (发文机关标志); a meeting is issued by the body that held it
        let signed = issuer::signed(doc.signatories, doc.header, paragraphs);
        if kind != Kind::Meeting && !signed.is_empty() {
            d.issuers = signed.iter().map(|(n, _)| n.clone()).collect();
            if let Some((name, ev)) = signed.into_iter().next() {
                d.issuer = Some(name);
                d.issuer_evidence = ev;
            }
        } else if let Some((name, ev)) = issuer::issuer(lx, kind, title, paragraphs, &entities) {
            d.issuers = vec![name.clone()];
            d.issuer = Some(name);
            d.issuer_evidence = Some(ev);
        }
        let region = if kind == Kind::Other {
            None
        } else {
            issuer::region(lx, &self.divisions, d.issuer.as_deref(), title, paragraphs, &entities)
                .or_else(|| issuer::region_of_names(&self.divisions, [doc.source, doc.site]))
        };
        if let Some(place) = region {
            d.region = Some(place.name);
            d.region_code = place.code;
        }
        // `市人民政府办公厅` on a 贵阳 page is 贵阳市人民政府办公厅
        if let Some(region) = d.region.clone() {
            for name in d.issuer.iter_mut().chain(d.issuers.iter_mut()) {
                if let Some(full) = issuer::qualify(lx, name, &region) {
                    *name = full;
                }
            }
        }
        if let Some((phase, ev)) = zones::phase(lx, title, paragraphs) {
            d.phase = Some(phase);
            d.phase_evidence = Some(ev);
        }
        if kind == Kind::Meeting {
            d.meeting = Some(meeting::meeting(lx, title, paragraphs, &entities));
        }
        d.responsibilities = zones::responsibilities(lx, title, paragraphs);
        d.risk_zones = zones::risk_zones(lx, paragraphs);
        d.items = items::items(
            lx,
            paragraphs,
            &entities,
            &groups,
            kind,
            published,
            d.region_code.as_deref(),
        );
        for g in &groups {
            let Some(p) = paragraphs.get(g.paragraph) else { continue };
            if items::modality(lx, g, g.seg.text(p), kind).is_directive() {
                continue;
            }
            let es = entities.get(g.paragraph).map(Vec::as_slice);
            d.statistics.extend(stats::statistics(lx, p, g.paragraph, g.seg, es));
        }
        // The whole document's period: a sentence about the document itself (本通告自…起施行),
        // or a notice's lead (自…起至…,在城区范围内实施静默管理).
        (d.valid_from, d.valid_to) =
            period::document(lx, paragraphs, &entities, kind == Kind::Notice, published);
        d
    }
}

/// The entities whose spans fit their paragraph (and whose text is what the span holds).
fn sanitize<'a>(doc: &Document<'a>) -> Vec<Vec<Entity<'a>>> {
    doc.paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            doc.entities
                .get(i)
                .map(|es| {
                    es.iter()
                        .filter(|e| p.get(e.span.start..e.span.end) == Some(e.text))
                        .cloned()
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The directive of a page, with the entities the extractor finds in its paragraphs.
    fn build(title: &str, published: &str, paragraphs: &[&str]) -> Directive {
        let rules = RulesBuilder::new().build().unwrap();
        let extractor = zhengling_entities::ExtractorBuilder::new().build().unwrap();
        let ps: Vec<String> = paragraphs.iter().map(|s| (*s).to_owned()).collect();
        let ctx = zhengling_entities::Context {
            published: period::published_day(published),
            region: None,
        };
        let es = extractor.extract_document(&ps, &ctx);
        rules.build(&Document {
            title: Some(title),
            published: Some(published),
            paragraphs: &ps,
            entities: &es,
            ..Document::default()
        })
    }

    #[test]
    fn a_notice_end_to_end() {
        let d = build(
            "晋中市新冠肺炎疫情防控指挥部关于加强疫情防控的通告",
            "2022-11-20T09:00:00",
            &[
                "为做好疫情防控工作,现将有关事项通告如下:",
                "一、自即日起,全市中高风险地区来人要主动报备,落实落地核酸检测。",
                "二、倡导市民非必要不离晋,减少跨省出行。",
                "三、拒不配合的,依法追究法律责任。",
                "四、本通告自发布之日起施行,至11月30日24时止。",
            ],
        );
        assert_eq!(d.kind, Kind::Notice);
        assert_eq!(d.issuer.as_deref(), Some("晋中市新冠肺炎疫情防控指挥部"));
        assert_eq!(d.region.as_deref(), Some("晋中市"));
        let codes = d.oxcgrt_codes();
        assert_eq!(codes, ["C7", "H2"]);
        let walk = d.items.iter().find(|i| i.text.contains("中高风险地区来人")).unwrap();
        assert_eq!(walk.targets, ["全市中高风险地区来人"]);
        assert_eq!(walk.valid_from.as_deref(), Some("2022-11-20"));
        let travel = d.items.iter().find(|i| i.text.contains("不离晋")).unwrap();
        assert_eq!(travel.modality, Modality::Encourage);
        assert_eq!(travel.measures[0].compliance, Some(Compliance::Voluntary));
        assert_eq!(d.valid_from.as_deref(), Some("2022-11-20"));
        assert_eq!(d.valid_to.as_deref(), Some("2022-11-30"));
        for i in &d.items {
            assert_eq!(i.text, i.text.trim());
        }
    }

    #[test]
    fn a_period_in_a_notice_lead_dates_the_document() {
        let d = build(
            "小店区新冠肺炎疫情防控指挥部关于实施临时性静默管理的通告",
            "2022-11-21T22:30:00",
            &[
                "为尽快阻断疫情传播,经研究决定,自2022年11月22日6时起至11月25日24时,在小店区主城区范围内实施临时性静默管理。现将有关事项通告如下:",
                "一、静默管理期间,居民非必要不外出,各小区实行封闭管理。",
                "二、自11月23日起,全区中小学暂停线下教学。",
                "三、至11月30日24时,全区宗教场所一律暂停开放。",
            ],
        );
        assert_eq!(d.kind, Kind::Notice);
        assert_eq!(d.valid_from.as_deref(), Some("2022-11-22"));
        assert_eq!(d.valid_to.as_deref(), Some("2022-11-25"));
        let school = d.items.iter().find(|i| i.text.contains("线下教学")).unwrap();
        assert_eq!(school.valid_from.as_deref(), Some("2022-11-23"));
        assert_eq!(school.valid_to, None);
        let worship = d.items.iter().find(|i| i.text.contains("宗教场所")).unwrap();
        assert_eq!(
            (worship.valid_from.as_deref(), worship.valid_to.as_deref()),
            (None, Some("2022-11-30"))
        );
        // The lead of a meeting report dates the meeting, not a period of the document.
        let d = build(
            "县委召开疫情防控工作会议",
            "2022-11-21",
            &["自11月21日起,县委连续召开会议,研究实施静默管理。", "会议要求,要严格落实核酸检测。"],
        );
        assert_eq!(d.kind, Kind::Meeting);
        assert_eq!((d.valid_from, d.valid_to), (None, None));
        // A date in the lead that opens no period dates nothing.
        let d = build(
            "关于进一步加强疫情防控工作的通告",
            "2022-11-21",
            &[
                "11月20日,我区新增1例无症状感染者。为尽快阻断疫情传播,现将有关事项通告如下:",
                "一、全区实施静默管理。",
            ],
        );
        assert_eq!((d.valid_from, d.valid_to), (None, None));
    }

    #[test]
    fn issuers_come_from_the_signature_then_the_header() {
        let rules = RulesBuilder::new().build().unwrap();
        let ps: Vec<String> =
            ["各区县人民政府：", "一、各地要落实核酸检测。", "市人民政府办公厅", "2020年2月11日"]
                .map(str::to_owned)
                .to_vec();
        let es = vec![Vec::new(); ps.len()];
        let joint = ["贵阳市人民政府办公厅".to_owned(), "贵阳市卫生健康局".to_owned()];
        let d = rules.build(&Document {
            title: Some("贵阳市卫生健康局关于做好疫情防控的通知"),
            paragraphs: &ps,
            entities: &es,
            signatories: &joint,
            ..Document::default()
        });
        assert_eq!(d.issuer.as_deref(), Some("贵阳市人民政府办公厅"));
        assert_eq!(d.issuers, joint);
        // a name relative to the page is qualified by its region
        let relative = ["市人民政府办公厅".to_owned()];
        let extractor = zhengling_entities::ExtractorBuilder::new().build().unwrap();
        let ps2: Vec<String> =
            ["贵阳市各区县人民政府：", "一、各地要落实核酸检测。", "市人民政府办公厅"]
                .map(str::to_owned)
                .to_vec();
        let es2 = extractor.extract_document(&ps2, &zhengling_entities::Context::default());
        let d = rules.build(&Document {
            title: Some("关于做好疫情防控的通知"),
            paragraphs: &ps2,
            entities: &es2,
            signatories: &relative,
            ..Document::default()
        });
        assert_eq!(d.region.as_deref(), Some("贵阳市"));
        assert_eq!(d.issuer.as_deref(), Some("贵阳市人民政府办公厅"));
        let ev = d.issuer_evidence.unwrap();
        assert_eq!((ev.paragraph, ev.text.as_str()), (Some(2), "市人民政府办公厅"));
        // unsigned: the header, without 文件
        let d = rules.build(&Document {
            title: Some("关于做好疫情防控的通知"),
            paragraphs: &ps[..2],
            entities: &es[..2],
            header: Some("贵州省卫生健康委员会文件"),
            ..Document::default()
        });
        assert_eq!(d.issuer.as_deref(), Some("贵州省卫生健康委员会"));
    }

    #[test]
    fn table_overrides_extend_the_rules() {
        let mut b = RulesBuilder::new();
        let measures =
            format!("{}足不下楼\tzoning-lockdown\tC6\t3\t-\t-\n", Table::Measures.default_text());
        b.table(Table::Measures, measures);
        let rules = b.build().unwrap();
        let ps = vec!["要做到足不下楼。".to_owned()];
        let es = vec![Vec::new()];
        let d = rules.build(&Document { paragraphs: &ps, entities: &es, ..Document::default() });
        assert_eq!(d.oxcgrt_codes(), ["C6"]);
        let e = RulesBuilder::new()
            .table(Table::Measures, "x\tnope\tC6\t3\t-\t-\n")
            .build()
            .unwrap_err();
        assert!(e.to_string().contains("measures.tsv line 1"), "{e}");
        assert!(rules.categories().iter().any(|c| c.id == "vaccination"));
    }

    #[test]
    fn bad_entity_spans_are_ignored() {
        use zhengling_entities::{EntityKind, Span, Value};
        let rules = RulesBuilder::new().build().unwrap();
        let ps = vec!["要戴口罩".to_owned()];
        let es = vec![vec![Entity {
            kind: EntityKind::Place,
            text: "太原",
            span: Span { start: 2, end: 400 },
            value: Value::None,
        }]];
        let d = rules.build(&Document { paragraphs: &ps, entities: &es, ..Document::default() });
        assert_eq!(d.region, None);
        assert_eq!(d.oxcgrt_codes(), ["H6"]);
    }
}
