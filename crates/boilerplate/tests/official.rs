//! The official-document parser on documents written for these tests, each read with its lines
//! kept and flattened onto one line (line breaks collapsed to spaces).
#![allow(clippy::unwrap_used, clippy::panic, clippy::expect_used)]

use proptest::prelude::*;
use zhengling_boilerplate::{ExtractorBuilder, Format, OfficialDocument, PageHints, find_document};

/// A municipal notice with every element of GB/T 9704-2012.
const NOTICE: &[&str] = &[
    "东山市人民政府办公厅文件",
    "东府办发〔2020〕7号",
    "东山市人民政府办公厅关于做好企业复工复产疫情防控工作的通知",
    "各区、县（市）人民政府，市政府各部门：",
    "为统筹做好疫情防控和经济社会发展工作，经市人民政府同意，现就有关事项通知如下：",
    "一、压实企业主体责任",
    "（一）企业复工前要制定防控方案，落实体温检测、通风消毒等措施。",
    "（二）员工返岗前须进行健康登记。",
    "二、加强服务保障",
    "1.各区要为复工企业协调防护物资。",
    "2.对困难企业给予减免租金支持。",
    "（1）租金减免以合同为准。",
    "附件：1.企业复工复产疫情防控指引",
    "2.员工健康登记表",
    "东山市人民政府办公厅",
    "2020年2月10日",
    "（此件公开发布）",
    "抄送：市委办公室，市人大常委会办公厅，市政协办公厅。",
    "东山市人民政府办公厅　2020年2月10日印发",
];

/// A joint notice of two bodies, dated in Chinese numerals.
const JOINT: &[&str] = &[
    "关于春季学期延期开学的通知",
    "各县（区）教育局，各学校：",
    "根据疫情防控需要，现就春季学期开学有关事项通知如下：",
    "一、全市中小学、幼儿园延期开学，具体时间另行通知。",
    "二、延期开学期间，学校不得组织学生返校。",
    "西河市卫生健康委员会　西河市教育局",
    "二〇二〇年二月三日",
];

/// A 通告 with a bracketed sequence number, a signature over two lines and a seal note.
const BULLETIN: &[&str] = &[
    "南岭县新冠肺炎疫情防控指挥部通告",
    "（第3号）",
    "为有效切断病毒传播途径，现将有关事项通告如下：",
    "一、全县暂停各类聚集性活动。",
    "二、进入超市、药店等公共场所须佩戴口罩，配合体温检测。",
    "特此通告。",
    "南岭县新冠肺炎疫情",
    "防控指挥部（代章）",
    "2020年1月28日",
];

fn lines(doc: &[&str]) -> Vec<String> {
    doc.iter().map(|s| (*s).to_owned()).collect()
}

fn flat(doc: &[&str]) -> Vec<String> {
    vec![doc.join(" ")]
}

fn values(es: &[zhengling_boilerplate::Element]) -> Vec<&str> {
    es.iter().map(|e| e.value.as_str()).collect()
}

fn check_spans(doc: &OfficialDocument, title: Option<&str>, paragraphs: &[String]) {
    for p in doc.parts() {
        let src = match p.paragraph {
            None => title.unwrap(),
            Some(i) => paragraphs[i].as_str(),
        };
        assert_eq!(&src[p.start..p.end], p.text, "{p:?}");
    }
}

fn both(doc: &[&str], check: impl Fn(&OfficialDocument)) {
    for ps in [lines(doc), flat(doc)] {
        let d = find_document(None, &ps).unwrap_or_else(|| panic!("no document in {ps:?}"));
        check_spans(&d, None, &ps);
        check(&d);
    }
}

#[test]
fn header_and_number() {
    both(NOTICE, |d| {
        assert_eq!(d.header.as_ref().unwrap().value, "东山市人民政府办公厅文件");
        assert_eq!(d.number.as_ref().unwrap().value, "东府办发〔2020〕7号");
    });
    both(BULLETIN, |d| {
        assert!(d.header.is_none());
        assert_eq!(d.number.as_ref().unwrap().value, "第3号");
    });
}

#[test]
fn title() {
    both(NOTICE, |d| {
        assert_eq!(
            d.title.as_ref().unwrap().value,
            "东山市人民政府办公厅关于做好企业复工复产疫情防控工作的通知"
        );
    });
    both(JOINT, |d| assert_eq!(d.title.as_ref().unwrap().value, "关于春季学期延期开学的通知"));
    both(BULLETIN, |d| {
        assert_eq!(d.title.as_ref().unwrap().value, "南岭县新冠肺炎疫情防控指挥部通告");
    });
}

#[test]
fn addressees() {
    both(NOTICE, |d| assert_eq!(values(&d.addressees), ["各区、县（市）人民政府", "市政府各部门"]));
    both(JOINT, |d| assert_eq!(values(&d.addressees), ["各县（区）教育局", "各学校"]));
    both(BULLETIN, |d| assert!(d.addressees.is_empty()));
}

