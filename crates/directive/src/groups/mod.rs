//! Groups of people and the scopes that give them to items.
//!
//! A group is a phrase naming people (`省外低风险地区返扬人员`, a target ending in a people head
//! of `data/targets.tsv`) or a short clause naming where they come from
//! (`从低风险地区返回`), typed with the cues of `data/groups.tsv`. A group header, an
//! enumerated line or clause that names a group and ends with a colon (`(3)省外低风险地区…人员：`,
//! `低风险地区：`, `1、从低风险地区返回：`), or the whole short line (`三、低风险地区`), opens a
//! scope: the items after it inherit its groups until the next header of the same or a higher
//! level.

mod assign;
mod scope;
#[cfg(test)]
mod tests;

pub(crate) use assign::{Assigned, Assigner};
pub(crate) use scope::{Header, is_group_clause, scopes};

use crate::lexicon::{GroupField, Lexicon};
use crate::model::{Group, Movement, Origin};
use crate::segment::{Seg, chars};

/// The level of an unnumbered header (below every enumerated level).
const UNNUMBERED: u8 = 6;
/// The longest group phrase, in characters.
const GROUP_CHARS: usize = 60;
/// The longest header or group clause, in characters.
const HEADER_CHARS: usize = 50;
/// How many characters (对于, 凡是, 所有…) may stand before the group a clause opens with.
const SUBJECT_LEAD: usize = 4;
/// The longest clause read as a group of its own (`返回农村地区`), in characters.
const GROUP_CLAUSE_CHARS: usize = 16;

/// Who the people of a group are, as a cue says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Who {
    /// Nobody in particular (`非重点人群`, `返回城区`).
    Anyone,
    /// These people (`key-occupation`).
    Named(String),
}

impl Who {
    fn from_cue(p: Option<&String>) -> Who {
        p.map_or(Who::Anyone, |p| Who::Named(p.clone()))
    }

    /// The named people, if any.
    pub(crate) fn named(self) -> Option<String> {
        match self {
            Who::Named(p) => Some(p),
            Who::Anyone => None,
        }
    }

    /// Whether these are the named people `p`.
    pub(crate) fn is(&self, p: &str) -> bool {
        matches!(self, Who::Named(x) if x == p)
    }
}

/// The typed attributes a phrase's cues give.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Attrs {
    pub origin: Option<Origin>,
    pub area: Option<Origin>,
    pub movement: Option<Movement>,
    /// Who they are, when a cue says it.
    pub people: Option<Who>,
}

impl Attrs {
    fn is_empty(&self) -> bool {
        self == &Attrs::default()
    }
}

/// The cues of one conjunct of a phrase.
#[derive(Debug, Clone, Default)]
struct Part {
    /// The origins of its last risk cue (中高风险 gives two).
    origins: Vec<Origin>,
    area: Option<Origin>,
    rest: bool,
    movement: Option<Movement>,
    people: Option<Who>,
    /// Whether a cue other than movement types it (it stands as a conjunct of its own).
    typed: bool,
}

