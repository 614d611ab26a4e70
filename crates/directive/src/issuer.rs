//! Document kind, issuer and region.

use std::collections::HashMap;

use zhengling_entities::{Division, Divisions, Entity, EntityKind, PlaceLevel, Value};

use crate::lexicon::Lexicon;
use crate::model::{Evidence, Kind};
use crate::segment::{chars, ends_with_any, is_han};

/// The kind of a document, with the words that decided it.
pub(crate) fn kind(
    lx: &Lexicon,
    title: &str,
    paragraphs: &[String],
    distinct_measures: usize,
) -> (Kind, Option<Evidence>) {
    // A word followed by 精神 is relayed (传达学习…通知精神), not the page's own kind.
    let in_title = |words: &[String]| {
        words
            .iter()
            .filter_map(|w| title.find(w.as_str()).map(|i| (i, w)))
            .filter(|(i, w)| {
                let after = title.get(i + w.len()..).unwrap_or("");
                !after.trim_start_matches(['”', '》', '"']).starts_with("精神")
            })
            .min_by_key(|&(i, w)| (i, std::cmp::Reverse(w.len())))
            .map(|(i, w)| Evidence::new(None, i, i + w.len(), w.clone()))
    };
    if let Some(e) = in_title(&lx.lists.notice) {
        return (Kind::Notice, Some(e));
    }
    if let Some(e) = in_title(&lx.lists.meeting) {
        return (Kind::Meeting, Some(e));
    }
    let in_body = |words: &crate::lexicon::Words| {
        paragraphs.iter().enumerate().find_map(|(pi, p)| {
            let h = words.find(p).into_iter().next()?;
            Some(Evidence::new(Some(pi), h.start, h.end, p.get(h.start..h.end)?))
        })
    };
    let epidemic = in_title(&lx.lists.epidemic).or_else(|| in_body(&lx.epidemic));
    // a news page that relays a notice is the notice's record
    if epidemic.is_some()
        && let Some(e) = reported_notice(lx, paragraphs)
    {
        return (Kind::Notice, Some(e));
    }
    if let Some(e) = in_body(&lx.notice_body) {
        return (Kind::Notice, Some(e));
    }
    let meeting_phrases: usize = paragraphs.iter().map(|p| lx.meeting_body.find(p).len()).sum();
    if meeting_phrases >= 2 {
        return (Kind::Meeting, in_body(&lx.meeting_body));
    }
    if epidemic.is_some()
        && let Some(e) = held_meeting(lx, paragraphs)
    {
        return (Kind::Meeting, Some(e));
    }
    if distinct_measures >= 3 && epidemic.is_some() {
        return (Kind::Report, epidemic);
    }
    match epidemic {
        Some(e) => (Kind::News, Some(e)),
        None => (Kind::Other, None),
    }
}

/// The opening sentence of a page that reports a meeting being held (`我县召开…工作会议`,
/// `某某主持召开…扩大会议`): the first paragraph with `召开` and a meeting word after it in
/// one clause, when only short lines (a page's navigation) come before it. A relayed
/// meeting (`传达…召开的…会议精神`), one still to come (`将于…召开`) and a press conference
/// do not count.
fn held_meeting(lx: &Lexicon, paragraphs: &[String]) -> Option<Evidence> {
    for (pi, p) in paragraphs.iter().enumerate().take(8) {
        if let Some(i) = p.find("召开") {
            if relayed(lx, p, i) {
                return None;
            }
            let head = p.get(..i)?;
            let clause_start = head
                .char_indices()
                .rev()
                .find(|&(_, c)| matches!(c, '，' | ',' | '。' | '；' | ';'))
                .map_or(0, |(k, c)| k + c.len_utf8());
            let before = head.get(clause_start..)?;
            if ["将", "拟", "即将"].iter().any(|w| before.contains(w)) {
                return None;
            }
            let after = p.get(i + "召开".len()..)?;
            let end = after.find(['，', ',', '。', '；', ';']).unwrap_or(after.len());
            let clause = after.get(..end)?;
            if clause.contains("发布会")
                || !lx.lists.meeting.iter().any(|w| clause.contains(w.as_str()))
            {
                return None;
            }
            return Some(Evidence::new(Some(pi), i, i + "召开".len(), "召开"));
        }
        if chars(p) > 40 {
            return None;
        }
    }
    None
}

/// A news lead that reports a notice being issued (`1月23日，某某指挥部发布第1号通告，…`):
/// the first paragraph, a verb of issuing and a notice word close after it in one clause.
fn reported_notice(lx: &Lexicon, paragraphs: &[String]) -> Option<Evidence> {
    let lead = paragraphs.first()?;
    for verb in &lx.lists.issue_verb {
        for (i, _) in lead.match_indices(verb.as_str()) {
            let after = lead.get(i + verb.len()..)?;
            let clause_end =
                after.find(['，', '。', '；', '：', ',', ';', ':']).unwrap_or(after.len());
            let clause = after.get(..clause_end)?;
            let hit = lx
                .lists
                .notice
                .iter()
                .filter_map(|w| clause.find(w.as_str()).map(|k| (k, w)))
                .min();
            if let Some((k, w)) = hit
                && clause.get(..k).is_some_and(|g| g.chars().count() <= 8)
            {
                let end = i + verb.len() + k + w.len();
                return Some(Evidence::new(Some(0), i, end, lead.get(i..end)?));
            }
        }
    }
    None
}

