//! Metadata printed as text: the `发布时间：… 来源：… 作者：…` line under a headline,
//! editor credits, `本文地址` lines, and the site's own name in its footer.

use crate::date::{self, DateTime};
use crate::lexicon::{Field, Lexicon};
use crate::text::{Counts, is_cjk, is_trim_char};

/// What a metadata line says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct MetaLine {
    pub(crate) published: Option<DateTime>,
    pub(crate) source: Option<String>,
    pub(crate) author: Option<String>,
    pub(crate) editor: Option<String>,
    pub(crate) url: Option<String>,
    /// How many labels the line carries.
    pub(crate) labels: usize,
    /// Whether the date comes with a label (`发布时间`, `发表于`, ...).
    pub(crate) date_labelled: bool,
}

impl MetaLine {
    fn is_empty(&self) -> bool {
        self.published.is_none()
            && self.source.is_none()
            && self.author.is_none()
            && self.editor.is_none()
            && self.url.is_none()
    }
}

fn is_value_end(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '|' | '｜'
                | '【'
                | '】'
                | '['
                | ']'
                | '（'
                | '）'
                | '('
                | ')'
                | '，'
                | ','
                | '。'
                | '；'
                | ';'
                | '<'
                | '>'
                | '＜'
                | '＞'
                | '«'
                | '»'
                | '丨'
                | '/'
                | '／'
                // Big5's slash (0xA241) decodes to U+2215 under WHATWG.
                | '∕'
        )
}

/// A name-like value: trimmed, at most 30 characters, not a date.
fn clean_value(v: &str) -> Option<String> {
    let v = v.trim_matches(|c: char| {
        is_trim_char(c) || matches!(c, '"' | '“' | '”' | '\'' | '.' | '。' | '，' | ',')
    });
    if v.is_empty()
        || v.chars().count() > 30
        || v.chars().all(|c| c.is_ascii_digit())
        || v.contains(['=', '"', '{', '}', '<', '>', '\\'])
    {
        return None;
    }
    if date::first_date(v).is_some() {
        return None;
    }
    Some(v.to_owned())
}

/// The value after a label at byte `end` in `line`, up to the next label or separator.
fn value_after(line: &str, end: usize, next_label: usize, field: Field) -> Option<String> {
    let rest = line.get(end..next_label.max(end))?;
    let colon = rest.trim_start().starts_with([':', '：', '︰']);
    let rest = rest.trim_start().trim_start_matches([':', '：', '︰']).trim_start();
    if field == Field::Url || (field == Field::Source && rest.starts_with("http")) {
        let start = rest.find("http").or_else(|| rest.find("www."))?;
        let url: String = rest
            .get(start..)?
            .chars()
            .take_while(|c| {
                c.is_ascii_graphic() && !matches!(c, '"' | '\'' | '<' | '>' | '）' | ')')
            })
            .collect();
        return (url.len() > 8).then_some(url);
    }
    // A Latin name runs over spaces: "By Tom Brown".
    let latin_words = if rest.starts_with(|c: char| c.is_ascii_uppercase()) {
        let mut end = 0;
        for (k, w) in rest.split(' ').enumerate() {
            let word_ok = k < 4
                && w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.chars().all(|c| c.is_ascii_alphabetic() || matches!(c, '.' | '-' | '\''));
            if !word_ok {
                break;
            }
            end += w.len() + usize::from(k > 0);
        }
        (end > 0).then_some(end)
    } else {
        None
    };
    let v: &str = match (latin_words, rest.find(is_value_end)) {
        (Some(e), _) => rest.get(..e)?,
        (None, Some(i)) => rest.get(..i)?,
        (None, None) => rest,
    };
    let mut v = v.to_owned();
    if let Some(s) = v.strip_suffix("/文").or_else(|| v.strip_suffix("／文")) {
        v = s.to_owned();
    }
    if !colon && matches!(field, Field::Author | Field::Editor) {
        // 记者张三报道 / 文/张三: drop the reporting verb after the name
        for tail in ["报道", "報導", "报导", "摄影", "攝影", "摄", "攝", "电", "電", "讯", "訊"]
        {
            if let Some(s) = v.strip_suffix(tail)
                && s.chars().count() >= 2
            {
                v = s.to_owned();
                break;
            }
        }
        if v.chars().count() > 12 {
            return None;
        }
    }
    clean_value(&v)
}

