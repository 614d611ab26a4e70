//! The structure of an official document (党政机关公文格式, GB/T 9704-2012) in an article:
//! 发文机关标志, 发文字号, 标题, 主送机关, the body's numbered levels, 附件说明, 发文机关署名,
//! 成文日期, 抄送 and 印发机关/印发日期, each with the paragraph and byte span it stands in.
//!
//! The article's title and paragraphs are read as one stream, the paragraphs joined by line
//! breaks: a document that keeps its lines and one flattened onto a single line (its line
//! breaks collapsed to spaces) are read by the same rules, which look for the elements in the
//! order the standard gives them and at the boundaries a line break or a space leaves. The
//! words and patterns are data (`data/official.tsv`).

use std::sync::OnceLock;

use regex::Regex;

mod article;

pub use article::article_document;
pub(crate) use article::attach;

const RULES: &str = include_str!("../../data/official.tsv");

/// The rows of a data file: `(line number, line)`, blank lines and `#` comments skipped.
fn data_lines(src: &str) -> impl Iterator<Item = (usize, &str)> {
    src.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
}

/// A piece of text where it stands: a byte span of the title (`paragraph` `None`) or of one
/// paragraph; `text` is that slice.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Part {
    /// The paragraph index, or `None` for the title.
    pub paragraph: Option<usize>,
    /// Byte start.
    pub start: usize,
    /// Byte end.
    pub end: usize,
    /// The slice.
    pub text: String,
}

/// An element of the document: its value (white space inside Chinese text, brackets around a
/// number and a seal note such as `（借章）` taken out) and the pieces it is written in (more
/// than one when it runs over several lines).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Element {
    /// The cleaned value.
    pub value: String,
    /// Where it is written, in order.
    pub parts: Vec<Part>,
}

/// A date written in full (成文日期, 印发日期).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DocDate {
    /// Year.
    pub year: u16,
    /// Month, 1-12.
    pub month: u8,
    /// Day, 1-31.
    pub day: u8,
    /// Where it is written.
    pub part: Part,
}

impl DocDate {
    /// `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A numbered heading of the body: level 1 `一、`, 2 `（一）`, 3 `1.`, 4 `（1）`; the part is the
/// marker.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Heading {
    /// 1 to 4.
    pub level: u8,
    /// The marker where it stands.
    pub part: Part,
}

/// The structure of an official document found in an article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct OfficialDocument {
    /// 发文机关标志 (`贵阳市人民政府办公厅文件`). On a flattened page whose body was cut at
    /// its elements, the header and number are taken out of the text: they keep their value and
    /// have no parts.
    pub header: Option<Element>,
    /// 发文字号 (`筑府办发电〔2020〕5号`) or the sequence number under a title (`第1号`).
    pub number: Option<Element>,
    /// 标题 (`关于…的通知`), its lines joined.
    pub title: Option<Element>,
    /// 主送机关, one element per body addressed.
    pub addressees: Vec<Element>,
    /// 发文机关署名: the signing bodies (several for a joint document).
    pub signatories: Vec<Element>,
    /// 成文日期.
    pub date: Option<DocDate>,
    /// 附件说明 items.
    pub attachments: Vec<Element>,
    /// 抄送 bodies.
    pub cc: Vec<Element>,
    /// 印发机关.
    pub printed_by: Option<Element>,
    /// 印发日期.
    pub printed_on: Option<DocDate>,
    /// The body's numbered headings, in order.
    pub levels: Vec<Heading>,
}

struct Rules {
    title_end: Regex,
    header_end: Regex,
    org_end: Vec<String>,
    seal: Vec<String>,
    addr_start: Vec<String>,
    addr_end: Vec<String>,
    attachment: Regex,
    cc: Regex,
    printed: Regex,
    number: Regex,
    seq: Regex,
    date: Regex,
    marker: Regex,
}

