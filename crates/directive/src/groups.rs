//! Groups of people and the scopes that give them to items.
//!
//! A group is a phrase naming people (`省外低风险地区返扬人员`, a target ending in a people head
//! of `data/targets.tsv`) or a short clause naming where they come from
//! (`从低风险地区返回`), typed with the cues of `data/groups.tsv`. A group header, an
//! enumerated line or clause that names a group and ends with a colon (`(3)省外低风险地区…人员：`,
//! `低风险地区：`, `1、从低风险地区返回：`), or the whole short line (`三、低风险地区`), opens a
//! scope: the items after it inherit its groups until the next header of the same or a higher
//! level.

use crate::lexicon::{GroupField, Lexicon};
use crate::model::{Group, Movement, Origin};
use crate::segment::{self, Seg, chars, clauses};

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
fn types_group(lx: &Lexicon, id: usize) -> bool {
    lx.group_rows.get(id).is_some_and(|c| {
        !matches!(c.field, GroupField::Movement(_) | GroupField::None | GroupField::Clear)
    })
}

/// Whether a clause reads as a group of its own (`从低风险地区返回`, `返回农村地区`,
/// `低风险区域`): short, opening with a cue that types a group (after 从 对 凡…), naming no
/// measure and no modal verb.
pub(crate) fn is_group_clause(lx: &Lexicon, text: &str) -> bool {
    let n = chars(text);
    if !(2..=GROUP_CLAUSE_CHARS).contains(&n)
        || text.contains(['《', '“'])
        || segment::starts_with_any(text, &lx.lists.not_header).is_some()
        || !lx.measures.find(text).is_empty()
        || !lx.cue_words.find(text).is_empty()
    {
        return false;
    }
    let lead = segment::starts_with_any(text, &lx.lists.group_clause_lead).map_or(0, str::len);
    let hits = lx.group_cues.find(text);
    let typed = hits.iter().any(|h| types_group(lx, h.id));
    let opens = hits
        .iter()
        .find(|h| !matches!(lx.group_rows.get(h.id).map(|c| &c.field), Some(GroupField::None)));
    typed && opens.is_some_and(|h| h.start <= lead)
}

/// Whether a clause states a condition on the people that narrows the group before it
/// (`但其旅居的县范围内有被精准划定为中风险地区的`): it ends in 的 or 者 and types a group.
fn is_condition(lx: &Lexicon, text: &str) -> bool {
    chars(text) <= 2 * GROUP_CLAUSE_CHARS + 8
        && text.ends_with(['的', '者'])
        && lx.group_cues.find(text).iter().any(|h| types_group(lx, h.id))
}

/// A group header of a paragraph.
#[derive(Debug, Clone)]
pub(crate) struct Header {
    /// Its level: 1 `一、`, 2 `（一）`, 3 `1、`, 4 `（1）`, 5 `①`, 6 unnumbered.
    pub level: u8,
    /// Where the text under it starts in the same paragraph (the paragraph's end for a
    /// header line).
    pub body: usize,
    /// Its groups.
    pub groups: Vec<Group>,
}

/// The list marker opening `s` (after leading spaces): its byte length and level.
pub(crate) fn marker(s: &str) -> Option<(usize, u8)> {
    let lead = s.len() - s.trim_start().len();
    let t = s.get(lead..)?;
    let mut it = t.char_indices();
    let (_, first) = it.next()?;
    if matches!(first, '①'..='⑳' | '❶'..='❿' | '➀'..='➉' | '⑴'..='⒇') {
        let n = lead + first.len_utf8();
        return Some((n + trailing_dot(s.get(n..)?), 5));
    }
    let han = |c: char| "一二三四五六七八九十".contains(c);
    if matches!(first, '(' | '（') {
        let mut seen_han = false;
        let mut seen_digit = false;
        for (i, c) in it {
            if han(c) {
                seen_han = true;
            } else if c.is_ascii_digit() {
                seen_digit = true;
            } else if matches!(c, ')' | '）') && (seen_han ^ seen_digit) {
                let n = lead + i + c.len_utf8();
                return Some((n + trailing_dot(s.get(n..)?), if seen_han { 2 } else { 4 }));
            } else {
                return None;
            }
        }
        return None;
    }
    let n = segment::enumerator(t);
    if n == 0 {
        return None;
    }
    Some((lead + n, if han(first) { 1 } else { 3 }))
}

