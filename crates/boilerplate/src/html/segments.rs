//! The keep-or-drop decision for every segment: outside the region, furniture, metadata and
//! credits are read and the rest dropped with a reason; inside it, metadata lines, furniture,
//! phrases, sections and link lists go and the article's paragraphs stay.

use super::Layout;
use super::region::{self, Stats};
use super::walk::{Seg, Walk};
use crate::dom::{NONE, Tag};
use crate::fields::{self, MetaLine, parse_meta_line};
use crate::finish::{Draft, Para, by, rank};
use crate::lexicon::{Kind, Lexicon, Verdict};
use crate::tables::List;
use crate::{Reason, date};

/// The state of the pass over the segments.
struct Pass<'p> {
    w: &'p Walk<'p>,
    st: &'p Stats,
    lex: &'p Lexicon,
    lay: &'p Layout,
    /// The section a heading opened (`相关新闻`), until a real paragraph.
    section: Option<Reason>,
    /// Whether a table right after the article belongs to it (introduced by `如下：`).
    table_follows: bool,
    /// Segments of the region seen so far, and their total.
    region_idx: usize,
    n_region: usize,
    /// Kept segments, with whether each is a heading.
    kept: Vec<(usize, bool)>,
}

/// Decides every segment; returns the kept ones (index, heading).
pub(super) fn classify(
    w: &Walk<'_>,
    st: &Stats,
    lex: &Lexicon,
    lay: &Layout,
    d: &mut Draft,
) -> Vec<(usize, bool)> {
    let n_region = lay.in_region.iter().filter(|&&x| x).count();
    let mut p = Pass {
        w,
        st,
        lex,
        lay,
        section: None,
        table_follows: false,
        region_idx: 0,
        n_region,
        kept: Vec::new(),
    };
    for i in 0..w.segs.len() {
        let Some(s) = w.segs.get(i).copied() else { continue };
        if lay.in_region(i) {
            p.inside(i, &s, d);
        } else {
            p.outside(i, &s, d);
        }
    }
    p.kept
}

impl Pass<'_> {
    /// A segment outside the region: a table the article introduces, metadata, footer
    /// evidence (site, URL, owner), credits right after the article, else dropped.
    fn outside(&mut self, i: usize, s: &Seg, d: &mut Draft) {
        let (w, lex, lay) = (self.w, self.lex, self.lay);
        let text = w.seg_text(s);
        if self.annex_table_row(i, s) {
            self.kept.push((i, false));
            return;
        }
        if lay.consumed(i) {
            d.remove(text, Reason::Metadata);
            return;
        }
        if Some(i) == lay.title_seg {
            return;
        }
        // link lists far from the article need no phrase lookup: their reason is their links
        let far = i + 10 < lay.first || i > lay.last + 10;
        let v = if far && s.link_chars * 2 > s.counts.chars { None } else { lex.classify(text) };
        if matches!(
            v.map(|v| v.reason),
            Some(Reason::Copyright | Reason::Disclaimer | Reason::Icp | Reason::Contact)
        ) || lex.list(List::CopyrightWord).iter().any(|w| text.contains(w.as_str()))
        {
            fields::site_names(lex, text, &mut d.sites);
            if d.url.is_none() {
                d.url = fields::footer_url(lex, text);
            }
            d.offer_author(fields::footer_author(lex, text), by::OWNER);
        }
        // a sidebar or header naming the page's author or the blog's owner
        // (作者[张三]的评论, 博主：张三; 张三的博客 as a heading above the article)
        if s.counts.chars <= 60 {
            d.offer_author(fields::footer_author(lex, text), by::OWNER);
            d.offer_author(
                fields::blog_owner(lex, text, s.heading > 0 && i < lay.first),
                by::OWNER,
            );
        }
        // credits and the blog-style "posted at" line right after the article (a post's own
        // footer may carry a navigation-like class: "post-foot")
        let inherited = w.inherited.get(s.block as usize).copied().flatten();
        if i > lay.last
            && i <= lay.last + 8
            && s.counts.chars <= 100
            && s.link_chars * 2 <= s.counts.chars
            && (inherited.is_none() || (inherited == Some(Reason::Navigation) && i <= lay.last + 2))
            && let Some(m) = parse_meta_line(lex, text)
        {
            if self.listed(i, &m) {
                d.remove(text, Reason::RelatedLinks);
            } else {
                d.absorb(m, rank::AFTER);
                d.remove(text, Reason::Metadata);
            }
            return;
        }
        d.remove(text, outside_reason(w, s, v, i < lay.first));
    }

    /// Whether a segment after the article is a row of a table the article's last paragraph
    /// introduces (`……如下：`, `附：`), even when the table sits outside the container.
    fn annex_table_row(&mut self, i: usize, s: &Seg) -> bool {
        let (w, lay) = (self.w, self.lay);
        if i <= lay.last {
            return false;
        }
        if i == lay.last + 1 {
            self.table_follows =
                self.kept.last().and_then(|&(k, _)| w.segs.get(k)).is_some_and(|k| {
                    let t = w.seg_text(k).trim();
                    t.ends_with(['：', ':'])
                        || self
                            .lex
                            .list(List::AnnexOpening)
                            .iter()
                            .any(|p| t.starts_with(p.as_str()))
                });
        }
        if !self.table_follows {
            return false;
        }
        if in_table(w, s.block)
            && s.link_chars * 3 < s.counts.chars.max(1)
            && w.inherited.get(s.block as usize).copied().flatten().is_none()
            && self.lex.classify(w.seg_text(s)).is_none()
        {
            return true;
        }
        self.table_follows = false;
        false
    }

    /// A segment inside the region: metadata lines, furniture, phrases, the site's tag line,
    /// a section's items and link lists go; the rest is the article.
    fn inside(&mut self, i: usize, s: &Seg, d: &mut Draft) {
        let (w, lex, lay) = (self.w, self.lex, self.lay);
        let text = w.seg_text(s);
        self.region_idx += 1;
        if lay.consumed(i) || Some(i) == lay.title_seg {
            if Some(i) != lay.title_seg {
                d.remove(text, Reason::Metadata);
            }
            return;
        }
        let region_idx = self.region_idx;
        let top = region_idx <= 4;
        let near_edge = top || region_idx + 6 > self.n_region;
        let furn = region::furniture(w, self.st, s, lay.root, lay.root_chars);
        // metadata lines first: they often sit in "info" or "foot" blocks; a document's
        // closing date (落款) stays
        if (near_edge || s.counts.chars <= 40 || furn.is_some())
            && s.counts.chars <= 120
            && !(region_idx > 4 && date::is_signature_date(text))
            && let Some(m) = parse_meta_line(lex, text)
        {
            if self.listed(i, &m) {
                d.remove(text, self.section.unwrap_or(Reason::RelatedLinks));
            } else {
                d.absorb(m, if top { rank::TOP } else { rank::AFTER });
                d.remove(text, Reason::Metadata);
            }
            return;
        }
        if let Some(r) = furn {
            d.remove(text, r);
            return;
        }
        // a document's closing date (落款) dates it when nothing better does
        if region_idx > 4
            && date::is_signature_date(text)
            && let Some(dt) = date::first_date(text)
        {
            d.offer_date(dt, rank::BARE);
        }
        if let Some(v) = lex.classify(text) {
            self.phrase(text, v, d);
            return;
        }
        if lex.is_site_tag(text) {
            d.remove(text, Reason::Boilerplate);
            return;
        }
        let strong = s.counts.units() >= 40.0
            && s.counts.punct >= 2
            && s.link_density() < 0.2
            && !lex.is_truncated(text);
        if let Some(r) = self.section {
            if !strong {
                d.remove(text, r);
                return;
            }
            self.section = None;
        }
        if s.link_chars * 2 > s.counts.chars && !(s.counts.punct >= 3 && s.counts.units() >= 40.0) {
            d.remove(text, Reason::RelatedLinks);
            return;
        }
        self.kept.push((i, s.heading > 0));
    }

    /// Whether a metadata line without a label is an item of a list (in a related section,
    /// or next to another dated item): its date is the item's, not the page's.
    fn listed(&self, i: usize, m: &MetaLine) -> bool {
        m.labels == 0
            && (self.section.is_some()
                || [i.wrapping_sub(1), i + 1].into_iter().any(|j| {
                    self.w
                        .segs
                        .get(j)
                        .is_some_and(|s| fields::dated_item(self.lex, self.w.seg_text(s)))
                }))
    }

    /// A region segment a phrase marks: dropped with its reason; a section heading opens a
    /// section, a copyright or disclaimer line names the site.
    fn phrase(&mut self, text: &str, v: Verdict, d: &mut Draft) {
        if v.kind == Kind::Section {
            self.section = Some(v.reason);
        }
        if matches!(v.reason, Reason::Copyright | Reason::Disclaimer) {
            fields::site_names(self.lex, text, &mut d.sites);
            if d.url.is_none() {
                d.url = fields::footer_url(self.lex, text);
            }
        }
        d.remove(text, v.reason);
    }
}

