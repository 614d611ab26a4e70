//! Metadata printed as text: the `发布时间：… 来源：… 作者：…` line under a headline
//! (here), the credits of bylines and blogs ([`credit`]), and the site's own name in its
//! footer ([`site`]).

mod credit;
mod site;

pub(crate) use credit::{
    blog_owner, closing_byline, footer_author, headline_name, lead_byline, lone_byline, person_like,
};
pub(crate) use site::{SiteEvidence, footer_url, pick_site, site_names};

use crate::date::{self, DateTime};
use crate::lexicon::{Field, Label, Lexicon};
use crate::names::Evidence;
use crate::tables::List;
use crate::text::{Counts, is_cjk, is_trim_char};

/// What a metadata line says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct MetaLine {
    pub(crate) published: Option<DateTime>,
    pub(crate) source: Option<String>,
    pub(crate) author: Option<String>,
    /// More people credited with the author (`作者：张三 李四`, `记者 张三、李四`).
    pub(crate) co_authors: Vec<String>,
    /// A person the line names without calling them the author: a source that is a
    /// person's name (`来源：张三`), a bracketed name (`2004年7月16日 [ 张三 ] 来源：…`).
    pub(crate) credit: Option<String>,
    pub(crate) editor: Option<String>,
    pub(crate) url: Option<String>,
    /// Whether a labelled credit was printed but is no name (`责任编辑：robot`): the line is
    /// still a metadata line.
    pub(crate) unnamed_credit: bool,
    /// How many labels the line carries.
    pub(crate) labels: usize,
    /// Whether the date comes with a label (`发布时间`, `发表于`, ...).
    pub(crate) date_labelled: bool,
}

impl MetaLine {
    fn is_empty(&self) -> bool {
        self.published.is_none()
            && self.source.is_none()
            && self.author.is_none()
            && self.credit.is_none()
            && self.editor.is_none()
            && self.url.is_none()
            && !self.unnamed_credit
    }
}

fn is_value_end(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '|' | '｜'
                | '【'
                | '】'
                | '['
                | ']'
                | '（'
                | '）'
                | '('
                | ')'
                | '，'
                | ','
                | '。'
                | '；'
                | ';'
                | '<'
                | '>'
                | '＜'
                | '＞'
                | '«'
                | '»'
                | '丨'
                | '［'
                | '］'
                | '/'
                | '／'
                // Big5's slash (0xA241) decodes to U+2215 under WHATWG.
                | '∕'
        )
}

/// A name-like value: trimmed, at most 30 characters, not a date.
fn clean_value(v: &str) -> Option<String> {
    let v = v.trim_matches(|c: char| {
        is_trim_char(c) || matches!(c, '"' | '“' | '”' | '\'' | '.' | '。' | '，' | ',')
    });
    if v.is_empty()
        || v.chars().count() > 30
        || v.chars().all(|c| c.is_ascii_digit())
        || v.contains(['=', '"', '{', '}', '<', '>', '\\'])
    {
        return None;
    }
    if date::first_date(v).is_some() {
        return None;
    }
    Some(v.to_owned())
}

/// A name printed with spaces between its characters to fill a column (`赵 培`, `蒋　凌`):
/// one character, one to three spaces, one or two characters, then the value's end.
fn spaced_name(rest: &str) -> Option<String> {
    let first = rest.chars().next().filter(|&c| is_cjk(c))?;
    let after_first = rest.get(first.len_utf8()..)?;
    let tail = after_first.trim_start();
    let gap = after_first.get(..after_first.len() - tail.len())?.chars().count();
    if !(1..=3).contains(&gap) {
        return None;
    }
    let given: String = tail.chars().take_while(|&c| is_cjk(c)).take(3).collect();
    if !(1..=2).contains(&given.chars().count()) {
        return None;
    }
    let next = tail.get(given.len()..)?.chars().next();
    next.is_none_or(|c| is_value_end(c) || matches!(c, '：' | ':'))
        .then(|| format!("{first}{given}"))
}

