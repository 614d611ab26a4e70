//! A flat arena DOM filled by html5ever's tree builder.
//!
//! Nodes live in one `Vec` and refer to each other by `u32` index, so per-node statistics
//! are plain vectors indexed the same way. Comments, doctypes and processing instructions
//! keep no content; `<template>` contents go to a detached fragment that no walk reaches.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{Attribute, LocalName, QualName, ns};

/// "No node".
pub(crate) const NONE: u32 = u32::MAX;

/// What the extractor needs to know about a tag, decided once when the element is created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    /// Block container (div, section, article, td, li, ...): starts a new segment.
    Block,
    /// `<p>`.
    P,
    /// `<h1>`..`<h6>` with the level.
    Heading(u8),
    /// `<br>` and `<hr>`.
    Break,
    /// `<a>`.
    A,
    /// Content that never reaches the text: script, style, noscript, template, select, ...
    Skip,
    /// `<title>`.
    Title,
    /// `<meta>`.
    Meta,
    /// `<link>`.
    Link,
    /// `<script>` (kept apart from Skip because JSON-LD lives there).
    Script,
    /// `<li>`, `<dd>`, `<dt>`.
    Li,
    /// `<ul>`, `<ol>`, `<dl>`, `<menu>`.
    List,
    /// `<td>`, `<th>`.
    Cell,
    /// `<tr>`.
    Row,
    /// `<table>`.
    Table,
    /// `<img>`.
    Img,
    /// `<time>`.
    Time,
    /// `<header>`, `<footer>`, `<nav>`, `<aside>`: page furniture by name.
    Furniture,
    /// `<button>`, `<input>`: controls whose text is not content.
    Form,
    /// `<pre>`.
    Pre,
    /// `<head>`.
    Head,
    /// Any other (inline) element.
    Inline,
}

impl Tag {
    fn of(local: &str) -> Tag {
        match local {
            "p" => Tag::P,
            "div" | "section" | "article" | "main" | "center" | "blockquote" | "figure"
            | "figcaption" | "address" | "body" | "html" | "caption" | "tbody" | "thead"
            | "tfoot" | "fieldset" | "details" | "summary" | "form" => Tag::Block,
            "h1" => Tag::Heading(1),
            "h2" => Tag::Heading(2),
            "h3" => Tag::Heading(3),
            "h4" => Tag::Heading(4),
            "h5" => Tag::Heading(5),
            "h6" => Tag::Heading(6),
            "br" | "hr" => Tag::Break,
            "a" => Tag::A,
            "style" | "noscript" | "template" | "select" | "option" | "optgroup" | "textarea"
            | "iframe" | "object" | "embed" | "svg" | "math" | "canvas" | "video" | "audio"
            | "map" | "applet" | "noframes" | "datalist" | "dialog" => Tag::Skip,
            "script" => Tag::Script,
            "title" => Tag::Title,
            "meta" => Tag::Meta,
            "link" => Tag::Link,
            "li" | "dd" | "dt" => Tag::Li,
            "ul" | "ol" | "dl" | "menu" | "dir" => Tag::List,
            "td" | "th" => Tag::Cell,
            "tr" => Tag::Row,
            "table" => Tag::Table,
            "img" => Tag::Img,
            "time" => Tag::Time,
            "header" | "footer" | "nav" | "aside" => Tag::Furniture,
            "button" | "input" => Tag::Form,
            "pre" => Tag::Pre,
            "head" => Tag::Head,
            _ => Tag::Inline,
        }
    }

    /// Whether the tag ends the current line of text.
    pub(crate) fn is_block(self) -> bool {
        !matches!(self, Tag::A | Tag::Inline | Tag::Img | Tag::Time | Tag::Form | Tag::Break)
    }
}

/// An element's name, tag class and attributes.
#[derive(Debug)]
pub(crate) struct Element {
    pub(crate) name: QualName,
    pub(crate) tag: Tag,
    pub(crate) attrs: Vec<Attribute>,
    template: u32,
}

impl Element {
    /// The value of an attribute, by interned name (`local_name!("class")`): a pointer
    /// comparison per attribute.
    pub(crate) fn attr(&self, name: &LocalName) -> Option<&str> {
        self.attrs.iter().find(|a| a.name.local == *name).map(|a| &*a.value)
    }

