//! The region choice: Readability-style scores with Chinese counts pick the article's
//! container and its sibling parts; [`furniture`] says which elements inside it are page
//! furniture.

use html5ever::local_name;

use super::walk::{Seg, Walk};
use crate::Reason;
use crate::dom::{Data, NONE, Tag};
use crate::text::{Counts, ends_sentence, float};

/// Per-element totals and scores.
pub(super) struct Stats {
    pub(super) counts: Vec<Counts>,
    link: Vec<u32>,
    score: Vec<f32>,
}

impl Stats {
    pub(super) fn link_density(&self, i: u32) -> f32 {
        let c = self.counts.get(i as usize).map_or(0, |c| c.chars);
        float(self.link.get(i as usize).copied().unwrap_or(0)) / float(c.max(1))
    }
    fn units(&self, i: u32) -> f32 {
        self.counts.get(i as usize).map_or(0.0, |c| c.units())
    }
}

fn tag_bonus(t: Tag) -> f32 {
    match t {
        Tag::Block => 5.0,
        Tag::Pre | Tag::Cell => 3.0,
        Tag::List | Tag::Li | Tag::Form => -3.0,
        Tag::Heading(_) => -5.0,
        _ => 0.0,
    }
}

/// Totals every element's text and link counts and scores the blocks of sentence-like
/// segments and their ancestors.
pub(super) fn compute_stats(w: &Walk<'_>) -> Stats {
    let n = w.dom.nodes.len();
    let mut counts = vec![Counts::default(); n];
    let mut link = vec![0u32; n];
    let mut score = vec![0f32; n];
    for s in &w.segs {
        if let Some(c) = counts.get_mut(s.block as usize) {
            c.merge(s.counts);
        }
        if let Some(l) = link.get_mut(s.block as usize) {
            *l += s.link_chars;
        }
    }
    for &e in w.order.iter().rev() {
        let p = w.dom.parent(e);
        if p == NONE {
            continue;
        }
        let (c, l) = (
            counts.get(e as usize).copied().unwrap_or_default(),
            link.get(e as usize).copied().unwrap_or(0),
        );
        if let Some(pc) = counts.get_mut(p as usize) {
            pc.merge(c);
        }
        if let Some(pl) = link.get_mut(p as usize) {
            *pl += l;
        }
    }
    for s in &w.segs {
        if s.heading > 0 || s.link_chars * 2 > s.counts.chars {
            continue;
        }
        let units = s.counts.units();
        if units < 10.0 {
            continue;
        }
        let text = w.seg_text(s);
        if w.lex.is_truncated(text) && units < 120.0 {
            continue;
        }
        let sc = 1.0 + float(s.counts.punct.min(40)) + (units / 40.0).min(3.0);
        let mut node = match w.dom.tag(s.block) {
            Tag::P | Tag::Li | Tag::Heading(_) => w.dom.parent(s.block),
            _ => s.block,
        };
        for level in 0..5u8 {
            if node == NONE || node == 0 {
                break;
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => f32::from(l) * 3.0,
            };
            if let Some(x) = score.get_mut(node as usize) {
                *x += sc / div;
            }
            node = w.dom.parent(node);
        }
    }
    Stats { counts, link, score }
}

fn final_score(w: &Walk<'_>, st: &Stats, i: u32) -> f32 {
    let base = st.score.get(i as usize).copied().unwrap_or(0.0);
    if base <= 0.0 {
        return 0.0;
    }
    let hint = f32::from(w.hints.get(i as usize).map_or(0, |h| h.weight));
    let factor = (1.0 + hint / 100.0).clamp(0.4, 1.6);
    (base + tag_bonus(w.dom.tag(i))).max(0.0) * factor * (1.0 - st.link_density(i))
}

/// Whether a node is an element below `<body>`.
fn is_inner(w: &Walk<'_>, i: u32) -> bool {
    i != NONE && i != 0 && w.dom.element(i).is_some_and(|e| !matches!(e.local(), "body" | "html"))
}

