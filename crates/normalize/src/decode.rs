//! Bytes to text, choosing the encoding the way a browser would (WHATWG order), with guards
//! against wrong declarations.

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{BIG5, Encoding, GBK, UTF_8, WINDOWS_1252, X_USER_DEFINED};

/// How many bytes of the page the `<meta>` prescan looks at (the WHATWG limit).
const PRESCAN_LIMIT: usize = 1024;

/// How many bytes chardetng sees.
const DETECTION_LIMIT: usize = 64 * 1024;

/// A declared decode whose replacement characters exceed this share of its characters
/// (per mille) is compared against the detected encoding.
const DECLARED_ERROR_PER_MILLE: usize = 5;

/// What the caller knows about the bytes besides the bytes.
#[derive(Debug, Clone, Copy, Default)]
pub struct DecodeHints<'a> {
    /// The charset of an HTTP `Content-Type` header, if any (a label such as `gb2312`, or
    /// the whole header value `text/html; charset=gb2312`).
    pub http_charset: Option<&'a str>,
    /// The page's URL; its top-level domain guides detection.
    pub url: Option<&'a str>,
}

/// Where the chosen encoding came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EncodingSource {
    /// A byte order mark.
    Bom,
    /// The HTTP charset hint.
    Http,
    /// A `<meta charset>` or `http-equiv` declaration.
    Meta,
    /// The bytes are valid UTF-8 with non-ASCII content (this overrides any declaration).
    Utf8,
    /// Statistical detection (chardetng), guided by the URL's top-level domain.
    Detected,
    /// The default for the URL's top-level domain (GBK for `.cn`, Big5 for `.tw`/`.hk`).
    Tld,
    /// Nothing else applied (all-ASCII or empty input).
    Fallback,
}

impl EncodingSource {
    /// A short lowercase name (`bom`, `http`, `meta`, `utf8`, `detected`, `tld`, `fallback`).
    pub fn as_str(self) -> &'static str {
        match self {
            EncodingSource::Bom => "bom",
            EncodingSource::Http => "http",
            EncodingSource::Meta => "meta",
            EncodingSource::Utf8 => "utf8",
            EncodingSource::Detected => "detected",
            EncodingSource::Tld => "tld",
            EncodingSource::Fallback => "fallback",
        }
    }
}

/// Decoded text and how it was decoded.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Decoded<'a> {
    /// The text, borrowed when the input was already UTF-8 (or ASCII).
    pub text: Cow<'a, str>,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// Why that encoding was chosen.
    pub source: EncodingSource,
    /// How many malformed sequences became U+FFFD.
    pub malformed: usize,
    /// A declared encoding (HTTP or `<meta>`) that was overridden because the bytes
    /// contradicted it, if any.
    pub overridden: Option<&'static Encoding>,
    /// How many bytes of byte order mark were skipped.
    pub bom_len: usize,
}