    /// The local name.
    pub(crate) fn local(&self) -> &str {
        &self.name.local
    }
}

/// What a node holds.
#[derive(Debug)]
pub(crate) enum Data {
    /// The document (or a detached template fragment).
    Document,
    /// An element.
    Element(Element),
    /// A text node.
    Text(StrTendril),
    /// A comment, doctype or processing instruction (content dropped).
    Other,
}

/// One node of the arena.
#[derive(Debug)]
pub(crate) struct Node {
    pub(crate) parent: u32,
    pub(crate) first_child: u32,
    pub(crate) last_child: u32,
    pub(crate) next: u32,
    pub(crate) prev: u32,
    pub(crate) data: Data,
}

impl Node {
    fn new(data: Data) -> Node {
        Node { parent: NONE, first_child: NONE, last_child: NONE, next: NONE, prev: NONE, data }
    }

    /// The element, if this node is one.
    pub(crate) fn element(&self) -> Option<&Element> {
        match &self.data {
            Data::Element(e) => Some(e),
            _ => None,
        }
    }
}

/// A parsed document.
#[derive(Debug)]
pub(crate) struct Dom {
    pub(crate) nodes: Vec<Node>,
    dummy: QualName,
    /// Whether the page was cut where its elements nest deeper than [`MAX_DEPTH`].
    pub(crate) truncated: bool,
}

/// The deepest element nesting parsed. html5ever's tree builder checks element scopes
/// against its stack of open elements, so a page of a hundred thousand nested `<div>`s
/// would take quadratic time; no real page nests this deep.
pub(crate) const MAX_DEPTH: u32 = 2000;

impl Dom {
    /// Parses a page. Never fails: broken markup is repaired the way browsers do.
    ///
    /// Script and style contents (other than JSON-LD) and comments are cut out before the
    /// tokenizer sees them: they never reach the text, and on news pages they are a third
    /// of the bytes.
    pub(crate) fn parse(html: &str) -> Dom {
        let (input, truncated) = prestrip(html);
        let sink = Sink(RefCell::new(Dom {
            nodes: Vec::with_capacity(html.len() / 60 + 16),
            dummy: QualName::new(None, ns!(html), LocalName::from("")),
            truncated,
        }));
        sink.0.borrow_mut().nodes.push(Node::new(Data::Document));
        html5ever::parse_document(sink, html5ever::ParseOpts::default()).one(input)
    }

    /// The node at an index.
    pub(crate) fn get(&self, i: u32) -> Option<&Node> {
        self.nodes.get(i as usize)
    }

    /// The element at an index.
    pub(crate) fn element(&self, i: u32) -> Option<&Element> {
        self.get(i).and_then(Node::element)
    }

    /// The tag of a node ([`Tag::Inline`] for non-elements).
    pub(crate) fn tag(&self, i: u32) -> Tag {
        self.element(i).map_or(Tag::Inline, |e| e.tag)
    }

    /// The parent of a node.
    pub(crate) fn parent(&self, i: u32) -> u32 {
        self.get(i).map_or(NONE, |n| n.parent)
    }

    fn detach(&mut self, i: u32) {
        let Some(n) = self.nodes.get(i as usize) else { return };
        let (parent, prev, next) = (n.parent, n.prev, n.next);
        if let Some(x) = self.nodes.get_mut(next as usize) {
            x.prev = prev;
        } else if let Some(p) = self.nodes.get_mut(parent as usize) {
            p.last_child = prev;
        }
        if let Some(x) = self.nodes.get_mut(prev as usize) {
            x.next = next;
        } else if let Some(p) = self.nodes.get_mut(parent as usize) {
            p.first_child = next;
        }
        if let Some(n) = self.nodes.get_mut(i as usize) {
            n.parent = NONE;
            n.prev = NONE;
            n.next = NONE;
        }
    }

    fn append_child(&mut self, parent: u32, child: u32) {
        self.detach(child);
        let Some(p) = self.nodes.get_mut(parent as usize) else { return };
        let last = p.last_child;
        p.last_child = child;
        if last == NONE {
            p.first_child = child;
        }
        if let Some(l) = self.nodes.get_mut(last as usize) {
            l.next = child;
        }
        if let Some(c) = self.nodes.get_mut(child as usize) {
            c.parent = parent;
            c.prev = last;
        }
    }

