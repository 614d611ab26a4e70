//! Tests of group typing, headers, scopes and definitions.

use super::assign::definitions;
use super::scope::{exceptions, header, marker};
use super::*;
use crate::lexicon::Sources;

fn lx() -> &'static Lexicon {
    static L: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    L.get_or_init(|| Lexicon::build(&Sources::default()).unwrap())
}

fn origins(text: &str) -> Vec<Option<Origin>> {
    classify(lx(), text).into_iter().map(|a| a.origin).collect()
}

#[test]
fn origins_follow_the_last_risk_cue() {
    assert_eq!(origins("省外低风险地区返扬人员"), [Some(Origin::LowRisk)]);
    assert_eq!(
        origins("中高风险地区所在地市的其他人员"),
        [Some(Origin::OutbreakArea)],
        "the city a risk area lies in"
    );
    assert_eq!(
        origins("中高风险地区所在的低风险地区来宿迁人员"),
        [Some(Origin::OutbreakArea)],
        "a low-risk area in a city with risk areas is the outbreak's"
    );
    assert_eq!(origins("中高风险地区所在地市以外的低风险地区"), [Some(Origin::LowRisk)]);
    assert_eq!(
        origins("境外及国内中高风险地区来（返）蚌人员"),
        [Some(Origin::Abroad), Some(Origin::MediumRisk), Some(Origin::HighRisk)]
    );
    assert_eq!(origins("省外非中高风险地区返鹤人员"), [Some(Origin::LowRisk)]);
    assert_eq!(origins("省外返回人员"), [Some(Origin::OutOfProvince)]);
    assert_eq!(origins("所有来齐返齐人员"), [Some(Origin::Any)]);
    assert_eq!(origins("其他人员"), [Some(Origin::Any)]);
    assert!(origins("各地").is_empty());
}

#[test]
fn area_movement_and_people() {
    let a = &classify(lx(), "省外低风险地区返扬人员")[0];
    assert_eq!(a.area, Some(Origin::OutOfProvince));
    assert_eq!(a.movement, Some(Movement::Returning));
    assert_eq!(a.people, None);
    let a = &classify(lx(), "进口冷链食品从业人员")[0];
    assert_eq!(a.people, Some(Who::Named("key-occupation".to_owned())));
    assert_eq!(a.movement, None, "进口 is no arrival");
    // the people of the last conjunct are those of a bare territory joined before it
    let all = classify(lx(), "江苏省内或省外进口冷链食品从业人员");
    assert!(
        all.iter().all(|a| a.people == Some(Who::Named("key-occupation".to_owned()))),
        "{all:?}"
    );
    let a = &classify(lx(), "外省返回农村地区人员")[0];
    assert_eq!(a.people, Some(Who::Named("rural-returner".to_owned())));
    let a = &classify(lx(), "跨省流动到城市的非重点人群")[0];
    assert_eq!(a.people, Some(Who::Anyone));
}

#[test]
fn markers_and_levels() {
    assert_eq!(marker("一、境外来芜人员"), Some(("一、".len(), 1)));
    assert_eq!(marker("（三）省外人员"), Some(("（三）".len(), 2)));
    assert_eq!(marker("2、从中高风险地区返回"), Some(("2、".len(), 3)));
    assert_eq!(marker("3.省外"), Some((2, 3)));
    assert_eq!(marker("(3)省外"), Some((3, 4)));
    assert_eq!(marker("（1）.中高风险"), Some(("（1）.".len(), 4)));
    assert_eq!(marker("①国内"), Some(("①".len(), 5)));
    assert_eq!(marker("2021年1月"), None);
}

fn header_text(p: &str) -> Option<(u8, String, Vec<Option<Origin>>)> {
    let h = header(lx(), p, 0, &[])?;
    let text = h.groups.first()?.text.clone();
    Some((h.level, text, h.groups.iter().map(|g| g.origin).collect()))
}

#[test]
fn headers() {
    assert_eq!(
        header_text("(3)省外低风险地区及省内重点人群入（返）衡人员："),
        Some((
            4,
            "省外低风险地区及省内重点人群入（返）衡人员".to_owned(),
            vec![Some(Origin::LowRisk), Some(Origin::InProvince)]
        ))
    );
    assert_eq!(
        header_text("1、从低风险地区返回：需出示健康码绿码"),
        Some((3, "从低风险地区返回".to_owned(), vec![Some(Origin::LowRisk)]))
    );
    assert_eq!(
        header_text("三、低风险地区"),
        Some((1, "低风险地区".to_owned(), vec![Some(Origin::LowRisk)]))
    );
    assert_eq!(
        header_text("低风险地区：必须提供到达前7天内核酸检测阴性证明"),
        Some((UNNUMBERED, "低风险地区".to_owned(), vec![Some(Origin::LowRisk)]))
    );
    // a first clause that is a group heads an enumerated paragraph
    assert_eq!(
        header_text("1、从低风险区返回，返回农村地区，提供7日内核酸检测阴性证明。"),
        Some((3, "从低风险区返回".to_owned(), vec![Some(Origin::LowRisk)]))
    );
    // a first clause that is a group heads the paragraph before a colon further on
    assert_eq!(
        header_text("1、从低风险地区返回，活动范围为城区的：凭健康码绿码通行"),
        Some((3, "从低风险地区返回".to_owned(), vec![Some(Origin::LowRisk)]))
    );
    assert_eq!(header_text("根据《关于做好来晋返晋重点人员服务管理工作的通知》规定："), None);
    assert_eq!(header_text("注：返乡人员主要是指从省外返回农村地区的人员。"), None);
    assert_eq!(header_text("会议要求：各地要严格落实核酸检测"), None);
    assert_eq!(header_text("2、中风险地区人员须集中隔离14天。"), None);
}

