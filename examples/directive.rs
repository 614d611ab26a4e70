//! `zhengling-directive` on its own: a typed record of what a notice ordered.
//!
//! ```text
//! cargo run --example directive
//! ```
//!
//! The rules read paragraphs and the entities found in them (here from
//! `zhengling-entities`), and fill a serde model: kind, issuer, region, phase, risk zones, and
//! one item per directive clause with its modality, actor, targets and measures coded to
//! OxCGRT, CoronaNet and WHO PHSM.
#![allow(clippy::print_stdout)]

use std::error::Error;

use zhengling_directive::{Document, RulesBuilder};
use zhengling_entities::{Context, ExtractorBuilder, PartialDate};

fn main() -> Result<(), Box<dyn Error>> {
    let title = "某某市疫情防控工作领导小组办公室关于加强近期疫情防控工作的通告";
    let paragraphs: Vec<String> = [
        "为巩固疫情防控成果，现将有关事项通告如下：",
        "一、对来自中高风险地区的人员，要严格落实集中隔离医学观察和核酸检测等措施。",
        "二、高风险区实行“足不出户、上门服务”，中风险区实行“人不出区、错峰取物”。",
        "三、倡导市民科学佩戴口罩，非必要不离市。养老机构实行封闭管理。",
        "本通告自即日起施行。",
    ]
    .map(str::to_owned)
    .to_vec();

    let entities = ExtractorBuilder::new().build()?;
    let ctx = Context {
        published: Some(PartialDate { year: 2022, month: Some(4), day: Some(2) }),
        region: None,
    };
    let found = entities.extract_document(&paragraphs, &ctx);
    let rules = RulesBuilder::new().build()?;
    let d = rules.build(&Document {
        title: Some(title),
        published: Some("2022-04-02"),
        paragraphs: &paragraphs,
        entities: &found,
        ..Document::default()
    });

    println!("kind {:?}, issuer {:?}, region {:?}", d.kind, d.issuer, d.region);
    for z in &d.risk_zones {
        println!("risk zone {}: {}", z.level.as_str(), z.rule);
    }
    for item in &d.items {
        println!("[{}] {:?} {}", item.paragraph, item.modality, item.text);
        for m in &item.measures {
            println!("    {} -> {} {:?} level {:?}", m.term, m.category, m.oxcgrt, m.level);
        }
    }
    // The record is serde: JSON, CSV rows, a database.
    println!("{} bytes of JSON", serde_json::to_string(&d)?.len());
    Ok(())
}
