//! `zhengling._zhengling`: the Rust core of the `zhengling` Python package (PyO3).
//!
//! Records cross into Python through serde: `pythonize` serializes each
//! [`zhengling::Record`] straight into Python objects, so a dict is exactly the object
//! `zhengling --json` prints (measured faster than `serde_json` text parsed by `json.loads`;
//! see python/README.md). Pages are processed with the GIL released; `process_many` and
//! `iter_warc` run on all cores through `zhengling::batch`, with its failure handling: every
//! page yields one record, an error record where it fails.

use std::collections::{BTreeMap, VecDeque};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use pyo3::exceptions::{PyFileNotFoundError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyMemoryView, PyString, PyTuple};
use zhengling::batch::{self, Entry, ErrorKind, FnSink, Options, Page, Source, Summary};
use zhengling::{Format, Record};

pyo3::create_exception!(
    _zhengling,
    ZhenglingError,
    PyValueError,
    "A page that could not be processed. `str(e)` is `INPUT: KIND: REASON`; the attributes \
     `input`, `kind` (`too-large`, `undecodable`, `process`, `panic`, ...) and `reason` hold \
     the parts."
);

/// One record as a dict, built by serde through `pythonize`: the keys and values of the
/// `--json` object (measured 1.8 times faster than `serde_json` text parsed by `json.loads`).
fn to_dict<'py>(py: Python<'py>, record: &Record) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, record).map_err(|e| {
        PyRuntimeError::new_err(format!("{}: cannot convert the record: {e}", record.input))
    })
}

/// Records as a list of dicts.
fn to_dicts(py: Python<'_>, records: Vec<Record>) -> PyResult<Bound<'_, PyList>> {
    let list = PyList::empty(py);
    for r in &records {
        list.append(to_dict(py, r)?)?;
    }
    Ok(list)
}

fn parse_format(input: &str, format: Option<&str>) -> PyResult<Option<Format>> {
    match format {
        None => Ok(None),
        Some("html") => Ok(Some(Format::Html)),
        Some("text") => Ok(Some(Format::Text)),
        Some(other) => Err(PyValueError::new_err(format!(
            "{input}: format must be \"html\", \"text\" or None, not {other:?}"
        ))),
    }
}

/// The bytes of `data`: `bytes`, `bytearray` or a buffer (`memoryview`); `str` is refused
/// with a hint, since the pipeline decodes the page itself.
fn page_bytes(input: &str, data: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(b) = data.cast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    if let Ok(b) = data.cast::<PyByteArray>() {
        return Ok(b.to_vec());
    }
    if data.cast::<PyMemoryView>().is_ok() {
        let bytes = data.py().import("builtins")?.getattr("bytes")?.call1((data,))?;
        return Ok(bytes.cast::<PyBytes>()?.as_bytes().to_vec());
    }
    if data.cast::<PyString>().is_ok() {
        return Err(PyTypeError::new_err(format!(
            "{input}: data must be the page's bytes as served, not str (the pipeline detects \
             the encoding itself; pass e.g. text.encode(\"utf-8\"))"
        )));
    }
    Err(PyTypeError::new_err(format!(
        "{input}: data must be bytes, bytearray or memoryview, not {}",
        data.get_type().name()?
    )))
}

/// The exception for an error record.
fn page_error(py: Python<'_>, record: &Record, kind: ErrorKind) -> PyErr {
    let message = record.error.clone().unwrap_or_default();
    let prefix = format!("{}: {}: ", record.input, kind.as_str());
    let reason = message.strip_prefix(&prefix).unwrap_or(&message).to_owned();
    let err = ZhenglingError::new_err(message);
    let value = err.value(py);
    for (k, v) in [("input", record.input.as_str()), ("kind", kind.as_str()), ("reason", &reason)] {
        if value.setattr(k, v).is_err() {
            return err;
        }
    }
    err
}

/// A page of `process_many`: bytes, an `(input, bytes)` pair or a dict with `data` and any of
/// `input`, `url`, `http_charset`, `format`.
fn page_of(index: usize, item: &Bound<'_, PyAny>) -> PyResult<Page> {
    let default_name = format!("<page {index}>");
    if let Ok(d) = item.cast::<PyDict>() {
        let text = |k: &str| -> PyResult<Option<String>> {
            match d.get_item(k)? {
                Some(v) if !v.is_none() => Ok(Some(v.extract::<String>().map_err(|_| {
                    PyTypeError::new_err(format!("{default_name}: \"{k}\" must be a str or None"))
                })?)),
                _ => Ok(None),
            }
        };
        let input = text("input")?.or(text("url")?).unwrap_or_else(|| default_name.clone());
        let data = d.get_item("data")?.ok_or_else(|| {
            PyValueError::new_err(format!("{input}: a page dict needs \"data\" (its bytes)"))
        })?;
        let mut page = Page::new(input.clone(), page_bytes(&input, &data)?);
        page.url = text("url")?;
        page.http_charset = text("http_charset")?;
        page.format = parse_format(&input, text("format")?.as_deref())?;
        return Ok(page);
    }
    if let Ok(t) = item.cast::<PyTuple>() {
        if t.len() != 2 {
            return Err(PyValueError::new_err(format!(
                "{default_name}: a page tuple is (input, data), not {} items",
                t.len()
            )));
        }
        let input: String = t.get_item(0)?.extract().map_err(|_| {
            PyTypeError::new_err(format!("{default_name}: the input of a page tuple must be a str"))
        })?;
        let bytes = page_bytes(&input, &t.get_item(1)?)?;
        return Ok(Page::new(input, bytes));
    }
    Ok(Page::new(default_name.clone(), page_bytes(&default_name, item)?))
}

/// The counts of a run as a dict.
fn summary_dict<'py>(py: Python<'py>, s: &Counts) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("pages_in", s.pages_in)?;
    d.set_item("records_out", s.records_out)?;
    d.set_item("ok", s.ok)?;
    d.set_item("errors", s.errors.clone())?;
    d.set_item("skipped", s.skipped.clone())?;
    d.set_item("bytes_in", s.bytes_in)?;
    Ok(d)
}

