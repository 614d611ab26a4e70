//! People: a name with titles before it (`省委常委、市委书记韦韬`), after it (`习近平总书记`),
//! in a byline (`(记者秦洋)`, `责编: 李文治`), or known (`习近平`).

use std::collections::HashSet;

use crate::error::Result;
use crate::lexicon;
use crate::names::{NameOptions, Names};
use crate::org::OrgHit;
use crate::place::PlaceHit;
use crate::tables::{Table, Tables};
use crate::text::{SpanSet, char_at, char_before, is_cjk, prev_pos, skip_spaces};

/// How far back (characters) a title may reach for the organization it belongs to.
const MAX_TITLE_REACH: usize = 14;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TitleUse {
    Pre,
    Post,
    Both,
    Byline,
}

impl TitleUse {
    fn pre(self) -> bool {
        matches!(self, TitleUse::Pre | TitleUse::Both | TitleUse::Byline)
    }
    fn post(self) -> bool {
        matches!(self, TitleUse::Post | TitleUse::Both)
    }
}

/// A person found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PersonHit {
    pub start: usize,
    pub end: usize,
    pub titles: Vec<String>,
}

#[derive(Debug, Clone, Copy)]
struct TitleHit {
    start: usize,
    end: usize,
    use_: TitleUse,
}

/// Recognizes people.
#[derive(Debug, Clone)]
pub(crate) struct PersonFinder {
    /// Titles, then known people (one family of `lexicon::Families`).
    pub patterns: Vec<String>,
    title_uses: Vec<TitleUse>,
    /// Surnames (the common ones), given-name blockers and words that are no names.
    names: Names,
    followers: crate::text::WordList,
    function_chars: HashSet<char>,
}

impl PersonFinder {
    pub(crate) fn build(t: &Tables) -> Result<Self> {
        let mut pats = Vec::new();
        let mut title_uses = Vec::new();
        for row in t.table(Table::Titles).rows(1, 2)? {
            let u = match row.get(1) {
                "pre" | "" => TitleUse::Pre,
                "post" => TitleUse::Post,
                "both" => TitleUse::Both,
                "byline" => TitleUse::Byline,
                _ => return Err(row.error("unknown title use (pre, post, both or byline)")),
            };
            pats.push(row.get(0).to_owned());
            title_uses.push(u);
        }
        // known people after the titles, in the same automaton
        let known = t.table(Table::KnownPeople).words();
        let patterns: Vec<String> = pats.into_iter().chain(known).collect();
        Ok(PersonFinder {
            patterns,
            title_uses,
            names: Names::with_tables(&Names::tables(t), NameOptions::default())?,
            followers: crate::text::WordList::new(t.table(Table::NameFollowers).words()),
            function_chars: lexicon::char_set(&t.table(Table::FunctionChars)),
        })
    }

    /// The length in bytes of the surname at `pos`, if one stands there.
    fn surname_at(&self, text: &str, pos: usize) -> Vec<usize> {
        self.names.surname_lens_at(text, pos)
    }

    /// Whether a candidate name starts with a common word (`单位`, `解释`, `董事`).
    fn common_word(&self, text: &str, s: usize) -> bool {
        self.names.word_at(text, s)
    }

    fn given_ok(&self, c: char) -> bool {
        self.names.given_ok(c)
    }

    /// Whether a name may end at `pos`: the end of the text, a non-CJK character, or a word
    /// that usually follows names.
    fn ends_name(&self, text: &str, pos: usize) -> bool {
        match char_at(text, pos) {
            None => true,
            Some(c) if !is_cjk(c) => true,
            Some(_) => self.followers.at(text, pos).is_some(),
        }
    }

    /// The name starting at `pos` (surname + one or two given characters), preferring the
    /// longer one when both could end there.
    fn name_after(&self, text: &str, pos: usize, blocked: &SpanSet) -> Option<(usize, usize)> {
        let mut fallback = None;
        for sl in self.surname_at(text, pos) {
            let g0 = pos + sl;
            let Some(c1) = char_at(text, g0).filter(|&c| self.given_ok(c)) else { continue };
            let g1 = g0 + c1.len_utf8();
            let two = char_at(text, g1).filter(|&c| self.given_ok(c)).map(|c| g1 + c.len_utf8());
            for end in two.into_iter().chain(std::iter::once(g1)) {
                if blocked.hits(pos, end) || self.common_word(text, pos) {
                    continue;
                }
                if self.ends_name(text, end) {
                    return Some((pos, end));
                }
                // a verb the follower list lacks (韦韬察看): the longest candidate whose
                // characters all may stand in a name, the verb's first one excluded
                if fallback.is_none() && char_at(text, end).is_some_and(|c| !self.given_ok(c)) {
                    fallback = Some((pos, end));
                }
            }
        }
        fallback
    }