    fn insert_before(&mut self, sibling: u32, child: u32) {
        self.detach(child);
        let Some(s) = self.nodes.get(sibling as usize) else { return };
        let (parent, prev) = (s.parent, s.prev);
        if let Some(p) = self.nodes.get_mut(prev as usize) {
            p.next = child;
        } else if let Some(p) = self.nodes.get_mut(parent as usize) {
            p.first_child = child;
        }
        if let Some(s) = self.nodes.get_mut(sibling as usize) {
            s.prev = child;
        }
        if let Some(c) = self.nodes.get_mut(child as usize) {
            c.parent = parent;
            c.prev = prev;
            c.next = sibling;
        }
    }

    fn push(&mut self, data: Data) -> u32 {
        let i = u32::try_from(self.nodes.len()).unwrap_or(NONE);
        if i != NONE {
            self.nodes.push(Node::new(data));
        }
        i
    }

    /// Appends text after `prev` (merging with it when it is a text node) or as a new node.
    fn text_node_or_merge(&mut self, prev: u32, text: StrTendril) -> Option<u32> {
        if let Some(Node { data: Data::Text(t), .. }) = self.nodes.get_mut(prev as usize) {
            t.push_tendril(&text);
            return None;
        }
        Some(self.push(Data::Text(text)))
    }
}

/// ASCII case-insensitive `starts_with` on bytes.
fn starts_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.get(..needle.len()).is_some_and(|h| h.eq_ignore_ascii_case(needle))
}

/// Whether the byte after a tag name ends the name.
fn name_ends(b: Option<&u8>) -> bool {
    b.is_none_or(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'))
}

/// The end of a start tag beginning at `i` (the index after its `>`), honouring quotes.
fn tag_end(b: &[u8], i: usize) -> usize {
    let mut q = 0u8;
    let mut k = i;
    while let Some(&c) = b.get(k) {
        k += 1;
        match (q, c) {
            (0, b'"' | b'\'') => q = c,
            (0, b'>') => return k,
            (x, c) if x == c => q = 0,
            _ => {}
        }
    }
    b.len()
}

/// Where the raw text of a `<script>` starting at `i` ends (the index of its `</script`),
/// following the HTML escape states so `document.write("<script></script>")` inside
/// `<!-- -->` does not end it early.
fn script_end(b: &[u8], mut i: usize) -> usize {
    let (mut escaped, mut double) = (false, false);
    loop {
        let Some(p) = b.get(i..).and_then(|r| memchr::memchr(b'<', r)).map(|p| p + i) else {
            return b.len();
        };
        if escaped && let Some(q) = b.get(i..p).and_then(|r| memchr::memmem::find(r, b"-->")) {
            escaped = false;
            double = false;
            i += q + 3;
            continue;
        }
        let rest = b.get(p..).unwrap_or(&[]);
        if starts_ci(rest, b"</script") && name_ends(rest.get(8)) {
            if !double {
                return p;
            }
            double = false;
            i = p + 8;
        } else if !escaped && rest.starts_with(b"<!--") {
            escaped = true;
            i = p + 4;
        } else if escaped && !double && starts_ci(rest, b"<script") && name_ends(rest.get(7)) {
            double = true;
            i = p + 7;
        } else {
            i = p + 1;
        }
    }
}

/// Elements that do not nest: void elements and those a sibling closes.
const FLAT: &[&[u8]] = &[
    b"br", b"img", b"meta", b"link", b"input", b"hr", b"area", b"base", b"col", b"embed", b"param",
    b"source", b"track", b"wbr", b"p", b"li", b"td", b"th", b"tr", b"option", b"dd", b"dt",
    b"tbody", b"thead", b"tfoot", b"html", b"head", b"body",
];

/// Whether a start tag opens an element that nests: not a void element, and not one the
/// parser closes when a sibling starts (`p`, `li`, `td`, ...).
fn nests(rest: &[u8]) -> bool {
    let name_end =
        rest.iter().skip(1).position(|c| !c.is_ascii_alphanumeric()).map_or(rest.len(), |n| n + 1);
    let name = rest.get(1..name_end).unwrap_or(&[]);
    if name.is_empty() || !name.first().is_some_and(u8::is_ascii_alphabetic) {
        return false;
    }
    let mut buf = [0u8; 16];
    // a name longer than any flat one nests
    lower(name, &mut buf).is_none_or(|n| !FLAT.contains(&n))
}

/// A short name in ASCII lowercase, in `buf`; `None` when it is longer than 16 bytes.
fn lower<'b>(name: &[u8], buf: &'b mut [u8; 16]) -> Option<&'b [u8]> {
    let out = buf.get_mut(..name.len())?;
    for (o, c) in out.iter_mut().zip(name) {
        *o = c.to_ascii_lowercase();
    }
    Some(out)
}

