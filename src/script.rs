//! One record in one script. A page kept in Traditional characters (an authentic Taiwan or
//! Hong Kong page under the default script policy) is shown in Traditional and analysed on the
//! Simplified view normalization made of each piece (the lexicons and rules are Simplified);
//! [`Views::to_shown`] then moves every string of the record back to the shown text, in one
//! pass and in one place: a span through its piece's offset map, with the shown slice as its
//! text; a value (an organization's full form, a group's people, a meeting's name) by where it
//! stands in the analysed text, else by its standard Traditional spelling.

use std::borrow::Cow;

use zhengling_directive::{Directive, Text};
use zhengling_normalize::SimplifiedView;

use crate::record::EntityRecord;

/// The Simplified views of an article's title and paragraphs, where they differ from the
/// shown text.
#[derive(Debug, Default)]
pub(crate) struct Views {
    pub title: Option<SimplifiedView>,
    pub paragraphs: Vec<Option<SimplifiedView>>,
}

impl Views {
    /// Whether any piece has a view (the page is kept in Traditional).
    pub(crate) fn any(&self) -> bool {
        self.title.is_some() || self.paragraphs.iter().any(Option::is_some)
    }

    /// The text the analysis reads of the title.
    pub(crate) fn title<'a>(&'a self, shown: Option<&'a str>) -> Option<&'a str> {
        self.title.as_ref().map(|v| v.text.as_str()).or(shown)
    }

    /// The texts the analysis reads of the paragraphs.
    pub(crate) fn paragraphs<'a>(&'a self, shown: &'a [String]) -> Cow<'a, [String]> {
        if !self.any() {
            return Cow::Borrowed(shown);
        }
        Cow::Owned(
            shown
                .iter()
                .enumerate()
                .map(|(i, p)| match self.paragraphs.get(i).and_then(Option::as_ref) {
                    Some(v) => v.text.clone(),
                    None => p.clone(),
                })
                .collect(),
        )
    }

    /// A span of the analysed piece `paragraph` (the title when `None`) in the shown piece.
    fn span(
        &self,
        paragraph: Option<usize>,
        start: usize,
        end: usize,
        shown: &Shown<'_>,
    ) -> Option<(usize, usize)> {
        let view = match paragraph {
            None => self.title.as_ref(),
            Some(i) => self.paragraphs.get(i).and_then(Option::as_ref),
        };
        match view {
            Some(v) => v.map.source_range(start, end),
            None => shown.piece(paragraph).get(start..end).map(|_| (start, end)),
        }
    }

    /// Moves every string of the entities and the directive, found on the analysed text, to
    /// the shown text.
    pub(crate) fn to_shown(
        &self,
        shown: &Shown<'_>,
        analysed: &Shown<'_>,
        entities: &mut [EntityRecord],
        directive: &mut Directive,
    ) {
        if !self.any() {
            return;
        }
        let spanned = |paragraph: Option<usize>, start: &mut usize, end: &mut usize| {
            let (s, e) = self.span(paragraph, *start, *end, shown)?;
            let text = shown.piece(paragraph).get(s..e)?;
            (*start, *end) = (s, e);
            Some(text.to_owned())
        };
        for e in entities.iter_mut() {
            if let Some(t) = spanned(Some(e.paragraph), &mut e.start, &mut e.end) {
                e.text = t;
            }
            for v in e.full.iter_mut().chain(e.unit.iter_mut()).chain(e.titles.iter_mut().flatten())
            {
                *v = self.value(v, shown, analysed);
            }
        }
        directive.visit_text_mut(&mut |t| match t {
            Text::Spanned { paragraph, start, end, text } => {
                if let Some(t) = spanned(paragraph, start, end) {
                    *text = t;
                }
            }
            Text::Value(v) => *v = self.value(v, shown, analysed),
            _ => {}
        });
    }

    /// A value found on the analysed text, in the shown text: the shown slice where the value
    /// stands in the analysed text, else its standard Traditional spelling.
    fn value(&self, v: &str, shown: &Shown<'_>, analysed: &Shown<'_>) -> String {
        if v.is_empty() {
            return String::new();
        }
        let found =
            std::iter::once(None).chain((0..analysed.paragraphs.len()).map(Some)).find_map(|p| {
                let at = analysed.piece(p).find(v)?;
                let (s, e) = self.span(p, at, at + v.len(), shown)?;
                shown.piece(p).get(s..e)
            });
        match found {
            Some(t) => t.to_owned(),
            None => v
                .chars()
                .map(|c| zhengling_tables::traditional_chars(c).first().copied().unwrap_or(c))
                .collect(),
        }
    }
}

/// A title and paragraphs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Shown<'a> {
    pub title: Option<&'a str>,
    pub paragraphs: &'a [String],
}

impl<'a> Shown<'a> {
    /// Paragraph `p`, or the title when `None`.
    fn piece(&self, p: Option<usize>) -> &'a str {
        match p {
            None => self.title.unwrap_or(""),
            Some(i) => self.paragraphs.get(i).map_or("", String::as_str),
        }
    }
}
