//! Where records go: JSON Lines, a CSV of coded measures, your own.

use std::io::{self, Write};

use crate::Record;

/// Receives the records of a run, in input order.
pub trait Sink {
    /// Writes one record.
    ///
    /// # Errors
    /// An I/O error ends the run; [`super::run`] returns it.
    fn write(&mut self, record: &Record) -> io::Result<()>;

    /// Called once after the last record (flush here).
    ///
    /// # Errors
    /// An I/O error, returned by [`super::run`].
    fn finish(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<S: Sink + ?Sized> Sink for &mut S {
    fn write(&mut self, record: &Record) -> io::Result<()> {
        (**self).write(record)
    }

    fn finish(&mut self) -> io::Result<()> {
        (**self).finish()
    }
}

impl<S: Sink + ?Sized> Sink for Box<S> {
    fn write(&mut self, record: &Record) -> io::Result<()> {
        (**self).write(record)
    }

    fn finish(&mut self) -> io::Result<()> {
        (**self).finish()
    }
}

/// A sink calling a function per record.
#[derive(Debug, Clone)]
pub struct FnSink<F>(pub F);

impl<F: FnMut(&Record) -> io::Result<()>> Sink for FnSink<F> {
    fn write(&mut self, record: &Record) -> io::Result<()> {
        (self.0)(record)
    }
}

/// Two sinks fed the same records.
#[derive(Debug, Clone)]
pub struct Tee<A, B>(pub A, pub B);

impl<A: Sink, B: Sink> Sink for Tee<A, B> {
    fn write(&mut self, record: &Record) -> io::Result<()> {
        self.0.write(record)?;
        self.1.write(record)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.0.finish()?;
        self.1.finish()
    }
}

impl<S: Sink> Sink for Option<S> {
    fn write(&mut self, record: &Record) -> io::Result<()> {
        self.as_mut().map_or(Ok(()), |s| s.write(record))
    }

    fn finish(&mut self) -> io::Result<()> {
        self.as_mut().map_or(Ok(()), Sink::finish)
    }
}

/// JSON Lines per the output contract (`CONTRACT.md`): one object per record, one line each.
#[derive(Debug)]
pub struct JsonLines<W: Write> {
    out: W,
}

impl<W: Write> JsonLines<W> {
    /// Writes to `out` (wrap files and stdout in a `BufWriter`).
    pub fn new(out: W) -> Self {
        JsonLines { out }
    }

    /// The writer back.
    pub fn into_inner(self) -> W {
        self.out
    }
}

impl<W: Write> Sink for JsonLines<W> {
    fn write(&mut self, record: &Record) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, record).map_err(io::Error::from)?;
        self.out.write_all(b"\n")
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The columns of [`MeasuresCsv`], in order.
pub const MEASURE_COLUMNS: [&str; 40] = [
    "input",
    "url",
    "region",
    "region_code",
    "date",
    "issuer",
    "kind",
    "category",
    "oxcgrt",
    "term",
    "modality",
    "sentence",
    "paragraph",
    "actor",
    "targets",
    "level",
    "lifted",
    "targeted",
    "valid_from",
    "valid_to",
    "coronanet",
    "phsm",
    "compliance",
    "item",
    "group",
    "origin",
    "movement",
    "people",
    "except",
    "timing",
    "requirement",
    "duration",
    "duration_unit",
    "within",
    "within_unit",
    "times",
    "interval",
    "interval_unit",
    "days",
    "measure_text",
];

/// A parameter's value as a cell.
fn value(p: Option<&zhengling_directive::Param>) -> String {
    p.map(|p| p.value.to_string()).unwrap_or_default()
}

/// A parameter's unit as a cell.
fn unit(p: Option<&zhengling_directive::Param>) -> &'static str {
    p.map_or("", |p| p.unit.as_str())
}

/// A CSV of coded measures: one row per (page, item, group, measure), with the header row
/// [`MEASURE_COLUMNS`]. UTF-8, RFC 4180 quoting, empty cells for unknown values; loads
/// directly with `pandas.read_csv(path, dtype=str)` or a spreadsheet's CSV import.
///
/// - `input`, `url`: the page's name in the output and its URL;
/// - `region`, `region_code`: the division the directive governs and its statistical code
///   (else the code of a place entity naming the region);
/// - `date`: the page's publication time as printed (`YYYY-MM-DD` or
///   `YYYY-MM-DDTHH:MM:SS`), else the reported meeting's date;
/// - `issuer`, `kind`: who ordered it, and the document kind (`notice`, `meeting`, ...);
/// - `category`, `oxcgrt`, `term`: the measure's taxonomy category, OxCGRT indicator and
///   the words the page uses; `level`, `lifted`, `targeted`: the OxCGRT ordinal level the
///   text supports, whether the text lifts the measure (`不再…`, `恢复堂食`: level 0) and
///   whether it applies to a risk area only (`true`/`false`);
/// - `modality`, `sentence`, `paragraph`, `actor`, `targets`: the directive sentence (its
///   modality, text, paragraph index, who must act and whom it applies to, `|`-separated);
/// - `valid_from`, `valid_to`: when the measure (else its sentence, else the document)
///   takes effect and ends;
/// - `coronanet`, `phsm`, `compliance`: the CoronaNet policy type, the WHO PHSM code and how
///   compliance is secured;
/// - `item`: the item's index in `directive.items` (rows of one item share it);
/// - `group`, `origin`, `movement`, `people`, `except`: one of the item's groups of people
///   (its words, where they come from, what they do, who they are, the groups it excludes,
///   `|`-separated); an item without groups has one row with these cells empty;
/// - `timing`, `requirement`: when the measure applies relative to arrival
///   (`before-arrival`, `on-arrival`, `after-arrival`) and whether it is a condition of entry;
/// - `duration`, `duration_unit`, `within`, `within_unit`, `times`, `interval`,
///   `interval_unit`, `days`: the measure's parameters (`14`,`day`; `72`,`hour`; `2`; `7`,`day`;
///   days joined by `/`: `7/14`);
/// - `measure_text`: the measure's words as the page writes them (`term` is the lexicon's
///   term for them: `测温` for `测量体温`).
///
/// Pages without measures (and error records) add no row.
#[derive(Debug)]
pub struct MeasuresCsv<W: Write> {
    out: csv::Writer<W>,
    header_written: bool,
}

impl<W: Write> MeasuresCsv<W> {
    /// Writes to `out`.
    pub fn new(out: W) -> Self {
        MeasuresCsv { out: csv::Writer::from_writer(out), header_written: false }
    }

