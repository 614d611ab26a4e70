//! The site's own name: in markup, in its footer's copyright and disclaimer sentences, a
//! `<title>` suffix, a breadcrumb's first step; and the page's address in a footer.

use super::{name_after, name_before, value_after};
use crate::date;
use crate::lexicon::{Field, Lexicon};
use crate::tables::List;
use crate::text::{is_cjk, is_trim_char};

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

fn name_ok(lex: &Lexicon, s: &str) -> bool {
    let n = s.chars().count();
    (2..=20).contains(&n)
        && !lex.is_generic(s)
        && !s.starts_with('本')
        && date::first_date(s).is_none()
        && !s.contains(['，', ',', '。', ':', '：'])
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
    footer_sentence_names(lex, line, &mut push);
    copyright_names(lex, line, &mut push);
    let t = line.trim();
    for pat in lex.list(List::About) {
        if let Some(rest) = t.strip_prefix(pat.as_str())
            && lex.site_like(rest)
        {
            push(rest, SiteEvidence::Weak);
        }
    }
}

/// Names a footer's sentences give: `X转载此文`, `不代表X立场`, `本站[X]`, `凡注明"来源:X"`
/// (the phrases are the `site_*` lists of `words.tsv`).
fn footer_sentence_names(lex: &Lexicon, line: &str, push: &mut dyn FnMut(&str, SiteEvidence)) {
    for pat in lex.list(List::SiteBefore) {
        if let Some(i) = line.find(pat.as_str()) {
            push(name_before(line, i), SiteEvidence::Footer);
        }
    }
    for open in lex.list(List::SiteOpen) {
        if let Some(i) = line.find(open.as_str()) {
            let tail = line.get(i + open.len()..).unwrap_or("");
            for close in lex.list(List::SiteClose) {
                if let Some(j) = tail.find(close.as_str()) {
                    let name = tail.get(..j).unwrap_or("").trim_end_matches('的');
                    if !name.contains(['，', ',', '。']) {
                        push(name, SiteEvidence::Footer);
                    }
                    break;
                }
            }
        }
    }
    for open in lex.list(List::SiteBracket) {
        let close = match open.chars().next_back() {
            Some('【') => '】',
            Some('「') => '」',
            Some('（') => '）',
            _ => ']',
        };
        if let Some(i) = line.find(open.as_str()) {
            let tail = line.get(i + open.len()..).unwrap_or("");
            if let Some(j) = tail.find(close) {
                push(tail.get(..j).unwrap_or(""), SiteEvidence::Footer);
            }
        }
    }
    for pat in lex.list(List::SiteAfter) {
        if let Some(i) = line.find(pat.as_str()) {
            let name = name_after(line, i + pat.len());
            if lex.site_like(name) {
                push(name, SiteEvidence::Footer);
            }
        }
    }
}

/// Names a copyright line gives: `X版权所有`, `版权所有：X`, `Copyright © 2012 X` (the last
/// site-like name).
fn copyright_names(lex: &Lexicon, line: &str, push: &mut dyn FnMut(&str, SiteEvidence)) {
    for pat in lex.list(List::CopyrightPhrase) {
        if let Some(i) = line.find(pat.as_str()) {
            let head = line.get(..i).unwrap_or("").trim_end();
            let before = name_before(head, head.len());
            if lex.site_like(before) {
                push(before, SiteEvidence::Footer);
            }
            let after =
                line.get(i + pat.len()..).unwrap_or("").trim_start_matches([':', '：', ' ', '©']);
            let name = name_after(after, 0);
            if lex.site_like(name) {
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
        if let Some(n) = names
            .iter()
            .rev()
            .find(|n| n.chars().any(is_cjk) && lex.site_like(n) && !lex.is_generic(n))
        {
            push(n, SiteEvidence::Footer);
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

/// A URL after `本文地址`/`出处`/`原文链接` labels.
pub(crate) fn footer_url(lex: &Lexicon, line: &str) -> Option<String> {
    let labels: Vec<_> = lex.labels(line).collect();
    for (k, l) in labels.iter().enumerate() {
        // 出处 introduces a source name or, in a footer, the page's address
        if matches!(l.field, Field::Url | Field::Source) {
            let next = labels.get(k + 1).map_or(line.len(), |n| n.start);
            let next = if next <= l.end { line.len() } else { next };
            if let Some(u) = value_after(lex, line, l.end, next, Field::Url) {
                return Some(u);
            }
            if let Some(u) = value_after(lex, line, l.end, line.len(), Field::Url) {
                return Some(u);
            }
        }
    }
    None
}