/// The value after a label at byte `end` in `line`, up to the next label or separator.
fn value_after(
    lex: &Lexicon,
    line: &str,
    end: usize,
    next_label: usize,
    field: Field,
) -> Option<String> {
    let rest = line.get(end..next_label.max(end))?;
    let colon = rest.trim_start().starts_with([':', '：', '︰']);
    let rest = rest.trim_start().trim_start_matches([':', '：', '︰']).trim_start();
    // a bracketed value: 来源：[ 国际金融报 ]
    let rest = rest.strip_prefix(['[', '【', '［']).map_or(rest, str::trim_start);
    let person = matches!(field, Field::Author | Field::Editor);
    if person && let Some(name) = spaced_name(rest) {
        return Some(name);
    }
    if field == Field::Url || (field == Field::Source && rest.starts_with("http")) {
        let start = rest.find("http").or_else(|| rest.find("www."))?;
        let url: String = rest
            .get(start..)?
            .chars()
            .take_while(|c| {
                c.is_ascii_graphic() && !matches!(c, '"' | '\'' | '<' | '>' | '）' | ')')
            })
            .collect();
        return (url.len() > 8).then_some(url);
    }
    // A Latin name runs over spaces: "By Tom Brown".
    let latin_words = if rest.starts_with(|c: char| c.is_ascii_uppercase()) {
        let mut end = 0;
        for (k, w) in rest.split(' ').enumerate() {
            let word_ok = k < 4
                && w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.chars().all(|c| c.is_ascii_alphabetic() || matches!(c, '.' | '-' | '\''));
            if !word_ok {
                break;
            }
            end += w.len() + usize::from(k > 0);
        }
        (end > 0).then_some(end)
    } else {
        None
    };
    // a colon after a name starts what follows it (作者：张三：某某大学)
    let end = rest.find(|c: char| is_value_end(c) || (person && matches!(c, '：' | ':')));
    let v: &str = match (latin_words, end) {
        (Some(e), _) => rest.get(..e)?,
        (None, Some(i)) => rest.get(..i)?,
        (None, None) => rest,
    };
    let mut v = v.to_owned();
    if let Some(s) = v.strip_suffix("/文").or_else(|| v.strip_suffix("／文")) {
        v = s.to_owned();
    }
    if !colon && matches!(field, Field::Author | Field::Editor) {
        // 记者张三报道 / 文/张三: drop the reporting verb after the name
        for tail in lex.list(List::ReportingVerb) {
            if let Some(s) = v.strip_suffix(tail.as_str())
                && s.chars().count() >= 2
            {
                v = s.to_owned();
                break;
            }
        }
        if v.chars().count() > 12 {
            return None;
        }
    }
    clean_value(&v)
}

/// Parses a line as a metadata line. `None` when the line is not one (a sentence of the
/// article, or a line without a date or label). Each label is read in turn
/// ([`Reader::label`]): a role glued to a word (`本报记者 张三`), a date label, or a label
/// with its value; then the line is judged as a whole ([`Reader::finish`]).
pub(crate) fn parse_meta_line(lex: &Lexicon, line: &str) -> Option<MetaLine> {
    // no digit and no label: nothing to read
    let has_digit = line.bytes().any(|b| b.is_ascii_digit()) || line.contains(['０', '１', '２']);
    if !has_digit && lex.labels(line).next().is_none() {
        return None;
    }
    let counts = Counts::of(line);
    if counts.chars == 0 || counts.chars > 160 {
        return None;
    }
    // a photo caption with its photographer ("……本报记者 张三 摄") belongs to the article
    let end = line.trim_end();
    if lex.list(List::PhotoCredit).iter().any(|p| end.ends_with(p.as_str())) {
        return None;
    }
    let dates = date::find_dates(line);
    let labels: Vec<_> = lex.labels(line).collect();
    if dates.is_empty() && labels.is_empty() {
        return None;
    }
    let mut r = Reader {
        lex,
        line,
        dates: &dates,
        m: MetaLine::default(),
        taken: 0,
        author_pending: false,
    };
    for (k, l) in labels.iter().enumerate() {
        let next = labels.get(k + 1).map_or(line.len(), |n| n.start);
        r.label(l, next);
    }
    r.finish(counts)
}

