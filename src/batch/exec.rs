//! The parallel, ordered, failure-isolating runner.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{self, IsTerminal};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, RecvTimeoutError, Sender, bounded, unbounded};

use super::{Entry, ErrorKind, Options, Page, PageError, Sink, Source, Summary, read};
use crate::{Pipeline, Record};

/// Turns a page into a record. Implemented by [`Pipeline`] and by closures
/// `Fn(&Page) -> zhengling::Result<Record>`.
pub trait Processor: Send + Sync + 'static {
    /// Processes one page.
    ///
    /// # Errors
    /// The page's error; [`crate::Error::TooLarge`] is counted as `too-large`, any other
    /// error as `process`.
    fn process(&self, page: &Page) -> crate::Result<Record>;
}

impl Processor for Pipeline {
    fn process(&self, page: &Page) -> crate::Result<Record> {
        Pipeline::process(self, &page.bytes, &page.hints())
    }
}

impl<F> Processor for F
where
    F: Fn(&Page) -> crate::Result<Record> + Send + Sync + 'static,
{
    fn process(&self, page: &Page) -> crate::Result<Record> {
        self(page)
    }
}

/// Reads `sources` (see [`read`]) and processes every page with `processor` on
/// [`Options::threads`] workers, writing one record per page to `sink` in input order.
///
/// # Errors
/// Only when the sink fails; every failure of an input becomes an error record.
pub fn run<P: Processor + ?Sized>(
    sources: impl IntoIterator<Item = Source>,
    processor: Arc<P>,
    options: &Options,
    sink: &mut dyn Sink,
) -> io::Result<Summary> {
    run_entries(read(sources, options.max_bytes), processor, options, sink)
}

/// A page handed to a worker.
struct Job {
    seq: u64,
    page: Page,
}

/// What the writer receives.
enum Msg {
    Done { seq: u64, outcome: Box<Outcome> },
    Skipped(super::SkipReason),
    End { total: u64 },
}

/// A page's result: its record and, for an error record, the kind.
struct Outcome {
    record: Record,
    error: Option<ErrorKind>,
    bytes: usize,
}

impl Outcome {
    fn error(e: &PageError, bytes: usize) -> Self {
        Outcome { record: e.to_record(), error: Some(e.kind), bytes }
    }
}

/// A page being processed: when it started and how to name it.
struct Running {
    worker: u64,
    started: Instant,
    input: String,
    url: Option<String>,
    bytes: usize,
}

/// State the workers share with the writer.
struct Shared<P: ?Sized> {
    processor: Arc<P>,
    running: Mutex<HashMap<u64, Running>>,
    /// Pages whose error record was written after the time limit; their workers retire.
    abandoned: Mutex<HashSet<u64>>,
    cancel: AtomicBool,
}

