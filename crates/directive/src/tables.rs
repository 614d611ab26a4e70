//! The rule tables: embedded TSV files (`data/*.tsv`) parsed once at build time.

use std::collections::HashMap;

use crate::error::{Error, Result};
use crate::model::Modality;

/// The embedded default tables.
pub(crate) const CATEGORIES: &str = include_str!("../data/categories.tsv");
pub(crate) const MEASURES: &str = include_str!("../data/measures.tsv");
pub(crate) const MODALITY: &str = include_str!("../data/modality.tsv");
pub(crate) const PHASES: &str = include_str!("../data/phases.tsv");
pub(crate) const RESPONSIBILITIES: &str = include_str!("../data/responsibilities.tsv");
pub(crate) const TARGETS: &str = include_str!("../data/targets.tsv");
pub(crate) const STOPS: &str = include_str!("../data/stops.tsv");
pub(crate) const ACTORS: &str = include_str!("../data/actors.tsv");
pub(crate) const WORDS: &str = include_str!("../data/words.tsv");
pub(crate) const PROVINCES: &str = include_str!("../data/provinces.tsv");
pub(crate) const GROUPS: &str = include_str!("../data/groups.tsv");

/// `groups.tsv`: the cues and what each says about a group.
pub(crate) fn parse_groups(
    text: &str,
) -> Result<(Vec<String>, Vec<crate::lexicon::GroupCue>, Vec<crate::lexicon::Sense>)> {
    use crate::lexicon::{GroupCue, GroupField, Sense};
    use crate::model::{Movement, Origin};
    let mut words = Vec::new();
    let mut cues = Vec::new();
    let mut senses = Vec::new();
    for (line, f) in rows("groups.tsv", text, 3, 3)? {
        if f[1] == "sense" {
            let Some((context, people)) = f[2].split_once(':') else {
                return Err(Error::new(format!(
                    "groups.tsv line {line}: a sense is \"context:people\", found {:?}",
                    f[2]
                )));
            };
            senses.push(Sense {
                word: f[0].to_owned(),
                context: context.trim().to_owned(),
                people: people.trim().to_owned(),
            });
            continue;
        }
        let bad =
            |what: &str| Error::new(format!("groups.tsv line {line}: unknown {what} {:?}", f[2]));
        let origin = |v: &str| Origin::from_name(v).ok_or_else(|| bad("origin"));
        let field = match f[1] {
            "origin" => GroupField::Origin(
                f[2].split('|').map(|v| origin(v.trim())).collect::<Result<Vec<_>>>()?,
            ),
            "area" => GroupField::Area(origin(f[2])?),
            "movement" => {
                GroupField::Movement(Movement::from_name(f[2]).ok_or_else(|| bad("movement"))?)
            }
            "people" => GroupField::People(opt(f[2]).map(str::to_owned)),
            "rest" => GroupField::Rest,
            "clear" => GroupField::Clear,
            "none" => GroupField::None,
            other => {
                return Err(Error::new(format!("groups.tsv line {line}: unknown field {other:?}")));
            }
        };
        words.push(f[0].to_owned());
        cues.push(GroupCue { field });
    }
    Ok((words, cues, senses))
}

/// The rows of a TSV table: `(line number, fields)`, skipping blank lines and `#` comments.
/// Every row must have between `min` and `max` fields (the workspace's one table loader,
/// [`zhengling_tables::Table`]).
pub(crate) fn rows<'a>(
    name: &'a str,
    text: &'a str,
    min: usize,
    max: usize,
) -> Result<Vec<(usize, Vec<&'a str>)>> {
    Ok(zhengling_tables::Table::embedded(name, text)
        .rows(min, max)?
        .into_iter()
        .map(|r| (r.line.number, r.fields))
        .collect())
}

/// `-` means none.
pub(crate) fn opt(field: &str) -> Option<&str> {
    (field != "-" && !field.is_empty()).then_some(field)
}

/// A `|`-separated list; `-` is empty.
pub(crate) fn list(field: &str) -> Vec<String> {
    opt(field)
        .map(|f| f.split('|').map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned).collect())
        .unwrap_or_default()
}