#[test]
fn scopes_nest_and_close() {
    let ps: Vec<String> = [
        "一、境外来芜人员",
        "严格落实“14+7+7”管控措施。",
        "二、中高风险地区及其所在地市人员",
        "1、高风险地区人员春运期间不流动。",
        "三、低风险地区",
        "1、跨省回农村需持7日内有效新冠病毒核酸检测阴性结果",
        "注意事项",
    ]
    .map(str::to_owned)
    .to_vec();
    let s = scopes(lx(), &ps, &[]);
    let first = |i: usize| s[i].1.first().and_then(|g| g.origin);
    assert_eq!(first(1), Some(Origin::Abroad));
    assert_eq!(first(3), Some(Origin::MediumRisk));
    assert_eq!(first(5), Some(Origin::LowRisk));
    assert!(s[5].1.iter().all(|g| g.inherited));
    // an unnumbered header closes the one before it
    let ps: Vec<String> = [
        "国内高风险地区来邵（返邵）人员：",
        "在集中隔离点集中隔离医学观察14天。",
        "国内中风险地区来邵（返邵）人员：",
        "来邵返邵后实行14天居家健康监测。",
    ]
    .map(str::to_owned)
    .to_vec();
    let s = scopes(lx(), &ps, &[]);
    assert_eq!(s[1].1[0].origin, Some(Origin::HighRisk));
    assert_eq!(s[3].1[0].origin, Some(Origin::MediumRisk));
    assert_eq!(s[3].1[0].movement, Some(Movement::Returning));
}

#[test]
fn people_phrases_stop_at_verbs_and_lists() {
    let p = "对来自或途经国内疫情高风险地区人员，一律实施14天集中隔离";
    let spans = phrases(lx(), p, Seg { start: 0, end: p.len() });
    let texts: Vec<&str> = spans.iter().map(|&(s, e)| &p[s..e]).collect();
    assert_eq!(texts, ["来自或途经国内疫情高风险地区人员"]);
    let p = "进口冷链食品从业人员、口岸直接接触进口货物从业人员等重点人群须持证明";
    let spans = phrases(lx(), p, Seg { start: 0, end: p.len() });
    let texts: Vec<&str> = spans.iter().map(|&(s, e)| &p[s..e]).collect();
    assert_eq!(texts, ["进口冷链食品从业人员", "口岸直接接触进口货物从业人员", "重点人群"]);
    let p = "对有高风险地区旅居史的来深返深人员实行集中隔离";
    let spans = phrases(lx(), p, Seg { start: 0, end: p.len() });
    assert_eq!(&p[spans[0].0..spans[0].1], "有高风险地区旅居史的来深返深人员");
}

#[test]
fn exclusions() {
    let p = "除重点人群外，其他人员持绿码通行";
    let ex = exceptions(lx(), p, 0, Seg { start: 0, end: p.len() });
    assert_eq!(ex.len(), 1);
    assert_eq!(ex[0].text, "重点人群");
    assert_eq!(ex[0].people.as_deref(), Some("key-occupation"));
}

#[test]
fn a_page_defines_its_groups() {
    let ps: Vec<String> = [
        "返乡人员需持7天内核酸检测阴性证明。",
        "注：返乡人员主要是指从省外返回农村地区的人员。",
        "对春运期间返乡人员（主要是跨省份返乡人员和本省内的进口冷链食品从业人员等重点人群），查验证明。",
    ]
    .map(str::to_owned)
    .to_vec();
    let d = definitions(lx(), &ps);
    assert_eq!(d, [("返乡人员".to_owned(), "rural-returner".to_owned())]);
    let d = definitions(lx(), &ps[2..]);
    assert_eq!(d, [("返乡人员".to_owned(), "key-occupation".to_owned())]);
}

#[test]
fn refinement_fills_what_the_child_leaves_open() {
    let parent = Group {
        origin: Some(Origin::LowRisk),
        movement: Some(Movement::Returning),
        ..Group::default()
    };
    let child = Group { people: Some("rural-returner".into()), ..Group::default() };
    let g = refine(child, &parent);
    assert_eq!(g.origin, Some(Origin::LowRisk));
    assert_eq!(g.people.as_deref(), Some("rural-returner"));
}