/// Decodes a page's bytes the way a browser would. Never fails, never panics.
///
/// Order: byte order mark; then valid UTF-8 with non-ASCII bytes (whatever the page
/// declares); then the HTTP charset hint; then a `<meta charset>` or `http-equiv`
/// declaration in the first 1024 bytes; then chardetng, told the URL's top-level domain;
/// then GBK for `.cn` and Big5 for `.tw`/`.hk`. A declared encoding whose decode has more
/// than 0.5% replacement characters loses to the detected one if that has fewer.
///
/// The labels `gb2312` and `gbk` mean GBK (WHATWG), and GBK decoding is GB18030 decoding,
/// so four-byte GB18030 sequences decode under any of those labels.
///
/// ```
/// use zhengling_normalize::{decode, DecodeHints, EncodingSource};
/// let gbk = [0xcd, 0xa8, 0xd6, 0xaa]; // 通知
/// let d = decode(&gbk, &DecodeHints { http_charset: Some("gb2312"), url: None });
/// assert_eq!(d.text, "通知");
/// assert_eq!(d.encoding.name(), "GBK");
/// assert_eq!(d.source, EncodingSource::Http);
/// ```
pub fn decode<'a>(bytes: &'a [u8], hints: &DecodeHints<'_>) -> Decoded<'a> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        let (text, malformed) = decode_with(encoding, body);
        return Decoded {
            text,
            encoding,
            source: EncodingSource::Bom,
            malformed,
            overridden: None,
            bom_len,
        };
    }
    let declared = hints
        .http_charset
        .and_then(encoding_from_http)
        .map(|e| (e, EncodingSource::Http))
        .or_else(|| prescan_meta(bytes).map(|e| (e, EncodingSource::Meta)));
    let ascii_len = Encoding::ascii_valid_up_to(bytes);
    if ascii_len == bytes.len() {
        // All ASCII: every ASCII-compatible encoding agrees; borrow.
        let (encoding, source) = match declared {
            Some((e, s)) if e.is_ascii_compatible() => (e, s),
            _ => (UTF_8, EncodingSource::Fallback),
        };
        let text = match std::str::from_utf8(bytes) {
            Ok(s) => Cow::Borrowed(s),
            Err(_) => String::from_utf8_lossy(bytes),
        };
        return Decoded { text, encoding, source, malformed: 0, overridden: None, bom_len: 0 };
    }
    let tld = url_tld(hints.url);
    let chinese_tld = matches!(tld.as_deref(), Some("cn" | "tw" | "hk" | "mo"));
    let contrary = chinese_tld || declared.is_some_and(|(e, _)| e != UTF_8);
    if let Some(s) = plausible_utf8(bytes, contrary) {
        let (source, overridden) = match declared {
            Some((e, s)) if e == UTF_8 => (s, None),
            Some((e, _)) => (EncodingSource::Utf8, Some(e)),
            None => (EncodingSource::Utf8, None),
        };
        return Decoded {
            text: Cow::Borrowed(s),
            encoding: UTF_8,
            source,
            malformed: 0,
            overridden,
            bom_len: 0,
        };
    }
    if let Some((encoding, source)) = declared {
        let (text, malformed) = decode_with(encoding, bytes);
        if !too_many_errors(malformed, &text) {
            return Decoded { text, encoding, source, malformed, overridden: None, bom_len: 0 };
        }
        let mut best = detect(bytes, tld.as_deref());
        best.overridden = Some(encoding);
        if best.malformed < malformed && best.encoding != encoding {
            return best;
        }
        return Decoded { text, encoding, source, malformed, overridden: None, bom_len: 0 };
    }
    detect(bytes, tld.as_deref())
}

/// The bytes as UTF-8 when they are valid UTF-8. Against a contrary declaration, short
/// inputs of two-byte sequences only (which GBK and Big5 text can happen to form) must
/// also contain a three- or four-byte sequence or enough non-ASCII bytes to be convincing.
fn plausible_utf8(bytes: &[u8], contrary_declaration: bool) -> Option<&str> {
    let s = std::str::from_utf8(bytes).ok()?;
    if !contrary_declaration {
        return Some(s);
    }
    let long_sequence = bytes.iter().any(|&b| b >= 0xE0);
    let non_ascii = bytes.iter().filter(|&&b| b >= 0x80).count();
    (long_sequence || non_ascii >= 32).then_some(s)
}

