//! The meeting a page reports: name, body, session, date, chair, leaders, format, venues and
//! the upstream meetings it relays.

use zhengling_entities::{Entity, EntityKind, Value, parse_numeral};

use crate::issuer::{meeting_body, org_before, relayed};
use crate::lexicon::Lexicon;
use crate::model::{Leader, Meeting, RelayedMeeting};
use crate::segment::{chars, is_han, is_punct};

/// Verbs that give a leader a role, with the role.
const ROLES: [(&str, &str); 7] = [
    ("主持", "chair"),
    ("出席", "attendee"),
    ("参加", "attendee"),
    ("讲话", "speaker"),
    ("提出", "speaker"),
    ("部署", "speaker"),
    ("强调", "speaker"),
];

/// A person found before a verb: name, titles.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Person {
    name: String,
    titles: Vec<String>,
}

/// The person whose name ends right before byte `at` of paragraph `text`: a person entity
/// there, or a name after a chain of titles (`省委常委、市委书记韦韬`).
fn person_before(
    lx: &Lexicon,
    text: &str,
    at: usize,
    entities: Option<&[Entity<'_>]>,
) -> Option<Person> {
    if let Some(es) = entities {
        for e in es {
            if e.kind == EntityKind::Person && e.span.end <= at && at - e.span.end <= 3 {
                let titles = match &e.value {
                    Value::Person(p) => p.titles.clone(),
                    _ => Vec::new(),
                };
                return Some(Person { name: e.text.to_owned(), titles });
            }
        }
    }
    let head = text.get(..at)?;
    // Back to punctuation other than 、.
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| is_punct(c) && c != '、')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let mut seg = head.get(start..)?;
    if let Some(i) = seg.rfind('由') {
        seg = seg.get(i + '由'.len_utf8()..)?;
    }
    let parts: Vec<&str> = seg.split('、').collect();
    let last = *parts.last()?;
    // The last title in the last part; the name follows it.
    let cut =
        lx.lists.title.iter().filter_map(|t| last.rfind(t.as_str()).map(|i| i + t.len())).max();
    let (name, title) = match cut {
        Some(c) => (last.get(c..)?, last.get(..c)),
        None if parts.len() == 1 && start == 0 => (last, None),
        None => return None,
    };
    let n = chars(name);
    if !(2..=4).contains(&n) || !name.chars().all(is_han) {
        return None;
    }
    let mut titles: Vec<String> =
        parts.iter().take(parts.len() - 1).map(|s| (*s).to_owned()).collect();
    if let Some(t) = title.filter(|t| !t.is_empty()) {
        titles.push(t.to_owned());
    }
    titles.retain(|t| !t.is_empty() && chars(t) <= 16);
    Some(Person { name: name.to_owned(), titles })
}

