//! Policy phase, responsibilities and risk-zone rules.

use crate::lexicon::Lexicon;
use crate::model::{Evidence, RiskLevel, RiskZone};
use crate::segment::{chars, ends_with_any, is_punct, starts_with_any};

/// The policy stage: one named in the title wins; otherwise the latest stage named.
pub(crate) fn phase(
    lx: &Lexicon,
    title: &str,
    paragraphs: &[String],
) -> Option<(String, Evidence)> {
    let best_in = |text: &str, paragraph: Option<usize>| {
        lx.phase_words
            .find(text)
            .into_iter()
            .filter_map(|h| {
                let (phase, rank) = lx.phases.get(h.id)?;
                let ev = Evidence::new(paragraph, h.start, h.end, text.get(h.start..h.end)?);
                Some((phase.clone(), *rank, ev))
            })
            .max_by_key(|(_, rank, ev)| (*rank, std::cmp::Reverse(ev.start)))
    };
    if let Some((p, _, ev)) = best_in(title, None) {
        return Some((p, ev));
    }
    paragraphs
        .iter()
        .enumerate()
        .filter_map(|(i, p)| best_in(p, Some(i)))
        .max_by_key(|(_, rank, ev)| (*rank, std::cmp::Reverse(ev.paragraph)))
        .map(|(p, _, ev)| (p, ev))
}

fn strip_quotes(s: &str) -> &str {
    s.trim_end_matches(['“', '”', '"', '‘', '’', '「', '」'])
}

/// The responsibilities a text assigns (`属地、部门、单位、个人“四方责任”`, `主体责任`).
/// The holders of a known group (四方) come first, then others in text order.
pub(crate) fn responsibilities(lx: &Lexicon, title: &str, paragraphs: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let push = |h: &str, out: &mut Vec<String>| {
        if !out.iter().any(|o| o == h) {
            out.push(h.to_owned());
        }
    };
    let mut groups: Vec<String> = Vec::new();
    for text in std::iter::once(title).chain(paragraphs.iter().map(String::as_str)) {
        let mut rest = 0;
        while let Some(i) = text.get(rest..).and_then(|t| t.find("责任")) {
            let at = rest + i;
            rest = at + "责任".len();
            let before = strip_quotes(text.get(..at).unwrap_or(""));
            // `N方责任`: a group; its holders are listed before it or known.
            let mut cs = before.chars().rev();
            if cs.next() == Some('方')
                && cs.next().is_some_and(|c| "一二三四五六七八九十两多".contains(c))
            {
                let n = before.len() - '方'.len_utf8() - 3;
                let group = before.get(n..).unwrap_or("");
                let listed = listed_holders(lx, strip_quotes(before.get(..n).unwrap_or("")));
                if listed.len() >= 2 {
                    for h in listed {
                        push(&h, &mut groups);
                    }
                } else if let Some(k) = lx.holder_words.iter().position(|w| w == group) {
                    for h in lx.holders.get(k).into_iter().flatten() {
                        push(h, &mut groups);
                    }
                }
                continue;
            }
            if let Some(w) = ends_with_any(before, &lx.holder_words)
                && let Some(k) = lx.holder_words.iter().position(|x| x == w)
            {
                for h in lx.holders.get(k).into_iter().flatten() {
                    push(h, &mut out);
                }
            }
        }
    }
    for h in out {
        push(&h, &mut groups);
    }
    groups
}

/// The holders listed before a group (`压实属地、部门、单位、个人`): 、-separated items, the
/// first cut to a known holder word.
fn listed_holders(lx: &Lexicon, before: &str) -> Vec<String> {
    let mut items: Vec<&str> = Vec::new();
    let tail = before
        .char_indices()
        .rev()
        .find(|&(_, c)| is_punct(c) && c != '、')
        .map_or(before, |(i, c)| before.get(i + c.len_utf8()..).unwrap_or(""));
    for part in tail.rsplit('、') {
        if part.is_empty() || chars(part) > 8 {
            break;
        }
        items.push(part);
    }
    items.reverse();
    items
        .into_iter()
        .filter_map(|p| {
            if chars(p) <= 3 {
                return Some(p.to_owned());
            }
            if let Some(h) = ends_with_any(p, &lx.holder_words) {
                return Some(h.to_owned());
            }
            let verb = lx.stop_set.prefix_of(p).or_else(|| {
                ["压实", "压紧", "落实", "明确", "夯实"].into_iter().find(|w| p.starts_with(w))
            })?;
            let rest = p.get(verb.len()..)?;
            (chars(rest) >= 1 && chars(rest) <= 4).then(|| rest.to_owned())
        })
        .collect()
}

