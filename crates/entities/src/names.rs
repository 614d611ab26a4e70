//! Whether text names a person: the one surname table of the workspace
//! (`data/surnames.tsv`) and the characters and words that never stand in a given name.
//!
//! The entities extractor finds people in running text with it (a surname after a title,
//! [`Names::surname_lens_at`], [`Names::given_ok`]); the boilerplate crate checks whole
//! credits with it ([`Names::is_person`], [`Names::is_pen_name`]) on pages that may be
//! Traditional ([`NameOptions::traditional`]).
//!
//! ```
//! use zhengling_entities::names::{NameOptions, Names};
//! let names = Names::with_tables(&Names::default_tables(), NameOptions { rare: true, traditional: true })?;
//! assert!(names.is_person("张三"));
//! assert!(names.is_person("歐陽修"));
//! assert!(!names.is_person("单位"));
//! assert!(names.is_pen_name("太小心"));
//! # Ok::<(), zhengling_entities::Error>(())
//! ```

use std::collections::HashSet;

use zhengling_tables::{Overrides, Table, TableId, spellings, traditional_chars};

use crate::error::Result;
use crate::text::is_cjk;

/// Which surnames and spellings a [`Names`] holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NameOptions {
    /// Also the rare surnames (`rare` rows): right where the context says a name stands.
    pub rare: bool,
    /// Also the Traditional spellings of every entry.
    pub traditional: bool,
}

/// The tables a [`Names`] is built from.
#[derive(Debug, Clone, Default)]
pub struct NameTables<'a> {
    /// Surnames: `common|rare <TAB> surnames separated by spaces`.
    pub surnames: Table<'a>,
    /// What no name holds: `char|word|end <TAB> entries separated by spaces`: characters
    /// that never stand in a given name, words that are no name though they start like one
    /// (`单位`, `时间`), endings that make a value no name (`博客联系`, `作者简介`).
    pub not_names: Table<'a>,
}

/// The surname, given-name and not-a-name tables. Immutable, `Send + Sync`.
#[derive(Debug, Clone)]
pub struct Names {
    single: HashSet<char>,
    compound: HashSet<String>,
    blockers: HashSet<char>,
    words: HashSet<String>,
    endings: Vec<String>,
}

