//! Whole pages, written for these tests in the style of the pages the crate reads (a county
//! notice, a city meeting, a vaccination report, a 2023 notice), run with the real entity
//! extractor: what a researcher would code by hand from each.
#![allow(clippy::unwrap_used)]

use zhengling_directive::{
    Compliance, Directive, Document, Kind, Modality, RiskLevel, RulesBuilder,
};
use zhengling_entities::{Context, ExtractorBuilder, PartialDate};

fn build(title: &str, published: &str, paragraphs: &[&str]) -> Directive {
    let rules = RulesBuilder::new().build().unwrap();
    let extractor = ExtractorBuilder::new().build().unwrap();
    let ps: Vec<String> = paragraphs.iter().map(|s| (*s).to_owned()).collect();
    let y = published[..4].parse().unwrap();
    let m = published[5..7].parse().unwrap();
    let d = published[8..10].parse().unwrap();
    let ctx = Context {
        published: Some(PartialDate { year: y, month: Some(m), day: Some(d) }),
        region: None,
    };
    let es = extractor.extract_document(&ps, &ctx);
    let d = rules.build(&Document {
        title: Some(title),
        published: Some(published),
        paragraphs: &ps,
        entities: &es,
    });
    for i in &d.items {
        assert_eq!(ps[i.paragraph].get(i.start..i.end), Some(i.text.as_str()));
    }
    d
}

fn codes(d: &Directive) -> Vec<&str> {
    d.oxcgrt_codes()
}

#[test]
fn county_notice_with_zones_and_a_period() {
    let d = build(
        "平遥县新冠肺炎疫情防控工作指挥部关于在城区开展全员核酸检测的通告",
        "2022-11-04",
        &[
            "为尽快阻断疫情传播风险,保障人民群众生命安全和身体健康,现将有关事项通告如下:",
            "一、自11月5日0时至11月7日24时,在城区开展三轮全员核酸检测,请广大居民凭身份证或健康码有序参加,做到应检尽检、不漏一人。",
            "二、封控区实行“区域封闭、足不出户、上门服务”,管控区实行“人不出区、严禁聚集”,防范区实行“强化社会面管控、严格限制人员聚集”。",
            "三、检测期间,全县暂停堂食,各类培训机构暂停线下教学,倡导居民非必要不外出、不聚集,外出时科学佩戴口罩。",
            "四、对拒不配合核酸检测、隐瞒行程的,将依法依规追究法律责任。",
            "平遥县新冠肺炎疫情防控工作指挥部",
            "2022年11月4日",
        ],
    );
    assert_eq!(d.kind, Kind::Notice);
    assert_eq!(d.issuer.as_deref(), Some("平遥县新冠肺炎疫情防控工作指挥部"));
    assert_eq!(d.region.as_deref(), Some("平遥县"));
    assert_eq!(d.region_code.as_deref(), Some("140728"));
    let zone = |l: RiskLevel| d.risk_zones.iter().find(|z| z.level == l).map(|z| z.rule.as_str());
    assert_eq!(zone(RiskLevel::Sealed), Some("区域封闭、足不出户、上门服务"));
    assert_eq!(zone(RiskLevel::Controlled), Some("人不出区、严禁聚集"));
    assert_eq!(zone(RiskLevel::Precautionary), Some("强化社会面管控、严格限制人员聚集"));
    for c in ["C1", "C2", "C6", "H2", "H6"] {
        assert!(codes(&d).contains(&c), "{c} missing from {:?}", codes(&d));
    }
    let testing = d.items.iter().find(|i| i.text.contains("全员核酸检测")).unwrap();
    assert_eq!(testing.valid_from.as_deref(), Some("2022-11-05"));
    assert_eq!(testing.valid_to.as_deref(), Some("2022-11-07"));
    let m = testing.measures.iter().find(|m| m.term.contains("全员核酸")).unwrap();
    assert_eq!((m.oxcgrt.as_deref(), m.level), (Some("H2"), Some(3)));
    let home = d.items.iter().find(|i| i.text.contains("非必要不外出")).unwrap();
    assert_eq!(home.modality, Modality::Encourage);
    let penalty = d.items.iter().find(|i| i.text.contains("法律责任")).unwrap();
    assert_eq!(penalty.measures[0].compliance, Some(Compliance::WithPenalties));
}

