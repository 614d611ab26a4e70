//! `zhengling-entities` on its own: typed, spanned entities from directive sentences.
//!
//! ```text
//! cargo run --example entities
//! ```
//!
//! The page date resolves years (`1月8日` on a page of 2022-12-27 is 2023-01-08); every
//! entity's span slices the paragraph to its text.
#![allow(clippy::print_stdout)]

use std::error::Error;

use zhengling_entities::{Context, ExtractorBuilder, PartialDate, Value};

fn main() -> Result<(), Box<dyn Error>> {
    let paragraphs = [
        "12月26日，省委常委、市委书记李明主持召开市疫情防控工作领导小组第86次会议。",
        "会议要求，自1月8日起对新冠病毒感染实施“乙类乙管”，全市已累计接种疫苗6274.7万剂，\
         60岁及以上老年人接种率达九成，排查管控重点人员60余万人。",
        "李明强调，各县（市、区）要压实“四方责任”。咨询电话：0351-4567890。",
    ];
    let extractor = ExtractorBuilder::new().build()?;
    let ctx = Context {
        published: Some(PartialDate { year: 2022, month: Some(12), day: Some(27) }),
        region: Some("太原市"),
    };
    // Page-level evidence: a name given with titles once is found alone later.
    for (i, entities) in extractor.extract_document(&paragraphs, &ctx).iter().enumerate() {
        for e in entities {
            let value = match &e.value {
                Value::Date(d) => d.start.map(|s| s.to_string()).unwrap_or_default(),
                Value::Quantity(q) => format!("{} {}", q.value, q.unit.as_deref().unwrap_or("")),
                Value::Person(p) => p.titles.join("、"),
                Value::Place(p) => format!("{} {}", p.name, p.code),
                Value::Meeting(m) => format!("session {}", m.session),
                _ => String::new(),
            };
            println!(
                "p{i} {:>4}..{:<4} {:<12} {:<24} {value}",
                e.span.start,
                e.span.end,
                e.kind.as_str(),
                e.text
            );
        }
    }
    Ok(())
}
