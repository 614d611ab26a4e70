//! What both paths do once the article's blocks are chosen: drop title repeats, duplicate
//! leads and repeated blocks, strip an injected brand, and assemble the [`Article`].

use crate::date::DateTime;
use crate::fields::{SiteEvidence, pick_site};
use crate::lexicon::Lexicon;
use crate::text::{is_cjk, is_clause_punct, key, strip_ellipsis};
use crate::{Article, Reason, Removed};

/// A body paragraph before the final clean-up.
#[derive(Debug, Clone)]
pub(crate) struct Para {
    pub(crate) text: String,
    pub(crate) heading: bool,
}

/// Everything a path found, before the final clean-up.
#[derive(Debug, Default)]
pub(crate) struct Draft {
    pub(crate) title: Option<String>,
    pub(crate) published: Option<DateTime>,
    /// How good the evidence for `published` is (lower is better, see [`rank`]).
    pub(crate) published_rank: u8,
    pub(crate) source: Option<String>,
    pub(crate) author: Option<String>,
    /// How good the evidence for `author` is (lower is better, see [`by`]).
    pub(crate) author_rank: u8,
    /// People credited with the author on the same line.
    pub(crate) co_authors: Vec<String>,
    pub(crate) editor: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) sites: Vec<(String, SiteEvidence)>,
    /// Names that open a headline-like line above the article (`张三：我的回忆`): a lone
    /// line under the headline naming one of them is a byline even when it is a pen name.
    pub(crate) headline_names: Vec<String>,
    pub(crate) body: Vec<Para>,
    pub(crate) removed: Vec<Removed>,
    pub(crate) warnings: Vec<String>,
}

impl Draft {
    /// An empty draft.
    pub(crate) fn new() -> Draft {
        Draft { published_rank: u8::MAX, author_rank: u8::MAX, ..Draft::default() }
    }

    /// Records a dropped block, joining it to the previous one when the reason is the same.
    pub(crate) fn remove(&mut self, text: &str, reason: Reason) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        if let Some(last) = self.removed.last_mut()
            && last.reason == reason
        {
            last.text.push('\n');
            last.text.push_str(text);
            return;
        }
        self.removed.push(Removed { text: text.to_owned(), reason });
    }

    /// Offers a publication date found with evidence of a given rank: a better rank wins;
    /// at the same rank the first stays, unless the newcomer adds the time to the same day.
    pub(crate) fn offer_date(&mut self, dt: DateTime, rank: u8) {
        let better = match self.published {
            None => true,
            Some(p) => {
                rank < self.published_rank
                    || (rank == self.published_rank
                        && p.time.is_none()
                        && dt.time.is_some()
                        && p.date == dt.date)
            }
        };
        if better {
            self.published = Some(dt);
            self.published_rank = rank;
        }
    }

    /// Offers an author found with evidence of a given rank (see [`by`]): a better rank
    /// wins; at the same rank the first stays.
    pub(crate) fn offer_author(&mut self, name: Option<String>, rank: u8) {
        if let Some(n) = name
            && (self.author.is_none() || rank < self.author_rank)
        {
            self.author = Some(n);
            self.author_rank = rank;
            self.co_authors.clear();
        }
    }

    /// Fills the metadata fields that are still empty from a metadata line; its date is
    /// offered at `rank` when labelled (`发布时间`), a few steps worse otherwise. Its author
    /// is offered at the same rank, a person it names otherwise at [`by::CREDIT`].
    pub(crate) fn absorb(&mut self, m: crate::fields::MetaLine, rank: u8) {
        if let Some(dt) = m.published {
            self.offer_date(dt, if m.date_labelled { rank } else { rank + rank::UNLABELLED });
        }
        if self.source.is_none() {
            self.source = m.source;
        }
        let wins = m.author.is_some() && (self.author.is_none() || rank < self.author_rank);
        self.offer_author(m.author, rank);
        if wins {
            self.co_authors = m.co_authors;
        }
        self.offer_author(m.credit, by::CREDIT);
        if self.editor.is_none() {
            self.editor = m.editor;
        }
        if self.url.is_none() {
            self.url = m.url;
        }
    }
}

