//! Meeting ordinals: `第139次会议`, `省委第109次疫情防控专题会议`, `省委十二届三次全会`.

use crate::numeral::{NumKind, NumTok};
use crate::org::OrgHit;
use crate::text::{char_at, has_at, has_before, is_cjk};

/// The longest meeting name (characters between the ordinal and `会`).
const MAX_NAME_CHARS: usize = 18;

/// A meeting found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MeetingHit {
    pub start: usize,
    pub end: usize,
    pub session: u32,
    pub term: Option<u32>,
    pub name: Option<String>,
    pub body: Option<String>,
}

fn whole(t: &NumTok) -> Option<u32> {
    if t.decimal || t.multiplied || t.overflow || t.approx_infix || t.kind == NumKind::Naive {
        return None;
    }
    t.value.as_integer().and_then(|v| u32::try_from(v).ok()).filter(|&v| v > 0)
}

/// Meetings among `toks`; the organization right before the ordinal is the body.
pub(crate) fn find(text: &str, toks: &[NumTok], orgs: &[OrgHit]) -> Vec<MeetingHit> {
    let mut out: Vec<MeetingHit> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if out.last().is_some_and(|m| m.end > t.start) {
            continue;
        }
        let Some(n) = whole(t) else { continue };
        let (ord_start, term, session, after) = if has_at(text, t.end, "届") {
            // 十二届三次全会, 第十二届第三次会议
            let q = t.end + "届".len();
            let q = if has_at(text, q, "第") { q + "第".len() } else { q };
            let Some(t2) = toks.get(i + 1).filter(|t2| t2.start == q) else { continue };
            let Some(s) = whole(t2) else { continue };
            if !has_at(text, t2.end, "次") {
                continue;
            }
            let st = if has_before(text, t.start, "第") { t.start - "第".len() } else { t.start };
            (st, Some(n), s, t2.end + "次".len())
        } else if has_before(text, t.start, "第") {
            let Some(c @ ('次' | '场')) = char_at(text, t.end) else { continue };
            (t.start - "第".len(), None, n, t.end + c.len_utf8())
        } else {
            continue;
        };
        // the meeting word: the first 会 (会议, 全会, 专题会, 常委会会议)
        let mut p = after;
        let mut chars = 0;
        let mut end = None;
        while let Some(c) = char_at(text, p) {
            if !is_cjk(c) || c == '暨' || chars > MAX_NAME_CHARS {
                break;
            }
            if c == '会' {
                let mut e = p + c.len_utf8();
                if has_at(text, e, "会议") {
                    e += "会议".len();
                } else if has_at(text, e, "议") {
                    e += "议".len();
                }
                end = Some(e);
                break;
            }
            p += c.len_utf8();
            chars += 1;
        }
        let Some(end) = end else { continue };
        let name = text.get(after..end).map(str::to_owned);
        let body =
            orgs.get(orgs.partition_point(|o| o.end < ord_start)).filter(|o| o.end == ord_start);
        let start = body.map_or(ord_start, |o| o.start);
        out.push(MeetingHit {
            start,
            end,
            session,
            term,
            name,
            body: body.and_then(|o| text.get(o.start..o.end)).map(str::to_owned),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numeral::scan;

    fn meetings(text: &str, orgs: &[OrgHit]) -> Vec<(String, u32, Option<u32>)> {
        find(text, &scan(text), orgs)
            .into_iter()
            .map(|m| (text[m.start..m.end].to_owned(), m.session, m.term))
            .collect()
    }

    #[test]
    fn ordinals() {
        assert_eq!(meetings("召开第52次会议，", &[]), vec![("第52次会议".into(), 52, None)]);
        assert_eq!(
            meetings("第一百零九次常务会议", &[]),
            vec![("第一百零九次常务会议".into(), 109, None)]
        );
        let t = "市委第88次疫情防控专题会暨领导小组会议";
        let org = OrgHit { start: 0, end: "市委".len(), full: None, short: None };
        let m = find(t, &scan(t), &[org]);
        assert_eq!(&t[m[0].start..m[0].end], "市委第88次疫情防控专题会");
        assert_eq!(m[0].body.as_deref(), Some("市委"));
        assert_eq!(m[0].name.as_deref(), Some("疫情防控专题会"));
        assert_eq!(
            meetings("县委十五届四次全会", &[]),
            vec![("十五届四次全会".into(), 4, Some(15))]
        );
    }

    #[test]
    fn ordinals_that_are_not_meetings() {
        assert!(meetings("第3次核酸检测", &[]).is_empty());
        assert!(meetings("第十四届全国运动", &[]).is_empty());
    }
}