/// Parses a line as a metadata line. `None` when the line is not one (a sentence of the
/// article, or a line without a date or label).
pub(crate) fn parse_meta_line(lex: &Lexicon, line: &str) -> Option<MetaLine> {
    // no digit and no label: nothing to read
    let has_digit = line.bytes().any(|b| b.is_ascii_digit()) || line.contains(['０', '１', '２']);
    if !has_digit && lex.labels(line).next().is_none() {
        return None;
    }
    let counts = Counts::of(line);
    if counts.chars == 0 || counts.chars > 160 {
        return None;
    }
    // a photo caption with its photographer ("……本报记者 张三 摄") belongs to the article
    if line.trim_end().ends_with(['摄', '攝']) || line.trim_end().ends_with("摄影") {
        return None;
    }
    let dates = date::find_dates(line);
    let labels: Vec<_> = lex.labels(line).collect();
    if dates.is_empty() && labels.is_empty() {
        return None;
    }
    let mut m = MetaLine::default();
    let mut taken = 0usize;
    for (k, l) in labels.iter().enumerate() {
        // A label inside a date's text ("时间" cannot be), or inside a value already read.
        if l.start < taken {
            continue;
        }
        // ASCII labels ("By", "Date") count at the start of the line or before a colon only
        // ("Powered by" is not a byline).
        let ascii = line.get(l.start..l.end).is_some_and(str::is_ascii);
        if ascii {
            let at_start = line.get(..l.start).is_some_and(|h| h.trim().is_empty());
            let colon = line.get(l.end..).is_some_and(|t| t.trim_start().starts_with([':', '：']));
            let word_end = line
                .get(l.end..)
                .and_then(|t| t.chars().next())
                .is_none_or(|c| !c.is_ascii_alphanumeric());
            if !(word_end && (at_start || colon)) {
                continue;
            }
        }
        let next = labels.get(k + 1).map_or(line.len(), |n| n.start);
        let before = line.get(..l.start).and_then(|s| s.chars().next_back());
        let after = line.get(l.end..).and_then(|s| s.chars().next());
        let glued_before = before.is_some_and(is_cjk);
        let colon_after =
            line.get(l.end..).is_some_and(|s| s.trim_start().starts_with([':', '：', '︰']));
        // A label glued to the word before it is a role ("网络编辑", "本报记者") or part of a
        // longer word ("同时间"): only author and editor roles count, and only standing alone.
        if glued_before && !colon_after {
            if !matches!(l.field, Field::Author | Field::Editor) {
                continue;
            }
            let word_start = line.get(..l.start).map_or(0, |s| {
                s.char_indices()
                    .rev()
                    .find(|&(_, c)| !is_cjk(c))
                    .map_or(0, |(i, c)| i + c.len_utf8())
            });
            let word = line.get(word_start..l.end).unwrap_or("");
            if word.chars().count() > 6 {
                continue;
            }
            // "本报记者 张三": the name follows
            let follow = line.get(l.end..next).unwrap_or("");
            let follow_name = follow
                .strip_prefix(char::is_whitespace)
                .map(str::trim_start)
                .and_then(|f| f.split(is_value_end).next())
                .filter(|n| {
                    let c = n.chars().count();
                    (2..=4).contains(&c) && n.chars().all(is_cjk) && date::first_date(n).is_none()
                });
            // 记者 roles ("本报记者") name the reporter after them; an editor role
            // ("网络编辑") is itself the credit.
            let value = match follow_name {
                Some(n) if l.field == Field::Author && after.is_some_and(char::is_whitespace) => {
                    Some(n.to_owned())
                }
                // "商报记者张三/文": the name follows the role directly
                _ if l.field == Field::Author && after.is_some_and(is_cjk) => {
                    value_after(line, l.end, next, Field::Author)
                }
                _ if after.is_none_or(|c| c.is_whitespace() || is_value_end(c)) => {
                    clean_value(word)
                }
                _ => None,
            };
            if let Some(v) = value {
                let slot = if l.field == Field::Author { &mut m.author } else { &mut m.editor };
                slot.get_or_insert(v);
                m.labels += 1;
                taken = l.end;
            }
            continue;
        }
        m.labels += 1;
        if l.field == Field::Published {
            m.date_labelled = true;
            continue;
        }
        let value = value_after(line, l.end, next, l.field).or_else(|| {
            // "(张三 编辑)": the name stands before the role
            if !matches!(l.field, Field::Author | Field::Editor) {
                return None;
            }
            let tail = line.get(l.end..)?.trim_start();
            if !(tail.is_empty() || tail.starts_with([')', '）', ']', '】'])) {
                return None;
            }
            let head = line.get(..l.start)?.trim_end();
            let name = name_before(head, head.len());
            let n = name.chars().count();
            ((2..=4).contains(&n) && name.chars().all(is_cjk)).then(|| name.to_owned())
        });
        if let Some(v) = value {
            taken = l.end + v.len();
            let slot = match l.field {
                Field::Source if v.starts_with("http") => &mut m.url,
                Field::Source => &mut m.source,
                Field::Author => &mut m.author,
                Field::Editor => &mut m.editor,
                Field::Url => &mut m.url,
                Field::Published => continue,
            };
            slot.get_or_insert(v);
        }
    }
    m.published = dates.first().map(|f| f.date);
    // A sentence that happens to hold a date is not a metadata line.
    let date_chars: usize =
        dates.iter().map(|d| line.get(d.start..d.end).map_or(0, |s| s.chars().count())).sum();
    let rest = counts.chars as usize - date_chars.min(counts.chars as usize);
    let sentence =
        counts.punct >= 3 || (counts.punct >= 1 && line.trim_end().ends_with(['。', '！', '？']));
    let ok = if m.labels > 0 {
        (!sentence && counts.chars <= 100) || (m.labels >= 2 && counts.chars <= 60)
    } else {
        // a bare date line: the date and a few words (place, name, counts, tags)
        counts.punct == 0 && rest <= 40
    };
    (ok && !m.is_empty()).then_some(m)
}

