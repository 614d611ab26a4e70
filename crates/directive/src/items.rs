//! Items: directive clauses with their modality, actor, targets, measures and validity.

use zhengling_entities::{Entity, PartialDate};

use crate::lexicon::{Hit, Lexicon};
use crate::model::{Compliance, Item, Kind, Measure, Modality};
use crate::period;
use crate::segment::{self, Seg, chars, clauses, contains_any, ends_with_any, is_punct, sentences};
use crate::tables::CuePlace;

/// How many characters may stand before a modal verb for it to open a clause (the actor).
const LEAD_CHARS: usize = 20;
/// The longest actor or target phrase, in characters.
const PHRASE_CHARS: usize = 30;
/// The longest target phrase naming people (`对有高风险地区所在地市旅居史的来深返深人员` keeps its
/// qualifiers), in characters.
const PEOPLE_CHARS: usize = 60;

/// A modality cue found in a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CueHit {
    pub start: usize,
    pub end: usize,
    pub modality: Modality,
    pub place: CuePlace,
}

/// A candidate item: consecutive clauses of one sentence under one modal verb.
#[derive(Debug, Clone)]
pub(crate) struct Candidate {
    pub paragraph: usize,
    /// The sentence's span.
    pub sentence_seg: Seg,
    pub seg: Seg,
    /// Cues inside the group, in text order (the opening one first).
    pub cues: Vec<CueHit>,
    /// The actor named before the opening cue.
    pub actor: Option<String>,
    /// Measure-term matches inside the group.
    pub measures: Vec<Hit>,
}

/// Splits every paragraph into groups.
pub(crate) fn analyze(lx: &Lexicon, paragraphs: &[String]) -> Vec<Candidate> {
    let mut out = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        let cues: Vec<CueHit> = lx
            .cue_words
            .find(p)
            .into_iter()
            .filter_map(|h| {
                let cue = lx.cues.get(h.id)?;
                Some(CueHit {
                    start: h.start,
                    end: h.end,
                    modality: cue.modality?,
                    place: cue.place,
                })
            })
            .collect();
        let measures = lx.measures.find(p);
        for s in sentences(p) {
            let first = out.len();
            group_sentence(lx, p, pi, s, &cues, &measures, &mut out);
            // Clauses without an actor of their own inherit the sentence's last actor.
            let mut last: Option<String> = None;
            for g in out.iter_mut().skip(first) {
                match &g.actor {
                    Some(a) => last = Some(a.clone()),
                    None => g.actor.clone_from(&last),
                }
            }
        }
    }
    out
}

fn group_sentence(
    lx: &Lexicon,
    p: &str,
    paragraph: usize,
    s: Seg,
    cues: &[CueHit],
    measures: &[Hit],
    out: &mut Vec<Candidate>,
) {
    struct Open {
        start: usize,
        end: usize,
        opening: Option<(usize, CueHit)>,
        lead_in_only: bool,
    }
    let mut cur: Option<Open> = None;
    let close = |g: Open, out: &mut Vec<Candidate>| {
        let seg = Seg { start: g.start, end: g.end };
        if seg.is_empty() {
            return;
        }
        let mut group_cues: Vec<CueHit> = Vec::new();
        if let Some((_, c)) = g.opening {
            group_cues.push(c);
        }
        group_cues.extend(
            window(cues, seg.start, seg.end, |c| (c.start, c.end))
                .iter()
                .filter(|c| c.place == CuePlace::Any)
                .filter(|c| g.opening.is_none_or(|(_, o)| o.start != c.start)),
        );
        let actor = g.opening.and_then(|(clause_start, c)| actor(lx, p, clause_start, c));
        out.push(Candidate {
            paragraph,
            sentence_seg: s,
            seg,
            cues: group_cues,
            actor,
            measures: window(measures, seg.start, seg.end, |h| (h.start, h.end)).to_vec(),
        });
    };
    for c in clauses(p, s) {
        let text = c.text(p);
        let opening = window(cues, c.start, c.end, |h| (h.start, h.end))
            .iter()
            .find(|h| {
                let before = p.get(c.start..h.start).unwrap_or("");
                match h.place {
                    CuePlace::Start => before.is_empty(),
                    CuePlace::Lead | CuePlace::Any => lead_fits(before),
                }
            })
            .copied();
        if opening.is_none() && chars(text) <= 8 && ends_with_any(text, &lx.lists.framing).is_some()
        {
            // 会议指出, 通知强调: a frame, not part of what is ordered.
            if let Some(g) = cur.take() {
                close(g, out);
            }
            continue;
        }
        let lead_in = opening.is_none() && leads_in(lx, p, c);
        // 其他人员持健康码…: a clause opening with a group of its own starts a new item
        let new_subject = opening.is_none() && !lead_in && opens_with_group(lx, p, c);
        match (cur.take(), opening) {
            (Some(mut g), Some(o)) if g.lead_in_only => {
                g.end = c.end;
                g.opening = Some((c.start, o));
                g.lead_in_only = false;
                cur = Some(g);
            }
            (Some(g), Some(o)) => {
                close(g, out);
                cur = Some(Open {
                    start: c.start,
                    end: c.end,
                    opening: Some((c.start, o)),
                    lead_in_only: false,
                });
            }
            (None, o) => {
                cur = Some(Open {
                    start: c.start,
                    end: c.end,
                    opening: o.map(|o| (c.start, o)),
                    lead_in_only: lead_in,
                });
            }
            (Some(g), None) if new_subject && !g.lead_in_only => {
                close(g, out);
                cur = Some(Open { start: c.start, end: c.end, opening: None, lead_in_only: false });
            }
            (Some(g), None) if lead_in && !g.lead_in_only => {
                // A lead-in opens the next clause's group.
                close(g, out);
                cur = Some(Open { start: c.start, end: c.end, opening: None, lead_in_only: true });
            }
            (Some(mut g), None) => {
                g.end = c.end;
                g.lead_in_only &= lead_in;
                cur = Some(g);
            }
        }
    }
    if let Some(g) = cur.take() {
        close(g, out);
    }
}

