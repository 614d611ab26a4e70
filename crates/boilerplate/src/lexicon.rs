//! The rule tables in `data/`, parsed once when an [`crate::Extractor`] is built, with the
//! Traditional spellings of their Simplified entries.

use std::collections::{HashMap, HashSet};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use zhengling_entities::names::{NameOptions, NameTables, Names};
use zhengling_tables::spellings;

use crate::tables::{List, Table, Tables};
use crate::text::{FastHash, chars_len, is_trim_char};
use crate::{Error, Reason, Result};

/// How a boilerplate phrase must sit in a block to mark it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kind {
    /// Anywhere in a short block; two different weak phrases needed in longer ones.
    Weak,
    /// Anywhere in a short block.
    Contains,
    /// At the start of the block.
    Start,
    /// The whole block.
    Exact,
    /// The whole block, which opens a section of that kind.
    Section,
}

/// A metadata field a label introduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Published,
    Source,
    Author,
    Editor,
    Url,
}

/// What the lexicon says about a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Verdict {
    pub(crate) reason: Reason,
    pub(crate) kind: Kind,
}

/// A label found in a line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Label {
    pub(crate) field: Field,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// The parsed tables.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    phrases: AhoCorasick,
    phrase_info: Vec<Verdict>,
    exact: HashMap<Vec<u8>, Verdict, FastHash>,
    labels: AhoCorasick,
    label_field: Vec<Field>,
    hints: AhoCorasick,
    hint_info: Vec<HintInfo>,
    spam: AhoCorasick,
    generic: HashSet<String>,
    site_triggers: AhoCorasick,
    names: Names,
    /// The lists of `words.tsv`, indexed by [`List`], each entry followed by its
    /// Traditional spellings.
    lists: Vec<Vec<String>>,
    /// The first characters of each list's entries (a fast check before searching them).
    heads: Vec<Vec<char>>,
}

fn ac(patterns: &[String], kind: MatchKind) -> Result<AhoCorasick> {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(kind)
        .build(patterns)
        .map_err(|e| Error::with_source("cannot build a phrase automaton", e))
}

/// The phrases of `boilerplate.tsv`: the automaton's patterns with their verdicts, and the
/// exact phrases by their folded key.
type Phrases = (Vec<String>, Vec<Verdict>, HashMap<Vec<u8>, Verdict, FastHash>);

fn phrases(t: &Tables) -> Result<Phrases> {
    let mut patterns = Vec::new();
    let mut info = Vec::new();
    let mut exact = HashMap::with_hasher(FastHash::default());
    for row in t.table(Table::Boilerplate).rows(3, 3)? {
        let reason = Reason::from_name(row.get(0)).ok_or_else(|| row.error("unknown reason"))?;
        let kind = match row.get(1) {
            "weak" => Kind::Weak,
            "contains" => Kind::Contains,
            "start" => Kind::Start,
            "exact" => Kind::Exact,
            "section" => Kind::Section,
            _ => return Err(row.error("unknown kind")),
        };
        let v = Verdict { reason, kind };
        for phrase in spellings(row.get(2)) {
            if matches!(kind, Kind::Exact | Kind::Section) {
                exact.entry(fold_key(&phrase).into_bytes()).or_insert(v);
            } else {
                patterns.push(phrase);
                info.push(v);
            }
        }
    }
    Ok((patterns, info, exact))
}

fn labels(t: &Tables) -> Result<(Vec<String>, Vec<Field>)> {
    let mut labels = Vec::new();
    let mut fields = Vec::new();
    for row in t.table(Table::Labels).rows(2, 2)? {
        let field = match row.get(0) {
            "published" => Field::Published,
            "source" => Field::Source,
            "author" => Field::Author,
            "editor" => Field::Editor,
            "url" => Field::Url,
            _ => return Err(row.error("unknown field")),
        };
        for label in spellings(row.get(1)) {
            labels.push(label);
            fields.push(field);
        }
    }
    Ok((labels, fields))
}

/// A class/id word's weight and furniture reason.
type HintInfo = (i32, Option<Reason>);