/// An alternation of words, longest first, with optional white space between characters.
fn words_regex(words: &[String], suffix: &str) -> Result<Regex, regex::Error> {
    let mut ws: Vec<&String> = words.iter().collect();
    ws.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    let alts: Vec<String> = ws
        .iter()
        .map(|w| w.chars().map(|c| regex::escape(&c.to_string())).collect::<Vec<_>>().join(r"\s*"))
        .collect();
    Regex::new(&format!("(?:{}){suffix}", alts.join("|")))
}

impl Rules {
    fn parse(src: &str) -> Result<Rules, String> {
        let mut lists: std::collections::HashMap<&str, Vec<String>> =
            std::collections::HashMap::new();
        for (n, line) in data_lines(src) {
            let (kind, value) =
                line.split_once('\t').ok_or_else(|| format!("official.tsv line {n}: no tab"))?;
            lists.entry(kind).or_default().push(value.to_owned());
        }
        let list = |k: &str| lists.get(k).cloned().unwrap_or_default();
        let one = |k: &str| -> Result<Regex, String> {
            let p = lists.get(k).and_then(|v| v.first()).ok_or(format!("official.tsv: no {k}"))?;
            Regex::new(p).map_err(|e| format!("official.tsv {k}: {e}"))
        };
        let err = |e: regex::Error| e.to_string();
        Ok(Rules {
            title_end: words_regex(&list("title_end"), "").map_err(err)?,
            header_end: words_regex(&list("header_end"), "").map_err(err)?,
            org_end: list("org_end"),
            seal: list("seal"),
            addr_start: list("addressee_start"),
            addr_end: list("addressee_end"),
            attachment: words_regex(&list("attachment"), r"\s*[：:]").map_err(err)?,
            cc: words_regex(&list("cc"), r"\s*[：:]").map_err(err)?,
            printed: words_regex(&list("printed"), "").map_err(err)?,
            number: one("number")?,
            seq: one("seq")?,
            date: one("date")?,
            marker: Regex::new(
                r"(?:^|[\s。；：！？;:])((?:[一二三四五六七八九十]{1,3}、)|(?:[（(][一二三四五六七八九十]{1,3}[）)])|(?:[0-9]{1,2}[.．、])|(?:[（(][0-9]{1,2}[）)]))",
            )
            .map_err(err)?,
        })
    }

    /// The embedded rules, compiled once per process, or why they do not compile.
    fn compiled() -> &'static Result<Rules, String> {
        static R: OnceLock<Result<Rules, String>> = OnceLock::new();
        R.get_or_init(|| Rules::parse(RULES))
    }

    fn get() -> Option<&'static Rules> {
        Rules::compiled().as_ref().ok()
    }
}

/// Checks the embedded rule table (for `ExtractorBuilder::build`), compiling it once for the
/// process.
pub(crate) fn check_rules() -> crate::Result<()> {
    Rules::compiled().as_ref().map(|_| ()).map_err(|e| crate::Error::new(e.clone()))
}

/// The article's title and paragraphs as one text, joined by line breaks, with each unit's
/// start.
struct Stream<'a> {
    text: String,
    units: Vec<(Option<usize>, usize, &'a str)>,
}

