//! Plain-text pages (WET records and other renderings): line by line, with the evidence
//! that survives without tags.

use std::collections::HashMap;

use crate::fields::{self, MetaLine, SiteEvidence, parse_meta_line};
use crate::finish::{Draft, Para, by, finish, rank};
use crate::lexicon::{Kind, Lexicon, Verdict};
use crate::tables::List;
use crate::text::{Counts, ends_sentence, is_breadcrumb, key, strip_ellipsis, strip_list_marker};
use crate::{Article, PageHints, Reason};

/// Weight of a line that no article run may cross.
const BARRIER: f32 = -1.0e6;

#[derive(Debug)]
#[allow(clippy::struct_excessive_bools)]
struct Line<'a> {
    text: &'a str,
    counts: Counts,
    verdict: Option<Verdict>,
    meta: Option<MetaLine>,
    /// A short line of counts and dates only ("0", "(30)", "2025年08月19日").
    countish: bool,
    spam: bool,
    truncated: bool,
    /// A document number (`（第28号）`): never a headline.
    doc_number: bool,
    /// A truncated lead or summary that one of the next lines gives in full.
    dup_lead: bool,
    /// How often the line's text occurs in the page.
    repeats: usize,
    weight: f32,
}

/// A ranking or archive entry: a short line ending with a count in brackets
/// (`偶像新人王写真(7928)`, `·2005年12月 (100)`).
fn is_counted_item(text: &str) -> bool {
    let t = text.trim_end();
    if t.chars().count() > 60 || t.ends_with(['。', '！', '？']) {
        return false;
    }
    let Some(inner) = t.strip_suffix([')', '）']) else { return false };
    let digits: String = inner.chars().rev().take_while(char::is_ascii_digit).collect();
    !digits.is_empty()
        && inner.get(..inner.len() - digits.len()).is_some_and(|h| h.ends_with(['(', '（']))
}

fn is_countish(lex: &Lexicon, text: &str, counts: Counts) -> bool {
    if counts.chars == 0 {
        return true;
    }
    if counts.chars > 24 {
        return false;
    }
    let dates = crate::date::find_dates(text);
    let date_chars: usize = dates
        .iter()
        .map(|d| {
            text.get(d.start..d.end).map_or(0, |s| s.chars().filter(|c| !c.is_whitespace()).count())
        })
        .sum();
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let rest = counts.chars as usize - date_chars.min(counts.chars as usize);
    // all digits and brackets, or a date with a short name or count next to it
    (digits > 0
        && text.chars().all(|c| {
            c.is_ascii_digit()
                || c.is_whitespace()
                || "()（）[]【】+-.,:：%".contains(c)
                || lex.list(List::CountWord).iter().any(|w| w.contains(c))
        }))
        || (!dates.is_empty() && rest <= 12 && counts.punct == 0)
}

fn is_spam(lex: &Lexicon, text: &str, counts: Counts) -> bool {
    // keyword spam is a list: at least two separators between short phrases
    let seps = text.chars().filter(|c| matches!(c, ',' | '，' | '|' | '、' | ' ' | '_')).count();
    counts.chars <= 200 && seps >= 2 && !ends_sentence(text) && lex.spam_hits(text) >= 2
}

/// A line that could be a headline.
fn title_like(l: &Line<'_>) -> bool {
    let n = l.counts.chars;
    (4..=100).contains(&n)
        && !l.truncated
        && !l.spam
        && !l.countish
        && l.counts.cjk + l.counts.alnum >= 4
        && !l.text.ends_with(['。', '：', ':'])
        && !l.doc_number
}

/// Extracts the article from a plain-text page, stage by stage: read and judge the lines,
/// weigh them, take the best run of article lines, find the headline and the metadata
/// above it, then keep or drop every line.
pub(crate) fn extract(lex: &Lexicon, page: &str, _hints: &PageHints<'_>) -> Article {
    let mut lines = read_lines(lex, page);
    let mut d = Draft::new();
    if lines.is_empty() {
        d.warnings.push("no article found: the page is empty".to_owned());
        return finish(lex, d);
    }
    let keys: Vec<String> = lines.iter().map(|l| key(l.text)).collect();
    mark_leads(&mut lines, &keys);
    count_repeats(&mut lines, &keys);
    let wrapped = wrapped_lines(&lines);
    weigh(lex, &mut lines, wrapped);
    boost_after_metadata(&mut lines);
    let Some((a, b)) = best_run(&lines) else {
        d.warnings.push("no article found: no line of the page reads as article text".to_owned());
        for l in &lines {
            d.remove(l.text, l.verdict.map_or(Reason::Boilerplate, |v| v.reason));
        }
        return finish(lex, d);
    };
    let run = extend_run(lex, &lines, a, b);
    let head = header(lex, &lines, &keys, run, &mut d);
    sort_lines(lex, &lines, run, &head, &mut d);
    page_sites(lex, &lines, run, head.title_lines.map(|(s, _)| s), &mut d);
    finish(lex, d)
}