fn hints(t: &Tables) -> Result<(Vec<String>, Vec<HintInfo>)> {
    let mut words = Vec::new();
    let mut info = Vec::new();
    for row in t.table(Table::Hints).rows(3, 3)? {
        let w: i32 = row.parse(0, "the weight")?;
        let reason = match row.get(1) {
            "-" => None,
            r => Some(Reason::from_name(r).ok_or_else(|| row.error("unknown reason"))?),
        };
        words.push(row.get(2).to_ascii_lowercase());
        info.push((w, reason));
    }
    Ok((words, info))
}

fn lists(t: &Tables) -> Result<Vec<Vec<String>>> {
    let mut lists = vec![Vec::new(); List::ALL.len()];
    for row in t.table(Table::Words).rows(2, 64)? {
        let list = List::ALL
            .into_iter()
            .find(|l| l.name() == row.get(0))
            .ok_or_else(|| row.error("unknown list"))?;
        let Some(out) = lists.get_mut(list as usize) else { continue };
        for e in row.fields.iter().skip(1).filter(|e| !e.is_empty()) {
            if list.markup() {
                out.push((*e).to_owned());
            } else {
                out.extend(
                    spellings(e).into_iter().filter(|s| !out.contains(s)).collect::<Vec<_>>(),
                );
            }
        }
    }
    Ok(lists)
}

/// Every entry of a word list with its Traditional spellings.
fn spelled_words(t: &Tables, table: Table) -> Vec<String> {
    t.table(table).lines().flat_map(|l| spellings(l.text.trim())).collect()
}

impl Lexicon {
    /// Parses the tables.
    pub(crate) fn new(t: &Tables) -> Result<Lexicon> {
        let (patterns, phrase_info, exact) = phrases(t)?;
        let (label_words, label_field) = labels(t)?;
        let (hint_words, hint_info) = hints(t)?;
        let lists = lists(t)?;
        let triggers = lists.get(List::SiteTrigger as usize).cloned().unwrap_or_default();
        let heads = lists
            .iter()
            .map(|l| {
                let mut h: Vec<char> = l.iter().filter_map(|e| e.chars().next()).collect();
                h.sort_unstable();
                h.dedup();
                h
            })
            .collect();
        let names = Names::with_tables(
            &NameTables { surnames: t.table(Table::Surnames), not_names: t.table(Table::NotNames) },
            NameOptions { rare: true, traditional: true },
        )?;
        Ok(Lexicon {
            phrases: ac(&patterns, MatchKind::LeftmostLongest)?,
            phrase_info,
            exact,
            labels: ac(&label_words, MatchKind::LeftmostLongest)?,
            label_field,
            hints: ac(&hint_words, MatchKind::Standard)?,
            hint_info,
            spam: ac(&spelled_words(t, Table::Spam), MatchKind::LeftmostLongest)?,
            generic: spelled_words(t, Table::Generic).into_iter().collect(),
            site_triggers: ac(&triggers, MatchKind::LeftmostFirst)?,
            names,
            lists,
            heads,
        })
    }

    /// A word list of `words.tsv` (entries in file order, each followed by its Traditional
    /// spellings).
    pub(crate) fn list(&self, list: List) -> &[String] {
        self.lists.get(list as usize).map_or(&[], Vec::as_slice)
    }

    /// Whether `text` may hold an entry of a list: it holds the first character of one (a
    /// check before searching the entries one by one).
    pub(crate) fn may_hold(&self, list: List, text: &str) -> bool {
        let heads = self.heads.get(list as usize).map_or(&[][..], Vec::as_slice);
        text.chars().any(|c| heads.binary_search(&c).is_ok())
    }

    /// Whether a short line names an issuing body (the signature of a notice).
    pub(crate) fn is_issuer(&self, s: &str) -> bool {
        let t = s.trim();
        t.chars().all(crate::text::is_cjk)
            && self.list(List::IssuerEnding).iter().any(|e| t.ends_with(e.as_str()))
    }