/// Endings of names that are organisations, not people.
const NOT_PEOPLE: &[&str] = &[
    "网",
    "網",
    "网络",
    "網絡",
    "报",
    "報",
    "社",
    "站",
    "公司",
    "集团",
    "集團",
    "中心",
    "部",
    "局",
    "委",
    "厅",
    "廳",
    "台",
    "刊",
    "杂志",
    "雜誌",
    "出版",
    "媒体",
    "媒體",
    "新闻",
    "新聞",
    "频道",
    "頻道",
    "编辑部",
    "學",
    "学",
];

/// Whether a credit reads like a person's name (or a few names), not a site or an outfit.
pub(crate) fn person_like(lex: &Lexicon, s: &str) -> bool {
    let s = s.trim();
    let n = s.chars().count();
    if !(2..=24).contains(&n) || lex.is_generic(s) || s.contains("http") || s.contains("www") {
        return false;
    }
    if s.contains(['.', ',', '，', '|', '@', '/', '(', '（']) && !s.is_ascii() {
        return false;
    }
    if s.is_ascii() {
        return !s.contains(['.', ',', '|', '@', '/', '!']) && s.split_whitespace().count() <= 4;
    }
    !NOT_PEOPLE.iter().any(|w| s.ends_with(w))
}

/// Names in a byline: the words after 记者/通讯员 (or the whole text when it is one short
/// name), split at spaces and 、.
fn byline_names(inner: &str) -> Option<String> {
    let inner = inner.trim();
    for role in ["记者", "記者", "通讯员", "通訊員", "撰稿", "作者", "文/", "文／"]
    {
        if let Some(i) = inner.find(role) {
            let rest =
                inner.get(i + role.len()..)?.trim_start_matches([':', '：', ' ', '\u{3000}']);
            let name: String = rest.chars().take_while(|&c| is_cjk(c) || c == '·').collect();
            let n = name.chars().count();
            return ((2..=4).contains(&n)).then_some(name);
        }
    }
    let n = inner.chars().count();
    ((2..=3).contains(&n) && inner.chars().all(is_cjk)).then(|| inner.to_owned())
}

/// The author of a closing credit: a paragraph ending with `（记者 张三）`, `(信报记者 张三)`
/// or `（张三）`.
pub(crate) fn closing_byline(p: &str) -> Option<String> {
    let t = p.trim_end();
    let close = t.chars().next_back().filter(|c| matches!(c, '）' | ')'))?;
    let open = if close == '）' { '（' } else { '(' };
    let body = t.get(..t.len() - close.len_utf8())?;
    let i = body.rfind([open, '(', '（'])?;
    let inner = body.get(i + open.len_utf8().min(body.len() - i)..)?;
    let inner = inner.trim_start_matches(['(', '（']);
    if inner.chars().count() > 24 {
        return None;
    }
    byline_names(inner)
}