impl<'a> Stream<'a> {
    fn new(title: Option<&'a str>, paragraphs: &'a [String]) -> Stream<'a> {
        let mut text = String::new();
        let mut units = Vec::new();
        let all = title
            .map(|t| (None, t))
            .into_iter()
            .chain(paragraphs.iter().enumerate().map(|(i, p)| (Some(i), p.as_str())));
        for (k, s) in all {
            if !text.is_empty() {
                text.push('\n');
            }
            units.push((k, text.len(), s));
            text.push_str(s);
        }
        Stream { text, units }
    }

    /// The parts of the stream's `a..b`, one per unit it overlaps, trimmed of white space.
    fn parts(&self, a: usize, b: usize) -> Vec<Part> {
        let mut out = Vec::new();
        for &(k, us, s) in &self.units {
            let ue = us + s.len();
            if ue <= a || us >= b {
                continue;
            }
            let (ls, le) = (a.max(us) - us, b.min(ue) - us);
            let Some(slice) = s.get(ls..le) else { continue };
            let lead = slice.len() - slice.trim_start().len();
            let t = slice.trim();
            if t.is_empty() {
                continue;
            }
            out.push(Part {
                paragraph: k,
                start: ls + lead,
                end: ls + lead + t.len(),
                text: t.to_owned(),
            });
        }
        out
    }

    fn element(&self, a: usize, b: usize, value: String) -> Option<Element> {
        let parts = self.parts(a, b);
        (!parts.is_empty() && !value.is_empty()).then_some(Element { value, parts })
    }

    fn get(&self, a: usize, b: usize) -> &str {
        self.text.get(a..b).unwrap_or("")
    }
}

fn is_cjk(c: char) -> bool {
    crate::text::is_cjk(c)
}

/// A value without the white space a layout puts inside Chinese text (`通 告`, line breaks).
fn compact(s: &str) -> String {
    let chars: Vec<char> = s.trim().chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c.is_whitespace() {
            let prev = chars.get(i.wrapping_sub(1)).copied();
            let next = chars.get(i + 1..).and_then(|r| r.iter().find(|c| !c.is_whitespace()));
            let keep = prev.is_some_and(|p| p.is_ascii_alphanumeric())
                && next.is_some_and(char::is_ascii_alphanumeric);
            if keep && !out.ends_with(' ') {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
    }
    out
}

/// `s[pos..]` cut to at most `n` bytes, at a character boundary.
fn window(s: &str, pos: usize, n: usize) -> &str {
    let mut end = s.len().min(pos.saturating_add(n));
    while end > pos && !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(pos..end).unwrap_or("")
}

fn skip_ws(s: &str, mut i: usize) -> usize {
    while let Some(c) = s.get(i..).and_then(|r| r.chars().next()) {
        if !c.is_whitespace() {
            break;
        }
        i += c.len_utf8();
    }
    i
}

fn has_sentence_punct(s: &str) -> bool {
    s.contains(['。', '，', '；', '！', '？', '：', ',', ';', '!', '?', ':'])
}

fn strip_brackets(s: &str) -> String {
    let t = s.trim().trim_start_matches(['（', '(']).trim_end_matches(['）', ')']);
    compact(t)
}

const CN_DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

fn parse_cn_num(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    if s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    let digit = |c: char| -> Option<u32> {
        if matches!(c, '〇' | '○') {
            return Some(0);
        }
        CN_DIGITS.iter().position(|&d| d == c).and_then(|p| u32::try_from(p).ok())
    };
    if let Some((a, b)) = s.split_once('十') {
        let tens = if a.is_empty() { 1 } else { digit(a.chars().next()?)? };
        let ones = if b.is_empty() { 0 } else { digit(b.chars().next()?)? };
        return Some(tens * 10 + ones);
    }
    let mut n = 0u32;
    for c in s.chars() {
        n = n.checked_mul(10)?.checked_add(digit(c)?)?;
    }
    Some(n)
}

fn parse_date(s: &str) -> Option<(u16, u8, u8)> {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let (y, rest) = t.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let d = rest.strip_suffix('日')?;
    let (y, m, d) = (parse_cn_num(y)?, parse_cn_num(m)?, parse_cn_num(d)?);
    ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| Some((u16::try_from(y).ok()?, u8::try_from(m).ok()?, u8::try_from(d).ok()?)))
        .flatten()
}

impl Rules {
    fn ends_org(&self, s: &str) -> bool {
        let s = self.strip_seal(s);
        self.org_end.iter().any(|e| s.ends_with(e.as_str()))
    }