/// The kept segments as paragraphs; a table row of short cells reads as one line.
pub(super) fn join_rows(w: &Walk<'_>, kept: &[(usize, bool)], d: &mut Draft) {
    let mut k = 0;
    while k < kept.len() {
        let Some(&(i, heading)) = kept.get(k) else { break };
        let Some(s) = w.segs.get(i) else { break };
        let row = if w.dom.tag(s.block) == Tag::Cell { w.dom.parent(s.block) } else { NONE };
        let mut text = w.seg_text(s).to_owned();
        k += 1;
        if row != NONE && w.dom.tag(row) == Tag::Row && s.counts.chars <= 30 {
            while let Some(&(j, _)) = kept.get(k) {
                let Some(t) = w.segs.get(j) else { break };
                if w.dom.tag(t.block) == Tag::Cell
                    && w.dom.parent(t.block) == row
                    && t.counts.chars <= 30
                    && t.block != s.block
                {
                    text.push(' ');
                    text.push_str(w.seg_text(t));
                    k += 1;
                } else {
                    break;
                }
            }
        }
        d.body.push(Para { text, heading });
    }
}

/// Whether a block sits in a table (a cell, or within three levels of one).
fn in_table(w: &Walk<'_>, block: u32) -> bool {
    let mut n = block;
    for _ in 0..4 {
        if matches!(w.dom.tag(n), Tag::Cell | Tag::Row | Tag::Table) {
            return true;
        }
        n = w.dom.parent(n);
        if n == NONE {
            break;
        }
    }
    false
}

/// A segment's verdict when it lies outside the article.
fn outside_reason(w: &Walk<'_>, s: &Seg, verdict: Option<Verdict>, before: bool) -> Reason {
    if let Some(v) = verdict {
        return v.reason;
    }
    if let Some(r) = w.inherited.get(s.block as usize).copied().flatten() {
        return r;
    }
    if s.link_chars * 2 > s.counts.chars {
        return if before { Reason::Navigation } else { Reason::RelatedLinks };
    }
    Reason::Boilerplate
}
