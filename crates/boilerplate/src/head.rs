//! What an HTML page declares about itself: `<title>`, `<meta>` tags, JSON-LD, the
//! canonical link and `<time datetime>` values, collected during the walk and read here.

use html5ever::local_name;

use crate::dom::{Element, Tag};
use crate::lexicon::Lexicon;
use crate::tables::List;
use crate::text::{Counts, push_collapsed};

/// The page's declarations, collected by the walk.
#[derive(Debug, Default)]
pub(crate) struct Head {
    pub(crate) title: Option<String>,
    /// `(key, value)` of `<meta>` tags: the key is the lowercased `property`, `name`,
    /// `itemprop` or `http-equiv`.
    pub(crate) metas: Vec<(String, String)>,
    pub(crate) jsonld: Vec<String>,
    pub(crate) canonical: Option<String>,
    /// `<time datetime>` values with the position where they appear.
    pub(crate) times: Vec<(u32, String)>,
}

impl Head {
    /// Reads a head element (`<script>`, `<title>`, `<meta>`, `<link>`); `inner` gives the
    /// element's text. Returns `false` for any other element, which the walk handles.
    pub(crate) fn read(&mut self, e: &Element, inner: impl FnOnce() -> String) -> bool {
        match e.tag {
            Tag::Script => {
                if e.attr(&local_name!("type"))
                    .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
                {
                    self.jsonld.push(inner());
                }
            }
            Tag::Title => {
                if self.title.is_none() {
                    let t = inner();
                    let mut s = String::new();
                    let mut sp = false;
                    push_collapsed(&mut s, &t, &mut sp, &mut Counts::default());
                    self.title = Some(s);
                }
            }
            Tag::Meta => {
                let k = e
                    .attr(&local_name!("property"))
                    .or_else(|| e.attr(&local_name!("name")))
                    .or_else(|| e.attr(&local_name!("itemprop")))
                    .or_else(|| e.attr(&local_name!("http-equiv")));
                if let (Some(k), Some(v)) = (k, e.attr(&local_name!("content"))) {
                    self.metas.push((k.to_ascii_lowercase(), v.trim().to_owned()));
                }
            }
            Tag::Link => {
                if e.attr(&local_name!("rel")).is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
                    && let Some(h) = e.attr(&local_name!("href"))
                {
                    self.canonical.get_or_insert_with(|| h.trim().to_owned());
                }
            }
            _ => return false,
        }
        true
    }

    /// The first non-empty `<meta>` value under one of `keys` (lowercase), in key order.
    pub(crate) fn meta<K: AsRef<str>>(&self, keys: &[K]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.metas
                .iter()
                .find(|(mk, v)| mk == k.as_ref() && !v.is_empty())
                .map(|(_, v)| v.as_str())
        })
    }
}

/// Splits a `<title>` at the separators sites put between headline, channel and site name.
pub(crate) fn title_parts<'t>(lex: &Lexicon, t: &'t str) -> Vec<&'t str> {
    let mut parts = vec![t];
    for sep in ["_", "|", "｜", " - ", " – ", " — ", "—", "－", "--", "::", " :: ", "-", "»"]
    {
        let mut next = Vec::new();
        for p in parts {
            next.extend(p.split(sep).map(str::trim).filter(|s| !s.is_empty()));
        }
        parts = next;
        if parts.len() > 1 {
            // Do not split further than needed: the first separator found wins.
            return parts;
        }
    }
    // a space before the site's name: `土豆不“土” 松花江网`
    if let Some((head, tail)) = t.trim().rsplit_once(char::is_whitespace)
        && !head.trim().is_empty()
        && lex.site_like(tail)
    {
        return vec![head.trim(), tail];
    }
    parts
}

/// The article's fields that JSON-LD declares.
#[derive(Debug, Default)]
pub(crate) struct LdInfo {
    pub(crate) headline: Option<String>,
    pub(crate) published: Option<String>,
    pub(crate) author: Option<String>,
    pub(crate) publisher: Option<String>,
    pub(crate) url: Option<String>,
}

fn ld_name(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.trim().to_owned()),
        serde_json::Value::Object(o) => o.get("name").and_then(ld_name),
        serde_json::Value::Array(a) => {
            let names: Vec<String> = a.iter().filter_map(ld_name).collect();
            (!names.is_empty()).then(|| names.join("、"))
        }
        _ => None,
    }
    .filter(|s| !s.is_empty())
}

fn ld_visit(v: &serde_json::Value, types: &[String], out: &mut LdInfo, depth: u32) {
    if depth > 6 {
        return;
    }
    match v {
        serde_json::Value::Array(a) => a.iter().for_each(|x| ld_visit(x, types, out, depth + 1)),
        serde_json::Value::Object(o) => {
            if let Some(g) = o.get("@graph") {
                ld_visit(g, types, out, depth + 1);
            }
            let ty = o.get("@type").map(ToString::to_string).unwrap_or_default();
            let articleish = types.iter().any(|k| ty.contains(k.as_str()));
            if !articleish {
                return;
            }
            let s = |k: &str| {
                o.get(k)
                    .and_then(|x| x.as_str())
                    .map(|x| x.trim().to_owned())
                    .filter(|x| !x.is_empty())
            };
            if out.headline.is_none() {
                out.headline = s("headline").or_else(|| s("name"));
            }
            if out.published.is_none() {
                out.published = s("datePublished").or_else(|| s("dateCreated"));
            }
            if out.author.is_none() {
                out.author = o.get("author").and_then(ld_name);
            }
            if out.publisher.is_none() {
                out.publisher = o.get("publisher").and_then(ld_name);
            }
            if out.url.is_none() {
                out.url = s("url").or_else(|| {
                    o.get("mainEntityOfPage")
                        .and_then(|m| m.get("@id"))
                        .and_then(|x| x.as_str())
                        .map(str::to_owned)
                });
            }
        }
        _ => {}
    }
}

/// What the page's JSON-LD says about its article.
pub(crate) fn ld_info(lex: &Lexicon, head: &Head) -> LdInfo {
    let mut out = LdInfo::default();
    for t in &head.jsonld {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(t.trim()) {
            ld_visit(&v, lex.list(List::JsonldArticleType), &mut out, 0);
        }
    }
    out
}