    /// A name without a trailing seal note (`（借章）`).
    fn strip_seal<'s>(&self, s: &'s str) -> &'s str {
        let t = s.trim();
        for seal in &self.seal {
            for (o, c) in [("（", "）"), ("(", ")")] {
                let note = format!("{o}{seal}{c}");
                if let Some(x) = t.strip_suffix(note.as_str()) {
                    return x.trim_end();
                }
            }
        }
        t
    }

    fn is_addressee(&self, s: &str) -> bool {
        if s.trim().contains('\n') {
            return false;
        }
        let t = compact(s);
        let n = t.chars().count();
        (2..=150).contains(&n)
            && !t.contains(['。', '；', '！', '？', '\n', '《'])
            && !t.contains("如下")
            && (self.addr_start.iter().any(|w| t.starts_with(w.as_str()))
                || self.addr_end.iter().any(|w| t.ends_with(w.as_str())))
    }

    /// Finds the title from `pos`: text without sentence punctuation closed by a genre word
    /// followed by a boundary. Returns the title's end and the end of a sequence number after
    /// it, if any.
    fn title_at(&self, s: &Stream<'_>, pos: usize) -> Option<(usize, Option<(usize, usize)>)> {
        let text = &s.text;
        let hay = window(text, pos, 420);
        for m in self.title_end.find_iter(hay) {
            let head = hay.get(..m.start()).unwrap_or("");
            if has_sentence_punct(head) || head.matches('\n').count() > 3 {
                break;
            }
            if compact(head).chars().count() + 1 < 3 {
                continue;
            }
            let end = pos + m.end();
            let after = skip_ws(text, end);
            let rest = text.get(after..).unwrap_or("");
            let seq =
                self.seq.find(rest).filter(|x| x.start() == 0).map(|x| (after, after + x.end()));
            let boundary = after > end || rest.is_empty() || seq.is_some() || {
                // no space left between title and text: an addressee line must follow
                rest.find(['：', ':'])
                    .is_some_and(|i| self.is_addressee(rest.get(..i).unwrap_or("")))
            };
            let next = rest.chars().next();
            if boundary && next != Some('》') && next != Some('”') && next != Some('的') {
                return Some((end, seq));
            }
        }
        None
    }
}

/// How a headline closes when it reads as an official document's title: `s` (compacted, see
/// [`compact_title`]) ends with a genre word (`通告`, `2号令`, `…的通知`), maybe followed by a
/// sequence number (`第14号`). Returns where that number starts (`s.len()` without one).
pub(crate) fn title_close(s: &str) -> Option<usize> {
    let r = Rules::get()?;
    let head_end = r
        .seq
        .find_iter(s)
        .find(|m| m.end() == s.len() && m.start() > 0)
        .map_or(s.len(), |m| m.start());
    let head = s.get(..head_end)?;
    r.title_end.find_iter(head).any(|m| m.end() == head.len()).then_some(head_end)
}

/// Whether `s` ends with what closes a body's name (`指挥部`, `人民政府`, `局`).
pub(crate) fn ends_org(s: &str) -> bool {
    Rules::get().is_some_and(|r| r.ends_org(s))
}

/// A headline's text without the white space a layout puts inside it (`通 告`).
pub(crate) fn compact_title(s: &str) -> String {
    compact(s)
}

/// A headline that opens a flattened page's first paragraph, closed by a genre word and a
/// space (`某某县指挥部通告 近期，…`), when the text before the genre names a body or a
/// matter (`关于…`): the headline's end.
pub(crate) fn opening_title(first: &str) -> Option<usize> {
    let r = Rules::get()?;
    let para = [first.to_owned()];
    let (end, _) = r.title_at(&Stream::new(None, &para), 0)?;
    let head = first.get(..end)?;
    let rest = first.get(end..)?;
    let spaced = rest.starts_with(char::is_whitespace);
    let genre = r.title_end.find_iter(head).find(|m| m.end() == head.len())?;
    let before = head.get(..genre.start())?;
    let named = r.ends_org(before.trim_end()) || before.contains("关于");
    (spaced && named && !head.contains('\n')).then_some(end)
}

