//! The walk: one pass over the parsed page that cuts it into text segments at block
//! boundaries and `<br>`s, and records per element its pre-order interval, class/id hint
//! and inherited furniture reason. Head elements go to [`Head`].

use html5ever::local_name;

use crate::Reason;
use crate::dom::{Data, Dom, NONE, Tag};
use crate::head::Head;
use crate::lexicon::Lexicon;
use crate::tables::List;
use crate::text::{Counts, float, push_collapsed};

/// A run of text between two block boundaries.
#[derive(Debug, Clone, Copy)]
pub(super) struct Seg {
    /// Byte range in the walk's text buffer.
    pub(super) start: u32,
    pub(super) end: u32,
    /// The nearest enclosing block element.
    pub(super) block: u32,
    /// Pre-order position of the segment (see [`Walk::pre`]).
    pub(super) pos: u32,
    pub(super) counts: Counts,
    /// Characters inside links.
    pub(super) link_chars: u32,
    /// Heading level, 0 outside headings.
    pub(super) heading: u8,
}

impl Seg {
    pub(super) fn link_density(&self) -> f32 {
        float(self.link_chars) / float(self.counts.chars.max(1))
    }
}

/// Element hint from class and id: weight and furniture reason.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Hint {
    pub(super) weight: i16,
    pub(super) reason: Option<Reason>,
    /// The class or id names a headline.
    pub(super) title: bool,
}

/// The walk's state and, once it has run, its results.
pub(super) struct Walk<'a> {
    pub(super) dom: &'a Dom,
    pub(super) lex: &'a Lexicon,
    pub(super) buf: String,
    pub(super) segs: Vec<Seg>,
    /// Pre-order number of each element, and the largest number inside its subtree.
    pub(super) pre: Vec<u32>,
    pub(super) last: Vec<u32>,
    /// Elements in pre-order.
    pub(super) order: Vec<u32>,
    pub(super) hints: Vec<Hint>,
    /// The furniture reason an element inherits from itself or its ancestors.
    pub(super) inherited: Vec<Option<Reason>>,
    pub(super) head: Head,
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
    pub(super) blog_links: bool,
}

/// The text of a node's children (not of deeper descendants).
fn inner_text(dom: &Dom, i: u32) -> String {
    let mut s = String::new();
    let mut c = dom.get(i).map_or(NONE, |n| n.first_child);
    while c != NONE {
        let Some(n) = dom.get(c) else { break };
        if let Data::Text(t) = &n.data {
            s.push_str(t);
        }
        c = n.next;
    }
    s
}

/// Whether an element is hidden (`hidden`, `display:none`, `visibility:hidden`, a hidden
/// input).
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
    pub(super) fn new(dom: &'a Dom, lex: &'a Lexicon) -> Walk<'a> {
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
            let title = self.lex.list(List::HeadlineClass).iter().any(|w| s.contains(w.as_str()));
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
        if matches!(e.tag, Tag::Skip | Tag::Form) {
            return false;
        }
        let dom = self.dom;
        if self.head.read(e, || inner_text(dom, i)) {
            return false;
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
    pub(super) fn run(&mut self) {
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

    pub(super) fn seg_text(&self, s: &Seg) -> &str {
        self.buf.get(s.start as usize..s.end as usize).unwrap_or("")
    }

    /// The segments inside an element's subtree, as an index range.
    pub(super) fn seg_range(&self, i: u32) -> std::ops::Range<usize> {
        let (lo, hi) = (
            self.pre.get(i as usize).copied().unwrap_or(0),
            self.last.get(i as usize).copied().unwrap_or(0),
        );
        let a = self.segs.partition_point(|s| s.pos < lo);
        let b = self.segs.partition_point(|s| s.pos <= hi);
        a..b.max(a)
    }

    pub(super) fn contains(&self, anc: u32, node: u32) -> bool {
        let (lo, hi) = (
            self.pre.get(anc as usize).copied().unwrap_or(0),
            self.last.get(anc as usize).copied().unwrap_or(0),
        );
        let p = self.pre.get(node as usize).copied().unwrap_or(u32::MAX);
        (lo..=hi).contains(&p)
    }
}