/// The span of the body's name that ends at `end` in `s` (`市疫情防控工作领导小组` before
/// `第139次`), cut at punctuation and at verbs such as 召开.
pub(crate) fn org_before(lx: &Lexicon, s: &str, end: usize) -> Option<(usize, usize)> {
    // 市指挥部紧急召开, 疫情指挥中心今天召开: the adverbs are no part of the name
    let mut end = end;
    while let Some(a) =
        s.get(..end).and_then(|h| lx.lists.org_adverb.iter().find(|a| h.ends_with(a.as_str())))
    {
        end -= a.len();
    }
    // 指挥部18日发布通告: the day between a body and its verb is no part of the name
    if let Some(h) = s.get(..end).and_then(|h| h.strip_suffix('日')) {
        let digits = h.bytes().rev().take_while(u8::is_ascii_digit).count();
        if (1..=2).contains(&digits) {
            end -= digits + '日'.len_utf8();
        }
    }
    // 县政府2022年第六次常务会议: the year before a session is no part of the name
    if let Some(h) = s.get(..end) {
        for y in ["年度", "年"] {
            if let Some(d) = h.strip_suffix(y)
                && d.len() >= 4
                && d.get(d.len() - 4..).is_some_and(|t| t.bytes().all(|b| b.is_ascii_digit()))
            {
                end -= 4 + y.len();
                break;
            }
        }
    }
    let head = s.get(..end)?;
    let mut start = end;
    for (i, c) in head.char_indices().rev() {
        if is_han(c) || matches!(c, '(' | ')' | '（' | '）') || c.is_ascii_alphanumeric() {
            start = i;
        } else {
            break;
        }
    }
    let seg = s.get(start..end)?;
    let cut = lx
        .lists
        .org_stop
        .iter()
        .filter_map(|w| seg.rfind(w.as_str()).map(|i| i + w.len()))
        .max()
        .unwrap_or(0);
    start += cut;
    // A body's name holds no session or year (`2022年第8次区委会议`: `区委`).
    if let Some(m) = s.get(start..end).and_then(|seg| lx.session.find_iter(seg).last()) {
        start += m.end();
    }
    start += year_prefix(s.get(start..end)?);
    let name = s.get(start..end)?;
    let suffix = ends_with_any(name, &lx.lists.org_suffix)?;
    if chars(name) < 2 || (name == suffix && chars(suffix) < 2) {
        return None;
    }
    // A name must not open with a bracket.
    if name.starts_with([')', '）']) {
        return None;
    }
    Some((start, end))
}

/// The length of a year written at the start of `s` (`2022年`, `2022年度`), or 0.
fn year_prefix(s: &str) -> usize {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 {
        return 0;
    }
    let rest = s.get(digits..).unwrap_or("");
    match ["年度", "年"].into_iter().find(|y| rest.starts_with(y)) {
        Some(y) => digits + y.len(),
        None => 0,
    }
}

/// A division named right before `end` (`晋中市` in `晋中市召开…`): a meeting held by a
/// division's leadership.
fn division_before(lx: &Lexicon, s: &str, end: usize) -> Option<(usize, usize)> {
    let head = s.get(..end)?;
    let start = head.char_indices().rev().take_while(|&(_, c)| is_han(c)).last().map(|(i, _)| i)?;
    let name = s.get(start..end)?;
    let m = lx.division_prefix.find(name)?;
    let whole = m.end() == name.len() && !name.starts_with(['各', '全', '我', '本']);
    (whole && chars(name) <= 10).then_some((start, end))
}

/// `(full name, short name)` pairs the text defines: `X(以下简称“Y”)`.
pub(crate) fn abbreviations(lx: &Lexicon, paragraphs: &[String]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for p in paragraphs {
        if !p.contains("以下简称") {
            continue;
        }
        for c in lx.abbreviation.captures_iter(p) {
            let (Some(all), Some(short)) = (c.get(0), c.get(1)) else { continue };
            if let Some((s, e)) = org_before(lx, p, all.start())
                && let Some(full) = p.get(s..e)
            {
                out.push((full.to_owned(), short.as_str().trim().to_owned()));
            }
        }
    }
    out
}