    /// The name ending at `end` (before a post-name title).
    fn name_before(&self, text: &str, end: usize, blocked: &SpanSet) -> Option<(usize, usize)> {
        let p1 = prev_pos(text, end);
        let c1 = char_before(text, end).filter(|&c| self.given_ok(c))?;
        let _ = c1;
        let p2 = prev_pos(text, p1);
        let p3 = prev_pos(text, p2);
        let p4 = prev_pos(text, p3);
        // compound surname + 1-2, single surname + 2, single surname + 1
        let mut cands: Vec<usize> = Vec::with_capacity(4);
        for &st in &[p4, p3, p2] {
            if st < p1 {
                cands.push(st);
            }
        }
        for st in cands {
            let Some(sl) = self.surname_at(text, st).into_iter().find(|&l| st + l < end) else {
                continue;
            };
            let given_ok = text.get(st + sl..end).is_some_and(|g| {
                g.chars().all(|c| self.given_ok(c)) && (1..=2).contains(&g.chars().count())
            });
            if !given_ok || blocked.hits(st, end) || self.common_word(text, st) {
                continue;
            }
            // a function character before a surname that is itself one (向, 于) makes the shorter
            // reading likelier; keep looking then
            if char_at(text, st).is_some_and(|c| self.function_chars.contains(&c)) {
                continue;
            }
            return Some((st, end));
        }
        None
    }

    /// People in `text`, in order, with their titles; `orgs` and `places` are known spans.
    #[cfg(test)]
    pub(crate) fn find(&self, text: &str, orgs: &[OrgHit], places: &[PlaceHit]) -> Vec<PersonHit> {
        let f = lexicon::Families::build("title", &[&self.patterns], false)
            .unwrap_or_else(|e| panic!("{e}"));
        self.among_hits(text, &f.scan(text)[0], orgs, places)
    }

    /// People from this family's matches in `text`; `orgs` and `places` are known spans.
    pub(crate) fn among_hits(
        &self,
        text: &str,
        hits: &[lexicon::Hit],
        orgs: &[OrgHit],
        places: &[PlaceHit],
    ) -> Vec<PersonHit> {
        let mut titles: Vec<TitleHit> = Vec::new();
        let mut known: Vec<(usize, usize)> = Vec::new();
        for &(start, end, id) in hits {
            match self.title_uses.get(id) {
                Some(&use_) => titles.push(TitleHit { start, end, use_ }),
                None => known.push((start, end)),
            }
        }
        let mut spans: Vec<(usize, usize)> = orgs.iter().map(|o| (o.start, o.end)).collect();
        spans.extend(places.iter().filter(|p| !p.weak).map(|p| (p.start, p.end)));
        spans.extend(titles.iter().map(|t| (t.start, t.end)));
        let blocked = SpanSet::new(spans);
        let mut out: Vec<PersonHit> = Vec::new();
        for (ti, t) in titles.iter().enumerate() {
            if t.use_.pre() {
                let mut pos = t.end;
                if t.use_ == TitleUse::Byline {
                    pos = skip_spaces(text, pos);
                    if matches!(char_at(text, pos), Some(':' | '：')) {
                        pos = skip_spaces(text, pos + char_at(text, pos).map_or(1, char::len_utf8));
                    }
                }
                if let Some((s, e)) = self.name_after(text, pos, &blocked) {
                    let chain = self.title_chain(text, &titles, ti, orgs, places);
                    push(&mut out, PersonHit { start: s, end: e, titles: chain.clone() });
                    {
                        // more names: a byline (记者 王某 李某) or a list (副市长李某、王某)
                        let byline = t.use_ == TitleUse::Byline;
                        let mut p = e;
                        loop {
                            let q = if byline { skip_spaces(text, p) } else { p };
                            let q = if matches!(char_at(text, q), Some('、')) {
                                q + '、'.len_utf8()
                            } else if byline {
                                q
                            } else {
                                break;
                            };
                            if q == p {
                                break;
                            }
                            let Some((s2, e2)) =
                                self.name_after(text, skip_spaces(text, q), &blocked)
                            else {
                                break;
                            };
                            push(&mut out, PersonHit { start: s2, end: e2, titles: chain.clone() });
                            p = e2;
                        }
                    }
                    continue;
                }
            }
            if t.use_.post()
                && let Some((s, e)) = self.name_before(text, t.start, &blocked)
            {
                let title = text.get(t.start..t.end).unwrap_or_default().to_owned();
                push(&mut out, PersonHit { start: s, end: e, titles: vec![title] });
            }
        }
        for (s, e) in known {
            push(&mut out, PersonHit { start: s, end: e, titles: Vec::new() });
        }
        settle(out)
    }