/// Finds the official document in an article's title and paragraphs, if it is one.
pub fn find_document(title: Option<&str>, paragraphs: &[String]) -> Option<OfficialDocument> {
    find_in(title, paragraphs, false)
}

/// [`find_document`], knowing whether the page gave a document number outside the text
/// searched (a number line taken out of the article, or cut from the headline).
fn find_in(title: Option<&str>, paragraphs: &[String], numbered: bool) -> Option<OfficialDocument> {
    let rules = Rules::get()?;
    let stream = Stream::new(title, paragraphs);
    let first = if title.is_some() { [0usize, 1] } else { [0, 0] };
    let mut best = None;
    for (attempt, &u) in first.iter().enumerate() {
        if attempt == 1 && u == 0 {
            break;
        }
        let Some(&(_, start, _)) = stream.units.get(u) else { break };
        let parsed = parse(rules, &stream, start);
        let found = parsed.0.title.is_some() || parsed.0.number.is_some();
        best = Some(parsed);
        if found {
            break;
        }
    }
    let (mut doc, body_start, sig_end) = best?;
    let is_doc = doc.title.is_some()
        && (doc.date.is_some()
            || !doc.signatories.is_empty()
            || doc.number.is_some()
            || numbered
            || !doc.addressees.is_empty())
        || (!doc.signatories.is_empty() && doc.date.is_some());
    if !is_doc {
        return None;
    }
    // the body's headings, once the text is known to be a document
    levels(rules, &stream, body_start, sig_end, &mut doc);
    Some(doc)
}

/// The opening and closing elements from `start`: the document, where its body starts and
/// where its signature ends.
fn parse(r: &Rules, s: &Stream<'_>, start: usize) -> (OfficialDocument, usize, usize) {
    let mut doc = OfficialDocument::default();
    let body_start = opening(r, s, start, &mut doc);
    let sig_end = closing(r, s, body_start, &mut doc);
    (doc, body_start, sig_end)
}

/// The elements before the body (发文机关标志, 发文字号, 标题, 主送机关): where the body starts.
fn opening(r: &Rules, s: &Stream<'_>, start: usize, doc: &mut OfficialDocument) -> usize {
    let text = s.text.as_str();
    let mut pos = skip_ws(text, start);
    // 发文机关标志: a short line closed by 文件 (and the number after it)
    if let Some(m) = r.header_end.find(window(text, pos, 120)) {
        let (a, b) = (pos, pos + m.end());
        let head = s.get(a, b);
        let after = skip_ws(text, b);
        let rest = text.get(after..).unwrap_or("");
        let numbered = r.number.find(rest).is_some_and(|x| x.start() == 0);
        if !has_sentence_punct(head)
            && compact(head).chars().count() <= 40
            && (numbered || text.get(b..).is_some_and(|t| t.starts_with('\n')))
        {
            doc.header = s.element(a, b, compact(head));
            pos = after;
        }
    }
    // 发文字号
    if let Some(m) = text.get(pos..).and_then(|h| r.number.find(h)).filter(|m| m.start() == 0) {
        doc.number = s.element(pos, pos + m.end(), compact(m.as_str()));
        pos = skip_ws(text, pos + m.end());
    }
    // 标题 and a sequence number under it
    if let Some((end, seq)) = r.title_at(s, pos) {
        doc.title = s.element(pos, end, compact(s.get(pos, end)));
        pos = end;
        if let Some((a, b)) = seq {
            if doc.number.is_none() {
                doc.number = s.element(a, b, strip_brackets(s.get(a, b)));
            }
            pos = b;
        }
        pos = skip_ws(text, pos);
        // a sequence number on the line after a title that ends without one
    } else if let Some(m) = text.get(pos..).and_then(|h| r.seq.find(h)).filter(|m| m.start() == 0) {
        doc.number = s.element(pos, pos + m.end(), strip_brackets(m.as_str()));
        pos = skip_ws(text, pos + m.end());
    }
    // 主送机关
    let win = window(text, pos, 480);
    if let Some(i) = win.find(['：', ':']) {
        let seg = win.get(..i).unwrap_or("");
        if r.is_addressee(seg) {
            doc.addressees = split_addressees(r, s, pos, seg);
            pos = skip_ws(
                text,
                pos + i + win.get(i..).and_then(|t| t.chars().next()).map_or(1, char::len_utf8),
            );
        }
    }
    pos
}

