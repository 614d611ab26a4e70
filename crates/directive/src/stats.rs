//! Statistics: quantities that report what was done (`排查管控…60余万人`), with what they count.

use zhengling_entities::{Entity, EntityKind, Value};

use crate::lexicon::Lexicon;
use crate::model::Statistic;
use crate::segment::{Seg, chars, is_han, is_punct};

/// Measure words that count a noun written after them (`1208家隔离酒店`).
const CLASSIFIERS: &[&str] = &[
    "名", "家", "个", "支", "架", "所", "间", "辆", "件", "批", "处", "户", "座", "条", "张", "床",
    "套", "台", "项", "起",
];

/// Units a statistic may have: counts of people, places, doses, events.
const COUNT_UNITS: &[&str] = &[
    "人次", "剂次", "人", "名", "家", "个", "支", "份", "剂", "管", "起", "例", "所", "架", "间",
    "辆", "件", "批", "处", "吨", "户", "座", "条", "张", "床", "套", "台", "项", "次", "%",
];

/// Units whose quantity is no statistic of action (ages, durations, distances).
const NOT_COUNTS: &[&str] =
    &["岁", "天", "日", "小时", "时", "分钟", "年", "月", "周", "米", "公里", "平方米", "亩"];

/// Verbs that end a subject written after its quantity.
const AFTER_STOPS: &[&str] = &[
    "全部", "均", "已", "都", "达", "被", "得到", "实现", "参与", "接受", "完成", "进行", "留在",
    "经停", "在", "入住",
];

/// The statistics in one segment (a non-directive clause group) of paragraph `p`: the
/// quantity entities of the paragraph (`entities`, spans into `p`) that lie in the segment and
/// count people, places, doses or events.
pub(crate) fn statistics(
    lx: &Lexicon,
    p: &str,
    paragraph: usize,
    seg: Seg,
    entities: Option<&[Entity<'_>]>,
) -> Vec<Statistic> {
    let text = seg.text(p);
    let mut out: Vec<Statistic> = Vec::new();
    for e in entities.into_iter().flatten() {
        if e.kind != EntityKind::Quantity || e.span.start < seg.start || e.span.end > seg.end {
            continue;
        }
        let Value::Quantity(qty) = &e.value else { continue };
        let unit = qty.unit.as_deref();
        if unit.is_none_or(|u| NOT_COUNTS.contains(&u) || !COUNT_UNITS.contains(&u)) {
            continue;
        }
        // 五个坚持, 四方责任: small numbers in words are slogans, not counts.
        let digits = e.text.bytes().any(|b| b.is_ascii_digit());
        if !digits && !qty.approximate && qty.value.to_f64() < 10.0 {
            continue;
        }
        // 第3次: an ordinal.
        if p.get(..e.span.start).is_some_and(|b| b.ends_with('第')) {
            continue;
        }
        if out.iter().any(|s| s.start < e.span.end && e.span.start < s.end) {
            continue;
        }
        let (from, to) = (e.span.start - seg.start, e.span.end - seg.start);
        out.push(Statistic {
            text: e.text.to_owned(),
            value: qty.value.to_f64(),
            unit: qty.unit.clone(),
            approximate: qty.approximate,
            subject: subject(lx, text, from, to, unit),
            paragraph,
            start: e.span.start,
            end: e.span.end,
        });
    }
    out.sort_by_key(|s| s.start);
    out
}

/// What a quantity counts: the noun after a classifier (`1208家隔离酒店`), else the phrase
/// before it in its clause (`排查管控中高风险地区人员60余万人`).
fn subject(
    lx: &Lexicon,
    text: &str,
    start: usize,
    end: usize,
    unit: Option<&str>,
) -> Option<String> {
    let after = || {
        let rest = text.get(end..)?;
        let mut stop = 0;
        for (i, c) in rest.char_indices() {
            let r = rest.get(i..).unwrap_or("");
            if !is_han(c)
                || lx.stop_set.prefix_of(r).is_some()
                || AFTER_STOPS.iter().any(|w| r.starts_with(w))
                || chars(rest.get(..i).unwrap_or("")) >= 12
            {
                break;
            }
            stop = i + c.len_utf8();
        }
        let s = rest.get(..stop)?;
        (chars(s) >= 2).then(|| s.to_owned())
    };
    let before = || {
        let head = text.get(..start)?;
        let from = head
            .char_indices()
            .rev()
            .find(|&(_, c)| is_punct(c) || c.is_ascii_digit())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let mut s = head.get(from..)?;
        for w in ["累计", "共计", "共", "达", "和", "及"] {
            s = s.strip_prefix(w).unwrap_or(s);
        }
        let s = s.trim_end_matches(['共', '达', '约', '近', '逾', '超']);
        (chars(s) >= 2 && chars(s) <= 30).then(|| s.to_owned())
    };
    if unit.is_some_and(|u| CLASSIFIERS.contains(&u)) {
        after().or_else(before)
    } else {
        before().or_else(after)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Sources;
    use zhengling_entities::{Context, ExtractorBuilder};

    /// The statistics of `text`, with the quantity entities the extractor finds in it.
    fn stats(text: &str) -> Vec<Statistic> {
        let l = Lexicon::build(&Sources::default()).unwrap();
        let extractor = ExtractorBuilder::new().build().unwrap();
        let es = extractor.extract(text, &Context::default());
        statistics(&l, text, 0, Seg { start: 0, end: text.len() }, Some(&es))
    }

    #[test]
    fn values_units_and_subjects() {
        let s =
            stats("第一落点排查管控中高风险地区人员60余万人,3.4万名密接、次密接人员全部管控到位");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].text, "60余万人");
        assert!((s[0].value - 600_000.0).abs() < 1e-6);
        assert!(s[0].approximate);
        assert_eq!(s[0].unit.as_deref(), Some("人"));
        assert_eq!(s[0].subject.as_deref(), Some("第一落点排查管控中高风险地区人员"));
        assert_eq!(s[1].text, "3.4万名");
        assert!((s[1].value - 34_000.0).abs() < 1e-6);
        assert!(!s[1].approximate);
        assert_eq!(s[1].subject.as_deref(), Some("密接"));
        let t = "储备1208家隔离酒店,累计报告接种疫苗6274.7万剂";
        let s = stats(t);
        assert_eq!(s[0].subject.as_deref(), Some("隔离酒店"));
        assert!((s[1].value - 62_747_000.0).abs() < 1e-3);
        assert_eq!(s[1].subject.as_deref(), Some("报告接种疫苗"));
        for x in &s {
            assert_eq!(&t[x.start..x.end], x.text);
        }
    }

    #[test]
    fn ordinals_ages_and_dates_are_not_statistics() {
        assert!(stats("第139次会议").is_empty());
        assert!(stats("60岁及以上老年人,10月6日").is_empty());
        // A population is no count of what was done (人民 is no unit).
        assert!(stats("守护全市800万人民群众的生命健康").is_empty());
        let s = stats("近30起疫情");
        assert_eq!(s[0].text, "近30起");
        assert!(s[0].approximate);
    }
}