impl Names {
    /// The entities crate's own tables (`surnames.tsv`, `not_names.tsv`), as a user may
    /// have replaced or extended them.
    pub(crate) fn tables(o: &Overrides<crate::Table>) -> NameTables<'_> {
        NameTables {
            surnames: o.table(crate::Table::Surnames),
            not_names: o.table(crate::Table::NotNames),
        }
    }

    /// The embedded default tables of the entities crate.
    pub fn default_tables() -> NameTables<'static> {
        NameTables {
            surnames: Table::embedded(
                crate::Table::Surnames.file(),
                crate::Table::Surnames.default_text(),
            ),
            not_names: Table::embedded(
                crate::Table::NotNames.file(),
                crate::Table::NotNames.default_text(),
            ),
        }
    }

    /// Builds the checker from tables.
    ///
    /// # Errors
    /// A row of an unknown kind, a surname of more than two characters, or a `char` entry of
    /// more than one character, naming the file and line.
    pub fn with_tables(t: &NameTables<'_>, opts: NameOptions) -> Result<Names> {
        let mut n = Names {
            single: HashSet::new(),
            compound: HashSet::new(),
            blockers: HashSet::new(),
            words: HashSet::new(),
            endings: Vec::new(),
        };
        let spell = |s: &str| -> Vec<String> {
            if opts.traditional { spellings(s) } else { vec![s.to_owned()] }
        };
        for row in t.surnames.rows(2, 2)? {
            let use_it = match row.get(0) {
                "common" => true,
                "rare" => opts.rare,
                _ => return Err(row.error("unknown kind (common or rare)")),
            };
            for s in row.get(1).split_whitespace() {
                match s.chars().count() {
                    1 if use_it => n.single.extend(s.chars().flat_map(|c| n_chars(c, opts))),
                    2 if use_it => n.compound.extend(spell(s)),
                    1 | 2 => {}
                    _ => return Err(row.error("a surname has one or two characters")),
                }
            }
        }
        for row in t.not_names.rows(2, 2)? {
            let entries = row.get(1).split_whitespace();
            match row.get(0) {
                "char" => {
                    for e in entries {
                        let mut cs = e.chars();
                        let (Some(c), None) = (cs.next(), cs.next()) else {
                            return Err(row.error("a char entry is one character"));
                        };
                        n.blockers.extend(n_chars(c, opts));
                    }
                }
                "word" => n.words.extend(entries.flat_map(|w| spell(&w.to_lowercase()))),
                "end" => n.endings.extend(entries.flat_map(|w| spell(&w.to_lowercase()))),
                _ => return Err(row.error("unknown kind (char, word or end)")),
            }
        }
        // longest endings first, so the first hit is the most specific
        n.endings.sort_by_key(|e| std::cmp::Reverse(e.len()));
        n.endings.dedup();
        Ok(n)
    }

    /// The byte lengths of the surnames that start at `pos` in `text`: a compound one first,
    /// then a single one.
    pub fn surname_lens_at(&self, text: &str, pos: usize) -> Vec<usize> {
        let mut v = Vec::with_capacity(2);
        let Some(rest) = text.get(pos..) else { return v };
        let mut it = rest.char_indices();
        let first = it.next();
        if let Some((j, c2)) = it.next() {
            let two = rest.get(..j + c2.len_utf8()).unwrap_or("");
            if self.compound.contains(two) {
                v.push(two.len());
            }
        }
        if let Some((_, c)) = first.filter(|(_, c)| self.single.contains(c)) {
            v.push(c.len_utf8());
        }
        v
    }

    /// Characters of surname at the start of `chars` (2 for a compound one, 1 for a single
    /// one), 0 when it opens with none.
    pub fn surname_len(&self, chars: &[char]) -> usize {
        if chars.len() >= 2 && self.compound.contains(&chars.iter().take(2).collect::<String>()) {
            return 2;
        }
        chars.first().map_or(0, |c| usize::from(self.single.contains(c)))
    }

    /// Whether a character may stand in a given name: an ideograph that is no blocker.
    pub fn given_ok(&self, c: char) -> bool {
        is_cjk(c) && !self.blockers.contains(&c)
    }

    /// Whether the first two characters at `pos` make a word that is no name (`单位`).
    pub fn word_at(&self, text: &str, pos: usize) -> bool {
        let Some(rest) = text.get(pos..) else { return true };
        let mut it = rest.char_indices();
        let two = it.nth(1).map(|(i, c)| i + c.len_utf8()).and_then(|j| rest.get(..j));
        two.is_some_and(|w| self.words.contains(w))
    }

    /// Whether a value is, or ends like, a label, role or section word (博客联系, 作者简介,
    /// 文章编辑), or is a word that only looks like a name.
    pub fn is_not_name(&self, s: &str) -> bool {
        let low = s.trim().to_lowercase();
        self.words.contains(&low) || self.endings.iter().any(|e| low.ends_with(e.as_str()))
    }

    /// Whether `s` is a person's name: two to four Han characters opening with a surname
    /// and one or two given characters that may stand in a name, or a Latin full name.
    pub fn is_person(&self, s: &str) -> bool {
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
    pub fn is_person_list(&self, s: &str) -> bool {
        let parts: Vec<&str> = s
            .split(['、', '，', ',', ' ', '\u{3000}', '\u{a0}'])
            .filter(|p| !p.is_empty())
            .collect();
        (1..=4).contains(&parts.len()) && parts.iter().all(|p| !p.is_ascii() && self.is_person(p))
    }

    /// Whether `s` reads as a pen name: short, made of name characters, not a label, role,
    /// section word, code or date.
    pub fn is_pen_name(&self, s: &str) -> bool {
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
        crate::printed::find_dates(s).is_empty()
    }
}

/// A character and, with `traditional`, its Traditional forms.
fn n_chars(c: char, opts: NameOptions) -> Vec<char> {
    let mut v = vec![c];
    if opts.traditional {
        v.extend(traditional_chars(c));
    }
    v
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

    fn names(rare: bool, traditional: bool) -> Names {
        Names::with_tables(&Names::default_tables(), NameOptions { rare, traditional }).unwrap()
    }

    #[test]
    fn surnames_common_and_rare() {
        let common = names(false, false);
        let all = names(true, true);
        assert_eq!(common.surname_lens_at("欧阳修", 0), [6, 3]);
        assert_eq!(common.surname_lens_at("张三", 0), [3]);
        assert!(common.surname_lens_at("花木兰", 0).is_empty());
        assert_eq!(all.surname_lens_at("花木兰", 0), [3]);
        assert_eq!(all.surname_lens_at("陳曉明", 0), [3]);
        assert!(all.is_person("歐陽修") && all.is_person("司馬相如"));
    }

    #[test]
    fn persons_and_pen_names() {
        let n = names(true, false);
        assert!(n.is_person("张三") && n.is_person("Tom Brown"));
        assert!(!n.is_person("赵") && !n.is_person("张三李四王五") && !n.is_person("chinanews"));
        assert!(n.is_person_list("赵延东、风笑天"));
        assert!(!n.is_person_list("Tom Brown"));
        assert!(n.is_pen_name("太小心") && n.is_pen_name("zboygirl"));
        assert!(!n.is_pen_name("1392") && !n.is_pen_name("2022年2月") && !n.is_pen_name("赵"));
        assert!(n.word_at("单位负责人", 0));
        assert!(!n.word_at("张三", 0));
    }

    #[test]
    fn bad_tables_name_their_line() {
        let mut t = Names::default_tables();
        t.surnames = Table::embedded("surnames.tsv", "common\t张\nsometimes\t李\n");
        let e = Names::with_tables(&t, NameOptions::default()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid rule table surnames.tsv, line 2: unknown kind (common or rare)"
        );
    }
}