/// The attributes of a phrase: one per origin it names (`境外及国内中高风险地区来（返）蚌人员`
/// gives abroad, medium-risk and high-risk; `省外、省内有疫情报告地区返（来）通人员` an
/// out-of-province group and an outbreak-area one); empty when no cue types it. A phrase is
/// split into conjuncts at 和 及 与 或 、 where each side carries a cue of its own; the
/// movement of the last conjunct (the shared head) goes to all of them. Cues inside a bracketed
/// aside longer than three characters (`（直辖市为区）`, `（含大中专院校学生）`) are not read.
pub(crate) fn classify(lx: &Lexicon, text: &str) -> Vec<Attrs> {
    let asides = asides(text);
    let inside = |at: usize| asides.iter().any(|&(s, e)| s <= at && at < e);
    let bracketed = brackets(text);
    let in_brackets = |at: usize| bracketed.iter().any(|&(s, e)| s <= at && at < e);
    let hits: Vec<_> = lx.group_cues.find(text).into_iter().filter(|h| !inside(h.start)).collect();
    let mut parts: Vec<Part> = vec![Part::default()];
    let mut last_end = 0;
    for h in &hits {
        let Some(cue) = lx.group_rows.get(h.id) else { continue };
        let between = text.get(last_end..h.start).unwrap_or("");
        // 省际、市际出行的低风险地区…: a modifier joined by 的 is no conjunct of its own
        let conjunction = last_end > 0
            && types_group(lx, h.id)
            && !between.contains('的')
            && between.char_indices().any(|(i, c)| {
                matches!(c, '和' | '及' | '与' | '或' | '、') && !in_brackets(last_end + i)
            });
        if conjunction && parts.last().is_some_and(|p| p.typed) {
            parts.push(Part::default());
        }
        let Some(part) = parts.last_mut() else { continue };
        match &cue.field {
            GroupField::Origin(origins) => {
                // a low-risk area inside a city with an outbreak (中高风险区所在县市的其他低风险区)
                // is still the outbreak's
                let outbreak = part.origins.contains(&Origin::OutbreakArea);
                if !(outbreak && origins.as_slice() == [Origin::LowRisk]) {
                    part.origins.clone_from(origins);
                }
                part.typed = true;
            }
            GroupField::Area(a) => {
                part.area = Some(*a);
                part.typed = true;
            }
            GroupField::Movement(m) => part.movement = Some(*m),
            GroupField::People(p) => {
                part.people = Some(Who::from_cue(p.as_ref()));
                part.typed = true;
            }
            GroupField::Rest => {
                part.rest = true;
                part.typed = true;
            }
            GroupField::Clear => part.origins.clear(),
            GroupField::None => continue,
        }
        last_end = h.end;
    }
    // an untyped last conjunct (only a movement) belongs to the one before
    if parts.len() > 1 && parts.last().is_some_and(|p| !p.typed) {
        let last = parts.pop().unwrap_or_default();
        if let Some(p) = parts.last_mut() {
            p.movement = last.movement.or(p.movement);
        }
    }
    // 省外、省内所在地市有中高风险地区的: the relative clause closing the phrase qualifies the
    // bare territories joined before it
    if text.ends_with('的')
        && parts.len() > 1
        && let Some(last) = parts.last().cloned().filter(|l| !l.origins.is_empty())
    {
        for part in parts.iter_mut().rev().skip(1) {
            if part.origins.is_empty() && part.people.is_none() && part.area.is_some() {
                part.origins.clone_from(&last.origins);
            }
        }
    }
    // 江苏省内或省外进口冷链食品从业人员: who the people of the last conjunct are goes to the
    // bare territories joined before it
    if let Some(Who::Named(people)) = parts.last().and_then(|p| p.people.clone()) {
        let n = parts.len();
        for part in parts.iter_mut().take(n.saturating_sub(1)) {
            if part.origins.is_empty() && part.people.is_none() && part.area.is_some() && !part.rest
            {
                part.people = Some(Who::Named(people.clone()));
            }
        }
    }
    let shared = parts.last().and_then(|p| p.movement);
    let mut out: Vec<Attrs> = Vec::new();
    for part in parts {
        let base = Attrs {
            origin: None,
            area: None,
            movement: part.movement.or(shared),
            people: part.people.clone(),
        };
        if part.origins.is_empty() {
            let a = Attrs { origin: part.area.or(part.rest.then_some(Origin::Any)), ..base };
            if !a.is_empty() && !out.contains(&a) {
                out.push(a);
            }
            continue;
        }
        for origin in &part.origins {
            let a = Attrs {
                origin: Some(*origin),
                area: part.area.filter(|a| *a != Origin::Any),
                ..base.clone()
            };
            if !out.contains(&a) {
                out.push(a);
            }
        }
    }
    out
}

/// The byte spans of bracketed asides longer than three characters.
fn asides(text: &str) -> Vec<(usize, usize)> {
    brackets(text).into_iter().filter(|&(o, i)| chars(text.get(o..i).unwrap_or("")) > 4).collect()
}

/// The byte spans of every bracketed aside (`（区、市）`).
fn brackets(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '（' | '(' => open = Some(i),
            '）' | ')' => {
                if let Some(o) = open.take() {
                    out.push((o, i));
                }
            }
            _ => {}
        }
    }
    out
}

/// The groups a phrase at `start..end` of paragraph `paragraph` names.
fn groups_of(lx: &Lexicon, p: &str, paragraph: usize, start: usize, end: usize) -> Vec<Group> {
    let Some(text) = p.get(start..end) else { return Vec::new() };
    classify(lx, text)
        .into_iter()
        .map(|a| Group {
            text: text.to_owned(),
            paragraph,
            start,
            end,
            origin: a.origin,
            area: a.area,
            movement: a.movement,
            people: a.people.and_then(Who::named),
            except: Vec::new(),
            inherited: false,
        })
        .collect()
}

/// A group with no type (a condition's words).
fn untyped(text: &str, paragraph: usize, start: usize, end: usize) -> Group {
    Group { text: text.to_owned(), paragraph, start, end, ..Group::default() }
}

