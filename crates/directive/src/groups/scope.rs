//! Group headers and the scopes they open; group clauses, conditions and exclusions.

use super::{
    GROUP_CLAUSE_CHARS, HEADER_CHARS, UNNUMBERED, brackets, groups_of, named, refine, types_group,
    untyped,
};
use crate::lexicon::{GroupField, Lexicon};
use crate::model::{Group, Origin};
use crate::segment::{self, Seg, chars};

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
pub(super) fn is_condition(lx: &Lexicon, text: &str) -> bool {
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
pub(super) fn first_colon(s: &str) -> Option<(usize, usize)> {
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
    // `1、从低风险地区返回，活动范围为洛阳城市区的：…`: a first clause that is a group heads the
    // paragraph, what follows it up to the colon is a condition of the items under it
    let first_group = rest
        .split(['，', ','])
        .next()
        .filter(|first| first.len() < rest.len() && is_group_clause(lx, first));
    let (words, body) = match colon {
        Some((at, _))
            if level < UNNUMBERED
                && rest.get(..at).is_some_and(|w| w.contains(['，', ',']))
                && first_group.is_some() =>
        {
            let first = first_group?;
            (first, start + first.len() + '，'.len_utf8())
        }
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