/// Statistical detection, then the TLD default when detection decodes badly.
fn detect<'a>(bytes: &'a [u8], tld: Option<&str>) -> Decoded<'a> {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    // The first 64 KB decide as well as the whole page and keep detection cheap.
    let sample = bytes.get(..DETECTION_LIMIT).unwrap_or(bytes);
    detector.feed(sample, sample.len() == bytes.len());
    // Valid UTF-8 that reached detection was judged implausible: do not let chardetng
    // pick UTF-8 for it.
    let utf8 =
        if std::str::from_utf8(bytes).is_ok() { Utf8Detection::Deny } else { Utf8Detection::Allow };
    let encoding = detector.guess(tld.map(str::as_bytes), utf8);
    let (text, malformed) = decode_with(encoding, bytes);
    let detected = Decoded {
        text,
        encoding,
        source: EncodingSource::Detected,
        malformed,
        overridden: None,
        bom_len: 0,
    };
    let tld_default = match tld {
        Some("cn") => Some(GBK),
        Some("tw" | "hk" | "mo") => Some(BIG5),
        _ => None,
    };
    if is_cjk(encoding) && !too_many_errors(malformed, &detected.text) {
        return detected;
    }
    // Detection chose a non-Chinese encoding or decodes badly: a page cut in the middle
    // of a double-byte character (a truncated title, say) disqualifies GBK in chardetng
    // although the page is GBK. Try the TLD default, then GBK and Big5, and take the one
    // that reads as Chinese with few errors.
    let mut best = detected;
    let mut best_score = chinese_score(&best.text);
    for candidate in tld_default.into_iter().chain([GBK, BIG5]) {
        if candidate == best.encoding {
            continue;
        }
        let (text, m) = decode_with(candidate, bytes);
        // A rescue tolerates more damage (2%) than a declaration is allowed (0.5%).
        if m * 50 > text.len() / 3 {
            continue;
        }
        let score = chinese_score(&text);
        if score > best_score {
            let source = if Some(candidate) == tld_default {
                EncodingSource::Tld
            } else {
                EncodingSource::Detected
            };
            best_score = score;
            best = Decoded {
                text,
                encoding: candidate,
                source,
                malformed: m,
                overridden: None,
                bom_len: 0,
            };
        }
    }
    best
}

/// How much a decode reads like Chinese: the share (per mille) of its non-ASCII
/// characters that are frequent Chinese characters, or 0 below a plausibility floor.
fn chinese_score(text: &str) -> usize {
    let mut non_ascii = 0usize;
    let mut common = 0usize;
    for c in text.chars().filter(|c| !c.is_ascii()) {
        non_ascii += 1;
        common += usize::from(crate::common::is_common_han(c));
    }
    if non_ascii == 0 || common * 2 < non_ascii {
        return 0;
    }
    common * 1000 / non_ascii
}

fn is_cjk(encoding: &'static Encoding) -> bool {
    encoding == GBK
        || encoding == BIG5
        || encoding == encoding_rs::GB18030
        || encoding == UTF_8
        || encoding == encoding_rs::EUC_JP
        || encoding == encoding_rs::SHIFT_JIS
        || encoding == encoding_rs::EUC_KR
}

/// Decodes without BOM handling, counting replacement characters produced.
fn decode_with<'a>(encoding: &'static Encoding, bytes: &'a [u8]) -> (Cow<'a, str>, usize) {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let malformed = if had_errors { count_replacements(&text) } else { 0 };
    (text, malformed)
}

fn count_replacements(text: &str) -> usize {
    // U+FFFD is EF BF BD in UTF-8.
    memchr::memmem::find_iter(text.as_bytes(), "\u{FFFD}".as_bytes()).count()
}

fn too_many_errors(malformed: usize, text: &str) -> bool {
    if malformed == 0 {
        return false;
    }
    // Characters, approximated cheaply: bytes that are not UTF-8 continuation bytes.
    let chars = text.as_bytes().iter().filter(|&&b| (b & 0xC0) != 0x80).count().max(1);
    malformed * 1000 > chars * DECLARED_ERROR_PER_MILLE
}

/// The encoding named by an HTTP `Content-Type` value or a bare label.
fn encoding_from_http(value: &str) -> Option<&'static Encoding> {
    let label = match find_ascii_ci(value.as_bytes(), b"charset") {
        Some(i) => charset_after(value.as_bytes().get(i + 7..)?)?,
        None => value.as_bytes(),
    };
    for_html_label(label)
}