/// The meeting, for a page of kind meeting.
pub(crate) fn meeting(
    lx: &Lexicon,
    title: &str,
    paragraphs: &[String],
    entities: &[Vec<Entity<'_>>],
) -> Meeting {
    let mut m = Meeting::default();
    // The paragraph that reports the meeting: the first of the first three that names one.
    let lead = paragraphs.iter().enumerate().take(3).find(|(_, p)| {
        p.contains("召开") || p.contains("主持") || p.contains("会议") || p.contains("专题会")
    });
    let sources: Vec<(Option<usize>, &str)> =
        std::iter::once((None, title)).chain(lead.map(|(i, p)| (Some(i), p.as_str()))).collect();

    // Body, session and name.
    if let Some((body, _)) = meeting_body(lx, title, paragraphs) {
        m.body = Some(body.text.clone());
        if let Some(src) = match body.paragraph {
            None => Some(title),
            Some(i) => paragraphs.get(i).map(String::as_str),
        } {
            m.name = meeting_name(lx, src, body.start, body.end);
        }
    }
    'session: for &(_, s) in &sources {
        for c in lx.session.captures_iter(s) {
            let (Some(all), Some(n)) = (c.get(0), c.get(1)) else { continue };
            if relayed(lx, s, all.start()) {
                continue;
            }
            let after = s.get(all.end()..).unwrap_or("");
            let to_meeting =
                after.find("会").is_some_and(|i| chars(after.get(..i).unwrap_or("")) <= 16);
            if to_meeting && let Some(v) = session_number(n.as_str()) {
                m.session = Some(v);
                break 'session;
            }
        }
    }
    if m.session.is_none()
        && let Some((pi, _)) = lead
    {
        m.session = entities.get(pi).into_iter().flatten().find_map(|e| match &e.value {
            Value::Meeting(info)
                if !relayed(lx, paragraphs.get(pi).map_or("", String::as_str), e.span.start) =>
            {
                Some(info.session)
            }
            _ => None,
        });
    }

    // Date: the first day-precise date entity of the lead paragraph before the meeting.
    if let Some((pi, p)) = lead {
        let anchor = ["召开", "主持", "举行", "会议"]
            .iter()
            .filter_map(|w| p.find(w))
            .min()
            .unwrap_or(p.len());
        let es = entities.get(pi).map_or(&[][..], Vec::as_slice);
        m.date = es.iter().find_map(|e| match &e.value {
            Value::Date(d) if e.span.start < anchor => {
                d.start.filter(|s| s.day.is_some()).map(|s| s.to_string())
            }
            _ => None,
        });
        if m.date.is_none() {
            m.date = dated_by_name(p, es, anchor);
        }
    }

    // Chair and leaders.
    leaders(lx, &sources, entities, &mut m);
    if m.chair.is_none()
        && let Some((li, _)) = lead
    {
        m.chair = chair_after_lead(lx, paragraphs, entities, li);
    }

    // Format and branch venues, anywhere in the text.
    format_and_venues(lx, title, paragraphs, &mut m);

    // Relayed meetings.
    if let Some((_, p)) = lead {
        m.relays = relays(lx, p);
    }
    m
}