/// The full name of a body named by a short form.
pub(crate) fn expand(
    name: &str,
    abbreviations: &[(String, String)],
    entities: &[Vec<Entity<'_>>],
) -> Option<String> {
    for (full, short) in abbreviations {
        if name == full {
            return None;
        }
        if name == short || name.ends_with(short.as_str()) || short.ends_with(name) {
            return Some(full.clone());
        }
    }
    entities.iter().flatten().find_map(|e| match &e.value {
        Value::Organization(o) if e.text == name => o.full.clone(),
        _ => None,
    })
}

/// The issuers an official document signs as (or, unsigned, names in its header, `…文件`
/// dropped), each with where it stands among the last paragraphs when it does.
pub(crate) fn signed(
    signatories: &[String],
    header: Option<&str>,
    paragraphs: &[String],
) -> Vec<(String, Option<Evidence>)> {
    let names: Vec<String> = if signatories.is_empty() {
        header
            .map(|h| h.trim().trim_end_matches("文件").trim().to_owned())
            .filter(|h| chars(h) >= 2)
            .into_iter()
            .collect()
    } else {
        signatories.iter().map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect()
    };
    names
        .into_iter()
        .map(|name| {
            let ev = paragraphs.iter().enumerate().rev().find_map(|(pi, p)| {
                let at = p.rfind(name.as_str())?;
                Some(Evidence::new(Some(pi), at, at + name.len(), name.clone()))
            });
            (name, ev)
        })
        .collect()
}

/// A body's name written relative to the page (`市人民政府办公厅`, `县指挥部`) with the region
/// it belongs to in front (`贵阳市人民政府办公厅`), when the region is of that level.
pub(crate) fn qualify(lx: &Lexicon, name: &str, region: &str) -> Option<String> {
    let level = name.chars().next()?;
    if !matches!(level, '省' | '市' | '县' | '区')
        || !region.ends_with(level)
        || lx.lists.level_word.iter().any(|w| name.starts_with(w.as_str()))
    {
        return None;
    }
    Some(format!("{region}{}", name.get(level.len_utf8()..)?))
}

/// Who issued the document.
pub(crate) fn issuer(
    lx: &Lexicon,
    kind: Kind,
    title: &str,
    paragraphs: &[String],
    entities: &[Vec<Entity<'_>>],
) -> Option<(String, Evidence)> {
    let found = match kind {
        Kind::Notice => notice_issuer(lx, title, paragraphs),
        Kind::Meeting => meeting_body(lx, title, paragraphs).map(|(e, _)| e),
        Kind::Report | Kind::News => {
            cited_issuer(lx, paragraphs).or_else(|| announcing_body(lx, paragraphs))
        }
        Kind::Other => cited_issuer(lx, paragraphs),
    }?;
    let abbr = abbreviations(lx, paragraphs);
    let name = expand(&found.text, &abbr, entities)
        .or_else(|| {
            let src = match found.paragraph {
                None => title,
                Some(i) => paragraphs.get(i)?,
            };
            held_by_division(lx, src, found.start, &found.text)
        })
        .unwrap_or_else(|| found.text.clone());
    Some((name, found))
}

/// A bare body's name qualified by the division that convenes it: `石家庄市召开疫情防控工作
/// 领导小组第45次会议` is held by 石家庄市疫情防控工作领导小组.
fn held_by_division(lx: &Lexicon, s: &str, start: usize, name: &str) -> Option<String> {
    if lx.division_prefix.is_match(name)
        || name.starts_with(['各', '全', '我', '本', '省', '市', '县', '区', '中'])
    {
        return None;
    }
    let head = s.get(..start)?;
    let verb = ["召开", "举行"].into_iter().find(|v| head.ends_with(v))?;
    let (a, b) = division_before(lx, s, start - verb.len())?;
    Some(format!("{}{name}", s.get(a..b)?))
}

fn notice_issuer(lx: &Lexicon, title: &str, paragraphs: &[String]) -> Option<Evidence> {
    // 1. The title: `X关于…的通知`, `X通告`.
    let cut = title
        .find("关于")
        .or_else(|| lx.lists.notice.iter().filter_map(|w| title.find(w.as_str())).min());
    if let Some(end) = cut {
        let end = if title.get(..end).is_some_and(|t| t.ends_with('的')) {
            end - '的'.len_utf8()
        } else {
            end
        };
        if let Some((s, e)) = org_before(lx, title, end) {
            return Some(Evidence::new(None, s, e, title.get(s..e)?));
        }
    }
    // 2. A body that defines its short name, or that issues the notice in the text.
    let signature = signature(lx, paragraphs);
    for (pi, p) in paragraphs.iter().enumerate().take(3) {
        if let Some(m) = lx.abbreviation.find(p)
            && let Some((s, e)) = org_before(lx, p, m.start())
        {
            return Some(Evidence::new(Some(pi), s, e, p.get(s..e)?));
        }
        for verb in ["发出", "发布", "印发", "下发", "研究决定", "研究同意"] {
            if let Some(i) = p.find(verb)
                && let Some((mut s, e)) = org_before(lx, p, i)
            {
                // 经县疫情防控指挥部研究决定
                if p.get(s..e).is_some_and(|n| n.starts_with('经')) {
                    s += '经'.len_utf8();
                }
                let found = Evidence::new(Some(pi), s, e, p.get(s..e)?);
                // `经县…领导小组研究决定` names the body relative to the page; the
                // signature (`平遥县…领导小组办公室`) names it in full: prefer it.
                if let Some(sig) = signature.as_ref()
                    && sig
                        .text
                        .contains(found.text.trim_start_matches(['省', '市', '县', '区', '本']))
                {
                    return signature;
                }
                return Some(found);
            }
        }
    }
    // 3. The signature.
    signature
}

/// The signature of a notice: a short paragraph among the last three that is a body's name.
fn signature(lx: &Lexicon, paragraphs: &[String]) -> Option<Evidence> {
    let n = paragraphs.len();
    for (pi, p) in paragraphs.iter().enumerate().skip(n.saturating_sub(3)).rev() {
        let t = p.trim();
        if chars(t) <= 30 && t.chars().all(|c| is_han(c) || matches!(c, '(' | ')' | '（' | '）'))
        {
            let off = p.find(t).unwrap_or(0);
            if let Some((s, e)) = org_before(lx, p, off + t.len())
                && s == off
            {
                return Some(Evidence::new(Some(pi), s, e, p.get(s..e)?));
            }
        }
    }
    None
}

/// The body that held a meeting, from the title or the first paragraphs, and whether it was
/// found before a session number.
pub(crate) fn meeting_body(
    lx: &Lexicon,
    title: &str,
    paragraphs: &[String],
) -> Option<(Evidence, bool)> {
    let mut sources: Vec<(Option<usize>, &str)> = vec![(None, title)];
    sources.extend(paragraphs.iter().take(2).enumerate().map(|(i, p)| (Some(i), p.as_str())));
    for &(pi, s) in &sources {
        for c in lx.session.find_iter(s) {
            if relayed(lx, s, c.start()) {
                continue;
            }
            if let Some((a, b)) = org_before(lx, s, c.start()) {
                return Some((Evidence::new(pi, a, b, s.get(a..b)?), true));
            }
        }
    }
    // A body named before the meeting anywhere beats a bare division before it (a title's
    // `河北省召开…会议` and the lead's `河北省疫情防控工作领导小组召开…会议`).
    for division in [false, true] {
        for &(pi, s) in &sources {
            for anchor in std::iter::once("召开").chain(lx.lists.meeting.iter().map(String::as_str))
            {
                let Some(i) = s.find(anchor).filter(|&i| !relayed(lx, s, i)) else { continue };
                let found = if division { division_before(lx, s, i) } else { org_before(lx, s, i) };
                if let Some((a, b)) = found {
                    return Some((Evidence::new(pi, a, b, s.get(a..b)?), false));
                }
            }
        }
    }
    None
}

/// Whether the meeting named at `at` is relayed (`传达贯彻省委第109次…`) rather than held.
pub(crate) fn relayed(lx: &Lexicon, s: &str, at: usize) -> bool {
    let head = s.get(..at).unwrap_or("");
    let clause_start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '，' | ',' | '。' | '；' | ';'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let clause = head.get(clause_start..).unwrap_or("");
    lx.lists.relay.iter().any(|r| clause.contains(r.as_str()))
}

/// The body a report says issued a notice, in its lead: `市疫情防控办发布通告，决定…`.
fn announcing_body(lx: &Lexicon, paragraphs: &[String]) -> Option<Evidence> {
    for (pi, p) in paragraphs.iter().enumerate().take(2) {
        for verb in ["发布", "发出", "印发", "下发"] {
            for (i, _) in p.match_indices(verb) {
                let after: String = p.get(i + verb.len()..)?.chars().take(12).collect();
                let clause = after.split(['，', ',', '。', '；']).next().unwrap_or("");
                if !lx.lists.notice.iter().any(|w| clause.contains(w.as_str())) {
                    continue;
                }
                if let Some((s, e)) = org_before(lx, p, i) {
                    return Some(Evidence::new(Some(pi), s, e, p.get(s..e)?));
                }
            }
        }
    }
    None
}

/// The body whose document a report cites: `《X关于…》`.
fn cited_issuer(lx: &Lexicon, paragraphs: &[String]) -> Option<Evidence> {
    for (pi, p) in paragraphs.iter().enumerate() {
        let mut rest = 0;
        while let Some(open) = p.get(rest..).and_then(|t| t.find('《')) {
            let inner = rest + open + '《'.len_utf8();
            let Some(close) = p.get(inner..).and_then(|t| t.find('》')) else { break };
            let doc = p.get(inner..inner + close).unwrap_or("");
            if let Some(k) = doc.find("关于")
                && let Some((s, e)) = org_before(lx, p, inner + k)
                && s == inner
            {
                return Some(Evidence::new(Some(pi), s, e, p.get(s..e)?));
            }
            rest = inner + close;
        }
    }
    None
}

/// A division the document may govern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Place {
    pub name: String,
    pub code: Option<String>,
    pub level: Option<PlaceLevel>,
}

fn level_of_prefix(name: &str) -> Option<PlaceLevel> {
    let first = name.trim_start_matches("中共").chars().next()?;
    match first {
        '省' => Some(PlaceLevel::Province),
        '市' => Some(PlaceLevel::City),
        '县' | '区' | '旗' => Some(PlaceLevel::County),
        _ => None,
    }
}

fn place_of(d: &Division) -> Place {
    Place { name: d.name.to_owned(), code: Some(d.code.to_owned()), level: Some(d.level) }
}

/// The division a publisher's name starts with (`长治日报`, `长治新闻网`): the region of a
/// local page whose text names none.
pub(crate) fn region_of_names<'n>(
    divisions: &Divisions,
    names: impl IntoIterator<Item = Option<&'n str>>,
) -> Option<Place> {
    names.into_iter().flatten().find_map(|name| {
        let ends: Vec<usize> = name.char_indices().map(|(i, _)| i).skip(2).take(4).collect();
        ends.into_iter().rev().find_map(|e| {
            let prefix = name.get(..e)?;
            (!divisions.lookup(prefix).is_empty())
                .then(|| divisions.resolve(prefix, None))
                .flatten()
                .map(place_of)
        })
    })
}