/// The rule for each risk level: `高风险区“足不出户、上门服务”`, `低风险区非必要不离开本区域`.
pub(crate) fn risk_zones(lx: &Lexicon, paragraphs: &[String]) -> Vec<RiskZone> {
    const ZONES: [(&str, RiskLevel); 12] = [
        ("高风险区域", RiskLevel::High),
        ("中风险区域", RiskLevel::Medium),
        ("低风险区域", RiskLevel::Low),
        ("高风险地区", RiskLevel::High),
        ("中风险地区", RiskLevel::Medium),
        ("低风险地区", RiskLevel::Low),
        ("高风险区", RiskLevel::High),
        ("中风险区", RiskLevel::Medium),
        ("低风险区", RiskLevel::Low),
        ("封控区", RiskLevel::Sealed),
        ("管控区", RiskLevel::Controlled),
        ("防范区", RiskLevel::Precautionary),
    ];
    let mut out: Vec<RiskZone> = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate() {
        if !p.contains("风险") && !p.contains("控区") && !p.contains("防范区") {
            continue;
        }
        let mut at = 0;
        while at < p.len() {
            let Some(rest) = p.get(at..) else { break };
            let Some((zone, level)) = ZONES.iter().find(|(z, _)| rest.starts_with(z)) else {
                at += rest.chars().next().map_or(1, char::len_utf8);
                continue;
            };
            let zone_end = at + zone.len();
            let before = p.get(..at).unwrap_or("");
            // 中高风险区, 中、高风险区: an adjective pair, not a zone with a rule (but a
            // list marker `二、高风险区` is no pair).
            let paired = zone.contains("风险") && {
                let mut cs = before.chars().rev();
                match cs.next() {
                    Some('中' | '高' | '低') => true,
                    Some('、') => matches!(cs.next(), Some('中' | '高' | '低')),
                    _ => false,
                }
            };
            at = zone_end;
            if paired || out.iter().any(|z| z.level == *level) {
                continue;
            }
            if let Some((s, e)) = rule_after(lx, p, zone_end)
                && let Some(rule) = p.get(s..e)
            {
                let mut z = RiskZone::new(*level, rule);
                z.evidence = Some(Evidence::new(Some(pi), s, e, rule));
                out.push(z);
            }
        }
    }
    out
}

/// The rule for the zone named before `from`: the quoted phrase of its sentence
/// (`高风险区实行封控措施，期间“足不出户、上门服务”`), else a clause that starts like a rule,
/// right after the name or later in the sentence (`低风险区实行防范措施，…，非必要不离开本区域`).
/// The sentence ends at the next zone named.
fn rule_after(lx: &Lexicon, p: &str, from: usize) -> Option<(usize, usize)> {
    let rest = p.get(from..)?;
    let mut end = rest.find(['。', '；', ';']).unwrap_or(rest.len());
    for z in ["风险区", "风险地区", "控区", "防范区"] {
        if let Some(i) = rest.get(..end).and_then(|r| r.find(z)) {
            // back to the start of the next zone's name (中/高/低 or 封/管)
            let head = rest.get(..i).unwrap_or("");
            end = head.char_indices().next_back().map_or(i, |(j, _)| j);
        }
    }
    let sentence = rest.get(..end)?;
    if let Some(open) = sentence.find(['“', '"', '「']) {
        let q = sentence.get(open..)?;
        let inner = q.get(q.chars().next()?.len_utf8()..)?;
        if let Some(close) = inner.find(['”', '"', '」']).filter(|&c| c > 0) {
            let s = from + open + (q.len() - inner.len());
            return Some((s, s + close));
        }
    }
    if let Some(found) = rule_at(lx, p, from) {
        return Some(found);
    }
    // a later clause of the sentence that states the rule
    for (i, c) in sentence.match_indices(['，', ',']) {
        let at = i + c.len();
        let clause = sentence.get(at..).unwrap_or("");
        if starts_with_any(clause, &lx.lists.zone_rule).is_some()
            && let Some(found) = rule_at(lx, p, from + at)
        {
            return Some(found);
        }
    }
    None
}