#[test]
fn signatories() {
    both(NOTICE, |d| assert_eq!(values(&d.signatories), ["东山市人民政府办公厅"]));
    both(JOINT, |d| assert_eq!(values(&d.signatories), ["西河市卫生健康委员会", "西河市教育局"]));
    // over two lines, without its seal note
    both(BULLETIN, |d| assert_eq!(values(&d.signatories), ["南岭县新冠肺炎疫情防控指挥部"]));
}

#[test]
fn date() {
    both(NOTICE, |d| assert_eq!(d.date.as_ref().unwrap().iso(), "2020-02-10"));
    both(JOINT, |d| assert_eq!(d.date.as_ref().unwrap().iso(), "2020-02-03"));
    both(BULLETIN, |d| assert_eq!(d.date.as_ref().unwrap().iso(), "2020-01-28"));
}

#[test]
fn attachments_cc_and_printing() {
    both(NOTICE, |d| {
        assert_eq!(values(&d.attachments), ["企业复工复产疫情防控指引", "员工健康登记表"]);
        assert_eq!(values(&d.cc), ["市委办公室", "市人大常委会办公厅", "市政协办公厅"]);
        assert_eq!(d.printed_by.as_ref().unwrap().value, "东山市人民政府办公厅");
        assert_eq!(d.printed_on.as_ref().unwrap().iso(), "2020-02-10");
    });
    both(JOINT, |d| {
        assert!(d.attachments.is_empty() && d.cc.is_empty() && d.printed_by.is_none());
    });
}

#[test]
fn numbered_levels() {
    both(NOTICE, |d| {
        let got: Vec<(u8, &str)> =
            d.levels.iter().map(|h| (h.level, h.part.text.as_str())).collect();
        assert_eq!(
            got,
            [
                (1, "一、"),
                (2, "（一）"),
                (2, "（二）"),
                (1, "二、"),
                (3, "1."),
                (3, "2."),
                (4, "（1）")
            ]
        );
    });
}

#[test]
fn other_pages_are_no_document() {
    for ps in [
        vec![
            "记者从市卫健委获悉，全市已有多家医院恢复门诊服务。".to_owned(),
            "市民就诊前请提前预约。".to_owned(),
        ],
        vec!["今天天气晴朗，我们去公园散步，看到很多人在放风筝。".to_owned()],
        Vec::new(),
    ] {
        assert!(find_document(None, &ps).is_none(), "{ps:?}");
    }
}

#[test]
fn a_flattened_page_gets_its_structure_back() {
    let ex = ExtractorBuilder::new().build().unwrap();
    let page = NOTICE.join(" ");
    let a = ex.extract(&page, Format::Text, &PageHints::default()).unwrap();
    assert_eq!(
        a.title.as_deref(),
        Some("东山市人民政府办公厅关于做好企业复工复产疫情防控工作的通知")
    );
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2020-02-10"));
    assert_eq!(a.doc_number.as_deref(), Some("东府办发〔2020〕7号"));
    // the body is cut where the lines were, without header, number and title
    assert_eq!(
        a.paragraphs.first().map(String::as_str),
        Some("各区、县（市）人民政府，市政府各部门：")
    );
    assert!(a.paragraphs.iter().any(|p| p == "（二）员工返岗前须进行健康登记。"));
    assert!(a.paragraphs.iter().any(|p| p == "东山市人民政府办公厅"));
    assert!(!a.paragraphs.iter().any(|p| p.contains("东府办发")));
    let d = a.document.as_ref().unwrap();
    check_spans(d, a.title.as_deref(), &a.paragraphs);
    assert_eq!(d.title.as_ref().unwrap().parts[0].paragraph, None);
}

/// A text page the way a transcription prints a notice: the headline over several short
/// lines (issuer, then the genre letter-spaced on a line of its own), a bracketed sequence
/// number, two paragraphs, the date alone at the end.
const WRAPPED: &[&str] = &[
    "北川县新冠肺炎疫情防控",
    "工作指挥部",
    "通 告",
    "（县指挥部第2号）",
    "",
    "为切实做好疫情防控工作，保障人民群众身体健康，现就有关事项通告如下：即日起全县暂停各类聚集性活动，进入公共场所须佩戴口罩。",
    "请广大群众积极配合，自觉遵守上述规定。",
    "2020年1月26日",
];

