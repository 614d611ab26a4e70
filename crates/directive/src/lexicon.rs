//! The compiled rule tables: automata and word lists built once from the TSV data.

use std::collections::HashMap;

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::Regex;

use crate::error::{Error, Result};
use crate::model::{Movement, Origin};
use crate::tables::{self, Category, Cue, MeasureRow};

/// A word list with a leftmost-longest automaton over it.
#[derive(Debug, Clone)]
pub(crate) struct Words {
    pub list: Vec<String>,
    ac: AhoCorasick,
    /// Whether [`Words::find`] reports maximal overlapping matches rather than
    /// leftmost-longest ones.
    overlapping: bool,
    /// The longest word, in bytes.
    longest: usize,
}

/// One match of a [`Words`] automaton: the word's index and its span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub id: usize,
    pub start: usize,
    pub end: usize,
}

impl Words {
    pub(crate) fn new(name: &str, words: Vec<String>) -> Result<Self> {
        Self::build(name, words, false)
    }

    /// A list whose matches may overlap: every match not inside a longer one is reported
    /// (`生活物资储备` gives both 生活物资 and 物资储备; 核酸检测 hides 核酸).
    pub(crate) fn overlapping(name: &str, words: Vec<String>) -> Result<Self> {
        Self::build(name, words, true)
    }

    fn build(name: &str, words: Vec<String>, overlapping: bool) -> Result<Self> {
        let longest = words.iter().map(String::len).max().unwrap_or(0);
        // The automaton kind is left to aho-corasick: a DFA for short lists, a contiguous NFA
        // for long ones (a DFA of the long lists costs more to build than it saves).
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&words)
            .map_err(|e| Error::with_source(format!("cannot compile the {name} word list"), e))?;
        Ok(Words { list: words, ac, overlapping, longest })
    }

    /// Matches in text order: leftmost-longest non-overlapping ones, or for an overlapping
    /// list the maximal ones.
    pub(crate) fn find(&self, text: &str) -> Vec<Hit> {
        let hit = |m: aho_corasick::Match| Hit {
            id: m.pattern().as_usize(),
            start: m.start(),
            end: m.end(),
        };
        if !self.overlapping {
            return self.ac.find_iter(text).map(hit).collect();
        }
        // Leftmost-longest matches, plus for each the first match that starts inside it and
        // ends beyond it (物资储备 inside 生活物资储备 after 生活物资).
        let mut all: Vec<Hit> = self.ac.find_iter(text).map(hit).collect();
        let mut extra = Vec::new();
        for h in &all {
            let step = text.get(h.start..).and_then(|t| t.chars().next()).map_or(1, char::len_utf8);
            let mut from = h.start + step;
            while from < h.end {
                let to = (h.end + self.longest).min(text.len());
                let Some(m) = self.ac.find(aho_corasick::Input::new(text).range(from..to)) else {
                    break;
                };
                if m.start() >= h.end {
                    break;
                }
                if m.end() > h.end {
                    extra.push(hit(m));
                    break;
                }
                from = m.end();
            }
        }
        all.extend(extra);
        all.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        let mut out: Vec<Hit> = Vec::with_capacity(all.len());
        let mut reach = 0;
        for h in all {
            if h.end > reach {
                reach = h.end;
                out.push(h);
            }
        }
        out
    }

    pub(crate) fn word(&self, id: usize) -> &str {
        self.list.get(id).map_or("", String::as_str)
    }

    /// Whether `text` contains any word.
    pub(crate) fn any_in(&self, text: &str) -> bool {
        self.ac.is_match(text)
    }
}

/// A set of short words with constant-time prefix and suffix tests.
#[derive(Debug, Clone, Default)]
pub(crate) struct WordSet {
    words: HashSet<String>,
    max_chars: usize,
}

impl WordSet {
    pub(crate) fn new(words: &[String]) -> Self {
        WordSet {
            words: words.iter().cloned().collect(),
            max_chars: words.iter().map(|w| w.chars().count()).max().unwrap_or(0),
        }
    }

