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
pub(crate) fn is_truncated(s: &str, more: &[String]) -> bool {
    let t = s.trim_end();
    if t.ends_with("...") || t.ends_with('…') || t.ends_with("。。。") {
        return true;
    }
    let tail: String = t.chars().rev().take(12).collect::<Vec<_>>().into_iter().rev().collect();
    (tail.contains("...") || tail.contains('…')) && more.iter().any(|m| tail.contains(m.as_str()))
}

/// The text without a trailing ellipsis.
pub(crate) fn strip_ellipsis(s: &str) -> &str {
    s.trim_end().trim_end_matches(['.', '…', '。']).trim_end()
}

/// Whether a line is a document number: `（第28号）`, `第3号`, `晋政办发〔2022〕12号`.
pub(crate) fn is_doc_number(s: &str, numerals: &[String]) -> bool {
    let t = s.trim().trim_start_matches(['（', '(']).trim_end_matches(['）', ')']).trim();
    let Some(body) = t.strip_suffix('号') else { return false };
    if t.chars().count() > 30 || t.contains([':', '：', ' ', '\u{3000}']) {
        return false;
    }
    if let Some(n) = body.strip_prefix('第') {
        return !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || is_numeral(numerals, c));
    }
    // a sequence number in brackets, maybe after the issuer's short name: （1号）,
    // （县疫情防控指挥部第1号）
    let trimmed = s.trim();
    if trimmed.starts_with(['（', '(']) && trimmed.ends_with(['）', ')']) {
        let serial = |c: char| c.is_ascii_digit() || is_numeral(numerals, c);
        let head = body.trim_end_matches(serial);
        if head.len() < body.len() {
            let issuer = head.strip_suffix('第').unwrap_or(head);
            if issuer.chars().count() <= 12 && issuer.chars().all(is_cjk) {
                return true;
            }
        }
    }
    // an issuing office's abbreviation, the year in brackets, the serial
    body.contains(['〔', '[', '［', '【'])
        && body.chars().filter(char::is_ascii_digit).count() >= 5
        && body.chars().last().is_some_and(|c| c.is_ascii_digit())
}

/// The document number a line prints: the whole line (`（第28号）`), or after a label
/// (`发文字号：晋政办发〔2022〕12号`), without brackets around it.
pub(crate) fn doc_number_in(line: &str, labels: &[String], numerals: &[String]) -> Option<String> {
    // every document number ends with 号: most lines are done here
    if !line.contains('号') {
        return None;
    }
    let t = line.trim();
    if is_doc_number(t, numerals) {
        let bare = t.strip_prefix(['（', '(']).and_then(|x| x.strip_suffix(['）', ')']));
        return Some(bare.unwrap_or(t).trim().to_owned());
    }
    let end = labels.iter().find_map(|l| t.find(l.as_str()).map(|i| i + l.len()))?;
    let value = t.get(end..)?.trim_start_matches([':', '：', ' ', '\u{3000}']);
    let value = value.split(char::is_whitespace).next()?;
    is_doc_number(value, numerals).then(|| value.to_owned())
}

/// Whether a block opens with the ordinal of a numbered document's item: `五、`, `（三）`,
/// `(2)`, `3.`, `4、`, `第六条`.
pub(crate) fn starts_with_ordinal(s: &str, numerals: &[String]) -> bool {
    let t = s.trim_start();
    let is_num = |c: char| c.is_ascii_digit() || is_numeral(numerals, c);
    if let Some(rest) = t.strip_prefix(['（', '(']) {
        let n = rest.chars().take_while(|&c| is_num(c)).count();
        return (1..=3).contains(&n)
            && rest.chars().nth(n).is_some_and(|c| matches!(c, '）' | ')'));
    }
    if let Some(rest) = t.strip_prefix('第') {
        let n = rest.chars().take_while(|&c| is_num(c)).count();
        return (1..=4).contains(&n) && rest.chars().nth(n) == Some('条');
    }
    let n = t.chars().take_while(|&c| is_num(c)).count();
    (1..=3).contains(&n)
        && t.chars().nth(n).is_some_and(|c| matches!(c, '、' | '.' | '．'))
        && t.chars().nth(n + 1).is_some_and(|c| !c.is_ascii_digit())
}

/// Whether a character is one of the numerals (single-character entries).
fn is_numeral(numerals: &[String], c: char) -> bool {
    let mut buf = [0u8; 4];
    let c = c.encode_utf8(&mut buf);
    numerals.iter().any(|n| n == c)
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

/// Whether a short block is a site tag: a name with the site's domain
/// (`某某家园,www.example.ca`, `i Ask . ca`), stamped into articles by some sites.
pub(crate) fn is_site_tag(s: &str, tlds: &[String]) -> bool {
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
            && tlds.iter().any(|t| tok.ends_with(t.as_str()) || tok.contains(&format!("{t}.")))
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

    fn list(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| (*w).to_owned()).collect()
    }

    fn tlds() -> Vec<String> {
        list(&[".com", ".cn", ".net", ".org", ".ca"])
    }

    fn numerals() -> Vec<String> {
        list(&["一", "二", "三", "五", "六", "十", "两"])
    }

    fn more() -> Vec<String> {
        list(&["详情", "更多"])
    }

    #[test]
    fn counts() {
        let c = Counts::of("中文，abc 1。");
        assert_eq!(c.chars, 8);
        assert_eq!(c.cjk, 2);
        assert_eq!(c.punct, 2);
        assert_eq!(c.alnum, 4);
    }

    #[test]
    fn document_numbers() {
        for s in [
            "（第28号）",
            "第3号",
            "(第十二号)",
            "晋政办发〔2022〕12号",
            "国办发[2020]5号",
            "（1号）",
            "（县疫情防控指挥部第1号）",
        ] {
            assert!(is_doc_number(s, &numerals()), "{s}");
        }
        for s in [
            "关于调整防控措施的通告",
            "3号楼",
            "第28号文件精神",
            "2022年12号",
            "（3号楼）",
            "（今年第1号台风）",
            "（2022年12号）",
        ] {
            assert!(!is_doc_number(s, &numerals()), "{s}");
        }
    }

    #[test]
    fn ordinals() {
        for s in [
            "五、对拒不配合的，依法追究法律责任。",
            "（三）加强管理",
            "(2)措施",
            "3.要求",
            "第六条 违反",
        ] {
            assert!(starts_with_ordinal(s, &numerals()), "{s}");
        }
        for s in ["版权所有", "3.5亿元", "五一假期", "（记者）", "2022年"] {
            assert!(!starts_with_ordinal(s, &numerals()), "{s}");
        }
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
        assert!(is_site_tag("加拿大家园,www.example.ca", &tlds()));
        assert!(is_site_tag("i Ask . ca", &tlds()));
        assert!(is_site_tag("家园网多伦多,toronto.example.ca", &tlds()));
        assert!(!is_site_tag("详情请登录www.example.gov.cn查询。", &tlds()));
        assert!(!is_site_tag("3.5万名", &tlds()));
    }

    #[test]
    fn truncation() {
        assert!(is_truncated("领导...", &more()));
        assert!(is_truncated("领导…", &more()));
        assert!(!is_truncated("领导。", &more()));
        assert!(is_truncated("申城地铁与市民的出行 ......  [详情]", &more()));
        assert_eq!(strip_ellipsis("领导..."), "领导");
    }
}
