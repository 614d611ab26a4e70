//! Credits outside the metadata line: bylines in the body (`（记者 张三）`, `本报讯（记者 张三）`),
//! a blog's owner, a name alone under the headline, a sidebar's `作者[X]`.

use super::{clean_value, credit_ok, is_value_end, spaced_name};
use crate::lexicon::Lexicon;
use crate::names::Evidence;
use crate::tables::List;
use crate::text::{is_cjk, is_trim_char};

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
    !lex.list(List::OrgEnding).iter().any(|w| s.ends_with(w.as_str()))
}

/// Names in a byline: the name after 记者/通讯员 (or the whole text when it is one
/// person's name). Only a person's name counts.
fn byline_names(lex: &Lexicon, inner: &str) -> Option<String> {
    let names = lex.names();
    let inner = inner.trim();
    for role in lex.list(List::BylineRole) {
        if let Some(i) = inner.find(role.as_str()) {
            let rest =
                inner.get(i + role.len()..)?.trim_start_matches([':', '：', ' ', '\u{3000}']);
            let name = spaced_name(rest)
                .unwrap_or_else(|| rest.chars().take_while(|&c| is_cjk(c) || c == '·').collect());
            return names.is_person(&name).then_some(name);
        }
    }
    names.is_person(inner).then(|| inner.to_owned())
}

/// The author of a closing credit: a paragraph ending with `（记者 张三）`, `(信报记者 张三)`
/// or `（张三）`.
pub(crate) fn closing_byline(lex: &Lexicon, p: &str) -> Option<String> {
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
    byline_names(lex, inner)
}

/// The reporter of a dateline lead: `本报讯（记者 张三 通讯员 李四）……`,
/// `新华社北京1月1日电（记者张三）……`, `某某网1月17日讯（张三）……`.
pub(crate) fn lead_byline(lex: &Lexicon, p: &str) -> Option<String> {
    let head: String = p.chars().take(40).collect();
    let i = head.find(['（', '('])?;
    let before = head.get(..i)?;
    let marks = lex.list(List::DatelineMark);
    if !marks.iter().any(|m| before.ends_with(m.as_str()))
        && !marks.iter().any(|m| before.trim_end().ends_with(m.as_str()))
    {
        return None;
    }
    let inner = head.get(i..)?.trim_start_matches(['（', '(']);
    let end = inner.find(['）', ')'])?;
    let inner = inner.get(..end)?;
    // a correspondent alone (通讯员 李四) is not the author; a bare name is
    if !lex.list(List::ReporterRole).iter().any(|r| inner.contains(r.as_str())) {
        return lex.names().is_person(inner.trim()).then(|| inner.trim().to_owned());
    }
    byline_names(lex, inner)
}

/// The owner of a blog, named in its sidebar (`博主：张三`) or, when `header` (a `<title>`
/// part, a heading above the article), as its name: `张三的博客`, `[太小心]的BLOG`.
pub(crate) fn blog_owner(lex: &Lexicon, text: &str, header: bool) -> Option<String> {
    let t = text.trim_matches(is_trim_char);
    if t.chars().count() > 40 {
        return None;
    }
    let labels = if lex.may_hold(List::BlogLabel, t) { lex.list(List::BlogLabel) } else { &[] };
    for label in labels {
        if let Some(i) = t.find(label.as_str()) {
            let rest = t.get(i + label.len()..)?.trim_start();
            let end = rest.find(|c: char| is_value_end(c) || c == '：').unwrap_or(rest.len());
            let v = rest.get(..end)?.trim_matches(is_trim_char);
            return credit_ok(lex, v, Evidence::Labelled).then(|| v.to_owned());
        }
    }
    if !header {
        return None;
    }
    let low = t.to_ascii_lowercase();
    for suffix in lex.list(List::BlogSuffix) {
        if let Some(head) = low.strip_suffix(suffix.as_str()) {
            let v = t.get(..head.len())?.trim_matches(is_trim_char);
            return credit_ok(lex, v, Evidence::Labelled).then(|| v.to_owned());
        }
    }
    None
}

/// Which of the first lines under a headline is a byline standing alone: a person's name or
/// a few (`张三`, `赵某、钱某`), or a pen name that also opens a headline line
/// (`headline_names`: `茉莉：我的回忆` above, `茉莉` here). The lines before it must be
/// headline-like and the line after it article text, not another name (a list of names, one
/// a line or `李四（某某局）`, is no byline).
pub(crate) fn lone_byline(
    lex: &Lexicon,
    headline_names: &[String],
    lines: &[&str],
) -> Option<usize> {
    let names = lex.names();
    for (k, line) in lines.iter().enumerate().take(3) {
        let t = line.trim();
        let n = t.chars().count();
        if n > 40 || t.contains(['。', '！', '？']) {
            return None;
        }
        let name = n <= 16
            && (names.is_person_list(t)
                || (names.is_pen_name(t) && headline_names.iter().any(|h| h == t)));
        if !name {
            continue;
        }
        let intro = k > 0 && lines.get(k - 1).is_some_and(|p| p.trim_end().ends_with(['：', ':']));
        let next = lines.get(k + 1)?.trim();
        let head = next.split(|c: char| !is_cjk(c)).next().unwrap_or("");
        let item = names.is_person_list(next) || (head.len() < next.len() && names.is_person(head));
        return (!intro && !item && next.chars().count() > 4).then_some(k);
    }
    None
}

/// The name opening a headline-like line: `张三：我的回忆` gives `张三`.
pub(crate) fn headline_name(text: &str) -> Option<&str> {
    let t = text.trim();
    if t.chars().count() > 60 {
        return None;
    }
    let (x, rest) = t.split_once(['：', ':'])?;
    ((2..=6).contains(&x.chars().count())
        && x.chars().all(is_cjk)
        && rest.trim().chars().count() >= 4
        && !rest.contains(['。', '！', '？']))
    .then_some(x)
}

/// Authors named in a footer or sidebar line: `本文来自作者[X]投稿`, `作者[X]自己发表的评论`.
pub(crate) fn footer_author(lex: &Lexicon, line: &str) -> Option<String> {
    if !lex.may_hold(List::FooterCredit, line) {
        return None;
    }
    for (open, close) in [('[', ']'), ('【', '】'), ('「', '」'), ('“', '”'), ('"', '"')] {
        for label in lex.list(List::FooterCredit) {
            let found = line
                .match_indices(label.as_str())
                .find_map(|(i, _)| line.get(i + label.len()..)?.strip_prefix(open));
            if let Some(tail) = found {
                let j = tail.find(close)?;
                return clean_value(tail.get(..j)?)
                    .filter(|v| credit_ok(lex, v, Evidence::Labelled));
            }
        }
    }
    None
}