/// The reading of one metadata line.
struct Reader<'a> {
    lex: &'a Lexicon,
    line: &'a str,
    dates: &'a [date::Found],
    m: MetaLine,
    /// Where the last value read ends: a label before it is part of it.
    taken: usize,
    /// An author label with no name after it ("作者：见习编辑 张三"): the name after the
    /// next role word is the author's.
    author_pending: bool,
}

impl Reader<'_> {
    /// Reads one label; `next` is where the next label starts.
    fn label(&mut self, l: &Label, next: usize) {
        let line = self.line;
        // A label inside a date's text ("时间" cannot be), or inside a value already read.
        if l.start < self.taken {
            return;
        }
        let ascii = line.get(l.start..l.end).is_some_and(str::is_ascii);
        if ascii && !ascii_label_counts(line, l) {
            return;
        }
        let before = line.get(..l.start).and_then(|s| s.chars().next_back());
        let colon_after =
            line.get(l.end..).is_some_and(|s| s.trim_start().starts_with([':', '：', '︰']));
        // A label glued to the word before it is a role ("网络编辑", "本报记者") or part of a
        // longer word ("同时间"): only author and editor roles count, and only standing alone.
        if before.is_some_and(is_cjk) && !colon_after {
            if matches!(l.field, Field::Author | Field::Editor) {
                self.role(l, next);
            }
            return;
        }
        if l.field == Field::Published {
            self.m.labels += 1;
            self.m.date_labelled = true;
            // "张三 发表于 2005-05-07 21:23": the poster stands before the label
            if self.m.author.is_none() {
                self.m.author = poster_before(self.lex, line, l);
            }
            return;
        }
        self.labelled(l, next, colon_after || ascii);
    }

    /// A role word glued to the word before it: `本报记者 张三`, `商报记者张三/文`,
    /// `网络编辑` standing alone in a dated line.
    fn role(&mut self, l: &Label, next: usize) {
        let (line, names) = (self.line, self.lex.names());
        let after = line.get(l.end..).and_then(|s| s.chars().next());
        let word_start = line.get(..l.start).map_or(0, |s| {
            s.char_indices().rev().find(|&(_, c)| !is_cjk(c)).map_or(0, |(i, c)| i + c.len_utf8())
        });
        let word = line.get(word_start..l.end).unwrap_or("");
        // a role is a short word ("本报记者"); an outlet's reporter ("楚天都市报记者张三")
        // may be longer when a name follows
        let direct = l.field == Field::Author && after.is_some_and(is_cjk);
        if word.chars().count() > if direct { 10 } else { 6 } {
            return;
        }
        let qualifier = line.get(word_start..l.start).unwrap_or("");
        // "本报记者 张三", "责任编辑 王五": the name follows the role
        let follow = line.get(l.end..next).unwrap_or("");
        let follow_name = follow
            .strip_prefix(char::is_whitespace)
            .map(str::trim_start)
            .and_then(|f| {
                spaced_name(f)
                    .or_else(|| f.split(|c| is_value_end(c) || c == '、').next().map(str::to_owned))
            })
            .filter(|n| names.is_person(n));
        let (value, to_author) = match follow_name {
            Some(n) if after.is_some_and(char::is_whitespace) => {
                (Some(n), l.field == Field::Author || self.author_pending)
            }
            // "商报记者张三/文": the name follows the role directly
            _ if direct => (
                value_after(self.lex, line, l.end, next, Field::Author)
                    .filter(|v| names.is_person(v)),
                true,
            ),
            // "网络编辑 太原 2022-10-08": an editor role standing alone in a dated line is
            // itself the credit; "文章编辑" (an edit link) and "本报记者" are not
            _ if l.field == Field::Editor
                && after.is_none_or(|c| c.is_whitespace() || is_value_end(c))
                && !self.dates.is_empty()
                && !names.is_not_name(qualifier) =>
            {
                (clean_value(word), false)
            }
            _ => (None, false),
        };
        if let Some(v) = value {
            if to_author && self.m.author.is_none() {
                self.m.co_authors = more_names(self.lex, follow, &v);
            }
            let slot = if to_author { &mut self.m.author } else { &mut self.m.editor };
            slot.get_or_insert(v);
            self.m.labels += 1;
            self.taken = l.end;
            self.author_pending &= !to_author;
        }
    }

    /// A label with its value: `来源：某某日报`, `作者：张三`, `(张三 编辑)`; a credit must
    /// look like a name ([`credit_ok`]).
    fn labelled(&mut self, l: &Label, next: usize, labelled: bool) {
        let (line, names) = (self.line, self.lex.names());
        let person = matches!(l.field, Field::Author | Field::Editor);
        let raw = value_after(self.lex, line, l.end, next, l.field).or_else(|| {
            // "(张三 编辑)": the name stands before the role
            if !person {
                return None;
            }
            let tail = line.get(l.end..)?.trim_start();
            if !(tail.is_empty() || tail.starts_with([')', '）', ']', '】'])) {
                return None;
            }
            let head = line.get(..l.start)?.trim_end();
            let name = name_before(head, head.len());
            names.is_person(name).then(|| name.to_owned())
        });
        let printed = raw.is_some();
        let value = if person {
            let ev = if labelled { Evidence::Labelled } else { Evidence::Bare };
            raw.filter(|v| credit_ok(self.lex, v, ev))
        } else {
            raw
        };
        // a role word without a name ("作者手记", "[作者简介]") is no label
        if value.is_some() || labelled || !person {
            self.m.labels += 1;
        }
        if value.is_none() && person && labelled {
            self.author_pending |= l.field == Field::Author;
            self.m.unnamed_credit |= printed;
        }
        let Some(v) = value else { return };
        self.taken = l.end + v.len();
        if l.field == Field::Author && self.m.author.is_none() && names.is_person(&v) {
            self.m.co_authors = more_names(self.lex, line.get(l.end..next).unwrap_or(""), &v);
        }
        let m = &mut self.m;
        let slot = match l.field {
            Field::Source if v.starts_with("http") => &mut m.url,
            Field::Source => &mut m.source,
            Field::Author => &mut m.author,
            Field::Editor => &mut m.editor,
            Field::Url => &mut m.url,
            Field::Published => return,
        };
        slot.get_or_insert(v);
    }

    /// The credit, the date, and whether the line as a whole is a metadata line (a sentence
    /// that happens to hold a date is not).
    fn finish(mut self, counts: Counts) -> Option<MetaLine> {
        let (line, m) = (self.line, &mut self.m);
        // A person named as the source is the author's credit (来源：张三); so is a bare name
        // in brackets among the date and labels (2004年7月16日08:19 [ 张三 ] 来源：…).
        m.credit = m
            .source
            .clone()
            .filter(|s| self.lex.names().is_person(s))
            .or_else(|| bracketed_person(self.lex, line));
        m.published = self.dates.first().map(|f| f.date);
        let date_chars: usize = self
            .dates
            .iter()
            .map(|d| line.get(d.start..d.end).map_or(0, |s| s.chars().count()))
            .sum();
        let rest = counts.chars as usize - date_chars.min(counts.chars as usize);
        let sentence = counts.punct >= 3
            || (counts.punct >= 1 && line.trim_end().ends_with(['。', '！', '？']));
        let ok = if m.labels > 0 {
            (!sentence && counts.chars <= 100) || (m.labels >= 2 && counts.chars <= 60)
        } else {
            // a bare date line: the date and a few words (place, name, counts, tags)
            counts.punct == 0 && rest <= 40
        };
        (ok && !m.is_empty()).then_some(self.m)
    }
}