/// The length of the page as the tokenizer gets it (for the benchmarks).
pub(crate) fn prestripped_len(html: &str) -> usize {
    prestrip(html).0.len()
}

/// Whether a byte is HTML whitespace.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Elements whose content the tokenizer reads as text (RCDATA and RAWTEXT, with scripting
/// on): no tag inside them may be rewritten.
const RAW_TEXT: &[&[u8]] =
    &[b"title", b"textarea", b"xmp", b"iframe", b"noembed", b"noframes", b"noscript"];

/// Whether an attribute of an element is read by the extractor: what the walk, the region
/// choice and the head reader look at (`class`, `id`, `hidden`, `type`, a `style` that can
/// hide, `<link rel href>`, `<meta>`'s keys and content, `<time datetime>`, `itemprop`).
/// `<a href>` is kept as a bare flag (see [`slim_start_tag`]); `<font>` keeps all (its
/// `color`/`face`/`size` steer the tree builder out of foreign content).
fn keep_attr(tag: &[u8], name: &[u8], value: &[u8]) -> bool {
    let mut buf = [0u8; 16];
    let Some(n) = lower(name, &mut buf) else { return tag == b"font" };
    match n {
        b"class" | b"id" | b"hidden" | b"type" | b"itemprop" => true,
        b"style" => hides(value),
        b"rel" | b"href" => tag == b"link",
        b"name" | b"property" | b"content" | b"http-equiv" => tag == b"meta",
        b"datetime" => tag == b"time",
        _ => tag == b"font",
    }
}

/// Whether a `style` value may hide its element (`display:none`, `visibility:hidden`).
fn hides(style: &[u8]) -> bool {
    style.windows(7).any(|w| w.eq_ignore_ascii_case(b"display"))
        || style.windows(10).any(|w| w.eq_ignore_ascii_case(b"visibility"))
}