/// The reporter of a dateline lead: `本报讯（记者 张三 通讯员 李四）……`,
/// `新华社北京1月1日电（记者张三）……`.
pub(crate) fn lead_byline(p: &str) -> Option<String> {
    let head: String = p.chars().take(40).collect();
    let i = head.find(['（', '('])?;
    let before = head.get(..i)?;
    if !(before.ends_with('讯')
        || before.ends_with('訊')
        || before.ends_with('电')
        || before.ends_with('電')
        || before.trim_end().ends_with('讯')
        || before.trim_end().ends_with('訊'))
    {
        return None;
    }
    let inner = head.get(i..)?.trim_start_matches(['（', '(']);
    let end = inner.find(['）', ')'])?;
    let inner = inner.get(..end)?;
    if !(inner.contains("记者") || inner.contains("記者")) {
        return None;
    }
    byline_names(inner)
}

/// Where a site name came from; stronger evidence wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum SiteEvidence {
    /// A breadcrumb's first step, a `<title>` suffix, an "about" heading.
    Weak,
    /// A disclaimer or copyright sentence names the site.
    Footer,
    /// Declared in markup (`og:site_name`, JSON-LD publisher).
    Declared,
}

const SITE_ENDINGS: &[&str] = &[
    "网",
    "網",
    "网站",
    "網站",
    "新闻网",
    "新聞網",
    "资讯网",
    "資訊網",
    "在线",
    "在線",
    "门户",
    "門戶",
    "媒体",
    "媒體",
    "传媒",
    "傳媒",
    "日报",
    "日報",
    "晚报",
    "晚報",
    "时报",
    "時報",
    "新闻",
    "新聞",
    "频道",
    "頻道",
    "电视台",
    "電視台",
    "广播",
    "廣播",
    "之声",
    "之聲",
    "论坛",
    "論壇",
    "社区",
    "社區",
    "博客",
    "中心",
    "平台",
    "技术",
    "技術",
    "政府",
    "周刊",
    "週刊",
    "杂志",
    "雜誌",
    "网络",
    "網絡",
];

pub(crate) fn site_like(s: &str) -> bool {
    let n = s.chars().count();
    (2..=16).contains(&n)
        && SITE_ENDINGS.iter().any(|e| s.ends_with(e))
        && !s.contains(['的', '了'])
}

fn name_ok(lex: &Lexicon, s: &str) -> bool {
    let n = s.chars().count();
    (2..=20).contains(&n)
        && !lex.is_generic(s)
        && !s.starts_with('本')
        && date::first_date(s).is_none()
        && !s.contains(['，', ',', '。', ':', '：'])
}

/// The trailing run of name characters (ideographs, letters, digits) before `end`.
fn name_before(s: &str, end: usize) -> &str {
    let head = s.get(..end).unwrap_or("");
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(is_cjk(c) || c.is_alphanumeric()))
        .map_or(0, |(i, c)| i + c.len_utf8());
    head.get(start..).unwrap_or("")
}

/// The leading run of name characters after `start`.
fn name_after(s: &str, start: usize) -> &str {
    let tail = s.get(start..).unwrap_or("");
    let end =
        tail.find(|c: char| !(is_cjk(c) || c.is_alphanumeric() || c == '.')).unwrap_or(tail.len());
    tail.get(..end).unwrap_or("")
}