/// Ranks of the evidence for the publication date (lower is better).
pub(crate) mod rank {
    /// A metadata line between the headline and the article.
    pub(crate) const HEADER: u8 = 0;
    /// A metadata line at the top of the article.
    pub(crate) const TOP: u8 = 1;
    /// A metadata line at the end of the article or right after it.
    pub(crate) const AFTER: u8 = 2;
    /// Added for a date without a label.
    pub(crate) const UNLABELLED: u8 = 3;
    /// `meta` tags and JSON-LD.
    pub(crate) const MARKUP: u8 = 5;
    /// A bare date near the headline that is not a metadata line.
    pub(crate) const BARE: u8 = 7;
    /// The URL's path.
    pub(crate) const URL: u8 = 9;
}

/// Ranks of the evidence for the author (lower is better). A metadata line offers its
/// author at its date rank ([`rank::HEADER`], [`rank::TOP`], [`rank::AFTER`]), before all
/// of these.
pub(crate) mod by {
    /// A reporter in a dateline lead or a closing credit (`（记者 张三）`).
    pub(crate) const BYLINE: u8 = 3;
    /// `meta name=author`, JSON-LD.
    pub(crate) const MARKUP: u8 = 4;
    /// The owner of a blog (`张三的博客`, `博主：张三`) or a sidebar credit (`作者[张三]`).
    pub(crate) const OWNER: u8 = 5;
    /// A person named as the source (`来源：张三`) or in brackets in a metadata line.
    pub(crate) const CREDIT: u8 = 6;
    /// A name alone on a line under the headline.
    pub(crate) const LONE: u8 = 7;
}

/// Whether a paragraph repeats the headline (alone, or with a site suffix).
fn repeats_title(p: &str, tkey: &str) -> bool {
    if tkey.chars().count() < 4 {
        return false;
    }
    let pk = key(p);
    if pk == tkey {
        return true;
    }
    let extra = pk.chars().count().saturating_sub(tkey.chars().count());
    pk.starts_with(tkey) && extra <= 12 && !p.contains(['。', '，', ','])
}