#[test]
fn city_meeting_with_a_video_format() {
    let d = build(
        "晋中市召开疫情防控工作调度会",
        "2022-11-03",
        &[
            "11月2日下午,市委副书记、市长王晓东主持召开全市疫情防控工作调度会,听取近期疫情防控工作情况汇报,研究部署下一步重点工作。副市长李红出席会议。",
            "会议强调,各县(区、市)要坚持“动态清零”总方针不动摇,压实属地、部门、单位、个人“四方责任”,严格落实“第一落点”排查管控,对来自中高风险地区的人员,要第一时间落实“三天两检”和健康监测。",
            "会议要求,要加强养老机构、福利院等特殊场所管理,严格落实封闭管理措施;要持续推进60岁以上老年人疫苗接种,筑牢免疫屏障。",
            "会议以视频会议形式召开,各县(区、市)设分会场。",
        ],
    );
    assert_eq!(d.kind, Kind::Meeting);
    assert_eq!(d.issuer.as_deref(), Some("晋中市"));
    assert_eq!(d.region.as_deref(), Some("晋中市"));
    assert_eq!(d.phase.as_deref(), Some("动态清零"));
    assert_eq!(d.responsibilities, ["属地", "部门", "单位", "个人"]);
    let m = d.meeting.as_ref().unwrap();
    assert_eq!(m.date.as_deref(), Some("2022-11-02"));
    assert_eq!(m.chair.as_deref(), Some("王晓东"));
    assert_eq!(m.format.as_deref(), Some("视频会议"));
    assert!(m.leaders.iter().any(|l| l.name == "李红" && l.role.as_deref() == Some("attendee")));
    assert_eq!(codes(&d), ["H2", "H3", "H7", "H8"]);
    let arrivals = d.items.iter().find(|i| i.text.contains("三天两检")).unwrap();
    assert!(
        arrivals.targets.iter().any(|t| t == "来自中高风险地区的人员"),
        "{:?}",
        arrivals.targets
    );
}

#[test]
fn vaccination_report_with_statistics() {
    let d = build(
        "我市新冠病毒疫苗加强免疫接种有序推进",
        "2022-03-21",
        &[
            "记者从市卫健委获悉,截至3月20日,全市累计接种新冠病毒疫苗385.6万剂次,其中加强免疫接种98万余人。",
            "今年以来,我市在各县(区)设立临时接种点126个,组建流动接种队伍40支,为行动不便的老年人提供上门接种服务。",
            "市卫健委相关负责人表示,将继续坚持“应接尽接”原则,倡导符合条件的群众尽快接种加强针。",
        ],
    );
    assert_eq!(d.kind, Kind::Report);
    assert_eq!(codes(&d), ["H7"]);
    let doses = d.statistics.iter().find(|s| s.text.contains("385.6万")).unwrap();
    assert!((doses.value - 3_856_000.0).abs() < 1e-6);
    assert_eq!(doses.unit.as_deref(), Some("剂次"));
    let boosted = d.statistics.iter().find(|s| s.text.contains("98万")).unwrap();
    assert!(boosted.approximate);
    let encourage = d.items.iter().find(|i| i.text.contains("加强针")).unwrap();
    assert_eq!(encourage.modality, Modality::Encourage);
}

#[test]
fn notice_of_2023_lifts_measures() {
    let d = build(
        "关于优化调整疫情防控措施的通知",
        "2023-01-07",
        &[
            "根据国务院联防联控机制部署,自2023年1月8日起,对新型冠状病毒感染实施“乙类乙管”。",
            "一、不再对入境人员实施全员核酸检测和集中隔离。",
            "二、各级医疗机构要做好分级诊疗,畅通发热门诊,加强重症救治资源准备。",
            "三、养老院等重点机构要加强防护,倡导老年人接种疫苗。",
            "太谷区新冠肺炎疫情防控领导小组办公室",
        ],
    );
    assert_eq!(d.kind, Kind::Notice);
    assert_eq!(d.phase.as_deref(), Some("乙类乙管"));
    assert_eq!(d.issuer.as_deref(), Some("太谷区新冠肺炎疫情防控领导小组办公室"));
    assert_eq!(d.region.as_deref(), Some("太谷区"));
    let lifted = d.items.iter().find(|i| i.text.contains("不再")).unwrap();
    assert!(
        lifted.measures.iter().all(|m| m.lifted && m.level == Some(0)),
        "{:?}",
        lifted.measures
    );
    let care = d.items.iter().find(|i| i.text.contains("养老院")).unwrap();
    assert!(care.measures.iter().any(|m| m.oxcgrt.as_deref() == Some("H8")));
    assert_eq!(care.actor.as_deref(), Some("养老院等重点机构"));
}
