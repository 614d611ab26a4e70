//! Giving every item its groups: its own words, the clause or header it stands under, the
//! page's definitions and senses, named places.

use super::scope::{exceptions, is_condition};
use super::{
    Header, SUBJECT_LEAD, Who, classify, groups_of, is_group_clause, phrases, refine, scopes,
    untyped,
};
use crate::lexicon::{GroupField, Lexicon};
use crate::model::{Group, Origin};
use crate::segment::{self, Seg, chars, clauses};

/// Whether `text` names a test certificate (its measure terms code as `health-certificate`).
fn names_certificate(lx: &Lexicon, text: &str) -> bool {
    lx.measures.find(text).iter().any(|h| {
        lx.term_rows
            .get(h.id)
            .and_then(|rows| rows.first())
            .and_then(|&r| lx.rows.get(r))
            .and_then(|r| lx.categories.get(r.category))
            .is_some_and(|c| c.id == "health-certificate")
    })
}

/// The group names a page defines, with who they are: `X是指Y` / `X主要指Y` (a definition
/// after the name) or `X（主要是Y）` (a bracketed aside right after it), where X ends in a
/// people head and Y types people (their `people`, else `listed` for a list of specific
/// origins).
pub(super) fn definitions(lx: &Lexicon, paragraphs: &[String]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for p in paragraphs {
        for s in crate::segment::sentences(p) {
            let text = s.text(p);
            for w in &lx.lists.define {
                let Some(at) = text.find(w.as_str()) else { continue };
                let before = text.get(..at).unwrap_or("");
                let aside = before.ends_with(['（', '(']);
                let name_end = if aside { before.trim_end_matches(['（', '(']).len() } else { at };
                let name_text = text.get(..name_end).unwrap_or("");
                let Some(head) = lx.target_words.find(name_text).into_iter().rfind(|h| {
                    h.end == name_text.len() && lx.target_heads.get(h.id).is_some_and(|t| t.people)
                }) else {
                    continue;
                };
                let name = name_text.get(head.start..).unwrap_or("");
                let rest = text.get(at + w.len()..).unwrap_or("");
                let body = if aside { rest.split(['）', ')']).next().unwrap_or("") } else { rest };
                let attrs = classify(lx, body);
                let people = attrs
                    .iter()
                    .find_map(|a| a.people.clone().and_then(Who::named))
                    .or_else(|| {
                        attrs
                            .iter()
                            .any(|a| a.origin.is_some_and(Origin::is_risk))
                            .then(|| "listed".to_owned())
                    });
                if let Some(people) = people
                    && !out.iter().any(|(n, _)| n == name)
                {
                    out.push((name.to_owned(), people));
                }
                break;
            }
        }
    }
    out
}

/// Types the groups the page defines by name: a group whose words end in a defined name and
/// that names no people of its own.
fn apply_definitions(defined: &[(String, String)], groups: &mut [Group]) {
    for g in groups {
        if g.people.is_some() {
            continue;
        }
        if let Some((_, people)) = defined.iter().find(|(n, _)| g.text.ends_with(n.as_str())) {
            g.people = Some(people.clone());
        }
    }
}

/// Whether division `outer` (a statistical code: `320000` a province, `321000` a city) is
/// `inner` or contains it.
fn contains_division(outer: &str, inner: &str) -> bool {
    let prefix = |n: usize| outer.get(..n).is_some_and(|o| inner.get(..n) == Some(o));
    outer == inner || (outer.ends_with("0000") && prefix(2)) || (outer.ends_with("00") && prefix(4))
}

/// Movement characters a destination follows (`来（返）辽阳人员`, `返回厦门农村地区`).
const TOWARD: &[char] = &['来', '返', '回', '入', '进', '抵', '到', '赴', '往', '至', '）', ')'];

/// Makes a group of named places (`石家庄市和邢台市低风险地区来返人员`, `绥化返鹤人员`) a
/// `named-area` group: a place entity inside the group's words that is no destination (after 来
/// 返 入…) names where its people come from; the risk level or territory it had moves to `area`.
fn name_places(paragraphs: &[String], places: &[Vec<(usize, usize)>], groups: &mut [Group]) {
    for g in groups {
        let Some(p) = paragraphs.get(g.paragraph) else { continue };
        let named = places.get(g.paragraph).is_some_and(|ps| {
            ps.iter().any(|&(s, e)| {
                g.start <= s
                    && e <= g.end
                    && !p
                        .get(g.start..s)
                        .and_then(|b| b.chars().next_back())
                        .is_some_and(|c| TOWARD.contains(&c))
            })
        });
        if !named
            || g.origin.is_some_and(|o| {
                matches!(
                    o,
                    Origin::Abroad
                        | Origin::HighRisk
                        | Origin::MediumRisk
                        | Origin::OutbreakArea
                        | Origin::NamedArea
                )
            })
        {
            continue;
        }
        g.area = g.origin.or(g.area);
        g.origin = Some(Origin::NamedArea);
    }
}