/// `d` or the division above it at `level` (太原市 for 小店区 at city level).
fn at_level<'d>(
    divisions: &'d Divisions,
    d: &'d Division,
    level: PlaceLevel,
) -> Option<&'d Division> {
    let mut cur = d;
    for _ in 0..4 {
        if cur.level == level {
            return Some(cur);
        }
        if cur.level.rank() < level.rank() {
            return None;
        }
        cur = divisions.parent(cur)?;
    }
    None
}

/// The division a name opens with, as specific as the name chains them (`太原市小店区…` is
/// 小店区); not a generic one (`各市`, `全省`, `市委`).
fn named_division<'d>(
    lx: &Lexicon,
    divisions: &'d Divisions,
    name: &str,
    context: Option<&str>,
) -> Option<&'d Division> {
    let m = lx.division_prefix.captures(name)?.get(1)?;
    let prefix = m.as_str();
    if prefix.starts_with(['各', '全', '我', '本', '该', '省', '市', '县', '区']) {
        return None;
    }
    let mut d = divisions.resolve(prefix, context)?;
    let mut rest = name.get(m.end()..).unwrap_or("");
    while let Some(next) = lx.division_prefix.captures(rest).and_then(|c| c.get(1)) {
        let Some(child) =
            divisions.lookup(next.as_str()).into_iter().find(|c| d.contains(c) && c != &d)
        else {
            break;
        };
        d = child;
        rest = rest.get(next.end()..).unwrap_or("");
    }
    Some(branch_division(lx, divisions, d, rest).unwrap_or(d))
}

