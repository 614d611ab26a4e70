//! Whether a credit names a person. A wrong author is worse than none: a value taken from
//! a byline must look like a name, and how much it must depends on how it was printed.
//!
//! - A **person's name**: two to four Han characters opening with a surname from
//!   `data/surnames.tsv` (one or two characters of given name, none of them a character
//!   `data/not_names.tsv` says never stands in a given name), or a Latin full name of two to
//!   four capitalised words.
//! - A **pen name** (`作者：太小心`, `作者[admin]`, `Posted by zboygirl`): any short run of
//!   Han characters, letters and digits that is not a label, role or section word.
//!
//! Neither may equal or end with a word of `data/not_names.tsv` (联系, 简介, 编辑, 手记, ...).

use std::collections::HashSet;

use crate::date;
use crate::lexicon::data_lines;
use crate::text::{FastHash, is_cjk};
use crate::{Error, Result};

const SURNAMES: &str = include_str!("../data/surnames.tsv");
const NOT_NAMES: &str = include_str!("../data/not_names.tsv");

/// How a credit was printed, which decides how much it must look like a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Evidence {
    /// After an explicit label (`作者：`, `博主：`, `作者[…]`, `Posted by`), or declared in
    /// markup: a pen name will do.
    Labelled,
    /// Bare: glued to a role word (`记者张三`), in brackets, alone on a line, or named as a
    /// source: only a person's name will do.
    Bare,
}

/// The surname and not-a-name tables.
#[derive(Debug, Clone)]
pub(crate) struct Names {
    single: HashSet<char, FastHash>,
    compound: HashSet<String, FastHash>,
    endings: Vec<String>,
    words: HashSet<String, FastHash>,
    blockers: HashSet<char, FastHash>,
}

impl Names {
    /// Parses the embedded tables.
    pub(crate) fn new() -> Result<Names> {
        let mut n = Names {
            single: HashSet::default(),
            compound: HashSet::default(),
            endings: Vec::new(),
            words: HashSet::default(),
            blockers: HashSet::default(),
        };
        for (line_no, line) in data_lines(SURNAMES) {
            let Some((kind, entries)) = line.split_once('\t') else {
                return Err(Error::table("surnames.tsv", line_no, "expected two columns"));
            };
            match kind {
                "single" => n.single.extend(entries.chars().filter(|c| is_cjk(*c))),
                "compound" => {
                    for w in entries.split_whitespace() {
                        if w.chars().count() != 2 || !w.chars().all(is_cjk) {
                            return Err(Error::table(
                                "surnames.tsv",
                                line_no,
                                "a compound surname has two Han characters",
                            ));
                        }
                        n.compound.insert(w.to_owned());
                    }
                }
                _ => return Err(Error::table("surnames.tsv", line_no, "unknown kind")),
            }
        }
        for (line_no, line) in data_lines(NOT_NAMES) {
            let Some((kind, entries)) = line.split_once('\t') else {
                return Err(Error::table("not_names.tsv", line_no, "expected two columns"));
            };
            let entries = entries.split_whitespace().map(str::to_lowercase);
            match kind {
                "end" => n.endings.extend(entries),
                "word" => n.words.extend(entries),
                "char" => {
                    for e in entries {
                        let mut cs = e.chars();
                        let (Some(c), None) = (cs.next(), cs.next()) else {
                            return Err(Error::table(
                                "not_names.tsv",
                                line_no,
                                "a char entry is one character",
                            ));
                        };
                        n.blockers.insert(c);
                    }
                }
                _ => return Err(Error::table("not_names.tsv", line_no, "unknown kind")),
            }
        }
        // longest endings first, so the first hit is the most specific
        n.endings.sort_by_key(|e| std::cmp::Reverse(e.len()));
        Ok(n)
    }

    /// Characters of surname at the start of `chars` (2 for a compound one, 1 for a single
    /// one), 0 when it opens with none.
    fn surname_len(&self, chars: &[char]) -> usize {
        if chars.len() >= 2 && self.compound.contains(&chars.iter().take(2).collect::<String>()) {
            return 2;
        }
        chars.first().map_or(0, |c| usize::from(self.single.contains(c)))
    }

    /// Whether a value is, or ends like, a label, role or section word (博客联系, 作者简介,
    /// 文章编辑), or is a common word that only looks like a name.
    pub(crate) fn is_not_name(&self, s: &str) -> bool {
        let low = s.trim().to_lowercase();
        self.words.contains(&low) || self.endings.iter().any(|e| low.ends_with(e.as_str()))
    }

