//! HTML pages: one parse, one walk that cuts the page into text segments and records
//! per-node statistics ([`walk`]), a Readability-style choice of the article's container
//! ([`region`]), the headline ([`title`]) and the metadata around it, then a keep-or-drop
//! decision for every segment ([`segments`]). What the page declares in its head
//! (`<title>`, `<meta>`, JSON-LD) is read by [`crate::head`].

mod region;
mod segments;
mod title;
mod walk;

use crate::date;
use crate::dom::{Dom, NONE};
use crate::fields::{self, SiteEvidence, parse_meta_line};
use crate::finish::{Draft, by, finish, rank};
use crate::head::{Head, LdInfo, ld_info, title_parts};
use crate::lexicon::Lexicon;
use crate::names::Evidence;
use crate::{Article, PageHints};

use region::Stats;
use walk::Walk;

/// Extracts the article from an HTML page, stage by stage.
pub(crate) fn extract(lex: &Lexicon, page: &str, hints: &PageHints<'_>) -> Article {
    let dom = Dom::parse(page);
    let mut w = Walk::new(&dom, lex);
    w.run();
    let st = region::compute_stats(&w);
    let region = region::choose_region(&w, &st);
    let mut d = Draft::new();
    page_warnings(page, &dom, &mut d);
    let decl = Declared::new(lex, &w.head);
    let mut lay = Layout::new(&w, &st, region);
    headline(&w, lex, &decl, &mut lay, &mut d);
    header_metadata(&w, lex, &mut lay, &mut d);
    let kept = segments::classify(&w, &st, lex, &lay, &mut d);
    segments::join_rows(&w, &kept, &mut d);
    markup_metadata(&w, lex, &decl, &lay, hints, &mut d);
    if lay.region.is_empty() {
        d.warnings.push("no article found: no block of the page has sentence-like text".to_owned());
    }
    finish(lex, d)
}

/// Warnings about the page as a whole: cut short, or nested too deep to read whole.
fn page_warnings(page: &str, dom: &Dom, d: &mut Draft) {
    if ends_early(page) {
        d.warnings.push(
            "the page ends before </body> and </html>: it looks truncated; the text up to its end is kept"
                .to_owned(),
        );
    }
    if dom.truncated {
        d.warnings.push(format!(
            "elements nest deeper than {} levels: the page was read up to that point",
            crate::dom::MAX_DEPTH
        ));
    }
}

/// Whether a page that opens `<html>` or `<body>` (in its first 4 KB) never closes either:
/// a download cut short.
fn ends_early(page: &str) -> bool {
    let b = page.as_bytes();
    // searched from the end, where end tags stand: a whole page is rarely walked
    let has = |hay: &[u8], tag: &[u8]| {
        memchr::memrchr_iter(b'<', hay)
            .any(|i| hay.get(i + 1..i + 1 + tag.len()).is_some_and(|t| t.eq_ignore_ascii_case(tag)))
    };
    let head = b.get(..b.len().min(4096)).unwrap_or(b);
    (has(head, b"html") || has(head, b"body")) && !has(b, b"/html") && !has(b, b"/body")
}

/// What the head declares, read once.
struct Declared {
    ld: LdInfo,
    /// The `<title>`, when not empty.
    head_title: Option<String>,
    /// `og:title` or `twitter:title`.
    og_title: Option<String>,
}

impl Declared {
    fn new(lex: &Lexicon, head: &Head) -> Declared {
        Declared {
            ld: ld_info(lex, head),
            head_title: head.title.clone().filter(|t| !t.is_empty()),
            og_title: head.meta(&["og:title", "twitter:title"]).map(str::to_owned),
        }
    }

    /// The title the headline is looked for with: `<title>`, else `og:title`, else JSON-LD's.
    fn title_ref(&self) -> Option<&str> {
        self.head_title.as_deref().or(self.og_title.as_deref()).or(self.ld.headline.as_deref())
    }
}

/// Where the article sits among the walk's segments.
struct Layout {
    /// The container and its sibling parts.
    region: Vec<u32>,
    /// Per segment: inside the region.
    in_region: Vec<bool>,
    /// The region's first and last segments.
    first: usize,
    last: usize,
    /// The region's parent, and the characters of the region.
    root: u32,
    root_chars: u32,
    /// Where the article's sentences start (past a headline or metadata block inside it).
    body_start: usize,
    /// The headline's segment.
    title_seg: Option<usize>,
    /// Where metadata lines above the article start.
    zone_start: usize,
    /// Per segment: read as metadata.
    consumed: Vec<bool>,
}