/// Removes clause-sized occurrences of the site's own name from body sentences:
/// `……能力，某某新媒体，全力以赴……` loses `某某新媒体，`.
fn strip_brand(text: &str, brand: &str) -> Option<String> {
    if brand.chars().count() < 2 || !text.contains(brand) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut changed = false;
    while let Some(i) = rest.find(brand) {
        let (head, tail) = (rest.get(..i)?, rest.get(i + brand.len()..)?);
        let before = head.chars().next_back();
        let after = tail.chars().next();
        let clause_before = before.is_none_or(is_clause_punct);
        let clause_after = after.is_some_and(is_clause_punct);
        // Inside a sentence: the name stands alone between clause marks, and the sentence
        // goes on with a word after it (not a list of names).
        let next_word = tail.chars().nth(1).is_some_and(is_cjk);
        if clause_before && clause_after && next_word && before.is_some() {
            out.push_str(head);
            rest = tail.get(after.map_or(0, char::len_utf8)..)?;
            changed = true;
        } else {
            out.push_str(rest.get(..i + brand.len())?);
            rest = tail;
        }
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// Whether a lead (a comparison key) is what the following blocks (their keys) say, in
/// full or as their beginning: the first following block starts with the lead, or the
/// lead runs through whole blocks and ends inside a later one.
/// A `truncated` lead (printed with an ellipsis) may also equal the next block.
pub(crate) fn leads<'a>(
    lead: &str,
    truncated: bool,
    following: impl Iterator<Item = &'a str>,
) -> bool {
    let mut rest = lead;
    let mut first = true;
    for k in following {
        if k.is_empty() {
            continue;
        }
        if k.len() > rest.len() {
            return k.starts_with(rest) && (!first || k.len() > lead.len());
        }
        // the lead covers this block whole and goes on
        match rest.strip_prefix(k) {
            Some("") if first && truncated => return true,
            Some(r) if !first || !r.is_empty() => rest = r,
            _ => return false,
        }
        if rest.is_empty() {
            return !first;
        }
        first = false;
    }
    false
}

/// Runs the shared clean-up and builds the article: drops repeats of the headline,
/// duplicate leads and repeated blocks, reads the bylines of the body, strips an injected
/// brand and takes out the document number.
pub(crate) fn finish(lex: &Lexicon, mut d: Draft) -> Article {
    let body = std::mem::take(&mut d.body);
    let mut drops = Drops::find(lex, &body, d.title.as_deref());
    body_bylines(lex, &mut d, &body, &mut drops);
    let site = pick_site(&d.sites);
    drop_outlet_author(lex, &mut d, site.as_deref());
    let brand = injected_brand(&d, &body, &drops, site.as_deref()).map(str::to_owned);
    let mut paragraphs = Vec::with_capacity(body.len());
    for ((p, k), r) in body.into_iter().zip(drops.keep).zip(drops.reasons) {
        if !k {
            if let Some(r) = r {
                d.remove(&p.text, r);
            }
            continue;
        }
        let mut text = p.text;
        if let Some(b) = brand.as_deref()
            && let Some(t) = strip_brand(&text, b)
        {
            d.removed.push(Removed { text: b.to_owned(), reason: Reason::InjectedBrand });
            text = t;
        }
        let t = text.trim();
        if !t.is_empty() {
            paragraphs.push(if t.len() == text.len() { text } else { t.to_owned() });
        }
    }
    assemble(lex, d, paragraphs, site)
}

/// Which body paragraphs go, and why.
struct Drops {
    keep: Vec<bool>,
    reasons: Vec<Option<Reason>>,
}

impl Drops {
    /// Repeats of the headline, truncated leads that a later paragraph gives in full (and a
    /// label such as 文章导读 right before one), later copies of a block, and a short
    /// heading left dangling at the end.
    fn find(lex: &Lexicon, body: &[Para], title: Option<&str>) -> Drops {
        let tkey = title.map(key).unwrap_or_default();
        let keys: Vec<String> = body.iter().map(|p| key(&p.text)).collect();
        let mut x = Drops { keep: vec![true; body.len()], reasons: vec![None; body.len()] };
        let mut seen: std::collections::HashSet<&str, crate::text::FastHash> =
            std::collections::HashSet::default();
        for (i, p) in body.iter().enumerate() {
            if repeats_title(&p.text, &tkey) {
                x.drop(i, Reason::RepeatedTitle);
                continue;
            }
            let k = keys.get(i).map_or("", String::as_str);
            if k.chars().count() < 10 {
                continue;
            }
            // A truncated lead or summary that a later paragraph gives in full.
            let lead =
                if lex.is_truncated(&p.text) { key(strip_ellipsis(&p.text)) } else { k.to_owned() };
            let dup = lead.chars().count() >= 10
                && leads(
                    &lead,
                    lex.is_truncated(&p.text),
                    (i + 1..body.len().min(i + 5))
                        .filter(|&j| x.keep.get(j).copied().unwrap_or(false))
                        .filter_map(|j| keys.get(j).map(String::as_str)),
                );
            if dup {
                x.drop(i, Reason::DuplicateLead);
                continue;
            }
            // The same block twice: the later copy goes.
            if !seen.insert(k) {
                x.drop(i, Reason::Repeated);
            }
        }
        // A label such as 文章导读 right before a dropped duplicate lead goes with it.
        for i in 0..body.len() {
            if x.keep.get(i).copied().unwrap_or(false)
                && x.reasons.get(i + 1).copied().flatten() == Some(Reason::DuplicateLead)
                && body.get(i).is_some_and(|p| p.text.chars().count() <= 6)
            {
                x.drop(i, Reason::DuplicateLead);
            }
        }
        // A short heading left at the very end introduces something that was cut away.
        if let Some(i) = x.keep.iter().rposition(|&k| k)
            && body.get(i).is_some_and(|p| p.heading && p.text.chars().count() <= 20 && i > 0)
        {
            x.drop(i, Reason::Boilerplate);
        }
        x
    }

    fn drop(&mut self, i: usize, reason: Reason) {
        if let (Some(k), Some(r)) = (self.keep.get_mut(i), self.reasons.get_mut(i)) {
            *k = false;
            *r = Some(reason);
        }
    }

    fn kept<'b>(&self, body: &'b [Para]) -> impl Iterator<Item = (usize, &'b Para)> {
        body.iter().enumerate().filter(|(i, _)| self.keep.get(*i) == Some(&true))
    }
}