    /// The longest word `s` ends with.
    pub(crate) fn suffix_of<'s>(&self, s: &'s str) -> Option<&'s str> {
        let mut found = None;
        for (n, (i, _)) in s.char_indices().rev().enumerate() {
            if n >= self.max_chars {
                break;
            }
            let tail = s.get(i..)?;
            if self.words.contains(tail) {
                found = Some(tail);
            }
        }
        found
    }

    /// The longest word `s` starts with.
    pub(crate) fn prefix_of<'s>(&self, s: &'s str) -> Option<&'s str> {
        let mut found = None;
        for (n, (i, c)) in s.char_indices().enumerate() {
            if n >= self.max_chars {
                break;
            }
            let head = s.get(..i + c.len_utf8())?;
            if self.words.contains(head) {
                found = Some(head);
            }
        }
        found
    }
}

/// The small word lists of `words.tsv`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lists {
    pub notice: Vec<String>,
    pub notice_body: Vec<String>,
    pub meeting: Vec<String>,
    pub meeting_body: Vec<String>,
    pub epidemic: Vec<String>,
    pub org_suffix: Vec<String>,
    pub org_stop: Vec<String>,
    pub org_adverb: Vec<String>,
    pub title: Vec<String>,
    pub format: Vec<String>,
    pub branch: Vec<String>,
    pub relay: Vec<String>,
    pub zone_rule: Vec<String>,
    pub penalty: Vec<String>,
    pub past: Vec<String>,
    pub targeted: Vec<String>,
    pub framing: Vec<String>,
    pub lead_in: Vec<String>,
    pub connective: Vec<String>,
    pub request: Vec<String>,
    pub lift: Vec<String>,
    pub issue_day: Vec<String>,
    pub self_reference: Vec<String>,
    pub enact: Vec<String>,
    pub group_stop: Vec<String>,
    pub anaphor: Vec<String>,
    pub group_clause_lead: Vec<String>,
    pub mention: Vec<String>,
    pub without: Vec<String>,
    pub define: Vec<String>,
    pub level_word: Vec<String>,
    pub group_keep: Vec<String>,
    pub level_province: Vec<String>,
    pub level_city: Vec<String>,
    pub level_county: Vec<String>,
    pub ordinal: Vec<String>,
    pub vague_modifier: Vec<String>,
    pub certificate_word: Vec<String>,
    pub unit_day: Vec<String>,
    pub unit_week: Vec<String>,
    pub unit_month: Vec<String>,
    pub unit_hour: Vec<String>,
    pub unit_time: Vec<String>,
    pub param_ahead: Vec<String>,
    pub param_recent: Vec<String>,
    pub param_ordinal: Vec<String>,
    pub param_every: Vec<String>,
    pub param_within: Vec<String>,
    pub duration_category: Vec<String>,
    pub within_category: Vec<String>,
    pub count_category: Vec<String>,
    pub notation_days: Vec<String>,
    pub notation_counts: Vec<String>,
    pub not_header: Vec<String>,
    pub exempt: Vec<String>,
    pub requirement: Vec<String>,
    pub timing_before: Vec<String>,
    pub timing_on: Vec<String>,
    pub timing_after: Vec<String>,
    pub branch_office: Vec<String>,
    pub issue_verb: Vec<String>,
}