/// Site names a footer, disclaimer or copyright line gives: `X转载此文`, `不代表X立场`,
/// `本站[X]`, `凡注明"来源:X"`, `Copyright © 2012 X`, `X版权所有`, `关于X`.
pub(crate) fn site_names(lex: &Lexicon, line: &str, out: &mut Vec<(String, SiteEvidence)>) {
    if !lex.may_name_site(line) {
        return;
    }
    let mut push = |s: &str, ev: SiteEvidence| {
        let s = s.trim_matches(is_trim_char);
        if name_ok(lex, s) {
            out.push((s.to_owned(), ev));
        }
    };
    for pat in ["转载此文", "轉載此文", "转载该文", "轉載該文", "转载本文"] {
        if let Some(i) = line.find(pat) {
            push(name_before(line, i), SiteEvidence::Footer);
        }
    }
    for open in ["不代表", "并不代表", "並不代表"] {
        if let Some(i) = line.find(open) {
            let tail = line.get(i + open.len()..).unwrap_or("");
            for close in ["立场", "立場", "观点", "觀點", "的观点", "的立场"] {
                if let Some(j) = tail.find(close) {
                    let name = tail.get(..j).unwrap_or("").trim_end_matches('的');
                    if !name.contains(['，', ',', '。']) {
                        push(name, SiteEvidence::Footer);
                    }
                    break;
                }
            }
        }
    }
    for (open, close) in [("本站[", "]"), ("本站【", "】"), ("本站「", "」"), ("本网[", "]")]
    {
        if let Some(i) = line.find(open) {
            let tail = line.get(i + open.len()..).unwrap_or("");
            if let Some(j) = tail.find(close) {
                push(tail.get(..j).unwrap_or(""), SiteEvidence::Footer);
            }
        }
    }
    for pat in [
        "注明“来源:",
        "注明“来源：",
        "注明\"来源:",
        "注明“來源:",
        "注明“來源：",
        "注明来源:",
        "注明来源：",
        "注明“",
    ] {
        if let Some(i) = line.find(pat) {
            let name = name_after(line, i + pat.len());
            if site_like(name) {
                push(name, SiteEvidence::Footer);
            }
        }
    }
    for pat in ["版权所有", "版權所有"] {
        if let Some(i) = line.find(pat) {
            let before = name_before(
                line.get(..i).unwrap_or("").trim_end(),
                line.get(..i).unwrap_or("").trim_end().len(),
            );
            if site_like(before) {
                push(before, SiteEvidence::Footer);
            }
            let after =
                line.get(i + pat.len()..).unwrap_or("").trim_start_matches([':', '：', ' ', '©']);
            let name = name_after(after, 0);
            if site_like(name) {
                push(name, SiteEvidence::Footer);
            }
        }
    }
    let lower_has_copyright = line.contains("Copyright")
        || line.contains("copyright")
        || line.contains("COPYRIGHT")
        || line.contains('©');
    if lower_has_copyright {
        // the site-like names in the line, last first
        let mut names = Vec::new();
        let mut i = 0;
        while i < line.len() {
            let n = name_after(line, i);
            if n.is_empty() {
                i += line.get(i..).and_then(|s| s.chars().next()).map_or(1, char::len_utf8);
            } else {
                names.push(n);
                i += n.len();
            }
        }
        if let Some(n) =
            names.iter().rev().find(|n| n.chars().any(is_cjk) && site_like(n) && !lex.is_generic(n))
        {
            push(n, SiteEvidence::Footer);
        }
    }
    let t = line.trim();
    for pat in ["关于", "關於"] {
        if let Some(rest) = t.strip_prefix(pat)
            && site_like(rest)
        {
            push(rest, SiteEvidence::Weak);
        }
    }
}