    /// Whether `s` is a person's name: a Han name opening with a surname, or a Latin full name.
    pub(crate) fn is_person(&self, s: &str) -> bool {
        let s = s.trim();
        if s.is_ascii() {
            return latin_full_name(s);
        }
        let chars: Vec<char> = s.chars().collect();
        if !(2..=4).contains(&chars.len()) || !chars.iter().all(|&c| is_cjk(c)) {
            return false;
        }
        let k = self.surname_len(&chars);
        let given = chars.get(k..).unwrap_or_default();
        k > 0
            && (1..=2).contains(&given.len())
            && !given.iter().any(|c| self.blockers.contains(c))
            && !self.is_not_name(s)
    }

    /// Whether `s` is one to four persons' names separated by `、`, commas or spaces
    /// (`赵延东、风笑天`).
    pub(crate) fn is_person_list(&self, s: &str) -> bool {
        let parts: Vec<&str> = s
            .split(['、', '，', ',', ' ', '\u{3000}', '\u{a0}'])
            .filter(|p| !p.is_empty())
            .collect();
        (1..=4).contains(&parts.len()) && parts.iter().all(|p| !p.is_ascii() && self.is_person(p))
    }

    /// Whether `s` reads as a pen name: short, made of name characters, not a label, role,
    /// section word, code or date.
    pub(crate) fn is_pen_name(&self, s: &str) -> bool {
        let s = s.trim();
        let n = s.chars().count();
        let ascii = s.is_ascii();
        if n < 2 || n > if ascii { 40 } else { 20 } || self.is_not_name(s) {
            return false;
        }
        let name_char = |c: char| {
            is_cjk(c)
                || c.is_ascii_alphanumeric()
                || matches!(c, '&' | '·' | '_' | '-' | '.')
                || (ascii && matches!(c, ' ' | '\''))
        };
        if !s.chars().all(name_char) {
            return false;
        }
        // codes and counts, not names: 1392, AP0015, SN034
        let digits = s.chars().filter(char::is_ascii_digit).count();
        if digits * 2 >= n || (digits >= 2 && !s.chars().any(is_cjk)) {
            return false;
        }
        date::first_date(s).is_none()
    }
}

/// Two to four capitalised Latin words: `Tom Brown`, `J. K. Rowling`, `Mary-Jane O'Neil`.
fn latin_full_name(s: &str) -> bool {
    let words: Vec<&str> = s.split(' ').collect();
    (2..=4).contains(&words.len())
        && s.len() <= 40
        && words.iter().all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(|c| c.is_ascii_uppercase())
                && cs.all(|c| c.is_ascii_alphabetic() || matches!(c, '.' | '-' | '\''))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Names {
        Names::new().unwrap()
    }

    #[test]
    fn tables_parse() {
        let n = names();
        assert!(n.single.len() > 400);
        assert!(n.compound.contains("欧阳"));
        assert!(n.blockers.contains(&'的'));
    }

    #[test]
    fn persons() {
        let n = names();
        for s in ["张三", "马俊峰", "赵培", "欧阳修", "司马相如", "陳俐君", "嚴文廷", "Tom Brown"]
        {
            assert!(n.is_person(s), "{s}");
        }
        // label and section words, outlets, sentences, single characters, pen names
        for s in [
            "博客联系",
            "简介",
            "文章编辑",
            "手记",
            "读者见面会",
            "赵",
            "金羊网",
            "王府井的",
            "本报记者",
            "太小心",
            "海姑娘",
            "网络编辑",
            "Reuters",
            "chinanews",
            "张三李四王五",
            "宁波",
            "高雄",
            "金融界",
        ] {
            assert!(!n.is_person(s), "{s}");
        }
    }

    #[test]
    fn pen_names() {
        let n = names();
        for s in ["太小心", "海姑娘", "魑皇", "zboygirl", "admin", "放飞&心情", "山石"]
        {
            assert!(n.is_pen_name(s), "{s}");
        }
        for s in [
            "简介",
            "博客联系",
            "文章编辑",
            "作者手记",
            "1392",
            "AP0015",
            "《财经》综合报道",
            "手机版",
            "robot",
            "2022年2月",
            "赵",
        ] {
            assert!(!n.is_pen_name(s), "{s}");
        }
    }

    #[test]
    fn person_lists() {
        let n = names();
        assert!(n.is_person_list("赵延东、风笑天"));
        assert!(n.is_person_list("王建宏 张文攀"));
        assert!(!n.is_person_list("获奖名单"));
        assert!(!n.is_person_list("Tom Brown"));
    }
}