/// Whether an ASCII label (`By`, `Date`) counts: at the start of the line or before a colon
/// only (`Powered by` is not a byline); `Posted by` anywhere after a space.
fn ascii_label_counts(line: &str, l: &Label) -> bool {
    let head = line.get(..l.start).unwrap_or("");
    let at_start = head.trim().is_empty();
    let colon = line.get(l.end..).is_some_and(|t| t.trim_start().starts_with([':', '：']));
    let word_end =
        line.get(l.end..).and_then(|t| t.chars().next()).is_none_or(|c| !c.is_ascii_alphanumeric());
    let phrase = l.field == Field::Author
        && line.get(l.start..l.end).is_some_and(|s| s.contains(' '))
        && head.ends_with(char::is_whitespace);
    word_end && (at_start || colon || phrase)
}

/// The label a line holds and nothing else (`发布日期：`, `信息来源`), when it does: its
/// value stands in the next cell or block.
pub(crate) fn lone_label<'t>(lex: &Lexicon, text: &'t str) -> Option<&'t str> {
    let t = text.trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '：' | '︰'));
    let mut labels = lex.labels(t);
    let l = labels.next()?;
    (labels.next().is_none() && l.start == 0 && l.end == t.len()).then_some(t)
}

/// Whether a line is a dated item of a list (`我市召开调度会 2020-02-09`): a title and a date
/// without a label. Its date is the item's, never the page's.
pub(crate) fn dated_item(lex: &Lexicon, text: &str) -> bool {
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    parse_meta_line(lex, text).is_some_and(|m| m.labels == 0 && m.published.is_some())
        && date::find_dates(text).iter().all(|f| {
            let rest = text.get(..f.start).unwrap_or("").trim().chars().count()
                + text.get(f.end..).unwrap_or("").trim().chars().count();
            rest >= 4
        })
}