/// Counts added up over the chunks of a stream.
#[derive(Debug, Default, Clone)]
struct Counts {
    pages_in: u64,
    records_out: u64,
    ok: u64,
    errors: BTreeMap<&'static str, u64>,
    skipped: BTreeMap<&'static str, u64>,
    bytes_in: u64,
}

impl Counts {
    fn add(&mut self, s: &Summary) {
        self.pages_in += s.pages_in;
        self.records_out += s.records_out;
        self.ok += s.ok;
        for (k, n) in &s.errors {
            *self.errors.entry(k.as_str()).or_default() += n;
        }
        for (k, n) in &s.skipped {
            *self.skipped.entry(k.as_str()).or_default() += n;
        }
        self.bytes_in += s.bytes_in;
    }
}

/// Runs `entries` through the batch runner, collecting the records in input order.
fn run_collect(
    entries: Vec<Entry>,
    pipeline: &Arc<zhengling::Pipeline>,
    options: &Options,
) -> Result<(Vec<Record>, Summary), String> {
    let mut records = Vec::with_capacity(entries.len());
    let mut sink = FnSink(|r: &Record| {
        records.push(r.clone());
        Ok(())
    });
    let summary = batch::run_entries(entries.into_iter(), Arc::clone(pipeline), options, &mut sink)
        .map_err(|e| format!("batch run failed: {e}"))?;
    Ok((records, summary))
}

/// The composed pipeline, built once and reused; see the module docs in `zhengling/__init__.py`.
#[pyclass(module = "zhengling._zhengling", frozen)]
struct Pipeline {
    inner: Arc<zhengling::Pipeline>,
    options: Options,
}

impl Pipeline {
    fn options_with(&self, threads: Option<usize>) -> PyResult<Options> {
        match threads {
            Some(0) => Err(PyValueError::new_err("threads must be at least 1")),
            Some(n) => {
                let mut o = self.options.clone().with_threads(n);
                o.timeout = self.options.timeout;
                o.max_bytes = self.options.max_bytes;
                Ok(o)
            }
            None => Ok(self.options.clone()),
        }
    }
}

