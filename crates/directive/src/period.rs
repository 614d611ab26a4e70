//! Validity periods: the date entities of a clause read as the start or the end of what it
//! orders (`自11月5日0时至11月7日24时`, `1月8日起`, `至10月20日24时止`), and the document's own
//! period (`本通告自发布之日起施行`, or a period in a notice's lead paragraphs).

use zhengling_entities::{Entity, EntityKind, PartialDate, Value};

use crate::lexicon::Lexicon;
use crate::segment::{self, Seg, contains_any};

/// How many paragraphs at most make a notice's lead.
const LEAD_PARAGRAPHS: usize = 2;

/// A period: `(valid_from, valid_to)` as ISO dates (`2022-11-05`, or `2022-11` for a month).
pub(crate) type Period = (Option<String>, Option<String>);

/// The day of an ISO 8601 publication time (`2022-10-08T10:10:06`); `None` unless it gives
/// a valid day (the day a document says it takes effect from, `发布之日起`).
pub(crate) fn published_day(s: &str) -> Option<PartialDate> {
    zhengling_entities::DateTime::parse(s).and_then(zhengling_entities::DateTime::day)
}

/// The period the dates within `seg` of paragraph `p` write; `dates` are the paragraph's
/// entities (spans into `p`; other kinds are skipped).
pub(crate) fn validity(
    lx: &Lexicon,
    p: &str,
    seg: Seg,
    dates: &[Entity<'_>],
    published: Option<PartialDate>,
) -> Period {
    let text = seg.text(p);
    let mut from = None;
    let mut to = None;
    // 自发布之日起: the publication day (即日起 is a date entity of its own).
    if contains_any(text, &lx.lists.issue_day) {
        from = published.map(|d| d.to_string());
    }
    for e in dates {
        if e.kind != EntityKind::Date || e.span.start < seg.start || e.span.end > seg.end {
            continue;
        }
        let Value::Date(d) = &e.value else { continue };
        let Some(start) = d.start.filter(|s| s.month.is_some()) else { continue };
        // 11月1日以来 reports since when; 年底前 sets a deadline, not a period.
        if e.text.ends_with("以来") || e.text.ends_with('前') {
            continue;
        }
        if let Some(end) = d.end.filter(|e| e.month.is_some()) {
            from.get_or_insert_with(|| start.to_string());
            to.get_or_insert_with(|| end.to_string());
            continue;
        }
        let before = p.get(seg.start..e.span.start).unwrap_or("").trim_end();
        // What follows the date, past a time of day the entity did not take (零时, 12点).
        let after = p.get(e.span.end..seg.end).unwrap_or("");
        let after = after.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
        let after = ["零时", "零点", "时", "点"]
            .iter()
            .find_map(|w| after.strip_prefix(w))
            .unwrap_or(after);
        let closes = ["至", "到", "截至", "截止", "止于"].iter().any(|w| before.ends_with(w))
            || after.starts_with('止');
        let opens = ["自", "从", "于"].iter().any(|w| before.ends_with(w))
            || after.starts_with('起')
            || after.starts_with("开始")
            || after.starts_with('至');
        if d.until || closes {
            to.get_or_insert_with(|| start.to_string());
        } else if d.open_end || opens {
            from.get_or_insert_with(|| start.to_string());
        }
    }
    (from, to)
}

/// The document's own period: sentences about the document itself (`本通告自…起施行`), then,
/// for a notice, a period written next to an enacting verb in its lead paragraphs (`自…起至…,
/// 在城区范围内实施静默管理`): the paragraphs before its first numbered one, at most two.
pub(crate) fn document(
    lx: &Lexicon,
    paragraphs: &[String],
    entities: &[Vec<Entity<'_>>],
    notice: bool,
    published: Option<PartialDate>,
) -> Period {
    let (mut from, mut to) = (None, None);
    let dates = |i: usize| entities.get(i).map_or(&[][..], Vec::as_slice);
    for (i, p) in paragraphs.iter().enumerate() {
        if !contains_any(p, &lx.lists.self_reference) {
            continue;
        }
        for s in segment::sentences(p) {
            if contains_any(s.text(p), &lx.lists.self_reference) {
                let (f, t) = validity(lx, p, s, dates(i), published);
                from = from.or(f);
                to = to.or(t);
            }
        }
    }
    if !notice {
        return (from, to);
    }
    for (i, p) in paragraphs.iter().enumerate().take(LEAD_PARAGRAPHS) {
        if segment::enumerated(p) {
            break;
        }
        for s in segment::sentences(p) {
            let text = s.text(p);
            if !enacts(lx, text) || contains_any(text, &lx.lists.self_reference) {
                continue;
            }
            let (f, t) = validity(lx, p, s, dates(i), published);
            from = from.or(f);
            to = to.or(t);
        }
    }
    (from, to)
}

/// Whether `text` puts something in force (实施, 执行…), rather than reporting that it was
/// (已开展, 开展了).
fn enacts(lx: &Lexicon, text: &str) -> bool {
    lx.lists.enact.iter().any(|w| {
        text.match_indices(w.as_str()).any(|(i, _)| {
            let before = text.get(..i).unwrap_or("");
            let after = text.get(i + w.len()..).unwrap_or("");
            !["已", "已经", "先后", "累计"].iter().any(|m| before.ends_with(m))
                && !after.starts_with('了')
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Sources;
    use zhengling_entities::{Context, Extractor, ExtractorBuilder};

    fn extractor() -> &'static Extractor {
        static X: std::sync::OnceLock<Extractor> = std::sync::OnceLock::new();
        X.get_or_init(|| ExtractorBuilder::new().build().unwrap())
    }

    fn lx() -> &'static Lexicon {
        static L: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        L.get_or_init(|| Lexicon::build(&Sources::default()).unwrap())
    }

    fn period(text: &str, published: &str) -> Period {
        let published = published_day(published);
        let ctx = Context { published, region: None };
        let es = extractor().extract(text, &ctx);
        validity(lx(), text, Seg { start: 0, end: text.len() }, &es, published)
    }

    fn some(from: Option<&str>, to: Option<&str>) -> Period {
        (from.map(str::to_owned), to.map(str::to_owned))
    }

    #[test]
    fn published_days() {
        assert_eq!(
            published_day("2023-01-28T10:00:00"),
            Some(PartialDate { year: 2023, month: Some(1), day: Some(28) })
        );
        assert_eq!(published_day("2023"), None);
        assert_eq!(published_day("2023-01"), None);
        assert_eq!(published_day("2023-13-01"), None);
    }

    #[test]
    fn clause_periods() {
        let p = |t| period(t, "2022-11-20");
        assert_eq!(p("自即日起,全市暂停堂食"), some(Some("2022-11-20"), None));
        assert_eq!(
            p("自11月21日0时至11月25日24时,全区实行静默管理"),
            some(Some("2022-11-21"), Some("2022-11-25"))
        );
        assert_eq!(p("本通告自发布之日起施行"), some(Some("2022-11-20"), None));
        assert_eq!(p("至11月30日24时止"), some(None, Some("2022-11-30")));
        assert_eq!(p("本措施自11月21日零时起执行"), some(Some("2022-11-21"), None));
        // Across New Year: a January date on a December page is next year's.
        assert_eq!(
            period("自1月8日起,不再实施集中隔离", "2022-12-27"),
            some(Some("2023-01-08"), None)
        );
        // A month is as precise as the text is.
        assert_eq!(p("2021年3月起全面推行"), some(Some("2021-03"), None));
        // Reports since a date and deadlines are no periods.
        assert_eq!(p("11月1日以来累计检测"), some(None, None));
        assert_eq!(p("2022年底前完成接种"), some(None, None));
        assert_eq!(p("11月12日晚,指挥部召开会议"), some(None, None));
    }

    #[test]
    fn enacting_verbs_not_reports() {
        let l = lx();
        assert!(enacts(l, "自11月15日起,在城区实施静默管理"));
        assert!(enacts(l, "经研究决定,自12月1日起恢复堂食"));
        assert!(!enacts(l, "11月14日至16日,我区已开展三轮全员核酸检测"));
        assert!(!enacts(l, "11月14日至16日,我区开展了三轮全员核酸检测"));
        assert!(!enacts(l, "11月14日,我区新增1例无症状感染者"));
    }
}
