//! Character classes and small text helpers shared by the HTML and plain-text paths.

/// Whether a character is a CJK ideograph (unified, extension A or compatibility).
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FFFF}')
}

/// Punctuation that separates clauses or ends sentences (Chinese and ASCII).
pub(crate) fn is_clause_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '！'
            | '？'
            | ','
            | ';'
            | '!'
            | '?'
            | '．'
            | '﹐'
            | '﹑'
            | '︰'
    )
}

/// Punctuation that ends a sentence.
pub(crate) fn is_stop(c: char) -> bool {
    matches!(
        c,
        '。' | '！'
            | '？'
            | '!'
            | '?'
            | '．'
            | '…'
            | '.'
            | '」'
            | '”'
            | '"'
            | '）'
            | ')'
            | '；'
            | ';'
    )
}

/// Characters trimmed around a block before comparing it with a phrase: spaces, brackets,
/// bullets, separators and colons.
pub(crate) fn is_trim_char(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '【' | '】'
                | '['
                | ']'
                | '('
                | ')'
                | '（'
                | '）'
                | '<'
                | '>'
                | '《'
                | '》'
                | '〔'
                | '〕'
                | '「'
                | '」'
                | '|'
                | '｜'
                | '·'
                | '•'
                | '●'
                | '○'
                | '■'
                | '□'
                | '◆'
                | '◇'
                | '▪'
                | '►'
                | '▶'
                | '★'
                | '☆'
                | '»'
                | '«'
                | '›'
                | '‹'
                | '→'
                | '※'
                | '▲'
                | '▼'
                | '◎'
                | '△'
                | '▽'
                | ':'
                | '：'
                | '-'
                | '—'
                | '－'
                | '_'
                | '/'
                | '／'
                // Big5's slash (0xA241) decodes to U+2215 under WHATWG.
                | '∕'
                | '*'
                | '\u{200B}'
                | '\u{FEFF}'
        )
}

/// The build-hasher of the small string maps built per page: FxHash (`rustc-hash`), fast
/// for short keys; the keys are page text, not attacker-chosen table sizes.
pub(crate) type FastHash = rustc_hash::FxBuildHasher;

/// A count as a float for scoring (page-sized counts lose no precision that matters).
#[allow(clippy::cast_precision_loss)]
pub(crate) fn float(n: u32) -> f32 {
    n as f32
}

/// The number of characters in a string.
pub(crate) fn chars_len(s: &str) -> usize {
    s.chars().count()
}

/// Counts of what a block of text is made of.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Counts {
    /// Non-space characters.
    pub(crate) chars: u32,
    /// CJK ideographs.
    pub(crate) cjk: u32,
    /// Clause and sentence punctuation.
    pub(crate) punct: u32,
    /// ASCII letters and digits.
    pub(crate) alnum: u32,
}

impl Counts {
    /// Counts a string.
    pub(crate) fn of(s: &str) -> Counts {
        let mut c = Counts::default();
        for ch in s.chars() {
            c.add(ch);
        }
        c
    }

    /// Adds one character.
    #[inline]
    pub(crate) fn add(&mut self, ch: char) {
        if ch.is_whitespace() {
            return;
        }
        self.chars += 1;
        if is_cjk(ch) {
            self.cjk += 1;
        } else if ch.is_ascii_alphanumeric() {
            self.alnum += 1;
        } else if is_clause_punct(ch) {
            self.punct += 1;
        }
    }

    /// Adds another count.
    pub(crate) fn merge(&mut self, o: Counts) {
        self.chars += o.chars;
        self.cjk += o.cjk;
        self.punct += o.punct;
        self.alnum += o.alnum;
    }

    /// A length in "CJK character units": an ideograph counts one, about three ASCII
    /// letters count one, so thresholds work for Chinese and English alike.
    pub(crate) fn units(self) -> f32 {
        let other = self.chars - self.cjk;
        float(self.cjk) + float(other) / 3.0
    }
}

