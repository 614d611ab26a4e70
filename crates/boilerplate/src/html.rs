//! HTML pages: one parse, one walk that cuts the page into text segments and records
//! per-node statistics, a Readability-style choice of the article's container, then a
//! keep-or-drop decision for every segment.

use html5ever::local_name;

use crate::date;
use crate::dom::{Data, Dom, NONE, Tag};
use crate::fields::{self, SiteEvidence, parse_meta_line};
use crate::finish::{Draft, Para, by, finish, rank};
use crate::lexicon::{Kind, Lexicon, Verdict};
use crate::names::Evidence;
use crate::text::{Counts, ends_sentence, float, is_truncated, key, push_collapsed};
use crate::{Article, PageHints, Reason};

/// A run of text between two block boundaries.
#[derive(Debug, Clone, Copy)]
struct Seg {
    /// Byte range in the walk's text buffer.
    start: u32,
    end: u32,
    /// The nearest enclosing block element.
    block: u32,
    /// Pre-order position of the segment (see [`Walk::pre`]).
    pos: u32,
    counts: Counts,
    /// Characters inside links.
    link_chars: u32,
    /// Heading level, 0 outside headings.
    heading: u8,
}

impl Seg {
    fn link_density(&self) -> f32 {
        float(self.link_chars) / float(self.counts.chars.max(1))
    }
}

/// Element hint from class and id: weight and furniture reason.
#[derive(Debug, Clone, Copy, Default)]
struct Hint {
    weight: i16,
    reason: Option<Reason>,
    title: bool,
}

#[derive(Debug, Default)]
struct Head {
    title: Option<String>,
    metas: Vec<(String, String)>,
    jsonld: Vec<String>,
    canonical: Option<String>,
    /// `<time datetime>` values with the position where they appear.
    times: Vec<(u32, String)>,
}

struct Walk<'a> {
    dom: &'a Dom,
    lex: &'a Lexicon,
    buf: String,
    segs: Vec<Seg>,
    /// Pre-order number of each element, and the largest number inside its subtree.
    pre: Vec<u32>,
    last: Vec<u32>,
    /// Elements in pre-order.
    order: Vec<u32>,
    hints: Vec<Hint>,
    /// The furniture reason an element inherits from itself or its ancestors.
    inherited: Vec<Option<Reason>>,
    head: Head,
    counter: u32,
    // the segment being built
    cur_start: usize,
    cur_pos: u32,
    cur: Counts,
    cur_link: u32,
    space: bool,
    blocks: Vec<u32>,
    link_depth: u32,
    /// Whether a link's address names a blog.
    blog_links: bool,
}

fn is_hidden(e: &crate::dom::Element) -> bool {
    if e.attr(&local_name!("hidden")).is_some() {
        return true;
    }
    if let Some(style) = e.attr(&local_name!("style")) {
        let s: String =
            style.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_lowercase()).collect();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    matches!(e.attr(&local_name!("type")), Some(t) if t.eq_ignore_ascii_case("hidden"))
}