/// The elements after the body (成文日期 with the 附件, 抄送 and 印发 after it, 发文机关署名,
/// 附件说明): where the body ends.
fn closing(r: &Rules, s: &Stream<'_>, body_start: usize, doc: &mut OfficialDocument) -> usize {
    let text = s.text.as_str();
    // 成文日期: the last date written in full that closes the text (only a tail of 附件,
    // 抄送, 印发 or a bracketed note may follow it)
    let mut date = None;
    for m in r.date.find_iter(text.get(body_start..).unwrap_or("")) {
        let (a, b) = (body_start + m.start(), body_start + m.end());
        let before = text.get(..a).and_then(|t| t.chars().next_back());
        let standalone = before.is_none_or(|c| c.is_whitespace() || c == '）' || c == ')')
            || text.get(..a).is_some_and(|t| r.ends_org(t));
        let tail = text.get(b..).unwrap_or("").trim_start();
        let closes = tail.is_empty()
            || tail.starts_with(['（', '('])
            || r.attachment.find(tail).is_some_and(|x| x.start() == 0)
            || r.cc.find(tail).is_some_and(|x| x.start() == 0)
            || r.printed.find(tail).is_some_and(|x| x.start() < 3 * 2);
        let printed_here = r.printed.find(tail).is_some_and(|x| x.start() == 0);
        if standalone
            && closes
            && !printed_here
            && let Some((y, mo, d)) = parse_date(m.as_str())
        {
            date = Some((a, b, y, mo, d));
        }
    }
    let mut sig_end = text.len();
    if let Some((a, b, year, month, day)) = date {
        if let Some(part) = s.parts(a, b).into_iter().next() {
            doc.date = Some(DocDate { year, month, day, part });
        }
        sig_end = a;
        tail_sections(r, s, b, doc);
    }
    // 发文机关署名: what stands between the last sentence and the date
    if doc.date.is_some() {
        let region = text.get(body_start..sig_end).unwrap_or("");
        let cut = region
            .char_indices()
            .filter(|(_, c)| matches!(c, '。' | '！' | '？' | '；' | '：' | '!' | '?' | ';' | ':'))
            .map(|(i, c)| i + c.len_utf8())
            .next_back()
            .unwrap_or(0);
        let sig_start = body_start + cut;
        let sigs = signatories(r, s, sig_start, sig_end);
        if !sigs.is_empty() {
            sig_end = sigs.first().and_then(|e| e.1).unwrap_or(sig_end);
            doc.signatories = sigs.into_iter().map(|e| e.0).collect();
        }
        if let Some(at) = attachments(r, s, body_start, sig_end, doc) {
            sig_end = at;
        }
    }
    sig_end
}

/// The body's numbered headings (一、 （一） 1. （1）) between `body_start` and `body_end`.
fn levels(
    r: &Rules,
    s: &Stream<'_>,
    body_start: usize,
    sig_end: usize,
    doc: &mut OfficialDocument,
) {
    let text = s.text.as_str();
    let body = text.get(body_start..sig_end).unwrap_or("");
    for c in r.marker.captures_iter(body) {
        let Some(m) = c.get(1) else { continue };
        let mk = m.as_str();
        let next = body.get(m.end()..).and_then(|t| t.chars().next());
        let level = if mk.ends_with('、') && mk.starts_with(|c: char| !c.is_ascii_digit()) {
            1
        } else if mk.starts_with(['（', '(']) {
            if mk.chars().nth(1).is_some_and(|c| c.is_ascii_digit()) { 4 } else { 2 }
        } else {
            if next.is_some_and(|c| c.is_ascii_digit()) {
                continue;
            }
            3
        };
        let (a, b) = (body_start + m.start(), body_start + m.end());
        if let Some(part) = s.parts(a, b).into_iter().next() {
            doc.levels.push(Heading { level, part });
        }
    }
}