    /// Whether a name reads like a site's (`某某新闻网`, `某某日报`): 2 to 16 characters,
    /// a site ending, no `的`/`了`.
    pub(crate) fn site_like(&self, s: &str) -> bool {
        let n = s.chars().count();
        (2..=16).contains(&n)
            && self.list(List::SiteEnding).iter().any(|e| s.ends_with(e.as_str()))
            && !s.contains(['的', '了'])
    }

    /// Whether a short block is a site tag (`某某家园,www.example.ca`).
    pub(crate) fn is_site_tag(&self, s: &str) -> bool {
        crate::text::is_site_tag(s, self.list(List::Tld))
    }

    /// The document number a line prints (`发文字号：晋政办发〔2022〕12号`, `（第28号）`).
    pub(crate) fn doc_number_in(&self, line: &str) -> Option<String> {
        crate::text::doc_number_in(
            line,
            self.list(List::DocNumberLabel),
            self.list(List::OrdinalNumeral),
        )
    }

    /// Whether a line is a document number: `（第28号）`, `晋政办发〔2022〕12号`.
    pub(crate) fn is_doc_number(&self, s: &str) -> bool {
        crate::text::is_doc_number(s, self.list(List::OrdinalNumeral))
    }

    /// Whether a block opens with the ordinal of a numbered document's item (`五、`, `（三）`).
    pub(crate) fn starts_with_ordinal(&self, s: &str) -> bool {
        crate::text::starts_with_ordinal(s, self.list(List::OrdinalNumeral))
    }

    /// Whether a text ends with an ellipsis that marks it as truncated (possibly followed
    /// by a "more" link: `…… [详情]`, `...更多>>`).
    pub(crate) fn is_truncated(&self, s: &str) -> bool {
        crate::text::is_truncated(s, self.list(List::TruncationMark))
    }

    /// What the phrase tables say about a block of text, if anything.
    pub(crate) fn classify(&self, text: &str) -> Option<Verdict> {
        let core = text.trim_matches(is_trim_char);
        if core.is_empty() {
            return None;
        }
        if core.len() <= 64 {
            let mut buf = [0u8; 96];
            if let Some(k) = fold_into(core, &mut buf)
                && let Some(v) = self.exact.get(k)
            {
                return Some(*v);
            }
        }
        let n = chars_len(text);
        let lead = text.len() - text.trim_start_matches(is_trim_char).len();
        // Past 400 characters only a phrase at the start can mark a block.
        let text = if n > 400 {
            let mut end = (lead + 120).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text.get(..end).unwrap_or(text)
        } else {
            text
        };
        let mut best: Option<Verdict> = None;
        let mut weak_hits = 0usize;
        let mut weak_reason = None;
        let mut weak_first = None;
        let mut contains = None;
        for m in self.phrases.find_iter(text) {
            let Some(v) = self.phrase_info.get(m.pattern().as_usize()) else { continue };
            match v.kind {
                Kind::Start if m.start() <= lead => best = Some(*v),
                Kind::Contains if contains.is_none() => contains = Some(*v),
                // different phrases: `官方微博` twice in a sentence is one hint
                Kind::Weak if weak_first != Some(m.pattern()) => {
                    weak_hits += 1;
                    weak_first.get_or_insert(m.pattern());
                    weak_reason.get_or_insert(*v);
                }
                _ => {}
            }
            if best.is_some() {
                break;
            }
        }
        if best.is_some() {
            return best;
        }
        let strong = usize::from(contains.is_some());
        match (contains, weak_reason) {
            (Some(v), _) if n <= 160 || (n <= 400 && strong + weak_hits >= 2) => Some(v),
            // an item of a numbered document (`五、…依法追究法律责任。`) is no footer
            (None, Some(v))
                if (n <= 30 && weak_hits >= 1 && !self.starts_with_ordinal(text))
                    || (n <= 400 && weak_hits >= 2) =>
            {
                Some(v)
            }
            _ => None,
        }
    }