impl Layout {
    fn new(w: &Walk<'_>, st: &Stats, region: Vec<u32>) -> Layout {
        let mut in_region = vec![false; w.segs.len()];
        for &r in &region {
            for i in w.seg_range(r) {
                if let Some(x) = in_region.get_mut(i) {
                    *x = true;
                }
            }
        }
        let first = in_region.iter().position(|&x| x).unwrap_or(w.segs.len());
        let last = in_region.iter().rposition(|&x| x).unwrap_or(first);
        let root = region.first().map_or(NONE, |&r| w.dom.parent(r));
        let root_chars: u32 =
            region.iter().map(|&r| st.counts.get(r as usize).map_or(0, |c| c.chars)).sum();
        let body_start = (first..w.segs.len())
            .find(|&i| {
                in_region.get(i).copied().unwrap_or(false)
                    && w.segs.get(i).is_some_and(|s| {
                        ((s.counts.punct >= 2 && s.counts.units() >= 30.0)
                            || w.seg_text(s).ends_with(['。', '！', '？', '!', '?', '.']))
                            && s.counts.units() >= 15.0
                            && s.heading == 0
                    })
            })
            .unwrap_or(first);
        let consumed = vec![false; w.segs.len()];
        Layout {
            region,
            in_region,
            first,
            last,
            root,
            root_chars,
            body_start,
            title_seg: None,
            zone_start: body_start.saturating_sub(8),
            consumed,
        }
    }

    fn in_region(&self, i: usize) -> bool {
        self.in_region.get(i).copied().unwrap_or(false)
    }

    fn consumed(&self, i: usize) -> bool {
        self.consumed.get(i).copied().unwrap_or(false)
    }

    fn consume(&mut self, i: usize) {
        if let Some(c) = self.consumed.get_mut(i) {
            *c = true;
        }
    }
}

/// The headline: the heading the `<title>` names, else the line above the article, else
/// what the head declares; and the names opening headline lines above the article.
fn headline(w: &Walk<'_>, lex: &Lexicon, decl: &Declared, lay: &mut Layout, d: &mut Draft) {
    let found = title::find_title(w, lex, lay.first, decl.title_ref())
        .or_else(|| title::title_above(w, lex, lay.body_start));
    lay.title_seg = found.as_ref().map(|(i, _)| *i);
    d.title = found
        .map(|(_, t)| t)
        .or_else(|| decl.og_title.clone())
        .or_else(|| decl.ld.headline.clone())
        .or_else(|| {
            decl.head_title.as_deref().and_then(|t| {
                title_parts(lex, t).into_iter().max_by_key(|p| p.chars().count()).map(str::to_owned)
            })
        });
    title::headline_names(
        w,
        lay.body_start.saturating_sub(30),
        lay.body_start,
        &mut d.headline_names,
    );
    // Metadata lines sit between the headline and the article (or, when the headline sits
    // in the article, in the few lines above it).
    lay.zone_start = match lay.title_seg {
        Some(t) if t < lay.body_start => t + 1,
        _ => lay.body_start.saturating_sub(8),
    };
}

/// The metadata printed around the headline: a date line just above it, the lines between
/// it and the article, a byline alone on a line, a `<time datetime>` there.
fn header_metadata(w: &Walk<'_>, lex: &Lexicon, lay: &mut Layout, d: &mut Draft) {
    label_pairs(w, lex, lay, d);
    if let Some(t) = lay.title_seg {
        for i in t.saturating_sub(3)..t {
            if let Some(s) = w.segs.get(i)
                && !lay.consumed(i)
                && let Some(m) = parse_meta_line(lex, w.seg_text(s))
            {
                d.absorb(m, rank::TOP);
                lay.consume(i);
            }
        }
    }
    for i in lay.zone_start..lay.body_start.min(w.segs.len()) {
        let Some(s) = w.segs.get(i) else { continue };
        if lay.consumed(i) {
            continue;
        }
        if let Some(m) = parse_meta_line(lex, w.seg_text(s)) {
            d.absorb(m, rank::HEADER);
            lay.consume(i);
        }
    }
    lone_byline(w, lex, lay, d);
    for (pos, t) in &w.head.times {
        let lo = w.segs.get(lay.zone_start).map_or(0, |s| s.pos);
        let hi = w.segs.get(lay.body_start + 3).map_or(u32::MAX, |s| s.pos);
        if (lo..=hi).contains(pos)
            && let Some(dt) = date::parse_machine(t)
        {
            d.offer_date(dt, rank::HEADER);
            break;
        }
    }
}