/// A rule starting at `from` (past a few connecting words): a quoted phrase, or a clause
/// that starts like a rule.
fn rule_at(lx: &Lexicon, p: &str, from: usize) -> Option<(usize, usize)> {
    let rest = p.get(from..)?;
    let mut skip = 0;
    // 内, 的人员 … : skip a few connecting words.
    for w in
        ["内", "人员", "要", "须", "实行", "实施", "落实", "执行", "严格", "：", ":", "，", ","]
    {
        if let Some(r) = rest.get(skip..)
            && r.starts_with(w)
        {
            skip += w.len();
        }
    }
    let r = rest.get(skip..)?;
    if let Some(q) = r.strip_prefix(['“', '"', '「']) {
        let close = q.find(['”', '"', '」'])?;
        let s = from + skip + (r.len() - q.len());
        return (close > 0).then_some((s, s + close));
    }
    starts_with_any(r, &lx.lists.zone_rule)?;
    let end = r.find(['，', ',', '。', '；', ';', '!', '！']).unwrap_or(r.len());
    let s = from + skip;
    (end > 0 && chars(r.get(..end)?) <= 40).then_some((s, s + end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Sources;

    #[test]
    fn list_marker_before_a_zone_is_not_an_adjective_pair() {
        let lx = lx();
        let p = vec!["二、高风险区实行“足不出户、上门服务”，中、高风险地区来人要报备。".to_owned()];
        let z = risk_zones(&lx, &p);
        assert_eq!(z.len(), 1, "{z:?}");
        assert_eq!((z[0].level, z[0].rule.as_str()), (RiskLevel::High, "足不出户、上门服务"));
    }

    fn lx() -> Lexicon {
        Lexicon::build(&Sources::default()).unwrap()
    }

    fn ps(s: &[&str]) -> Vec<String> {
        s.iter().map(|x| (*x).to_owned()).collect()
    }

    #[test]
    fn phases() {
        let l = lx();
        let (p, ev) = phase(&l, "", &ps(&["落实“乙类乙管”措施"])).unwrap();
        assert_eq!(p, "乙类乙管");
        assert_eq!(ev.text, "乙类乙管");
        assert_eq!(ev.paragraph, Some(0));
        // The latest stage wins in the body; a stage in the title wins over all.
        let body = ps(&["坚持常态化防控,坚持动态清零总方针"]);
        assert_eq!(phase(&l, "", &body).unwrap().0, "动态清零");
        assert_eq!(phase(&l, "抓好常态化疫情防控", &body).unwrap().0, "常态化防控");
        assert!(phase(&l, "", &ps(&["加强管理"])).is_none());
    }

    #[test]
    fn four_responsibilities() {
        let l = lx();
        let r = responsibilities(&l, "", &ps(&["要坚决压实属地、部门、单位、个人“四方责任”"]));
        assert_eq!(r, ["属地", "部门", "单位", "个人"]);
        let r = responsibilities(&l, "", &ps(&["压紧压实属地、部门、单位、个人“四方”责任"]));
        assert_eq!(r, ["属地", "部门", "单位", "个人"]);
        // Named without its list: the known group.
        let r = responsibilities(&l, "", &ps(&["全面压实“四方责任”,落实主体责任"]));
        assert_eq!(r, ["属地", "部门", "单位", "个人", "主体"]);
        // Heads of a list, and responsibilities named one by one.
        let r = responsibilities(
            &l,
            "",
            &ps(&["属地责任: 各市要守土有责", "单位责任: 要落实", "行业监管责任"]),
        );
        assert_eq!(r, ["属地", "单位", "行业监管"]);
        // A list the table does not know.
        let r = responsibilities(&l, "", &ps(&["落实政府、企业、家庭“三方责任”"]));
        assert_eq!(r, ["政府", "企业", "家庭"]);
        assert!(responsibilities(&l, "", &ps(&["承担防控责任"])).is_empty());
    }

    #[test]
    fn zones() {
        let l = lx();
        // quoted rules and a stated one in one sentence; the quoted rule of each zone's
        // sentence and a later clause that states a rule
        let pages: [&[&str]; 2] = [
            &[
                "切实做到高风险区“足不出户、上门服务”,中风险区“人不出区、错峰取物”,低风险区非必要不离开本区域,在圈住风险的同时",
            ],
            &[
                "一、高风险区实行封控措施，期间“足不出户、上门服务”，每天开展一次核酸检测。",
                "二、中风险区实行管控措施，原则上“人不出区、错峰取物”。",
                "三、低风险区实行防范措施，强化社会面管控，非必要不离开本区域。",
            ],
        ];
        for page in pages {
            let z = risk_zones(&l, &ps(page));
            let got: Vec<(&str, &str)> =
                z.iter().map(|z| (z.level.as_str(), z.rule.as_str())).collect();
            assert_eq!(
                got,
                [
                    ("high", "足不出户、上门服务"),
                    ("medium", "人不出区、错峰取物"),
                    ("low", "非必要不离开本区域")
                ],
                "{page:?}"
            );
            let ev = z[0].evidence.as_ref().unwrap();
            assert_eq!(ev.text, "足不出户、上门服务");
        }
        // Adjectives are not rules.
        assert!(
            risk_zones(&l, &ps(&["对来自中高风险地区的人员要隔离", "高风险区人员较多"])).is_empty()
        );
        let z = risk_zones(&l, &ps(&["低风险地区实行“外防输入、内防反弹”"]));
        assert_eq!((z[0].level, z[0].rule.as_str()), (RiskLevel::Low, "外防输入、内防反弹"));
        let z = risk_zones(&l, &ps(&["封控区实行“区域封闭、足不出户、上门服务”"]));
        assert_eq!(z[0].level, RiskLevel::Sealed);
        assert_eq!(z[0].rule, "区域封闭、足不出户、上门服务");
    }
}