/// Appends `s` to `out` with runs of whitespace collapsed to one space; returns the counts
/// of what was appended. `space` carries "a space is pending" across calls.
pub(crate) fn push_collapsed(out: &mut String, s: &str, space: &mut bool, counts: &mut Counts) {
    for ch in s.chars() {
        if ch.is_whitespace() || ch == '\u{200B}' || ch == '\u{FEFF}' {
            *space = true;
            continue;
        }
        if *space {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            *space = false;
        }
        out.push(ch);
        counts.add(ch);
    }
}

/// Whether a line ends like a sentence (or a quotation of one).
pub(crate) fn ends_sentence(s: &str) -> bool {
    s.trim_end().chars().next_back().is_some_and(is_stop)
}

/// Whether a text ends with an ellipsis that marks it as truncated (possibly followed by a
/// "more" link: `…… [详情]`, `...更多>>`).
pub(crate) fn is_truncated(s: &str) -> bool {
    let t = s.trim_end();
    if t.ends_with("...") || t.ends_with('…') || t.ends_with("。。。") {
        return true;
    }
    let tail: String = t.chars().rev().take(12).collect::<Vec<_>>().into_iter().rev().collect();
    let more = ["详情", "詳情", "全文", "更多", "阅读", "閱讀", "详细", "詳細", ">>", "》"];
    (tail.contains("...") || tail.contains('…')) && more.iter().any(|m| tail.contains(m))
}

/// The text without a trailing ellipsis.
pub(crate) fn strip_ellipsis(s: &str) -> &str {
    s.trim_end().trim_end_matches(['.', '…', '。']).trim_end()
}

/// A headline without the time or date stamp some sites print after it: a time in any
/// brackets (`贫血 小心大肠癌上身 【11:25】`), a date in square ones (`……通知[2022-10-06]`).
pub(crate) fn strip_stamp(s: &str) -> &str {
    let t = s.trim_end();
    let Some(close) = t.chars().next_back().filter(|c| matches!(c, '】' | ']' | ')' | '）'))
    else {
        return s;
    };
    let body = &t[..t.len() - close.len_utf8()];
    let Some(open) = body.rfind(['【', '[', '(', '（']) else { return s };
    let inner = &body[open..];
    let inner = inner.trim_start_matches(['【', '[', '(', '（']);
    // digits with a time or date separator: `11:25`, `2022-10-06`, `10月6日`
    let stamp = inner.chars().filter(char::is_ascii_digit).count() >= 3
        && inner.contains([':', '：', '-', '/', '.', '年', '月'])
        && inner.chars().all(|c| {
            c.is_ascii_digit()
                || matches!(c, ':' | '：' | '-' | '/' | '.' | ' ' | '年' | '月' | '日')
        });
    // a date in round brackets is the edition a headline names (`价格指数（12月14日）`)
    let clock = inner.contains([':', '：']);
    let square = matches!(close, '】' | ']');
    let head = body[..open].trim_end();
    let stamp = stamp && (clock || square);
    if stamp && head.chars().count() >= 4 { head } else { s }
}

/// A comparison key: letters, digits and ideographs only, ASCII lowercased.
pub(crate) fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
        } else if is_cjk(c) {
            out.push(c);
        } else if matches!(c, '\u{3000}'..='\u{3006}' | '\u{3008}'..='\u{303F}' | '\u{2000}'..='\u{206F}' | '\u{FE30}'..='\u{FE4F}')
            || matches!(c, '\u{FF00}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}')
        {
            // CJK, general and full-width punctuation
        } else if c.is_alphanumeric() {
            out.push(c);
        }
    }
    out
}

/// The comparison key of the longest part of a `<title>`-like line split at the separators
/// sites put between headline, channel and site name.
pub(crate) fn title_main_key(s: &str) -> String {
    s.split(['_', '|', '｜', '－', '—', '–'])
        .flat_map(|p| p.split(" - "))
        .map(key)
        .max_by_key(|k| k.chars().count())
        .unwrap_or_default()
}

/// Whether a line is a breadcrumb trail: two or more `>`-like separators between short steps.
pub(crate) fn is_breadcrumb(s: &str) -> bool {
    let n = s.chars().count();
    if n > 120 {
        return false;
    }
    let steps: Vec<&str> = s.split(['>', '›', '»', '→', '＞', '〉']).map(str::trim).collect();
    steps.len() >= 3
        && steps
            .iter()
            .take(steps.len() - 1)
            .all(|p| !p.is_empty() && p.chars().count() <= 16 && !p.contains(['，', '。']))
}