/// Labels and their values in separate cells or blocks (`<td>发布日期：</td><td>2020-02-11</td>`,
/// a government page's information table above the headline): read as one metadata line.
fn label_pairs(w: &Walk<'_>, lex: &Lexicon, lay: &mut Layout, d: &mut Draft) {
    let from = lay.title_seg.map_or(lay.zone_start, |t| t.saturating_sub(12).min(lay.zone_start));
    let to = (lay.body_start + 2).min(w.segs.len());
    let mut i = from;
    while i + 1 < to {
        let (Some(s), Some(next)) = (w.segs.get(i), w.segs.get(i + 1)) else { break };
        if let Some(label) = fields::lone_label(lex, w.seg_text(s))
            && next.counts.chars <= 60
            && fields::lone_label(lex, w.seg_text(next)).is_none()
            && let Some(m) = parse_meta_line(lex, &format!("{label}：{}", w.seg_text(next)))
        {
            let above = lay.title_seg.is_some_and(|t| i < t);
            d.absorb(m, if above { rank::TOP } else { rank::HEADER });
            lay.consume(i);
            lay.consume(i + 1);
            i += 2;
            continue;
        }
        i += 1;
    }
}

/// A byline alone on a line between the headline and the article.
fn lone_byline(w: &Walk<'_>, lex: &Lexicon, lay: &mut Layout, d: &mut Draft) {
    let Some(t) = lay.title_seg.filter(|&t| t < lay.first) else { return };
    let idx: Vec<usize> = (t + 1..(lay.first + 2).min(w.segs.len()))
        .filter(|&i| !lay.consumed.get(i).copied().unwrap_or(true))
        .filter(|&i| w.segs.get(i).is_some_and(|s| s.link_chars * 2 <= s.counts.chars))
        .collect();
    let texts: Vec<&str> =
        idx.iter().filter_map(|&i| w.segs.get(i)).map(|s| w.seg_text(s)).collect();
    if let Some(j) = fields::lone_byline(lex, &d.headline_names, &texts)
        .and_then(|k| idx.get(k).copied())
        .filter(|&j| j < lay.first)
    {
        d.offer_author(w.segs.get(j).map(|s| w.seg_text(s).trim().to_owned()), by::LONE);
        lay.consume(j);
    }
}

/// What the markup declares, below the printed evidence: `meta`/JSON-LD dates, a bare date
/// near the headline, the URL's date, a declared author (not the site's brand), the blog's
/// owner, the site's name and the canonical URL.
fn markup_metadata(
    w: &Walk<'_>,
    lex: &Lexicon,
    decl: &Declared,
    lay: &Layout,
    hints: &PageHints<'_>,
    d: &mut Draft,
) {
    let head = &w.head;
    if let Some(dt) = head
        .meta(lex.list(crate::tables::List::PublishedMetaKey))
        .and_then(date::parse_machine)
        .or_else(|| decl.ld.published.as_deref().and_then(date::parse_machine))
    {
        d.offer_date(dt, rank::MARKUP);
    }
    // a bare date printed near the headline
    for i in lay.zone_start..lay.body_start.min(w.segs.len()) {
        if let Some(s) = w.segs.get(i)
            && s.counts.chars <= 80
            && let Some(f) = date::find_dates(w.seg_text(s)).first()
        {
            d.offer_date(f.date, rank::BARE);
            break;
        }
    }
    let url = head.canonical.as_deref().or(head.meta(&["og:url"])).or(hints.url);
    if let Some(dt) = url.and_then(date::url_date) {
        d.offer_date(dt, rank::URL);
    }
    d.offer_author(markup_author(lex, head, decl, hints), by::MARKUP);
    title::blog_authors(w, lex, d, decl.head_title.as_deref(), lay.first);
    if let Some(s) =
        head.meta(&["og:site_name", "application-name"]).or(decl.ld.publisher.as_deref())
    {
        d.sites.push((s.to_owned(), SiteEvidence::Declared));
    }
    if let Some(t) = decl.head_title.as_deref() {
        let parts = title_parts(lex, t);
        if parts.len() > 1
            && let Some(last) = parts.iter().rev().find(|p| !lex.is_generic(p))
            && last.chars().count() <= 16
        {
            d.sites.push(((*last).to_owned(), SiteEvidence::Weak));
        }
    }
    d.url = head
        .canonical
        .clone()
        .or_else(|| head.meta(&["og:url"]).map(str::to_owned))
        .or(decl.ld.url.clone())
        .or(d.url.take())
        .filter(|u| u.starts_with("http"));
}