/// A start tag at `p` (`b[p] == b'<'`, a letter after it) rewritten with only the attributes
/// the extractor reads: on news pages most of the markup's bytes are `href`, `src`, `style`,
/// `onclick`... values the tokenizer would read one character at a time for nothing. Returns
/// the index after the tag's `>` and the tag's name, the rewritten tag in `out` (cleared
/// first); `None` when the tag does not close (the rest of the page is left as it is).
fn slim_start_tag<'h>(html: &'h str, p: usize, out: &mut String) -> Option<(usize, &'h [u8])> {
    let b = html.as_bytes();
    let mut k = p + 1;
    while b.get(k).is_some_and(|&c| !is_space(c) && c != b'/' && c != b'>') {
        k += 1;
    }
    let name = b.get(p + 1..k)?;
    // a name holding `<` (`<a<script>`) is tag soup: left to the tokenizer as it is, and the
    // tags inside it cut as usual
    if name.contains(&b'<') {
        return None;
    }
    out.clear();
    out.push_str(html.get(p..k)?);
    let mut tag_buf = [0u8; 16];
    // a long name is no tag `keep_attr` knows
    let tag: &[u8] = lower(name, &mut tag_buf).map_or(b"-", |t| t);
    // the first `style` and `href` count (a later duplicate is dropped by the tokenizer:
    // skipped here too, so a first one dropped here is not replaced by a later one)
    let (mut seen_style, mut seen_href) = (false, false);
    loop {
        // before an attribute's name
        while b.get(k).is_some_and(|&c| is_space(c) || c == b'/') {
            if b.get(k) == Some(&b'/') && b.get(k + 1) == Some(&b'>') {
                out.push('/');
            }
            k += 1;
        }
        match b.get(k) {
            None => return None,
            Some(b'>') => {
                out.push('>');
                return Some((k + 1, name));
            }
            Some(_) => {}
        }
        // the name: up to a space, `/`, `>` or `=` (a leading `=` belongs to it)
        let n0 = k;
        k += 1;
        while b.get(k).is_some_and(|&c| !is_space(c) && !matches!(c, b'/' | b'>' | b'=')) {
            k += 1;
        }
        let n1 = k;
        // an attribute name holding `<` (`<a <script>`) is tag soup: see above
        if b.get(n0..n1).is_some_and(|n| n.contains(&b'<')) {
            return None;
        }
        let mut j = k;
        while b.get(j).is_some_and(|&c| is_space(c)) {
            j += 1;
        }
        let (mut v0, mut v1, mut end) = (n1, n1, n1);
        if b.get(j) == Some(&b'=') {
            j += 1;
            while b.get(j).is_some_and(|&c| is_space(c)) {
                j += 1;
            }
            match b.get(j) {
                Some(&q @ (b'"' | b'\'')) => {
                    let close = b.get(j + 1..).and_then(|r| memchr::memchr(q, r))?;
                    (v0, v1, end) = (j + 1, j + 1 + close, j + 2 + close);
                }
                Some(b'>') | None => end = j,
                Some(_) => {
                    let mut e = j;
                    while b.get(e).is_some_and(|&c| !is_space(c) && c != b'>') {
                        e += 1;
                    }
                    (v0, v1, end) = (j, e, e);
                }
            }
        }
        k = end;
        let attr = b.get(n0..n1)?;
        let is_style = attr.eq_ignore_ascii_case(b"style");
        let is_href = attr.eq_ignore_ascii_case(b"href");
        if (is_style && std::mem::replace(&mut seen_style, true))
            || (is_href && std::mem::replace(&mut seen_href, true))
        {
            continue;
        }
        let value = b.get(v0..v1).unwrap_or(&[]);
        if keep_attr(tag, attr, value) {
            out.push(' ');
            out.push_str(html.get(n0..end)?);
        } else if tag == b"a" && is_href {
            // a link: only that it is one, and whether its address names a blog, are read
            let blog = value.windows(4).any(|w| w.eq_ignore_ascii_case(b"blog"));
            out.push_str(if blog { " href=\"blog\"" } else { " href" });
        }
    }
}

/// The page as the tokenizer gets it: comments and the contents of scripts (except
/// JSON-LD), styles and selects cut out, start tags slimmed to the attributes the extractor
/// reads ([`slim_start_tag`]), runs of whitespace between tags folded to one space (outside
/// `<pre>`); and whether it was cut short where elements nest deeper than [`MAX_DEPTH`].
/// None of it changes what the walk reads: it spares the tokenizer most of a news page's
/// bytes.
fn prestrip(html: &str) -> (StrTendril, bool) {
    let mut s = Prestrip {
        html,
        out: StrTendril::with_capacity(u32::try_from(html.len()).unwrap_or(u32::MAX)),
        copied: 0,
        tag: String::with_capacity(256),
    };
    let b = html.as_bytes();
    let mut i = 0usize;
    let mut depth = 0u32;
    while let Some(p) = b.get(i..).and_then(|r| memchr::memchr(b'<', r)).map(|p| p + i) {
        let rest = b.get(p..).unwrap_or(&[]);
        // Nesting: an end tag closes one, a start tag of a nesting element opens one.
        match rest.get(1) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(c) if c.is_ascii_alphabetic() && nests(rest) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    s.text(p);
                    return (s.out, true);
                }
            }
            _ => {}
        }
        let next = if rest.starts_with(b"<!--") {
            Some(s.comment(p))
        } else if starts_ci(rest, b"<script") && name_ends(rest.get(7)) {
            Some(s.script(p))
        } else if starts_ci(rest, b"<style") && name_ends(rest.get(6)) {
            Some(s.raw_cut(p, b"style"))
        } else if starts_ci(rest, b"<select") && name_ends(rest.get(7)) {
            Some(s.raw_cut(p, b"select"))
        } else if rest.get(1).is_some_and(u8::is_ascii_alphabetic) {
            s.start_tag(p)
        } else if rest.get(1) == Some(&b'/') && rest.get(2).is_some_and(u8::is_ascii_alphabetic) {
            Some(s.end_tag(p))
        } else {
            Some(p + 1)
        };
        match next {
            Some(n) => i = n.max(p + 1),
            None => break,
        }
    }
    s.verbatim(b.len());
    (s.out, false)
}