/// The people named after `first` in a credit's value (`：王芳 李明、张强`), up to the
/// first word that is no person's name.
fn more_names(lex: &Lexicon, value: &str, first: &str) -> Vec<String> {
    let names = lex.names();
    let Some(at) = value.find(first) else { return Vec::new() };
    let rest = value.get(at + first.len()..).unwrap_or("");
    let mut out: Vec<String> = Vec::new();
    for w in rest.split([' ', '\u{3000}', '、', '，', ',', '/', '／']).filter(|w| !w.is_empty())
    {
        if out.len() >= 8 || !names.is_person(w) || w == first || out.iter().any(|o| o == w) {
            break;
        }
        out.push(w.to_owned());
    }
    out
}

/// Whether a credit printed with the given evidence may stand as an author or editor: a
/// person's name always, a pen name only after a label (and never an outlet's name).
pub(crate) fn credit_ok(lex: &Lexicon, v: &str, ev: Evidence) -> bool {
    let names = lex.names();
    names.is_person(v) || (ev == Evidence::Labelled && names.is_pen_name(v) && person_like(lex, v))
}

/// The poster before a "posted at" label: `张三 发表于 2005-05-07 21:23`.
fn poster_before(lex: &Lexicon, line: &str, l: &Label) -> Option<String> {
    let label = line.get(l.start..l.end)?;
    if !(label.ends_with('于') || label.ends_with('於')) {
        return None;
    }
    // the name is all that stands before the label, apart from a space
    let raw = line.get(..l.start)?;
    let head = raw.trim();
    if head.is_empty() || head.contains(char::is_whitespace) || !raw.ends_with(char::is_whitespace)
    {
        return None;
    }
    credit_ok(lex, head, Evidence::Labelled).then(|| head.to_owned())
}

/// A person's name standing in brackets that follow no label: `[ 张三 ]`, `【张三】`.
fn bracketed_person(lex: &Lexicon, line: &str) -> Option<String> {
    let names = lex.names();
    for (open, close) in [('[', ']'), ('【', '】'), ('［', '］')] {
        let mut from = 0;
        while let Some(i) = line.get(from..).and_then(|s| s.find(open)) {
            let inner_start = from + i + open.len_utf8();
            let Some(j) = line.get(inner_start..).and_then(|s| s.find(close)) else { break };
            let inner = line.get(inner_start..inner_start + j).unwrap_or("").trim();
            let before = line.get(..from + i).unwrap_or("").trim_end();
            if !before.ends_with([':', '：']) && names.is_person(inner) {
                return Some(inner.to_owned());
            }
            from = inner_start + j + close.len_utf8();
        }
    }
    None
}