/// Picks the article's container and the sibling elements that belong with it: the best
/// scoring element, refined by [`first_peer`], [`common_ancestor`], [`climb`] and
/// [`only_child_parent`], then joined by its siblings ([`siblings`]).
pub(super) fn choose_region(w: &Walk<'_>, st: &Stats) -> Vec<u32> {
    let mut cands: Vec<(f32, u32)> = w
        .order
        .iter()
        .filter(|&&i| st.score.get(i as usize).is_some_and(|&s| s > 0.0))
        .map(|&i| (final_score(w, st, i), i))
        .collect();
    cands.sort_by(|a, b| b.0.total_cmp(&a.0));
    let Some(&(top_score, top)) = cands.first() else { return Vec::new() };
    let peer = first_peer(w, &cands, top, top_score);
    let mut top = peer.unwrap_or(top);
    if peer.is_none() {
        top = common_ancestor(w, &cands, top, top_score);
    }
    top = climb(w, st, top);
    top = only_child_parent(w, st, top);
    siblings(w, st, top, top_score)
}

/// A page of several full posts (a blog archive): elements like the best one, with the
/// same tag and class but in other branches, each scoring well. The first is the page's
/// own post.
fn first_peer(w: &Walk<'_>, cands: &[(f32, u32)], top: u32, top_score: f32) -> Option<u32> {
    let peer_of = |i: u32| -> Option<(&str, &str)> {
        let e = w.dom.element(i)?;
        Some((e.local(), e.attr(&local_name!("class")).filter(|c| !c.trim().is_empty())?))
    };
    let sig = peer_of(top)?;
    let top_parent = w.dom.parent(top);
    let peers: Vec<u32> = cands
        .iter()
        .filter(|c| c.1 != top && c.0 >= 0.2 * top_score)
        .filter(|c| w.dom.parent(c.1) != top_parent && peer_of(c.1) == Some(sig))
        .filter(|c| !w.contains(c.1, top) && !w.contains(top, c.1))
        .map(|c| c.1)
        .collect();
    if peers.len() < 2 {
        return None;
    }
    let &first =
        peers.iter().min_by_key(|&&p| w.pre.get(p as usize).copied().unwrap_or(u32::MAX))?;
    (w.pre.get(first as usize) < w.pre.get(top as usize)).then_some(first)
}

/// Several near-equal candidates under one ancestor: the ancestor is the article.
fn common_ancestor(w: &Walk<'_>, cands: &[(f32, u32)], top: u32, top_score: f32) -> u32 {
    let alts: Vec<u32> =
        cands.iter().skip(1).take(5).filter(|c| c.0 >= 0.75 * top_score).map(|c| c.1).collect();
    if alts.len() >= 3 {
        let mut a = w.dom.parent(top);
        while is_inner(w, a) {
            if alts.iter().filter(|&&x| w.contains(a, x)).count() >= 3 {
                return a;
            }
            a = w.dom.parent(a);
        }
    }
    top
}

/// Climbs while the parent scores higher.
fn climb(w: &Walk<'_>, st: &Stats, top: u32) -> u32 {
    let mut last = st.score.get(top as usize).copied().unwrap_or(0.0);
    let threshold = last / 3.0;
    let mut p = w.dom.parent(top);
    while is_inner(w, p) {
        let ps = st.score.get(p as usize).copied().unwrap_or(0.0);
        if ps <= 0.0 {
            p = w.dom.parent(p);
            continue;
        }
        if ps < threshold {
            break;
        }
        if ps > last {
            return p;
        }
        last = ps;
        p = w.dom.parent(p);
    }
    top
}

/// An only child (the only child with text) stands for its parent.
fn only_child_parent(w: &Walk<'_>, st: &Stats, mut top: u32) -> u32 {
    loop {
        let p = w.dom.parent(top);
        if !is_inner(w, p) {
            return top;
        }
        let mut with_text = 0;
        let mut c = w.dom.get(p).map_or(NONE, |n| n.first_child);
        while c != NONE {
            let Some(n) = w.dom.get(c) else { break };
            let has = match &n.data {
                Data::Element(_) => st.counts.get(c as usize).is_some_and(|x| x.chars > 0),
                Data::Text(t) => !t.trim().is_empty(),
                _ => false,
            };
            if has {
                with_text += 1;
            }
            c = n.next;
        }
        if with_text != 1 {
            return top;
        }
        top = p;
    }
}

