//! A multi-member gzip reader that survives a corrupt member.

use std::io::{self, BufRead, Read};

use flate2::bufread::GzDecoder;

const MAGIC: [u8; 2] = [0x1f, 0x8b];

enum State<R> {
    /// Decoding a member.
    Member(GzDecoder<R>),
    /// At a member boundary.
    Between(R),
    /// After an error: looking for the next member header.
    Scan(R),
    Done,
}

/// Reads a stream of concatenated gzip members (a `.warc.gz` file holds one per record).
///
/// Unlike [`flate2::read::MultiGzDecoder`], an error does not end the stream: the read that
/// meets a corrupt or truncated member returns the error (`InvalidData` or `UnexpectedEof`),
/// and the next read resumes at the next gzip member header found in the raw bytes. Data
/// after the last member that is not gzip is reported once, as `InvalidData`.
pub struct MultiGzReader<R> {
    state: State<R>,
}

impl<R: BufRead> MultiGzReader<R> {
    /// Reads members from `inner`.
    pub fn new(inner: R) -> Self {
        MultiGzReader { state: State::Between(inner) }
    }
}

impl<R> std::fmt::Debug for MultiGzReader<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let state = match self.state {
            State::Member(_) => "member",
            State::Between(_) => "between",
            State::Scan(_) => "scan",
            State::Done => "done",
        };
        f.debug_struct("MultiGzReader").field("state", &state).finish()
    }
}

impl<R: BufRead> Read for MultiGzReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            match std::mem::replace(&mut self.state, State::Done) {
                State::Done => return Ok(0),
                State::Member(mut d) => match d.read(buf) {
                    Ok(0) => self.state = State::Between(d.into_inner()),
                    Ok(n) => {
                        self.state = State::Member(d);
                        return Ok(n);
                    }
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {
                        self.state = State::Member(d);
                    }
                    Err(e) => {
                        self.state = State::Scan(d.into_inner());
                        let kind = if e.kind() == io::ErrorKind::UnexpectedEof {
                            io::ErrorKind::UnexpectedEof
                        } else {
                            io::ErrorKind::InvalidData
                        };
                        return Err(io::Error::new(kind, format!("corrupt gzip member: {e}")));
                    }
                },
                State::Between(mut r) => {
                    let head = match r.fill_buf() {
                        Ok(b) => b,
                        Err(e) => {
                            self.state = State::Between(r);
                            return Err(e);
                        }
                    };
                    match head.first() {
                        None => return Ok(0),
                        Some(&b) if b == MAGIC[0] => self.state = State::Member(GzDecoder::new(r)),
                        Some(_) => {
                            self.state = State::Scan(r);
                            return Err(io::Error::new(
                                io::ErrorKind::InvalidData,
                                "data after a gzip member is not gzip",
                            ));
                        }
                    }
                }
                State::Scan(mut r) => {
                    // Skip at least one byte, so that a false header cannot stall the scan.
                    let mut skipped_one = false;
                    loop {
                        let b = r.fill_buf()?;
                        if b.is_empty() {
                            return Ok(0);
                        }
                        let from = usize::from(!skipped_one);
                        let found = b.get(from..).and_then(|rest| {
                            rest.windows(2)
                                .position(|w| w == MAGIC)
                                .or_else(|| {
                                    (rest.last() == Some(&MAGIC[0])).then(|| rest.len() - 1)
                                })
                                .map(|p| p + from)
                        });
                        if let Some(p) = found {
                            r.consume(p);
                            self.state = State::Member(GzDecoder::new(r));
                            break;
                        }
                        let n = b.len();
                        r.consume(n);
                        skipped_one = true;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::Compression;
    use flate2::write::GzEncoder;
    use std::io::{BufReader, Write};

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = GzEncoder::new(Vec::new(), Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    /// Reads to the end, collecting data and errors.
    fn drain(bytes: &[u8], cap: usize) -> (Vec<u8>, Vec<io::ErrorKind>) {
        let mut r = MultiGzReader::new(BufReader::with_capacity(cap, bytes));
        let mut out = Vec::new();
        let mut errors = Vec::new();
        let mut buf = [0u8; 7];
        for _ in 0..100_000 {
            match r.read(&mut buf) {
                Ok(0) => return (out, errors),
                Ok(n) => out.extend_from_slice(&buf[..n]),
                Err(e) => errors.push(e.kind()),
            }
        }
        panic!("reader did not end");
    }

    #[test]
    fn reads_every_member() {
        let mut data = gz(b"first member\n");
        data.extend(gz(b""));
        data.extend(gz(b"second member\n"));
        for cap in [3, 16, 8192] {
            assert_eq!(drain(&data, cap), (b"first member\nsecond member\n".to_vec(), vec![]));
        }
    }

    #[test]
    fn corrupt_member_costs_only_itself() {
        let mut bad = gz(b"the corrupt member's text, long enough to matter");
        let mid = bad.len() / 2;
        for b in bad.iter_mut().skip(12).take(mid) {
            *b ^= 0x5a;
        }
        let mut data = gz(b"one\n");
        data.extend(bad);
        data.extend(gz(b"three\n"));
        let (out, errors) = drain(&data, 8192);
        assert_eq!(out, b"one\nthree\n");
        assert_eq!(errors, vec![io::ErrorKind::InvalidData]);
    }

    #[test]
    fn truncated_last_member_is_unexpected_eof() {
        let mut data = gz(b"one\n");
        let two = gz(b"two, which is cut short in the middle of its deflate stream\n");
        data.extend(&two[..two.len() / 2]);
        let (out, errors) = drain(&data, 8192);
        assert!(out.starts_with(b"one\n"));
        assert_eq!(errors, vec![io::ErrorKind::UnexpectedEof]);
    }

    #[test]
    fn trailing_garbage_is_reported_once() {
        let mut data = gz(b"one\n");
        data.extend(b"\0\0\0\0garbage");
        let (out, errors) = drain(&data, 8192);
        assert_eq!(out, b"one\n");
        assert_eq!(errors, vec![io::ErrorKind::InvalidData]);
    }

    #[test]
    fn plain_bytes_are_an_error_not_a_hang() {
        let (out, errors) = drain(b"\x1f not gzip at all \x1f", 4);
        assert!(out.is_empty());
        assert!(!errors.is_empty());
    }
}