/// The page's non-empty lines, trimmed, each judged on its own.
fn read_lines<'a>(lex: &Lexicon, page: &'a str) -> Vec<Line<'a>> {
    page.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|text| {
            let counts = Counts::of(text);
            let verdict = lex.classify(text).or_else(|| {
                is_breadcrumb(text)
                    .then_some(Verdict { reason: Reason::Breadcrumb, kind: Kind::Start })
            });
            Line {
                text,
                counts,
                verdict,
                meta: None,
                countish: is_countish(lex, text, counts),
                spam: is_spam(lex, text, counts),
                truncated: lex.is_truncated(text),
                doc_number: lex.is_doc_number(text),
                dup_lead: false,
                repeats: 1,
                weight: 0.0,
            }
        })
        .filter(|l| l.counts.chars > 0)
        .collect()
}

/// Marks truncated leads and summaries that one of the next lines gives in full.
fn mark_leads(lines: &mut [Line<'_>], keys: &[String]) {
    for i in 0..lines.len() {
        let Some(l) = lines.get(i) else { continue };
        let lead = if l.truncated {
            key(strip_ellipsis(l.text))
        } else {
            keys.get(i).cloned().unwrap_or_default()
        };
        if lead.chars().count() >= 10 {
            let truncated = l.truncated;
            let dup = crate::finish::leads(
                &lead,
                truncated,
                (i + 1..lines.len().min(i + 5)).filter_map(|j| keys.get(j).map(String::as_str)),
            );
            if let Some(l) = lines.get_mut(i) {
                l.dup_lead = dup && (l.truncated || l.counts.chars >= 10);
            }
        }
    }
}

/// How often each line occurs (a lead and the paragraph it repeats count once).
fn count_repeats(lines: &mut [Line<'_>], keys: &[String]) {
    let mut freq: HashMap<&str, usize, crate::text::FastHash> = HashMap::default();
    for (k, l) in keys.iter().zip(lines.iter()) {
        if !k.is_empty() && !l.dup_lead {
            *freq.entry(k.as_str()).or_insert(0) += 1;
        }
    }
    for (i, l) in lines.iter_mut().enumerate() {
        l.repeats = keys.get(i).and_then(|k| freq.get(k.as_str()).copied()).unwrap_or(1);
    }
}

/// Lines of a hard-wrapped paragraph: long fragments next to a fragment of about the same
/// width, in a run that holds a sentence (a run of same-width lines without a comma or full
/// stop is a menu).
fn wrapped_lines(lines: &[Line<'_>]) -> Vec<bool> {
    let frag: Vec<Option<u32>> = lines
        .iter()
        .map(|l| {
            let spaces =
                l.text.chars().filter(|c| c.is_whitespace() || matches!(c, '|' | '｜')).count();
            (l.counts.units() >= 20.0
                && spaces <= 1
                && l.verdict.is_none()
                && !l.countish
                && !l.truncated)
                .then_some(l.counts.chars)
        })
        .collect();
    let mut wrapped: Vec<bool> = (0..lines.len())
        .map(|i| {
            let at = |j: Option<usize>| j.and_then(|j| frag.get(j).copied().flatten());
            let Some(w) = at(Some(i)) else { return false };
            let same = |o: Option<u32>| o.is_some_and(|v| v.abs_diff(w) * 5 <= v.max(w));
            same(at(i.checked_sub(1))) || same(at(Some(i + 1)))
        })
        .collect();
    let mut i = 0;
    while i < wrapped.len() {
        if !wrapped.get(i).copied().unwrap_or(false) {
            i += 1;
            continue;
        }
        let start = i;
        while wrapped.get(i).copied().unwrap_or(false) {
            i += 1;
        }
        let sentences = lines
            .get(start..i)
            .is_some_and(|run| run.iter().any(|l| l.text.contains(['，', ',', '。', '；'])));
        if !sentences {
            for w in wrapped.get_mut(start..i).into_iter().flatten() {
                *w = false;
            }
        }
    }
    wrapped
}

/// Reads metadata lines and gives every line its weight: article-like lines their length,
/// furniture a penalty, section headings and spam a barrier.
fn weigh(lex: &Lexicon, lines: &mut [Line<'_>], wrapped: Vec<bool>) {
    for (l, wrapped) in lines.iter_mut().zip(wrapped) {
        if l.counts.chars <= 160 && l.verdict.is_none() {
            l.meta = parse_meta_line(lex, l.text);
        }
        l.weight = weight(l, wrapped);
    }
}

/// One line's weight (see [`weigh`]).
fn weight(l: &Line<'_>, wrapped: bool) -> f32 {
    // commas and full stops make a sentence; a colon or an enumeration comma alone
    // (`交通工具：车险自驾险`) does not
    let marks = l
        .text
        .chars()
        .filter(|c| matches!(c, '，' | ',' | '。' | '；' | ';' | '！' | '!' | '？' | '?'))
        .count()
        + usize::from(ends_sentence(l.text));
    let bullet_item = l.counts.chars <= 60
        && !l.text.trim_end().ends_with(['。', '！', '？'])
        && l.text
            .trim_start()
            .starts_with(['・', '·', '•', '▪', '●', '■', '◆', '○', '□', '►', '▶', '◇', '★', '☆']);
    let units = l.counts.units();
    if l.spam || l.verdict.is_some_and(|v| v.kind == Kind::Section) {
        BARRIER
    } else if l.verdict.is_some_and(|v| v.reason == Reason::DuplicateLead) {
        -2.0
    } else if l.verdict.is_some() {
        -(20.0 + units)
    } else if l.dup_lead {
        -2.0
    } else if l.countish {
        -15.0
    } else if l.truncated {
        -(10.0 + units)
    } else if l.meta.is_some() {
        -5.0
    } else if l.repeats >= 2 {
        -(5.0 + units / 2.0)
    } else if bullet_item || is_counted_item(l.text) {
        -10.0
    } else if units >= 20.0 && marks >= 1 {
        units
    } else if wrapped {
        units * 0.8
    } else if ends_sentence(l.text) && l.counts.punct >= 1 {
        units / 2.0
    } else {
        -4.0
    }
}

/// The first sentences after the headline's metadata line (date with time, or labelled)
/// are where an article starts: they weigh more.
fn boost_after_metadata(lines: &mut [Line<'_>]) {
    if let Some(m) = lines.iter().position(|l| {
        l.verdict.is_none()
            && l.meta
                .as_ref()
                .is_some_and(|m| m.labels > 0 || m.published.is_some_and(|d| d.time.is_some()))
    }) && let Some(j) =
        (m + 1..lines.len().min(m + 5)).find(|&j| lines.get(j).is_some_and(|l| l.weight > 0.0))
        && let Some(l) = lines.get_mut(j)
    {
        l.weight += 40.0;
    }
}

/// The best run of article lines (maximum subarray of the weights), first and last index.
fn best_run(lines: &[Line<'_>]) -> Option<(usize, usize)> {
    let (mut best, mut best_range) = (0.0f32, None);
    let (mut sum, mut start) = (0.0f32, 0usize);
    for (i, l) in lines.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += l.weight;
        if sum > best {
            best = sum;
            best_range = Some((start, i));
        }
    }
    best_range
}

/// The longest line read as a section heading above the article, in characters.
const HEADING_CHARS: u32 = 40;

/// The run with a notice's salutation (`各区县人民政府：`) before it and its signature
/// (issuing office and date) after it.
fn extend_run(lex: &Lexicon, lines: &[Line<'_>], a: usize, b: usize) -> (usize, usize) {
    let mut a = a;
    if let Some(l) = a.checked_sub(1).and_then(|i| lines.get(i))
        && l.text.ends_with(['：', ':'])
        && l.verdict.is_none()
        && l.meta.is_none()
        && l.counts.punct >= 2
    {
        a -= 1;
    }
    // the heading of the article's first section (`低风险地区：`, `一、境外来芜人员`): a short
    // line that is no metadata and opens with an ordinal or closes with a colon
    for _ in 0..2 {
        let Some(l) = a.checked_sub(1).and_then(|i| lines.get(i)) else { break };
        let heading = l.counts.chars <= HEADING_CHARS
            && l.verdict.is_none()
            && l.meta.is_none()
            && !l.spam
            && (lex.starts_with_ordinal(l.text) || l.text.trim_end().ends_with(['：', ':']));
        if !heading {
            break;
        }
        a -= 1;
    }
    let mut b = b;
    // the next item of a numbered list the article holds (`2、…` after `1、…`)
    while let Some(l) = lines.get(b + 1) {
        let numbered_before =
            lines.get(a..=b).is_some_and(|run| run.iter().any(|r| lex.starts_with_ordinal(r.text)));
        if numbered_before
            && lex.starts_with_ordinal(l.text)
            && l.verdict.is_none()
            && l.meta.is_none()
            && !l.spam
            && l.counts.punct >= 1
        {
            b += 1;
        } else {
            break;
        }
    }
    for _ in 0..2 {
        let Some(l) = lines.get(b + 1) else { break };
        let signature = crate::date::is_signature_date(l.text)
            || (l.counts.chars <= 30
                && l.counts.punct == 0
                && l.verdict.is_none()
                && lex.is_issuer(l.text));
        if signature {
            b += 1;
        } else {
            break;
        }
    }
    (a, b)
}

/// What sits above the article: the headline, its metadata lines and a lone byline.
struct Header {
    /// The lines the headline is printed on (`title_at` and the lines joined to it).
    title_lines: Option<(usize, usize)>,
    meta: Vec<usize>,
    lone_at: Option<usize>,
}

/// Finds the headline, the metadata lines under it and a byline alone on a line, and reads
/// them into the draft.
fn header(
    lex: &Lexicon,
    lines: &[Line<'_>],
    keys: &[String],
    (a, b): (usize, usize),
    d: &mut Draft,
) -> Header {
    let mut title_at = echoed_title(lines, keys, a).or_else(|| title_above(lines, a));
    let meta: Vec<usize> = (title_at.map_or(a.saturating_sub(12), |t| t + 1)..a)
        .filter(|&j| lines.get(j).is_some_and(|l| l.meta.is_some() && l.weight > BARRIER))
        .collect();
    if title_at.is_none()
        && let Some(l) = lines.first()
        && a > 0
        && title_like(l)
        && l.verdict.is_none()
    {
        title_at = Some(0);
    }
    let title_lines = title_at.map(|t| title_span(lines, t, a));
    if let Some((s, e)) = title_lines {
        let joined = if s == e {
            lines.get(s).map(|l| l.text.to_owned())
        } else {
            let parts: Vec<&str> =
                lines.get(s..=e).unwrap_or_default().iter().map(|l| l.text).collect();
            Some(crate::official::compact_title(&parts.join("\n")))
        };
        d.title = joined;
    }
    // names opening headline-like lines above the article: 张三：我的回忆
    for l in lines.get(a.saturating_sub(12)..a).unwrap_or_default() {
        if let Some(x) = fields::headline_name(l.text) {
            d.headline_names.push(x.to_owned());
        }
    }
    // a byline alone on a line between the headline and the article
    let lone_at = {
        let idx: Vec<usize> = (title_lines.map_or(a, |(_, e)| e + 1)..(a + 2).min(b + 1))
            .filter(|j| !meta.contains(j))
            .filter(|&j| lines.get(j).is_some_and(|l| l.verdict.is_none() && !l.dup_lead))
            .collect();
        let texts: Vec<&str> = idx.iter().filter_map(|&j| lines.get(j)).map(|l| l.text).collect();
        fields::lone_byline(lex, &d.headline_names, &texts)
            .and_then(|k| idx.get(k).copied())
            .filter(|&j| j < a)
    };
    if let Some(j) = lone_at {
        d.offer_author(lines.get(j).map(|l| l.text.trim().to_owned()), by::LONE);
    }
    for &m in &meta {
        if let Some(meta) = lines.get(m).and_then(|l| l.meta.clone()) {
            d.absorb(meta, rank::HEADER);
        }
    }
    Header { title_lines, meta, lone_at }
}

/// A headline printed over several short lines above the article (an official document's
/// issuer, `关于…的` and genre: `某某县指挥部` / `2号令`, or `某某县新型冠状病毒感染的` /
/// `肺炎疫情防控指挥部` / `通 告`): the lines around the headline at `t` that join into one
/// title closed by a genre word. The lines before the last must name the issuing body, or
/// read as the first part of a `关于…` title, and none may close a title by itself.
fn title_span(lines: &[Line<'_>], t: usize, a: usize) -> (usize, usize) {
    let piece = |j: usize| {
        lines.get(j).filter(|l| {
            j < a
                && l.counts.chars <= 40
                && l.meta.is_none()
                && !l.countish
                && !l.spam
                && !l.doc_number
                && !l.dup_lead
                && !l.truncated
                && !l.text.contains([
                    '。', '，', '；', '！', '？', '：', ',', ';', '!', '?', ':', '|', '>', '/',
                    '、',
                ])
        })
    };
    let texts = |s: usize, e: usize| -> Option<String> {
        let mut out = String::new();
        for j in s..=e {
            out.push_str(&crate::official::compact_title(piece(j)?.text));
        }
        Some(out)
    };
    let mut best = (t, t);
    for s in t.saturating_sub(2)..=t {
        for e in t..=(t + 2) {
            if e - s <= best.1 - best.0 {
                continue;
            }
            let Some(all) = texts(s, e) else { continue };
            let Some(head) = texts(s, e - 1) else { continue };
            let closes = |x: &str| crate::official::title_close(x).is_some();
            let whole = all.chars().count() <= 100 && closes(&all);
            let opens = crate::official::ends_org(&head) || head.contains("关于");
            let open_inside = (s..e).all(|k| texts(s, k).is_some_and(|x| !closes(&x)));
            if whole && opens && open_inside {
                best = (s, e);
            }
        }
    }
    best
}

/// A line above the article (at `a`) that the page's first line (where renderings put the
/// `<title>`) echoes.
fn echoed_title(lines: &[Line<'_>], keys: &[String], a: usize) -> Option<usize> {
    let first = lines.first().filter(|_| a > 1)?;
    let fk = keys.first().map_or("", String::as_str);
    let main = crate::text::title_main_key(first.text);
    (a.saturating_sub(15).max(1)..a).rev().find(|&j| {
        lines.get(j).is_some_and(|l| title_like(l) && l.verdict.is_none() && l.meta.is_none())
            && keys.get(j).is_some_and(|k| {
                k.chars().count() >= 4
                    && (fk.contains(k.as_str()) || (main.chars().count() >= 4 && k.contains(&main)))
            })
    })
}

/// The nearest headline-like line above the article, past metadata and leads.
fn title_above(lines: &[Line<'_>], a: usize) -> Option<usize> {
    let mut j = a;
    while j > 0 && a - j < 12 {
        j -= 1;
        let l = lines.get(j)?;
        if l.weight <= BARRIER {
            return None;
        }
        if l.meta.is_some() || l.dup_lead || l.verdict.is_some() || l.countish {
            continue;
        }
        if title_like(l) {
            return Some(j);
        }
    }
    None
}

/// Keeps or drops every line: the run's lines are the article (less metadata, counts and
/// site tags); the rest is dropped with its reason, after its evidence is read.
fn sort_lines(
    lex: &Lexicon,
    lines: &[Line<'_>],
    (a, b): (usize, usize),
    head: &Header,
    d: &mut Draft,
) {
    let mut section: Option<Reason> = None;
    for (i, l) in lines.iter().enumerate() {
        let in_region = (a..=b).contains(&i);
        let after_title = head.title_lines.is_none_or(|(_, e)| i > e);
        if head.title_lines.is_some_and(|(s, e)| (s..=e).contains(&i)) {
            continue;
        }
        if head.meta.contains(&i) || head.lone_at == Some(i) {
            d.remove(l.text, Reason::Metadata);
            continue;
        }
        // leads and summary labels between headline and article go to the clean-up, which
        // drops them as duplicates
        if !in_region
            && i < a
            && after_title
            && (l.dup_lead || l.verdict.is_some_and(|v| v.reason == Reason::DuplicateLead))
        {
            d.body.push(Para { text: l.text.to_owned(), heading: false });
            continue;
        }
        let listed = listed(lex, lines, i, section);
        if let Some(v) = l.verdict {
            phrase_line(lex, l, v, in_region, &mut section, d);
        } else if in_region {
            article_line(lex, l, i, (a, b), listed, d);
        } else {
            outside_line(lex, l, i, (a, b), section, listed, d);
        }
    }
}

/// A line a phrase marks: its footer evidence is read, a section heading opens a section,
/// and it is dropped (a duplicate lead in the run goes to the clean-up).
fn phrase_line(
    lex: &Lexicon,
    l: &Line<'_>,
    v: Verdict,
    in_region: bool,
    section: &mut Option<Reason>,
    d: &mut Draft,
) {
    if matches!(
        v.reason,
        Reason::Copyright | Reason::Disclaimer | Reason::Contact | Reason::Icp | Reason::Comments
    ) {
        fields::site_names(lex, l.text, &mut d.sites);
        if d.url.is_none() {
            d.url = fields::footer_url(lex, l.text);
        }
        d.offer_author(fields::footer_author(lex, l.text), by::OWNER);
    }
    if v.reason == Reason::Breadcrumb {
        breadcrumb_site(lex, l.text, &mut d.sites);
    }
    if v.kind == Kind::Section {
        *section = Some(v.reason);
    } else if !in_region && section.is_some() && v.reason != Reason::Boilerplate {
        *section = None;
    }
    if v.reason == Reason::DuplicateLead && in_region {
        d.body.push(Para { text: l.text.to_owned(), heading: false });
        return;
    }
    d.remove(l.text, v.reason);
}

/// A line outside the run: its site, owner and credit evidence is read and it is dropped.
fn outside_line(
    lex: &Lexicon,
    l: &Line<'_>,
    i: usize,
    (a, b): (usize, usize),
    section: Option<Reason>,
    listed: bool,
    d: &mut Draft,
) {
    fields::site_names(lex, l.text, &mut d.sites);
    // a sidebar or header naming the page's author or the blog's owner
    if l.counts.chars <= 60 {
        d.offer_author(fields::footer_author(lex, l.text), by::OWNER);
        d.offer_author(fields::blog_owner(lex, l.text, i < a && l.counts.chars <= 30), by::OWNER);
    }
    if l.spam {
        d.remove(l.text, Reason::SpamKeywords);
        return;
    }
    // an editor credit or address right after the article (not a dated item of a list)
    if i > b
        && i <= b + 3
        && !listed
        && let Some(m) = &l.meta
    {
        d.absorb(m.clone(), rank::AFTER);
        d.remove(l.text, Reason::Metadata);
        return;
    }
    let r = section.unwrap_or(if l.repeats >= 2 && l.counts.chars <= 60 {
        Reason::Repeated
    } else {
        Reason::Boilerplate
    });
    d.remove(l.text, r);
}

/// A line of the run: the article, unless it is a count, a site tag or a metadata line near
/// the run's ends (a document's closing date stays, and dates it).
fn article_line(
    lex: &Lexicon,
    l: &Line<'_>,
    i: usize,
    (a, b): (usize, usize),
    listed: bool,
    d: &mut Draft,
) {
    // (far enough from the top not to be the headline's date line, or the run's last line)
    let closing_date = (i >= a + 3 || (i == b && i > a)) && crate::date::is_signature_date(l.text);
    // a document's closing date (落款) dates it when nothing better does
    if closing_date && let Some(dt) = crate::date::first_date(l.text) {
        d.offer_date(dt, rank::BARE);
    }
    if (l.countish && !closing_date) || lex.is_site_tag(l.text) {
        d.remove(l.text, Reason::Boilerplate);
        return;
    }
    if let Some(m) = &l.meta
        && (i < a + 3 || i + 3 > b)
        && !closing_date
    {
        if listed {
            d.remove(l.text, Reason::RelatedLinks);
        } else {
            d.absorb(m.clone(), if i < a + 3 { rank::TOP } else { rank::AFTER });
            d.remove(l.text, Reason::Metadata);
        }
        return;
    }
    let text = strip_list_marker(l.text);
    let heading =
        l.counts.punct == 0 && l.counts.chars <= 40 && !closing_date && !lex.is_issuer(l.text);
    d.body.push(Para { text: text.to_owned(), heading });
}

/// Whether line `i` is a dated item of a list (in a related section, or next to another
/// dated item): its date is the item's, never the page's.
fn listed(lex: &Lexicon, lines: &[Line<'_>], i: usize, section: Option<Reason>) -> bool {
    let Some(m) = lines.get(i).and_then(|l| l.meta.as_ref()) else { return false };
    m.labels == 0
        && m.published.is_some()
        && (section.is_some()
            || [i.wrapping_sub(1), i + 1]
                .into_iter()
                .any(|j| lines.get(j).is_some_and(|l| fields::dated_item(lex, l.text))))
}

/// The page's site name from a footer line not otherwise classified, or from a first line
/// that names the site (`某某市人民政府门户网站`).
fn page_sites(
    lex: &Lexicon,
    lines: &[Line<'_>],
    (a, b): (usize, usize),
    title_at: Option<usize>,
    d: &mut Draft,
) {
    if d.sites.is_empty() {
        for l in lines.iter().skip(b + 1) {
            fields::site_names(lex, l.text, &mut d.sites);
        }
    }
    if let Some(l) = lines.first()
        && title_at != Some(0)
        && a > 0
    {
        let mut tmp = Vec::new();
        let about = lex.list(List::About).first().map_or("", String::as_str);
        fields::site_names(lex, &format!("{about}{}", l.text.trim()), &mut tmp);
        d.sites.extend(tmp.into_iter().map(|(n, _)| (n, SiteEvidence::Weak)));
    }
}

/// The first step of a breadcrumb (`某某网 > 新闻 > 地方`) names the site when it reads
/// like a site name.
fn breadcrumb_site(lex: &Lexicon, text: &str, out: &mut Vec<(String, SiteEvidence)>) {
    let body = text
        .split_once(['：', ':'])
        .map_or(text, |(l, r)| if l.chars().count() <= 8 { r } else { text });
    if let Some(first) =
        body.split(['>', '›', '»', '→', '＞']).map(str::trim).find(|s| !s.is_empty())
    {
        let mut tmp = Vec::new();
        let about = lex.list(List::About).first().map_or("", String::as_str);
        fields::site_names(lex, &format!("{about}{first}"), &mut tmp);
        out.extend(tmp.into_iter().map(|(n, _)| (n, SiteEvidence::Weak)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(page: &str) -> Article {
        extract(
            &Lexicon::new(&crate::tables::Tables::default()).unwrap(),
            page,
            &PageHints::default(),
        )
    }

    #[test]
    fn header_meta_body_footer() {
        let a = run(
            "某某资讯网-首页\n0\n市里召开防控会议\n网络编辑 太原 2022-10-08 10:10:06 0 疫情\n\
            10月6日，市里召开防控工作会议，传达上级会议精神，安排部署疫情防控工作。\n\
            会议指出，当前疫情形势依然严峻复杂，各级各部门要压实责任，守土尽责。\n\
            0\n版权声明\n本文仅代表作者观点，不代表本站立场。\n本文地址:http://www.example.com/a/1.html\n\
            关于某某新闻网\nCopyright ©某某新闻网",
        );
        assert_eq!(a.title.as_deref(), Some("市里召开防控会议"));
        assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2022-10-08T10:10:06"));
        assert_eq!(a.author.as_deref(), Some("网络编辑"));
        assert_eq!(a.site.as_deref(), Some("某某新闻网"));
        assert_eq!(a.url.as_deref(), Some("http://www.example.com/a/1.html"));
        assert_eq!(a.paragraphs.len(), 2);
    }

    #[test]
    fn empty_and_junk_pages() {
        let a = run("");
        assert!(a.paragraphs.is_empty() && a.removed.is_empty());
        assert_eq!(a.warnings, ["no article found: the page is empty"]);
        let a = run("首页\n登录\n注册");
        assert!(a.paragraphs.is_empty());
        assert_eq!(a.warnings, ["no article found: no line of the page reads as article text"]);
        let removed: Vec<(Reason, &str)> =
            a.removed.iter().map(|r| (r.reason, r.text.as_str())).collect();
        assert_eq!(removed, [(Reason::Navigation, "首页\n登录\n注册")]);
    }

    #[test]
    fn english_page() {
        let a = run("Home\nCity issues new health rules\nPublished: 2022-03-14\n\
            The city government announced new rules on Monday, requiring masks in all public transport.\n\
            Officials said the measures would be reviewed every two weeks, depending on case numbers.\n\
            Copyright 2022 Example News. All rights reserved.");
        assert_eq!(a.title.as_deref(), Some("City issues new health rules"));
        assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2022-03-14"));
        assert_eq!(a.paragraphs.len(), 2);
    }
}