    /// The titles before a name: the title at `ti` with the organization it belongs to, and
    /// the titles joined to it by `、`, in text order.
    fn title_chain(
        &self,
        text: &str,
        titles: &[TitleHit],
        ti: usize,
        orgs: &[OrgHit],
        places: &[PlaceHit],
    ) -> Vec<String> {
        let mut chain = Vec::new();
        let mut i = ti;
        while let Some(t) = titles.get(i) {
            let start = self.title_start(text, t.start, titles, orgs, places);
            if let Some(s) = text.get(start..t.end) {
                chain.push(s.to_owned());
            }
            // the previous title of the chain ends right before a `、`
            if char_before(text, start) != Some('、') {
                break;
            }
            let sep = prev_pos(text, start);
            let j = titles.partition_point(|p| p.end < sep);
            match (j < i && titles.get(j).is_some_and(|p| p.end == sep)).then_some(j) {
                Some(j) => i = j,
                None => break,
            }
        }
        chain.reverse();
        chain
    }

    /// Where a title starts once the organization, grade or deputy mark before it is added
    /// (`省卫生健康委` + `副主任`).
    fn title_start(
        &self,
        text: &str,
        core: usize,
        titles: &[TitleHit],
        orgs: &[OrgHit],
        places: &[PlaceHit],
    ) -> usize {
        let mut st = core;
        loop {
            // an organization the title starts inside (大同|市委常委 inside 大同市委)
            if let Some(o) = org_containing(orgs, st) {
                st = o.start;
                continue;
            }
            // a place right before it (太原市 + 市长)
            if let Some(p) = places.iter().find(|p| p.end == st && p.start < st && !p.weak) {
                st = p.start;
                continue;
            }
            if let Some(o) = org_ending_at(orgs, st).filter(|o| o.start < st) {
                st = o.start;
                continue;
            }
            if let Some(t) = titles
                .get(titles.partition_point(|t| t.end < st))
                .filter(|t| t.end == st && t.start < st && t.use_ != TitleUse::Byline)
            {
                // 党组成员 + 副主任? only when no separator: a longer compound title
                st = t.start;
                continue;
            }
            // deputy, acting and former marks (副市长, 代市长, 原局长)
            if matches!(char_before(text, st), Some('副' | '代' | '原')) {
                st = prev_pos(text, st);
                continue;
            }
            // free words between an organization and the title (…中心传染病预防控制国家重点实验室主任)
            let mut p = st;
            let mut n = 0;
            let mut found = None;
            while n < MAX_TITLE_REACH {
                let Some(c) = char_before(text, p) else { break };
                if !is_cjk(c) || self.function_chars.contains(&c) {
                    break;
                }
                p = prev_pos(text, p);
                n += 1;
                if let Some(o) = org_ending_at(orgs, p) {
                    found = Some(o.start);
                    break;
                }
            }
            match found {
                Some(s) if s < st => st = s,
                _ => break,
            }
        }
        st
    }

    /// Other mentions of names already found (`武晋表示` after `主任武晋`).
    pub(crate) fn mentions(&self, text: &str, names: &[String], taken: &SpanSet) -> Vec<PersonHit> {
        let mut out = Vec::new();
        for name in names {
            for (i, _) in text.match_indices(name.as_str()) {
                let (s, e) = (i, i + name.len());
                if taken.hits(s, e) {
                    continue;
                }
                // not the head of a longer name (王伟 in 王伟东)
                if char_at(text, e).is_some_and(|c| self.given_ok(c)) && !self.ends_name(text, e) {
                    continue;
                }
                out.push(PersonHit { start: s, end: e, titles: Vec::new() });
            }
        }
        settle(out)
    }
}