    /// Writes a UTF-8 byte order mark first, which makes Excel read the file as UTF-8.
    ///
    /// # Errors
    /// When writing fails.
    pub fn with_bom(out: W) -> io::Result<Self> {
        let mut out = out;
        out.write_all("\u{feff}".as_bytes())?;
        Ok(Self::new(out))
    }

    /// The writer back, flushed.
    ///
    /// # Errors
    /// When flushing fails.
    pub fn into_inner(self) -> io::Result<W> {
        self.out.into_inner().map_err(|e| io::Error::other(e.to_string()))
    }

    fn header(&mut self) -> io::Result<()> {
        if !self.header_written {
            self.out.write_record(MEASURE_COLUMNS)?;
            self.header_written = true;
        }
        Ok(())
    }
}

impl<W: Write> Sink for MeasuresCsv<W> {
    fn write(&mut self, record: &Record) -> io::Result<()> {
        self.header()?;
        let Some(d) = &record.directive else {
            return Ok(());
        };
        if d.items.iter().all(|i| i.measures.is_empty()) {
            return Ok(());
        }
        let page = page_cells(record, d);
        for (index, item) in d.items.iter().enumerate() {
            let groups: Vec<Option<&zhengling_directive::Group>> = if item.groups.is_empty() {
                vec![None]
            } else {
                item.groups.iter().map(Some).collect()
            };
            for group in groups {
                for m in &item.measures {
                    let mut row = page.clone();
                    row.extend(measure_cells(d, index, item, group, m));
                    self.out.write_record(&row)?;
                }
            }
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.header()?;
        self.out.flush()
    }
}

/// The cells every row of a page shares: input, url, region, region_code, date, issuer, kind.
fn page_cells(record: &Record, d: &zhengling_directive::Directive) -> Vec<String> {
    let region = d.region.as_deref().unwrap_or_default();
    let region_code = d
        .region_code
        .as_deref()
        .filter(|c| !c.is_empty())
        .or_else(|| {
            (!region.is_empty())
                .then(|| {
                    record.entities.iter().find(|e| {
                        e.kind == "place"
                            && e.code.is_some()
                            && (e.text == region || e.full.as_deref() == Some(region))
                    })
                })
                .flatten()
                .and_then(|e| e.code.as_deref())
        })
        .unwrap_or_default();
    let date = record
        .published
        .as_deref()
        .or_else(|| d.meeting.as_ref().and_then(|m| m.date.as_deref()))
        .unwrap_or_default();
    [
        record.input.as_str(),
        record.url.as_deref().unwrap_or_default(),
        region,
        region_code,
        date,
        d.issuer.as_deref().unwrap_or_default(),
        d.kind.as_str(),
    ]
    .map(str::to_owned)
    .to_vec()
}

/// The cells of one (item, group, measure) after the page's.
fn measure_cells(
    d: &zhengling_directive::Directive,
    index: usize,
    item: &zhengling_directive::Item,
    group: Option<&zhengling_directive::Group>,
    m: &zhengling_directive::Measure,
) -> Vec<String> {
    let flag = |b: bool| if b { "true" } else { "false" }.to_owned();
    let or_empty = |v: Option<&str>| v.unwrap_or_default().to_owned();
    let valid_from =
        m.valid_from.as_deref().or(item.valid_from.as_deref()).or(d.valid_from.as_deref());
    let valid_to = m.valid_to.as_deref().or(item.valid_to.as_deref()).or(d.valid_to.as_deref());
    let compliance = m
        .compliance
        .and_then(|c| serde_json::to_value(c).ok())
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    vec![
        m.category.clone(),
        or_empty(m.oxcgrt.as_deref()),
        m.term.clone(),
        item.modality.as_str().to_owned(),
        item.text.clone(),
        item.paragraph.to_string(),
        or_empty(item.actor.as_deref()),
        item.targets.join("|"),
        m.level.map(|l| l.to_string()).unwrap_or_default(),
        flag(m.lifted),
        flag(m.targeted),
        or_empty(valid_from),
        or_empty(valid_to),
        or_empty(m.coronanet.as_deref()),
        or_empty(m.phsm.as_deref()),
        compliance,
        index.to_string(),
        or_empty(group.map(|g| g.text.as_str())),
        or_empty(group.and_then(|g| g.origin).map(zhengling_directive::Origin::as_str)),
        or_empty(group.and_then(|g| g.movement).map(zhengling_directive::Movement::as_str)),
        or_empty(group.and_then(|g| g.people.as_deref())),
        group
            .map(|g| g.except.iter().map(|x| x.text.as_str()).collect::<Vec<_>>().join("|"))
            .unwrap_or_default(),
        or_empty(m.timing.map(zhengling_directive::Timing::as_str)),
        flag(m.requirement),
        value(m.duration.as_ref()),
        unit(m.duration.as_ref()).to_owned(),
        value(m.within.as_ref()),
        unit(m.within.as_ref()).to_owned(),
        value(m.times.as_ref()),
        value(m.interval.as_ref()),
        unit(m.interval.as_ref()).to_owned(),
        m.days.iter().map(|d| d.value.to_string()).collect::<Vec<_>>().join("/"),
        m.text.clone(),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::EntityRecord;
    use zhengling_directive::{Directive, Item, Measure};

    fn record() -> Record {
        let measure: Measure = serde_json::from_value(serde_json::json!({
            "term": "核酸检测", "category": "testing", "oxcgrt": "H2", "level": 2, "targeted": true,
            "valid_from": "2022-10-09"
        }))
        .unwrap();
        let item: Item = serde_json::from_value(serde_json::json!({
            "paragraph": 0, "start": 0, "end": 10, "text": "各地要做好\"核酸检测\",\n不得遗漏。",
            "modality": "must", "actor": null, "targets": [], "measures": [measure]
        }))
        .unwrap();
        let mut d = Directive::default();
        d.region = Some("太原市".into());
        d.issuer = Some("市疫情防控工作领导小组".into());
        d.items = vec![item.clone(), item];
        let place = EntityRecord {
            kind: "place",
            text: "太原市".into(),
            paragraph: 0,
            start: 0,
            end: 9,
            full: Some("太原市".into()),
            code: Some("140100".into()),
            ..EntityRecord::default()
        };
        Record {
            input: "p.html".into(),
            published: Some("2022-10-08".into()),
            directive: Some(d),
            entities: vec![place],
            ..Record::default()
        }
    }

    #[test]
    fn one_row_per_measure_with_quoting() {
        let mut csv = MeasuresCsv::new(Vec::new());
        csv.write(&record()).unwrap();
        csv.write(&Record::failed("bad", "x")).unwrap();
        csv.finish().unwrap();
        let text = String::from_utf8(csv.into_inner().unwrap()).unwrap();
        let mut rows = csv::Reader::from_reader(text.as_bytes());
        assert_eq!(rows.headers().unwrap().iter().collect::<Vec<_>>(), MEASURE_COLUMNS);
        let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        let row: Vec<&str> = rows[0].iter().take(12).collect();
        assert_eq!(
            row,
            [
                "p.html",
                "",
                "太原市",
                "140100",
                "2022-10-08",
                "市疫情防控工作领导小组",
                "other",
                "testing",
                "H2",
                "核酸检测",
                "must",
                "各地要做好\"核酸检测\",\n不得遗漏。"
            ]
        );
        let rest: Vec<&str> = rows[0].iter().skip(12).take(11).collect();
        assert_eq!(rest, ["0", "", "", "2", "false", "true", "2022-10-09", "", "", "", ""]);
        // no groups: one row per measure, group cells empty; the item index
        let item_cols: Vec<&str> = rows[1].iter().skip(23).take(3).collect();
        assert_eq!(item_cols, ["1", "", ""]);
    }

    #[test]
    fn one_row_per_group_and_measure_with_parameters() {
        let item: Item = serde_json::from_value(serde_json::json!({
            "paragraph": 0, "start": 0, "end": 3, "text": "…",
            "groups": [
                {"text": "省外低风险地区返扬人员", "origin": "low-risk", "movement": "returning"},
                {"text": "重点人群", "people": "key-occupation",
                 "except": [{"text": "学生"}, {"text": "老人"}]}
            ],
            "measures": [
                {"term": "核酸检测阴性证明", "text": "核酸阴性证明", "category": "health-certificate", "timing": "before-arrival",
                 "requirement": true, "within": {"value": 72, "unit": "hour", "text": "72小时内"}},
                {"term": "核酸检测", "category": "testing", "timing": "after-arrival",
                 "times": {"value": 2, "unit": "time", "text": "2次"},
                 "interval": {"value": 7, "unit": "day", "text": "每7天"},
                 "days": [{"value": 7, "unit": "day"}, {"value": 14, "unit": "day"}]}
            ]
        }))
        .unwrap();
        let mut d = Directive::default();
        d.items = vec![item];
        let r = Record { input: "g.txt".into(), directive: Some(d), ..Record::default() };
        let mut csv = MeasuresCsv::new(Vec::new());
        csv.write(&r).unwrap();
        csv.finish().unwrap();
        let text = String::from_utf8(csv.into_inner().unwrap()).unwrap();
        let rows: Vec<csv::StringRecord> =
            csv::Reader::from_reader(text.as_bytes()).records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 4, "2 groups x 2 measures");
        let tail = |i: usize| rows[i].iter().skip(23).collect::<Vec<_>>();
        assert_eq!(
            tail(0),
            [
                "0",
                "省外低风险地区返扬人员",
                "low-risk",
                "returning",
                "",
                "",
                "before-arrival",
                "true",
                "",
                "",
                "72",
                "hour",
                "",
                "",
                "",
                "",
                "核酸阴性证明"
            ]
        );
        assert_eq!(
            tail(3),
            [
                "0",
                "重点人群",
                "",
                "",
                "key-occupation",
                "学生|老人",
                "after-arrival",
                "false",
                "",
                "",
                "",
                "",
                "2",
                "7",
                "day",
                "7/14",
                ""
            ]
        );
    }

    #[test]
    fn empty_run_still_has_a_header() {
        let mut csv = MeasuresCsv::new(Vec::new());
        csv.finish().unwrap();
        let text = String::from_utf8(csv.into_inner().unwrap()).unwrap();
        assert_eq!(text.trim_end(), MEASURE_COLUMNS.join(","));
    }

    #[test]
    fn json_lines_are_one_per_record() {
        let mut j = JsonLines::new(Vec::new());
        j.write(&Record::failed("a", "x")).unwrap();
        j.write(&Record::failed("b\nc", "y")).unwrap();
        let text = String::from_utf8(j.into_inner()).unwrap();
        assert_eq!(text.lines().count(), 2);
    }
}