#[test]
fn a_headline_over_several_lines_is_one_title() {
    let ex = ExtractorBuilder::new().build().unwrap();
    let a = ex.extract(&WRAPPED.join("\n"), Format::Text, &PageHints::default()).unwrap();
    assert_eq!(a.title.as_deref(), Some("北川县新冠肺炎疫情防控工作指挥部通告"));
    assert_eq!(a.doc_number.as_deref(), Some("县指挥部第2号"));
    // the closing date of a two-paragraph document stays with it and dates it
    assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2020-01-26"));
    assert_eq!(a.paragraphs.len(), 3, "{:?}", a.paragraphs);
    assert!(!a.paragraphs.iter().any(|p| p.contains("工作指挥部") && p.chars().count() < 10));
    // an issuer line above a 关于…的通知 line joins it; a line that closes a title alone does not
    // take the line above it
    let page = "东河区卫生健康局\n关于暂停门诊输液服务的通知\n\n各医疗机构：\n\
        为做好疫情防控工作，自即日起全区各医疗机构暂停门诊输液服务，请各单位认真落实。\n\
        东河区卫生健康局\n2020年2月1日";
    let a = ex.extract(page, Format::Text, &PageHints::default()).unwrap();
    assert_eq!(a.title.as_deref(), Some("东河区卫生健康局关于暂停门诊输液服务的通知"));
    let page = "通知公告\n关于暂停门诊输液服务的通知\n\n各医疗机构：\n\
        为做好疫情防控工作，自即日起全区各医疗机构暂停门诊输液服务，请各单位认真落实。\n\
        东河区卫生健康局\n2020年2月1日";
    let a = ex.extract(page, Format::Text, &PageHints::default()).unwrap();
    assert_eq!(a.title.as_deref(), Some("关于暂停门诊输液服务的通知"));
}

#[test]
fn a_sequence_number_after_the_genre_leaves_the_title() {
    let ex = ExtractorBuilder::new().build().unwrap();
    let page = "南岭县新冠肺炎疫情防控指挥部通告第14号\n\n\
        为有效切断病毒传播途径，现将有关事项通告如下：全县暂停各类聚集性活动，进入超市须佩戴口罩。\n\
        南岭县新冠肺炎疫情防控指挥部\n2020年2月9日";
    let a = ex.extract(page, Format::Text, &PageHints::default()).unwrap();
    assert_eq!(a.title.as_deref(), Some("南岭县新冠肺炎疫情防控指挥部通告"));
    assert_eq!(a.doc_number.as_deref(), Some("第14号"));
    let d = a.document.as_ref().unwrap();
    assert_eq!(d.number.as_ref().unwrap().value, "第14号");
    check_spans(d, a.title.as_deref(), &a.paragraphs);
}

#[test]
fn a_flattened_notice_without_signature_gets_its_headline() {
    let ex = ExtractorBuilder::new().build().unwrap();
    let page = "南岭县新冠肺炎疫情防控工作领导小组办公室通告 近期多地发生新冠肺炎疫情，\
        为做好防控工作，请广大市民减少外出，进入公共场所须佩戴口罩。谢谢您的支持和配合！";
    let a = ex.extract(page, Format::Text, &PageHints::default()).unwrap();
    assert_eq!(a.title.as_deref(), Some("南岭县新冠肺炎疫情防控工作领导小组办公室通告"));
    assert!(a.paragraphs[0].starts_with("近期"), "{:?}", a.paragraphs);
    // a sentence that merely ends with a genre word is no headline
    let page = "市民朋友们请注意查看通知 近期多地发生新冠肺炎疫情，请广大市民减少外出。";
    let a = ex.extract(page, Format::Text, &PageHints::default()).unwrap();
    assert_ne!(a.title.as_deref(), Some("市民朋友们请注意查看通知"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn spans_slice_their_paragraph(
        title in proptest::option::of("[关于通知告各：，。 一二、（）1.号〔〕2020年月日政府办公厅指挥部\\n]{0,40}"),
        ps in proptest::collection::vec("[关于通知告各：，。 一二、（）1.号〔〕2020年月日政府办公厅指挥部附件抄送印发a-z\\n]{0,80}", 0..6),
    ) {
        if let Some(d) = find_document(title.as_deref(), &ps) {
            for p in d.parts() {
                let src = match p.paragraph { None => title.as_deref().unwrap(), Some(i) => ps[i].as_str() };
                prop_assert_eq!(src.get(p.start..p.end), Some(p.text.as_str()));
            }
        }
    }

    #[test]
    fn any_text_page_extracts(page in "[关于的通知告各：，。 一二、（）1.号〔〕2020年月日政府办公厅指挥部\\n]{0,300}") {
        let ex = ExtractorBuilder::new().build().unwrap();
        let a = ex.extract(&page, Format::Text, &PageHints::default()).unwrap();
        if let Some(d) = &a.document {
            for p in d.parts() {
                let src = match p.paragraph { None => a.title.as_deref().unwrap(), Some(i) => a.paragraphs[i].as_str() };
                prop_assert_eq!(src.get(p.start..p.end), Some(p.text.as_str()));
            }
        }
    }
}
