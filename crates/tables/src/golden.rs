//! The golden-file harness the crates' tests share: every input file's output is compared
//! with the expected file beside it (`page.html` with `page.expected.json`). With
//! `UPDATE_GOLDEN=1` in the environment the expected files are rewritten instead; review
//! the diff by hand before committing it.
//!
//! ```no_run
//! use std::path::Path;
//! let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
//! let inputs = zhengling_tables::golden::inputs(&[dir], &["txt"]);
//! let checked = zhengling_tables::golden::check(&inputs, "expected.txt", |path| {
//!     std::fs::read_to_string(path).map(|t| t.to_uppercase()).map_err(|e| e.to_string())
//! });
//! if let Err(e) = checked {
//!     panic!("{e}");
//! }
//! ```

use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

/// How many differing lines a failure shows per file.
const SHOWN_LINES: usize = 12;

/// The input files in `dirs` (not recursively) whose extension is one of `exts`, sorted by
/// path; expected files (`*.expected.*`) are never inputs. A missing directory has none.
pub fn inputs(dirs: &[PathBuf], exts: &[&str]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = dirs
        .iter()
        .filter_map(|d| std::fs::read_dir(d).ok())
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            !name.contains(".expected.")
                && p.extension().is_some_and(|e| exts.iter().any(|x| e.eq_ignore_ascii_case(x)))
        })
        .collect();
    out.sort();
    out
}

/// The expected file of an input: `dir/page.html` with `expected_ext` `expected.json` is
/// `dir/page.expected.json`.
pub fn expected_path(input: &Path, expected_ext: &str) -> PathBuf {
    input.with_extension(expected_ext)
}

/// The golden files that differ, with the first differing lines of each.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Failures(pub Vec<String>);

impl fmt::Display for Failures {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} golden mismatches (UPDATE_GOLDEN=1 rewrites the expectations):",
            self.0.len()
        )?;
        for x in &self.0 {
            writeln!(f, "{x}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Failures {}

/// Renders every input with `render` and compares the text with its expected file, or,
/// with `UPDATE_GOLDEN` set, rewrites the expected files. Returns how many inputs were
/// checked.
///
/// # Errors
/// Every input whose output differs from its expected file (or that fails to render, or
/// whose expected file is missing or cannot be written), listed with the lines that differ.
pub fn check(
    inputs: &[PathBuf],
    expected_ext: &str,
    mut render: impl FnMut(&Path) -> Result<String, String>,
) -> Result<usize, Failures> {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut failures = Vec::new();
    for input in inputs {
        let expected = expected_path(input, expected_ext);
        let got = match render(input) {
            Ok(g) => g,
            Err(e) => {
                failures.push(format!("--- {}: {e}", input.display()));
                continue;
            }
        };
        if update {
            if let Err(e) = std::fs::write(&expected, &got) {
                failures.push(format!("--- {}: cannot write: {e}", expected.display()));
            }
            continue;
        }
        match std::fs::read_to_string(&expected) {
            Ok(want) if want == got => {}
            Ok(want) => failures.push(format!("--- {}\n{}", expected.display(), diff(&want, &got))),
            Err(e) => failures.push(format!("--- {}: {e}", expected.display())),
        }
    }
    if failures.is_empty() { Ok(inputs.len()) } else { Err(Failures(failures)) }
}

/// The lines that differ, expected first, the first [`SHOWN_LINES`] of them.
pub fn diff(want: &str, got: &str) -> String {
    let w: Vec<&str> = want.lines().collect();
    let g: Vec<&str> = got.lines().collect();
    let mut out = String::new();
    let mut shown = 0;
    for i in 0..w.len().max(g.len()) {
        let (a, b) = (w.get(i).copied().unwrap_or("<end>"), g.get(i).copied().unwrap_or("<end>"));
        if a != b {
            shown += 1;
            if shown > SHOWN_LINES {
                let _ = writeln!(out, "  ...");
                break;
            }
            let _ = writeln!(out, "  line {}:\n    want {a}\n    got  {b}", i + 1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compares_and_lists_differences() {
        let dir = std::env::temp_dir().join(format!("zhengling-golden-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap_or_default();
        let write = |name: &str, text: &str| std::fs::write(dir.join(name), text).is_ok();
        assert!(write("a.txt", "x"));
        assert!(write("a.expected.out", "X\n"));
        assert!(write("b.txt", "y"));
        assert!(write("b.expected.out", "Y\nZ\n"));
        let ins = inputs(std::slice::from_ref(&dir), &["txt"]);
        assert_eq!(ins.len(), 2);
        let r = check(&ins, "expected.out", |p| {
            std::fs::read_to_string(p).map(|t| t.to_uppercase() + "\n").map_err(|e| e.to_string())
        });
        let err = r.err().unwrap_or_default();
        assert_eq!(err.0.len(), 1, "{err}");
        assert!(err.0[0].contains("b.expected.out") && err.0[0].contains("want Z"), "{err}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