/// The division under `d` whose office of the body the rest of a name is
/// (`生态环境局涿州市分局` under 保定市: 涿州市).
fn branch_division<'d>(
    lx: &Lexicon,
    divisions: &'d Divisions,
    d: &'d Division,
    rest: &str,
) -> Option<&'d Division> {
    let office = lx.lists.branch_office.iter().find(|w| rest.ends_with(w.as_str()))?;
    let head = rest.get(..rest.len() - office.len())?;
    // the longest tail of the name before the office word that is a division under `d`
    head.char_indices().filter(|&(i, _)| i + 6 <= head.len()).find_map(|(i, _)| {
        let tail = head.get(i..)?;
        divisions.lookup(tail).into_iter().find(|c| d.contains(c) && *c != d)
    })
}

/// The division a document governs: the division its issuer names (`山西省疫情防控…`) or
/// its title opens with, else
/// the place the text mentions most at the level the issuer or the text implies (`市委…`,
/// `我市`, `全省`), counting a place toward the division it lies in.
pub(crate) fn region(
    lx: &Lexicon,
    divisions: &Divisions,
    issuer: Option<&str>,
    title: &str,
    paragraphs: &[String],
    entities: &[Vec<Entity<'_>>],
) -> Option<Place> {
    // Place entities, as divisions.
    let places: Vec<&Division> = entities
        .iter()
        .flatten()
        .filter(|e| e.kind == EntityKind::Place)
        .filter_map(|e| match &e.value {
            Value::Place(p) => divisions.by_code(&p.code),
            _ => None,
        })
        .collect();
    let context = places.iter().find(|d| d.level == PlaceLevel::Province).map(|d| d.name);
    // the issuer's division (`太原市小店区…指挥部`), else the one a title opens with
    // (`太原市新冠肺炎疫情情况通报`)
    for name in [issuer, Some(title)].into_iter().flatten() {
        if let Some(d) = named_division(lx, divisions, name, context) {
            return Some(place_of(d));
        }
    }
    // a title that opens with a place the text names (`洛阳春节返乡政策` on a page that
    // speaks of 洛阳)
    let opened = entities.iter().flatten().filter(|e| e.kind == EntityKind::Place).find_map(|e| {
        match &e.value {
            Value::Place(p) if chars(e.text) >= 2 && title.starts_with(e.text) => {
                divisions.by_code(&p.code)
            }
            _ => None,
        }
    });
    if issuer.is_none()
        && let Some(d) = opened
    {
        return Some(place_of(d));
    }
    let mut level = issuer.and_then(level_of_prefix);
    if level.is_none() {
        let mut n = [0usize; 3];
        for text in std::iter::once(title).chain(paragraphs.iter().map(String::as_str)) {
            for h in lx.level_markers.find(text) {
                let level = lx.level_of_marker.get(h.id).copied().unwrap_or(2);
                if let Some(slot) = n.get_mut(usize::from(level)) {
                    *slot += 1;
                }
            }
        }
        let counts =
            [(n[0], PlaceLevel::Province), (n[1], PlaceLevel::City), (n[2], PlaceLevel::County)];
        level = counts.iter().filter(|(n, _)| *n > 0).max_by_key(|(n, _)| *n).map(|&(_, l)| l);
    }
    // Count each mention toward its division at the level (or itself when no level is known).
    let mut counts: HashMap<&str, (usize, usize, &Division)> = HashMap::new();
    for (order, d) in places.iter().enumerate() {
        if d.level == PlaceLevel::Country {
            continue;
        }
        let target = match level {
            Some(l) => at_level(divisions, d, l),
            None => Some(*d),
        };
        if let Some(t) = target {
            let entry = counts.entry(t.code).or_insert((0, order, t));
            entry.0 += 1;
        }
    }
    let best = counts.values().max_by_key(|(n, first, d)| {
        (*n, std::cmp::Reverse(d.level.rank()), std::cmp::Reverse(*first))
    });
    if let Some(best) = best {
        return Some(place_of(best.2));
    }
    // A province-level text that names no place: 入晋, 来晋, 非必要不离晋.
    if level == Some(PlaceLevel::Province) {
        let mut n: HashMap<&str, usize> = HashMap::new();
        for text in std::iter::once(title).chain(paragraphs.iter().map(String::as_str)) {
            for h in lx.province_marks.find(text) {
                if let Some(p) = lx.province_of_mark.get(h.id) {
                    *n.entry(p.as_str()).or_default() += 1;
                }
            }
        }
        let (name, _) = n.into_iter().max_by_key(|&(p, c)| (c, std::cmp::Reverse(p)))?;
        return divisions.resolve(name, None).map(place_of);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Sources;
    use zhengling_entities::{PlaceInfo, Span};

    fn lx() -> Lexicon {
        Lexicon::build(&Sources::default()).unwrap()
    }

    fn kind_of(title: &str, body: &[&str], measures: usize) -> Kind {
        let ps: Vec<String> = body.iter().map(|s| (*s).to_owned()).collect();
        kind(&lx(), title, &ps, measures).0
    }

    #[test]
    fn kinds() {
        assert_eq!(kind_of("某市新冠肺炎疫情防控指挥部通告(第5号)", &[], 0), Kind::Notice);
        assert_eq!(kind_of("关于进一步做好疫情防控工作的通知", &[], 0), Kind::Notice);
        assert_eq!(kind_of("张三主持召开县疫情防控领导小组第12次会议", &[], 0), Kind::Meeting);
        assert_eq!(kind_of("", &["现将有关事项通告如下"], 0), Kind::Notice);
        // a news page whose lead reports the notice it relays is the notice's record; a
        // page about something else is not
        assert_eq!(
            kind_of(
                "市区公交暂停运营",
                &[
                    "1月23日，市疫情防控指挥部发布第1号通告，自24时起公交暂停运营。",
                    "市民请减少外出。"
                ],
                0
            ),
            Kind::Notice
        );
        assert_eq!(
            kind_of("明年电煤涨价", &["昨日发改委发布通知，明年合同电煤价格涨幅不超过5%。"], 0),
            Kind::Other
        );
        // a notice that mentions another being issued further on is still a notice
        assert_eq!(
            kind_of(
                "",
                &["为做好防控工作，现将有关事项通告如下：", "省指挥部发布通告后，各地要落实。"],
                0
            ),
            Kind::Notice
        );
        assert_eq!(
            kind_of("县委常委会会议传达学习省防控办《紧急通知》精神", &[], 0),
            Kind::Meeting
        );
        assert_eq!(kind_of("", &["会议指出,要坚持。会议强调,要落实。"], 0), Kind::Meeting);
        // no title: the opening sentence reports a meeting held, after short navigation lines
        assert_eq!(
            kind_of(
                "",
                &["关注微信", "8月1日晚,我县召开新冠肺炎疫情防控工作会议。", "会议分析了形势。"],
                0
            ),
            Kind::Meeting
        );
        assert_eq!(
            kind_of("", &["某某主持召开书记专题扩大会议,部署全省疫情防控工作"], 0),
            Kind::Meeting
        );
        // a meeting to come, a relayed one or a press conference is no meeting report
        assert_eq!(kind_of("", &["县里将于下周召开疫情防控工作会议。"], 0), Kind::News);
        assert_eq!(kind_of("", &["今天下午召开疫情防控新闻发布会,通报病例。"], 0), Kind::News);
        assert_eq!(
            kind_of("", &["各地传达学习省里召开的疫情防控会议精神,落实措施。"], 0),
            Kind::News
        );
        // a notice that forwards another
        assert_eq!(
            kind_of("", &["各乡镇:", "现将指挥部令(第10号)转发给你们,请严格执行防疫要求。"], 0),
            Kind::Notice
        );
        assert_eq!(kind_of("抓好常态化疫情防控", &["我省累计接种疫苗"], 3), Kind::Report);
        assert_eq!(kind_of("流感进入高发期", &["专家提醒"], 0), Kind::News);
        assert_eq!(kind_of("房价走势", &["成交量上升"], 0), Kind::Other);
        let (_, e) = kind(&lx(), "某县防控办通告", &[], 0);
        assert_eq!(
            e.unwrap(),
            Evidence::new(None, "某县防控办".len(), "某县防控办通告".len(), "通告")
        );
    }

    #[test]
    fn org_names() {
        let l = lx();
        let s = "韦某主持召开市疫情防控工作领导小组第139次会议";
        let at = s.find("第").unwrap();
        let (a, b) = org_before(&l, s, at).unwrap();
        assert_eq!(&s[a..b], "市疫情防控工作领导小组");
        let s = "某省委第12次疫情防控专题会召开";
        let (a, b) = org_before(&l, s, s.find("第").unwrap()).unwrap();
        assert_eq!(&s[a..b], "某省委");
        assert_eq!(org_before(&l, "今天召开会议", "今天召开".len()), None);
        // adverbs between a body and its verb are no part of its name
        let s = "市疫情防控指挥部今天上午紧急召开会议";
        let (a, b) = org_before(&l, s, s.find("召开").unwrap()).unwrap();
        assert_eq!(&s[a..b], "市疫情防控指挥部");
        // a year and a session before a body are no part of its name
        let s = "2022年第8次区委会议召开";
        let (a, b) = org_before(&l, s, s.find("会议").unwrap()).unwrap();
        assert_eq!(&s[a..b], "区委");
        let s = "县政府2022年第六次常务会议";
        assert_eq!(org_before(&l, s, s.find("常务").unwrap()), None);
        let (a, b) = org_before(&l, s, s.find("第").unwrap()).unwrap();
        assert_eq!(&s[a..b], "县政府");
    }

    /// A report of a notice names who issued it; a report of other news names no issuer.
    #[test]
    fn report_issuer_is_the_announcing_body() {
        let l = lx();
        let issuer_of = |p: &str| issuer(&l, Kind::Report, "", &[p.to_owned()], &[]).map(|x| x.0);
        assert_eq!(
            issuer_of("本报讯 11月27日，市疫情防控工作领导小组办公室发布通告，决定优化措施。")
                .as_deref(),
            Some("市疫情防控工作领导小组办公室")
        );
        assert_eq!(issuer_of("全省卫生健康系统第一时间发布健康提示，排查管控风险人员。"), None);
        // the day the notice was issued stands between the body and its verb
        assert_eq!(
            issuer_of("甲市疫情联防联控工作指挥部18日发布通告称，即日起开展核酸检测。").as_deref(),
            Some("甲市疫情联防联控工作指挥部")
        );
    }

    #[test]
    fn notice_issuer_is_expanded_from_its_short_name() {
        let l = lx();
        let ps = vec![
            "为做好防控工作,甲省疫情防控工作领导小组办公室(以下简称“省疫情防控办”)发出通知。"
                .to_owned(),
        ];
        let (name, ev) = issuer(&l, Kind::Notice, "甲省疫情防控办通知,精准防控", &ps, &[]).unwrap();
        assert_eq!(name, "甲省疫情防控工作领导小组办公室");
        assert_eq!(ev.text, "甲省疫情防控办");
        assert_eq!(ev.paragraph, None);
        // Without a title the body's own definition names it.
        let (name, _) = issuer(&l, Kind::Notice, "", &ps, &[]).unwrap();
        assert_eq!(name, "甲省疫情防控工作领导小组办公室");
        // A signature line.
        let ps = vec![
            "全体市民要配合。".to_owned(),
            "乙市新冠肺炎疫情防控指挥部".to_owned(),
            "2022年11月1日".to_owned(),
        ];
        let (name, _) = issuer(&l, Kind::Notice, "关于加强防控的通告", &ps, &[]).unwrap();
        assert_eq!(name, "乙市新冠肺炎疫情防控指挥部");
        let ps = vec!["经县疫情防控指挥部研究决定,现通告如下:".to_owned()];
        let (name, _) = issuer(&l, Kind::Notice, "关于暂停营业的通告", &ps, &[]).unwrap();
        assert_eq!(name, "县疫情防控指挥部");
        let (name, _) =
            issuer(&l, Kind::Notice, "丙县人民政府关于暂停营业的通告", &[], &[]).unwrap();
        assert_eq!(name, "丙县人民政府");
    }

    #[test]
    fn notice_signature_names_the_body_a_decision_names_relatively() {
        let paras: Vec<String> = [
            "经县疫情防控工作领导小组研究决定，现将有关事项通告如下：",
            "一、不再开展全员核酸检测。",
            "某某县疫情防控工作领导小组办公室",
            "2022年12月27日",
        ]
        .map(str::to_owned)
        .to_vec();
        let ev = notice_issuer(&lx(), "关于调整疫情防控措施的通告", &paras).unwrap();
        assert_eq!(ev.text, "某某县疫情防控工作领导小组办公室");
        // Without a signature, the decision's body stands.
        let ev = notice_issuer(&lx(), "关于调整疫情防控措施的通告", &paras[..2]).unwrap();
        assert_eq!(ev.text, "县疫情防控工作领导小组");
    }

    #[test]
    fn meeting_issuer_skips_relayed_meetings() {
        let l = lx();
        let ps = vec!["5月1日,县委书记某某主持召开县疫情防控工作领导小组第30次会议,传达贯彻省委第9次会议精神。".to_owned()];
        let (name, ev) = issuer(&l, Kind::Meeting, "", &ps, &[]).unwrap();
        assert_eq!(name, "县疫情防控工作领导小组");
        assert_eq!(ev.paragraph, Some(0));
        let ps = vec!["会议传达学习了省委第9次专题会议精神。".to_owned()];
        assert!(meeting_body(&l, "", &ps).is_none());
    }

    #[test]
    fn a_bare_body_is_the_convening_divisions() {
        let l = lx();
        let (name, ev) =
            issuer(&l, Kind::Meeting, "甲乙市召开疫情防控工作领导小组第7次会议", &[], &[]).unwrap();
        assert_eq!(name, "甲乙市疫情防控工作领导小组");
        assert_eq!(ev.text, "疫情防控工作领导小组");
        // A body named relatively or in full keeps its name.
        let title = "乙县召开县疫情防控工作领导小组第8次会议";
        assert_eq!(issuer(&l, Kind::Meeting, title, &[], &[]).unwrap().0, "县疫情防控工作领导小组");
        let title = "王某主持召开疫情防控工作领导小组第9次会议";
        assert_eq!(issuer(&l, Kind::Meeting, title, &[], &[]).unwrap().0, "疫情防控工作领导小组");
    }

    #[test]
    fn report_issuer_is_the_cited_document() {
        let l = lx();
        let ps = vec!["全会审议通过的《中共甲省委关于落实重要指示的实施意见》指出".to_owned()];
        let (name, _) = issuer(&l, Kind::Report, "持续抓好防控", &ps, &[]).unwrap();
        assert_eq!(name, "中共甲省委");
    }

    fn place(text: &'static str, name: &str, code: &str, level: PlaceLevel) -> Entity<'static> {
        Entity {
            kind: EntityKind::Place,
            text,
            span: Span { start: 0, end: text.len() },
            // PlaceInfo is non-exhaustive: build it the way a record is read back.
            value: Value::Place(
                serde_json::from_value::<PlaceInfo>(
                    serde_json::json!({"name": name, "code": code, "level": level}),
                )
                .unwrap(),
            ),
        }
    }

    #[test]
    fn region_from_issuer_or_places() {
        let l = lx();
        let d = Divisions::load().unwrap();
        let r = region(&l, &d, Some("山西省疫情防控工作领导小组办公室"), "", &[], &[]).unwrap();
        assert_eq!(r.name, "山西省");
        let r = region(&l, &d, Some("中共山西省委"), "", &[], &[]).unwrap();
        assert_eq!(r.name, "山西省");
        // a title that opens with a division names it
        let r = region(&l, &d, None, "太原市新冠肺炎疫情情况通报", &[], &[]).unwrap();
        assert_eq!(r.name, "太原市");
        assert!(region(&l, &d, None, "韦韬主持召开市疫情防控工作领导小组会议", &[], &[]).is_none());
        // a chain of divisions names the last one
        let r = region(&l, &d, Some("太原市小店区新冠肺炎疫情防控指挥部"), "", &[], &[]).unwrap();
        assert_eq!((r.name.as_str(), r.code.as_deref()), ("小店区", Some("140105")));
        let r = region(&l, &d, Some("山西省太原市疫情防控工作领导小组"), "", &[], &[]).unwrap();
        assert_eq!(r.name, "太原市");
        let r = region(&l, &d, Some("太原市大同区指挥部"), "", &[], &[]).unwrap();
        assert_eq!(r.name, "太原市");
        // a city bureau's office for a district under the city governs the district
        let r = region(&l, &d, Some("太原市公安局小店区分局"), "", &[], &[]).unwrap();
        assert_eq!(r.name, "小店区");
        let r = region(&l, &d, Some("太原市公安局大同区分局"), "", &[], &[]).unwrap();
        assert_eq!(r.name, "太原市");
        // 市… names no city: the text's city-level place decides.
        let ps = vec!["守好太原阵地,全市上下,支援大同".to_owned(), "山西".to_owned()];
        let ents = vec![
            vec![
                place("太原", "太原市", "140100", PlaceLevel::City),
                place("大同", "大同市", "140200", PlaceLevel::City),
                place("太原", "太原市", "140100", PlaceLevel::City),
            ],
            vec![place("山西", "山西省", "140000", PlaceLevel::Province)],
        ];
        let r = region(&l, &d, Some("市疫情防控工作领导小组"), "", &ps, &ents).unwrap();
        assert_eq!((r.name.as_str(), r.code.as_deref()), ("太原市", Some("140100")));
        // No issuer: 全省 makes it a province.
        let ps = vec!["全省累计接种".to_owned()];
        let r = region(&l, &d, None, "", &ps, &ents).unwrap();
        assert_eq!(r.name, "山西省");
        // A district counts toward its city; unknown names are no division.
        let ents = vec![vec![place("小店区", "小店区", "140105", PlaceLevel::County)]];
        let r = region(&l, &d, Some("市委常委会"), "", &[], &ents).unwrap();
        assert_eq!(r.name, "太原市");
        assert!(region(&l, &d, Some("甲乙市防控办"), "", &[], &[]).is_none());
        // Only 入晋 and 我省 to go on.
        let ps = vec!["我省要严格落实入晋人员落地检,来晋人员要报备".to_owned()];
        assert_eq!(region(&l, &d, Some("省委常委会"), "", &ps, &[]).unwrap().name, "山西省");
        // Nothing to go on.
        assert!(region(&l, &d, Some("各市县防控办"), "", &[], &[]).is_none());
        // a publisher's place, for a local page whose text names none
        let r = region_of_names(&d, [Some("长治日报"), Some("某某网")]).unwrap();
        assert_eq!((r.name.as_str(), r.code.as_deref()), ("长治市", Some("140400")));
        assert_eq!(region_of_names(&d, [None, Some("山西省人民政府网")]).unwrap().name, "山西省");
        assert!(region_of_names(&d, [Some("人民网"), Some("新华社")]).is_none());
    }
}