/// Top-level domains of site tags.
const TLDS: &[&str] = &[
    ".com", ".cn", ".net", ".org", ".ca", ".hk", ".tw", ".gov", ".edu", ".cc", ".tv", ".us", ".uk",
    ".sg", ".mo",
];

/// Whether a short block is a site tag: a name with the site's domain
/// (`某某家园,www.example.ca`, `i Ask . ca`), stamped into articles by some sites.
pub(crate) fn is_site_tag(s: &str) -> bool {
    let n = s.chars().count();
    if n > 30 || s.contains(['。', '！', '？']) {
        return false;
    }
    let compact: String =
        s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    compact.split(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-')).any(|tok| {
        tok.contains('.')
            && !tok.starts_with("http")
            && tok.len() >= 4
            && TLDS.iter().any(|t| tok.ends_with(t) || tok.contains(&format!("{t}.")))
            && tok.chars().filter(char::is_ascii_alphabetic).count() >= 3
    })
}

/// A line without its leading bullet (`•`, `·`, `●`, `■`, `-`, `*`) and the space after it.
pub(crate) fn strip_list_marker(s: &str) -> &str {
    let t = s.trim_start();
    for m in ['•', '·', '●', '○', '■', '□', '◆', '◇', '▪', '►', '▶', '-', '*', '・']
    {
        if let Some(rest) = t.strip_prefix(m)
            && rest.starts_with(char::is_whitespace)
        {
            return rest.trim_start();
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts() {
        let c = Counts::of("中文，abc 1。");
        assert_eq!(c.chars, 8);
        assert_eq!(c.cjk, 2);
        assert_eq!(c.punct, 2);
        assert_eq!(c.alnum, 4);
    }

    #[test]
    fn headline_stamps() {
        assert_eq!(strip_stamp("贫血 小心大肠癌上身 【11:25】"), "贫血 小心大肠癌上身");
        assert_eq!(strip_stamp("关于做好防控工作的通知[2022-10-06]"), "关于做好防控工作的通知");
        assert_eq!(strip_stamp("全市新增病例（10:00）"), "全市新增病例");
        assert_eq!(strip_stamp("全市新增病例（2022年10月6日）"), "全市新增病例（2022年10月6日）");
        // not a stamp: a number that belongs to the headline, or nothing left before it
        assert_eq!(strip_stamp("防控措施（第九版）"), "防控措施（第九版）");
        assert_eq!(strip_stamp("新冠肺炎防控方案(2)"), "新冠肺炎防控方案(2)");
        assert_eq!(strip_stamp("通知(2)"), "通知(2)");
    }

    #[test]
    fn collapses_space() {
        let mut s = String::new();
        let mut sp = false;
        let mut c = Counts::default();
        push_collapsed(&mut s, "  a \n\t b\u{3000}", &mut sp, &mut c);
        assert_eq!(s, "a b");
        assert!(sp);
    }

    #[test]
    fn breadcrumbs_and_markers() {
        assert!(is_breadcrumb("某某网 > 即时新闻 > 地方"));
        assert!(!is_breadcrumb("a > b"));
        assert_eq!(strip_list_marker("• 属地责任: 各市"), "属地责任: 各市");
        assert_eq!(strip_list_marker("-5度"), "-5度");
    }

    #[test]
    fn site_tags() {
        assert!(is_site_tag("加拿大家园,www.example.ca"));
        assert!(is_site_tag("i Ask . ca"));
        assert!(is_site_tag("家园网多伦多,toronto.example.ca"));
        assert!(!is_site_tag("详情请登录www.example.gov.cn查询。"));
        assert!(!is_site_tag("3.5万名"));
    }

    #[test]
    fn truncation() {
        assert!(is_truncated("领导..."));
        assert!(is_truncated("领导…"));
        assert!(!is_truncated("领导。"));
        assert!(is_truncated("申城地铁与市民的出行 ......  [详情]"));
        assert_eq!(strip_ellipsis("领导..."), "领导");
    }
}