#[pymethods]
impl Pipeline {
    #[new]
    #[pyo3(signature = (*, max_bytes = zhengling::DEFAULT_MAX_BYTES, threads = None, timeout = Some(30.0)))]
    fn new(max_bytes: usize, threads: Option<usize>, timeout: Option<f64>) -> PyResult<Self> {
        let inner = zhengling::Pipeline::new()
            .map_err(|e| PyRuntimeError::new_err(zhengling::error_chain(&e)))?
            .with_max_bytes(max_bytes);
        let mut options = Options::default();
        if let Some(t) = threads {
            if t == 0 {
                return Err(PyValueError::new_err("threads must be at least 1"));
            }
            options = options.with_threads(t);
        }
        options.max_bytes = max_bytes;
        options.timeout = match timeout {
            None => None,
            Some(t) if t.is_finite() && t > 0.0 => Some(Duration::from_secs_f64(t)),
            Some(t) => {
                return Err(PyValueError::new_err(format!(
                    "timeout must be a positive number of seconds or None, not {t}"
                )));
            }
        };
        Ok(Pipeline { inner: Arc::new(inner), options })
    }

    /// The largest page accepted, in bytes.
    #[getter]
    fn max_bytes(&self) -> usize {
        self.options.max_bytes
    }

    /// Worker threads of `process_many` and `iter_warc`.
    #[getter]
    fn threads(&self) -> usize {
        self.options.threads
    }

    /// The time limit per page in `process_many` and `iter_warc`, in seconds (None: none).
    #[getter]
    fn timeout(&self) -> Option<f64> {
        self.options.timeout.map(|d| d.as_secs_f64())
    }

    fn __repr__(&self) -> String {
        format!(
            "Pipeline(max_bytes={}, threads={}, timeout={})",
            self.options.max_bytes,
            self.options.threads,
            self.options.timeout.map_or_else(|| "None".to_owned(), |d| d.as_secs_f64().to_string())
        )
    }

    /// Processes one page; returns its record as a dict, or raises `ZhenglingError`.
    #[pyo3(signature = (data, *, input = None, url = None, http_charset = None, format = None))]
    fn process<'py>(
        &self,
        py: Python<'py>,
        data: &Bound<'py, PyAny>,
        input: Option<String>,
        url: Option<String>,
        http_charset: Option<String>,
        format: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let input = input.or_else(|| url.clone()).unwrap_or_else(|| "<bytes>".to_owned());
        let mut page = Page::new(input.clone(), page_bytes(&input, data)?);
        page.url = url;
        page.http_charset = http_charset;
        page.format = parse_format(&input, format)?;
        let inner = Arc::clone(&self.inner);
        let (record, kind) = py.detach(move || batch::process_page(&*inner, &page));
        if let Some(kind) = kind {
            return Err(page_error(py, &record, kind));
        }
        to_dict(py, &record)
    }

    /// Processes many pages on all cores (the GIL released); one record per page, in order.
    #[pyo3(signature = (pages, *, threads = None))]
    fn process_many<'py>(
        &self,
        py: Python<'py>,
        pages: &Bound<'py, PyAny>,
        threads: Option<usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let options = self.options_with(threads)?;
        let mut entries = Vec::new();
        for (i, item) in pages.try_iter()?.enumerate() {
            entries.push(Entry::Page(page_of(i, &item?)?));
        }
        let inner = Arc::clone(&self.inner);
        let (records, _) = py
            .detach(move || run_collect(entries, &inner, &options))
            .map_err(PyRuntimeError::new_err)?;
        to_dicts(py, records)
    }

    /// The records of a WARC/WET/WAT file, a JSON Lines file, a page file or a directory;
    /// with `json=True` each record is its JSON text (the binary's output line).
    #[pyo3(signature = (path, *, threads = None, chunk = None, json = false))]
    fn iter_warc(
        &self,
        path: PathBuf,
        threads: Option<usize>,
        chunk: Option<usize>,
        json: bool,
    ) -> PyResult<RecordIter> {
        if path.as_os_str() != "-" && !path.exists() {
            return Err(PyFileNotFoundError::new_err(format!(
                "{}: no such file or directory",
                path.display()
            )));
        }
        let options = self.options_with(threads)?;
        let chunk = chunk.unwrap_or(options.threads * 16).max(1);
        let entries = batch::read([Source::from_path(path.clone())], options.max_bytes);
        Ok(RecordIter {
            path: path.display().to_string(),
            pipeline: Arc::clone(&self.inner),
            options,
            chunk,
            json,
            state: Mutex::new(IterState {
                entries: Some(entries),
                buffer: VecDeque::new(),
                counts: Counts::default(),
            }),
        })
    }
}