/// The bylines the body holds: a name alone on one of its first lines (taken out as
/// metadata), a dateline lead's reporter or a closing credit.
fn body_bylines(lex: &Lexicon, d: &mut Draft, body: &[Para], drops: &mut Drops) {
    let kept: Vec<usize> = drops.kept(body).map(|(i, _)| i).collect();
    let firsts: Vec<&str> =
        kept.iter().take(4).filter_map(|&i| body.get(i)).map(|p| p.text.as_str()).collect();
    if let Some(&i) =
        crate::fields::lone_byline(lex, &d.headline_names, &firsts).and_then(|k| kept.get(k))
    {
        d.offer_author(body.get(i).map(|p| p.text.trim().to_owned()), by::LONE);
        drops.drop(i, Reason::Metadata);
    }
    if d.author_rank > by::BYLINE {
        let kept: Vec<&Para> = drops.kept(body).map(|(_, p)| p).collect();
        let byline =
            kept.first().and_then(|p| crate::fields::lead_byline(lex, &p.text)).or_else(|| {
                kept.iter().rev().take(2).find_map(|p| crate::fields::closing_byline(lex, &p.text))
            });
        d.offer_author(byline, by::BYLINE);
    }
}

/// A pen name that is the credited source or the site itself names an outlet, not a
/// writer (出处：pconline … 作者：PConline).
fn drop_outlet_author(lex: &Lexicon, d: &mut Draft, site: Option<&str>) {
    if let Some(a) = d.author.as_deref()
        && !lex.names().is_person(a)
        && [d.source.as_deref(), site]
            .into_iter()
            .flatten()
            .any(|o| o.to_lowercase() == a.to_lowercase())
    {
        d.author = None;
    }
}

/// The site's name when a footer shows it as the page's brand and the article is not about
/// it: never a name in its headline, or named in its sentences (not standing alone between
/// commas).
fn injected_brand<'s>(
    d: &Draft,
    body: &[Para],
    drops: &Drops,
    site: Option<&'s str>,
) -> Option<&'s str> {
    site.filter(|s| {
        let about = d.title.as_deref().is_some_and(|t| t.contains(*s))
            || drops
                .kept(body)
                .any(|(_, p)| p.text.contains(*s) && strip_brand(&p.text, s).is_none());
        !about && d.sites.iter().any(|(n, e)| n == *s && *e >= SiteEvidence::Footer)
    })
}