/// Picks the site name from the evidence: the strongest kind, then the most frequent.
pub(crate) fn pick_site(c: &[(String, SiteEvidence)]) -> Option<String> {
    let best = c.iter().map(|(_, e)| *e).max()?;
    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
    for (i, (name, e)) in c.iter().enumerate() {
        let w = if *e == best { 2 } else { 1 };
        if let Some(x) = counts.iter_mut().find(|x| x.0 == name) {
            x.1 += w;
        } else {
            counts.push((name, w, i));
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
    counts.first().map(|x| x.0.to_owned())
}

/// Authors named in a footer line: `本文来自作者[X]投稿`, `作者：X`.
pub(crate) fn footer_author(line: &str) -> Option<String> {
    for (open, close) in
        [("作者[", "]"), ("作者【", "】"), ("作者「", "」"), ("作者“", "”"), ("作者\"", "\"")]
    {
        if let Some(i) = line.find(open) {
            let tail = line.get(i + open.len()..)?;
            let j = tail.find(close)?;
            return clean_value(tail.get(..j)?);
        }
    }
    None
}

/// A URL after `本文地址`/`出处`/`原文链接` labels.
pub(crate) fn footer_url(lex: &Lexicon, line: &str) -> Option<String> {
    let labels: Vec<_> = lex.labels(line).collect();
    for (k, l) in labels.iter().enumerate() {
        // 出处 introduces a source name or, in a footer, the page's address
        if matches!(l.field, Field::Url | Field::Source) {
            let next = labels.get(k + 1).map_or(line.len(), |n| n.start);
            let next = if next <= l.end { line.len() } else { next };
            if let Some(u) = value_after(line, l.end, next, Field::Url) {
                return Some(u);
            }
            if let Some(u) = value_after(line, l.end, line.len(), Field::Url) {
                return Some(u);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::new().unwrap()
    }

    #[test]
    fn labelled_meta_line() {
        let l = lex();
        let m = parse_meta_line(&l, "发布时间:2022-03-14 14:07:00来源: 山西日报").unwrap();
        assert_eq!(m.published.map(DateTime::iso).as_deref(), Some("2022-03-14T14:07:00"));
        assert_eq!(m.source.as_deref(), Some("山西日报"));
        let m = parse_meta_line(&l, "2023-01-28 05:42:02来源:互联网").unwrap();
        assert_eq!(m.source.as_deref(), Some("互联网"));
        let m =
            parse_meta_line(&l, "時間： 2012-01-11 16:48:18 來源：楚天都市報 【關閉】").unwrap();
        assert_eq!(m.source.as_deref(), Some("楚天都市報"));
    }

    #[test]
    fn role_words_and_bylines() {
        let l = lex();
        let m = parse_meta_line(&l, "网络编辑 太原 2022-10-08 10:10:06 0 疫情 防控 风险").unwrap();
        assert_eq!(m.editor.as_deref(), Some("网络编辑"));
        let m = parse_meta_line(&l, "本报记者 李香才").unwrap();
        assert_eq!(m.author.as_deref(), Some("李香才"));
        let m = parse_meta_line(&l, "(责编: 李文治)").unwrap();
        assert_eq!(m.editor.as_deref(), Some("李文治"));
        let m = parse_meta_line(&l, "(嵇南涛 编辑)").unwrap();
        assert_eq!(m.editor.as_deref(), Some("嵇南涛"));
        // Big5's full-width slash decodes to U+2215 under WHATWG.
        for slash in ['/', '／', '∕'] {
            let line = format!("2012{slash}01{slash}12 14:25　記者王小明{slash}台北報導");
            let m = parse_meta_line(&l, &line).unwrap();
            assert_eq!(m.author.as_deref(), Some("王小明"), "{line}");
            assert_eq!(m.published.map(DateTime::iso).as_deref(), Some("2012-01-12T14:25:00"));
        }
    }

    #[test]
    fn bylines() {
        assert_eq!(closing_byline("……确保质量。（记者 胡晓蓉）").as_deref(), Some("胡晓蓉"));
        assert_eq!(closing_byline("……开业。(曉明)").as_deref(), Some("曉明"));
        assert_eq!(closing_byline("……结束。（完）"), None);
        assert_eq!(
            lead_byline("楚天都市報訊 （記者嚴瓏 通訊員黃冬香）7天的緊急準備").as_deref(),
            Some("嚴瓏")
        );
        let l = lex();
        assert!(person_like(&l, "张三"));
        assert!(!person_like(&l, "nr.gov.cn"));
        assert!(!person_like(&l, "大汉网络"));
        assert!(!person_like(&l, "巴彦淖尔日报"));
        let m = parse_meta_line(&l, "Powered by Discuz! Archiver 5.0.0");
        assert!(m.is_none_or(|m| m.author.is_none()));
    }

    #[test]
    fn sentences_are_not_meta_lines() {
        let l = lex();
        assert!(
            parse_meta_line(&l, "今年1月22日，省疾控中心P3实验室建设项目主体结构如期封顶。")
                .is_none()
        );
        assert!(
            parse_meta_line(&l, "会议以电视电话会议形式召开，各县（市、区）设分会场。").is_none()
        );
    }

    #[test]
    fn footer_site_names() {
        let l = lex();
        let mut c = Vec::new();
        site_names(&l, "融易新媒体转载此文目的在于传递更多信息，不代表本网的观点和立场。", &mut c);
        site_names(&l, "本文来自作者[admin]投稿，不代表那么多了技术立场，如若转载", &mut c);
        site_names(&l, "Copyright ©山西大院新闻网", &mut c);
        site_names(
            &l,
            "备案号:鄂ICP备2022006215号 Copyright © 2002-2022 关于我们 融易新媒体",
            &mut c,
        );
        let names: Vec<_> = c.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["融易新媒体", "那么多了技术", "山西大院新闻网", "融易新媒体"]);
        assert_eq!(footer_author("本文来自作者[admin]投稿").as_deref(), Some("admin"));
    }

    #[test]
    fn footer_urls() {
        let l = lex();
        assert_eq!(
            footer_url(&l, "本文地址:http://www.example.com/a/1.html").as_deref(),
            Some("http://www.example.com/a/1.html")
        );
        assert_eq!(
            footer_url(&l, "如若转载，请注明出处：http://www.example.com/b/2.html").as_deref(),
            Some("http://www.example.com/b/2.html")
        );
    }
}