impl Lists {
    fn from_map(mut m: HashMap<String, Vec<String>>) -> Result<Self> {
        let mut take = |name: &str| {
            m.remove(name).ok_or_else(|| Error::new(format!("words.tsv has no {name:?} list")))
        };
        let mut l = Lists {
            notice: take("notice")?,
            notice_body: take("notice-body")?,
            meeting: take("meeting")?,
            meeting_body: take("meeting-body")?,
            epidemic: take("epidemic")?,
            org_suffix: take("org-suffix")?,
            org_stop: take("org-stop")?,
            org_adverb: take("org-adverb")?,
            title: take("title")?,
            format: take("format")?,
            branch: take("branch")?,
            relay: take("relay")?,
            zone_rule: take("zone-rule")?,
            penalty: take("penalty")?,
            past: take("past")?,
            targeted: take("targeted")?,
            framing: take("framing")?,
            lead_in: take("lead-in")?,
            connective: take("connective")?,
            request: take("request")?,
            lift: take("lift")?,
            issue_day: take("issue-day")?,
            self_reference: take("self")?,
            enact: take("enact")?,
            group_stop: take("group-stop")?,
            anaphor: take("anaphor")?,
            group_clause_lead: take("group-clause-lead")?,
            mention: take("mention")?,
            without: take("without")?,
            define: take("define")?,
            level_word: take("level-word")?,
            group_keep: take("group-keep")?,
            level_province: take("level-province")?,
            level_city: take("level-city")?,
            level_county: take("level-county")?,
            ordinal: take("ordinal")?,
            vague_modifier: take("vague-modifier")?,
            certificate_word: take("certificate-word")?,
            unit_day: take("unit-day")?,
            unit_week: take("unit-week")?,
            unit_month: take("unit-month")?,
            unit_hour: take("unit-hour")?,
            unit_time: take("unit-time")?,
            param_ahead: take("param-ahead")?,
            param_recent: take("param-recent")?,
            param_ordinal: take("param-ordinal")?,
            param_every: take("param-every")?,
            param_within: take("param-within")?,
            duration_category: take("duration-category")?,
            within_category: take("within-category")?,
            count_category: take("count-category")?,
            notation_days: take("notation-days")?,
            notation_counts: take("notation-counts")?,
            not_header: take("not-header")?,
            exempt: take("exempt")?,
            requirement: take("requirement")?,
            timing_before: take("timing-before")?,
            timing_on: take("timing-on")?,
            timing_after: take("timing-after")?,
            branch_office: take("branch-office")?,
            issue_verb: take("issue-verb")?,
        };
        if let Some(name) = m.keys().next() {
            return Err(Error::new(format!("words.tsv has an unknown list {name:?}")));
        }
        // Longest first, so that prefix and suffix tests prefer the longest word.
        for v in [
            &mut l.org_suffix,
            &mut l.org_stop,
            &mut l.org_adverb,
            &mut l.title,
            &mut l.format,
            &mut l.relay,
            &mut l.lead_in,
            &mut l.connective,
            &mut l.group_stop,
            &mut l.anaphor,
            &mut l.group_clause_lead,
            &mut l.without,
            &mut l.define,
            &mut l.not_header,
            &mut l.exempt,
        ] {
            v.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        Ok(l)
    }
}

/// A target head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TargetHead {
    pub alone: bool,
    /// Whether it names people (kind `people`), which makes its phrase a group.
    pub people: bool,
}

/// What a cue of `groups.tsv` says about a group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum GroupField {
    Origin(Vec<Origin>),
    Area(Origin),
    Movement(Movement),
    /// `None`: nobody in particular (`非重点人群`).
    People(Option<String>),
    Rest,
    /// The origins named before it are excluded (`以外`).
    Clear,
    /// A word holding a shorter cue without being one (`进口`).
    None,
}

/// A page-level sense of a group word (`返乡` on a page that speaks of `农村`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sense {
    pub word: String,
    pub context: String,
    pub people: String,
}

/// One row of `groups.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct GroupCue {
    pub field: GroupField,
}