/// Takes the document number out of the text (a line of its own under the headline, or a
/// labelled field) and builds the article.
fn assemble(
    lex: &Lexicon,
    mut d: Draft,
    mut paragraphs: Vec<String>,
    site: Option<String>,
) -> Article {
    if let Some(i) = paragraphs.iter().take(3).position(|p| lex.is_doc_number(p)) {
        let p = paragraphs.remove(i);
        d.remove(&p, Reason::Metadata);
    }
    if paragraphs.is_empty() && d.warnings.is_empty() {
        d.warnings.push("no article found: no block of the page reads as article text".to_owned());
    }
    let doc_number = d
        .removed
        .iter()
        .flat_map(|r| r.text.lines())
        .chain(paragraphs.iter().take(3).map(String::as_str))
        .find_map(|l| lex.doc_number_in(l));
    Article {
        doc_number,
        title: d.title,
        published: d.published,
        site,
        source: d.source,
        authors: d.author.iter().cloned().chain(d.co_authors).collect(),
        author: d.author.or_else(|| d.editor.clone()),
        editor: d.editor,
        url: d.url,
        paragraphs,
        removed: d.removed,
        warnings: d.warnings,
        document: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brand_in_its_own_clause_goes() {
        assert_eq!(
            strip_brand("要持续提升医疗救治能力，某某新媒体，全力以赴确保", "某某新媒体")
                .as_deref(),
            Some("要持续提升医疗救治能力，全力以赴确保")
        );
        assert_eq!(strip_brand("某某新媒体发布了年度报告，", "某某新媒体"), None);
        assert_eq!(strip_brand("记者从某某新媒体获悉，", "某某新媒体"), None);
        // an article about the site keeps its name everywhere
        let mut d = Draft { title: Some("年度报告".into()), ..Draft::new() };
        d.sites.push(("某某新媒体".into(), SiteEvidence::Footer));
        for t in
            ["记者从某某新媒体获悉，平台用户持续增长。", "数据显示，某某新媒体，全年营收增长。"]
        {
            d.body.push(Para { text: t.into(), heading: false });
        }
        let a = finish(&Lexicon::new(&crate::tables::Tables::default()).unwrap(), d);
        assert!(a.paragraphs[1].contains("某某新媒体"));
    }

    #[test]
    fn author_evidence_is_ranked() {
        let lex = Lexicon::new(&crate::tables::Tables::default()).unwrap();
        let mut d = Draft::new();
        d.offer_author(Some("钱小天".into()), by::LONE);
        d.offer_author(Some("赵大海".into()), by::CREDIT);
        d.offer_author(Some("孙明".into()), rank::HEADER);
        d.offer_author(Some("李强".into()), by::BYLINE);
        assert_eq!(d.author.as_deref(), Some("孙明"));
        // a pen name that is the source names an outlet
        let mut d = Draft::new();
        d.source = Some("pconline".into());
        d.offer_author(Some("PConline".into()), rank::HEADER);
        d.body.push(Para {
            text: "正文第一段，讲述了事情的经过和各方的看法。".into(),
            heading: false,
        });
        assert_eq!(finish(&lex, d).author, None);
        // a name alone under the headline is the byline and leaves the body
        let mut d = Draft::new();
        d.title = Some("故园的秋天".into());
        for t in ["沈清", "每到秋天，我总会想起老家院子里的那棵柿子树，树是祖父年轻时种下的。"]
        {
            d.body.push(Para { text: t.into(), heading: false });
        }
        let a = finish(&lex, d);
        assert_eq!(a.author.as_deref(), Some("沈清"));
        assert_eq!(a.paragraphs.len(), 1);
        assert!(a.removed.iter().any(|r| r.reason == Reason::Metadata && r.text == "沈清"));
    }

    #[test]
    fn leads_span_blocks() {
        assert!(leads("ab", false, ["abc"].into_iter()));
        assert!(leads("abcd", false, ["ab", "cde"].into_iter()));
        assert!(!leads("abc", false, ["abc"].into_iter()));
        assert!(leads("abc", true, ["abc"].into_iter()));
        assert!(!leads("abx", false, ["ab", "cd"].into_iter()));
    }

    #[test]
    fn title_repeats() {
        let t = key("山西省疫情防控办通知");
        assert!(repeats_title("山西省疫情防控办通知", &t));
        assert!(repeats_title("山西省疫情防控办通知_某某网", &t));
        assert!(!repeats_title("山西省疫情防控办通知，要求各地加强防控。", &t));
    }

    #[test]
    fn duplicate_lead_and_label() {
        let mut d = Draft { title: Some("标题".into()), ..Draft::new() };
        for t in [
            "文章导读",
            "1月18日，省委召开专题会议，部署疫情防控...",
            "1月18日，省委召开专题会议，部署疫情防控工作。会议指出……",
        ] {
            d.body.push(Para { text: t.into(), heading: false });
        }
        let a = finish(&Lexicon::new(&crate::tables::Tables::default()).unwrap(), d);
        assert_eq!(a.paragraphs.len(), 1);
        assert!(a.removed.iter().all(|r| r.reason == Reason::DuplicateLead));
    }
}