/// The state of [`prestrip`]: the output, and how far the input is copied into it.
struct Prestrip<'h> {
    html: &'h str,
    out: StrTendril,
    copied: usize,
    /// The slimmed start tag being written.
    tag: String,
}

impl Prestrip<'_> {
    /// Copies the input up to `to`; a run of whitespace alone between two tags becomes one
    /// space (the walk folds every run of whitespace to one space anyway).
    fn text(&mut self, to: usize) {
        let Some(t) = self.html.get(self.copied..to) else { return };
        if t.len() > 1 && t.bytes().all(is_space) {
            self.out.push_char(' ');
        } else {
            self.out.push_slice(t);
        }
        self.copied = to.max(self.copied);
    }

    /// Copies `[copied, to)` as it is.
    fn verbatim(&mut self, to: usize) {
        if let Some(t) = self.html.get(self.copied..to) {
            self.out.push_slice(t);
        }
        self.copied = to.max(self.copied);
    }

    /// A comment at `p`: cut out.
    fn comment(&mut self, p: usize) -> usize {
        let b = self.html.as_bytes();
        let end = b
            .get(p + 4..)
            .and_then(|r| memchr::memmem::find(r, b"-->"))
            .map_or(b.len(), |q| p + 4 + q + 3);
        // an empty comment "<!-->" closes at once
        let end = if b.get(p..).is_some_and(|r| r.starts_with(b"<!-->")) { p + 5 } else { end };
        self.text(p);
        self.copied = end.min(b.len());
        end
    }

    /// A `<script>` at `p`: its content cut out, unless it is JSON-LD (kept whole).
    fn script(&mut self, p: usize) -> usize {
        let b = self.html.as_bytes();
        let open_end = tag_end(b, p + 7);
        let tag = b.get(p..open_end).unwrap_or(&[]);
        let end = script_end(b, open_end);
        if memchr::memmem::find(&tag.to_ascii_lowercase(), b"ld+json").is_some() {
            self.text(p);
            self.verbatim(end);
            return end;
        }
        self.text(p);
        self.verbatim(open_end);
        self.copied = end;
        end
    }

    /// An element at `p` whose content is never read (`style`, `select`): the start tag kept,
    /// its content cut up to its end tag (or the page's end).
    fn raw_cut(&mut self, p: usize, name: &[u8]) -> usize {
        let b = self.html.as_bytes();
        let open_end = tag_end(b, p + 1 + name.len());
        let end = raw_text_end(b, open_end, name);
        self.text(p);
        self.verbatim(open_end);
        self.copied = end;
        end
    }

    /// A start tag at `p`, slimmed; the content of a raw-text element or a `<pre>` follows
    /// as it is. A tag that does not close, or whose name holds a `<`, is left as it is (the
    /// scan goes on inside it); `None` when it opens `<plaintext>`: the rest of the page is
    /// copied as it is.
    fn start_tag(&mut self, p: usize) -> Option<usize> {
        let Some((end, name)) = slim_start_tag(self.html, p, &mut self.tag) else {
            return Some(p + 1);
        };
        self.text(p);
        // an image or a form control without a class or id holds no text and weighs
        // nothing: the tokenizer need not see it
        let bare = name.eq_ignore_ascii_case(b"input")
            || (name.eq_ignore_ascii_case(b"img") && !self.tag.contains(' '));
        if !bare {
            self.out.push_slice(&self.tag);
        }
        self.copied = end;
        if name.eq_ignore_ascii_case(b"plaintext") {
            return None;
        }
        if RAW_TEXT.iter().any(|t| name.eq_ignore_ascii_case(t))
            || name.eq_ignore_ascii_case(b"pre")
            || name.eq_ignore_ascii_case(b"listing")
        {
            // text (or preformatted markup) up to the element's end tag, untouched
            let to = raw_text_end(self.html.as_bytes(), end, name);
            self.verbatim(to);
            return Some(to);
        }
        Some(end)
    }

    /// An end tag at `p`, copied as it is.
    fn end_tag(&mut self, p: usize) -> usize {
        let end = tag_end(self.html.as_bytes(), p + 2);
        self.text(p);
        self.verbatim(end);
        end
    }
}

