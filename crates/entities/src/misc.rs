//! Quotes (`“四方责任”`, `‘快车道’`, `「…」`), URLs, email addresses and phone numbers.

use regex::Regex;

use crate::error::{Error, Result};
use crate::numeral::{NumKind, NumTok};
use crate::text::{char_at, char_before, is_cjk};

/// The longest quoted term (characters); longer quotes are speech, not terms.
const MAX_QUOTE_CHARS: usize = 40;
/// How many open quote marks are remembered at once.
const MAX_OPEN_QUOTES: usize = 16;

/// Terms in quotes, innermost first where nested; spans are the text inside the marks.
pub(crate) fn quotes(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut stack: Vec<(char, usize)> = Vec::new();
    for (i, c) in text.char_indices() {
        let close = match c {
            '”' => Some('“'),
            '’' => Some('‘'),
            '」' => Some('「'),
            '』' => Some('『'),
            '"' if stack.last().is_some_and(|&(o, _)| o == '"') => Some('"'),
            _ => None,
        };
        if let Some(open) = close {
            if let Some(k) = stack.iter().rposition(|&(o, _)| o == open) {
                let (_, s) = stack[k];
                stack.truncate(k);
                if let Some(inner) = text.get(s..i)
                    && term_like(inner, open == '"')
                {
                    out.push((s, i));
                }
            }
            continue;
        }
        if matches!(c, '“' | '‘' | '「' | '『' | '"') {
            // unbalanced marks must not make the search quadratic: keep the innermost few
            if stack.len() >= MAX_OPEN_QUOTES {
                stack.remove(0);
            }
            stack.push((c, i + c.len_utf8()));
        } else if c == '\n' {
            stack.clear();
        }
    }
    out.sort_unstable();
    out
}

fn term_like(inner: &str, ascii: bool) -> bool {
    let n = inner.chars().count();
    n > 0
        && n <= MAX_QUOTE_CHARS
        && !inner.chars().any(|c| matches!(c, '。' | '！' | '？' | '；' | '\n'))
        && (!ascii || inner.chars().any(is_cjk))
        && inner.trim() == inner
}

fn url_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'*+,;=%".contains(c)
}

/// URLs: `http://…`, `https://…` and `www.…`.
pub(crate) fn urls(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut starts: Vec<usize> = memchr::memmem::find_iter(bytes, b"http").collect();
    starts.extend(memchr::memmem::find_iter(bytes, b"www."));
    starts.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    for i in starts {
        if i < from {
            continue;
        }
        let rest = text.get(i..).unwrap_or_default();
        let ok =
            rest.starts_with("http://") || rest.starts_with("https://") || rest.starts_with("www.");
        if !ok
            || char_before(text, i)
                .is_some_and(|c| c.is_ascii_alphanumeric() || c == '/' || c == '.')
        {
            continue;
        }
        let mut end = i;
        while let Some(c) = char_at(text, end).filter(|&c| url_char(c)) {
            end += c.len_utf8();
        }
        while let Some(c) = char_before(text, end).filter(|c| ".,;:!?)]'".contains(*c)) {
            end -= c.len_utf8();
        }
        if end > i + 7 {
            out.push((i, end));
            from = end;
        }
    }
    out
}

/// The longest local part or domain an email address may have (RFC 5321 limits).
const MAX_EMAIL_PART: usize = 255;

