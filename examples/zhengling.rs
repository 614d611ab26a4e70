//! The zhengling command: pages in, records out.
//!
//! ```text
//! cargo run --release --example zhengling                  # the bundled sample pages, readable
//! cargo run --release --example zhengling -- --json a.html b.txt   # JSON Lines (CONTRACT.md)
//! ```
//!
//! Each input yields one output line, in input order; a page that fails yields a line with
//! `"error"` set and the run goes on. Exit status: 0 when every input produced a line, 2 for
//! bad arguments.
#![allow(clippy::print_stdout)]

use std::io::{self, Write};
use std::process::ExitCode;

use zhengling::{Hints, Record};

/// The sample pages run when no file is given.
const SAMPLES: &[(&str, &[u8])] = &[
    (
        "fixtures/seeds/000_0257167afdc2efc9.txt",
        include_bytes!("../fixtures/seeds/000_0257167afdc2efc9.txt"),
    ),
    (
        "fixtures/seeds/001_72c21c55ea8088ed.txt",
        include_bytes!("../fixtures/seeds/001_72c21c55ea8088ed.txt"),
    ),
    (
        "fixtures/seeds/002_dcda5fef2aab2d35.txt",
        include_bytes!("../fixtures/seeds/002_dcda5fef2aab2d35.txt"),
    ),
    (
        "fixtures/seeds/003_fb0bf7de848ec45d.txt",
        include_bytes!("../fixtures/seeds/003_fb0bf7de848ec45d.txt"),
    ),
];

const USAGE: &str = "usage: zhengling [--json] [FILE...]\n\
    \n\
    Turns Chinese government and news pages (HTML or plain text, any encoding) into clean text,\n\
    entities and a typed directive record. With no FILE, runs on the bundled sample pages.\n\
    \n\
    --json    print one JSON object per input (JSON Lines) instead of a readable summary\n";

fn main() -> ExitCode {
    let mut json = false;
    let mut files = Vec::new();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "-h" | "--help" => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            s if s.starts_with("--") => {
                eprint!("zhengling: unknown option {s}\n\n{USAGE}");
                return ExitCode::from(2);
            }
            _ => files.push(arg),
        }
    }
    let pipeline = match zhengling::Pipeline::new() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("zhengling: {}", zhengling::error_chain(&e));
            return ExitCode::FAILURE;
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut run = |name: &str, bytes: io::Result<Vec<u8>>| -> io::Result<()> {
        let record = match bytes {
            Err(e) => Record::failed(name, format!("cannot read {name}: {e}")),
            Ok(b) => {
                let hints = Hints { input: Some(name), ..Hints::default() };
                pipeline.process(&b, &hints).unwrap_or_else(|e| {
                    Record::failed(name, format!("{name}: {}", zhengling::error_chain(&e)))
                })
            }
        };
        if json {
            serde_json::to_writer(&mut out, &record).map_err(io::Error::other)?;
            writeln!(out)
        } else {
            write_summary(&mut out, &record)
        }
    };
    let result = if files.is_empty() {
        SAMPLES.iter().try_for_each(|(name, bytes)| run(name, Ok(bytes.to_vec())))
    } else {
        files.iter().try_for_each(|f| run(f, std::fs::read(f)))
    };
    match result.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("zhengling: writing output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A readable summary of one record.
fn write_summary(out: &mut impl Write, r: &Record) -> io::Result<()> {
    writeln!(out, "== {}", r.input)?;
    if let Some(e) = &r.error {
        return writeln!(out, "   error: {e}\n");
    }
    let show = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".to_owned());
    writeln!(out, "   title:     {}", show(&r.title))?;
    writeln!(
        out,
        "   published: {}   site: {}   source: {}",
        show(&r.published),
        show(&r.site),
        show(&r.source)
    )?;
    writeln!(
        out,
        "   text:      {} paragraphs, {} chars; {} blocks removed; {} entities",
        r.paragraphs.len(),
        r.paragraphs.iter().map(|p| p.chars().count()).sum::<usize>(),
        r.removed.len(),
        r.entities.len()
    )?;
    if let Some(d) = &r.directive {
        writeln!(
            out,
            "   kind:      {:?}   issuer: {}   region: {}",
            d.kind,
            show(&d.issuer),
            show(&d.region)
        )?;
        if let Some(m) = &d.meeting {
            writeln!(
                out,
                "   meeting:   session {}  date {}  chair {}  format {}",
                m.session.map_or_else(|| "-".to_owned(), |s| s.to_string()),
                show(&m.date),
                show(&m.chair),
                show(&m.format)
            )?;
        }
        let mut by_category: std::collections::BTreeMap<&str, Vec<&str>> =
            std::collections::BTreeMap::new();
        for m in d.items.iter().flat_map(|i| &i.measures) {
            let terms = by_category.entry(&m.category).or_default();
            if !terms.contains(&m.term.as_str()) {
                terms.push(&m.term);
            }
        }
        for (cat, terms) in by_category {
            writeln!(out, "   measures:  {cat}: {}", terms.join("、"))?;
        }
        for s in d.statistics.iter().take(8) {
            writeln!(out, "   statistic: {} ({})", s.text, s.subject.as_deref().unwrap_or("-"))?;
        }
    }
    for w in &r.warnings {
        writeln!(out, "   warning:   {w}")?;
    }
    writeln!(out)
}