/// Where the text of a RCDATA or RAWTEXT element opened before `from` ends: at its end tag.
fn raw_text_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    let mut k = from;
    while let Some(q) = b.get(k..).and_then(|r| memchr::memchr(b'<', r)) {
        let at = k + q;
        let t = b.get(at..).unwrap_or(&[]);
        if t.get(1) == Some(&b'/')
            && t.get(2..2 + name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name))
            && name_ends(t.get(2 + name.len()))
        {
            return at;
        }
        k = at + 1;
    }
    b.len()
}

struct Sink(RefCell<Dom>);

impl TreeSink for Sink {
    type Handle = u32;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        self.0.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> u32 {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a u32) -> Ref<'a, QualName> {
        Ref::map(self.0.borrow(), |d| match d.nodes.get(*target as usize).map(|n| &n.data) {
            Some(Data::Element(e)) => &e.name,
            _ => &d.dummy,
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> u32 {
        let mut d = self.0.borrow_mut();
        let template = if flags.template { d.push(Data::Document) } else { NONE };
        let tag = Tag::of(&name.local);
        d.push(Data::Element(Element { name, tag, attrs, template }))
    }

    fn create_comment(&self, _text: StrTendril) -> u32 {
        self.0.borrow_mut().push(Data::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> u32 {
        self.0.borrow_mut().push(Data::Other)
    }

    fn append(&self, parent: &u32, child: NodeOrText<u32>) {
        let mut d = self.0.borrow_mut();
        let id = match child {
            NodeOrText::AppendNode(id) => id,
            NodeOrText::AppendText(text) => {
                // Whitespace between the rows, items and sections of structural elements
                // says nothing: no node for it.
                if matches!(d.tag(*parent), Tag::Table | Tag::Row | Tag::List | Tag::Head)
                    && text.bytes().all(|b| b.is_ascii_whitespace())
                {
                    return;
                }
                let last = d.get(*parent).map_or(NONE, |p| p.last_child);
                match d.text_node_or_merge(last, text) {
                    Some(id) => id,
                    None => return,
                }
            }
        };
        d.append_child(*parent, id);
    }

    fn append_based_on_parent_node(&self, element: &u32, prev: &u32, child: NodeOrText<u32>) {
        let has_parent = self.0.borrow().parent(*element) != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &u32) -> u32 {
        match self.0.borrow().element(*target) {
            Some(e) if e.template != NONE => e.template,
            _ => *target,
        }
    }

    fn same_node(&self, x: &u32, y: &u32) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &u32, new_node: NodeOrText<u32>) {
        let mut d = self.0.borrow_mut();
        if d.parent(*sibling) == NONE {
            return;
        }
        let id = match new_node {
            NodeOrText::AppendNode(id) => id,
            NodeOrText::AppendText(text) => {
                let prev = d.get(*sibling).map_or(NONE, |s| s.prev);
                match d.text_node_or_merge(prev, text) {
                    Some(id) => id,
                    None => return,
                }
            }
        };
        d.insert_before(*sibling, id);
    }

    fn add_attrs_if_missing(&self, target: &u32, attrs: Vec<Attribute>) {
        let mut d = self.0.borrow_mut();
        if let Some(Node { data: Data::Element(e), .. }) = d.nodes.get_mut(*target as usize) {
            for a in attrs {
                if !e.attrs.iter().any(|x| x.name == a.name) {
                    e.attrs.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &u32) {
        self.0.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &u32, new_parent: &u32) {
        let mut d = self.0.borrow_mut();
        let mut c = d.get(*node).map_or(NONE, |n| n.first_child);
        while c != NONE {
            let next = d.get(c).map_or(NONE, |n| n.next);
            d.append_child(*new_parent, c);
            c = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(d: &Dom, i: u32, out: &mut String) {
        let Some(n) = d.get(i) else { return };
        if let Data::Text(t) = &n.data {
            out.push_str(t);
        }
        let mut c = n.first_child;
        while c != NONE {
            texts(d, c, out);
            c = d.get(c).map_or(NONE, |n| n.next);
        }
    }

    #[test]
    fn parses_and_repairs() {
        let d = Dom::parse("<p>一<b>二<i>三</b>四</i><table><tr>x<td>五</td></table>");
        let mut s = String::new();
        texts(&d, 0, &mut s);
        // Foster-parented "x" moves before the table; the misnested i is repaired.
        assert_eq!(s, "一二三四x五");
    }

    #[test]
    fn prestrip_cuts_scripts_styles_comments() {
        let s = prestrip(
            "a<!-- c --><script>x</script>b<STYLE type=x>p{}</style>c<script type=\"application/ld+json\">{}</script>",
        ).0;
        assert_eq!(
            &*s,
            "a<script></script>b<STYLE type=x></style>c<script type=\"application/ld+json\">{}</script>"
        );
        let s = prestrip("<script><!-- document.write(\"<script></script>\"); --></script>t").0;
        assert_eq!(&*s, "<script></script>t");
        let s = prestrip("<!-->x<!-- open").0;
        assert_eq!(&*s, "x");
        assert_eq!(&*prestrip("<scriptx>y").0, "<scriptx>y");
        let deep = "<div>".repeat(MAX_DEPTH as usize + 10) + "x";
        let (s, cut) = prestrip(&deep);
        assert!(cut);
        assert_eq!(s.len(), 5 * MAX_DEPTH as usize);
        let flat = "<p>a".repeat(5000);
        assert!(!prestrip(&flat).1);
    }

    #[test]
    fn prestrip_slims_tags_and_folds_whitespace() {
        let page = "<div class=\"a\" onclick='x(\">\")' STYLE=\"color:red\"  id=m>t</div>\n\t\t<p>\
            <a href=\"http://x.cn/a.html\" target=_blank>l</a> <a HREF='/blog/1'>b</a>\
            <span style=\"display: none\">h</span><img src=a.png alt=x/>\
            <meta name=description content=\"d\" extra=1><link rel=canonical href=\"http://x.cn/c\">\
            <time datetime=2022-01-02 title=t>\
            <pre>\n  <b onclick=y>p</b>\n</pre>   <title>a <b x=1> b</title>\
            <select name=s><option value=1>一</option></select></p>";
        let s = prestrip(page).0;
        assert_eq!(
            &*s,
            "<div class=\"a\" id=m>t</div> <p>\
            <a href>l</a> <a href=\"blog\">b</a>\
            <span style=\"display: none\">h</span>\
            <meta name=description content=\"d\"><link rel=canonical href=\"http://x.cn/c\">\
            <time datetime=2022-01-02>\
            <pre>\n  <b onclick=y>p</b>\n</pre> <title>a <b x=1> b</title>\
            <select name=s></select></p>"
        );
        // `/` ends an unquoted value's text, not the tag: `alt=x/` is no self-closing tag
        assert_eq!(&*prestrip("<br alt=x/><br/>").0, "<br><br/>");
        // the first of duplicate attributes counts
        assert_eq!(&*prestrip("<div style=a style=display:none>").0, "<div>");
        // an end tag runs to its own `>`, a comment inside it included, as the tokenizer reads it
        assert_eq!(&*prestrip("</p<!-- c --><div>").0, "</p<!-- c --><div>");
        // a tag that never closes leaves the rest as it is
        assert_eq!(&*prestrip("<p>x<a href=\"y").0, "<p>x<a href=\"y");
        // tag soup: the script inside is still cut
        assert_eq!(&*prestrip("<A<script>var a;</script>").0, "<A<script></script>");
        assert_eq!(&*prestrip("<A\t<script>var a;</script>").0, "<A\t<script></script>");
    }

    #[test]
    fn template_content_is_detached() {
        let d = Dom::parse("<body><template><p>隐藏</p></template><p>可见</p></body>");
        let mut s = String::new();
        texts(&d, 0, &mut s);
        assert_eq!(s, "可见");
    }

    #[test]
    fn attributes_are_kept() {
        let d = Dom::parse(r#"<div id="Main" class="a b">x</div>"#);
        let e = d.nodes.iter().filter_map(Node::element).find(|e| e.local() == "div").unwrap();
        assert_eq!(e.attr(&html5ever::local_name!("id")), Some("Main"));
        assert_eq!(e.attr(&html5ever::local_name!("class")), Some("a b"));
        assert_eq!(e.tag, Tag::Block);
    }
}
