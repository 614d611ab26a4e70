//! End-to-end expectations on the four bundled sample pages (real spam-mirror renderings of
//! Shanxi epidemic-prevention pages): the facts a user would check first.
#![allow(
    clippy::unwrap_used,
    clippy::case_sensitive_file_extension_comparisons,
    clippy::many_single_char_names
)]

use zhengling::{Hints, Pipeline, Record};

fn run(name: &str) -> Record {
    let path = format!("{}/fixtures/seeds/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap();
    Pipeline::new()
        .unwrap()
        .process(&bytes, &Hints { input: Some(name), ..Hints::default() })
        .unwrap()
}

fn body(r: &Record) -> String {
    r.paragraphs.join("\n")
}

fn has_entity(r: &Record, kind: &str, text: &str) -> bool {
    r.entities.iter().any(|e| e.kind == kind && e.text == text)
}

fn codes(r: &Record) -> Vec<String> {
    let mut c: Vec<String> = r
        .directive
        .iter()
        .flat_map(|d| &d.items)
        .flat_map(|i| &i.measures)
        .filter_map(|m| m.oxcgrt.clone())
        .collect();
    c.sort();
    c.dedup();
    c
}

#[test]
fn notice_page_keeps_the_notice_and_drops_the_spam_site_around_it() {
    let r = run("000_0257167afdc2efc9.txt");
    assert_eq!(r.title.as_deref(), Some("山西省疫情防控办通知，科学精准防控，筑牢健康屏障"));
    assert_eq!(r.published, None);
    assert_eq!(r.author.as_deref(), Some("admin"));
    let b = body(&r);
    assert!(b.starts_with("当前"), "the truncated lead is dropped: {b:.60}");
    for junk in ["文章推荐", "评论列表", "88888@sina.com", "本文来自作者", "领导..."]
    {
        assert!(!b.contains(junk), "{junk} leaked");
    }
    assert!(!r.paragraphs.iter().any(|p| Some(p.as_str()) == r.title.as_deref()), "title repeated");
    let d = r.directive.as_ref().unwrap();
    assert_eq!(serde_json::to_value(d.kind).unwrap(), "notice");
    assert_eq!(d.region.as_deref(), Some("山西省"));
    for duty in ["属地", "部门", "单位", "个人"] {
        assert!(d.responsibilities.iter().any(|x| x == duty), "{duty} missing");
    }
    for code in ["H2", "H6", "H7"] {
        assert!(codes(&r).iter().any(|c| c == code), "{code} missing from {:?}", codes(&r));
    }
    assert!(has_entity(&r, "quote", "四方责任"));
}

#[test]
fn meeting_page_gives_session_date_chair_and_risk_zone_rules() {
    let r = run("001_72c21c55ea8088ed.txt");
    assert_eq!(r.title.as_deref(), Some("韦韬主持召开市疫情防控工作领导小组第139次会议"));
    assert_eq!(r.published.as_deref(), Some("2022-10-08T10:10:06"));
    assert_eq!(r.site.as_deref(), Some("山西大院新闻网"));
    assert_eq!(r.url.as_deref(), Some("http://www.shanxidayuan.com/gsyl/lzyl/10077.html"));
    let d = r.directive.as_ref().unwrap();
    let m = d.meeting.as_ref().unwrap();
    assert_eq!(m.session, Some(139));
    assert_eq!(m.date.as_deref(), Some("2022-10-06"));
    assert_eq!(m.chair.as_deref(), Some("韦韬"));
    assert_eq!(d.region.as_deref(), Some("太原市"));
    let zone = |level: &str| {
        d.risk_zones
            .iter()
            .find(|z| serde_json::to_value(z.level).unwrap() == level)
            .map(|z| z.rule.clone())
    };
    assert!(zone("high").unwrap().contains("足不出户"));
    assert!(zone("medium").unwrap().contains("人不出区"));
    let chair = r.entities.iter().find(|e| e.kind == "person" && e.text == "韦韬").unwrap();
    assert_eq!(chair.titles.as_deref(), Some(&["省委常委".to_owned(), "市委书记".to_owned()][..]));
    let date = r.entities.iter().find(|e| e.kind == "date" && e.text == "10月6日").unwrap();
    assert_eq!(date.value, Some(serde_json::json!("2022-10-06")));
}

#[test]
fn spam_mirror_page_is_simplified_repaired_and_flagged() {
    let r = run("002_dcda5fef2aab2d35.txt");
    assert_eq!(r.title.as_deref(), Some("持续抓好常态化疫情防控"));
    assert_eq!(r.published.as_deref(), Some("2022-03-14T14:07:00"));
    assert_eq!(r.source.as_deref(), Some("山西日报"));
    assert!(r.normalization.spam_mirror && r.normalization.converted);
    assert!(r.normalization.pinyin_removed > 100);
    let b = body(&r);
    assert!(b.contains("德尔塔和奥密克戎变异株"), "GBK shift not repaired");
    assert!(b.contains("85架国际航班"), "GBK shift not repaired");
    for junk in ["網", "時", "(wǎng)", "国产成人", "责编", "版权声明"] {
        assert!(!b.contains(junk), "{junk} leaked");
    }
    let q = r.entities.iter().find(|e| e.kind == "quantity" && e.text == "6274.7万剂").unwrap();
    assert_eq!(q.value, Some(serde_json::json!(62_747_000)));
    let q = r.entities.iter().find(|e| e.kind == "quantity" && e.text == "60余万人").unwrap();
    assert_eq!((q.value.clone(), q.approximate), (Some(serde_json::json!(600_000)), Some(true)));
    let d = r.entities.iter().find(|e| e.kind == "date" && e.text.ends_with("1月22日")).unwrap();
    assert_eq!(d.value, Some(serde_json::json!("2022-01-22")));
    let p = r.entities.iter().find(|e| e.kind == "person" && e.text == "冯立忠").unwrap();
    assert_eq!(p.titles.as_ref().map(Vec::len), Some(3));
}

#[test]
fn meeting_relay_page_loses_the_injected_brand_and_the_hot_list() {
    let r = run("003_fb0bf7de848ec45d.txt");
    assert_eq!(r.published.as_deref(), Some("2023-01-28T05:42:02"));
    assert_eq!(r.site.as_deref(), Some("融易新媒体"));
    let b = body(&r);
    assert!(b.contains("要持续提升医疗救治能力，全力以赴"));
    for junk in ["融易新媒体", "热门文章", "文章导读", "备案号", "五寨县"] {
        assert!(!b.contains(junk), "{junk} leaked");
    }
    assert!(r.removed.iter().any(|x| x.reason == "injected-brand"));
    let d = r.directive.as_ref().unwrap();
    assert_eq!(d.phase.as_deref(), Some("乙类乙管"));
    let m = d.meeting.as_ref().unwrap();
    assert_eq!((m.session, m.date.as_deref()), (Some(126), Some("2023-01-18")));
    assert_eq!(m.format.as_deref(), Some("电视电话会议"));
}
