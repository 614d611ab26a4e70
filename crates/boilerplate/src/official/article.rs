//! The official document of an extracted article: finding it, giving the article the title,
//! date and number it prints, and cutting a flattened document back into its lines.

use super::{
    Element, OfficialDocument, Part, Rules, compact, find_document, find_in, opening_title,
    strip_brackets, title_close,
};
use crate::{Article, Format};

/// A headline with the sequence number printed after its genre word (`某某指挥部通告第14号`,
/// `…通告（县疫情防控指挥部第1号）`): the number is the document number, not the title. The
/// document's elements written in the cut part keep their values, not a place.
fn split_sequence(article: &mut Article) {
    let Some(title) = &article.title else { return };
    let t = title.trim_end();
    let Some(k) = title_close(t).filter(|&k| k < t.len()) else { return };
    let (head, seq) = t.split_at(k);
    let head = head.trim_end().to_owned();
    if article.doc_number.is_none() {
        article.doc_number = Some(strip_brackets(seq));
    }
    if let Some(doc) = &mut article.document {
        let cut = head.len();
        for e in doc.header.iter_mut().chain(doc.number.iter_mut()).chain(doc.title.iter_mut()) {
            e.parts.retain(|p| p.paragraph.is_some() || p.end <= cut);
        }
    }
    article.title = Some(head);
}

/// A page without a title whose first paragraph opens with an official headline (a
/// flattened notice without its signature): the headline becomes the title.
fn opening_headline(article: &mut Article) {
    if article.title.is_some() {
        return;
    }
    let Some(first) = article.paragraphs.first_mut() else { return };
    let Some(end) = opening_title(first) else { return };
    let (head, rest) = first.split_at(end);
    let (title, rest) = (compact(head), rest.trim_start().to_owned());
    if rest.is_empty() {
        return;
    }
    *first = rest;
    article.title = Some(title);
}

/// Whether the document stands in one long paragraph (a flattened page).
fn flattened(doc: &OfficialDocument, paragraphs: &[String]) -> Option<usize> {
    let p = doc
        .title
        .as_ref()
        .and_then(|t| t.parts.first())
        .and_then(|p| p.paragraph)
        .or_else(|| doc.date.as_ref().and_then(|d| d.part.paragraph))?;
    let para = paragraphs.get(p)?;
    let same = |e: Option<&Part>| e.is_none_or(|x| x.paragraph == Some(p));
    (para.chars().count() >= 120
        && same(doc.title.as_ref().and_then(|t| t.parts.first()))
        && same(doc.date.as_ref().map(|d| &d.part))
        && (u8::from(doc.title.is_some())
            + u8::from(doc.date.is_some())
            + u8::from(!doc.addressees.is_empty())
            + u8::from(!doc.signatories.is_empty()))
            >= 2)
        .then_some(p)
}

/// Cuts a flattened document's paragraph at its elements and its sentence-final line breaks
/// (a space after 。！？：；), dropping the header, number and title, which are no body text.
fn resplit(doc: &OfficialDocument, para: &str, p: usize) -> Vec<String> {
    let rules = Rules::get();
    let mut cuts: Vec<usize> = Vec::new();
    let mut drop: Vec<(usize, usize)> = Vec::new();
    let in_p = |x: &Part| x.paragraph == Some(p);
    for e in doc.header.iter().chain(&doc.number).chain(&doc.title) {
        for x in e.parts.iter().filter(|x| in_p(x)) {
            cuts.extend([x.start, x.end]);
            drop.push((x.start, x.end));
        }
    }
    // the first addressee and the first signatory open their lines; the printing line too
    for e in [doc.addressees.first(), doc.signatories.first(), doc.printed_by.as_ref()]
        .into_iter()
        .flatten()
    {
        if let Some(x) = e.parts.first().filter(|x| in_p(x)) {
            cuts.push(x.start);
        }
    }
    if let Some(x) = doc.addressees.last().and_then(|e| e.parts.last()).filter(|x| in_p(x)) {
        // after the colon that closes the addressees
        let c = para.get(x.end..).and_then(|t| t.chars().next()).map_or(0, char::len_utf8);
        cuts.push(x.end + c);
    }
    for d in doc.date.iter().chain(&doc.printed_on) {
        if in_p(&d.part) {
            cuts.extend([d.part.start, d.part.end]);
        }
    }
    for h in doc.levels.iter().filter(|h| h.level <= 3 && in_p(&h.part)) {
        cuts.push(h.part.start);
    }
    let mut prev: Option<char> = None;
    for (i, c) in para.char_indices() {
        if c.is_whitespace()
            && prev.is_some_and(|q| matches!(q, '。' | '！' | '？' | '：' | '；' | '!' | '?'))
        {
            cuts.push(i);
        }
        prev = Some(c);
    }
    let _ = rules;
    cuts.push(0);
    cuts.push(para.len());
    cuts.retain(|&c| para.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        if drop.iter().any(|&(x, y)| x <= a && b <= y) {
            continue;
        }
        if let Some(t) = para.get(a..b).map(str::trim).filter(|t| !t.is_empty()) {
            out.push(t.to_owned());
        }
    }
    out
}