/// A measure category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    /// The id (`testing`).
    pub id: String,
    /// The OxCGRT indicator the category usually codes to.
    pub oxcgrt: Option<String>,
    /// The CoronaNet policy type.
    pub coronanet: Option<String>,
    /// The WHO PHSM code.
    pub phsm: Option<String>,
    /// A short English name.
    pub name: String,
    /// Example terms.
    pub examples: Vec<String>,
}

pub(crate) fn parse_categories(text: &str) -> Result<Vec<Category>> {
    rows("categories.tsv", text, 5, 6)?
        .into_iter()
        .map(|(line, f)| {
            let oxcgrt = opt(f[1]).map(str::to_owned);
            if let Some(code) = &oxcgrt {
                check_code(code)
                    .map_err(|e| Error::new(format!("categories.tsv line {line}: {e}")))?;
            }
            Ok(Category {
                id: f[0].to_owned(),
                oxcgrt,
                coronanet: opt(f[2]).map(str::to_owned),
                phsm: opt(f[3]).map(str::to_owned),
                name: f[4].to_owned(),
                examples: f
                    .get(5)
                    .map(|e| e.split_whitespace().map(str::to_owned).collect())
                    .unwrap_or_default(),
            })
        })
        .collect()
}

/// An OxCGRT code: `C1`-`C8`, `H1`-`H8`, `E1`-`E4`, `V1`-`V4`.
fn check_code(code: &str) -> std::result::Result<(), String> {
    let mut cs = code.chars();
    let ok = matches!(
        (cs.next(), cs.next().and_then(|c| c.to_digit(10)), cs.next()),
        (Some('C' | 'H'), Some(1..=8), None) | (Some('E' | 'V'), Some(1..=4), None)
    );
    if ok { Ok(()) } else { Err(format!("{code:?} is not an OxCGRT indicator code")) }
}

/// One row of the measure table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MeasureRow {
    pub term: String,
    /// Index into the categories.
    pub category: usize,
    pub oxcgrt: Option<String>,
    pub level: Option<u8>,
    /// Words one of which must occur in the item; empty means none needed.
    pub context: Vec<String>,
    /// Whether another measure in the item satisfies the context.
    pub context_measure: bool,
    pub exclude: Vec<String>,
    /// The term of the set of synonyms the row's term belongs to (`测温` for 测量体温).
    pub canonical: Option<String>,
}

pub(crate) fn parse_measures(text: &str, categories: &[Category]) -> Result<Vec<MeasureRow>> {
    rows("measures.tsv", text, 6, 7)?
        .into_iter()
        .map(|(line, f)| {
            let err = |m: String| Error::new(format!("measures.tsv line {line}: {m}"));
            let category = categories
                .iter()
                .position(|c| c.id == f[1])
                .ok_or_else(|| err(format!("unknown category {:?}", f[1])))?;
            let oxcgrt = opt(f[2]).map(str::to_owned);
            if let Some(code) = &oxcgrt {
                check_code(code).map_err(err)?;
            }
            let level = opt(f[3])
                .map(|l| l.parse::<u8>().map_err(|_| err(format!("level {l:?} is not a number"))))
                .transpose()?;
            let mut context = list(f[4]);
            let before = context.len();
            context.retain(|w| w != "@measure");
            Ok(MeasureRow {
                term: f[0].to_owned(),
                category,
                oxcgrt,
                level,
                context_measure: context.len() != before,
                context,
                exclude: list(f[5]),
                canonical: f.get(6).copied().and_then(opt).map(str::to_owned),
            })
        })
        .collect()
}

/// What a modality cue means and where it counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CuePlace {
    Any,
    Lead,
    Start,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cue {
    pub word: String,
    /// `None` for a blocker.
    pub modality: Option<Modality>,
    pub place: CuePlace,
}

pub(crate) fn parse_modality(text: &str) -> Result<Vec<Cue>> {
    rows("modality.tsv", text, 3, 3)?
        .into_iter()
        .map(|(line, f)| {
            let err = |m: String| Error::new(format!("modality.tsv line {line}: {m}"));
            let modality = match f[1] {
                "must" => Some(Modality::Must),
                "must-not" => Some(Modality::MustNot),
                "should" => Some(Modality::Should),
                "encourage" => Some(Modality::Encourage),
                "report" => Some(Modality::Report),
                "-" => None,
                m => return Err(err(format!("unknown modality {m:?}"))),
            };
            let place = match f[2] {
                "any" => CuePlace::Any,
                "lead" => CuePlace::Lead,
                "start" => CuePlace::Start,
                p => return Err(err(format!("unknown place {p:?}"))),
            };
            Ok(Cue { word: f[0].to_owned(), modality, place })
        })
        .collect()
}