/// Types the groups a page-level sense covers: a group with the sense's word and no people, no
/// risk origin and not the rest of a list (`其他返乡人员`) of its own.
fn apply_senses(lx: &Lexicon, senses: &[(&str, &str)], groups: &mut [Group]) {
    for g in groups {
        if g.people.is_some() || g.origin.is_some_and(|o| o.is_risk() || o == Origin::Any) {
            continue;
        }
        // 省内的一般返乡人员: the rest of a list, or ordinary people of a town, are no sense's
        let ordinary = lx.group_cues.find(&g.text).iter().any(|h| {
            lx.group_rows
                .get(h.id)
                .is_some_and(|r| matches!(r.field, GroupField::Rest | GroupField::People(None)))
        });
        if ordinary {
            continue;
        }
        if let Some((_, people)) = senses.iter().find(|(w, _)| g.text.contains(w)) {
            g.people = Some((*people).to_owned());
        }
    }
}

/// What [`Assigner::assign`] gives an item.
#[derive(Debug, Clone, Default)]
pub(crate) struct Assigned {
    /// The item's groups.
    pub groups: Vec<Group>,
    /// Clauses that state a condition on the people (`对无法提供核酸检测阴性证明的`): the
    /// measures they name are not ordered.
    pub conditions: Vec<Seg>,
    /// The words of the scope header the item stands under (whom its section is for).
    pub scope: Vec<String>,
}

/// How a unit of an item's groups was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    /// A people phrase (`省外低风险地区返扬人员`).
    Phrase,
    /// A clause naming a group (`从低风险区返回`): it narrows what follows.
    Clause,
    /// A condition (`…有中风险地区的`): it narrows what precedes.
    Condition,
    /// People without a test certificate: the measures of the clause are its condition.
    Without,
}

/// Gives every candidate item its groups, in text order: its own words, else the groups of an
/// earlier clause of its paragraph, else the scope header above it; each refined by the header
/// it stands under and narrowed by the sentence's exclusions.
#[derive(Debug)]
pub(crate) struct Assigner<'a> {
    lx: &'a Lexicon,
    paragraphs: &'a [String],
    scopes: Vec<(Option<Header>, Vec<Group>)>,
    /// The last own groups (conditions aside) and their paragraph.
    last: Option<(usize, Vec<Group>)>,
    /// The senses of `groups.tsv` whose context the page mentions: word, people.
    senses: Vec<(&'a str, &'a str)>,
    /// The spans of the place entities of every paragraph.
    places: Vec<Vec<(usize, usize)>>,
    /// Group names the page defines (`返乡人员主要是指…`) and who they are.
    defined: Vec<(String, String)>,
}