/// `.` or `、` doubling a bracketed marker (`（1）.`).
fn trailing_dot(rest: &str) -> usize {
    rest.chars().next().filter(|c| matches!(c, '.' | '．' | '、')).map_or(0, char::len_utf8)
}

/// The first colon of `s` outside brackets within [`HEADER_CHARS`] characters outside
/// brackets: its byte offset and the offset after it.
fn first_colon(s: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let mut outside = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            '：' | ':' if depth == 0 => return Some((i, i + c.len_utf8())),
            _ if depth == 0 => {
                outside += 1;
                if outside > HEADER_CHARS {
                    return None;
                }
            }
            _ => {}
        }
    }
    None
}

/// The group header of paragraph `p`, if it opens with one.
pub(crate) fn header(
    lx: &Lexicon,
    p: &str,
    paragraph: usize,
    places: &[(usize, usize)],
) -> Option<Header> {
    let (skip, level) = marker(p).unwrap_or((0, UNNUMBERED));
    let rest = p.get(skip..)?;
    let lead = rest.len() - rest.trim_start().len();
    let start = skip + lead;
    let rest = rest.trim_start();
    // `X：…`: the words before the first colon; a short line of its own; or, in an
    // enumerated paragraph, a first clause that is a group (`1、从低风险区返回，…`)
    let colon = first_colon(rest);
    let (words, body) = match colon {
        Some((at, after)) => (rest.get(..at)?, start + after),
        None if chars(rest) <= HEADER_CHARS / 2 + 5 && !rest.contains(['。', '；', '，', ',']) => {
            (rest.trim_end_matches(['。', '.']), p.len())
        }
        None if level < UNNUMBERED => {
            let first = rest.split(['，', ',']).next()?;
            if first.len() == rest.len() || !is_group_clause(lx, first) {
                return None;
            }
            (first, start + first.len() + '，'.len_utf8())
        }
        None => return None,
    };
    let words_trimmed = words.trim_end();
    // a bracketed aside may list the people at length (`（省外…人员，省内从事冷链物流人员）`)
    let mut plain = words_trimmed.to_owned();
    for (o, c) in brackets(words_trimmed).into_iter().rev() {
        let close = words_trimmed.get(c..).and_then(|t| t.chars().next()).map_or(0, char::len_utf8);
        plain.replace_range(o..c + close, "");
    }
    if plain.is_empty()
        || plain.contains(['。', '；', ';', '《', '，', ','])
        || segment::starts_with_any(&plain, &lx.lists.not_header).is_some()
        || !lx.measures.find(&plain).is_empty()
        || !lx.cue_words.find(&plain).is_empty()
        || chars(&plain) > HEADER_CHARS
    {
        return None;
    }
    let span = Seg { start, end: start + words_trimmed.len() };
    // the header's groups: its people phrases, else the header words themselves
    let mut groups = named(lx, p, paragraph, span);
    if groups.is_empty() {
        groups = groups_of(lx, p, paragraph, span.start, span.end);
    }
    // 石家庄、邢台、廊坊等地：the people of named places
    if groups.is_empty() && places.iter().any(|&(s, e)| span.start <= s && e <= span.end) {
        let mut g = untyped(span.text(p), paragraph, span.start, span.end);
        g.origin = Some(Origin::NamedArea);
        groups.push(g);
    }
    if groups.is_empty() {
        return None;
    }
    Some(Header { level, body: body.min(p.len()), groups })
}