/// Everything compiled.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    pub categories: Vec<Category>,
    pub rows: Vec<MeasureRow>,
    /// Unique measure terms; `term_rows[i]` are the rows of `measures.words[i]`, in table order.
    pub measures: Words,
    pub term_rows: Vec<Vec<usize>>,
    pub cues: Vec<Cue>,
    pub cue_words: Words,
    pub phases: Vec<(String, u8)>,
    pub phase_words: Words,
    pub holders: Vec<Vec<String>>,
    pub holder_words: Vec<String>,
    pub target_heads: Vec<TargetHead>,
    pub target_words: Words,
    /// The cues of `groups.tsv` and what each says.
    pub group_cues: Words,
    pub group_rows: Vec<GroupCue>,
    pub group_senses: Vec<Sense>,
    /// Words ending a group phrase on its left, longest first.
    pub group_stops: Vec<String>,
    pub stop_set: WordSet,
    pub past: Words,
    pub targeted: Words,
    pub penalty: Words,
    pub notice_body: Words,
    pub meeting_body: Words,
    pub epidemic: Words,
    /// 我省 全省 … 我市 … 我县 (`words.tsv` level lists), and the level of each: 0 province,
    /// 1 city, 2 county.
    pub level_markers: Words,
    pub level_of_marker: Vec<u8>,
    pub actors: Vec<String>,
    pub lists: Lists,
    pub session: Regex,
    pub abbreviation: Regex,
    pub division_prefix: Regex,
    /// `入晋`, `来晋`, …: the abbreviation's province for each movement word + abbreviation.
    pub province_marks: Words,
    pub province_of_mark: Vec<String>,
    /// The patterns of measure parameters.
    pub params: crate::params::Patterns,
}

/// The table texts a lexicon is built from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sources<'a> {
    pub categories: &'a str,
    pub measures: &'a str,
    pub modality: &'a str,
    pub phases: &'a str,
    pub responsibilities: &'a str,
    pub targets: &'a str,
    pub stops: &'a str,
    pub actors: &'a str,
    pub words: &'a str,
    pub provinces: &'a str,
    pub groups: &'a str,
}

impl Default for Sources<'static> {
    fn default() -> Self {
        Sources {
            categories: tables::CATEGORIES,
            measures: tables::MEASURES,
            modality: tables::MODALITY,
            phases: tables::PHASES,
            responsibilities: tables::RESPONSIBILITIES,
            targets: tables::TARGETS,
            stops: tables::STOPS,
            actors: tables::ACTORS,
            words: tables::WORDS,
            provinces: tables::PROVINCES,
            groups: tables::GROUPS,
        }
    }
}

fn regex(pattern: &str) -> Result<Regex> {
    Regex::new(pattern).map_err(|e| Error::with_source("cannot compile a built-in pattern", e))
}