    /// The metadata labels in a line, left to right.
    pub(crate) fn labels<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Label> + 'a {
        self.labels.find_iter(text).filter_map(|m| {
            let field = *self.label_field.get(m.pattern().as_usize())?;
            Some(Label { field, start: m.start(), end: m.end() })
        })
    }

    /// What an element's class and id say: a weight (positive for article-like) and, for
    /// furniture, the reason to give when its text is removed.
    pub(crate) fn hint(&self, class_and_id: &str) -> (i32, Option<Reason>) {
        let mut total = 0i32;
        let mut worst: (i32, usize, Option<Reason>) = (0, 0, None);
        let mut seen = 0u128;
        for m in self.hints.find_overlapping_iter(class_and_id) {
            let i = m.pattern().as_usize();
            let bit = 1u128.checked_shl(u32::try_from(i % 128).unwrap_or(0)).unwrap_or(0);
            if seen & bit != 0 {
                continue;
            }
            seen |= bit;
            let Some(&(w, reason)) = self.hint_info.get(i) else { continue };
            total += w;
            let len = m.end() - m.start();
            if w < 0 && (w < worst.0 || (w == worst.0 && len > worst.1)) {
                worst = (w, len, reason);
            }
        }
        (total.clamp(-60, 60), if total < 0 { worst.2 } else { None })
    }

    /// How many spam words a line holds.
    pub(crate) fn spam_hits(&self, text: &str) -> usize {
        self.spam.find_iter(text).count()
    }

    /// Whether a line can name the site at all (a fast check before the patterns).
    pub(crate) fn may_name_site(&self, line: &str) -> bool {
        self.site_triggers.is_match(line)
    }

    /// The surname and not-a-name tables.
    pub(crate) fn names(&self) -> &Names {
        &self.names
    }

    /// Whether a word is never a name (本站, 网站, ...).
    pub(crate) fn is_generic(&self, word: &str) -> bool {
        self.generic.contains(word)
    }
}

/// [`fold_key`] into a stack buffer (as UTF-8 bytes); `None` when it does not fit.
fn fold_into<'b>(s: &str, buf: &'b mut [u8; 96]) -> Option<&'b [u8]> {
    let mut n = 0usize;
    let mut space = false;
    let mut utf8 = [0u8; 4];
    for c in s.trim_matches(is_trim_char).chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && n > 0 {
            *buf.get_mut(n)? = b' ';
            n += 1;
        }
        space = false;
        let e = c.to_ascii_lowercase().encode_utf8(&mut utf8);
        buf.get_mut(n..n + e.len())?.copy_from_slice(e.as_bytes());
        n += e.len();
    }
    buf.get(..n)
}

/// The key exact phrases are looked up by: trimmed, inner spaces kept single, ASCII lowercase.
pub(crate) fn fold_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.trim_matches(is_trim_char).chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c.to_ascii_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::new(&Tables::default()).unwrap()
    }

    #[test]
    fn tables_parse() {
        let l = lex();
        assert!(l.phrase_info.len() > 100);
        assert!(!l.label_field.is_empty());
    }

    #[test]
    fn classifies_footer_lines() {
        let l = lex();
        let r = |s: &str| l.classify(s).map(|v| v.reason);
        assert_eq!(r("备案号:京ICP备12345678号"), Some(Reason::Icp));
        assert_eq!(r("Copyright © 2002-2022 某某网"), Some(Reason::Copyright));
        assert_eq!(r("【关闭】"), Some(Reason::Navigation));
        assert_eq!(r(" 热门文章 "), Some(Reason::HotList));
        assert_eq!(r("當前位置：首頁 > 新聞"), Some(Reason::Breadcrumb));
        assert_eq!(r("各地要严格落实核酸检测、健康监测等措施。"), None);
    }

    #[test]
    fn weak_phrases_need_company_in_long_blocks() {
        let l = lex();
        let body = "会议要求，".repeat(30) + "以上数据仅供参考。";
        assert_eq!(l.classify(&body), None);
        // one weak phrase twice is still one
        let s = "平台是公共服务机构的官方微博。首批亮相的包括公安、交通、旅游以及部分区县的政府官方微博。";
        assert_eq!(l.classify(s), None);
    }

    #[test]
    fn hints_weigh_class_names() {
        let l = lex();
        assert!(l.hint("article-content").0 > 0);
        let (w, r) = l.hint("comment-list");
        assert!(w < 0);
        assert_eq!(r, Some(Reason::Comments));
    }
}