/// Like [`run`], over any stream of entries (a custom reader, a network stream).
///
/// # Errors
/// Only when the sink fails.
pub fn run_entries<P: Processor + ?Sized>(
    entries: impl Iterator<Item = Entry> + Send,
    processor: Arc<P>,
    options: &Options,
    sink: &mut dyn Sink,
) -> io::Result<Summary> {
    let started = Instant::now();
    let threads = options.threads.max(1);
    let window = options.window.max(threads + 1);
    let (job_tx, job_rx) = bounded::<Job>(threads * 2);
    let (msg_tx, msg_rx) = unbounded::<Msg>();
    let (permit_tx, permit_rx) = bounded::<()>(window);
    for _ in 0..window {
        // The channel holds exactly `window` permits; this cannot block.
        let _ = permit_tx.send(());
    }
    let shared = Arc::new(Shared {
        processor,
        running: Mutex::new(HashMap::new()),
        abandoned: Mutex::new(HashSet::new()),
        cancel: AtomicBool::new(false),
    });
    let mut workers: Vec<(u64, thread::JoinHandle<()>)> = Vec::new();
    let mut next_worker = 0u64;
    let mut spawn = |workers: &mut Vec<(u64, thread::JoinHandle<()>)>| -> io::Result<()> {
        let (shared, jobs, msgs) = (Arc::clone(&shared), job_rx.clone(), msg_tx.clone());
        let id = next_worker;
        let handle = thread::Builder::new()
            .name(format!("zhengling-worker-{id}"))
            .spawn(move || worker(id, &shared, &jobs, &msgs))?;
        workers.push((next_worker, handle));
        next_worker += 1;
        Ok(())
    };
    for _ in 0..threads {
        spawn(&mut workers)?;
    }
    let bar = progress_bar(options.progress);
    let result = thread::scope(|scope| {
        let reader_msgs = msg_tx.clone();
        let max_bytes = options.max_bytes;
        scope.spawn(move || reader(entries, &job_tx, &reader_msgs, &permit_rx, max_bytes));
        let mut writer = Writer {
            sink,
            summary: Summary::default(),
            pending: BTreeMap::new(),
            timed_out: HashSet::new(),
            next: 0,
            end: None,
            bar: bar.as_ref(),
            stuck: 0,
            max_stuck: options.max_stuck,
            owed: 0,
        };
        let r = writer
            .drive(&msg_rx, &permit_tx, options.timeout, &shared, &mut || spawn(&mut workers));
        if r.is_err() {
            shared.cancel.store(true, Ordering::Relaxed);
        }
        // Unblocks the reader if it waits for a permit.
        drop(permit_tx);
        // Drains what the reader may still send, so it never blocks on a full job queue.
        drop(msg_rx);
        r.map(|()| writer.summary)
    });
    drop(msg_tx);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    // Workers busy with a timed-out page are not waited for: they retire when it ends.
    let stuck: HashSet<u64> = {
        let running = lock(&shared.running);
        let abandoned = lock(&shared.abandoned);
        running.iter().filter(|(seq, _)| abandoned.contains(seq)).map(|(_, r)| r.worker).collect()
    };
    for (id, handle) in workers {
        if !stuck.contains(&id) {
            let _ = handle.join();
        }
    }
    let mut summary = result?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// Reads entries, numbering pages and errors, and hands them out within the window.
fn reader(
    entries: impl Iterator<Item = Entry>,
    jobs: &Sender<Job>,
    msgs: &Sender<Msg>,
    permits: &Receiver<()>,
    max_bytes: usize,
) {
    let mut seq = 0u64;
    let mut entries = entries;
    loop {
        let next = catch_unwind(AssertUnwindSafe(|| entries.next()));
        let entry = match next {
            Ok(Some(e)) => e,
            Ok(None) => break,
            Err(payload) => Entry::Error(PageError::new(
                "(reader)",
                ErrorKind::Panic,
                format!("reading the input panicked: {}", panic_message(&*payload)),
            )),
        };
        let is_panic = matches!(&entry, Entry::Error(e) if e.input == "(reader)");
        match entry {
            Entry::Skipped(reason) => {
                if msgs.send(Msg::Skipped(reason)).is_err() {
                    return;
                }
                continue;
            }
            Entry::Page(page) => {
                if permits.recv().is_err() {
                    return;
                }
                if page.bytes.len() > max_bytes {
                    let e = PageError::new(
                        page.input.clone(),
                        ErrorKind::TooLarge,
                        format!(
                            "page of {} bytes exceeds the limit of {max_bytes} bytes",
                            page.bytes.len()
                        ),
                    )
                    .with_url(page.url.clone());
                    let outcome = Outcome::error(&e, page.bytes.len());
                    if msgs.send(Msg::Done { seq, outcome: Box::new(outcome) }).is_err() {
                        return;
                    }
                } else if jobs.send(Job { seq, page }).is_err() {
                    return;
                }
            }
            Entry::Error(e) => {
                if permits.recv().is_err() {
                    return;
                }
                if msgs.send(Msg::Done { seq, outcome: Box::new(Outcome::error(&e, 0)) }).is_err() {
                    return;
                }
            }
        }
        seq += 1;
        if is_panic {
            break;
        }
    }
    let _ = msgs.send(Msg::End { total: seq });
}

/// A worker: processes jobs until the queue closes, or retires after an abandoned page.
fn worker<P: Processor + ?Sized>(
    id: u64,
    shared: &Shared<P>,
    jobs: &Receiver<Job>,
    msgs: &Sender<Msg>,
) {
    while let Ok(Job { seq, page }) = jobs.recv() {
        let bytes = page.bytes.len();
        if shared.cancel.load(Ordering::Relaxed) {
            continue;
        }
        lock(&shared.running).insert(
            seq,
            Running {
                worker: id,
                started: Instant::now(),
                input: page.input.clone(),
                url: page.url.clone(),
                bytes,
            },
        );
        let outcome = process_one(&*shared.processor, &page);
        lock(&shared.running).remove(&seq);
        let retire = lock(&shared.abandoned).remove(&seq);
        if msgs.send(Msg::Done { seq, outcome: Box::new(outcome) }).is_err() || retire {
            return;
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Processes one page on the calling thread the way [`run`] does: bytes that are not text
/// (an image, an archive) yield an `undecodable` error record, a panic is caught and yields
/// a `panic` error record, a pipeline error a `too-large` or `process` one. Returns the
/// record and, for an error record, its kind. No time limit applies.
pub fn process_page<P: Processor + ?Sized>(
    processor: &P,
    page: &Page,
) -> (Record, Option<ErrorKind>) {
    let outcome = process_one(processor, page);
    (outcome.record, outcome.error)
}

/// One page through the processor, with binary sniffing, panics caught.
fn process_one<P: Processor + ?Sized>(processor: &P, page: &Page) -> Outcome {
    let bytes = page.bytes.len();
    let fail = |kind, message: String| {
        Outcome::error(
            &PageError::new(page.input.clone(), kind, message).with_url(page.url.clone()),
            bytes,
        )
    };
    if let Some(what) = binary_content(&page.bytes) {
        return fail(ErrorKind::Undecodable, format!("not a text page ({what})"));
    }
    match catch_unwind(AssertUnwindSafe(|| processor.process(page))) {
        Ok(Ok(mut record)) => {
            if record.input.is_empty() {
                record.input.clone_from(&page.input);
            }
            if record.error.is_some() {
                return Outcome { record, error: Some(ErrorKind::Process), bytes };
            }
            Outcome { record, error: None, bytes }
        }
        Ok(Err(e)) => {
            let kind = match e {
                crate::Error::TooLarge { .. } => ErrorKind::TooLarge,
                _ => ErrorKind::Process,
            };
            fail(kind, crate::error_chain(&e))
        }
        Err(payload) => fail(ErrorKind::Panic, format!("panicked: {}", panic_message(&*payload))),
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic payload".to_owned())
}

/// Leading bytes of binary formats met in crawls.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"\x1f\x8b", "gzip data"),
    (b"\xd0\xcf\x11\xe0", "Office document"),
    (b"RIFF", "RIFF media"),
    (b"\x00\x00\x01\x00", "icon"),
];

/// What binary content the bytes hold, if they are not text.
pub(super) fn binary_content(bytes: &[u8]) -> Option<&'static str> {
    let head = bytes.get(..bytes.len().min(4096)).unwrap_or_default();
    // UTF-16 and UTF-32 text has NULs; its byte order mark says so.
    if head.starts_with(&[0xff, 0xfe]) || head.starts_with(&[0xfe, 0xff]) {
        return None;
    }
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| head.starts_with(m)) {
        return Some(what);
    }
    // Text has next to no control bytes (a stray NUL happens); uniform binary data has
    // about one in nine.
    let control = head
        .iter()
        .filter(|&&b| (b < 0x20 || b == 0x7f) && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    if control > 2 && control * 20 > head.len() {
        return Some("binary data");
    }
    None
}

/// Writes outcomes in input order, watches the time limit, counts.
struct Writer<'a> {
    sink: &'a mut dyn Sink,
    summary: Summary,
    pending: BTreeMap<u64, Box<Outcome>>,
    timed_out: HashSet<u64>,
    next: u64,
    end: Option<u64>,
    bar: Option<&'a indicatif::ProgressBar>,
    /// Workers still busy with a timed-out page.
    stuck: usize,
    /// At most this many before replacements wait ([`Options::max_stuck`]).
    max_stuck: usize,
    /// Replacements not started yet because too many workers were stuck.
    owed: usize,
}

impl Writer<'_> {
    fn drive<P: Processor + ?Sized>(
        &mut self,
        msgs: &Receiver<Msg>,
        permits: &Sender<()>,
        timeout: Option<Duration>,
        shared: &Shared<P>,
        spawn: &mut dyn FnMut() -> io::Result<()>,
    ) -> io::Result<()> {
        let tick =
            timeout.map(|t| (t / 4).clamp(Duration::from_millis(5), Duration::from_millis(200)));
        loop {
            while let Some(outcome) = self.pending.remove(&self.next) {
                self.emit(&outcome)?;
                self.next += 1;
                // The reader may have finished; a missing receiver is fine.
                let _ = permits.try_send(());
            }
            if self.end.is_some_and(|end| self.next >= end) {
                self.summary.pages_in = self.next;
                return self.sink.finish();
            }
            let msg = match tick {
                Some(t) => match msgs.recv_timeout(t) {
                    Ok(m) => Some(m),
                    Err(RecvTimeoutError::Timeout) => None,
                    Err(RecvTimeoutError::Disconnected) => return self.sink.finish(),
                },
                None => match msgs.recv() {
                    Ok(m) => Some(m),
                    Err(_) => return self.sink.finish(),
                },
            };
            match msg {
                Some(Msg::Done { seq, outcome }) => {
                    if self.timed_out.remove(&seq) {
                        // its worker has retired: start a replacement still owed
                        self.summary.late_results += 1;
                        self.stuck = self.stuck.saturating_sub(1);
                        if self.owed > 0 {
                            self.owed -= 1;
                            spawn()?;
                        }
                    } else {
                        self.pending.insert(seq, outcome);
                    }
                }
                Some(Msg::Skipped(reason)) => {
                    *self.summary.skipped.entry(reason).or_default() += 1;
                }
                Some(Msg::End { total }) => self.end = Some(total),
                None => {}
            }
            if let Some(limit) = timeout {
                self.check_time(limit, shared, spawn)?;
            }
        }
    }

    /// Writes error records for pages past the time limit and replaces their workers.
    fn check_time<P: Processor + ?Sized>(
        &mut self,
        limit: Duration,
        shared: &Shared<P>,
        spawn: &mut dyn FnMut() -> io::Result<()>,
    ) -> io::Result<()> {
        // Marked abandoned while `running` is locked: a worker finishing meanwhile either
        // removed its page before this scan (no timeout) or sees the mark and retires.
        let late: Vec<(u64, Box<Outcome>)> = {
            let running = lock(&shared.running);
            let late: Vec<(u64, Box<Outcome>)> = running
                .iter()
                .filter(|(seq, r)| r.started.elapsed() > limit && !self.timed_out.contains(seq))
                .map(|(&seq, r)| {
                    let e = PageError::new(
                        r.input.clone(),
                        ErrorKind::Timeout,
                        format!("processing took longer than {} ms", limit.as_millis()),
                    )
                    .with_url(r.url.clone());
                    (seq, Box::new(Outcome::error(&e, r.bytes)))
                })
                .collect();
            lock(&shared.abandoned).extend(late.iter().map(|(seq, _)| *seq));
            late
        };
        for (seq, outcome) in late {
            self.timed_out.insert(seq);
            self.pending.insert(seq, outcome);
            self.stuck += 1;
            if self.stuck <= self.max_stuck {
                spawn()?;
            } else {
                self.owed += 1;
            }
        }
        Ok(())
    }

    #[allow(clippy::cast_precision_loss)]
    fn emit(&mut self, outcome: &Outcome) -> io::Result<()> {
        self.sink.write(&outcome.record)?;
        let s = &mut self.summary;
        s.records_out += 1;
        s.bytes_in += outcome.bytes as u64;
        match outcome.error {
            Some(kind) => *s.errors.entry(kind).or_default() += 1,
            None => s.ok += 1,
        }
        if let Some(bar) = self.bar {
            bar.inc(1);
            if outcome.error.is_some() || s.records_out.is_multiple_of(64) {
                let secs = bar.elapsed().as_secs_f64().max(1e-3);
                bar.set_message(format!(
                    "{:.0} pages/s | {:.1} MB, {:.1} MB/s | {} errors",
                    s.records_out as f64 / secs,
                    s.bytes_in as f64 / 1e6,
                    s.bytes_in as f64 / 1e6 / secs,
                    s.error_count(),
                ));
            }
        }
        Ok(())
    }
}

/// A progress bar on stderr, when asked for and stderr is a terminal.
fn progress_bar(wanted: bool) -> Option<indicatif::ProgressBar> {
    if !wanted || !io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new_spinner();
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{spinner} {elapsed_precise} | {pos} pages | {msg}")
    {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(200));
    Some(bar)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn process_page_on_the_calling_thread() {
        let pipeline = Pipeline::new().unwrap();
        let page = Page::new("a.txt", "通知\n\n各地要严格落实核酸检测。".as_bytes());
        let (record, kind) = process_page(&pipeline, &page);
        assert_eq!((record.input.as_str(), kind), ("a.txt", None));
        let (record, kind) =
            process_page(&pipeline, &Page::new("x.png", &b"\x89PNG\r\n\x1a\n"[..]));
        assert_eq!(kind, Some(ErrorKind::Undecodable));
        assert_eq!(
            record.error.as_deref(),
            Some("x.png: undecodable: not a text page (PNG image)")
        );
        let panics = |_: &Page| -> crate::Result<Record> { panic!("boom") };
        let (record, kind) = process_page(&panics, &page);
        assert_eq!(kind, Some(ErrorKind::Panic));
        assert_eq!(record.error_kind, Some("panic"));
    }

    #[test]
    fn binary_sniffing() {
        assert_eq!(binary_content(b"\x89PNG\r\n\x1a\n"), Some("PNG image"));
        assert_eq!(binary_content(b"%PDF-1.4"), Some("PDF document"));
        let noise: Vec<u8> =
            (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 7).to_le_bytes()[0]).collect();
        assert_eq!(binary_content(&noise), Some("binary data"));
        assert_eq!(binary_content("<p>通知</p>\0\n".as_bytes()), None);
        assert_eq!(binary_content(b"\xff\xfe<\0p\0>\0"), None);
        assert_eq!(binary_content(b"\x1b$B plain ISO-2022-JP\x1b(B"), None);
        assert_eq!(binary_content(b""), None);
    }
}