/// `Encoding::for_label` with the HTML adjustments: UTF-16 declarations mean UTF-8 and
/// `x-user-defined` means windows-1252.
fn for_html_label(label: &[u8]) -> Option<&'static Encoding> {
    let e = Encoding::for_label(label)?;
    if e == encoding_rs::UTF_16BE || e == encoding_rs::UTF_16LE {
        Some(UTF_8)
    } else if e == X_USER_DEFINED {
        Some(WINDOWS_1252)
    } else if e == encoding_rs::REPLACEMENT {
        None
    } else {
        Some(e)
    }
}

/// The value after `charset` in `charset = "gbk"` (WHATWG "extracting a character encoding
/// from a meta element"), given the bytes right after the word.
fn charset_after(rest: &[u8]) -> Option<&[u8]> {
    let mut i = 0;
    while rest.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    if rest.get(i) != Some(&b'=') {
        return None;
    }
    i += 1;
    while rest.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    let rest = rest.get(i..)?;
    match rest.first() {
        Some(&q @ (b'"' | b'\'')) => {
            let body = rest.get(1..)?;
            let end = body.iter().position(|&b| b == q)?;
            body.get(..end)
        }
        Some(_) => {
            let end = rest
                .iter()
                .position(|&b| b.is_ascii_whitespace() || b == b';' || b == b'"' || b == b'\'')
                .unwrap_or(rest.len());
            rest.get(..end)
        }
        None => None,
    }
}

fn find_ascii_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

/// A simplified WHATWG prescan: the first `<meta>` in the first 1024 bytes that declares a
/// charset (`charset=...`, or `http-equiv="content-type"` with `content="...charset=..."`).
/// Comments are skipped.
fn prescan_meta(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..bytes.len().min(PRESCAN_LIMIT)).unwrap_or(bytes);
    let mut pos = 0;
    while let Some(off) = memchr::memchr(b'<', head.get(pos..)?) {
        let start = pos + off;
        let rest = head.get(start..)?;
        if rest.starts_with(b"<!--") {
            let body = rest.get(4..)?;
            let end = memchr::memmem::find(body, b"-->")?;
            pos = start + 4 + end + 3;
            continue;
        }
        let is_meta = rest.len() > 5
            && rest.get(1..5).is_some_and(|w| w.eq_ignore_ascii_case(b"meta"))
            && rest.get(5).is_some_and(|&b| b.is_ascii_whitespace() || b == b'/');
        if !is_meta {
            pos = start + 1;
            continue;
        }
        let (attrs, next) = parse_attributes(head, start + 5);
        pos = next;
        let mut http_equiv_ct = false;
        let mut charset: Option<&[u8]> = None;
        let mut content_charset: Option<&[u8]> = None;
        for (name, value) in attrs {
            if name.eq_ignore_ascii_case(b"http-equiv") {
                http_equiv_ct |= value.eq_ignore_ascii_case(b"content-type");
            } else if name.eq_ignore_ascii_case(b"charset") && charset.is_none() {
                charset = Some(value);
            } else if name.eq_ignore_ascii_case(b"content") && content_charset.is_none() {
                content_charset = find_ascii_ci(value, b"charset")
                    .and_then(|i| value.get(i + 7..))
                    .and_then(charset_after);
            }
        }
        let label = charset.or(if http_equiv_ct { content_charset } else { None });
        if let Some(e) = label.map(trim_ascii).and_then(for_html_label) {
            return Some(e);
        }
    }
    None
}

fn trim_ascii(b: &[u8]) -> &[u8] {
    b.trim_ascii()
}

type Attr<'a> = (&'a [u8], &'a [u8]);

