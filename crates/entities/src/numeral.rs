//! Numerals: Arabic, Chinese and mixed (`3.4万`, `60余万`, `十万零一千`), parsed exactly.

use crate::text::char_at;
use crate::types::Number;

/// How a numeral is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumKind {
    /// Arabic digits, maybe with Chinese multipliers (`6274.7万`).
    Arabic,
    /// A positional Chinese numeral (`一千二百`, `两千`).
    Chinese,
    /// Chinese digits read one by one (`二〇二二`).
    Naive,
}

/// One numeral in a text.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NumTok {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The exact value (zero when `overflow`).
    pub value: Number,
    /// How it is written.
    pub kind: NumKind,
    /// Integer digits as written (Arabic and naive numerals).
    pub int_digits: u32,
    /// Whether a decimal part was written.
    pub decimal: bool,
    /// Whether a multiplier (`万`, `亿`, `千`, `百`) scaled it.
    pub multiplied: bool,
    /// Whether `余` or `多` stands inside it (`60余万`).
    pub approx_infix: bool,
    /// Too many digits to be a number (an identifier).
    pub overflow: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cls {
    Digit(u8),
    Cn(u8),
    Liang,
    Unit(u32),
    Big(u32),
    Other,
}

fn cls(c: char) -> Cls {
    match c {
        '0'..='9' => Cls::Digit(c as u8 - b'0'),
        '０'..='９' => Cls::Digit(u8::try_from(u32::from(c) - u32::from('０')).unwrap_or(0)),
        '〇' | '零' => Cls::Cn(0),
        '一' | '壹' => Cls::Cn(1),
        '二' | '贰' | '貳' => Cls::Cn(2),
        '两' | '兩' => Cls::Liang,
        '三' | '叁' | '參' => Cls::Cn(3),
        '四' | '肆' => Cls::Cn(4),
        '五' | '伍' => Cls::Cn(5),
        '六' | '陆' | '陸' => Cls::Cn(6),
        '七' | '柒' => Cls::Cn(7),
        '八' | '捌' => Cls::Cn(8),
        '九' | '玖' => Cls::Cn(9),
        '十' | '拾' => Cls::Unit(1),
        '百' | '佰' => Cls::Unit(2),
        '千' | '仟' => Cls::Unit(3),
        '万' | '萬' => Cls::Big(4),
        '亿' | '億' => Cls::Big(8),
        _ => Cls::Other,
    }
}

fn pow10(p: u32) -> i128 {
    10i128.checked_pow(p).unwrap_or(i128::MAX)
}

/// Positional Chinese numeral (`一千二百`, `十万零一千`, `三万四`), exact.
fn parse_positional(cs: &[Cls]) -> Option<i128> {
    let mut total: i128 = 0;
    let mut section: i128 = 0;
    let mut small: i128 = 0;
    let mut digit: Option<i128> = None;
    let mut last_small_unit = 4u32;
    let mut last_unit = 0u32;
    let mut last_big = 16u32;
    let mut zero = false;
    let mut any = false;
    for &c in cs {
        match c {
            Cls::Cn(0) => {
                if digit.is_some() {
                    return None;
                }
                zero = true;
            }
            Cls::Cn(d) => {
                if digit.is_some() {
                    return None;
                }
                digit = Some(i128::from(d));
                any = true;
            }
            Cls::Liang => {
                if digit.is_some() {
                    return None;
                }
                digit = Some(2);
                any = true;
            }
            Cls::Unit(p) => {
                if p >= last_small_unit {
                    return None;
                }
                let n = match digit {
                    Some(n) => n,
                    None if p == 1 => 1,
                    None => return None,
                };
                small = small.checked_add(n.checked_mul(pow10(p))?)?;
                digit = None;
                last_small_unit = p;
                last_unit = p;
                zero = false;
                any = true;
            }
            Cls::Big(p) => {
                let group = small.checked_add(digit.unwrap_or(0))?;
                if p == 4 {
                    if group == 0 || last_big <= 4 {
                        return None;
                    }
                    section = section.checked_add(group.checked_mul(pow10(4))?)?;
                } else {
                    let g = section.checked_add(group)?;
                    if g == 0 {
                        return None;
                    }
                    total = total.checked_add(g.checked_mul(pow10(8))?)?;
                    section = 0;
                }
                last_big = p;
                small = 0;
                digit = None;
                last_small_unit = 4;
                last_unit = p;
                zero = false;
            }
            Cls::Digit(_) | Cls::Other => return None,
        }
    }
    if !any {
        return None;
    }
    let tail = match digit {
        Some(d) if !zero && last_unit >= 1 => d.checked_mul(pow10(last_unit - 1))?,
        Some(d) => d,
        None => 0,
    };
    total.checked_add(section)?.checked_add(small)?.checked_add(tail)
}

