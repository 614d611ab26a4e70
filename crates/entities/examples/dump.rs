//! Prints the entities of a text file (one paragraph a line) as a table: a quick look.
//!
//! `cargo run --release -p zhengling-entities --example dump -- FILE [YYYY-MM-DD]`

use std::error::Error;
use std::fmt::Write as _;

use zhengling_entities::{Context, ExtractorBuilder, PartialDate, Value};

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: dump FILE [YYYY-MM-DD]")?;
    let published = args.next().and_then(|d| {
        let mut it = d.split('-').map(str::parse::<u32>);
        let y = i32::try_from(it.next()?.ok()?).ok()?;
        let m = u8::try_from(it.next()?.ok()?).ok()?;
        let dd = u8::try_from(it.next()?.ok()?).ok()?;
        Some(PartialDate { year: y, month: Some(m), day: Some(dd) })
    });
    let text = std::fs::read_to_string(path)?;
    let paragraphs: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let extractor = ExtractorBuilder::new().build()?;
    let ctx = Context { published, region: None };
    let found = extractor.extract_document(&paragraphs, &ctx);
    let mut out = String::new();
    for (i, es) in found.iter().enumerate() {
        for e in es {
            let v = match &e.value {
                Value::Date(d) => format!(
                    "{:?} .. {:?}",
                    d.start.map(|s| s.to_string()),
                    d.end.map(|s| s.to_string())
                ),
                Value::Quantity(q) => {
                    format!("{} {:?} approx={} bound={:?}", q.value, q.unit, q.approximate, q.bound)
                }
                Value::Person(p) => format!("{:?}", p.titles),
                Value::Organization(o) => format!("full={:?}", o.full),
                Value::Place(p) => format!("{} {} {:?}", p.name, p.code, p.level),
                Value::Meeting(m) => format!("#{} body={:?}", m.session, m.body),
                _ => String::new(),
            };
            let _ = writeln!(out, "{i}\t{}\t{}\t{v}", e.kind.as_str(), e.text);
        }
    }
    std::io::Write::write_all(&mut std::io::stdout(), out.as_bytes())?;
    Ok(())
}