/// Whether a clause without a modal verb leads into the next one: a target or condition
/// (`对来自…的人员,`, `拒不配合…的,`), or a subject on its own (`进口冷链食品从业人员…等重点人群,`).
fn leads_in(lx: &Lexicon, p: &str, c: Seg) -> bool {
    let text = c.text(p);
    let ends_in_head = lx.target_words.find(text).last().is_some_and(|h| h.end == text.len());
    let bare_subject = ends_in_head
        && lx.measures.find(text).is_empty()
        && !crate::groups::phrases(lx, p, c).is_empty();
    (segment::starts_with_any(text, &lx.lists.lead_in).is_some()
        && (chars(text) <= 6 || ends_in_head))
        || (text.ends_with(['的', '者']) && chars(text) <= LEAD_CHARS)
        || bare_subject
}

/// Whether clause `c` opens with a typed group of people (`其他人员持…`, `对省外返乡人员…`).
fn opens_with_group(lx: &Lexicon, p: &str, c: Seg) -> bool {
    let text = c.text(p);
    let lead = segment::starts_with_any(text, &lx.lists.lead_in).map_or(0, str::len);
    crate::groups::phrases(lx, p, c).first().is_some_and(|&(s, e)| {
        s <= c.start + lead
            && crate::groups::classify(lx, p.get(s..e).unwrap_or(""))
                .iter()
                .any(|a| a.origin.is_some() || a.movement.is_some())
    })
}

/// The hits (sorted by start) lying within `start..end`.
fn window<T>(hits: &[T], start: usize, end: usize, span: impl Fn(&T) -> (usize, usize)) -> &[T] {
    let from = hits.partition_point(|h| span(h).0 < start);
    let to = hits.partition_point(|h| span(h).0 < end);
    let inner = hits.get(from..to.max(from)).unwrap_or(&[]);
    // A hit starting inside may still end outside: keep the prefix that ends inside.
    let keep = inner.iter().take_while(|h| span(h).1 <= end).count();
    if keep == inner.len() { inner } else { inner.get(..keep).unwrap_or(&[]) }
}

/// The actor before an opening cue (`各地` in `各地要…`).
/// Whether the words before a modal verb are short enough to be its actor: up to
/// [`LEAD_CHARS`] characters, twice that for an enumeration (`健身中心、游戏机中心、酒吧、
/// 美容院及夜总会等处所须…`).
fn lead_fits(before: &str) -> bool {
    let n = chars(before);
    n <= LEAD_CHARS || (n <= 2 * LEAD_CHARS && before.contains('、'))
}

fn actor(lx: &Lexicon, p: &str, clause_start: usize, cue: CueHit) -> Option<String> {
    if cue.place == CuePlace::Start {
        return None;
    }
    let mut a = p.get(clause_start..cue.start)?.trim();
    loop {
        let before = a;
        if let Some(c) = segment::starts_with_any(a, &lx.lists.connective) {
            a = a.get(c.len()..).unwrap_or("");
        }
        for ord in &lx.lists.ordinal {
            if let Some(rest) = a.strip_prefix(ord.as_str()) {
                a = rest;
            }
        }
        a = a.trim_end_matches(['也', '还', '都', '均', '更', '则', '仍', '就', '要']).trim();
        if a == before {
            break;
        }
    }
    if a.is_empty() || !lead_fits(a) || lx.stop_set.prefix_of(a).is_some() {
        return None;
    }
    if a.chars().any(|c| is_punct(c) && !matches!(c, '、' | '(' | ')' | '（' | '）')) {
        return None;
    }
    // 各县（区）: the name before a bracketed aside ends like an actor
    let core = match a.strip_suffix(['）', ')']).and_then(|b| b.rfind(['（', '('])) {
        Some(open) => a.get(..open).unwrap_or(a),
        None => a,
    };
    ends_with_any(core, &lx.actors)?;
    Some(a.to_owned())
}

/// The modality of a group, once the document's kind is known: bare imperatives count in
/// notices and meetings; cue-less clauses are reports in reports and news.
pub(crate) fn modality(lx: &Lexicon, g: &Candidate, text: &str, kind: Kind) -> Modality {
    let imperative = matches!(kind, Kind::Notice | Kind::Meeting);
    let mut counted = g.cues.iter().filter(|c| c.place != CuePlace::Start || imperative).peekable();
    let mut first = counted.next().copied();
    // 要倡导, 要引导: the actor must encourage; what is asked of the public is voluntary.
    if let (Some(f), Some(next)) = (first, counted.peek())
        && f.modality == Modality::Must
        && next.modality == Modality::Encourage
        && next.start == f.end
    {
        first = counted.next().copied();
    }
    let first = first.map(|c| c.modality);
    if first == Some(Modality::MustNot)
        || (first == Some(Modality::Must) && counted.any(|c| c.modality == Modality::MustNot))
    {
        return Modality::MustNot;
    }
    if let Some(m) = first {
        return m;
    }
    if lx.past.any_in(text) || matches!(kind, Kind::Report | Kind::News) {
        Modality::Report
    } else if kind == Kind::Notice && !g.measures.is_empty() {
        // A notice orders what it states (全市暂停堂食).
        Modality::Must
    } else {
        Modality::Statement
    }
}