/// Finds the official document in an extracted article and lets it supply what the page
/// gave no better source for: a flattened document's paragraphs are cut at its elements (the
/// title, number and header leave the body), the title when the page has none, the publication
/// date (the 成文日期) when none is printed, the document number.
/// The signature and date of a document whose closing lines the page cut off as boilerplate
/// or metadata (a signing body written over two lines, `玉环市…疫情\n防控指挥部`, then
/// `2020年1月28日`): read from the removed blocks that follow the article, they keep their
/// value and, standing in no paragraph, have no parts.
fn recover_closing(article: &Article, doc: &mut OfficialDocument) {
    /// How many removed blocks after the article may hold the closing.
    const TAIL: usize = 3;
    let n = article.paragraphs.len();
    let tail: Vec<String> = article
        .removed
        .iter()
        .rev()
        .take(TAIL)
        .rev()
        .flat_map(|r| r.text.lines().map(|l| l.trim().to_owned()))
        .filter(|t| !t.is_empty())
        .collect();
    if tail.is_empty() {
        return;
    }
    let mut all = article.paragraphs.clone();
    all.extend(tail);
    let Some(found) = find_document(article.title.as_deref(), &all) else { return };
    let outside = |e: &Element| e.parts.iter().all(|p| p.paragraph.is_some_and(|i| i >= n));
    if doc.signatories.is_empty() {
        doc.signatories = found
            .signatories
            .into_iter()
            .filter(outside)
            .map(|e| Element { value: e.value, parts: Vec::new() })
            .collect();
    }
    if doc.date.is_none() {
        doc.date = found.date.filter(|d| d.part.paragraph.is_some_and(|i| i >= n)).map(|mut d| {
            d.part = Part::default();
            d
        });
    }
}

/// The official document an extracted article holds: [`find_document`] on its title and
/// paragraphs, with a signature and date the page cut off as boilerplate read back from the
/// removed blocks after it.
pub fn article_document(article: &Article) -> Option<OfficialDocument> {
    let numbered = article.doc_number.is_some();
    let mut doc = find_in(article.title.as_deref(), &article.paragraphs, numbered)?;
    if doc.signatories.is_empty() || doc.date.is_none() {
        recover_closing(article, &mut doc);
    }
    number_from_page(article, &mut doc);
    Some(doc)
}

/// The page's document number where the document's text no longer holds it (a number line
/// the extraction took out): its value, not a place.
fn number_from_page(article: &Article, doc: &mut OfficialDocument) {
    if doc.number.is_none()
        && let Some(n) = &article.doc_number
    {
        doc.number = Some(Element { value: n.clone(), parts: Vec::new() });
    }
}

pub(crate) fn attach(article: &mut Article, _format: Format) {
    let numbered = article.doc_number.is_some();
    let Some(mut doc) = find_in(article.title.as_deref(), &article.paragraphs, numbered) else {
        opening_headline(article);
        split_sequence(article);
        return;
    };
    if let Some(p) = flattened(&doc, &article.paragraphs)
        && let Some(para) = article.paragraphs.get(p).cloned()
    {
        let pieces = resplit(&doc, &para, p);
        if !pieces.is_empty() {
            let title_value = doc.title.as_ref().map(|t| t.value.clone());
            article.paragraphs.splice(p..=p, pieces);
            if article.title.is_none() {
                article.title = title_value;
            }
            // the header and number left the body: they keep their values, not a place
            let moved = |e: &Option<Element>| {
                e.as_ref().map(|e| Element { value: e.value.clone(), parts: Vec::new() })
            };
            let (header, number) = (moved(&doc.header), moved(&doc.number));
            for e in doc.header.iter().chain(&doc.number) {
                article.removed.push(crate::Removed {
                    text: e.parts.iter().map(|x| x.text.as_str()).collect::<Vec<_>>().join(" "),
                    reason: crate::Reason::Metadata,
                });
            }
            let Some(mut d) = find_document(article.title.as_deref(), &article.paragraphs) else {
                split_sequence(article);
                return;
            };
            d.header = d.header.or(header);
            d.number = d.number.or(number);
            doc = d;
        }
    }
    if doc.signatories.is_empty() || doc.date.is_none() {
        recover_closing(article, &mut doc);
    }
    if article.title.is_none() {
        article.title = doc.title.as_ref().map(|t| t.value.clone());
    }
    if article.published.is_none() {
        article.published =
            doc.date.as_ref().and_then(|d| zhengling_entities::DateTime::parse(&d.iso()));
    }
    if article.doc_number.is_none() {
        article.doc_number = doc.number.as_ref().map(|n| n.value.clone());
    }
    number_from_page(article, &mut doc);
    article.document = Some(doc);
    split_sequence(article);
}
