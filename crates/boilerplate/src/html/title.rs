//! The headline and the page-header evidence around it: the heading the `<title>` names,
//! else the nearest headline-like line above the article; names opening headline lines;
//! a blog's owner.

use super::walk::Walk;
use crate::fields::{self, parse_meta_line};
use crate::finish::{Draft, by};
use crate::head::title_parts;
use crate::lexicon::Lexicon;
use crate::names::Evidence;
use crate::tables::List;
use crate::text::{ends_sentence, key};

/// Finds the headline segment: a heading or title-classed block near the article whose text
/// the `<title>` contains (or that contains the title's main part).
pub(super) fn find_title(
    w: &Walk<'_>,
    lex: &Lexicon,
    first: usize,
    title: Option<&str>,
) -> Option<(usize, String)> {
    // a <title> that is only the site's name names no headline
    let title = title.filter(|t| {
        let parts = title_parts(lex, t);
        !(parts.len() == 1 && lex.site_like(t.trim()))
    });
    let tkey = title.map(key).unwrap_or_default();
    let parts = title.map(|t| title_parts(lex, t)).unwrap_or_default();
    let main_key = parts.iter().map(|p| key(p)).max_by_key(String::len).unwrap_or_default();
    let lo = first.saturating_sub(80);
    let hi = (first + 4).min(w.segs.len());
    let mut best: Option<(i64, usize)> = None;
    for i in lo..hi {
        let Some(s) = w.segs.get(i) else { continue };
        let text = w.seg_text(s);
        let n = s.counts.chars;
        if !(4..=120).contains(&n) {
            continue;
        }
        let hinted = w.hints.get(s.block as usize).is_some_and(|h| h.title)
            || w.hints.get(w.dom.parent(s.block) as usize).is_some_and(|h| h.title);
        let k = key(text);
        let k_len = k.chars().count();
        if k_len < 4 {
            continue;
        }
        // the headline is in the <title>, or holds the <title>'s main part as most of itself
        let matches = !tkey.is_empty()
            && (tkey.contains(&k)
                || (main_key.chars().count() * 2 >= k_len && k.contains(&main_key)));
        if !matches && s.heading != 1 {
            continue;
        }
        // the site's name ending the <title> (`土豆不“土” 松花江网`) is no headline, nor is
        // the blog's name (`张三的博客`): they head every page of the site
        let site_part = k != tkey && (tkey.ends_with(&k) || tkey.starts_with(&k));
        if (site_part && lex.site_like(text.trim()))
            || lex.classify(text).is_some()
            || crate::text::is_breadcrumb(text)
            || fields::blog_owner(lex, text, true).is_some()
        {
            continue;
        }
        let mut score = i64::try_from(k_len.min(60)).unwrap_or(0);
        if matches {
            score += 40;
        }
        score += match s.heading {
            1 => 30,
            2 => 15,
            3 => 8,
            _ => 0,
        };
        if hinted {
            score += 10;
        }
        if s.link_chars * 2 > s.counts.chars && s.heading == 0 {
            score -= 30;
        }
        // nearer the article is better; far above it, only a real heading will do
        let dist = i64::try_from(first.abs_diff(i)).unwrap_or(100);
        if dist > 30 && s.heading == 0 {
            continue;
        }
        score -= dist.min(40) / 4;
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, i));
        }
    }
    let (score, i) = best?;
    if score < 30 {
        return None;
    }
    let s = w.segs.get(i)?;
    Some((i, w.seg_text(s).to_owned()))
}

/// With no headline matching `<title>`: the nearest headline-like segment above the
/// article's first sentence, past metadata lines and furniture.
pub(super) fn title_above(
    w: &Walk<'_>,
    lex: &Lexicon,
    body_start: usize,
) -> Option<(usize, String)> {
    let lo = body_start.saturating_sub(10);
    for i in (lo..body_start).rev() {
        let s = w.segs.get(i)?;
        let text = w.seg_text(s);
        let n = s.counts.chars;
        if parse_meta_line(lex, text).is_some()
            || lex.is_doc_number(text)
            || lex.classify(text).is_some()
            || s.link_chars * 2 > n
            || n < 4
            || text.chars().filter(char::is_ascii_digit).count() * 2 > n as usize
        {
            continue;
        }
        if n <= 80 && !ends_sentence(text) && s.counts.cjk + s.counts.alnum >= 4 {
            return Some((i, text.to_owned()));
        }
        // a sentence above the article: no headline here
        return None;
    }
    None
}

/// Whether the page is a blog: its `<title>`, a link or its text says so.
fn is_blog(w: &Walk<'_>, title: Option<&str>) -> bool {
    let says = |t: &str| {
        let low = t.to_ascii_lowercase();
        w.lex.list(List::BlogWord).iter().any(|b| low.contains(b.as_str()))
    };
    w.blog_links || title.is_some_and(says) || w.segs.iter().any(|s| says(w.seg_text(s)))
}

/// The blog's owner from the page's header: a `<title>` part `张三的博客`, a `<title>`
/// `海姑娘 | blog.example.com` whose name the page repeats (`海姑娘的推荐`, `海姑娘, 27岁`),
/// or, on a blog, a first `<h1>` above the article that is a person's name.
pub(super) fn blog_authors(
    w: &Walk<'_>,
    lex: &Lexicon,
    d: &mut Draft,
    title: Option<&str>,
    first: usize,
) {
    let names = lex.names();
    if let Some(t) = title {
        let parts = title_parts(lex, t);
        for p in &parts {
            d.offer_author(fields::blog_owner(lex, p, true), by::OWNER);
        }
        let host =
            |p: &str| p.is_ascii() && p.contains('.') && p.to_ascii_lowercase().contains("blog");
        if let [a, b] = parts.as_slice()
            && let Some(x) = if host(b) {
                Some(*a)
            } else if host(a) {
                Some(*b)
            } else {
                None
            }
            && fields::credit_ok(lex, x, Evidence::Labelled)
        {
            let repeated = w.segs.iter().any(|s| {
                w.seg_text(s).strip_prefix(x).is_some_and(|r| {
                    r.starts_with(['的', ',', '，']) || r.starts_with(char::is_whitespace)
                })
            });
            if repeated {
                d.offer_author(Some(x.to_owned()), by::OWNER);
            }
        }
    }
    if d.author_rank > by::OWNER
        && let Some(s) = w.segs.iter().take(first).find(|s| s.heading == 1)
        && names.is_person(w.seg_text(s).trim())
        && is_blog(w, title)
    {
        d.offer_author(Some(w.seg_text(s).trim().to_owned()), by::OWNER);
    }
}

/// Names opening headline-like lines above the article: `张三：我的回忆` gives 张三.
pub(super) fn headline_names(w: &Walk<'_>, from: usize, to: usize, out: &mut Vec<String>) {
    for s in w.segs.get(from..to).unwrap_or_default() {
        if let Some(x) = fields::headline_name(w.seg_text(s)) {
            out.push(x.to_owned());
        }
    }
}
