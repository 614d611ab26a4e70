//! Typed, spanned entities from Chinese government directive text: dates, quantities,
//! people with their titles, organizations, places (with their statistical division codes),
//! meeting ordinals, quoted terms, URLs, emails and phone numbers.
//!
//! Every entity carries its kind, the text as it stands, a byte [`Span`] into the string
//! passed in and a typed [`Value`]: dates resolved against the page's publication date
//! (`1月8日` on a page of 2022-12-27 is 2023-01-08), quantities as exact decimals
//! (`6274.7万剂` is 62 747 000, never a float), people with their titles, places with their
//! NBS code and level.
//!
//! # Example
//! ```
//! use zhengling_entities::{Context, EntityKind, ExtractorBuilder, PartialDate, Value};
//! let extractor = ExtractorBuilder::new().build()?;
//! let ctx = Context {
//!     published: Some(PartialDate { year: 2022, month: Some(12), day: Some(27) }),
//!     ..Context::default()
//! };
//! let text = "1月8日起，市委书记王建军要求压实“四方责任”，排查60余万人";
//! let found = extractor.extract(text, &ctx);
//! let date = found.iter().find(|e| e.kind == EntityKind::Date).unwrap();
//! let Value::Date(d) = &date.value else { unreachable!() };
//! assert_eq!(d.start.unwrap().to_string(), "2023-01-08");
//! let person = found.iter().find(|e| e.kind == EntityKind::Person).unwrap();
//! assert_eq!(person.text, "王建军");
//! let qty = found.iter().find(|e| e.kind == EntityKind::Quantity).unwrap();
//! let Value::Quantity(q) = &qty.value else { unreachable!() };
//! assert_eq!(q.value.as_integer(), Some(600_000));
//! assert!(found.iter().all(|e| &text[e.span.start..e.span.end] == e.text));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! For a whole page use [`Extractor::extract_document`]: a short form defined in one
//! paragraph (`(以下简称“省疫情防控办”)`) and a person named with titles are recognized in
//! the others, and the page's dominant province settles ambiguous place names.
//!
//! # Crate features
//! - `serde`: `Serialize`/`Deserialize` for the entity model.
//!
//! # Panics / untrusted input
//! Extraction takes any `&str` and never panics; spans always fall on character boundaries
//! (a property test checks both on arbitrary input). [`ExtractorBuilder::build`] fails only
//! if an embedded data file is malformed, which the tests rule out.
//!
//! # Performance
//! Lexicons (titles, measures, organization suffixes, 6 000+ place names...) are compiled
//! once into Aho-Corasick automata at [`ExtractorBuilder::build`]; extraction is a few linear
//! passes. See the crate README for measured throughput (tens of MB/s on one core).
#![forbid(unsafe_code)]

mod date;
mod error;
mod lexicon;
mod meeting;
mod misc;
pub mod names;
mod numeral;
mod org;
mod person;
mod place;
pub mod printed;
mod quantity;
mod tables;
mod text;
mod types;

use std::collections::HashSet;
use std::sync::Arc;

pub use error::{Error, Result};
pub use numeral::parse_numeral;
pub use place::{Division, Divisions};
pub use tables::Table;
pub use types::*;
pub use zhengling_tables::TableId;

use place::Evidence;

/// What the extractor knows about the page.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// The publication date; resolves years and relative dates. Without it, the first
    /// date of the document written in full (year, month, day) stands in.
    pub published: Option<PartialDate>,
    /// The page's region (a division name), to resolve ambiguous place names.
    pub region: Option<&'a str>,
}

/// Builds an [`Extractor`].
#[derive(Debug, Clone, Default)]
pub struct ExtractorBuilder {
    only: Option<Vec<EntityKind>>,
    tables: tables::Tables,
}

impl ExtractorBuilder {
    /// Default options: every kind.
    pub fn new() -> Self {
        Self::default()
    }

    /// Extracts only these kinds (the others are skipped, which is faster).
    pub fn kinds(&mut self, kinds: &[EntityKind]) -> &mut Self {
        self.only = Some(kinds.to_vec());
        self
    }

    /// Replaces a data file with `text` (same format; start from
    /// [`TableId::default_text`] to edit it).
    ///
    /// ```
    /// use zhengling_entities::{EntityKind, ExtractorBuilder, Table};
    /// let ex = ExtractorBuilder::new().extend_table(Table::Titles, "首席科学家\tpre").build()?;
    /// let found = ex.extract("首席科学家王明表示", &Default::default());
    /// assert!(found.iter().any(|e| e.kind == EntityKind::Person && e.text == "王明"));
    /// # Ok::<(), zhengling_entities::Error>(())
    /// ```
    pub fn table(&mut self, table: Table, text: impl Into<String>) -> &mut Self {
        self.tables.replace(table, text);
        self
    }