/// `term -> (phase, rank)`.
pub(crate) fn parse_phases(text: &str) -> Result<Vec<(String, String, u8)>> {
    rows("phases.tsv", text, 3, 3)?
        .into_iter()
        .map(|(line, f)| {
            let rank = f[2].parse::<u8>().map_err(|_| {
                Error::new(format!("phases.tsv line {line}: rank {:?} is not a number", f[2]))
            })?;
            Ok((f[0].to_owned(), f[1].to_owned(), rank))
        })
        .collect()
}

/// `term -> holders`.
pub(crate) fn parse_responsibilities(text: &str) -> Result<Vec<(String, Vec<String>)>> {
    Ok(rows("responsibilities.tsv", text, 2, 2)?
        .into_iter()
        .map(|(_, f)| (f[0].to_owned(), list(f[1])))
        .collect())
}

/// First column of a one-word-a-line table (other columns ignored).
pub(crate) fn parse_words(name: &str, text: &str) -> Result<Vec<String>> {
    Ok(rows(name, text, 1, 2)?.into_iter().map(|(_, f)| f[0].to_owned()).collect())
}

/// `list -> words` of words.tsv.
pub(crate) fn parse_lists(text: &str) -> Result<HashMap<String, Vec<String>>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for (_, f) in rows("words.tsv", text, 2, 2)? {
        out.entry(f[0].to_owned()).or_default().push(f[1].to_owned());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_tables_parse() {
        let cats = parse_categories(CATEGORIES).unwrap();
        assert!(cats.iter().any(|c| c.id == "testing" && c.oxcgrt.as_deref() == Some("H2")));
        let rows = parse_measures(MEASURES, &cats).unwrap();
        assert!(rows.iter().any(|r| r.term == "足不出户" && r.level == Some(3)));
        assert!(rows.iter().any(|r| r.term == "养老院" && r.context_measure));
        assert!(!parse_modality(MODALITY).unwrap().is_empty());
        assert!(!parse_phases(PHASES).unwrap().is_empty());
        assert!(!parse_responsibilities(RESPONSIBILITIES).unwrap().is_empty());
        assert!(super::rows("targets.tsv", TARGETS, 3, 3).unwrap().len() > 10);
        for (n, t) in [("stops", STOPS), ("actors", ACTORS)] {
            assert!(!parse_words(n, t).unwrap().is_empty());
        }
        let lists = parse_lists(WORDS).unwrap();
        for l in ["notice", "meeting", "org-suffix", "title", "format", "zone-rule", "past"] {
            assert!(lists.contains_key(l), "{l}");
        }
    }

    #[test]
    fn every_category_is_used_and_every_term_categorized() {
        let cats = parse_categories(CATEGORIES).unwrap();
        let rows = parse_measures(MEASURES, &cats).unwrap();
        for (i, c) in cats.iter().enumerate() {
            if c.id != "economic-support" {
                assert!(rows.iter().any(|r| r.category == i), "category {} has no term", c.id);
            }
        }
    }

    #[test]
    fn bad_rows_are_errors() {
        let cats = parse_categories(CATEGORIES).unwrap();
        let e = parse_measures("核酸检测\tnope\tH2\t-\t-\t-\n", &cats).unwrap_err();
        assert!(e.to_string().contains("unknown category"), "{e}");
        let e = parse_measures("核酸检测\ttesting\tX9\t-\t-\t-\n", &cats).unwrap_err();
        assert!(e.to_string().contains("not an OxCGRT"), "{e}");
        let e = parse_measures("核酸检测\ttesting\n", &cats).unwrap_err();
        assert!(e.to_string().contains("line 1"), "{e}");
        assert!(parse_modality("要\tmaybe\tany\n").is_err());
        assert!(check_code("C8").is_ok() && check_code("E4").is_ok());
        assert!(check_code("E5").is_err() && check_code("H9").is_err() && check_code("H").is_err());
    }
}