impl<'a> Assigner<'a> {
    pub(crate) fn new(
        lx: &'a Lexicon,
        paragraphs: &'a [String],
        entities: &[Vec<zhengling_entities::Entity<'_>>],
        region_code: Option<&str>,
    ) -> Self {
        // the page's own division and those containing it are no named origin
        let own = |code: &str| region_code.is_some_and(|r| contains_division(code, r));
        let places: Vec<Vec<(usize, usize)>> = (0..paragraphs.len())
            .map(|i| {
                entities
                    .get(i)
                    .map(|es| {
                        es.iter()
                            .filter(|e| match &e.value {
                                zhengling_entities::Value::Place(place) => !own(&place.code),
                                _ => false,
                            })
                            .map(|e| (e.span.start, e.span.end))
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .collect();
        let senses: Vec<(&str, &str)> = lx
            .group_senses
            .iter()
            .filter(|s| paragraphs.iter().any(|p| p.contains(s.context.as_str())))
            .map(|s| (s.word.as_str(), s.people.as_str()))
            .collect();
        let mut scopes = scopes(lx, paragraphs, &places);
        for (h, gs) in &mut scopes {
            apply_senses(lx, &senses, gs);
            name_places(paragraphs, &places, gs);
            if let Some(h) = h {
                apply_senses(lx, &senses, &mut h.groups);
                name_places(paragraphs, &places, &mut h.groups);
            }
        }
        let defined = definitions(lx, paragraphs);
        for (_, gs) in &mut scopes {
            apply_definitions(&defined, gs);
        }
        Assigner { lx, paragraphs, scopes, last: None, senses, places, defined }
    }

    /// Where an item may start in paragraph `i`: after the paragraph's header.
    pub(crate) fn body_start(&self, i: usize) -> usize {
        self.scopes.get(i).and_then(|(h, _)| h.as_ref()).map_or(0, |h| h.body)
    }

    /// The last own groups of paragraph `paragraph`.
    fn last_of(&self, paragraph: usize) -> Option<&[Group]> {
        self.last
            .as_ref()
            .filter(|(lp, gs)| *lp == paragraph && !gs.is_empty())
            .map(|(_, g)| g.as_slice())
    }

    /// The groups the item at `seg` of `sentence` in paragraph `paragraph` names, in units
    /// (the groups one span gives), with how each was found.
    fn found(
        &self,
        p: &str,
        paragraph: usize,
        sentence: Seg,
        seg: Seg,
    ) -> (Vec<(Vec<Group>, Found)>, Vec<Seg>) {
        let lx = self.lx;
        let mut units: Vec<(Vec<Group>, Found)> = Vec::new();
        for (s, e) in phrases(lx, p, seg) {
            let before = p.get(seg.start.min(s)..s).unwrap_or("");
            let anaphoric = lx.lists.anaphor.iter().any(|w| before.ends_with(w.as_str()));
            match self.last_of(paragraph) {
                Some(last) if anaphoric => units.push((last.to_vec(), Found::Phrase)),
                _ => {
                    let gs = groups_of(lx, p, paragraph, s, e);
                    if !gs.is_empty() {
                        units.push((gs, Found::Phrase));
                    }
                }
            }
        }
        let mut conditions = Vec::new();
        for c in clauses(p, sentence) {
            if c.start < seg.start || c.end > seg.end {
                continue;
            }
            let text = c.text(p);
            let inside =
                |g: &Vec<Group>| g.first().is_some_and(|g| g.start < c.end && c.start < g.end);
            let without = classify(lx, text)
                .iter()
                .any(|a| a.people.as_ref().is_some_and(|p| p.is("without-test")))
                || (segment::starts_with_any(text, &lx.lists.without).is_some()
                    && text.contains('的')
                    && names_certificate(lx, text));
            if without {
                // the condition runs to its 的 (没有核酸检测报告的实行落地即检)
                let cue = lx.group_cues.find(text).into_iter().find(|h| {
                    lx.group_rows.get(h.id).is_some_and(
                        |r| matches!(&r.field, GroupField::People(Some(p)) if p == "without-test"),
                    )
                });
                let end = cue
                    .and_then(|h| {
                        text.get(h.end..)
                            .and_then(|t| t.find('的'))
                            .map(|i| h.end + i + '的'.len_utf8())
                    })
                    .map_or(c.end, |e| c.start + e);
                let c = Seg { start: c.start, end };
                let text = c.text(p);
                conditions.push(c);
                units.retain(|(g, _)| !inside(g));
                let mut g = untyped(text, paragraph, c.start, c.end);
                g.people = Some("without-test".to_owned());
                units.push((vec![g], Found::Without));
            } else if let Some(end) = units
                .iter()
                .filter(|(g, _)| inside(g))
                .filter_map(|(g, _)| g.first().map(|g| g.end))
                .max()
            {
                // 省外低风险地区人员返回厦门农村地区的，…: the words after the people narrow them
                let tail = p.get(end..c.end).unwrap_or("");
                if end < c.end && is_condition(lx, tail) {
                    units.push((groups_of(lx, p, paragraph, end, c.end), Found::Condition));
                }
            } else if is_group_clause(lx, text) {
                units.push((groups_of(lx, p, paragraph, c.start, c.end), Found::Clause));
            } else if is_condition(lx, text) {
                units.push((groups_of(lx, p, paragraph, c.start, c.end), Found::Condition));
            } else if let Some(cue) = lx.cue_words.find(text).into_iter().find(|h| h.start > 0) {
                // 返回农村地区需报备: the words before the modal verb name whom it is for
                let before = text.get(..cue.start).unwrap_or("");
                if is_group_clause(lx, before) {
                    units.push((
                        groups_of(lx, p, paragraph, c.start, c.start + cue.start),
                        Found::Clause,
                    ));
                }
            }
        }
        units.retain(|(g, _)| !g.is_empty());
        units.sort_by_key(|(g, _)| g.first().map(|g| (g.start, g.end)));
        for (g, _) in &mut units {
            apply_definitions(&self.defined, g);
            apply_senses(lx, &self.senses, g);
            name_places(self.paragraphs, &self.places, g);
        }
        (units, conditions)
    }

    /// The groups of the item at `seg` of `sentence` in paragraph `paragraph`.
    pub(crate) fn assign(&mut self, paragraph: usize, sentence: Seg, seg: Seg) -> Assigned {
        let lx = self.lx;
        let Some(p) = self.paragraphs.get(paragraph) else { return Assigned::default() };
        let (units, conditions) = self.found(p, paragraph, sentence, seg);
        let no_measure_between = |a: &[Group], b: &[Group]| {
            let (Some(a), Some(b)) = (a.last(), b.first()) else { return true };
            lx.measures.find(p.get(a.end..b.start).unwrap_or("")).is_empty()
        };
        let narrow = |child: &[Group], parent: &[Group]| -> Vec<Group> {
            match parent.first() {
                Some(parent) => child.iter().cloned().map(|c| refine(c, parent)).collect(),
                None => child.to_vec(),
            }
        };
        // a clause narrows what follows it, a condition what precedes it
        let mut own: Vec<(Vec<Group>, Found)> = Vec::new();
        let mut pending: Option<Vec<Group>> = None;
        for (unit, how) in units {
            match how {
                Found::Clause | Found::Phrase => {
                    let unit = match pending.take() {
                        Some(before) if no_measure_between(&before, &unit) => {
                            narrow(&unit, &before)
                        }
                        Some(before) => {
                            own.push((before, Found::Clause));
                            unit
                        }
                        None => unit,
                    };
                    if how == Found::Clause {
                        pending = Some(unit);
                    } else {
                        own.push((unit, how));
                    }
                }
                Found::Condition => match own.last_mut() {
                    Some((last, Found::Phrase | Found::Clause)) => {
                        *last = last
                            .iter()
                            .flat_map(|prev| narrow(&unit, std::slice::from_ref(prev)))
                            .collect();
                    }
                    _ => match pending.take() {
                        Some(before) => pending = Some(narrow(&unit, &before)),
                        None => pending = Some(unit),
                    },
                },
                Found::Without => own.push((unit, how)),
            }
        }
        if let Some(before) = pending {
            own.push((before, Found::Clause));
        }
        let scope: &[Group] = self.scopes.get(paragraph).map_or(&[], |(_, g)| g.as_slice());
        let mut groups: Vec<Group> = if own.is_empty() {
            self.last_of(paragraph)
                .unwrap_or(scope)
                .iter()
                .cloned()
                .map(|mut g| {
                    g.inherited = true;
                    g
                })
                .collect()
        } else {
            // the groups an item opens with are its subject, which a later clause of the
            // paragraph without one continues (精准锁定密接 names whom, not who)
            let mut subject = Vec::new();
            let mut all = Vec::new();
            for (unit, how) in own {
                let unit = narrow(&unit, scope);
                let opens = unit.first().is_some_and(|g| {
                    let before = p.get(seg.start..g.start.max(seg.start)).unwrap_or("");
                    let clause = before.rsplit(['，', ',', '：', ':']).next().unwrap_or(before);
                    chars(clause) <= SUBJECT_LEAD
                });
                if how != Found::Without && opens {
                    subject.extend(unit.iter().cloned());
                }
                all.extend(unit);
            }
            if !subject.is_empty() {
                self.last = Some((paragraph, subject));
            }
            all
        };
        let except = exceptions(lx, p, paragraph, sentence);
        if !except.is_empty() {
            for g in &mut groups {
                if except.iter().all(|x| x.end <= g.start || x.start >= g.end) {
                    g.except.clone_from(&except);
                }
            }
        }
        let mut scope_words: Vec<String> = Vec::new();
        for g in scope {
            if !scope_words.contains(&g.text) {
                scope_words.push(g.text.clone());
            }
        }
        Assigned { groups, conditions, scope: scope_words }
    }
}