impl Lexicon {
    pub(crate) fn build(src: &Sources<'_>) -> Result<Self> {
        let categories = tables::parse_categories(src.categories)?;
        let rows = tables::parse_measures(src.measures, &categories)?;
        let mut terms: Vec<String> = Vec::new();
        let mut term_rows: Vec<Vec<usize>> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        for (i, r) in rows.iter().enumerate() {
            let t = *index.entry(r.term.clone()).or_insert_with(|| {
                terms.push(r.term.clone());
                term_rows.push(Vec::new());
                terms.len() - 1
            });
            if let Some(v) = term_rows.get_mut(t) {
                v.push(i);
            }
        }
        let cues = tables::parse_modality(src.modality)?;
        let cue_words = Words::new("modality", cues.iter().map(|c| c.word.clone()).collect())?;
        let phase_rows = tables::parse_phases(src.phases)?;
        let phase_words =
            Words::new("phase", phase_rows.iter().map(|(t, _, _)| t.clone()).collect())?;
        let phases = phase_rows.into_iter().map(|(_, p, r)| (p, r)).collect();
        let resp = tables::parse_responsibilities(src.responsibilities)?;
        let (holder_words, holders): (Vec<String>, Vec<Vec<String>>) = resp.into_iter().unzip();
        let target_rows = tables::rows("targets.tsv", src.targets, 2, 3)?;
        let target_heads = target_rows
            .iter()
            .map(|(_, f)| TargetHead {
                alone: f.get(2).is_some_and(|a| *a == "alone"),
                people: f.get(1).is_some_and(|k| *k == "people"),
            })
            .collect();
        let target_words =
            Words::new("target", target_rows.iter().map(|(_, f)| f[0].to_owned()).collect())?;
        let stops = tables::parse_words("stops.tsv", src.stops)?;
        let mut actors = tables::parse_words("actors.tsv", src.actors)?;
        actors.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let lists = Lists::from_map(tables::parse_lists(src.words)?)?;
        let (group_words, group_rows, group_senses) = tables::parse_groups(src.groups)?;
        let params = crate::params::Patterns::build(&lists)
            .map_err(|e| Error::with_source("cannot compile the parameter patterns", e))?;
        let mut marks = Vec::new();
        let mut province_of_mark = Vec::new();
        for (_, f) in tables::rows("provinces.tsv", src.provinces, 2, 2)? {
            for verb in ["入", "来", "返", "离", "在", "抵", "出"] {
                marks.push(format!("{verb}{}", f[0]));
                province_of_mark.push(f[1].to_owned());
            }
        }
        Ok(Lexicon {
            stop_set: WordSet::new(&stops),
            past: Words::new("past", lists.past.clone())?,
            targeted: Words::new("targeted", lists.targeted.clone())?,
            penalty: Words::new("penalty", lists.penalty.clone())?,
            notice_body: Words::new("notice-body", lists.notice_body.clone())?,
            meeting_body: Words::new("meeting-body", lists.meeting_body.clone())?,
            epidemic: Words::new("epidemic", lists.epidemic.clone())?,
            level_markers: Words::new(
                "level markers",
                [&lists.level_province[..], &lists.level_city, &lists.level_county].concat(),
            )?,
            level_of_marker: std::iter::repeat_n(0u8, lists.level_province.len())
                .chain(std::iter::repeat_n(1, lists.level_city.len()))
                .chain(std::iter::repeat_n(2, lists.level_county.len()))
                .collect(),
            categories,
            rows,
            measures: Words::overlapping("measure", terms)?,
            term_rows,
            cues,
            cue_words,
            phases,
            phase_words,
            holders,
            holder_words,
            target_heads,
            target_words,
            group_cues: Words::new("group cue", group_words)?,
            group_rows,
            group_senses,
            group_stops: {
                let mut w: Vec<String> = lists.group_stop.clone();
                w.extend(stops.iter().filter(|s| !lists.group_keep.contains(s)).cloned());
                w.sort_by_key(|s| std::cmp::Reverse(s.len()));
                w.dedup();
                w
            },
            actors,
            lists,
            session: regex(r"第\s*([0-9一二三四五六七八九十百千零〇两]{1,8})\s*次")?,
            abbreviation: regex(
                r"[（(]\s*以下简称\s*[“「\x22]?([^”」\x22）)]{2,20})[”」\x22]?\s*[）)]",
            )?,
            province_marks: Words::new("province marks", marks)?,
            province_of_mark,
            params,
            division_prefix: regex(
                r"^(?:中共)?(\p{Han}{2,8}?(?:特别行政区|自治区|自治州|自治县|省|市|县|区|旗|盟|州))",
            )?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_lexicon_builds() {
        let l = Lexicon::build(&Sources::default()).unwrap();
        assert_eq!(l.measures.list.len(), l.term_rows.len());
        let closed = l.measures.list.iter().position(|w| w == "闭环管理").unwrap();
        assert_eq!(l.term_rows[closed].len(), 3);
        let hits = l.measures.find("严格执行扫码、测温、戴口罩、通风消毒");
        let found: Vec<&str> = hits.iter().map(|h| l.measures.word(h.id)).collect();
        assert_eq!(found, ["扫码", "测温", "戴口罩", "通风消毒"]);
        let hits = l.measures.find("做好重要生活物资储备和核酸检测");
        let found: Vec<&str> = hits.iter().map(|h| l.measures.word(h.id)).collect();
        assert_eq!(found, ["生活物资", "物资储备", "核酸检测"]);
    }

    #[test]
    fn unknown_list_is_an_error() {
        let words = format!("{}\nbogus\t字\n", tables::WORDS);
        let src = Sources { words: &words, ..Sources::default() };
        let e = Lexicon::build(&src).unwrap_err();
        assert!(e.to_string().contains("bogus"), "{e}");
    }
}