/// The measures of a group, coded; one per distinct term.
pub(crate) fn measures(lx: &Lexicon, g: &Candidate, text: &str) -> Vec<Measure> {
    let mut out: Vec<Measure> = Vec::new();
    for h in &g.measures {
        let term = lx.measures.word(h.id);
        if out.iter().any(|m| m.text == term) {
            continue;
        }
        let others = g.measures.iter().any(|o| lx.measures.word(o.id) != term);
        let Some(mut m) = code(lx, h.id, text, others) else { continue };
        // one measure per term: synonyms in one item are one measure
        if out.iter().any(|o| o.term == m.term) {
            continue;
        }
        m.start = h.start;
        m.end = h.end;
        out.push(m);
    }
    out
}

/// Codes measure term `id` in an item's `text` (`others`: whether the item names other
/// measures): the first row of the term whose context the text gives.
fn code(lx: &Lexicon, id: usize, text: &str, others: bool) -> Option<Measure> {
    let term = lx.measures.word(id);
    let rows = lx.term_rows.get(id)?;
    let row = rows.iter().filter_map(|&r| lx.rows.get(r)).find(|r| {
        let context_ok = (r.context.is_empty() && !r.context_measure)
            || contains_any(text, &r.context)
            || (r.context_measure && others);
        context_ok && !contains_any(text, &r.exclude)
    })?;
    let cat = lx.categories.get(row.category)?;
    let mut m = Measure::new(
        row.canonical.as_deref().unwrap_or(term),
        cat.id.clone(),
        row.oxcgrt.as_deref(),
    );
    term.clone_into(&mut m.text);
    m.level = row.level;
    // a term that lifts the measure itself (复课, 恢复堂食)
    m.lifted = row.level == Some(0);
    m.coronanet.clone_from(&cat.coronanet);
    m.phsm.clone_from(&cat.phsm);
    Some(m)
}

/// Codes a term by its words (the measures a shorthand stands for).
fn code_word(lx: &Lexicon, word: &str, text: &str) -> Option<Measure> {
    let id = lx.measures.list.iter().position(|w| w == word)?;
    code(lx, id, text, true)
}

/// Whom a group applies to: target heads with their modifiers.
pub(crate) fn targets(lx: &Lexicon, p: &str, g: &Candidate) -> Vec<String> {
    let text = g.seg.text(p);
    let mut out: Vec<String> = Vec::new();
    let people = crate::groups::phrases(lx, p, g.seg);
    for h in lx.target_words.find(text) {
        let head_start = h.start;
        // a head cut off inside a measure term is none (场所 of 场所码)
        let (abs_start, abs_end) = (g.seg.start + h.start, g.seg.start + h.end);
        if g.measures.iter().any(|m| m.start < abs_end && abs_start < m.end && m.end > abs_end) {
            continue;
        }
        // Walk left over the modifier, and over a short aside in brackets (来（返）县人员).
        let mut start = head_start;
        let before = text.get(..head_start).unwrap_or("");
        let mut rev = before.char_indices().rev();
        while let Some((i, c)) = rev.next() {
            if matches!(c, '）' | ')') {
                let aside = before.get(..i).and_then(|b| {
                    let open = b.rfind(['（', '('])?;
                    let inner = b.get(open..)?.trim_start_matches(['（', '(']);
                    (chars(inner) <= 3 && !inner.is_empty() && !inner.chars().any(is_punct))
                        .then_some(open)
                });
                if let Some(open) = aside {
                    while rev.next().is_some_and(|(j, _)| j > open) {}
                    start = open;
                    continue;
                }
            }
            let limit = if lx.target_heads.get(h.id).is_some_and(|t| t.people) {
                PEOPLE_CHARS
            } else {
                PHRASE_CHARS
            };
            if is_punct(c) || chars(text.get(i..h.end).unwrap_or("")) > limit {
                break;
            }
            let upto = text.get(..i + c.len_utf8()).unwrap_or("");
            if lx.stop_set.suffix_of(upto).is_some() {
                break;
            }
            start = i;
        }
        // 重点人群: an adverb elsewhere (重点做好), a modifier right before a head.
        if start == head_start && text.get(..head_start).is_some_and(|b| b.ends_with("重点")) {
            start = head_start - "重点".len();
        }
        let modifier = text.get(start..head_start).unwrap_or("");
        let alone = lx.target_heads.get(h.id).is_some_and(|t| t.alone);
        if modifier.is_empty() && !alone {
            continue;
        }
        if lx.lists.vague_modifier.iter().any(|w| w == modifier) {
            continue;
        }
        // a people phrase keeps its qualifiers back to the verb that takes it
        // (重点关注地区来（返）阜人员, not 关注地区来（返）阜人员)
        if lx.target_heads.get(h.id).is_some_and(|t| t.people)
            && let Some(&(s, _)) = people.iter().find(|&&(_, e)| e == abs_end)
        {
            start = start.min(s.saturating_sub(g.seg.start));
        }
        if let Some(t) = text.get(start..h.end) {
            let t = t.trim_start_matches(['的', '和', '及', '与', '或', '等']);
            // 请广大居民按时参加, 建议市民…: the request is no part of whom it asks
            let t = lx
                .lists
                .request
                .iter()
                .find_map(|w| t.strip_prefix(w.as_str()).filter(|r| chars(r) >= 2))
                .unwrap_or(t);
            if !t.is_empty() && !out.iter().any(|o| o == t) {
                out.push(t.to_owned());
            }
        }
    }
    // Keep the longest of nested phrases.
    let all = out.clone();
    out.retain(|t| !all.iter().any(|o| o != t && o.contains(t.as_str())));
    out
}

