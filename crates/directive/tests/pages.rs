//! Whole pages, written for these tests in the style of the pages the crate reads (a county
//! notice, a city meeting, a vaccination report, a 2023 notice; then one page of each phase in
//! other provinces: a 2020 lockdown notice, a 2021 routine-control meeting, a 2022 static
//! management notice, a 2023 class-B notice published before New Year), run with the real
//! entity extractor: what a researcher would code by hand from each.
#![allow(clippy::unwrap_used, clippy::panic)]

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
        ..Document::default()
    });
    for i in &d.items {
        assert_eq!(ps[i.paragraph].get(i.start..i.end), Some(i.text.as_str()));
    }
    d
}

/// The directive of a page, checked against its golden record `tests/golden/<name>.expected.json`
/// (reviewed by hand; `UPDATE_GOLDEN=1` rewrites it).
fn page(name: &str, title: &str, published: &str, paragraphs: &[&str]) -> Directive {
    let d = build(title, published, paragraphs);
    let input = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    let json = serde_json::to_string_pretty(&d).unwrap() + "\n";
    if let Err(e) = zhengling_tables::golden::check(&[input], "expected.json", |_| Ok(json.clone()))
    {
        panic!("{e}");
    }
    d
}

fn codes(d: &Directive) -> Vec<&str> {
    d.oxcgrt_codes()
}