/// Email addresses.
pub(crate) fn emails(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let local = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
    let domain = |c: char| c.is_ascii_alphanumeric() || ".-".contains(c);
    for (at, _) in text.match_indices('@') {
        let mut s = at;
        while let Some(c) = char_before(text, s).filter(|&c| local(c) && at - s < MAX_EMAIL_PART) {
            s -= c.len_utf8();
        }
        let mut e = at + 1;
        while let Some(c) = char_at(text, e).filter(|&c| domain(c) && e - at < MAX_EMAIL_PART) {
            e += c.len_utf8();
        }
        while char_before(text, e) == Some('.') {
            e -= 1;
        }
        let Some(dom) = text.get(at + 1..e) else { continue };
        let tld_ok = dom
            .rsplit_once('.')
            .is_some_and(|(_, tld)| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
        if s < at && tld_ok {
            out.push((s, e));
        }
    }
    out
}

/// Phone number patterns (mobile, landline with area code, 400/800 lines).
#[derive(Debug, Clone)]
pub(crate) struct PhoneFinder {
    re: Regex,
}

impl PhoneFinder {
    pub(crate) fn build() -> Result<Self> {
        let re = Regex::new(
            r"(?:\+?86[- ]?)?(?:1[3-9][0-9]{9}|0[1-9][0-9]{1,2}[-－ ]?[2-9][0-9]{6,7}(?:[-－][0-9]{1,4})?|[(（]0[1-9][0-9]{1,2}[)）] ?[2-9][0-9]{6,7}|[48]00[- ]?[0-9]{3}[- ]?[0-9]{4})",
        )
        .map_err(|e| Error::with_source("cannot build the phone pattern", e))?;
        Ok(PhoneFinder { re })
    }

    /// Phone numbers; `toks` are the text's numerals (the pattern runs only where one is long).
    pub(crate) fn find(&self, text: &str, toks: &[NumTok]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        if toks.iter().any(|t| t.kind == NumKind::Arabic && t.int_digits >= 7 && !t.decimal) {
            for m in self.re.find_iter(text) {
                let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
                if digit(char_before(text, m.start())) || digit(char_at(text, m.end())) {
                    continue;
                }
                out.push((m.start(), m.end()));
            }
        }
        // service hotlines (12345, 12320, 120) next to 热线/电话/拨打
        for t in toks {
            if t.kind != NumKind::Arabic
                || t.decimal
                || t.multiplied
                || out.iter().any(|&(a, b)| a <= t.start && t.start < b)
            {
                continue;
            }
            let hot = (t.int_digits == 5 && text.get(t.start..t.start + 2) == Some("12"))
                || matches!(text.get(t.start..t.end), Some("110" | "119" | "120" | "122"));
            if !hot {
                continue;
            }
            let before = text.get(t.start.saturating_sub(12)..t.start).unwrap_or_default();
            let after = text.get(t.end..(t.end + 30).min(text.len())).unwrap_or_default();
            let cue = |s: &str| s.contains("热线") || s.contains("电话") || s.contains("拨打");
            if cue(before) || cue(after) {
                out.push((t.start, t.end));
            }
        }
        out.sort_unstable();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numeral::scan;

    fn slices(text: &str, v: &[(usize, usize)]) -> Vec<String> {
        v.iter().map(|&(a, b)| text[a..b].to_owned()).collect()
    }

    #[test]
    fn quote_kinds_and_nesting() {
        let t = "压实“四方责任”，落实「乙类乙管」与‘早发现’，他说：“我们将步入发展的‘快车道’。”";
        assert_eq!(slices(t, &quotes(t)), vec!["四方责任", "乙类乙管", "早发现", "快车道"]);
        let t = "做到\"应检尽检\"";
        assert_eq!(slices(t, &quotes(t)), vec!["应检尽检"]);
        assert!(quotes("只有“开头").is_empty());
    }

    #[test]
    fn urls_and_emails() {
        let t =
            "详见http://www.example.gov.cn/a/1.html。或www.example.cn，邮箱: fkb@example.gov.cn.";
        assert_eq!(
            slices(t, &urls(t)),
            vec!["http://www.example.gov.cn/a/1.html", "www.example.cn"]
        );
        assert_eq!(slices(t, &emails(t)), vec!["fkb@example.gov.cn"]);
    }

    #[test]
    fn phones() {
        let f = PhoneFinder::build().unwrap();
        let t = "咨询电话：0351-4567890，手机13912345678，拨打12345热线，编号2022006215123";
        assert_eq!(slices(t, &f.find(t, &scan(t))), vec!["0351-4567890", "13912345678", "12345"]);
    }
}