    /// Adds rows to a data file (after the embedded or replaced ones).
    pub fn extend_table(&mut self, table: Table, text: impl Into<String>) -> &mut Self {
        self.tables.extend(table, text);
        self
    }

    /// Builds the extractor: parses the data files and compiles the automata.
    ///
    /// # Errors
    /// When a data file is invalid (the message names the file and line).
    pub fn build(&self) -> Result<Extractor> {
        let t = &self.tables;
        let places = place::PlaceFinder::build(t)?;
        let orgs = org::OrgFinder::build(t)?;
        let people = person::PersonFinder::build(t)?;
        let lexicons = lexicon::Families::build(
            "place, organization and title",
            &[&places.patterns, &orgs.patterns, &people.patterns],
            false,
        )?;
        let inner = Inner {
            dates: date::DateFinder::build(t)?,
            quantities: quantity::QuantityFinder::build(t)?,
            lexicons,
            places,
            orgs,
            people,
            phones: misc::PhoneFinder::build()?,
            only: self.only.as_ref().map(|v| v.iter().copied().collect()),
        };
        Ok(Extractor { inner: Arc::new(inner) })
    }
}

#[derive(Debug)]
struct Inner {
    dates: date::DateFinder,
    quantities: quantity::QuantityFinder,
    /// Places, organizations and titles in one automaton, families 0, 1 and 2.
    lexicons: lexicon::Families,
    places: place::PlaceFinder,
    orgs: org::OrgFinder,
    people: person::PersonFinder,
    phones: misc::PhoneFinder,
    only: Option<HashSet<EntityKind>>,
}

/// Extracts entities. Immutable, `Send + Sync`, cheap to clone (shared), reusable.
#[derive(Debug, Clone)]
pub struct Extractor {
    inner: Arc<Inner>,
}

/// How many names of people found with titles are looked for in the rest of a page.
const MAX_PAGE_NAMES: usize = 64;
/// How many short forms defined on a page are looked for in the rest of it.
const MAX_PAGE_ALIASES: usize = 32;

/// What one paragraph yields before page-level evidence is applied.
#[derive(Debug, Default)]
struct Raw {
    fixed: Vec<(EntityKind, usize, usize, Value)>,
    places: Vec<place::PlaceHit>,
    orgs: Vec<org::OrgHit>,
    people: Vec<person::PersonHit>,
    aliases: Vec<(String, String)>,
}

impl Extractor {
    /// All entities in `text`, in text order (by start, longer first).
    pub fn extract<'h>(&self, text: &'h str, ctx: &Context<'_>) -> Vec<Entity<'h>> {
        self.run(&[text], ctx).pop().unwrap_or_default()
    }