/// Parses `name=value` attributes from `pos` up to `>`; returns them and the position
/// after the tag.
fn parse_attributes(bytes: &[u8], mut pos: usize) -> (Vec<Attr<'_>>, usize) {
    let mut attrs = Vec::new();
    loop {
        while bytes.get(pos).is_some_and(|&b| b.is_ascii_whitespace() || b == b'/') {
            pos += 1;
        }
        match bytes.get(pos) {
            None => return (attrs, pos),
            Some(b'>') => return (attrs, pos + 1),
            Some(_) => {}
        }
        let name_start = pos;
        while bytes
            .get(pos)
            .is_some_and(|&b| !(b.is_ascii_whitespace() || b == b'=' || b == b'>' || b == b'/'))
        {
            pos += 1;
        }
        let name = bytes.get(name_start..pos).unwrap_or_default();
        while bytes.get(pos).is_some_and(u8::is_ascii_whitespace) {
            pos += 1;
        }
        if bytes.get(pos) != Some(&b'=') {
            if name.is_empty() {
                pos += 1;
            }
            attrs.push((name, &[][..]));
            continue;
        }
        pos += 1;
        while bytes.get(pos).is_some_and(u8::is_ascii_whitespace) {
            pos += 1;
        }
        let value = if let Some(&q @ (b'"' | b'\'')) = bytes.get(pos) {
            let vstart = pos + 1;
            let len = bytes
                .get(vstart..)
                .and_then(|r| memchr::memchr(q, r))
                .unwrap_or(bytes.len().saturating_sub(vstart));
            pos = vstart + len + 1;
            bytes.get(vstart..vstart + len).unwrap_or_default()
        } else {
            let vstart = pos;
            while bytes.get(pos).is_some_and(|&b| !(b.is_ascii_whitespace() || b == b'>')) {
                pos += 1;
            }
            bytes.get(vstart..pos).unwrap_or_default()
        };
        attrs.push((name, value));
    }
}