/// Moves the measures the item waives (`无需隔离`, `不需进行核酸检测`: an exempting word before
/// the term in its clause, at most a few characters away) out of `ms`.
fn take_exemptions(lx: &Lexicon, p: &str, g: &Candidate, ms: &mut Vec<Measure>) -> Vec<Measure> {
    /// How far an exempting word may stand before the term, in characters.
    const GAP: usize = 4;
    let clause_start = |at: usize| {
        p.get(g.seg.start..at)
            .and_then(|b| b.rfind(['，', ',', '；', ';', '：', ':']).map(|i| g.seg.start + i))
            .unwrap_or(g.seg.start)
    };
    let (waived, kept): (Vec<Measure>, Vec<Measure>) =
        std::mem::take(ms).into_iter().partition(|m| {
            let before = p.get(clause_start(m.start)..m.start).unwrap_or("");
            lx.lists.exempt.iter().any(|w| {
                before
                    .rfind(w.as_str())
                    .is_some_and(|at| chars(before.get(at + w.len()..).unwrap_or("")) <= GAP)
            })
        });
    // 咨询最新隔离政策: a measure after a word of the mention list is named, not ordered
    *ms = kept
        .into_iter()
        .filter(|m| {
            let before = p.get(clause_start(m.start)..m.start).unwrap_or("");
            !contains_any(before, &lx.lists.mention)
        })
        .collect();
    waived
}