/// The scope of every paragraph: the header it opens with (if any) and the groups it inherits
/// (the innermost open header's, refined by the headers around it).
pub(crate) fn scopes(
    lx: &Lexicon,
    paragraphs: &[String],
    places: &[Vec<(usize, usize)>],
) -> Vec<(Option<Header>, Vec<Group>)> {
    let mut stack: Vec<(u8, Vec<Group>)> = Vec::new();
    let mut out = Vec::with_capacity(paragraphs.len());
    for (i, p) in paragraphs.iter().enumerate() {
        let h = header(lx, p, i, places.get(i).map_or(&[][..], Vec::as_slice));
        let level = h.as_ref().map(|h| h.level).or_else(|| marker(p).map(|m| m.1));
        if let Some(level) = level {
            while stack.last().is_some_and(|(l, _)| *l >= level) {
                stack.pop();
            }
        }
        if let Some(h) = &h {
            let parent = stack.last().and_then(|(_, g)| g.first()).cloned();
            let groups = h
                .groups
                .iter()
                .map(|g| match &parent {
                    Some(parent) => refine(g.clone(), parent),
                    None => g.clone(),
                })
                .collect();
            stack.push((h.level, groups));
        }
        let inherited = stack
            .last()
            .map(|(_, gs)| {
                gs.iter()
                    .cloned()
                    .map(|mut g| {
                        g.inherited = true;
                        g
                    })
                    .collect()
            })
            .unwrap_or_default();
        out.push((h, inherited));
    }
    out
}