fn split_addressees(r: &Rules, s: &Stream<'_>, pos: usize, seg: &str) -> Vec<Element> {
    let mut out = Vec::new();
    let mut at = 0;
    for piece in seg.split_inclusive(['，', ',', '；']) {
        let body = piece.trim_end_matches(['，', ',', '；']);
        let a = pos + at;
        at += piece.len();
        let subs: Vec<&str> = body.split('、').collect();
        let split = subs.len() > 1
            && subs.iter().all(|x| {
                let t = x.trim();
                t.chars().count() >= 3 && r.addr_start.iter().any(|w| t.starts_with(w.as_str()))
            });
        if split {
            let mut off = 0;
            for x in subs {
                out.extend(s.element(a + off, a + off + x.len(), compact(x)));
                off += x.len() + '、'.len_utf8();
            }
        } else {
            out.extend(s.element(a, a + body.len(), compact(body)));
        }
    }
    out
}

/// The signing bodies in `a..b`: white-space separated pieces gathered until one ends like a
/// body's name. Each with the start of its text.
fn signatories(r: &Rules, s: &Stream<'_>, a: usize, b: usize) -> Vec<(Element, Option<usize>)> {
    let region = s.get(a, b);
    if compact(region).chars().count() > 120 || region.trim().is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    // starts of the tokens gathered since the last name
    let mut starts: Vec<usize> = Vec::new();
    let mut i = 0;
    for tok in region.split_inclusive(char::is_whitespace) {
        let t = tok.trim();
        let ta = a + i;
        i += tok.len();
        if t.is_empty() {
            continue;
        }
        starts.push(ta + (tok.len() - tok.trim_start().len()));
        if r.ends_org(t) {
            let end = ta + tok.trim_end().len();
            // the longest run of tokens that reads as a name (an attachment list may precede it)
            let found = starts.iter().find_map(|&st| {
                let value = compact(r.strip_seal(s.get(st, end)));
                let ok = value.chars().count() >= 3
                    && value.chars().all(|c| is_cjk(c) || "“”\"（）()·".contains(c));
                ok.then_some((st, value))
            });
            if let Some((st, value)) = found {
                out.extend(s.element(st, end, value).map(|e| (e, Some(st))));
            }
            starts.clear();
        }
    }
    // leftover words that close no name: this is no signature
    if !starts.is_empty() {
        return Vec::new();
    }
    out
}

fn attachments(
    r: &Rules,
    s: &Stream<'_>,
    a: usize,
    b: usize,
    doc: &mut OfficialDocument,
) -> Option<usize> {
    let region = s.get(a, b);
    let m = r.attachment.find_iter(region).last()?;
    let before = region.get(..m.start()).and_then(|t| t.chars().next_back());
    if !before.is_none_or(|c| c.is_whitespace() || matches!(c, '。' | '！')) {
        return None;
    }
    let from = a + m.end();
    let list = s.get(from, b);
    let items: Vec<(usize, usize)> = number_items(list);
    for (x, y) in items {
        let v = s.get(from + x, from + y);
        let v = v.trim().trim_end_matches(['。', '；', ';']);
        if !v.is_empty() {
            doc.attachments.extend(s.element(
                from + x,
                from + x
                    + v.len()
                    + (s.get(from + x, from + y).len()
                        - s.get(from + x, from + y).trim_start().len()),
                compact(v),
            ));
        }
    }
    Some(a + m.start())
}

