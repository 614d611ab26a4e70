//! The zhengling command: pages and crawls in, records out.
//!
//! ```text
//! cargo run --release --example zhengling                  # the bundled sample pages, readable
//! cargo run --release --example zhengling -- --json a.html b.txt   # JSON Lines (CONTRACT.md)
//! cargo run --release --example zhengling -- --json --csv measures.csv crawl.warc.gz pages/
//! ```
//!
//! Each page yields one output line, in input order; a page that fails yields a line with
//! `"error"` set and the run goes on. Exit status: 0 when every input produced a line, 2 for
//! bad arguments. The batch machinery is `zhengling::batch`; this file only parses
//! arguments and prints.
#![allow(clippy::print_stdout)]

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use zhengling::Record;
use zhengling::batch::{self, JsonLines, MeasuresCsv, Options, Sink, Source, Tee};
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

const USAGE: &str = "usage: zhengling [--json] [--csv FILE] [--threads N] [--max-bytes N] [--timeout-ms N] [FILE|DIR|-...]\n\
    \n\
    Turns Chinese government and news pages (HTML or plain text, any encoding) into clean text,\n\
    entities and a typed directive record. With no FILE, runs on the bundled sample pages.\n\
    \n\
    Inputs: page files; `-`, one page on standard input; directories (walked recursively:\n\
    .html .htm .shtml .xhtml .xml .txt .text and the collections below); collections, each\n\
    page of which yields one line named by its URL or FILE#N: WARC/WET/WAT files (.warc\n\
    .wet .wat, gzip or not) and JSON Lines of {\"url\", \"html\" or \"text\", \"headers\"}\n\
    objects (.jsonl .ndjson, gzip or not).\n\
    \n\
    --json          print one JSON object per page (JSON Lines) instead of a readable summary\n\
    --csv FILE      also write one CSV row per (page, coded measure) to FILE\n\
    --threads N     worker threads (default: the number of cores)\n\
    --max-bytes N   pages larger than N bytes yield an error line (default 52428800)\n\
    --timeout-ms N  a page taking longer than N ms yields an error line (default 30000; 0: none)\n\
    \n\
    A summary (pages in, records out, errors by kind) goes to stderr at the end, with a\n\
    progress bar while running when stderr is a terminal.\n";

/// What the command line asks for.
struct Args {
    json: bool,
    csv: Option<String>,
    options: Options,
    files: Vec<String>,
}