impl<'a> Walk<'a> {
    fn new(dom: &'a Dom, lex: &'a Lexicon) -> Walk<'a> {
        let n = dom.nodes.len();
        Walk {
            dom,
            lex,
            buf: String::with_capacity(n * 8),
            segs: Vec::with_capacity(n / 4),
            pre: vec![0; n],
            last: vec![0; n],
            order: Vec::with_capacity(n / 2),
            hints: vec![Hint::default(); n],
            inherited: vec![None; n],
            head: Head::default(),
            counter: 0,
            cur_start: 0,
            cur_pos: 0,
            cur: Counts::default(),
            cur_link: 0,
            space: false,
            blocks: vec![0],
            link_depth: 0,
            blog_links: false,
        }
    }

    fn flush(&mut self) {
        if self.buf.ends_with(' ') {
            self.buf.pop();
        }
        if self.cur.chars == 0 {
            self.buf.truncate(self.cur_start);
        } else {
            let block = self.blocks.last().copied().unwrap_or(0);
            // A heading counts only when it is the segment's own block: pages that leave an
            // <h1> open around the article do not make the article a heading.
            let heading = match self.dom.tag(block) {
                Tag::Heading(l) => l,
                _ => 0,
            };
            self.segs.push(Seg {
                start: u32::try_from(self.cur_start).unwrap_or(u32::MAX),
                end: u32::try_from(self.buf.len()).unwrap_or(u32::MAX),
                block,
                pos: self.cur_pos,
                counts: self.cur,
                link_chars: self.cur_link,
                heading,
            });
        }
        self.cur_start = self.buf.len();
        self.cur = Counts::default();
        self.cur_link = 0;
        self.space = false;
    }

    fn text(&mut self, t: &str) {
        let before = self.cur.chars;
        if before == 0 && self.buf.len() == self.cur_start {
            self.cur_pos = self.counter.saturating_sub(1);
        }
        let mut c = Counts::default();
        push_collapsed(&mut self.buf, t, &mut self.space, &mut c);
        if self.cur.chars == 0 && c.chars > 0 {
            // the segment starts here
            self.cur_pos = self.counter.saturating_sub(1);
        }
        self.cur.merge(c);
        if self.link_depth > 0 {
            self.cur_link += c.chars;
        }
    }

    /// Reads the text of a node's children without adding it to the page text.
    fn inner_text(&self, i: u32) -> String {
        let mut s = String::new();
        let mut c = self.dom.get(i).map_or(NONE, |n| n.first_child);
        while c != NONE {
            if let Some(n) = self.dom.get(c) {
                if let Data::Text(t) = &n.data {
                    s.push_str(t);
                }
                c = n.next;
            } else {
                break;
            }
        }
        s
    }

    /// Handles entering an element; returns whether to descend into it.
    fn enter(&mut self, i: u32) -> bool {
        let Some(e) = self.dom.element(i) else { return true };
        let idx = i as usize;
        if let Some(p) = self.pre.get_mut(idx) {
            *p = self.counter;
        }
        self.counter += 1;
        self.order.push(i);
        let parent_inh = self.inherited.get(self.dom.parent(i) as usize).copied().flatten();
        let mut inh = parent_inh;
        let class = e.attr(&local_name!("class"));
        let id = e.attr(&local_name!("id"));
        if class.is_some() || id.is_some() {
            let mut s = String::with_capacity(32);
            if let Some(c) = class {
                s.push_str(c);
            }
            s.push(' ');
            if let Some(x) = id {
                s.push_str(x);
            }
            s.make_ascii_lowercase();
            let (w, reason) = self.lex.hint(&s);
            let title = s.contains("title") || s.contains("headline") || s.contains("biaoti");
            if let Some(h) = self.hints.get_mut(idx) {
                *h = Hint { weight: i16::try_from(w).unwrap_or(0), reason, title };
            }
            if w <= -25 && reason.is_some_and(|r| r != Reason::Metadata) {
                inh = reason;
            }
        }
        if e.tag == Tag::Furniture && inh.is_none() {
            inh = Some(Reason::Navigation);
        }
        if let Some(x) = self.inherited.get_mut(idx) {
            *x = inh;
        }
        match e.tag {
            Tag::Skip | Tag::Form => return false,
            Tag::Script => {
                if e.attr(&local_name!("type"))
                    .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
                {
                    let t = self.inner_text(i);
                    self.head.jsonld.push(t);
                }
                return false;
            }
            Tag::Title => {
                if self.head.title.is_none() {
                    let t = self.inner_text(i);
                    let mut s = String::new();
                    let mut sp = false;
                    push_collapsed(&mut s, &t, &mut sp, &mut Counts::default());
                    self.head.title = Some(s);
                }
                return false;
            }
            Tag::Meta => {
                let k = e
                    .attr(&local_name!("property"))
                    .or_else(|| e.attr(&local_name!("name")))
                    .or_else(|| e.attr(&local_name!("itemprop")))
                    .or_else(|| e.attr(&local_name!("http-equiv")));
                if let (Some(k), Some(v)) = (k, e.attr(&local_name!("content"))) {
                    self.head.metas.push((k.to_ascii_lowercase(), v.trim().to_owned()));
                }
                return false;
            }
            Tag::Link => {
                if e.attr(&local_name!("rel")).is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
                    && let Some(h) = e.attr(&local_name!("href"))
                {
                    self.head.canonical.get_or_insert_with(|| h.trim().to_owned());
                }
                return false;
            }
            _ => {}
        }
        if is_hidden(e) {
            return false;
        }
        match e.tag {
            Tag::Break => {
                self.flush();
                return false;
            }
            // an anchor without href (a named target, often left open and re-opened by the
            // parser around whole posts) is not a link
            Tag::A if e.attr(&local_name!("href")).is_some() => {
                self.link_depth += 1;
                if !self.blog_links {
                    self.blog_links = e.attr(&local_name!("href")).is_some_and(|h| {
                        h.as_bytes().windows(4).any(|w| w.eq_ignore_ascii_case(b"blog"))
                    });
                }
            }
            Tag::Heading(_) => {
                self.flush();
                self.blocks.push(i);
            }
            Tag::Time => {
                if let Some(d) = e.attr(&local_name!("datetime")) {
                    self.head.times.push((self.counter - 1, d.to_owned()));
                }
            }
            t if t.is_block() => {
                self.flush();
                self.blocks.push(i);
            }
            _ => {}
        }
        true
    }

    fn exit(&mut self, i: u32) {
        let Some(e) = self.dom.element(i) else { return };
        if let Some(l) = self.last.get_mut(i as usize) {
            *l = self.counter.saturating_sub(1);
        }
        match e.tag {
            Tag::A if e.attr(&local_name!("href")).is_some() => {
                self.link_depth = self.link_depth.saturating_sub(1);
            }
            Tag::Heading(_) => {
                self.flush();
                self.blocks.pop();
            }
            t if t.is_block()
                && !matches!(
                    t,
                    Tag::Skip | Tag::Script | Tag::Title | Tag::Meta | Tag::Link | Tag::Break
                ) =>
            {
                self.flush();
                self.blocks.pop();
            }
            _ => {}
        }
    }

    /// Walks the document in order without recursion.
    fn run(&mut self) {
        let dom = self.dom;
        let mut cur = dom.get(0).map_or(NONE, |n| n.first_child);
        while cur != NONE {
            let Some(node) = dom.get(cur) else { break };
            let descend = match &node.data {
                Data::Element(_) => self.enter(cur),
                Data::Text(t) => {
                    self.text(t);
                    false
                }
                _ => false,
            };
            let is_elem = matches!(node.data, Data::Element(_));
            if descend && node.first_child != NONE {
                cur = node.first_child;
                continue;
            }
            if is_elem {
                if descend {
                    self.exit(cur);
                } else if let Some(l) = self.last.get_mut(cur as usize) {
                    *l = self.counter.saturating_sub(1);
                }
            }
            // climb until a node has a next sibling
            let mut n = cur;
            loop {
                let Some(x) = dom.get(n) else {
                    cur = NONE;
                    break;
                };
                if x.next != NONE {
                    cur = x.next;
                    break;
                }
                let p = x.parent;
                if p == NONE || p == 0 {
                    cur = NONE;
                    break;
                }
                self.exit(p);
                n = p;
            }
        }
        self.flush();
    }

    fn seg_text(&self, s: &Seg) -> &str {
        self.buf.get(s.start as usize..s.end as usize).unwrap_or("")
    }

    /// The segments inside an element's subtree, as an index range.
    fn seg_range(&self, i: u32) -> std::ops::Range<usize> {
        let (lo, hi) = (
            self.pre.get(i as usize).copied().unwrap_or(0),
            self.last.get(i as usize).copied().unwrap_or(0),
        );
        let a = self.segs.partition_point(|s| s.pos < lo);
        let b = self.segs.partition_point(|s| s.pos <= hi);
        a..b.max(a)
    }

    fn contains(&self, anc: u32, node: u32) -> bool {
        let (lo, hi) = (
            self.pre.get(anc as usize).copied().unwrap_or(0),
            self.last.get(anc as usize).copied().unwrap_or(0),
        );
        let p = self.pre.get(node as usize).copied().unwrap_or(u32::MAX);
        (lo..=hi).contains(&p)
    }
}