/// The organization ending at `pos` (organizations are sorted and do not overlap).
fn org_ending_at(orgs: &[OrgHit], pos: usize) -> Option<&OrgHit> {
    orgs.get(orgs.partition_point(|o| o.end < pos)).filter(|o| o.end == pos)
}

/// The organization `pos` falls strictly inside.
fn org_containing(orgs: &[OrgHit], pos: usize) -> Option<&OrgHit> {
    orgs.get(orgs.partition_point(|o| o.end <= pos)).filter(|o| o.start < pos && pos < o.end)
}

fn push(out: &mut Vec<PersonHit>, p: PersonHit) {
    out.push(p);
}

/// Sorts people by position and drops overlaps: the first found wins, taking the titles of
/// a later hit on the same span when it has none.
fn settle(mut v: Vec<PersonHit>) -> Vec<PersonHit> {
    // a stable sort keeps the order they were found in among equal starts
    v.sort_by_key(|p| p.start);
    let mut out: Vec<PersonHit> = Vec::with_capacity(v.len());
    for p in v {
        match out.last_mut() {
            Some(q) if q.end > p.start => {
                if q.titles.is_empty()
                    && !p.titles.is_empty()
                    && q.start == p.start
                    && q.end == p.end
                {
                    q.titles = p.titles;
                }
            }
            _ => out.push(p),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::org::OrgFinder;
    use crate::place::PlaceFinder;

    fn people(text: &str) -> Vec<(String, Vec<String>)> {
        let pf = PlaceFinder::build(&Tables::default()).unwrap();
        let of = OrgFinder::build(&Tables::default()).unwrap();
        let f = PersonFinder::build(&Tables::default()).unwrap();
        let places = pf.find(text);
        let orgs = of.find(text, &places);
        f.find(text, &orgs, &places)
            .into_iter()
            .map(|p| (text[p.start..p.end].to_owned(), p.titles))
            .collect()
    }

    fn t(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn titles_before_names() {
        assert_eq!(
            people("9月3日，省委常委、市委书记王建军主持召开会议"),
            vec![("王建军".into(), t(&["省委常委", "市委书记"]))]
        );
        assert_eq!(
            people("县委书记、县长李红出席"),
            vec![("李红".into(), t(&["县委书记", "县长"]))]
        );
        assert_eq!(
            people("市委副书记、市长赵明提出要求"),
            vec![("赵明".into(), t(&["市委副书记", "市长"]))]
        );
        assert_eq!(
            people("市卫生健康委党组书记、主任周涛表示"),
            vec![("周涛".into(), t(&["市卫生健康委党组书记", "主任"]))]
        );
        assert_eq!(
            people("市卫生健康委副主任、二级巡视员、市疾控中心主任孙立平介绍"),
            vec![("孙立平".into(), t(&["市卫生健康委副主任", "二级巡视员", "市疾控中心主任"]))]
        );
        assert_eq!(
            people("中国科学院院士钟华等专家"),
            vec![("钟华".into(), t(&["中国科学院院士"]))]
        );
    }

    #[test]
    fn names_before_titles_and_bylines() {
        assert_eq!(people("深入学习习近平总书记重要讲话")[0].0, "习近平");
        assert_eq!(people("韩冰同志指出")[0], ("韩冰".into(), t(&["同志"])));
        assert_eq!(people("(记者王小川)"), vec![("王小川".into(), t(&["记者"]))]);
        assert_eq!(people("责编: 刘一鸣"), vec![("刘一鸣".into(), t(&["责编"]))]);
        assert_eq!(people("（记者 张扬 李冬）").len(), 2);
        assert_eq!(
            people("副市长李红、王建国出席"),
            vec![("李红".into(), t(&["副市长"])), ("王建国".into(), t(&["副市长"]))]
        );
        assert_eq!(people("市长李红、各县区负责人参加").len(), 1);
    }

    #[test]
    fn places_and_organizations_are_not_people() {
        assert!(people("区委书记、重点部门负责人在分会场参加会议").is_empty());
        assert!(people("各乡镇书记参加").is_empty());
        assert!(people("中国工程院院士").is_empty());
        assert!(people("作者单位：某某研究所").is_empty());
        assert_eq!(people("公司董事、总经理许文涛说"), vec![("许文涛".into(), t(&["总经理"]))]);
    }
}