/// The URL's top-level domain, lowercase ASCII letters/digits/hyphens only (chardetng
/// panics on anything else).
fn url_tld(url: Option<&str>) -> Option<String> {
    let url = url?;
    let after_scheme = url.find("://").map_or(url, |i| url.get(i + 3..).unwrap_or_default());
    let host_end = after_scheme.find(['/', '?', '#']).unwrap_or(after_scheme.len());
    let host = after_scheme.get(..host_end)?;
    let host = host.rsplit('@').next().unwrap_or(host);
    let host = host.split(':').next().unwrap_or(host).trim_end_matches('.');
    let tld = host.rsplit('.').next()?;
    if tld.is_empty() || !tld.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return None;
    }
    Some(tld.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gbk(s: &str) -> Vec<u8> {
        GBK.encode(s).0.into_owned()
    }
    fn gb18030(s: &str) -> Vec<u8> {
        encoding_rs::GB18030.encode(s).0.into_owned()
    }
    fn big5(s: &str) -> Vec<u8> {
        BIG5.encode(s).0.into_owned()
    }
    const NO_HINTS: DecodeHints<'static> = DecodeHints { http_charset: None, url: None };

    const SIMPLIFIED: &str = "关于进一步做好新冠肺炎疫情常态化防控工作的通知。各区县人民政府，\
        市直各部门：为切实做好疫情防控工作，坚持外防输入、内防反弹，现将有关事项通知如下。\
        一、严格落实核酸检测和健康码查验措施，做到应检尽检。";
    const TRADITIONAL: &str = "關於進一步做好新冠肺炎疫情常態化防控工作的通知。各區縣人民政府，\
        市直各部門：為切實做好疫情防控工作，堅持外防輸入、內防反彈，現將有關事項通知如下。\
        一、嚴格落實核酸檢測和健康碼查驗措施，做到應檢盡檢。";

    #[test]
    fn utf8_is_borrowed() {
        let d = decode(SIMPLIFIED.as_bytes(), &NO_HINTS);
        assert!(matches!(d.text, Cow::Borrowed(_)));
        assert_eq!(d.encoding, UTF_8);
        assert_eq!(d.source, EncodingSource::Utf8);
        assert_eq!(d.malformed, 0);
    }

    #[test]
    fn bom_wins() {
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("通知".as_bytes());
        let d = decode(&b, &DecodeHints { http_charset: Some("gbk"), url: None });
        assert_eq!(d.text, "通知");
        assert_eq!(d.source, EncodingSource::Bom);
        assert_eq!(d.bom_len, 3);
    }

    #[test]
    fn gbk_with_meta_charset() {
        let mut b = b"<html><head><meta charset=\"gb2312\"><title>".to_vec();
        b.extend(gbk(SIMPLIFIED));
        let d = decode(&b, &NO_HINTS);
        assert_eq!(d.encoding, GBK);
        assert_eq!(d.source, EncodingSource::Meta);
        assert!(d.text.ends_with(SIMPLIFIED));
    }

    #[test]
    fn gbk_with_http_equiv() {
        let mut b = b"<!-- <meta charset=big5> --><META HTTP-EQUIV='Content-Type' \
            CONTENT='text/html; charset=GBK'>"
            .to_vec();
        b.extend(gbk(SIMPLIFIED));
        let d = decode(&b, &NO_HINTS);
        assert_eq!(d.encoding, GBK);
        assert_eq!(d.source, EncodingSource::Meta);
    }

    #[test]
    fn gb18030_four_byte_sequences() {
        // 𠀀 (U+20000) and 㐀 (U+3400, a CJK Extension A character) need four bytes.
        let text = format!("{SIMPLIFIED}生僻字：𠀀、㐀、䶵。");
        let bytes = gb18030(&text);
        assert!(bytes.windows(2).any(|w| (0x81..=0xFE).contains(&w[0]) && w[1].is_ascii_digit()));
        for label in ["gb18030", "gbk", "gb2312"] {
            let d = decode(&bytes, &DecodeHints { http_charset: Some(label), url: None });
            assert_eq!(d.text, text, "label {label}");
            assert_eq!(d.malformed, 0);
        }
        let d = decode(&bytes, &NO_HINTS);
        assert_eq!(d.text, text);
        assert_eq!(d.source, EncodingSource::Detected);
    }

    #[test]
    fn big5_declared_and_detected() {
        let bytes = big5(TRADITIONAL);
        let d = decode(
            &bytes,
            &DecodeHints { http_charset: Some("text/html; charset=big5"), url: None },
        );
        assert_eq!(d.text, TRADITIONAL);
        assert_eq!(d.source, EncodingSource::Http);
        let d = decode(
            &bytes,
            &DecodeHints { http_charset: None, url: Some("http://news.example.com.tw/a") },
        );
        assert_eq!(d.text, TRADITIONAL);
        assert_eq!(d.encoding, BIG5);
        assert_eq!(d.source, EncodingSource::Detected);
    }

    #[test]
    fn undeclared_gbk_is_detected() {
        let bytes = gbk(SIMPLIFIED);
        let d = decode(&bytes, &NO_HINTS);
        assert_eq!(d.text, SIMPLIFIED);
        assert_eq!(d.encoding, GBK);
        assert_eq!(d.source, EncodingSource::Detected);
    }

    #[test]
    fn wrapper_line_without_meta_is_detected() {
        let mut b = b"<text id=\"http://example.cn/a.asp?id=1\" title=\"".to_vec();
        b.extend(gbk("通知"));
        b.extend_from_slice(b"\" encoding=\"gb2312\">\n<html><head></head><body><p>");
        b.extend(gbk(SIMPLIFIED));
        let d = decode(&b, &NO_HINTS);
        assert_eq!(d.encoding, GBK);
        assert!(d.text.contains(SIMPLIFIED));
    }

    #[test]
    fn truncated_double_byte_character_does_not_defeat_gbk() {
        // A wrapper line whose title was cut in the middle of a character, then the page.
        let mut b = b"<text id=\"x\" title=\"".to_vec();
        let title = gbk("关于进一步做好疫情防控工作的通知");
        b.extend_from_slice(&title[..title.len() - 1]);
        b.extend_from_slice(b"\" encoding=\"gb2312\">\n<p>");
        for _ in 0..6 {
            b.extend(gbk(SIMPLIFIED));
            b.extend_from_slice(b"<a href=x>");
            b.extend_from_slice(&gbk("更多")[..3]);
            b.extend_from_slice(b"...</a>\n");
        }
        let d = decode(&b, &NO_HINTS);
        assert_eq!(d.encoding, GBK);
        assert!(d.text.contains(SIMPLIFIED));
    }

    #[test]
    fn utf8_overrides_wrong_declaration() {
        let mut b = b"<meta charset=gb2312>".to_vec();
        b.extend_from_slice(SIMPLIFIED.as_bytes());
        let d = decode(&b, &NO_HINTS);
        assert_eq!(d.encoding, UTF_8);
        assert_eq!(d.source, EncodingSource::Utf8);
        assert_eq!(d.overridden, Some(GBK));
        assert!(matches!(d.text, Cow::Borrowed(_)));
    }

    #[test]
    fn wrong_big5_declaration_loses_to_detection() {
        let mut b = b"<meta charset=big5>".to_vec();
        b.extend(gbk(SIMPLIFIED));
        b.extend(gbk(SIMPLIFIED));
        let d = decode(&b, &NO_HINTS);
        assert_eq!(d.encoding, GBK);
        assert_eq!(d.overridden, Some(BIG5));
        assert_eq!(d.malformed, 0);
        assert!(d.text.contains(SIMPLIFIED));
    }

    #[test]
    fn correct_declaration_with_one_bad_byte_is_kept() {
        let mut b = b"<meta charset=gbk>".to_vec();
        b.extend(gbk(SIMPLIFIED));
        b.push(0xFF);
        b.extend(gbk(SIMPLIFIED));
        let d = decode(&b, &NO_HINTS);
        assert_eq!(d.encoding, GBK);
        assert_eq!(d.source, EncodingSource::Meta);
        assert_eq!(d.malformed, 1);
    }

    #[test]
    fn ascii_is_borrowed_with_declaration() {
        let d = decode(b"<meta charset=gbk>hello", &NO_HINTS);
        assert_eq!(d.encoding, GBK);
        assert!(matches!(d.text, Cow::Borrowed(_)));
        let d = decode(b"", &NO_HINTS);
        assert_eq!(d.source, EncodingSource::Fallback);
    }

    #[test]
    fn utf16_declaration_means_utf8() {
        assert_eq!(prescan_meta(b"<meta charset=utf-16le>"), Some(UTF_8));
        assert_eq!(prescan_meta(b"<meta charset=x-user-defined>"), Some(WINDOWS_1252));
        assert_eq!(prescan_meta(b"<meta charset=nonsense>"), None);
        assert_eq!(prescan_meta(b"<metadata charset=gbk>"), None);
    }

    #[test]
    fn tlds_are_sanitized() {
        assert_eq!(url_tld(Some("http://www.gov.CN/x")).as_deref(), Some("cn"));
        assert_eq!(url_tld(Some("https://user@a.b.tw:8080/")).as_deref(), Some("tw"));
        assert_eq!(url_tld(Some("http://例子.中国/")), None);
        assert_eq!(url_tld(Some("")), None);
    }

    #[test]
    fn cn_tld_prefers_gbk_for_ambiguous_bytes() {
        // 通知 in GBK happens to be valid UTF-8 (two two-byte sequences).
        assert!(std::str::from_utf8(&gbk("通知")).is_ok());
        let short = gbk("通知");
        let d = decode(&short, &DecodeHints { http_charset: None, url: Some("http://a.gov.cn/") });
        assert_eq!(d.text, "通知");
        let bytes = gbk("通知公告");
        let d = decode(&bytes, &DecodeHints { http_charset: None, url: Some("http://a.gov.cn/") });
        assert_eq!(d.text, "通知公告");
    }
}