/// Per-element totals and scores.
struct Stats {
    counts: Vec<Counts>,
    link: Vec<u32>,
    score: Vec<f32>,
}

impl Stats {
    fn link_density(&self, i: u32) -> f32 {
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

fn compute_stats(w: &Walk<'_>) -> Stats {
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
        if is_truncated(text) && units < 120.0 {
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

/// Picks the article's container and the sibling elements that belong with it.
fn choose_region(w: &Walk<'_>, st: &Stats) -> Vec<u32> {
    let mut cands: Vec<(f32, u32)> = w
        .order
        .iter()
        .filter(|&&i| st.score.get(i as usize).is_some_and(|&s| s > 0.0))
        .map(|&i| (final_score(w, st, i), i))
        .collect();
    cands.sort_by(|a, b| b.0.total_cmp(&a.0));
    let Some(&(top_score, mut top)) = cands.first() else { return Vec::new() };
    // A page of several full posts (a blog archive): elements like the best one, with the
    // same tag and class but in other branches, each scoring well. The first is the page's
    // own post.
    let peer_of = |i: u32| -> Option<(&str, &str)> {
        let e = w.dom.element(i)?;
        Some((e.local(), e.attr(&local_name!("class")).filter(|c| !c.trim().is_empty())?))
    };
    let mut peers_fired = false;
    if let Some(sig) = peer_of(top) {
        let top_parent = w.dom.parent(top);
        let peers: Vec<u32> = cands
            .iter()
            .filter(|c| c.1 != top && c.0 >= 0.2 * top_score)
            .filter(|c| w.dom.parent(c.1) != top_parent && peer_of(c.1) == Some(sig))
            .filter(|c| !w.contains(c.1, top) && !w.contains(top, c.1))
            .map(|c| c.1)
            .collect();
        if peers.len() >= 2
            && let Some(&first) =
                peers.iter().min_by_key(|&&p| w.pre.get(p as usize).copied().unwrap_or(u32::MAX))
            && w.pre.get(first as usize) < w.pre.get(top as usize)
        {
            top = first;
            peers_fired = true;
        }
    }
    // Several near-equal candidates under one ancestor: the ancestor is the article.
    let alts: Vec<u32> =
        cands.iter().skip(1).take(5).filter(|c| c.0 >= 0.75 * top_score).map(|c| c.1).collect();
    if alts.len() >= 3 && !peers_fired {
        let mut a = w.dom.parent(top);
        while is_inner(w, a) {
            if alts.iter().filter(|&&x| w.contains(a, x)).count() >= 3 {
                top = a;
                break;
            }
            a = w.dom.parent(a);
        }
    }
    // Climb while the parent scores higher.
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
            top = p;
            break;
        }
        last = ps;
        p = w.dom.parent(p);
    }
    // An only child stands for its parent.
    loop {
        let p = w.dom.parent(top);
        if !is_inner(w, p) {
            break;
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
        if with_text == 1 {
            top = p;
        } else {
            break;
        }
    }
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
            let units = st.units(c);
            let ld = st.link_density(c);
            let r = w.seg_range(c);
            let own = r.len() == 1;
            let last_text = w.segs.get(r.end.saturating_sub(1)).map_or("", |s| w.seg_text(s));
            if final_score(w, st, c) + bonus >= threshold
                || (matches!(e.tag, Tag::P) || own)
                    && ((units >= 27.0 && ld < 0.25)
                        || (units > 0.0
                            && ld == 0.0
                            && ends_sentence(last_text)
                            && st.counts.get(c as usize).is_some_and(|x| x.punct >= 1)))
            {
                out.push(c);
            }
        }
        c = n.next;
    }
    out
}

/// The furniture reason of the nearest element between a segment's block and the region
/// root that is not article text, if any.
fn furniture(w: &Walk<'_>, st: &Stats, seg: &Seg, root: u32, root_chars: u32) -> Option<Reason> {
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

/// Whether a page that opens `<html>` or `<body>` (in its first 4 KB) never closes either:
/// a download cut short.
fn ends_early(page: &str) -> bool {
    let b = page.as_bytes();
    // searched from the end, where end tags stand: a whole page is rarely walked
    let has = |hay: &[u8], tag: &[u8]| {
        memchr::memrchr_iter(b'<', hay)
            .any(|i| hay.get(i + 1..i + 1 + tag.len()).is_some_and(|t| t.eq_ignore_ascii_case(tag)))
    };
    let head = b.get(..b.len().min(4096)).unwrap_or(b);
    (has(head, b"html") || has(head, b"body")) && !has(b, b"/html") && !has(b, b"/body")
}

/// Splits a `<title>` at the separators sites put between headline, channel and site name.
fn title_parts(t: &str) -> Vec<&str> {
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
        && fields::site_like(tail)
    {
        return vec![head.trim(), tail];
    }
    parts
}

fn meta<'h>(head: &'h Head, keys: &[&str]) -> Option<&'h str> {
    keys.iter().find_map(|k| {
        head.metas.iter().find(|(mk, v)| mk == k && !v.is_empty()).map(|(_, v)| v.as_str())
    })
}