/// A declared author, unless it is the site's own brand (网易, chinanews) or a code.
fn markup_author(
    lex: &Lexicon,
    head: &Head,
    decl: &Declared,
    hints: &PageHints<'_>,
) -> Option<String> {
    let brand_text = [
        decl.head_title.as_deref(),
        head.meta(&["og:site_name", "application-name", "copyright", "publisher"]),
        decl.ld.publisher.as_deref(),
        head.canonical.as_deref(),
        hints.url,
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ")
    .to_lowercase();
    decl.ld
        .author
        .clone()
        .or_else(|| head.meta(&["author", "article:author", "dc.creator"]).map(str::to_owned))
        .filter(|a| {
            (lex.names().is_person_list(a) || fields::credit_ok(lex, a, Evidence::Labelled))
                && !brand_text.contains(&a.to_lowercase())
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Reason;

    fn run(html: &str) -> Article {
        extract(
            &Lexicon::new(&crate::tables::Tables::default()).unwrap(),
            html,
            &PageHints::default(),
        )
    }

    const PAGE: &str = r#"<html><head><title>市政府召开疫情防控工作会议_某某新闻网</title>
<meta name="description" content="x"></head><body>
<div id="nav"><ul><li><a href="/">首页</a></li><li><a href="/a">新闻</a></li><li><a href="/b">政务</a></li></ul></div>
<div class="main"><h1>市政府召开疫情防控工作会议</h1>
<div class="info">发布时间：2022-03-14 14:07 来源：某某日报 作者：张三</div>
<div class="article-content">
<p>3月13日，市政府召开疫情防控工作会议，传达学习上级会议精神，安排部署下一阶段工作。</p>
<p>会议指出，当前疫情防控形势依然严峻复杂，各级各部门要坚决克服麻痹思想、厌战情绪、侥幸心理。</p>
<p>会议要求，要严格落实核酸检测、健康监测等各项措施，确保各项防控措施落地见效。</p>
<div class="share">分享到：微信 微博</div>
</div>
<div class="related"><h3>相关新闻</h3><ul><li><a href="/1">某地召开会议部署防控工作</a></li><li><a href="/2">某地开展核酸检测</a></li></ul></div>
</div>
<div class="footer">Copyright © 2022 某某新闻网 版权所有 京ICP备12345678号</div>
<script>var x = "不应出现";</script>
</body></html>"#;

    #[test]
    fn finds_article_and_metadata() {
        let a = run(PAGE);
        assert_eq!(a.title.as_deref(), Some("市政府召开疫情防控工作会议"));
        assert_eq!(a.published.map(|d| d.to_string()).as_deref(), Some("2022-03-14T14:07:00"));
        assert_eq!(a.source.as_deref(), Some("某某日报"));
        assert_eq!(a.author.as_deref(), Some("张三"));
        assert_eq!(a.site.as_deref(), Some("某某新闻网"));
        assert_eq!(a.paragraphs.len(), 3, "{:?}", a.paragraphs);
        assert!(a.paragraphs[0].starts_with("3月13日"));
        let all = format!("{a:?}");
        assert!(!all.contains("不应出现"));
        assert!(a.removed.iter().any(|r| r.reason == Reason::Share));
        assert!(a.removed.iter().any(|r| r.reason == Reason::Icp || r.reason == Reason::Copyright));
    }

    #[test]
    fn br_separated_paragraphs() {
        let a = run("<html><body><table><tr><td class=nav><a href=/>首页</a></td></tr><tr><td>\
            第一段文字，讲述了会议的主要内容和要求，措施要落实到位。<br><br>\
            第二段文字，介绍了下一步的工作安排，各部门要协同配合。<br>\
            第三段文字，强调了责任落实，确保各项工作取得实效。</td></tr></table></body></html>");
        assert_eq!(a.paragraphs.len(), 3, "{:?}", a.paragraphs);
    }

    #[test]
    fn empty_page_warns() {
        let a = run("<html><body><a href=/>首页</a></body></html>");
        assert!(a.paragraphs.is_empty());
        assert_eq!(a.warnings, ["no article found: no block of the page has sentence-like text"]);
        assert_eq!(a.removed.len(), 1);
        assert_eq!((a.removed[0].reason, a.removed[0].text.as_str()), (Reason::Navigation, "首页"));
    }

    #[test]
    fn a_page_cut_short_is_reported() {
        let page = "<html><body><div class=content><p>第一段文字，讲述了会议的主要内容和要求，措施要落实到位。</p>\
            <p>第二段文字，介绍了下一步的工作安排，各部门要协同";
        let a = run(page);
        assert!(a.warnings.iter().any(|w| w.contains("truncated")), "{:?}", a.warnings);
        assert!(a.paragraphs.iter().any(|p| p.starts_with("第一段")), "{:?}", a.paragraphs);
        let whole = format!("{page}配合。</p></div></BODY></html>");
        assert!(run(&whole).warnings.is_empty());
        assert!(!ends_early("<p>a fragment without html or body</p>"));
    }

    /// A government document's number, in its metadata table or under its headline.
    #[test]
    fn document_numbers() {
        let a = run("<html><head><title>关于调整防控措施的通知_某县人民政府</title></head><body>\
            <table class=xxgk><tr><td>索引号：11140000/2022-00012</td><td>发文字号：某政办发〔2022〕12号</td></tr>\
            <tr><td>发布日期：2022-10-06</td></tr></table>\
            <div class=content><h1>关于调整防控措施的通知</h1>\
            <p>各乡镇人民政府，县直各单位：</p>\
            <p>为进一步做好疫情防控工作，经县政府同意，现将有关事项通知如下。</p>\
            <p>一、全县各类学校恢复线下教学，严格落实晨午检制度和因病缺勤追踪登记制度。</p>\
            </div></body></html>");
        assert_eq!(a.title.as_deref(), Some("关于调整防控措施的通知"));
        assert_eq!(a.doc_number.as_deref(), Some("某政办发〔2022〕12号"), "{:?}", a.removed);
        let a = run("<html><body><div class=content><h1>关于划定风险区域的通告</h1>\
            <p>（第28号）</p>\
            <p>根据疫情防控需要，经县疫情防控工作领导小组研究决定，现将有关事项通告如下。</p>\
            <p>一、自即日起，将某某小区划定为高风险区，实行足不出户、上门服务等管控措施。</p>\
            </div></body></html>");
        assert_eq!(a.doc_number.as_deref(), Some("第28号"));
        assert!(a.paragraphs.iter().all(|p| !p.contains("第28号")), "{:?}", a.paragraphs);
    }

    /// The site's name as a heading above the headline, also ending the `<title>`.
    #[test]
    fn site_name_heading_is_no_headline() {
        let a = run("<html><head><title>春耕备耕有序推进 北方江城网</title></head><body>\
            <h1>北方江城网</h1><div class=content><h2>春耕备耕有序推进</h2>\
            <p>连日来，全县各乡镇抢抓农时，组织农民开展春耕备耕，确保不误农时。</p>\
            <p>县农业农村局派出技术人员深入田间地头，指导农户科学施肥、合理播种。</p>\
            </div></body></html>");
        assert_eq!(a.title.as_deref(), Some("春耕备耕有序推进"));
    }

    #[test]
    fn title_parts_split() {
        let lex = Lexicon::new(&crate::tables::Tables::default()).unwrap();
        assert_eq!(crate::head::title_parts(&lex, "标题_频道_某某网"), ["标题", "频道", "某某网"]);
        assert_eq!(
            crate::head::title_parts(&lex, "春耕 备耕 北方江城网"),
            ["春耕 备耕", "北方江城网"]
        );
        assert_eq!(crate::head::title_parts(&lex, "春耕 备耕"), ["春耕 备耕"]);
        assert_eq!(crate::head::title_parts(&lex, "标题 - 某某网"), ["标题", "某某网"]);
    }
}