/// Items of a numbered list (`1.甲 2.乙`), or the whole text as one item.
fn number_items(list: &str) -> Vec<(usize, usize)> {
    let mut starts = Vec::new();
    let b = list.as_bytes();
    for (i, c) in list.char_indices() {
        if c.is_ascii_digit() {
            let prev_ok = i == 0
                || list
                    .get(..i)
                    .and_then(|t| t.chars().next_back())
                    .is_some_and(|p| p.is_whitespace() || !p.is_ascii_digit() && !is_cjk(p));
            let mut j = i;
            while b.get(j).is_some_and(u8::is_ascii_digit) {
                j += 1;
            }
            let next = list.get(j..).and_then(|t| t.chars().next());
            if prev_ok && next.is_some_and(|n| matches!(n, '.' | '．' | '、')) {
                let after = j + next.map_or(0, char::len_utf8);
                starts.push((i, after));
            }
        }
    }
    if starts.is_empty() {
        return if list.trim().is_empty() { Vec::new() } else { vec![(0, list.len())] };
    }
    let mut out = Vec::new();
    for (k, &(_, body)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(list.len(), |n| n.0);
        out.push((body, end));
    }
    out
}

/// 附件 after the date is rare; 抄送 and 印发 follow it.
fn tail_sections(r: &Rules, s: &Stream<'_>, from: usize, doc: &mut OfficialDocument) {
    let tail = s.get(from, s.text.len());
    if let Some(m) = r.cc.find(tail) {
        let a = from + m.end();
        let rest = s.get(a, s.text.len());
        let end = rest
            .find(['。', '\n'])
            .or_else(|| r.printed.find(rest).map(|_| rest.len()))
            .unwrap_or(rest.len());
        let list = rest.get(..end).unwrap_or("");
        let mut at = 0;
        for piece in list.split_inclusive(['，', '、', ',', '；']) {
            let body = piece.trim_end_matches(['，', '、', ',', '；']);
            doc.cc.extend(s.element(a + at, a + at + body.len(), compact(body)));
            at += piece.len();
        }
    }
    // 印发: `某某办公室 2020年2月11日印发`
    if let Some(pm) = r.printed.find_iter(tail).last() {
        let head = tail.get(..pm.start()).unwrap_or("");
        if let Some(dm) = r
            .date
            .find_iter(head)
            .last()
            .filter(|d| head.get(d.end()..).is_some_and(|t| t.trim().is_empty()))
        {
            let a = from + dm.start();
            if let (Some((y, mo, d)), Some(part)) =
                (parse_date(dm.as_str()), s.parts(a, from + dm.end()).into_iter().next())
            {
                doc.printed_on = Some(DocDate { year: y, month: mo, day: d, part });
            }
            let by = head.get(..dm.start()).unwrap_or("");
            let cut = by.rfind(['。', '\n']).map_or(0, |i| {
                i + by.get(i..).and_then(|t| t.chars().next()).map_or(1, char::len_utf8)
            });
            let name = by.get(cut..).unwrap_or("").trim();
            if r.ends_org(name) {
                let st = from
                    + cut
                    + (by.get(cut..).unwrap_or("").len()
                        - by.get(cut..).unwrap_or("").trim_start().len());
                doc.printed_by = s.element(st, st + name.len(), compact(name));
            }
        }
    }
}

impl OfficialDocument {
    /// Every part of every element, for checking spans.
    pub fn parts(&self) -> Vec<&Part> {
        let els = self
            .header
            .iter()
            .chain(&self.number)
            .chain(&self.title)
            .chain(&self.addressees)
            .chain(&self.signatories)
            .chain(&self.attachments)
            .chain(&self.cc)
            .chain(&self.printed_by);
        els.flat_map(|e| &e.parts)
            .chain(self.date.iter().map(|d| &d.part))
            .chain(self.printed_on.iter().map(|d| &d.part))
            .chain(self.levels.iter().map(|h| &h.part))
            .collect()
    }
}