struct IterState {
    entries: Option<batch::Entries>,
    buffer: VecDeque<Record>,
    counts: Counts,
}

/// Records of one input, read lazily and processed a chunk at a time on all cores.
#[pyclass(module = "zhengling._zhengling")]
struct RecordIter {
    path: String,
    pipeline: Arc<zhengling::Pipeline>,
    options: Options,
    chunk: usize,
    json: bool,
    state: Mutex<IterState>,
}

/// The next item of a [`RecordIter`], made while the GIL is released.
enum Next {
    Record(Box<Record>),
    Json(String),
}

impl std::fmt::Debug for RecordIter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RecordIter").field("path", &self.path).finish_non_exhaustive()
    }
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline").field("options", &self.options).finish_non_exhaustive()
    }
}

#[pymethods]
impl RecordIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        let next = py.detach(|| -> Result<Option<Next>, String> {
            let Some(record) = self.next_record()? else {
                return Ok(None);
            };
            if self.json {
                let text = serde_json::to_string(&record)
                    .map_err(|e| format!("{}: cannot serialize the record: {e}", record.input))?;
                return Ok(Some(Next::Json(text)));
            }
            Ok(Some(Next::Record(Box::new(record))))
        });
        match next.map_err(PyRuntimeError::new_err)? {
            Some(Next::Record(r)) => Ok(Some(to_dict(py, &r)?)),
            Some(Next::Json(t)) => Ok(Some(PyString::new(py, &t).into_any())),
            None => Ok(None),
        }
    }

    /// The input's name.
    #[getter]
    fn path(&self) -> &str {
        &self.path
    }

    /// Counts so far: `pages_in`, `records_out`, `ok`, `errors` (by kind), `skipped` (records
    /// that are not pages, by reason), `bytes_in`. Complete once the iterator is exhausted.
    #[getter]
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let counts = self.state.lock().unwrap_or_else(PoisonError::into_inner).counts.clone();
        summary_dict(py, &counts)
    }
}

impl RecordIter {
    /// The next record, reading and processing the next chunk when the buffer is empty.
    fn next_record(&self) -> Result<Option<Record>, String> {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(r) = state.buffer.pop_front() {
            return Ok(Some(r));
        }
        let Some(entries) = state.entries.as_mut() else {
            return Ok(None);
        };
        // Read up to `chunk` pages (skipped records are counted by the run).
        let mut batch_entries = Vec::with_capacity(self.chunk);
        let mut pages = 0;
        for e in entries.by_ref() {
            if !matches!(e, Entry::Skipped(_)) {
                pages += 1;
            }
            batch_entries.push(e);
            if pages >= self.chunk {
                break;
            }
        }
        if pages < self.chunk {
            state.entries = None;
        }
        if batch_entries.is_empty() {
            return Ok(None);
        }
        let (records, summary) = run_collect(batch_entries, &self.pipeline, &self.options)?;
        state.counts.add(&summary);
        state.buffer.extend(records);
        Ok(state.buffer.pop_front())
    }
}

/// The JSON Schema of the record (draft 2020-12), generated from the Rust types, as JSON text.
#[pyfunction]
fn record_schema_json() -> PyResult<String> {
    serde_json::to_string_pretty(&zhengling::schema::record_schema())
        .map_err(|e| PyRuntimeError::new_err(e.to_string()))
}

#[pymodule]
fn _zhengling(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Pipeline>()?;
    m.add_class::<RecordIter>()?;
    m.add("ZhenglingError", m.py().get_type::<ZhenglingError>())?;
    m.add_function(wrap_pyfunction!(record_schema_json, m)?)?;
    m.add("MEASURE_COLUMNS", batch::MEASURE_COLUMNS.to_vec())?;
    m.add("DEFAULT_MAX_BYTES", zhengling::DEFAULT_MAX_BYTES)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