/// Builds the items of a document from its groups.
pub(crate) fn items(
    lx: &Lexicon,
    paragraphs: &[String],
    entities: &[Vec<Entity<'_>>],
    groups: &[Candidate],
    kind: Kind,
    published: Option<PartialDate>,
    region_code: Option<&str>,
) -> Vec<Item> {
    let mut out = Vec::new();
    // Outside a notice, meeting or report an item needs a measure: a page that names none
    // (most news, every page about something else) has no item, and its groups need no work.
    let directive_kind = matches!(kind, Kind::Notice | Kind::Meeting | Kind::Report);
    let may_name_measures = groups.iter().any(|g| {
        !g.measures.is_empty()
            || paragraphs
                .get(g.paragraph)
                .is_some_and(|p| lx.params.notation.is_match(g.seg.text(p)))
    });
    if !directive_kind && !may_name_measures {
        return out;
    }
    let mut assigner = crate::groups::Assigner::new(lx, paragraphs, entities, region_code);
    for g in groups {
        let Some(p) = paragraphs.get(g.paragraph) else { continue };
        // (outside a notice, meeting or report, a clause without a measure is no item)
        if !directive_kind && g.measures.is_empty() && !lx.params.notation.is_match(g.seg.text(p)) {
            continue;
        }
        // a group header (`1、从低风险地区返回：`) is no item: its groups go to the items under it
        let Some(g) = below_header(p, g, assigner.body_start(g.paragraph)) else { continue };
        let assigned = assigner.assign(g.paragraph, g.sentence_seg, g.seg);
        let text = g.seg.text(p);
        let modality = modality(lx, &g, text, kind);
        let mut ms = ordered_measures(lx, p, &g, &assigned.conditions);
        let exemptions = take_exemptions(lx, p, &g, &mut ms);
        let targets = item_targets(lx, p, &g, &assigned);
        crate::params::annotate(lx, p, g.sentence_seg, &mut ms);
        let expanded =
            crate::params::expand(lx, p, g.seg, g.sentence_seg, |w| code_word(lx, w, text));
        let new: Vec<Measure> = expanded
            .into_iter()
            .filter(|x| {
                !ms.iter().any(|m| {
                    m.term == x.term
                        && m.duration.as_ref().map(|d| d.value)
                            == x.duration.as_ref().map(|d| d.value)
                        && m.times.as_ref().map(|d| d.value) == x.times.as_ref().map(|d| d.value)
                })
            })
            .collect();
        ms.extend(new);
        if !is_item(kind, modality, text, &ms) && exemptions.is_empty() {
            continue;
        }
        // The period the item's own clauses write, else one written elsewhere in its sentence.
        let (valid_from, valid_to) = if modality.is_directive() {
            let dates = entities.get(g.paragraph).map_or(&[][..], Vec::as_slice);
            match period::validity(lx, p, g.seg, dates, published) {
                (None, None) => period::validity(lx, p, g.sentence_seg, dates, published),
                own => own,
            }
        } else {
            (None, None)
        };
        qualify_measures(lx, p, &g, modality, (&valid_from, &valid_to), &mut ms);
        out.push(Item {
            paragraph: g.paragraph,
            start: g.seg.start,
            end: g.seg.end,
            text: text.to_owned(),
            modality,
            actor: g.actor.clone(),
            targets,
            measures: ms,
            groups: assigned.groups,
            exemptions,
            valid_from,
            valid_to,
        });
    }
    out
}

/// The candidate without the group header its paragraph opens with, `None` when nothing of it
/// is left.
fn below_header(p: &str, g: &Candidate, body: usize) -> Option<Candidate> {
    if g.seg.end <= body {
        return None;
    }
    let mut c = g.clone();
    if g.seg.start < body {
        c.seg = segment::trim(p, Seg { start: body, end: g.seg.end });
        c.measures.retain(|m| m.start >= c.seg.start);
    }
    (!c.seg.is_empty()).then_some(c)
}

/// The measures a candidate orders: its coded terms, less those in a condition on its people
/// (对无法提供核酸检测阴性证明的) and those inside the words naming people (隔离场所 of
/// 隔离场所工作人员, 冷链 of 进口冷链食品从业人员) unless the people hold them (持健康码绿码入永人员).
fn ordered_measures(lx: &Lexicon, p: &str, g: &Candidate, conditions: &[Seg]) -> Vec<Measure> {
    let mut ms = measures(lx, g, g.seg.text(p));
    ms.retain(|m| !conditions.iter().any(|c| c.start <= m.start && m.end <= c.end));
    let people = crate::groups::phrases(lx, p, g.seg);
    ms.retain(|m| {
        !people.iter().any(|&(s, e)| {
            let rest = p.get(m.end..e).unwrap_or("");
            let held = p
                .get(s.min(m.start)..m.start)
                .is_some_and(|b| lx.lists.timing_before.iter().any(|w| b.ends_with(w.as_str())));
            !held
                && s <= m.start
                && m.end < e
                && chars(rest) <= 6
                && !rest
                    .contains(['是', '为', '有', '对', '在', '把', '将', '被', '和', '及', '的'])
        })
    });
    ms
}

/// Whom an item applies to: its own words, else (when they name no people: 向所在社区报备)
/// the groups it names or inherits and the header of its section.
fn item_targets(
    lx: &Lexicon,
    p: &str,
    g: &Candidate,
    assigned: &crate::groups::Assigned,
) -> Vec<String> {
    let mut out = targets(lx, p, g);
    let names_people = out.iter().any(|t| {
        lx.target_words.find(t).iter().any(|h| lx.target_heads.get(h.id).is_some_and(|t| t.people))
    });
    if !names_people {
        for t in assigned.groups.iter().map(|gr| &gr.text).chain(&assigned.scope) {
            if !out.iter().any(|o| o.contains(t.as_str())) {
                out.push(t.clone());
            }
        }
    }
    out
}

/// Whether a candidate with these measures is an item (one that waives a measure, 无需隔离,
/// always is): 现将有关事项通告如下 announces what
/// follows; outside notices, meetings and reports only clauses naming measures are items; a
/// page about no epidemic reports no measure (the Apple store that 停止营业 is no C2 closure),
/// though what it orders still counts.
fn is_item(kind: Kind, modality: Modality, text: &str, ms: &[Measure]) -> bool {
    if ms.is_empty() && text.ends_with("如下") {
        return false;
    }
    let directive_kind = matches!(kind, Kind::Notice | Kind::Meeting | Kind::Report);
    if ms.is_empty() && (!modality.is_directive() || !directive_kind) {
        return false;
    }
    kind != Kind::Other || modality.is_directive()
}

/// What every measure of an item shares: lifted after 不再/解除, targeted at a risk area,
/// its compliance and its period.
fn qualify_measures(
    lx: &Lexicon,
    p: &str,
    g: &Candidate,
    modality: Modality,
    (valid_from, valid_to): (&Option<String>, &Option<String>),
    ms: &mut [Measure],
) {
    let text = g.seg.text(p);
    let targeted = lx.targeted.any_in(text);
    let compliance = match modality {
        Modality::Must | Modality::MustNot | Modality::Should => {
            Some(if lx.penalty.any_in(g.sentence_seg.text(p)) {
                Compliance::WithPenalties
            } else {
                Compliance::Mandatory
            })
        }
        Modality::Encourage => Some(Compliance::Voluntary),
        _ => None,
    };
    for m in ms {
        // 不再实施全员核酸检测: a lift word before the term in its item.
        let before = p.get(g.seg.start..m.start).unwrap_or("");
        if lx.lists.lift.iter().any(|w| before.contains(w.as_str())) {
            m.lifted = true;
            m.level = Some(0);
        }
        m.targeted = targeted;
        m.compliance = compliance;
        m.valid_from.clone_from(valid_from);
        m.valid_to.clone_from(valid_to);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Sources;
    use crate::period::published_day;
    use zhengling_entities::{Context, Extractor, ExtractorBuilder};

    fn lx() -> &'static Lexicon {
        static L: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        L.get_or_init(|| Lexicon::build(&Sources::default()).unwrap())
    }

    fn extractor() -> &'static Extractor {
        static X: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
        X.get_or_init(|| ExtractorBuilder::new().build().unwrap())
    }

    /// The items of one paragraph published on 2022-11-20, with its entities.
    fn run(p: &str, kind: Kind) -> Vec<Item> {
        let lx = lx();
        let paragraphs = vec![p.to_owned()];
        let published = published_day("2022-11-20");
        let ctx = Context { published, region: None };
        let entities = extractor().extract_document(&paragraphs, &ctx);
        let groups = analyze(lx, &paragraphs);
        items(lx, &paragraphs, &entities, &groups, kind, published, None)
    }

    fn one(p: &str, kind: Kind) -> Item {
        let items = run(p, kind);
        assert_eq!(items.len(), 1, "{items:#?}");
        items.into_iter().next().unwrap()
    }

    #[test]
    fn modality_cues() {
        assert_eq!(one("各区要加强核酸检测", Kind::Notice).modality, Modality::Must);
        assert_eq!(one("全体居民必须配合核酸检测", Kind::Notice).modality, Modality::Must);
        assert_eq!(one("严禁擅自离开隔离场所", Kind::Notice).modality, Modality::MustNot);
        assert_eq!(one("各单位不得瞒报", Kind::Notice).modality, Modality::MustNot);
        assert_eq!(one("倡导市民勤洗手", Kind::Notice).modality, Modality::Encourage);
        assert_eq!(one("要倡导群众非必要不出省", Kind::Notice).modality, Modality::Encourage);
        assert!(run("为做好防控工作,现将有关事项通告如下", Kind::Notice).is_empty());
        assert_eq!(one("入境人员原则上应集中隔离", Kind::Notice).modality, Modality::Should);
        assert_eq!(one("全区已完成三轮核酸检测", Kind::Notice).modality, Modality::Report);
        assert_eq!(
            one("核酸检测是发现感染者的重要手段", Kind::Meeting).modality,
            Modality::Statement
        );
        assert_eq!(one("全市暂停堂食", Kind::Notice).modality, Modality::Must);
    }

    #[test]
    fn blockers_are_not_cues() {
        // 重要 and 要求 contain 要 but order nothing.
        assert!(run("这是一项重要工作", Kind::Notice).is_empty());
        assert!(run("会议要求明确", Kind::Meeting).is_empty());
        assert_eq!(one("各地要落实非必要不离市", Kind::Notice).modality, Modality::Must);
    }

    #[test]
    fn imperatives_count_in_notices_only() {
        assert_eq!(one("落实核酸检测", Kind::Meeting).modality, Modality::Must);
        assert_eq!(one("落实核酸检测", Kind::Report).modality, Modality::Report);
        // on a page about no epidemic a statement is no item
        assert!(run("全面落实核酸检测", Kind::Other).is_empty());
    }

    #[test]
    fn clauses_split_at_new_modal_verbs_and_keep_lead_ins() {
        let p = "对来自外省的旅客,要落实落地检,严禁聚集,药店要实名登记";
        let items = run(p, Kind::Notice);
        let texts: Vec<&str> = items.iter().map(|i| i.text.as_str()).collect();
        assert_eq!(texts, ["对来自外省的旅客,要落实落地检", "严禁聚集", "药店要实名登记"]);
        assert_eq!(items[0].targets, ["来自外省的旅客"]);
        assert_eq!(items[2].actor.as_deref(), Some("药店"));
        for i in &items {
            assert_eq!(&p[i.start..i.end], i.text);
        }
    }

    #[test]
    fn framing_is_dropped_and_actors_found() {
        let items = run("通知强调,全省上下必须克服麻痹思想", Kind::Notice);
        assert_eq!(items[0].text, "全省上下必须克服麻痹思想");
        assert_eq!(items[0].actor.as_deref(), Some("全省上下"));
        let i = one("各县(市、区)党委和政府要守土有责", Kind::Notice);
        assert_eq!(i.actor.as_deref(), Some("各县(市、区)党委和政府"));
        // an enumeration may run longer before its modal verb
        let i = one("健身中心、游戏机中心、酒吧、美容院及夜总会等表列处所须暂停开放", Kind::News);
        assert_eq!(i.modality, Modality::Must);
        let i = one("各县（区）要提高老年人疫苗接种率", Kind::Meeting);
        assert_eq!(i.actor.as_deref(), Some("各县（区）"));
        let i = one("同时各地也要建立督查机制", Kind::Notice);
        assert_eq!(i.actor.as_deref(), Some("各地"));
        // A topic before the modal verb is not an actor.
        let i = one("流调排查必须深入细致", Kind::Meeting);
        assert_eq!(i.actor, None);
        // Later clauses of the sentence inherit the actor.
        let items = run("医疗机构要落实预检分诊,加强发热门诊管理", Kind::Notice);
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].actor.as_deref(), Some("医疗机构"));
    }

    #[test]
    fn targets() {
        let i = one("重点提高60岁及以上老年人群的疫苗接种率", Kind::Notice);
        assert_eq!(i.targets, ["60岁及以上老年人群"]);
        let i = one("要加强重点人群核酸检测", Kind::Notice);
        assert_eq!(i.targets, ["重点人群"]);
        let i = one("要加强中高风险地区来人排查管控", Kind::Notice);
        assert_eq!(i.targets, ["中高风险地区来人"]);
        let i = one("冷链食品、进口货物要落实核酸抽检", Kind::Notice);
        assert_eq!(i.targets, ["冷链食品", "进口货物"]);
        assert_eq!(i.actor, None);
        let i = one("精准落实省外入并货运司机管控措施", Kind::Meeting);
        assert_eq!(i.targets, ["省外入并货运司机"]);
        // a short aside in brackets belongs to the phrase; a head inside a measure is none
        let i = one("对来（返）县人员实行“落地检”", Kind::Notice);
        assert_eq!(i.targets, ["来（返）县人员"]);
        // a kindergarten is a place, not the children (幼儿 of 幼儿园)
        let i = one("全县中小学、幼儿园恢复线下教学", Kind::Notice);
        assert_eq!(i.targets, ["全县中小学", "幼儿园"]);
        let i = one("要加快推进60岁以上长者疫苗接种", Kind::Notice);
        assert_eq!(i.targets, ["60岁以上长者"]);
        let i = one("开展区域核酸检测，请广大居民按时参加", Kind::Notice);
        assert_eq!(i.targets, ["广大居民"]);
        let i = one("建议市民非必要不出市", Kind::Notice);
        assert_eq!(i.targets, ["市民"]);
        let i = one("进入公共场所须扫场所码", Kind::Notice);
        assert_eq!(i.targets.len(), 1, "{:?}", i.targets);
        assert!(i.targets[0].ends_with("公共场所"), "{:?}", i.targets);
    }

    #[test]
    fn measures_are_coded_with_context() {
        let i = one("严格入境人员闭环管理", Kind::Notice);
        assert_eq!(i.measures[0].oxcgrt.as_deref(), Some("C8"));
        let i = one("加强工作人员闭环管理", Kind::Notice);
        assert_eq!(i.measures[0].term, "闭环管理");
        assert_eq!(i.measures[0].oxcgrt, None);
        let i = one("养老院要落实扫码测温", Kind::Notice);
        let codes: Vec<_> = i.measures.iter().filter_map(|m| m.oxcgrt.as_deref()).collect();
        assert_eq!(codes, ["H8", "H3"]);
        // A care home named without any measure is not one.
        let i = one("要看望养老院老人", Kind::Notice);
        assert!(i.measures.is_empty());
        // Publicity codes H1 only when it is about health.
        let i = one("要加强宣传报道先进典型", Kind::Notice);
        assert!(i.measures.iter().all(|m| m.oxcgrt.is_none()));
        let i = one("要加强健康科普和防疫知识宣传", Kind::Notice);
        assert_eq!(i.measures[0].oxcgrt.as_deref(), Some("H1"));
    }

    /// Reopening is a measure lifted: 复课, 恢复堂食, transport running normally.
    #[test]
    fn terms_that_lift_a_measure() {
        for (p, code) in [
            ("全县中小学、幼儿园恢复线下教学", "C1"),
            ("餐饮单位恢复堂食", "C2"),
            ("全县公共交通正常运行", "C5"),
        ] {
            let i = one(p, Kind::Notice);
            assert_eq!(i.measures.len(), 1, "{p}: {:?}", i.measures);
            let m = &i.measures[0];
            assert_eq!(m.oxcgrt.as_deref(), Some(code), "{p}");
            assert!(m.lifted && m.level == Some(0), "{p}: {m:?}");
        }
        // a suspension stays in force; running normally needs transport named
        let i = one("餐饮单位暂停堂食", Kind::Notice);
        assert!(!i.measures[0].lifted && i.measures[0].level == Some(2));
        assert!(one("各项工作正常运行", Kind::Notice).measures.is_empty());
    }

    /// The codes of the measures of a one-item paragraph of a notice.
    fn coded(p: &str) -> Vec<(String, Option<String>, Option<u8>)> {
        one(p, Kind::Notice).measures.into_iter().map(|m| (m.term, m.oxcgrt, m.level)).collect()
    }

    fn code(
        term: &str,
        oxcgrt: Option<&str>,
        level: Option<u8>,
    ) -> (String, Option<String>, Option<u8>) {
        (term.to_owned(), oxcgrt.map(str::to_owned), level)
    }

    #[test]
    fn a_page_about_no_epidemic_reports_no_measure() {
        let narrative = run("三里屯苹果旗舰店因秩序混乱停止营业", Kind::Other);
        assert!(narrative.is_empty(), "{narrative:?}");
        let order = run("各商场要停止营业", Kind::Other);
        assert_eq!(order[0].measures[0].oxcgrt.as_deref(), Some("C2"));
        let news = run("三里屯苹果旗舰店因疫情停止营业", Kind::News);
        assert_eq!(news[0].measures[0].oxcgrt.as_deref(), Some("C2"));
    }

    /// Synonyms are reported under their set's term, with the words as written beside it.
    #[test]
    fn synonyms_share_a_term() {
        let p = "进入商场须测量体温、扫码";
        let i = one(p, Kind::Notice);
        let m = i.measures.iter().find(|m| m.category == "health-monitoring").unwrap();
        assert_eq!((m.term.as_str(), m.text.as_str()), ("测温", "测量体温"));
        assert_eq!(p.get(m.start..m.end), Some("测量体温"));
        // two spellings of one measure in one item are one measure
        let i = one("须测量体温，体温正常方可进入", Kind::Notice);
        assert_eq!(i.measures.iter().filter(|m| m.term == "测温").count(), 1, "{:?}", i.measures);
        // a term without synonyms is its own words
        let i = one("进入商场须扫码", Kind::Notice);
        assert_eq!((i.measures[0].term.as_str(), i.measures[0].text.as_str()), ("扫码", "扫码"));
    }

    /// Rows whose code depends on the item: a suspended service is no promotion of it, a
    /// contact group is tracing only where it is traced, a business that stops is transport
    /// when the item names transport.
    #[test]
    fn codes_that_depend_on_the_item() {
        assert_eq!(
            coded("暂停儿童健康体检和预防接种"),
            [code("接种", None, Some(0))],
            "a suspended vaccination service"
        );
        assert_eq!(coded("各地要加快推进疫苗接种"), [code("疫苗接种", Some("H7"), None)]);
        assert!(coded("对密切接触者落实隔离措施").iter().all(|c| c.1.as_deref() != Some("H3")));
        assert!(coded("全面排查密切接触者").iter().any(|c| c.1.as_deref() == Some("H3")));
        assert_eq!(coded("所有客运班线暂停经营"), [code("暂停经营", Some("C5"), Some(2))]);
        assert_eq!(coded("全县旅行社暂停经营"), [code("暂停经营", Some("C2"), Some(2))]);
    }

    #[test]
    fn lockdown_era_phrasing() {
        // Closures: worship is a gathering, venues and shops are workplaces, care homes elderly.
        assert_eq!(coded("全县宗教场所一律暂停开放"), [code("暂停开放", Some("C4"), None)]);
        assert_eq!(coded("各旅游景区暂停开放"), [code("暂停开放", Some("C2"), Some(2))]);
        assert_eq!(coded("娱乐场所停止营业"), [code("停止营业", Some("C2"), Some(2))]);
        assert_eq!(coded("餐饮服务单位一律停止堂食"), [code("堂食", Some("C2"), Some(2))]);
        // reopening lifts the closure: C2 at level 0 (OxCGRT's "no measures")
        assert_eq!(coded("餐饮服务单位有序恢复堂食"), [code("恢复堂食", Some("C2"), Some(0))]);
        let care = coded("福利院暂停开放探视");
        assert!(care.iter().all(|c| c.1.as_deref() == Some("H8")), "{care:?}");
        // Lockdown and quarantine.
        assert_eq!(coded("城区实行静默管理"), [code("静默管理", Some("C6"), Some(3))]);
        assert_eq!(coded("高风险区实行封控管理"), [code("封控", Some("C6"), Some(3))]);
        assert_eq!(coded("入境人员实行居家隔离"), [code("居家隔离", Some("C8"), Some(2))]);
        assert_eq!(coded("返乡人员实行居家隔离"), [code("居家隔离", None, None)]);
        assert_eq!(coded("各村实行封闭式管理"), [code("封闭式管理", Some("C6"), Some(2))]);
        // Venue controls code no indicator; 预约 only where a venue is booked.
        assert_eq!(
            coded("景区实行限流、错峰、预约"),
            [code("限流", None, None), code("错峰", None, None), code("预约", None, None),]
        );
        assert_eq!(coded("要预约接种"), [code("接种", Some("H7"), None)]);
        // Health codes and testing rhythms.
        assert_eq!(
            coded("进入超市须查验健康码、行程码"),
            [code("健康码", Some("H3"), None), code("行程码", Some("H3"), None),]
        );
        assert_eq!(
            coded("省外来返人员落实落地检、三天三检"),
            [code("落地检", Some("H2"), None), code("三天三检", Some("H2"), None),]
        );
        // Gatherings and events.
        assert_eq!(coded("严禁人员聚集"), [code("人员聚集", Some("C4"), None)]);
        assert_eq!(coded("倡导减少人员聚集"), [code("人员聚集", None, None)]);
        assert_eq!(coded("暂停举办各类展会"), [code("展会", Some("C3"), Some(2))]);
        assert_eq!(coded("公交、地铁暂停运营"), [code("暂停运营", Some("C5"), Some(2))]);
    }

    /// One measure named many ways; policies that are no public-health measure get E codes.
    #[test]
    fn measure_names_and_economic_codes() {
        let codes = |p: &str| -> Vec<String> {
            one(p, Kind::Notice).measures.iter().filter_map(|m| m.oxcgrt.clone()).collect()
        };
        assert_eq!(codes("离汉通道暂时关闭"), ["C7"]);
        assert_eq!(codes("无特殊原因市民尽量不要外出"), ["C6"]);
        assert_eq!(codes("全市中小学延期至2月17日之后开学"), ["C1"]);
        assert_eq!(codes("各类企业不得于2月9日24时前复工"), ["C2"]);
        assert_eq!(codes("取消全市一切群体性集会活动"), ["C3"]);
        assert_eq!(codes("严禁农户举行红白喜事"), ["C4"]);
        assert_eq!(codes("农村客运班线暂停营运"), ["C5"]);
        assert_eq!(codes("对中小企业给予贷款贴息"), ["E2"]);
        assert_eq!(codes("落实援企稳岗政策"), ["E1"]);
        // a mere mention codes nothing: 开学 without a delay, 复工复产 reopening lifts C2
        assert!(codes("做好开学准备").is_empty());
        let reopen = one("有序推进复工复产", Kind::Notice);
        assert!(reopen.measures.iter().all(|m| m.lifted), "{:?}", reopen.measures);
    }

    #[test]
    fn measure_levels_targeting_and_compliance() {
        let i = one("高风险区要做到足不出户", Kind::Notice);
        let m = &i.measures[0];
        assert_eq!((m.oxcgrt.as_deref(), m.level, m.targeted), (Some("C6"), Some(3), true));
        assert_eq!(m.compliance, Some(Compliance::Mandatory));
        assert_eq!(m.category, "zoning-lockdown");
        assert_eq!(m.coronanet.as_deref(), Some("Lockdown"));
        let i = one("拒不配合核酸检测的,依法追究法律责任", Kind::Notice);
        assert_eq!(i.modality, Modality::Must);
        let items = run("各地要全面落实核酸检测,对拒不配合的依法处理", Kind::Notice);
        assert_eq!(items[0].measures[0].compliance, Some(Compliance::WithPenalties));
        assert!(!items[0].measures[0].targeted);
        let i = one("倡导群众戴口罩", Kind::Notice);
        assert_eq!(i.measures[0].compliance, Some(Compliance::Voluntary));
        assert_eq!(i.measures[0].oxcgrt.as_deref(), Some("H6"));
    }

    #[test]
    fn validity_periods() {
        let i = one("自即日起,全市暂停堂食", Kind::Notice);
        assert_eq!(i.valid_from.as_deref(), Some("2022-11-20"));
        assert_eq!(i.measures[0].valid_from.as_deref(), Some("2022-11-20"));
        let i = one("自11月21日0时至11月25日24时,全区实行静默管理", Kind::Notice);
        assert_eq!(i.valid_from.as_deref(), Some("2022-11-21"));
        assert_eq!(i.valid_to.as_deref(), Some("2022-11-25"));
        let i = one("11月22日起全区要落实核酸检测", Kind::Notice);
        assert_eq!(i.valid_from.as_deref(), Some("2022-11-22"));
        assert_eq!(i.valid_to, None);
    }
}