/// A day written without a year (`6月2日`) on a page with no publication date, dated by the
/// year the meeting's own name gives (`县政府2022年第六次常务会议`): a year written right
/// before the session number.
fn dated_by_name(p: &str, es: &[Entity<'_>], anchor: usize) -> Option<String> {
    let year = es.iter().find_map(|e| match &e.value {
        Value::Date(d)
            if d.written.month.is_none()
                && p.get(e.span.end..).is_some_and(|t| t.starts_with('第')) =>
        {
            d.written.year
        }
        _ => None,
    })?;
    es.iter().find_map(|e| match &e.value {
        Value::Date(d) if e.span.start < anchor && d.written.year.is_none() => {
            let (Some(mo), Some(day)) = (d.written.month, d.written.day) else { return None };
            Some(format!("{year:04}-{mo:02}-{day:02}"))
        }
        _ => None,
    })
}

/// The chair a sentence of its own names in the two paragraphs after the lead:
/// `会议由县委副书记、县长某某主持。`
fn chair_after_lead(
    lx: &Lexicon,
    paragraphs: &[String],
    entities: &[Vec<Entity<'_>>],
    lead: usize,
) -> Option<String> {
    for i in lead + 1..lead + 3 {
        let p = paragraphs.get(i)?;
        let Some(at) = p.find("主持") else { continue };
        let clause_start = p
            .get(..at)?
            .char_indices()
            .rev()
            .find(|&(_, c)| is_punct(c) && c != '、')
            .map_or(0, |(k, c)| k + c.len_utf8());
        let clause = p.get(clause_start..at)?;
        if !(clause.starts_with("会议由") || clause.starts_with('由')) {
            continue;
        }
        let es = entities.get(i).map(Vec::as_slice);
        if let Some(person) = person_before(lx, p, at, es) {
            return Some(person.name);
        }
    }
    None
}

/// The chair (who 主持) and the leaders named with a role in the title and the lead.
fn leaders(
    lx: &Lexicon,
    sources: &[(Option<usize>, &str)],
    entities: &[Vec<Entity<'_>>],
    m: &mut Meeting,
) {
    for &(pi, s) in sources {
        let es = pi.and_then(|i| entities.get(i)).map(Vec::as_slice);
        for (verb, role) in ROLES {
            let mut rest = 0;
            while let Some(i) = s.get(rest..).and_then(|t| t.find(verb)) {
                let at = rest + i;
                rest = at + verb.len();
                let Some(person) = person_before(lx, s, at, es) else { continue };
                if role != "chair" && person.titles.is_empty() {
                    continue;
                }
                if role == "chair" && m.chair.is_none() {
                    m.chair = Some(person.name.clone());
                    m.chair_titles.clone_from(&person.titles);
                }
                if let Some(l) = m.leaders.iter_mut().find(|l| l.name == person.name) {
                    if l.titles.is_empty() {
                        l.titles = person.titles;
                    }
                } else {
                    m.leaders.push(Leader {
                        name: person.name,
                        titles: person.titles,
                        role: Some(role.to_owned()),
                    });
                }
            }
        }
    }
    if m.chair_titles.is_empty()
        && let Some(chair) = &m.chair
        && let Some(l) = m.leaders.iter().find(|l| &l.name == chair)
    {
        m.chair_titles.clone_from(&l.titles);
    }
}

/// The format (电视电话会议) and the branch venues (`各县(市、区)设分会场`), anywhere in the text.
fn format_and_venues(lx: &Lexicon, title: &str, paragraphs: &[String], m: &mut Meeting) {
    for text in std::iter::once(title).chain(paragraphs.iter().map(String::as_str)) {
        if m.format.is_none() {
            m.format = lx.lists.format.iter().find(|f| own_mention(text, f)).cloned();
        }
        for b in &lx.lists.branch {
            let mut rest = 0;
            while let Some(i) = text.get(rest..).and_then(|t| t.find(b.as_str())) {
                let at = rest + i;
                rest = at + b.len();
                if let Some(v) = venue_before(text, at)
                    && !m.venues.contains(&v)
                {
                    m.venues.push(v);
                }
            }
        }
    }
    if m.format.is_none() && !m.venues.is_empty() {
        m.format = lx.lists.branch.first().cloned();
    }
}

/// The session number written between `第` and `次` (`139`, `一百三十九`).
fn session_number(s: &str) -> Option<u32> {
    parse_numeral(s)?.as_integer().and_then(|n| u32::try_from(n).ok()).filter(|&n| n > 0)
}

/// `省委第126次疫情防控专题会暨省疫情防控工作领导小组会议` from the body's start.
/// The meeting's name in `s`, from its body at `start..body_end`: `省委第12次专题会`;
/// after a verb, what the body held (`X召开全省…电视电话会议` names `全省…电视电话会议`),
/// with the body when that is only a session or a kind of meeting (`X召开第52次会议`:
/// `X第52次会议`, `市政府召开常务会议`: `市政府常务会议`).
fn meeting_name(lx: &Lexicon, s: &str, start: usize, body_end: usize) -> Option<String> {
    let mut after_body = s.get(body_end..)?;
    while let Some(a) = lx.lists.org_adverb.iter().find(|a| after_body.starts_with(a.as_str())) {
        after_body = after_body.get(a.len()..)?;
    }
    if let Some(verb) =
        ["组织召开", "召开", "举行", "举办"].into_iter().find(|v| after_body.starts_with(v))
        && let Some(held) = name_from(lx, after_body.get(verb.len()..)?)
    {
        if held.starts_with('第') || chars(&held) <= 6 {
            return Some(format!("{}{held}", s.get(start..body_end)?));
        }
        return Some(held);
    }
    name_from(lx, s.get(start..)?)
}

/// The name of the meeting `rest` starts with: up to the last meeting word of its clause.
fn name_from(lx: &Lexicon, rest: &str) -> Option<String> {
    let clause_end = rest.find(['，', ',', '。', '；', ';', ' ', '　']).unwrap_or(rest.len());
    let clause = rest.get(..clause_end)?;
    let end = lx
        .lists
        .meeting
        .iter()
        .filter_map(|w| clause.rfind(w.as_str()).map(|i| i + w.len()))
        .max()?;
    let name = clause.get(..end)?;
    (chars(name) <= 60).then(|| name.to_owned())
}

/// The venue before `分会场`: `屯留区` in `在屯留区分会场`, `各县(市、区)` in `各县(市、区)设分会场`.
fn venue_before(text: &str, at: usize) -> Option<String> {
    let head = text.get(..at)?;
    let head = head.strip_suffix('设').unwrap_or(head);
    let mut start = head.len();
    let mut depth = 0usize;
    for (i, c) in head.char_indices().rev() {
        match c {
            ')' | '）' => depth += 1,
            '(' | '（' => depth = depth.saturating_sub(1),
            '、' if depth > 0 => {}
            c if is_han(c) => {}
            _ => break,
        }
        start = i;
    }
    let mut v = head.get(start..)?;
    for w in ["在", "于", "设"] {
        if let Some(i) = v.rfind(w) {
            v = v.get(i + w.len()..)?;
        }
    }
    (chars(v) >= 2 && chars(v) <= 20).then(|| v.to_owned())
}

/// `传达贯彻省委第109次疫情防控专题会议暨…会议精神`.
/// Whether `text` names `word` (a meeting format) of the meeting itself, not of an upstream
/// meeting it relays (`传达全省疫情防控工作视频会议精神`, `…视频会议上的讲话`).
fn own_mention(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, w)| {
        let after = text.get(at + w.len()..).unwrap_or("");
        !["精神", "的精神", "上的讲话", "上讲话", "上的重要讲话"]
            .iter()
            .any(|x| after.starts_with(x))
    })
}

fn relays(lx: &Lexicon, p: &str) -> Vec<RelayedMeeting> {
    let mut out = Vec::new();
    for r in &lx.lists.relay {
        let mut rest = 0;
        while let Some(i) = p.get(rest..).and_then(|t| t.find(r.as_str())) {
            let start = rest + i + r.len();
            rest = start;
            let tail = p.get(start..).unwrap_or("");
            let end = tail.find(['，', ',', '。', '；', ';']).unwrap_or(tail.len());
            let clause = tail.get(..end).unwrap_or("");
            let Some(k) = clause.find("精神") else { continue };
            let mut name = clause.get(..k).unwrap_or("");
            loop {
                let before = name;
                for w in ["了", "学习", "贯彻", "落实"] {
                    name = name.strip_prefix(w).unwrap_or(name);
                }
                if name == before {
                    break;
                }
            }
            if !lx.lists.meeting.iter().any(|w| name.contains(w.as_str())) {
                continue;
            }
            if out.iter().any(|x: &RelayedMeeting| x.name == name) {
                continue;
            }
            let mut rm = RelayedMeeting { name: name.to_owned(), ..RelayedMeeting::default() };
            if let Some(c) = lx.session.captures(name)
                && let (Some(all), Some(n)) = (c.get(0), c.get(1))
            {
                rm.session = session_number(n.as_str());
                rm.body = org_before(lx, name, all.start())
                    .and_then(|(a, b)| name.get(a..b))
                    .map(str::to_owned);
            }
            out.push(rm);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Sources;
    use crate::period::published_day;
    use zhengling_entities::{Context, ExtractorBuilder, PersonInfo, Span};

    fn lx() -> Lexicon {
        Lexicon::build(&Sources::default()).unwrap()
    }

    /// The meeting of a page published on `published`, with the entities of its paragraphs.
    fn run(l: &Lexicon, title: &str, ps: &[String], published: &str) -> Meeting {
        let extractor = ExtractorBuilder::new().build().unwrap();
        let ctx = Context { published: published_day(published), region: None };
        let entities = extractor.extract_document(ps, &ctx);
        meeting(l, title, ps, &entities)
    }

    const TITLE: &str = "李明主持召开市疫情防控工作领导小组第58次会议";
    const LEAD: &str = "3月2日,省委常委、市委书记李明主持召开市疫情防控工作领导小组第58次会议,传达贯彻省委第21次疫情防控专题会议精神,安排部署我市防控工作。市委副书记、市长王强提出具体要求。";

    #[test]
    fn a_meeting_report() {
        let l = lx();
        let ps =
            vec![LEAD.to_owned(), "会议以电视电话会议形式召开,各县(市、区)设分会场。".to_owned()];
        let m = run(&l, TITLE, &ps, "2022-03-04");
        assert_eq!(m.session, Some(58));
        assert_eq!(m.date.as_deref(), Some("2022-03-02"));
        assert_eq!(m.chair.as_deref(), Some("李明"));
        assert_eq!(m.chair_titles, ["省委常委", "市委书记"]);
        assert_eq!(m.body.as_deref(), Some("市疫情防控工作领导小组"));
        assert_eq!(m.name.as_deref(), Some("市疫情防控工作领导小组第58次会议"));
        assert_eq!(m.format.as_deref(), Some("电视电话会议"));
        assert_eq!(m.venues, ["各县(市、区)"]);
        let speaker = m.leaders.iter().find(|l| l.name == "王强").unwrap();
        assert_eq!(speaker.titles, ["市委副书记", "市长"]);
        assert_eq!(speaker.role.as_deref(), Some("speaker"));
        assert_eq!(m.relays.len(), 1);
        assert_eq!(m.relays[0].session, Some(21));
        assert_eq!(m.relays[0].body.as_deref(), Some("省委"));
        assert_eq!(m.relays[0].name, "省委第21次疫情防控专题会议");
    }

    #[test]
    fn name_of_the_meeting_a_body_held() {
        let l = lx();
        let name = |p: &str| run(&l, "", &[p.to_owned()], "2022-05-06").name;
        assert_eq!(
            name("5月5日,甲省疫情防控工作领导小组召开全省疫情防控工作电视电话会议。").as_deref(),
            Some("全省疫情防控工作电视电话会议")
        );
        assert_eq!(
            name("5月5日,市疫情防控工作领导小组召开第52次会议。").as_deref(),
            Some("市疫情防控工作领导小组第52次会议")
        );
        assert_eq!(name("5月5日,市人民政府召开常务会议。").as_deref(), Some("市人民政府常务会议"));
        assert_eq!(
            name("5月5日,市疫情防控指挥部紧急召开全市疫情防控工作会议。").as_deref(),
            Some("全市疫情防控工作会议")
        );
    }

    #[test]
    fn relayed_format_is_not_the_meetings() {
        let l = lx();
        let ps = vec!["11月14日,市委书记张三主持召开市疫情防控工作领导小组会议,传达学习全省疫情防控工作视频会议精神。".to_owned()];
        assert_eq!(run(&l, "", &ps, "2022-11-15").format, None);
        let ps = vec![
            "11月14日,市疫情防控工作领导小组以视频会议形式召开会议,传达全省视频会议精神。"
                .to_owned(),
        ];
        assert_eq!(run(&l, "", &ps, "2022-11-15").format.as_deref(), Some("视频会议"));
    }

    #[test]
    fn relayed_session_is_not_the_meetings() {
        let l = lx();
        let ps = vec!["1月5日,县委召开常委会议,传达学习省委第9次专题会议精神。".to_owned()];
        let m = run(&l, "", &ps, "2023-01-06");
        assert_eq!(m.session, None);
        assert_eq!(m.date.as_deref(), Some("2023-01-05"));
        assert_eq!(m.body.as_deref(), Some("县委"));
    }

    #[test]
    fn joint_meeting_name_and_branch_venue() {
        let l = lx();
        let title = "甲省委第12次疫情防控专题会暨省疫情防控工作领导小组会议召开";
        let ps = vec!["1月18日,省委第12次疫情防控专题会暨省疫情防控工作领导小组会议召开。区委书记、区长赵六在乙区分会场参加会议。".to_owned()];
        let m = run(&l, title, &ps, "2023-01-28");
        assert_eq!(m.session, Some(12));
        assert_eq!(m.body.as_deref(), Some("甲省委"));
        assert_eq!(
            m.name.as_deref(),
            Some("甲省委第12次疫情防控专题会暨省疫情防控工作领导小组会议")
        );
        assert_eq!(m.date.as_deref(), Some("2023-01-18"));
        assert_eq!(m.chair, None);
        assert_eq!(m.venues, ["乙区"]);
        assert_eq!(m.format.as_deref(), Some("分会场"));
    }

    #[test]
    fn sessions_in_chinese_numerals_and_dates_across_new_year() {
        let l = lx();
        let ps = vec!["12月30日,县疫情防控工作领导小组召开第一百零九次会议,传达省委第十二次疫情防控专题会议精神。".to_owned()];
        let m = run(&l, "", &ps, "2023-01-02");
        assert_eq!(m.session, Some(109));
        assert_eq!(m.date.as_deref(), Some("2022-12-30"));
        assert_eq!(m.relays[0].session, Some(12));
        assert_eq!(session_number("两千"), Some(2000));
        assert_eq!(session_number("139"), Some(139));
        assert_eq!(session_number("百"), None);
        assert_eq!(session_number("0"), None);
    }

    #[test]
    fn chair_from_a_person_entity() {
        let l = lx();
        let p = "6日,市委书记韦某某主持会议。";
        let at = p.find("韦").unwrap();
        let ents = vec![vec![Entity {
            kind: EntityKind::Person,
            text: &p[at..at + "韦某某".len()],
            span: Span { start: at, end: at + "韦某某".len() },
            value: Value::Person({
                let mut info = PersonInfo::default();
                info.titles = vec!["市委书记".to_owned()];
                info
            }),
        }]];
        let m = meeting(&l, "", &[p.to_owned()], &ents);
        assert_eq!(m.chair.as_deref(), Some("韦某某"));
        assert_eq!(m.chair_titles, ["市委书记"]);
        // 会议由…主持.
        let m = meeting(&l, "", &["会议由副市长张某主持。".to_owned()], &[]);
        assert_eq!(m.chair.as_deref(), Some("张某"));
    }

    /// A lead that names who spoke, then a sentence of its own that names the chair.
    #[test]
    fn chair_in_a_sentence_after_the_lead() {
        let l = lx();
        let ps = vec![
            "11月2日晚,全县疫情防控工作会议召开。县委书记王某在会上强调,要落实防控措施。"
                .to_owned(),
            "会议由县委副书记、县长赵某某主持。".to_owned(),
        ];
        let m = run(&l, "全县疫情防控工作会议召开", &ps, "2022-11-03");
        assert_eq!(m.chair.as_deref(), Some("赵某某"));
        // a relayed meeting's chair named further on is not this meeting's
        let ps = vec![
            "11月2日晚,全县疫情防控工作会议召开。".to_owned(),
            "此前,省委书记某某主持召开省委常委会会议。".to_owned(),
        ];
        assert_eq!(run(&l, "", &ps, "2022-11-03").chair, None);
    }

    /// Without a publication date, a day is dated by the year the meeting's name gives.
    #[test]
    fn undated_day_takes_the_year_of_the_meetings_name() {
        let l = lx();
        let ps = vec!["6月2日,县长王某主持召开县政府2022年第六次常务会议。".to_owned()];
        let m = run(&l, "", &ps, "");
        assert_eq!(m.date.as_deref(), Some("2022-06-02"));
        assert_eq!(m.session, Some(6));
        // a year that names no session dates nothing
        let ps = vec!["6月2日,县长王某主持召开常务会议,听取2022年高考准备情况汇报。".to_owned()];
        assert_eq!(run(&l, "", &ps, "").date, None);
    }
}