#[derive(Debug, Default)]
struct LdInfo {
    headline: Option<String>,
    published: Option<String>,
    author: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
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

fn ld_visit(v: &serde_json::Value, out: &mut LdInfo, depth: u32) {
    if depth > 6 {
        return;
    }
    match v {
        serde_json::Value::Array(a) => a.iter().for_each(|x| ld_visit(x, out, depth + 1)),
        serde_json::Value::Object(o) => {
            if let Some(g) = o.get("@graph") {
                ld_visit(g, out, depth + 1);
            }
            let ty = o.get("@type").map(ToString::to_string).unwrap_or_default();
            let articleish = ["Article", "Posting", "Report", "NewsArticle", "WebPage"]
                .iter()
                .any(|k| ty.contains(k));
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

fn ld_info(head: &Head) -> LdInfo {
    let mut out = LdInfo::default();
    for t in &head.jsonld {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(t.trim()) {
            ld_visit(&v, &mut out, 0);
        }
    }
    out
}

/// Finds the headline segment: a heading or title-classed block near the article whose text
/// the `<title>` contains (or that contains the title's main part).
fn find_title(
    w: &Walk<'_>,
    lex: &Lexicon,
    first: usize,
    title: Option<&str>,
) -> Option<(usize, String)> {
    // a <title> that is only the site's name names no headline
    let title = title.filter(|t| {
        let parts = title_parts(t);
        !(parts.len() == 1 && fields::site_like(t.trim()))
    });
    let tkey = title.map(key).unwrap_or_default();
    let parts = title.map(title_parts).unwrap_or_default();
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
        if (site_part && fields::site_like(text.trim()))
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
fn title_above(w: &Walk<'_>, lex: &Lexicon, body_start: usize) -> Option<(usize, String)> {
    let lo = body_start.saturating_sub(10);
    for i in (lo..body_start).rev() {
        let s = w.segs.get(i)?;
        let text = w.seg_text(s);
        let n = s.counts.chars;
        if parse_meta_line(lex, text).is_some()
            || crate::text::is_doc_number(text)
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

/// Whether the page is a blog: its `<title>`, a link or its text says so.
fn is_blog(w: &Walk<'_>, title: Option<&str>) -> bool {
    let says = |t: &str| {
        t.contains("博客") || t.contains("部落格") || t.to_ascii_lowercase().contains("blog")
    };
    w.blog_links || title.is_some_and(says) || w.segs.iter().any(|s| says(w.seg_text(s)))
}

/// The blog's owner from the page's header: a `<title>` part `张三的博客`, a `<title>`
/// `海姑娘 | blog.example.com` whose name the page repeats (`海姑娘的推荐`, `海姑娘, 27岁`),
/// or, on a blog, a first `<h1>` above the article that is a person's name.
fn blog_authors(w: &Walk<'_>, lex: &Lexicon, d: &mut Draft, title: Option<&str>, first: usize) {
    let names = lex.names();
    if let Some(t) = title {
        let parts = title_parts(t);
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
fn headline_names(w: &Walk<'_>, from: usize, to: usize, out: &mut Vec<String>) {
    for s in w.segs.get(from..to).unwrap_or_default() {
        if let Some(x) = fields::headline_name(w.seg_text(s)) {
            out.push(x.to_owned());
        }
    }
}

/// Extracts the article from an HTML page.
pub(crate) fn extract(lex: &Lexicon, page: &str, hints: &PageHints<'_>) -> Article {
    let dom = Dom::parse(page);
    let mut w = Walk::new(&dom, lex);
    w.run();
    let st = compute_stats(&w);
    let region = choose_region(&w, &st);
    let mut d = Draft::new();
    if ends_early(page) {
        d.warnings.push(
            "the page ends before </body> and </html>: it looks truncated; the text up to its end is kept"
                .to_owned(),
        );
    }
    if dom.truncated {
        d.warnings.push(format!(
            "elements nest deeper than {} levels: the page was read up to that point",
            crate::dom::MAX_DEPTH
        ));
    }

    // Segment indices of the region, in order.
    let mut in_region = vec![false; w.segs.len()];
    for &r in &region {
        for i in w.seg_range(r) {
            if let Some(x) = in_region.get_mut(i) {
                *x = true;
            }
        }
    }
    let first = in_region.iter().position(|&x| x).unwrap_or(w.segs.len());
    let last = in_region.iter().rposition(|&x| x).unwrap_or(first);
    let root = region.first().map_or(NONE, |&r| w.dom.parent(r));
    let root_chars: u32 =
        region.iter().map(|&r| st.counts.get(r as usize).map_or(0, |c| c.chars)).sum();

    // Headline.
    let ld = ld_info(&w.head);
    let head_title = w.head.title.clone().filter(|t| !t.is_empty());
    let og_title = meta(&w.head, &["og:title", "twitter:title"]).map(str::to_owned);
    let title_ref = head_title.as_deref().or(og_title.as_deref()).or(ld.headline.as_deref());
    // Where the article's sentences start (past a headline or metadata block inside it).
    let body_start = (first..w.segs.len())
        .find(|&i| {
            in_region.get(i).copied().unwrap_or(false)
                && w.segs.get(i).is_some_and(|s| {
                    ((s.counts.punct >= 2 && s.counts.units() >= 30.0)
                        || w.seg_text(s).ends_with(['。', '！', '？', '!', '?', '.']))
                        && s.counts.units() >= 15.0
                        && s.heading == 0
                })
        })
        .unwrap_or(first);
    let found = find_title(&w, lex, first, title_ref).or_else(|| title_above(&w, lex, body_start));
    let title_seg = found.as_ref().map(|(i, _)| *i);
    d.title =
        found.map(|(_, t)| t).or_else(|| og_title.clone()).or_else(|| ld.headline.clone()).or_else(
            || {
                head_title.as_deref().and_then(|t| {
                    title_parts(t).into_iter().max_by_key(|p| p.chars().count()).map(str::to_owned)
                })
            },
        );

    headline_names(&w, body_start.saturating_sub(30), body_start, &mut d.headline_names);

    // Metadata lines between the headline and the article (or, when the headline sits in
    // the article, the few lines above it).
    let zone_start = match title_seg {
        Some(t) if t < body_start => t + 1,
        _ => body_start.saturating_sub(8),
    };
    let mut consumed = vec![false; w.segs.len()];
    // a date line just above the headline
    if let Some(t) = title_seg {
        for i in t.saturating_sub(3)..t {
            if let Some(s) = w.segs.get(i)
                && let Some(m) = parse_meta_line(lex, w.seg_text(s))
            {
                d.absorb(m, rank::TOP);
                if let Some(c) = consumed.get_mut(i) {
                    *c = true;
                }
            }
        }
    }
    for i in zone_start..body_start.min(w.segs.len()) {
        let Some(s) = w.segs.get(i) else { continue };
        if let Some(m) = parse_meta_line(lex, w.seg_text(s)) {
            d.absorb(m, rank::HEADER);
            if let Some(c) = consumed.get_mut(i) {
                *c = true;
            }
        }
    }
    // a byline alone on a line between the headline and the article
    if let Some(t) = title_seg.filter(|&t| t < first) {
        let idx: Vec<usize> = (t + 1..(first + 2).min(w.segs.len()))
            .filter(|&i| !consumed.get(i).copied().unwrap_or(true))
            .filter(|&i| w.segs.get(i).is_some_and(|s| s.link_chars * 2 <= s.counts.chars))
            .collect();
        let texts: Vec<&str> =
            idx.iter().filter_map(|&i| w.segs.get(i)).map(|s| w.seg_text(s)).collect();
        if let Some(j) = fields::lone_byline(lex, &d.headline_names, &texts)
            .and_then(|k| idx.get(k).copied())
            .filter(|&j| j < first)
        {
            d.offer_author(w.segs.get(j).map(|s| w.seg_text(s).trim().to_owned()), by::LONE);
            if let Some(c) = consumed.get_mut(j) {
                *c = true;
            }
        }
    }
    for (pos, t) in &w.head.times {
        let lo = w.segs.get(zone_start).map_or(0, |s| s.pos);
        let hi = w.segs.get(body_start + 3).map_or(u32::MAX, |s| s.pos);
        if (lo..=hi).contains(pos)
            && let Some(dt) = date::parse_machine(t)
        {
            d.offer_date(dt, rank::HEADER);
            break;
        }
    }

    // The region's segments.
    let mut section: Option<Reason> = None;
    let mut kept: Vec<(usize, bool)> = Vec::new();
    let mut table_follows = false;
    let n_region = in_region.iter().filter(|&&x| x).count();
    let mut region_idx = 0usize;
    for i in 0..w.segs.len() {
        let Some(s) = w.segs.get(i).copied() else { continue };
        let text = w.seg_text(&s);
        if !in_region.get(i).copied().unwrap_or(false) {
            // A paragraph ending with a colon ("……如下：") or an annex line ("附：") introduces the table
            // that follows it, even when the table sits outside the article's container.
            if i > last {
                if i == last + 1 {
                    table_follows =
                        kept.last().and_then(|&(k, _)| w.segs.get(k)).is_some_and(|k| {
                            let t = w.seg_text(k).trim();
                            t.ends_with(['：', ':'])
                                || ["附：", "附:", "附件", "附表", "附录", "附錄"]
                                    .iter()
                                    .any(|p| t.starts_with(p))
                        });
                }
                if table_follows {
                    if in_table(&w, s.block)
                        && s.link_chars * 3 < s.counts.chars.max(1)
                        && w.inherited.get(s.block as usize).copied().flatten().is_none()
                        && lex.classify(text).is_none()
                    {
                        kept.push((i, false));
                        continue;
                    }
                    table_follows = false;
                }
            }
            if consumed.get(i).copied().unwrap_or(false) {
                d.remove(text, Reason::Metadata);
            } else if Some(i) != title_seg {
                // link lists far from the article need no phrase lookup: their reason is
                // their links
                let far = i + 10 < first || i > last + 10;
                let v = if far && s.link_chars * 2 > s.counts.chars {
                    None
                } else {
                    lex.classify(text)
                };
                if matches!(
                    v.map(|v| v.reason),
                    Some(Reason::Copyright | Reason::Disclaimer | Reason::Icp | Reason::Contact)
                ) || text.contains("版权")
                    || text.contains("版權")
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
                        fields::blog_owner(lex, text, s.heading > 0 && i < first),
                        by::OWNER,
                    );
                }
                // credits and the blog-style "posted at" line right after the article (a
                // post's own footer may carry a navigation-like class: "post-foot")
                let inherited = w.inherited.get(s.block as usize).copied().flatten();
                if i > last
                    && i <= last + 8
                    && s.counts.chars <= 100
                    && s.link_chars * 2 <= s.counts.chars
                    && (inherited.is_none()
                        || (inherited == Some(Reason::Navigation) && i <= last + 2))
                    && let Some(m) = parse_meta_line(lex, text)
                {
                    d.absorb(m, rank::AFTER);
                    d.remove(text, Reason::Metadata);
                    continue;
                }
                d.remove(text, outside_reason(&w, &s, v, i < first));
            }
            continue;
        }
        region_idx += 1;
        if consumed.get(i).copied().unwrap_or(false) || Some(i) == title_seg {
            if Some(i) != title_seg {
                d.remove(text, Reason::Metadata);
            }
            continue;
        }
        let top = region_idx <= 4;
        let near_edge = top || region_idx + 6 > n_region;
        let furn = furniture(&w, &st, &s, root, root_chars);
        // metadata lines first: they often sit in "info" or "foot" blocks; a document's
        // closing date (落款) stays
        if (near_edge || s.counts.chars <= 40 || furn.is_some())
            && s.counts.chars <= 120
            && !(region_idx > 4 && date::is_signature_date(text))
            && let Some(m) = parse_meta_line(lex, text)
        {
            d.absorb(m, if top { rank::TOP } else { rank::AFTER });
            d.remove(text, Reason::Metadata);
            continue;
        }
        if let Some(r) = furn {
            d.remove(text, r);
            continue;
        }
        // a document's closing date (落款) dates it when nothing better does
        if region_idx > 4
            && date::is_signature_date(text)
            && let Some(dt) = date::first_date(text)
        {
            d.offer_date(dt, rank::BARE);
        }
        let verdict = lex.classify(text);
        if let Some(v) = verdict {
            if v.kind == Kind::Section {
                section = Some(v.reason);
            }
            if matches!(v.reason, Reason::Copyright | Reason::Disclaimer) {
                fields::site_names(lex, text, &mut d.sites);
                if d.url.is_none() {
                    d.url = fields::footer_url(lex, text);
                }
            }
            d.remove(text, v.reason);
            continue;
        }
        if crate::text::is_site_tag(text) {
            d.remove(text, Reason::Boilerplate);
            continue;
        }
        let strong = s.counts.units() >= 40.0
            && s.counts.punct >= 2
            && s.link_density() < 0.2
            && !is_truncated(text);
        if let Some(r) = section {
            if strong {
                section = None;
            } else {
                d.remove(text, r);
                continue;
            }
        }
        if s.link_chars * 2 > s.counts.chars && !(s.counts.punct >= 3 && s.counts.units() >= 40.0) {
            d.remove(text, Reason::RelatedLinks);
            continue;
        }
        kept.push((i, s.heading > 0));
    }

    // Table rows of short cells read as one line.
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

    // Metadata from markup.
    {
        let m = meta(
            &w.head,
            &[
                "article:published_time",
                "og:published_time",
                "publishdate",
                "pubdate",
                "publish_date",
                "publication_date",
                "datepublished",
                "dc.date.issued",
                "dc.date",
                "date",
                "sailthru.date",
                "og:release_date",
                "article:modified_time",
            ],
        );
        if let Some(dt) = m
            .and_then(date::parse_machine)
            .or_else(|| ld.published.as_deref().and_then(date::parse_machine))
        {
            d.offer_date(dt, rank::MARKUP);
        }
    }
    // a bare date printed near the headline
    for i in zone_start..body_start.min(w.segs.len()) {
        if let Some(s) = w.segs.get(i)
            && s.counts.chars <= 80
            && let Some(f) = date::find_dates(w.seg_text(s)).first()
        {
            d.offer_date(f.date, rank::BARE);
            break;
        }
    }
    let url = w.head.canonical.as_deref().or(meta(&w.head, &["og:url"])).or(hints.url);
    if let Some(dt) = url.and_then(date::url_date) {
        d.offer_date(dt, rank::URL);
    }
    // A declared author, unless it is the site's own brand (网易, chinanews) or a code.
    let brand_text = [
        head_title.as_deref(),
        meta(&w.head, &["og:site_name", "application-name", "copyright", "publisher"]),
        ld.publisher.as_deref(),
        w.head.canonical.as_deref(),
        hints.url,
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ")
    .to_lowercase();
    let markup_author = ld
        .author
        .clone()
        .or_else(|| meta(&w.head, &["author", "article:author", "dc.creator"]).map(str::to_owned))
        .filter(|a| {
            (lex.names().is_person_list(a) || fields::credit_ok(lex, a, Evidence::Labelled))
                && !brand_text.contains(&a.to_lowercase())
        });
    d.offer_author(markup_author, by::MARKUP);
    blog_authors(&w, lex, &mut d, head_title.as_deref(), first);
    if let Some(s) =
        meta(&w.head, &["og:site_name", "application-name"]).or(ld.publisher.as_deref())
    {
        d.sites.push((s.to_owned(), SiteEvidence::Declared));
    }
    if let Some(t) = head_title.as_deref() {
        let parts = title_parts(t);
        if parts.len() > 1
            && let Some(last) = parts.iter().rev().find(|p| !lex.is_generic(p))
            && last.chars().count() <= 16
        {
            d.sites.push(((*last).to_owned(), SiteEvidence::Weak));
        }
    }
    d.url = w
        .head
        .canonical
        .clone()
        .or_else(|| meta(&w.head, &["og:url"]).map(str::to_owned))
        .or(ld.url.clone())
        .or(d.url)
        .filter(|u| u.starts_with("http"));
    if region.is_empty() {
        d.warnings.push("no article found: no block of the page has sentence-like text".to_owned());
    }
    finish(lex, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(html: &str) -> Article {
        extract(&Lexicon::new().unwrap(), html, &PageHints::default())
    }

    const PAGE: &str = r#"<html><head><title>市政府召开疫情防控工作会议_某某新闻网</title>
<meta name="description" content="x"></head><body>
<div id="nav"><ul><li><a href="/">首页</a></li><li><a href="/a">新闻</a></li><li><a href="/b">政务</a></li></ul></div>
<div class="main"><h1>市政府召开疫情防控工作会议</h1>
<div class="info">发布时间：2022-03-14 14:07 来源：某某日报 作者：张三</div>
<div class="article-content">
<p>3月13日，市政府召开疫情防控工作会议，传达学习上级会议精神，安排部署下一阶段工作。</p>
<p>会议指出，当前疫情防控形势依然严峻复杂，各级各部门要坚决克服麻痹思想、厌战情绪、侥幸心理。</p>
<p>会议要求，要严格落实核酸检测、健康监测等各项措施，确保各项防控措施落地见效。</p>
<div class="share">分享到：微信 微博</div>
</div>
<div class="related"><h3>相关新闻</h3><ul><li><a href="/1">某地召开会议部署防控工作</a></li><li><a href="/2">某地开展核酸检测</a></li></ul></div>
</div>
<div class="footer">Copyright © 2022 某某新闻网 版权所有 京ICP备12345678号</div>
<script>var x = "不应出现";</script>
</body></html>"#;

    #[test]
    fn finds_article_and_metadata() {
        let a = run(PAGE);
        assert_eq!(a.title.as_deref(), Some("市政府召开疫情防控工作会议"));
        assert_eq!(a.published.as_deref(), Some("2022-03-14T14:07:00"));
        assert_eq!(a.source.as_deref(), Some("某某日报"));
        assert_eq!(a.author.as_deref(), Some("张三"));
        assert_eq!(a.site.as_deref(), Some("某某新闻网"));
        assert_eq!(a.paragraphs.len(), 3, "{:?}", a.paragraphs);
        assert!(a.paragraphs[0].starts_with("3月13日"));
        let all = format!("{a:?}");
        assert!(!all.contains("不应出现"));
        assert!(a.removed.iter().any(|r| r.reason == Reason::Share));
        assert!(a.removed.iter().any(|r| r.reason == Reason::Icp || r.reason == Reason::Copyright));
    }

    #[test]
    fn br_separated_paragraphs() {
        let a = run("<html><body><table><tr><td class=nav><a href=/>首页</a></td></tr><tr><td>\
            第一段文字，讲述了会议的主要内容和要求，措施要落实到位。<br><br>\
            第二段文字，介绍了下一步的工作安排，各部门要协同配合。<br>\
            第三段文字，强调了责任落实，确保各项工作取得实效。</td></tr></table></body></html>");
        assert_eq!(a.paragraphs.len(), 3, "{:?}", a.paragraphs);
    }

    #[test]
    fn empty_page_warns() {
        let a = run("<html><body><a href=/>首页</a></body></html>");
        assert!(a.paragraphs.is_empty());
        assert!(!a.warnings.is_empty());
    }

    #[test]
    fn a_page_cut_short_is_reported() {
        let page = "<html><body><div class=content><p>第一段文字，讲述了会议的主要内容和要求，措施要落实到位。</p>\
            <p>第二段文字，介绍了下一步的工作安排，各部门要协同";
        let a = run(page);
        assert!(a.warnings.iter().any(|w| w.contains("truncated")), "{:?}", a.warnings);
        assert!(a.paragraphs.iter().any(|p| p.starts_with("第一段")), "{:?}", a.paragraphs);
        let whole = format!("{page}配合。</p></div></BODY></html>");
        assert!(run(&whole).warnings.is_empty());
        assert!(!ends_early("<p>a fragment without html or body</p>"));
    }

    /// A government document's number, in its metadata table or under its headline.
    #[test]
    fn document_numbers() {
        let a = run("<html><head><title>关于调整防控措施的通知_某县人民政府</title></head><body>\
            <table class=xxgk><tr><td>索引号：11140000/2022-00012</td><td>发文字号：某政办发〔2022〕12号</td></tr>\
            <tr><td>发布日期：2022-10-06</td></tr></table>\
            <div class=content><h1>关于调整防控措施的通知</h1>\
            <p>各乡镇人民政府，县直各单位：</p>\
            <p>为进一步做好疫情防控工作，经县政府同意，现将有关事项通知如下。</p>\
            <p>一、全县各类学校恢复线下教学，严格落实晨午检制度和因病缺勤追踪登记制度。</p>\
            </div></body></html>");
        assert_eq!(a.title.as_deref(), Some("关于调整防控措施的通知"));
        assert_eq!(a.doc_number.as_deref(), Some("某政办发〔2022〕12号"), "{:?}", a.removed);
        let a = run("<html><body><div class=content><h1>关于划定风险区域的通告</h1>\
            <p>（第28号）</p>\
            <p>根据疫情防控需要，经县疫情防控工作领导小组研究决定，现将有关事项通告如下。</p>\
            <p>一、自即日起，将某某小区划定为高风险区，实行足不出户、上门服务等管控措施。</p>\
            </div></body></html>");
        assert_eq!(a.doc_number.as_deref(), Some("第28号"));
        assert!(a.paragraphs.iter().all(|p| !p.contains("第28号")), "{:?}", a.paragraphs);
    }

    /// The site's name as a heading above the headline, also ending the `<title>`.
    #[test]
    fn site_name_heading_is_no_headline() {
        let a = run("<html><head><title>春耕备耕有序推进 北方江城网</title></head><body>\
            <h1>北方江城网</h1><div class=content><h2>春耕备耕有序推进</h2>\
            <p>连日来，全县各乡镇抢抓农时，组织农民开展春耕备耕，确保不误农时。</p>\
            <p>县农业农村局派出技术人员深入田间地头，指导农户科学施肥、合理播种。</p>\
            </div></body></html>");
        assert_eq!(a.title.as_deref(), Some("春耕备耕有序推进"));
    }

    #[test]
    fn title_parts_split() {
        assert_eq!(title_parts("标题_频道_某某网"), ["标题", "频道", "某某网"]);
        assert_eq!(title_parts("春耕 备耕 北方江城网"), ["春耕 备耕", "北方江城网"]);
        assert_eq!(title_parts("春耕 备耕"), ["春耕 备耕"]);
        assert_eq!(title_parts("标题 - 某某网"), ["标题", "某某网"]);
    }
}