/// Fills what `child` leaves open from `parent` (a header's origin for the people under it).
pub(crate) fn refine(mut child: Group, parent: &Group) -> Group {
    let own_origin = child.origin;
    // a territory does not widen a risk origin: people of the city of a risk area who travel
    // across provinces are still of that city (中高风险地区所在地市其他人员…跨省来返的)
    let specific = |o: Option<Origin>| {
        o.is_some_and(|o| {
            matches!(
                o,
                Origin::Abroad
                    | Origin::HighRisk
                    | Origin::MediumRisk
                    | Origin::LowRisk
                    | Origin::OutbreakArea
                    | Origin::NamedArea
            )
        })
    };
    if !specific(child.origin) && specific(parent.origin) {
        if child.area.is_none() {
            child.area = child.origin.filter(|o| *o != Origin::Any);
        }
        child.origin = parent.origin;
    }
    if child.origin.is_none() {
        child.origin = parent.origin;
    }
    if child.area.is_none() {
        child.area = parent.area;
    }
    if child.movement.is_none() {
        child.movement = parent.movement;
    }
    // who they are passes down to a group that names no origin of its own (重点人群：省外人员 are
    // key workers from outside; 返乡人员：省内低风险地区入永人员 are a group beside them)
    if child.people.is_none() && own_origin.is_none() && !child.text.contains("非重点") {
        child.people.clone_from(&parent.people);
    }
    if child.except.is_empty() {
        child.except.clone_from(&parent.except);
    }
    child
}

/// The byte span (in `p`) of each people phrase in `seg`: a people head with its modifiers back
/// to punctuation, a word of the `group-stop` list or the previous phrase.
pub(crate) fn phrases(lx: &Lexicon, p: &str, seg: Seg) -> Vec<(usize, usize)> {
    let text = seg.text(p);
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut floor = 0;
    for h in lx.target_words.find(text) {
        if !lx.target_heads.get(h.id).is_some_and(|t| t.people) {
            continue;
        }
        let mut start = h.start;
        // inside a bracketed aside (`（直辖市为区）`) nothing ends the phrase
        let mut depth = 0usize;
        for (i, c) in text.get(floor..h.start).unwrap_or("").char_indices().rev() {
            let i = floor + i;
            if chars(text.get(i..h.end).unwrap_or("")) > GROUP_CHARS {
                break;
            }
            match c {
                '）' | ')' => depth += 1,
                '（' | '(' if depth > 0 => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                if matches!(c, '，' | ',' | '。' | '；' | ';' | '：' | ':' | '！' | '？' | '\n')
                {
                    break;
                }
                // 疫苗接种、…重点人员: a list of measures before it is no part of the people
                if matches!(c, '、' | '和' | '及')
                    && lx
                        .measures
                        .find(text.get(floor..i).unwrap_or(""))
                        .last()
                        .is_some_and(|m| floor + m.end == i)
                {
                    break;
                }
                let upto = text.get(..i + c.len_utf8()).unwrap_or("");
                if lx.group_stops.iter().any(|w| upto.ends_with(w.as_str())) {
                    break;
                }
            }
            start = i;
        }
        let phrase = text.get(start..h.end).unwrap_or("");
        let trimmed = phrase.trim_start_matches(['、', '和', '及', '与', '或', '的', '（', '(']);
        let start = h.end - trimmed.len();
        floor = h.end;
        let alone = lx.target_heads.get(h.id).is_some_and(|t| t.alone);
        if start == h.start && !alone {
            continue;
        }
        // a people head right before this phrase is its modifier (`重点人群入（返）衡人员`)
        let merged = match out.last() {
            Some(&(s, e)) if e == seg.start + start => Some(s),
            _ => None,
        };
        if let Some(s) = merged {
            out.pop();
            out.push((s, seg.start + h.end));
        } else {
            out.push((seg.start + start, seg.start + h.end));
        }
    }
    out
}

/// The typed people groups named inside `seg` of paragraph `p` (`广大群众`, typed by no cue,
/// names no group).
pub(crate) fn named(lx: &Lexicon, p: &str, paragraph: usize, seg: Seg) -> Vec<Group> {
    let mut out = Vec::new();
    for (s, e) in phrases(lx, p, seg) {
        out.extend(groups_of(lx, p, paragraph, s, e));
    }
    out
}

/// Whether a cue hit says more than a movement (an origin, territory, people or the rest).
pub(super) fn types_group(lx: &Lexicon, id: usize) -> bool {
    lx.group_rows.get(id).is_some_and(|c| {
        !matches!(c.field, GroupField::Movement(_) | GroupField::None | GroupField::Clear)
    })
}