/// The groups `除X外` / `除X以外` takes out in `sentence`.
pub(crate) fn exceptions(lx: &Lexicon, p: &str, paragraph: usize, sentence: Seg) -> Vec<Group> {
    let text = sentence.text(p);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = text.get(from..).and_then(|t| t.find('除')) {
        let start = from + at + '除'.len_utf8();
        let start =
            start + text.get(start..).map_or(0, |t| if t.starts_with('了') { 3 } else { 0 });
        let tail = text.get(start..).unwrap_or("");
        let end = ["以外", "之外", "外"]
            .iter()
            .filter_map(|w| tail.find(w))
            .min()
            .filter(|&e| e > 0 && !tail.get(..e).unwrap_or("").contains(['，', '。', '；']));
        match end {
            Some(e) => {
                let (s, e) = (sentence.start + start, sentence.start + start + e);
                let mut gs = named(lx, p, paragraph, Seg { start: s, end: e });
                if gs.is_empty() {
                    gs = groups_of(lx, p, paragraph, s, e);
                }
                out.extend(gs);
                from = start + e;
            }
            None => from = start,
        }
    }
    out
}

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
fn definitions(lx: &Lexicon, paragraphs: &[String]) -> Vec<(String, String)> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Sources;

    fn lx() -> &'static Lexicon {
        static L: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        L.get_or_init(|| Lexicon::build(&Sources::default()).unwrap())
    }

    fn origins(text: &str) -> Vec<Option<Origin>> {
        classify(lx(), text).into_iter().map(|a| a.origin).collect()
    }

    #[test]
    fn origins_follow_the_last_risk_cue() {
        assert_eq!(origins("省外低风险地区返扬人员"), [Some(Origin::LowRisk)]);
        assert_eq!(
            origins("中高风险地区所在地市的其他人员"),
            [Some(Origin::OutbreakArea)],
            "the city a risk area lies in"
        );
        assert_eq!(
            origins("中高风险地区所在的低风险地区来宿迁人员"),
            [Some(Origin::OutbreakArea)],
            "a low-risk area in a city with risk areas is the outbreak's"
        );
        assert_eq!(origins("中高风险地区所在地市以外的低风险地区"), [Some(Origin::LowRisk)]);
        assert_eq!(
            origins("境外及国内中高风险地区来（返）蚌人员"),
            [Some(Origin::Abroad), Some(Origin::MediumRisk), Some(Origin::HighRisk)]
        );
        assert_eq!(origins("省外非中高风险地区返鹤人员"), [Some(Origin::LowRisk)]);
        assert_eq!(origins("省外返回人员"), [Some(Origin::OutOfProvince)]);
        assert_eq!(origins("所有来齐返齐人员"), [Some(Origin::Any)]);
        assert_eq!(origins("其他人员"), [Some(Origin::Any)]);
        assert!(origins("各地").is_empty());
    }

    #[test]
    fn area_movement_and_people() {
        let a = &classify(lx(), "省外低风险地区返扬人员")[0];
        assert_eq!(a.area, Some(Origin::OutOfProvince));
        assert_eq!(a.movement, Some(Movement::Returning));
        assert_eq!(a.people, None);
        let a = &classify(lx(), "进口冷链食品从业人员")[0];
        assert_eq!(a.people, Some(Who::Named("key-occupation".to_owned())));
        assert_eq!(a.movement, None, "进口 is no arrival");
        let a = &classify(lx(), "外省返回农村地区人员")[0];
        assert_eq!(a.people, Some(Who::Named("rural-returner".to_owned())));
        let a = &classify(lx(), "跨省流动到城市的非重点人群")[0];
        assert_eq!(a.people, Some(Who::Anyone));
    }

    #[test]
    fn markers_and_levels() {
        assert_eq!(marker("一、境外来芜人员"), Some(("一、".len(), 1)));
        assert_eq!(marker("（三）省外人员"), Some(("（三）".len(), 2)));
        assert_eq!(marker("2、从中高风险地区返回"), Some(("2、".len(), 3)));
        assert_eq!(marker("3.省外"), Some((2, 3)));
        assert_eq!(marker("(3)省外"), Some((3, 4)));
        assert_eq!(marker("（1）.中高风险"), Some(("（1）.".len(), 4)));
        assert_eq!(marker("①国内"), Some(("①".len(), 5)));
        assert_eq!(marker("2021年1月"), None);
    }

    fn header_text(p: &str) -> Option<(u8, String, Vec<Option<Origin>>)> {
        let h = header(lx(), p, 0, &[])?;
        let text = h.groups.first()?.text.clone();
        Some((h.level, text, h.groups.iter().map(|g| g.origin).collect()))
    }

    #[test]
    fn headers() {
        assert_eq!(
            header_text("(3)省外低风险地区及省内重点人群入（返）衡人员："),
            Some((
                4,
                "省外低风险地区及省内重点人群入（返）衡人员".to_owned(),
                vec![Some(Origin::LowRisk), Some(Origin::InProvince)]
            ))
        );
        assert_eq!(
            header_text("1、从低风险地区返回：需出示健康码绿码"),
            Some((3, "从低风险地区返回".to_owned(), vec![Some(Origin::LowRisk)]))
        );
        assert_eq!(
            header_text("三、低风险地区"),
            Some((1, "低风险地区".to_owned(), vec![Some(Origin::LowRisk)]))
        );
        assert_eq!(
            header_text("低风险地区：必须提供到达前7天内核酸检测阴性证明"),
            Some((UNNUMBERED, "低风险地区".to_owned(), vec![Some(Origin::LowRisk)]))
        );
        // a first clause that is a group heads an enumerated paragraph
        assert_eq!(
            header_text("1、从低风险区返回，返回农村地区，提供7日内核酸检测阴性证明。"),
            Some((3, "从低风险区返回".to_owned(), vec![Some(Origin::LowRisk)]))
        );
        assert_eq!(header_text("根据《关于做好来晋返晋重点人员服务管理工作的通知》规定："), None);
        assert_eq!(header_text("注：返乡人员主要是指从省外返回农村地区的人员。"), None);
        assert_eq!(header_text("会议要求：各地要严格落实核酸检测"), None);
        assert_eq!(header_text("2、中风险地区人员须集中隔离14天。"), None);
    }

    #[test]
    fn scopes_nest_and_close() {
        let ps: Vec<String> = [
            "一、境外来芜人员",
            "严格落实“14+7+7”管控措施。",
            "二、中高风险地区及其所在地市人员",
            "1、高风险地区人员春运期间不流动。",
            "三、低风险地区",
            "1、跨省回农村需持7日内有效新冠病毒核酸检测阴性结果",
            "注意事项",
        ]
        .map(str::to_owned)
        .to_vec();
        let s = scopes(lx(), &ps, &[]);
        let first = |i: usize| s[i].1.first().and_then(|g| g.origin);
        assert_eq!(first(1), Some(Origin::Abroad));
        assert_eq!(first(3), Some(Origin::MediumRisk));
        assert_eq!(first(5), Some(Origin::LowRisk));
        assert!(s[5].1.iter().all(|g| g.inherited));
        // an unnumbered header closes the one before it
        let ps: Vec<String> = [
            "国内高风险地区来邵（返邵）人员：",
            "在集中隔离点集中隔离医学观察14天。",
            "国内中风险地区来邵（返邵）人员：",
            "来邵返邵后实行14天居家健康监测。",
        ]
        .map(str::to_owned)
        .to_vec();
        let s = scopes(lx(), &ps, &[]);
        assert_eq!(s[1].1[0].origin, Some(Origin::HighRisk));
        assert_eq!(s[3].1[0].origin, Some(Origin::MediumRisk));
        assert_eq!(s[3].1[0].movement, Some(Movement::Returning));
    }

    #[test]
    fn people_phrases_stop_at_verbs_and_lists() {
        let p = "对来自或途经国内疫情高风险地区人员，一律实施14天集中隔离";
        let spans = phrases(lx(), p, Seg { start: 0, end: p.len() });
        let texts: Vec<&str> = spans.iter().map(|&(s, e)| &p[s..e]).collect();
        assert_eq!(texts, ["来自或途经国内疫情高风险地区人员"]);
        let p = "进口冷链食品从业人员、口岸直接接触进口货物从业人员等重点人群须持证明";
        let spans = phrases(lx(), p, Seg { start: 0, end: p.len() });
        let texts: Vec<&str> = spans.iter().map(|&(s, e)| &p[s..e]).collect();
        assert_eq!(texts, ["进口冷链食品从业人员", "口岸直接接触进口货物从业人员", "重点人群"]);
        let p = "对有高风险地区旅居史的来深返深人员实行集中隔离";
        let spans = phrases(lx(), p, Seg { start: 0, end: p.len() });
        assert_eq!(&p[spans[0].0..spans[0].1], "有高风险地区旅居史的来深返深人员");
    }

    #[test]
    fn exclusions() {
        let p = "除重点人群外，其他人员持绿码通行";
        let ex = exceptions(lx(), p, 0, Seg { start: 0, end: p.len() });
        assert_eq!(ex.len(), 1);
        assert_eq!(ex[0].text, "重点人群");
        assert_eq!(ex[0].people.as_deref(), Some("key-occupation"));
    }

    #[test]
    fn a_page_defines_its_groups() {
        let ps: Vec<String> = [
            "返乡人员需持7天内核酸检测阴性证明。",
            "注：返乡人员主要是指从省外返回农村地区的人员。",
            "对春运期间返乡人员（主要是跨省份返乡人员和本省内的进口冷链食品从业人员等重点人群），查验证明。",
        ]
        .map(str::to_owned)
        .to_vec();
        let d = definitions(lx(), &ps);
        assert_eq!(d, [("返乡人员".to_owned(), "rural-returner".to_owned())]);
        let d = definitions(lx(), &ps[2..]);
        assert_eq!(d, [("返乡人员".to_owned(), "key-occupation".to_owned())]);
    }

    #[test]
    fn refinement_fills_what_the_child_leaves_open() {
        let parent = Group {
            origin: Some(Origin::LowRisk),
            movement: Some(Movement::Returning),
            ..Group::default()
        };
        let child = Group { people: Some("rural-returner".into()), ..Group::default() };
        let g = refine(child, &parent);
        assert_eq!(g.origin, Some(Origin::LowRisk));
        assert_eq!(g.people.as_deref(), Some("rural-returner"));
    }
}