#[test]
fn county_notice_with_zones_and_a_period() {
    let d = page(
        "county_notice_with_zones_and_a_period",
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
    let d = page(
        "city_meeting_with_a_video_format",
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
    let d = page(
        "vaccination_report_with_statistics",
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
    let d = page(
        "notice_of_2023_lifts_measures",
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

/// Prints what a test page gave (for `--nocapture` runs when a page test fails).
fn show(d: &Directive) -> String {
    let items: Vec<String> = d
        .items
        .iter()
        .map(|i| {
            let ms: Vec<String> = i
                .measures
                .iter()
                .map(|m| format!("{}:{:?}:{:?}", m.term, m.oxcgrt, m.level))
                .collect();
            format!(
                "{} [{:?} {:?}-{:?}] {}",
                i.text,
                i.modality,
                i.valid_from,
                i.valid_to,
                ms.join(" ")
            )
        })
        .collect();
    format!(
        "kind={:?} issuer={:?} region={:?} {:?} phase={:?} valid={:?}-{:?} codes={:?}\n{}",
        d.kind,
        d.issuer,
        d.region,
        d.region_code,
        d.phase,
        d.valid_from,
        d.valid_to,
        d.oxcgrt_codes(),
        items.join("\n")
    )
}

#[test]
fn early_2020_notice_closes_estates_and_shops() {
    let d = page(
        "early_2020_notice_closes_estates_and_shops",
        "孝感市新型冠状病毒感染的肺炎疫情防控指挥部关于实行住宅小区封闭式管理的通告",
        "2020-02-03",
        &[
            "为有效切断疫情传播途径,经市疫情防控指挥部研究决定,自2020年2月4日零时起,在全市城区所有住宅小区实行封闭式管理。现将有关事项通告如下:",
            "一、各小区只保留一个出入口,严格落实测温、登记制度,每户家庭每两天可指派1名家庭成员凭出入证外出采购生活物资。",
            "二、城区公交、出租车暂停运营;除保障居民生活必需的超市、药店外,各类商场、娱乐场所一律停止营业。",
            "三、取消各类庙会等聚集性活动,婚事缓办、丧事简办。",
            "四、对拒不配合的,由公安机关依法处理。",
            "孝感市新型冠状病毒感染的肺炎疫情防控指挥部",
            "2020年2月3日",
        ],
    );
    let why = show(&d);
    assert_eq!(d.kind, Kind::Notice, "{why}");
    assert_eq!(d.issuer.as_deref(), Some("孝感市新型冠状病毒感染的肺炎疫情防控指挥部"), "{why}");
    assert_eq!((d.region.as_deref(), d.region_code.as_deref()), (Some("孝感市"), Some("420900")));
    assert_eq!(d.phase, None);
    // The lead's `自…零时起…实行` dates the notice; it names no end.
    assert_eq!((d.valid_from.as_deref(), d.valid_to.as_deref()), (Some("2020-02-04"), None));
    assert_eq!(codes(&d), ["C2", "C3", "C4", "C5", "C6"], "{why}");
    let estate = d.items.iter().find(|i| i.text.contains("出入证")).unwrap();
    let pass = estate.measures.iter().find(|m| m.term == "出入证").unwrap();
    assert_eq!((pass.oxcgrt.as_deref(), pass.level), (Some("C6"), Some(2)));
    assert!(estate.measures.iter().any(|m| m.term == "测温"), "{why}");
    let shops = d.items.iter().find(|i| i.text.contains("停止营业")).unwrap();
    assert_eq!(shops.measures[0].category, "workplace-closing");
    let buses = d.items.iter().find(|i| i.text.contains("公交")).unwrap();
    assert_eq!(buses.measures[0].oxcgrt.as_deref(), Some("C5"));
    let police = d.items.iter().find(|i| i.text.contains("依法处理")).unwrap();
    assert_eq!(police.modality, Modality::Must);
}

#[test]
fn routine_2021_meeting_relays_the_province() {
    let d = page(
        "routine_2021_meeting_relays_the_province",
        "石家庄市召开疫情防控工作领导小组第四十五次会议",
        "2021-06-15",
        &[
            "6月14日,市委副书记、市长赵立新主持召开市疫情防控工作领导小组第四十五次会议,传达学习省委第十二次疫情防控专题会议精神,研究部署常态化疫情防控工作。",
            "会议强调,要毫不放松抓好常态化疫情防控,医疗机构要加强预检分诊和发热门诊管理,药店要对购买退热药品人员实名登记。",
            "会议要求,要加快推进疫苗接种,做到应接尽接;景区、影剧院等场所要实行预约、限流、错峰,落实扫码、测温、戴口罩等措施。",
            "会议以视频会议形式召开,各县(市、区)设分会场。",
        ],
    );
    let why = show(&d);
    assert_eq!(d.kind, Kind::Meeting, "{why}");
    // The body in the title is the convening city's.
    assert_eq!(d.issuer.as_deref(), Some("石家庄市疫情防控工作领导小组"), "{why}");
    assert_eq!((d.region.as_deref(), d.region_code.as_deref()), (Some("石家庄市"), Some("130100")));
    assert_eq!(d.phase.as_deref(), Some("常态化防控"));
    let m = d.meeting.as_ref().unwrap();
    assert_eq!(m.session, Some(45));
    assert_eq!(m.date.as_deref(), Some("2021-06-14"));
    assert_eq!(m.chair.as_deref(), Some("赵立新"));
    assert_eq!(m.chair_titles, ["市委副书记", "市长"]);
    assert_eq!(m.format.as_deref(), Some("视频会议"));
    assert_eq!(m.relays.len(), 1);
    assert_eq!(m.relays[0].session, Some(12));
    // A meeting dates itself, not a period.
    assert_eq!((d.valid_from.as_deref(), d.valid_to.as_deref()), (None, None));
    assert_eq!(codes(&d), ["H3", "H6", "H7"], "{why}");
    let venues = d.items.iter().find(|i| i.text.contains("限流")).unwrap();
    let terms: Vec<&str> = venues.measures.iter().map(|m| m.term.as_str()).collect();
    assert_eq!(terms, ["预约", "限流", "错峰"]);
    assert!(venues.measures.iter().all(|m| m.category == "venue-controls" && m.oxcgrt.is_none()));
    let pharmacy = d.items.iter().find(|i| i.text.contains("实名登记")).unwrap();
    assert_eq!(pharmacy.actor.as_deref(), Some("药店"));
}

#[test]
fn static_management_2022_notice() {
    let d = page(
        "static_management_2022_notice",
        "金水区新冠肺炎疫情防控指挥部关于实施临时性静默管理的通告",
        "2022-10-10",
        &[
            "为尽快阻断疫情传播链条,经区疫情防控指挥部研究决定,自2022年10月10日18时起至10月13日24时,在全区范围内实施临时性静默管理。现将有关事项通告如下:",
            "一、静默管理期间,全区居民非必要不出门,各小区实行封闭管理,每天开展一轮全员核酸检测,做到应检尽检。",
            "二、除超市、农贸市场、药店、医疗机构等保障基本生活和医疗服务的场所外,其他商业场所一律暂停营业,餐饮单位停止堂食,宗教场所一律暂停开放。",
            "三、全区中小学、幼儿园暂停线下教学,实行线上教学。",
            "四、区内公交、地铁暂停运营。",
            "五、对拒不执行静默管理规定的,依法追究法律责任。",
            "金水区新冠肺炎疫情防控指挥部",
            "2022年10月10日",
        ],
    );
    let why = show(&d);
    assert_eq!(d.kind, Kind::Notice, "{why}");
    assert_eq!(d.issuer.as_deref(), Some("金水区新冠肺炎疫情防控指挥部"));
    assert_eq!((d.region.as_deref(), d.region_code.as_deref()), (Some("金水区"), Some("410105")));
    // The lead's period (`自…18时起至…24时,…实施临时性静默管理`) is the notice's.
    assert_eq!(d.valid_from.as_deref(), Some("2022-10-10"));
    assert_eq!(d.valid_to.as_deref(), Some("2022-10-13"));
    assert_eq!(codes(&d), ["C1", "C2", "C4", "C5", "C6", "H2"], "{why}");
    let lead = d.items.iter().find(|i| i.paragraph == 0).unwrap();
    let silent = &lead.measures[0];
    assert_eq!(
        (silent.term.as_str(), silent.oxcgrt.as_deref(), silent.level),
        ("静默管理", Some("C6"), Some(3))
    );
    assert_eq!(silent.valid_to.as_deref(), Some("2022-10-13"));
    let worship = d.items.iter().find(|i| i.text.contains("宗教场所")).unwrap();
    assert_eq!(worship.measures[0].oxcgrt.as_deref(), Some("C4"));
    let dining = d.items.iter().find(|i| i.text.contains("堂食")).unwrap();
    assert!(dining.measures.iter().all(|m| m.oxcgrt.as_deref() == Some("C2")), "{why}");
    let testing = d.items.iter().find(|i| i.text.contains("全员核酸")).unwrap();
    assert!(
        testing.measures.iter().any(|m| m.oxcgrt.as_deref() == Some("H2") && m.level == Some(3))
    );
    let penalty = d.items.iter().find(|i| i.text.contains("法律责任")).unwrap();
    assert_eq!(penalty.measures[0].compliance, Some(Compliance::WithPenalties));
}

#[test]
fn class_b_2023_notice_published_before_new_year() {
    let d = page(
        "class_b_2023_notice_published_before_new_year",
        "成都市新冠肺炎疫情防控指挥部关于做好新型冠状病毒感染“乙类乙管”工作的通告",
        "2022-12-30",
        &[
            "根据国务院联防联控机制统一部署,自1月8日起,对新型冠状病毒感染实施“乙类乙管”。现将有关事项通告如下:",
            "一、不再对新冠病毒感染者实行隔离措施,不再判定密切接触者,不再划定高低风险区。",
            "二、各级医疗机构要做好分级诊疗,畅通发热门诊,加强重症救治资源准备。",
            "三、养老机构要加强老年人健康监测,倡导60岁以上老年人尽快接种加强针。",
            "四、自即日起至1月31日,倡导群众在公共场所科学佩戴口罩,减少聚集。",
            "成都市新冠肺炎疫情防控指挥部",
        ],
    );
    let why = show(&d);
    assert_eq!(d.kind, Kind::Notice, "{why}");
    assert_eq!(d.issuer.as_deref(), Some("成都市新冠肺炎疫情防控指挥部"));
    assert_eq!((d.region.as_deref(), d.region_code.as_deref()), (Some("成都市"), Some("510100")));
    assert_eq!(d.phase.as_deref(), Some("乙类乙管"));
    // `1月8日` on a page of 2022-12-30 is next year's.
    assert_eq!((d.valid_from.as_deref(), d.valid_to.as_deref()), (Some("2023-01-08"), None));
    let lifted = d.items.iter().find(|i| i.text.contains("不再")).unwrap();
    assert!(!lifted.measures.is_empty());
    assert!(lifted.measures.iter().all(|m| m.lifted && m.level == Some(0)), "{why}");
    let masks = d.items.iter().find(|i| i.text.contains("口罩")).unwrap();
    assert_eq!(masks.modality, Modality::Encourage);
    assert_eq!(masks.valid_from.as_deref(), Some("2022-12-30"));
    assert_eq!(masks.valid_to.as_deref(), Some("2023-01-31"));
    assert_eq!(masks.measures[0].oxcgrt.as_deref(), Some("H6"));
    assert_eq!(masks.measures[0].compliance, Some(Compliance::Voluntary));
    let care = d.items.iter().find(|i| i.text.contains("养老机构")).unwrap();
    assert!(care.measures.iter().any(|m| m.oxcgrt.as_deref() == Some("H8")));
    for c in ["H6", "H7", "H8"] {
        assert!(codes(&d).contains(&c), "{c} missing: {why}");
    }
}

/// A city's Spring Festival return-home rules, written for this test in the way such pages set
/// them out: numbered sections for groups of returners, a header line whose rules follow on
/// their own lines, a national rule for rural returners defined on the page, an exclusion, a
/// shorthand and parameters of every kind. Each item is coded for the group it stands under.
#[test]
fn return_home_rules_by_group() {
    use zhengling_directive::{Movement, Origin, Timing, Unit};
    let d = page(
        "return_home_rules_by_group",
        "某市春节返乡政策",
        "2021-01-30",
        &[
            "一、境外来返人员",
            "严格落实“14+7”管控措施。",
            "二、中高风险地区来返人员",
            "1、高风险地区人员集中隔离14天，期间进行2次核酸检测。",
            "2、中风险地区人员居家隔离14天。",
            "三、低风险地区来返人员",
            "1、省外低风险地区来返人员须持48小时内核酸检测阴性证明方可返乡，并提前3天向所在社区报备。",
            "2、返乡人员需持7天内核酸检测阴性证明，返乡后实行14天居家健康监测，每7天开展一次核酸检测。",
            "3、除重点人群外，其他人员持健康码绿码，在体温正常的前提下可有序流动，无需隔离。",
            "注：返乡人员是指从外地返回农村地区的人员。",
        ],
    );
    let item = |needle: &str| {
        d.items.iter().find(|i| i.text.contains(needle)).unwrap_or_else(|| panic!("{needle}"))
    };
    let measure = |needle: &str, term: &str| {
        item(needle).measures.iter().find(|m| m.term == term).cloned().unwrap()
    };
    // a header line scopes the rules under it; the shorthand is the measures it stands for
    let abroad = item("14+7");
    assert_eq!(abroad.groups[0].origin, Some(Origin::Abroad));
    assert!(abroad.groups[0].inherited);
    let q = measure("14+7", "集中隔离");
    assert_eq!(q.duration.as_ref().map(|p| p.value), Some(14));
    assert_eq!(q.notation.as_deref(), Some("14+7"));
    // nested: the item's own group, under its section
    let high = item("高风险地区人员集中隔离");
    assert_eq!(high.groups[0].origin, Some(Origin::HighRisk));
    assert_eq!(measure("高风险地区人员集中隔离", "核酸检测").times.unwrap().value, 2);
    assert_eq!(item("中风险地区人员").groups[0].origin, Some(Origin::MediumRisk));
    // hours are hours, days ahead are a window, the certificate is a condition of entry
    let low = item("省外低风险地区来返人员");
    assert_eq!(low.groups[0].origin, Some(Origin::LowRisk));
    assert_eq!(low.groups[0].area, Some(Origin::OutOfProvince));
    assert_eq!(low.groups[0].movement, Some(Movement::Returning));
    let cert = measure("省外低风险地区来返人员", "核酸检测阴性证明");
    let within = cert.within.unwrap();
    assert_eq!((within.value, within.unit, within.text.as_str()), (48, Unit::Hour, "48小时内"));
    assert_eq!(cert.timing, Some(Timing::BeforeArrival));
    assert!(cert.requirement);
    let report = d.items.iter().flat_map(|i| &i.measures).find(|m| m.term == "报备").unwrap();
    assert_eq!(report.within.as_ref().map(|w| (w.value, w.unit)), Some((3, Unit::Day)));
    // the page defines 返乡人员 as the rural returners of the national rule
    let rural = item("返乡后实行14天居家健康监测");
    assert_eq!(rural.groups[0].people.as_deref(), Some("rural-returner"));
    let test = measure("返乡后实行14天居家健康监测", "核酸检测");
    let days: Vec<u32> = test.days.iter().map(|p| p.value).collect();
    assert_eq!((test.times.unwrap().value, days), (2, vec![7, 14]));
    assert_eq!(test.timing, Some(Timing::AfterArrival));
    // everyone else, key workers excepted: only checks, and quarantine waived
    let rest = item("其他人员持健康码绿码");
    assert_eq!(rest.groups[0].origin, Some(Origin::LowRisk));
    assert_eq!(rest.groups[0].people, None);
    assert_eq!(rest.groups[0].except[0].people.as_deref(), Some("key-occupation"));
    assert!(rest.measures.iter().all(|m| m.category != "quarantine"));
    let waived = d.items.iter().find(|i| i.exemptions.iter().any(|m| m.term == "隔离")).unwrap();
    assert!(waived.measures.is_empty(), "{waived:?}");
    assert_eq!(waived.groups[0].text, "其他人员", "the subject of its sentence");
}