/// Parses the arguments; `Err` holds the message for a bad argument, `Ok(None)` means help.
fn parse_args(args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut a = Args { json: false, csv: None, options: Options::default(), files: Vec::new() };
    let mut args = args.peekable();
    let number = |name: &str, v: Option<String>| -> Result<u64, String> {
        let v = v.ok_or_else(|| format!("{name} needs a value"))?;
        v.parse().map_err(|_| format!("{name}: not a number: {v}"))
    };
    let mut only_files = false;
    while let Some(arg) = args.next() {
        if only_files {
            a.files.push(arg);
            continue;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_owned(), Some(v.to_owned())),
            _ => (arg.clone(), None),
        };
        let value = |args: &mut std::iter::Peekable<_>| inline.clone().or_else(|| args.next());
        match name.as_str() {
            "--json" => a.json = true,
            "-h" | "--help" => return Ok(None),
            "--" => only_files = true,
            "--csv" => a.csv = Some(value(&mut args).ok_or("--csv needs a file name")?),
            "--threads" => {
                let n = number("--threads", value(&mut args))?;
                if n == 0 {
                    return Err("--threads must be at least 1".to_owned());
                }
                a.options = a.options.with_threads(usize::try_from(n).unwrap_or(usize::MAX));
            }
            "--max-bytes" => {
                let n = number("--max-bytes", value(&mut args))?;
                a.options.max_bytes = usize::try_from(n).unwrap_or(usize::MAX);
            }
            "--timeout-ms" => {
                let n = number("--timeout-ms", value(&mut args))?;
                a.options.timeout = (n > 0).then(|| Duration::from_millis(n));
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => a.files.push(arg),
        }
    }
    a.options.progress = true;
    Ok(Some(a))
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(a)) => a,
        Ok(None) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprint!("zhengling: {e}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let csv = match args.csv.as_deref().map(File::create).transpose() {
        Ok(f) => f.map(|f| MeasuresCsv::new(BufWriter::new(f))),
        Err(e) => {
            eprintln!("zhengling: cannot create {}: {e}", args.csv.as_deref().unwrap_or_default());
            return ExitCode::from(2);
        }
    };
    let pipeline = match zhengling::Pipeline::new() {
        Ok(p) => Arc::new(p.with_max_bytes(args.options.max_bytes)),
        Err(e) => {
            eprintln!("zhengling: {}", zhengling::error_chain(&e));
            return ExitCode::FAILURE;
        }
    };
    let sources: Vec<Source> = if args.files.is_empty() {
        SAMPLES.iter().map(|(name, bytes)| Source::page(*name, *bytes)).collect()
    } else {
        args.files.iter().map(Source::from_path).collect()
    };
    let stdout = io::stdout();
    let out = BufWriter::new(stdout.lock());
    let result = if args.json {
        let mut sink = Tee(JsonLines::new(out), csv);
        batch::run(sources, pipeline, &args.options, &mut sink)
    } else {
        let mut sink = Tee(Readable(out), csv);
        batch::run(sources, pipeline, &args.options, &mut sink)
    };
    match result {
        Ok(summary) => {
            eprintln!("zhengling: {summary}");
            ExitCode::SUCCESS
        }
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("zhengling: writing output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The readable summary per record.
struct Readable<W>(W);

impl<W: Write> Sink for Readable<W> {
    fn write(&mut self, record: &Record) -> io::Result<()> {
        write_summary(&mut self.0, record)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.0.flush()
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
        write_groups(out, d)?;
        for s in d.statistics.iter().take(8) {
            writeln!(out, "   statistic: {} ({})", s.text, s.subject.as_deref().unwrap_or("-"))?;
        }
    }
    for w in &r.warnings {
        writeln!(out, "   warning:   {w}")?;
    }
    writeln!(out)
}

/// The groups of people a record's items name, each with its measures and their parameters.
fn write_groups(out: &mut impl Write, d: &zhengling_directive::Directive) -> io::Result<()> {
    use zhengling_directive::{Group, Measure, Param};
    let mut groups: Vec<(&Group, Vec<&Measure>)> = Vec::new();
    for item in &d.items {
        for g in &item.groups {
            let same =
                |o: &&Group| o.text == g.text && o.origin == g.origin && o.people == g.people;
            let at = groups.iter().position(|(o, _)| same(o)).unwrap_or_else(|| {
                groups.push((g, Vec::new()));
                groups.len() - 1
            });
            if let Some((_, ms)) = groups.get_mut(at) {
                for m in &item.measures {
                    if !ms.iter().any(|o| o.term == m.term) {
                        ms.push(m);
                    }
                }
            }
        }
    }
    let param = |p: &Option<Param>, label: &str| {
        p.as_ref().map(|p| format!(" {label}{}{}", p.value, unit_word(p))).unwrap_or_default()
    };
    for (g, ms) in groups.iter().filter(|(_, ms)| !ms.is_empty()).take(8) {
        let mut kind: Vec<&str> = Vec::new();
        kind.extend(g.origin.map(zhengling_directive::Origin::as_str));
        kind.extend(g.area.map(zhengling_directive::Origin::as_str));
        kind.extend(g.movement.map(zhengling_directive::Movement::as_str));
        kind.extend(g.people.as_deref());
        let except: Vec<&str> = g.except.iter().map(|x| x.text.as_str()).collect();
        let except = if except.is_empty() {
            String::new()
        } else {
            format!(" except {}", except.join("、"))
        };
        writeln!(out, "   group:     {} ({}){except}", g.text, kind.join(", "))?;
        let described: Vec<String> = ms
            .iter()
            .map(|m| {
                let days: Vec<String> = m.days.iter().map(|d| d.value.to_string()).collect();
                let days = if days.is_empty() {
                    String::new()
                } else {
                    format!(" days {}", days.join("/"))
                };
                format!(
                    "{}{}{}{}{}{}{}{}",
                    m.term,
                    param(&m.duration, "for "),
                    param(&m.within, "within "),
                    param(&m.times, "x"),
                    param(&m.interval, "every "),
                    days,
                    m.timing.map(|t| format!(" {}", t.as_str())).unwrap_or_default(),
                    if m.requirement { " required" } else { "" },
                )
            })
            .collect();
        writeln!(out, "              {}", described.join("; "))?;
    }
    Ok(())
}

/// The unit of a parameter as a word after its value.
fn unit_word(p: &zhengling_directive::Param) -> &'static str {
    match p.unit {
        zhengling_directive::Unit::Day => " days",
        zhengling_directive::Unit::Hour => " hours",
        _ => "",
    }
}
