//! The tables are written once, in Simplified, and pages in either script are read alike:
//! the Traditional spellings of every entry are derived when the extractor is built.
#![allow(clippy::unwrap_used)]

use zhengling_boilerplate::{ExtractorBuilder, Format, PageHints, Reason, Table, TableId};
use zhengling_normalize::NormalizerBuilder;

/// No entry of the crate's own tables is written in Traditional: no line holds a character
/// only the Traditional script uses.
#[test]
fn tables_are_written_in_simplified() {
    let n = NormalizerBuilder::new().build().unwrap();
    for t in Table::ALL {
        for (i, line) in t.default_text().lines().enumerate() {
            if line.starts_with('#') {
                continue;
            }
            let profile = n.analyze(line);
            assert_eq!(
                profile.traditional,
                0,
                "{} line {} is not Simplified: {line}",
                t.file(),
                i + 1
            );
        }
    }
}

/// One page, two scripts: the same removed blocks, the same reasons, the same fields.
const SIMPLIFIED_PAGE: &str = r#"<html><head><title>市政府召开疫情防控工作会议_某某新闻网</title></head><body>
<div class="crumb">当前位置：首页 > 新闻 > 本地</div>
<div class="main"><h1>市政府召开疫情防控工作会议</h1>
<div class="info">发布时间：2022-03-14 14:07 来源：某某日报 作者：王小明</div>
<div class="article-content">
<p>3月13日，市政府召开疫情防控工作会议，传达学习上级会议精神，安排部署下一阶段工作。</p>
<p>会议指出，当前疫情防控形势依然严峻复杂，各级各部门要坚决克服麻痹思想、厌战情绪。</p>
<p>会议要求，要严格落实核酸检测、健康监测等各项措施，确保各项防控措施落地见效。</p>
<p>（责任编辑：李华）</p>
</div>
<div><h3>相关阅读</h3><p><a href="/1">某地召开会议部署防控工作</a></p></div>
</div>
<div class="footer">版权所有 某某新闻网 未经授权禁止转载</div>
</body></html>"#;

const TRADITIONAL_PAGE: &str = r#"<html><head><title>市政府召開疫情防控工作會議_某某新聞網</title></head><body>
<div class="crumb">當前位置：首頁 > 新聞 > 本地</div>
<div class="main"><h1>市政府召開疫情防控工作會議</h1>
<div class="info">發佈時間：2022-03-14 14:07 來源：某某日報 作者：王小明</div>
<div class="article-content">
<p>3月13日，市政府召開疫情防控工作會議，傳達學習上級會議精神，安排部署下一階段工作。</p>
<p>會議指出，當前疫情防控形勢依然嚴峻複雜，各級各部門要堅決克服麻痹思想、厭戰情緒。</p>
<p>會議要求，要嚴格落實核酸檢測、健康監測等各項措施，確保各項防控措施落地見效。</p>
<p>（責任編輯：李華）</p>
</div>
<div><h3>相關閱讀</h3><p><a href="/1">某地召開會議部署防控工作</a></p></div>
</div>
<div class="footer">版權所有 某某新聞網 未經授權禁止轉載</div>
</body></html>"#;

fn shape(page: &str, format: Format) -> (usize, Vec<Reason>, [Option<String>; 5]) {
    let ex = ExtractorBuilder::new().build().unwrap();
    let a = ex.extract(page, format, &PageHints::default()).unwrap();
    let reasons = a.removed.iter().map(|r| r.reason).collect();
    let fields = [
        a.published.map(|d| d.to_string()),
        a.source.map(|s| s.chars().count().to_string()),
        a.author,
        a.editor.map(|s| s.chars().count().to_string()),
        a.site.map(|s| s.chars().count().to_string()),
    ];
    (a.paragraphs.len(), reasons, fields)
}

#[test]
fn a_traditional_html_page_is_read_like_its_simplified_twin() {
    let s = shape(SIMPLIFIED_PAGE, Format::Html);
    assert_eq!(s.0, 3, "{s:?}");
    for r in [Reason::Breadcrumb, Reason::Metadata, Reason::RelatedLinks, Reason::Copyright] {
        assert!(s.1.contains(&r), "{r:?} in {s:?}");
    }
    assert_eq!(s.2[0].as_deref(), Some("2022-03-14T14:07:00"));
    assert_eq!(s.2[2].as_deref(), Some("王小明"));
    assert_eq!(shape(TRADITIONAL_PAGE, Format::Html), s);
}

#[test]
fn a_traditional_text_page_is_read_like_its_simplified_twin() {
    // the pages as a WET record renders them: one block a line, no tags
    let text = |html: &str| {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => {
                    in_tag = false;
                    out.push('\n');
                }
                _ if !in_tag => out.push(c),
                _ => {}
            }
        }
        out
    };
    let s = shape(&text(SIMPLIFIED_PAGE), Format::Text);
    assert!(s.0 >= 3, "{s:?}");
    assert!(s.1.contains(&Reason::Breadcrumb) && s.1.contains(&Reason::Metadata), "{s:?}");
    assert_eq!(s.2[0].as_deref(), Some("2022-03-14T14:07:00"));
    assert_eq!(shape(&text(TRADITIONAL_PAGE), Format::Text), s);
}