    /// The entities of each paragraph of a page (`result[i]` has spans into `paragraphs[i]`),
    /// using page-level evidence: short forms defined anywhere on the page, people named with
    /// titles anywhere, and the page's dominant province for ambiguous place names.
    pub fn extract_document<'h, S: AsRef<str>>(
        &self,
        paragraphs: &'h [S],
        ctx: &Context<'_>,
    ) -> Vec<Vec<Entity<'h>>> {
        let texts: Vec<&'h str> = paragraphs.iter().map(AsRef::as_ref).collect();
        self.run(&texts, ctx)
    }

    /// The division table the extractor resolves places with.
    pub fn divisions(&self) -> &Divisions {
        &self.inner.places.divisions
    }

    fn wants(&self, k: EntityKind) -> bool {
        self.inner.only.as_ref().is_none_or(|s| s.contains(&k))
    }

    fn run<'h>(&self, texts: &[&'h str], ctx: &Context<'_>) -> Vec<Vec<Entity<'h>>> {
        // With no publication date, the document's first date written in full stands in
        // for it: the years of the dates around it are inferred from it.
        let anchored;
        let ctx = if ctx.published.is_none()
            && self.wants(EntityKind::Date)
            && let Some(anchor) = self.first_full_date(texts)
        {
            anchored = Context { published: Some(anchor), ..*ctx };
            &anchored
        } else {
            ctx
        };
        let raws: Vec<Raw> = texts.iter().map(|t| self.raw(t, ctx)).collect();
        let divisions = &self.inner.places.divisions;
        let region = ctx.region.and_then(|r| divisions.resolve(r, None));
        // page evidence: places that resolve on their own
        let mut evidence = Evidence::default();
        if let Some(r) = region {
            evidence.add(r);
        }
        for raw in &raws {
            for h in raw.places.iter().filter(|h| !h.weak) {
                if let Some((i, _)) = divisions.pick(&h.cands, region, &Evidence::default())
                    && let Some(d) = divisions.get(i)
                {
                    evidence.add(d);
                }
            }
        }
        let mut aliases: Vec<(String, String)> = Vec::new();
        for (short, full) in raws.iter().flat_map(|r| r.aliases.iter()) {
            // the first definition of a short form wins
            if aliases.len() < MAX_PAGE_ALIASES && !aliases.iter().any(|(s, _)| s == short) {
                aliases.push((short.clone(), full.clone()));
            }
        }
        // people named with titles, looked for on the whole page (a bounded number)
        let mut names: Vec<String> = Vec::new();
        let mut seen: HashSet<&str> = HashSet::new();
        for (raw, text) in raws.iter().zip(texts) {
            for p in raw.people.iter().filter(|p| !p.titles.is_empty()) {
                if let Some(n) = text.get(p.start..p.end)
                    && names.len() < MAX_PAGE_NAMES
                    && seen.insert(n)
                {
                    names.push(n.to_owned());
                }
            }
        }
        raws.into_iter()
            .zip(texts)
            .map(|(raw, text)| self.finish(text, raw, region, &evidence, &aliases, &names))
            .collect()
    }

    /// The first date of `texts` written with its year, month and day.
    fn first_full_date(&self, texts: &[&str]) -> Option<PartialDate> {
        texts.iter().filter(|t| t.contains('年') || t.contains('-')).find_map(|t| {
            let toks = numeral::scan(t);
            self.inner.dates.find(t, &toks, None).into_iter().find_map(|h| {
                let w = h.info.written;
                (w.year.is_some() && w.month.is_some() && w.day.is_some())
                    .then_some(h.info.start)
                    .flatten()
            })
        })
    }

    /// Everything that does not depend on the rest of the page.
    fn raw(&self, text: &str, ctx: &Context<'_>) -> Raw {
        let inner = &*self.inner;
        let mut raw = Raw::default();
        if text.is_empty() {
            return raw;
        }
        let toks = numeral::scan(text);
        let mut taken: Vec<(usize, usize)> = Vec::new();
        let mut fixed: Vec<(EntityKind, usize, usize, Value)> = Vec::new();
        if self.wants(EntityKind::Url) || self.wants(EntityKind::Email) {
            let urls = if text.contains("http") || text.contains("www.") {
                misc::urls(text)
            } else {
                Vec::new()
            };
            let emails = if text.contains('@') { misc::emails(text) } else { Vec::new() };
            for &(s, e) in &urls {
                fixed.push((EntityKind::Url, s, e, Value::None));
            }
            for &(s, e) in
                emails.iter().filter(|&&(s, e)| !urls.iter().any(|&(a, b)| a < e && s < b))
            {
                fixed.push((EntityKind::Email, s, e, Value::None));
            }
            taken.extend(urls);
            taken.extend(emails);
        }
        let link_set = text::SpanSet::new(taken.clone());
        let phones: Vec<(usize, usize)> = inner
            .phones
            .find(text, &toks)
            .into_iter()
            .filter(|&(s, e)| !link_set.hits(s, e))
            .collect();
        for &(s, e) in &phones {
            fixed.push((EntityKind::Phone, s, e, Value::None));
        }
        taken.extend(phones);
        let set = text::SpanSet::new(taken.clone());
        let toks: Vec<numeral::NumTok> =
            toks.into_iter().filter(|t| !set.hits(t.start, t.end)).collect();
        for d in inner.dates.find(text, &toks, ctx.published) {
            taken.push((d.start, d.end));
            fixed.push((EntityKind::Date, d.start, d.end, Value::Date(d.info)));
        }
        let mut families = inner.lexicons.scan(text).into_iter();
        let (place_hits, org_hits, title_hits) = (
            families.next().unwrap_or_default(),
            families.next().unwrap_or_default(),
            families.next().unwrap_or_default(),
        );
        let places = inner.places.among_hits(&place_hits);
        let orgs_wanted = self.wants(EntityKind::Organization)
            || self.wants(EntityKind::Person)
            || self.wants(EntityKind::Meeting);
        let mut orgs =
            if orgs_wanted { inner.orgs.among_hits(text, &org_hits, &places) } else { Vec::new() };
        raw.aliases = org::definitions(text, &mut orgs);
        let set = text::SpanSet::new(taken.clone());
        let free: Vec<numeral::NumTok> =
            toks.into_iter().filter(|t| !set.hits(t.start, t.end)).collect();
        for m in meeting::find(text, &free, &orgs) {
            // the ordinal's numerals are the meeting's
            let ord = (m.start, m.end);
            taken.push(ord);
            fixed.push((
                EntityKind::Meeting,
                m.start,
                m.end,
                Value::Meeting(MeetingInfo {
                    session: m.session,
                    body: m.body,
                    term: m.term,
                    name: m.name,
                }),
            ));
        }
        if self.wants(EntityKind::Quantity) {
            for q in inner.quantities.find(text, &free, &text::SpanSet::new(taken.clone())) {
                fixed.push((EntityKind::Quantity, q.start, q.end, Value::Quantity(q.info)));
            }
        }
        if self.wants(EntityKind::Quote) {
            for (s, e) in misc::quotes(text) {
                fixed.push((EntityKind::Quote, s, e, Value::None));
            }
        }
        if self.wants(EntityKind::Person) {
            raw.people = inner.people.among_hits(text, &title_hits, &orgs, &places);
        }
        raw.fixed = fixed;
        raw.places = places;
        raw.orgs = orgs;
        raw
    }

    /// Applies page evidence and assembles the paragraph's entities.
    fn finish<'h>(
        &self,
        text: &'h str,
        mut raw: Raw,
        region: Option<&Division>,
        evidence: &Evidence,
        aliases: &[(String, String)],
        names: &[String],
    ) -> Vec<Entity<'h>> {
        let mut out: Vec<Entity<'h>> = Vec::new();
        let push =
            |out: &mut Vec<Entity<'h>>, kind: EntityKind, s: usize, e: usize, value: Value| {
                if !self.wants(kind) {
                    return;
                }
                if let Some(t) = text.get(s..e).filter(|t| !t.is_empty()) {
                    out.push(Entity { kind, text: t, span: Span { start: s, end: e }, value });
                }
            };
        if !aliases.is_empty() {
            org::apply_aliases(text, aliases, &mut raw.orgs);
        }
        let mut people = std::mem::take(&mut raw.people);
        if !names.is_empty() && self.wants(EntityKind::Person) {
            let mut taken: Vec<(usize, usize)> = people.iter().map(|p| (p.start, p.end)).collect();
            taken.extend(raw.orgs.iter().map(|o| (o.start, o.end)));
            taken.extend(raw.fixed.iter().filter(|f| f.0 != EntityKind::Quote).map(|f| (f.1, f.2)));
            people.extend(self.inner.people.mentions(text, names, &text::SpanSet::new(taken)));
        }
        let mut no_place: Vec<(usize, usize)> = people.iter().map(|p| (p.start, p.end)).collect();
        no_place.extend(
            raw.fixed
                .iter()
                .filter(|f| matches!(f.0, EntityKind::Url | EntityKind::Email | EntityKind::Phone))
                .map(|f| (f.1, f.2)),
        );
        let no_place = text::SpanSet::new(no_place);
        for p in people {
            push(
                &mut out,
                EntityKind::Person,
                p.start,
                p.end,
                Value::Person(PersonInfo { titles: p.titles }),
            );
        }
        for o in std::mem::take(&mut raw.orgs) {
            push(
                &mut out,
                EntityKind::Organization,
                o.start,
                o.end,
                Value::Organization(OrganizationInfo { full: o.full, short: o.short }),
            );
        }
        let divisions = &self.inner.places.divisions;
        for h in &raw.places {
            if no_place.hits(h.start, h.end) {
                continue;
            }
            let Some((i, _)) = divisions.pick(&h.cands, region, evidence) else { continue };
            let Some(d) = divisions.get(i) else { continue };
            if h.weak {
                let supported = region.is_some_and(|r| r.contains(d)) || evidence.score(d) > 0;
                let alone = h.cands.len() == 1 && place::stands_alone(text, h.start, h.end);
                if !supported && !alone {
                    continue;
                }
            }
            let value = Value::Place(PlaceInfo {
                name: d.name.to_owned(),
                code: d.code.to_owned(),
                level: d.level,
                parent: d.parent.map(str::to_owned),
            });
            push(&mut out, EntityKind::Place, h.start, h.end, value);
        }
        for (kind, s, e, v) in raw.fixed {
            push(&mut out, kind, s, e, v);
        }
        out.sort_by(|a, b| {
            a.span
                .start
                .cmp(&b.span.start)
                .then(b.span.end.cmp(&a.span.end))
                .then(a.kind.cmp(&b.kind))
        });
        out.dedup_by(|a, b| a.kind == b.kind && a.span == b.span);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex() -> Extractor {
        ExtractorBuilder::new().build().unwrap()
    }

    #[allow(clippy::unnecessary_wraps)]
    fn pd(y: i32, m: u8, d: u8) -> Option<PartialDate> {
        Some(PartialDate { year: y, month: Some(m), day: Some(d) })
    }

    fn kinds<'a>(v: &'a [Entity<'a>], k: EntityKind) -> Vec<&'a str> {
        v.iter().filter(|e| e.kind == k).map(|e| e.text).collect()
    }

    /// Without a publication date the first date written in full gives the others a year.
    #[test]
    fn first_full_date_stands_in_for_the_publication_date() {
        let paras = [
            "自2022年12月30日0时起，解除全县临时性管控措施。",
            "12月31日至1月3日，各景区限流开放。",
        ];
        let out = ex().extract_document(&paras, &Context::default());
        let date = out[1].iter().find(|e| e.kind == EntityKind::Date).unwrap();
        let Value::Date(d) = &date.value else { panic!("{date:?}") };
        assert_eq!(d.start, pd(2022, 12, 31));
        assert_eq!(d.end, pd(2023, 1, 3));
        assert!(d.inferred);
        // a page with no full date keeps year-less dates unresolved
        let out = ex().extract_document(&["12月31日起开放"], &Context::default());
        let Value::Date(d) = &out[0][0].value else { panic!() };
        assert_eq!(d.start, None);
    }

    #[test]
    fn extractor_is_send_sync() {
        fn check<T: Send + Sync + Clone>() {}
        check::<Extractor>();
    }

    #[test]
    fn a_meeting_paragraph() {
        let t = "9月3日，省委常委、市委书记王建军主持召开市疫情防控工作领导小组第45次会议，传达贯彻省委第77次疫情防控专题会议精神。市委副书记、市长赵明提出具体要求。";
        let e = ex().extract(t, &Context { published: pd(2022, 9, 5), region: None });
        assert_eq!(kinds(&e, EntityKind::Person), vec!["王建军", "赵明"]);
        assert_eq!(
            kinds(&e, EntityKind::Meeting),
            vec!["市疫情防控工作领导小组第45次会议", "省委第77次疫情防控专题会议"]
        );
        let d = e.iter().find(|x| x.kind == EntityKind::Date).unwrap();
        let Value::Date(di) = &d.value else { panic!() };
        assert_eq!(di.start.unwrap().to_string(), "2022-09-03");
        assert!(kinds(&e, EntityKind::Organization).contains(&"市疫情防控工作领导小组"));
    }

    #[test]
    fn document_evidence() {
        let paras = [
            "河北省疫情防控工作领导小组办公室（以下简称“省防控办”）发布通知。市卫生健康委党组书记、主任周涛介绍情况。",
            "省防控办强调，周涛表示，辛集、晋州等地要加强排查。",
        ];
        let e = ex().extract_document(&paras, &Context::default());
        let org = e[1].iter().find(|x| x.kind == EntityKind::Organization).unwrap();
        assert_eq!(org.text, "省防控办");
        let Value::Organization(o) = &org.value else { panic!() };
        assert_eq!(o.full.as_deref(), Some("河北省疫情防控工作领导小组办公室"));
        assert_eq!(kinds(&e[1], EntityKind::Person), vec!["周涛"]);
        let places = kinds(&e[1], EntityKind::Place);
        assert_eq!(places, vec!["辛集", "晋州"]);
    }

    #[test]
    fn places_resolve_with_region() {
        let t = "大同、朔州两地";
        let e = ex().extract(t, &Context::default());
        let p = e.iter().find(|x| x.text == "大同").unwrap();
        let Value::Place(pi) = &p.value else { panic!() };
        assert_eq!(pi.code, "140200");
        let e = ex().extract("大同区", &Context { region: Some("黑龙江省"), ..Context::default() });
        let Value::Place(pi) = &e[0].value else { panic!() };
        assert_eq!(pi.code, "230606");
    }

    #[test]
    fn only_some_kinds() {
        let x = ExtractorBuilder::new().kinds(&[EntityKind::Quote]).build().unwrap();
        let e = x.extract("1月8日压实“四方责任”", &Context::default());
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].kind, EntityKind::Quote);
    }

    #[test]
    fn spans_slice_to_text() {
        let t = "2022年3月14日，(记者王小川)拨打0351-4567890或访问http://a.example.cn，约300人参加“一老一小”活动。";
        for e in ex().extract(t, &Context::default()) {
            assert_eq!(&t[e.span.start..e.span.end], e.text);
        }
    }
}