/// The container and the siblings that join it the way Readability's do: scoring a fifth
/// of it (more with its class), or a paragraph of text with few links.
fn siblings(w: &Walk<'_>, st: &Stats, top: u32, top_score: f32) -> Vec<u32> {
    let top_final = final_score(w, st, top).max(top_score);
    let parent = w.dom.parent(top);
    if parent == NONE {
        return vec![top];
    }
    let threshold = (top_final * 0.2).max(10.0);
    let top_class = w.dom.element(top).and_then(|e| e.attr(&local_name!("class"))).unwrap_or("");
    let mut out = Vec::new();
    let mut c = w.dom.get(parent).map_or(NONE, |n| n.first_child);
    while c != NONE {
        let Some(n) = w.dom.get(c) else { break };
        if c == top {
            out.push(c);
        } else if let Some(e) = n.element()
            && st.counts.get(c as usize).is_some_and(|x| x.chars > 0)
            && !w
                .inherited
                .get(c as usize)
                .copied()
                .flatten()
                .is_some_and(|r| r != Reason::Navigation)
        {
            let bonus = if !top_class.is_empty() && e.attr(&local_name!("class")) == Some(top_class)
            {
                top_final * 0.2
            } else {
                0.0
            };
            if final_score(w, st, c) + bonus >= threshold || sibling_text(w, st, c, e.tag) {
                out.push(c);
            }
        }
        c = n.next;
    }
    out
}

/// Whether a sibling of the container is a paragraph of article text: a `<p>` or a block
/// of one segment, long with few links, or a sentence without any.
fn sibling_text(w: &Walk<'_>, st: &Stats, c: u32, tag: Tag) -> bool {
    let units = st.units(c);
    let ld = st.link_density(c);
    let r = w.seg_range(c);
    let own = r.len() == 1;
    let last_text = w.segs.get(r.end.saturating_sub(1)).map_or("", |s| w.seg_text(s));
    (matches!(tag, Tag::P) || own)
        && ((units >= 27.0 && ld < 0.25)
            || (units > 0.0
                && ld == 0.0
                && ends_sentence(last_text)
                && st.counts.get(c as usize).is_some_and(|x| x.punct >= 1)))
}

/// The furniture reason of the nearest element between a segment's block and the region
/// root that is not article text, if any.
pub(super) fn furniture(
    w: &Walk<'_>,
    st: &Stats,
    seg: &Seg,
    root: u32,
    root_chars: u32,
) -> Option<Reason> {
    let mut n = seg.block;
    let mut guard = 0;
    while n != NONE && n != root && guard < 64 {
        guard += 1;
        if let Some(h) = w.hints.get(n as usize)
            && h.weight <= -25
            && let Some(r) = h.reason
            && r != Reason::Metadata
        {
            let c = st.counts.get(n as usize).copied().unwrap_or_default();
            // A misleading class on the article's own wrapper does not count: dropping the
            // element must leave an article behind.
            let rest = root_chars.saturating_sub(c.chars);
            let holds_article = rest < 200.max(root_chars / 20);
            let articleish = c.punct >= 6 && st.link_density(n) < 0.3 && c.units() >= 150.0;
            let strong = matches!(
                r,
                Reason::Comments
                    | Reason::RelatedLinks
                    | Reason::HotList
                    | Reason::Share
                    | Reason::Copyright
                    | Reason::Advertisement
                    | Reason::Pagination
            );
            if !holds_article && (strong || !articleish) {
                return Some(r);
            }
        }
        if w.dom.tag(n) == Tag::Furniture
            && w.dom.element(n).is_some_and(|e| matches!(e.local(), "nav" | "footer" | "aside"))
        {
            return Some(Reason::Navigation);
        }
        n = w.dom.parent(n);
    }
    None
}