/// The trailing run of name characters (ideographs, letters, digits) before `end`.
pub(super) fn name_before(s: &str, end: usize) -> &str {
    let head = s.get(..end).unwrap_or("");
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(is_cjk(c) || c.is_alphanumeric()))
        .map_or(0, |(i, c)| i + c.len_utf8());
    head.get(start..).unwrap_or("")
}

/// The leading run of name characters after `start`.
pub(super) fn name_after(s: &str, start: usize) -> &str {
    let tail = s.get(start..).unwrap_or("");
    let end =
        tail.find(|c: char| !(is_cjk(c) || c.is_alphanumeric() || c == '.')).unwrap_or(tail.len());
    tail.get(..end).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::new(&crate::tables::Tables::default()).unwrap()
    }

    #[test]
    fn labelled_meta_line() {
        let l = lex();
        let m = parse_meta_line(&l, "发布时间:2022-03-14 14:07:00来源: 山西日报").unwrap();
        assert_eq!(m.published.map(|d| d.to_string()).as_deref(), Some("2022-03-14T14:07:00"));
        assert_eq!(m.source.as_deref(), Some("山西日报"));
        let m = parse_meta_line(&l, "2023-01-28 05:42:02来源:互联网").unwrap();
        assert_eq!(m.source.as_deref(), Some("互联网"));
        let m =
            parse_meta_line(&l, "時間： 2012-01-11 16:48:18 來源：楚天都市報 【關閉】").unwrap();
        assert_eq!(m.source.as_deref(), Some("楚天都市報"));
    }

    #[test]
    fn role_words_and_bylines() {
        let l = lex();
        let m = parse_meta_line(&l, "网络编辑 太原 2022-10-08 10:10:06 0 疫情 防控 风险").unwrap();
        assert_eq!(m.editor.as_deref(), Some("网络编辑"));
        let m = parse_meta_line(&l, "本报记者 李香才").unwrap();
        assert_eq!(m.author.as_deref(), Some("李香才"));
        let m = parse_meta_line(&l, "(责编: 李文治)").unwrap();
        assert_eq!(m.editor.as_deref(), Some("李文治"));
        let m = parse_meta_line(&l, "(嵇南涛 编辑)").unwrap();
        assert_eq!(m.editor.as_deref(), Some("嵇南涛"));
        // Big5's full-width slash decodes to U+2215 under WHATWG.
        for slash in ['/', '／', '∕'] {
            let line = format!("2012{slash}01{slash}12 14:25　記者王小明{slash}台北報導");
            let m = parse_meta_line(&l, &line).unwrap();
            assert_eq!(m.author.as_deref(), Some("王小明"), "{line}");
            assert_eq!(m.published.map(|d| d.to_string()).as_deref(), Some("2012-01-12T14:25:00"));
        }
    }

    #[test]
    fn bylines() {
        let l = lex();
        assert_eq!(closing_byline(&l, "……确保质量。（记者 胡晓蓉）").as_deref(), Some("胡晓蓉"));
        assert_eq!(closing_byline(&l, "……开业。(陳曉明)").as_deref(), Some("陳曉明"));
        // a bare name in brackets must be a person's: not an outlet, a pen name or a mark
        assert_eq!(closing_byline(&l, "……开业。(曉明)"), None);
        assert_eq!(closing_byline(&l, "……开业。(金羊网)"), None);
        assert_eq!(closing_byline(&l, "……结束。（完）"), None);
        assert_eq!(closing_byline(&l, "……结束。（记者 蒋 凌）").as_deref(), Some("蒋凌"));
        assert_eq!(
            lead_byline(&l, "楚天都市報訊 （記者嚴瓏 通訊員黃冬香）7天的緊急準備").as_deref(),
            Some("嚴瓏")
        );
        assert_eq!(
            lead_byline(&l, "某某网1月17日讯（王文举） 一个建议").as_deref(),
            Some("王文举")
        );
        assert_eq!(lead_byline(&l, "本报讯（通讯员 李四）近日"), None);
        assert!(person_like(&l, "张三"));
        assert!(!person_like(&l, "nr.gov.cn"));
        assert!(!person_like(&l, "大汉网络"));
        assert!(!person_like(&l, "巴彦淖尔日报"));
        let m = parse_meta_line(&l, "Powered by Discuz! Archiver 5.0.0");
        assert!(m.is_none_or(|m| m.author.is_none()));
    }

    #[test]
    fn several_authors() {
        let l = lex();
        let m =
            parse_meta_line(&l, "2022-11-28 08:15 来源：长治日报 作者：王芳 李明 责任编辑：赵强")
                .unwrap();
        assert_eq!(
            (m.author.as_deref(), m.co_authors.as_slice()),
            (Some("王芳"), &["李明".to_owned()][..])
        );
        assert_eq!(m.editor.as_deref(), Some("赵强"));
        let m = parse_meta_line(&l, "2022-11-28 本报记者 王芳、李明 通讯员 张强").unwrap();
        assert_eq!(
            (m.author.as_deref(), m.co_authors.as_slice()),
            (Some("王芳"), &["李明".to_owned()][..])
        );
        // what follows a name is no author unless it is a name
        let m = parse_meta_line(&l, "2022-11-28 作者：王芳 原创 来源：某某网").unwrap();
        assert!(m.co_authors.is_empty(), "{:?}", m.co_authors);
    }

    #[test]
    fn author_values_must_be_names() {
        let l = lex();
        let author = |line: &str| parse_meta_line(&l, line).and_then(|m| m.author);
        // label and section words are no names, and a line of them is no metadata line
        assert!(parse_meta_line(&l, "在线荐稿记者博客联系记者").is_none());
        assert!(parse_meta_line(&l, "[作者简介] (个人情况保密)").is_none());
        assert!(parse_meta_line(&l, "——作者手记").is_none());
        assert!(parse_meta_line(&l, "文章编辑").is_none());
        assert!(
            parse_meta_line(&l, "7:30 《某某学》杂志作者读者见面会")
                .is_none_or(|m| m.author.is_none())
        );
        assert_eq!(author("【作者单位：某某大学社会学系】"), None);
        // an outlet's reporter, the name glued to the role
        assert_eq!(author("某某都市报记者王晓 通讯员李强 摄影：记者张明").as_deref(), Some("王晓"));
        assert_eq!(author("顶端新闻·某某商报记者周建国/文 受访者供图").as_deref(), Some("周建国"));
        // a role word where the name should be: the name after it
        assert_eq!(author("作者：见习编辑 李小琴").as_deref(), Some("李小琴"));
        // a pen name needs a label
        assert_eq!(author("作者：北窗 2006-05-07").as_deref(), Some("北窗"));
        assert_eq!(author("记者北窗 2006-05-07"), None);
        // a poster before "发表于"
        assert_eq!(author("风中的叶子 发表于 2005-05-07 21:23").as_deref(), Some("风中的叶子"));
        assert_eq!(author("评论 发表于 2005-05-07 21:23"), None);
    }

    #[test]
    fn spaced_and_bracketed_names() {
        let l = lex();
        let m = parse_meta_line(&l, "作者: 钱 默：某某物流学院，南京").unwrap();
        assert_eq!(m.author.as_deref(), Some("钱默"));
        let m = parse_meta_line(&l, "作者： 蒋 凌 稿源： 某某日报 2011-12-09 20:05").unwrap();
        assert_eq!(m.author.as_deref(), Some("蒋凌"));
        assert_eq!(m.source.as_deref(), Some("某某日报"));
        let m = parse_meta_line(&l, "2004年7月16日08:19 [ 孙明 ] 来源：[ 某某金融报 ]").unwrap();
        assert_eq!(m.credit.as_deref(), Some("孙明"));
        assert_eq!(m.source.as_deref(), Some("某某金融报"));
        assert_eq!(m.author, None);
        let m = parse_meta_line(&l, "[ 江苏 ] 2004年7月16日08:19").unwrap();
        assert_eq!(m.credit, None);
    }

    #[test]
    fn a_person_as_source_is_a_credit() {
        let l = lex();
        let m = parse_meta_line(&l, "2005年03月21日 11:21 来源: 周雪").unwrap();
        assert_eq!(m.source.as_deref(), Some("周雪"));
        assert_eq!(m.credit.as_deref(), Some("周雪"));
        let m = parse_meta_line(&l, "2005年03月21日 11:21 来源: 某某日报").unwrap();
        assert_eq!(m.credit, None);
        // an editor credit that is no name still makes a metadata line
        let m = parse_meta_line(&l, "[责任编辑：robot] 标签：应急 物资").unwrap();
        assert_eq!(m.editor, None);
    }

    #[test]
    fn blog_owners_and_lone_bylines() {
        let l = lex();
        assert_eq!(blog_owner(&l, "北窗的博客", true).as_deref(), Some("北窗"));
        assert_eq!(blog_owner(&l, "[北窗]的BLOG", true).as_deref(), Some("北窗"));
        assert_eq!(blog_owner(&l, "北窗的博客", false), None);
        assert_eq!(blog_owner(&l, "博主：北窗", false).as_deref(), Some("北窗"));
        assert_eq!(blog_owner(&l, "我的博客", true), None);
        assert_eq!(blog_owner(&l, "推荐博客", true), None);
        let none: Vec<String> = Vec::new();
        let body = "每到秋天，我总会想起老家院子里的那棵柿子树，树是祖父年轻时种下的。";
        assert_eq!(lone_byline(&l, &none, &["故园的秋天", "沈清", body]), Some(1));
        assert_eq!(lone_byline(&l, &none, &["赵某东、钱小天", body]), Some(0));
        // a pen name needs a headline that opens with it
        assert_eq!(lone_byline(&l, &none, &["故园的秋天", "北山", body]), None);
        let heads = vec!["北山".to_owned()];
        assert_eq!(lone_byline(&l, &heads, &["故园的秋天", "北山", body]), Some(1));
        // a list of names is no byline
        assert_eq!(lone_byline(&l, &none, &["获奖名单：", "沈清", "王小明"]), None);
        assert_eq!(lone_byline(&l, &none, &["沈清", "王小明（某某局）"]), None);
        assert_eq!(lone_byline(&l, &none, &[body, "沈清", body]), None);
    }

    #[test]
    fn sentences_are_not_meta_lines() {
        let l = lex();
        assert!(
            parse_meta_line(&l, "今年1月22日，省疾控中心P3实验室建设项目主体结构如期封顶。")
                .is_none()
        );
        assert!(
            parse_meta_line(&l, "会议以电视电话会议形式召开，各县（市、区）设分会场。").is_none()
        );
    }

    #[test]
    fn footer_site_names() {
        let l = lex();
        let mut c = Vec::new();
        site_names(&l, "融易新媒体转载此文目的在于传递更多信息，不代表本网的观点和立场。", &mut c);
        site_names(&l, "本文来自作者[admin]投稿，不代表那么多了技术立场，如若转载", &mut c);
        site_names(&l, "Copyright ©山西大院新闻网", &mut c);
        site_names(
            &l,
            "备案号:鄂ICP备2022006215号 Copyright © 2002-2022 关于我们 融易新媒体",
            &mut c,
        );
        let names: Vec<_> = c.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["融易新媒体", "那么多了技术", "山西大院新闻网", "融易新媒体"]);
        assert_eq!(footer_author(&l, "本文来自作者[admin]投稿").as_deref(), Some("admin"));
        assert_eq!(footer_author(&l, "作者[太小心]自己发表的最新评论").as_deref(), Some("太小心"));
        assert_eq!(footer_author(&l, "[作者简介] (个人情况保密)"), None);
    }

    #[test]
    fn footer_urls() {
        let l = lex();
        assert_eq!(
            footer_url(&l, "本文地址:http://www.example.com/a/1.html").as_deref(),
            Some("http://www.example.com/a/1.html")
        );
        assert_eq!(
            footer_url(&l, "如若转载，请注明出处：http://www.example.com/b/2.html").as_deref(),
            Some("http://www.example.com/b/2.html")
        );
    }
}