/// Chinese digits read one by one (`二〇二二`), at least two of them.
fn parse_naive(cs: &[Cls]) -> Option<i128> {
    if cs.len() < 2 || cs.len() > 18 {
        return None;
    }
    let mut v: i128 = 0;
    for &c in cs {
        let Cls::Cn(d) = c else { return None };
        v = v * 10 + i128::from(d);
    }
    Some(v)
}

fn is_approx_infix(c: char) -> bool {
    c == '余' || c == '多'
}

/// Characters after `千`/`百` that make it part of a unit (`千米`, `百分点`), not a multiplier.
fn unit_after_multiplier(c: Option<char>) -> bool {
    matches!(c, Some('米' | '克' | '瓦' | '分' | '帕' | '伏' | '赫' | '卡' | '焦' | '字'))
}

/// The digits of an Arabic numeral's integer part at `pos`, with grouping commas.
struct IntPart {
    end: usize,
    mant: i128,
    digits: u32,
    overflow: bool,
}

fn integer_part(text: &str, start: usize) -> IntPart {
    let mut x = IntPart { end: start, mant: 0, digits: 0, overflow: false };
    let mut group_len = 0u32;
    let mut grouped = false;
    loop {
        match char_at(text, x.end) {
            Some(c) if matches!(cls(c), Cls::Digit(_)) => {
                let Cls::Digit(d) = cls(c) else { break };
                match x.mant.checked_mul(10).and_then(|m| m.checked_add(i128::from(d))) {
                    Some(m) if x.digits < 30 => x.mant = m,
                    _ => x.overflow = true,
                }
                x.digits += 1;
                group_len += 1;
                x.end += c.len_utf8();
            }
            Some(',')
                if (grouped && group_len == 3) || (!grouped && (1..=3).contains(&group_len)) =>
            {
                // a grouping comma needs exactly three digits after it
                let rest = text.get(x.end + 1..).unwrap_or("");
                let b = rest.as_bytes();
                let three = b.len() >= 3 && b[..3].iter().all(u8::is_ascii_digit);
                let fourth = b.get(3).is_some_and(u8::is_ascii_digit);
                if three && !fourth {
                    grouped = true;
                    group_len = 0;
                    x.end += 1;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    x
}

/// The decimals after the integer part, folded into its mantissa: the scale, or 0 when no
/// decimals follow (`2022.10.08` and `1.2.3` are dates or versions, not decimals).
fn fraction_part(text: &str, x: &mut IntPart) -> u32 {
    let Some(dot @ ('.' | '．')) = char_at(text, x.end) else { return 0 };
    let mut p = x.end + dot.len_utf8();
    let mut frac = 0u32;
    let mut m = x.mant;
    let mut overflow = false;
    while let Some(c) = char_at(text, p) {
        let Cls::Digit(d) = cls(c) else { break };
        if let Some(v) = m.checked_mul(10).and_then(|v| v.checked_add(i128::from(d))) {
            m = v;
        } else {
            overflow = true;
        }
        frac += 1;
        p += c.len_utf8();
    }
    x.overflow |= overflow;
    let dotted_again = matches!(char_at(text, p), Some('.' | '．'))
        && char_at(text, p + 1).is_some_and(|c| c.is_ascii_digit());
    if frac > 0 && !dotted_again && frac <= 20 {
        x.mant = m;
        x.end = p;
        frac
    } else {
        0
    }
}

/// Chinese multipliers after a number (`万`, `亿`, `千`), with an infix `余`/`多` before
/// one (`60余万`): the power of ten, whether any, whether the infix stands, and the end.
fn multipliers(text: &str, mut pos: usize) -> (u32, bool, bool, usize) {
    let mut approx_infix = false;
    let mut power = 0u32;
    let mut multiplied = false;
    while let Some(c) = char_at(text, pos) {
        match cls(c) {
            Cls::Big(p) => {
                power += p;
                multiplied = true;
                pos += c.len_utf8();
            }
            Cls::Unit(p @ (2 | 3)) if !unit_after_multiplier(char_at(text, pos + c.len_utf8())) => {
                power += p;
                multiplied = true;
                pos += c.len_utf8();
            }
            _ if is_approx_infix(c) && !multiplied && !approx_infix => {
                // 60余万: only when a multiplier follows
                let next = char_at(text, pos + c.len_utf8());
                if next.is_some_and(|n| matches!(cls(n), Cls::Big(_))) {
                    approx_infix = true;
                    pos += c.len_utf8();
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    (power, multiplied, approx_infix, pos)
}

/// Reads an Arabic numeral at `start` (a digit), with grouping commas, decimals, an infix
/// `余`/`多` and Chinese multipliers.
fn scan_arabic(text: &str, start: usize) -> NumTok {
    let mut x = integer_part(text, start);
    let scale = fraction_part(text, &mut x);
    let (power, multiplied, approx_infix, end) = multipliers(text, x.end);
    let value = if x.overflow {
        Number::default()
    } else {
        Number::new(x.mant, scale).times_pow10(power).unwrap_or_default()
    };
    NumTok {
        start,
        end,
        value,
        kind: NumKind::Arabic,
        int_digits: x.digits,
        decimal: scale > 0,
        multiplied,
        approx_infix,
        overflow: x.overflow || (power > 0 && value == Number::default() && x.mant != 0),
    }
}

/// Reads a Chinese numeral starting at `start`; `None` when the run is not a number
/// (`千万` as in 千万不要, `十四五`). Returns the end of the run either way.
fn scan_chinese(text: &str, start: usize) -> (Option<NumTok>, usize) {
    let mut cs: Vec<Cls> = Vec::with_capacity(8);
    let mut pos = start;
    let mut approx_infix = false;
    let mut bigs = false;
    while let Some(c) = char_at(text, pos) {
        let k = cls(c);
        match k {
            Cls::Cn(_) | Cls::Liang | Cls::Unit(_) | Cls::Big(_) => {
                bigs |= matches!(k, Cls::Big(_));
                cs.push(k);
                pos += c.len_utf8();
            }
            _ if is_approx_infix(c) && !approx_infix && !cs.is_empty() => {
                let next = char_at(text, pos + c.len_utf8());
                if next.is_some_and(|n| matches!(cls(n), Cls::Big(_))) {
                    approx_infix = true;
                    pos += c.len_utf8();
                } else {
                    break;
                }
            }
            _ => break,
        }
        if cs.len() > 40 {
            break;
        }
    }
    let end = pos;
    // a lone financial numeral is a word (队伍, 拾取): 伍 alone is not five
    if cs.len() == 1
        && char_at(text, start).is_some_and(|c| "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟".contains(c))
    {
        return (None, end);
    }
    let tok = |value: i128, kind: NumKind, digits: u32| NumTok {
        start,
        end,
        value: Number::integer(value),
        kind,
        int_digits: digits,
        decimal: false,
        multiplied: bigs,
        approx_infix,
        overflow: false,
    };
    if let Some(v) = parse_positional(&cs) {
        return (Some(tok(v, NumKind::Chinese, 0)), end);
    }
    if !approx_infix && let Some(v) = parse_naive(&cs) {
        let n = u32::try_from(cs.len()).unwrap_or(u32::MAX);
        return (Some(tok(v, NumKind::Naive, n)), end);
    }
    (None, end)
}

/// Every numeral in `text`, in order, not overlapping.
pub(crate) fn scan(text: &str) -> Vec<NumTok> {
    let mut out = Vec::new();
    let mut pos = 0;
    let bytes = text.as_bytes();
    while pos < bytes.len() {
        let b = bytes[pos];
        if b.is_ascii_digit() {
            let t = scan_arabic(text, pos);
            pos = t.end.max(pos + 1);
            out.push(t);
            continue;
        }
        if b < 0x80 {
            pos += 1;
            continue;
        }
        let Some(c) = char_at(text, pos) else {
            pos += 1;
            continue;
        };
        match cls(c) {
            Cls::Digit(_) => {
                let t = scan_arabic(text, pos);
                pos = t.end.max(pos + c.len_utf8());
                out.push(t);
            }
            Cls::Cn(_) | Cls::Liang | Cls::Unit(1) => {
                let (t, end) = scan_chinese(text, pos);
                if let Some(t) = t {
                    out.push(t);
                }
                pos = end.max(pos + c.len_utf8());
            }
            _ => pos += c.len_utf8(),
        }
    }
    out
}

/// Parses `text` as exactly one numeral: Arabic (`1,208`, `6274.7`), Chinese (`一千二百`,
/// `两千`, `十万零一千`, `二〇二二`) or mixed (`3.4万`, `16.4亿`). Exact: no floating point.
///
/// ```
/// use zhengling_entities::{parse_numeral, Number};
/// assert_eq!(parse_numeral("6274.7万"), Some(Number::integer(62_747_000)));
/// assert_eq!(parse_numeral("十万零一千"), Some(Number::integer(101_000)));
/// assert_eq!(parse_numeral("3.4"), Some(Number::new(34, 1)));
/// assert_eq!(parse_numeral("统一"), None);
/// ```
pub fn parse_numeral(text: &str) -> Option<Number> {
    let t = text.trim();
    let toks = scan(t);
    match toks.as_slice() {
        [tok] if tok.start == 0 && tok.end == t.len() && !tok.overflow && !tok.approx_infix => {
            Some(tok.value)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> Option<i128> {
        parse_numeral(s).and_then(|v| v.as_integer())
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(n("一千二百"), Some(1200));
        assert_eq!(n("两千"), Some(2000));
        assert_eq!(n("十万零一千"), Some(101_000));
        assert_eq!(n("十"), Some(10));
        assert_eq!(n("十二"), Some(12));
        assert_eq!(n("二十三"), Some(23));
        assert_eq!(n("一百零九"), Some(109));
        assert_eq!(n("一百二"), Some(120));
        assert_eq!(n("三万四"), Some(34_000));
        assert_eq!(n("一亿五"), Some(150_000_000));
        assert_eq!(n("三亿五千万"), Some(350_000_000));
        assert_eq!(n("两万亿"), Some(2_000_000_000_000));
        assert_eq!(n("二〇二二"), Some(2022));
        assert_eq!(n("壹佰贰拾叁"), Some(123));
    }

    #[test]
    fn not_numbers() {
        assert_eq!(n("千万"), None);
        assert_eq!(n("十四五"), None);
        assert_eq!(n("万一"), None);
        assert_eq!(n("百"), None);
        assert_eq!(n("一一"), Some(11)); // naive reading; callers decide by context
    }

    #[test]
    fn arabic_and_mixed() {
        assert_eq!(n("6274.7万"), Some(62_747_000));
        assert_eq!(n("16.4亿"), Some(1_640_000_000));
        assert_eq!(n("1.2亿"), Some(120_000_000));
        assert_eq!(n("3500万"), Some(35_000_000));
        assert_eq!(n("1,208"), Some(1208));
        assert_eq!(n("3千万"), Some(30_000_000));
        assert_eq!(parse_numeral("124.9"), Some(Number::new(1249, 1)));
        assert_eq!(parse_numeral("１２"), Some(Number::integer(12)));
    }

    #[test]
    fn scan_finds_tokens_with_spans() {
        let t = "流调溯源队伍129支8735人、60余万人";
        let toks = scan(t);
        let texts: Vec<&str> = toks.iter().map(|k| &t[k.start..k.end]).collect();
        assert_eq!(texts, vec!["129", "8735", "60余万"]);
        assert!(toks[2].approx_infix);
        assert_eq!(toks[2].value, Number::integer(600_000));
    }

    #[test]
    fn dotted_dates_are_not_decimals() {
        let t = "2022.10.08";
        let toks = scan(t);
        assert_eq!(toks[0].end, 4);
        assert!(!toks[0].decimal);
    }

    #[test]
    fn units_after_thousand_are_kept() {
        let t = "3千米";
        let toks = scan(t);
        assert_eq!(toks[0].value, Number::integer(3));
        assert_eq!(toks[0].end, 1);
    }

    #[test]
    fn huge_runs_overflow_without_panic() {
        let t = "1".repeat(60);
        let toks = scan(&t);
        assert!(toks[0].overflow);
    }
}
