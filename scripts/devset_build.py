#!/usr/bin/env python3
"""Builds the flattened and news-page shapes of the development set from its line-kept pages.

devset/pages/NNN_lines.txt is the document as transcribed (title lines, a blank line, then the
text line by line). This writes NNN_flat.txt (every line break collapsed to one space, as
public data sets ship documents) and, for the documents listed in devset/wrappers.json,
NNN_news.html (the document inside a site's page: navigation, a 发布时间/来源 line, a related
list and a footer, written for this set). Run from the repository root; it is deterministic.
"""
import html
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent / "devset"
PAGES = ROOT / "pages"

RELATED = [
    ("关于做好春节后返岗人员健康管理的提示", "2020-02-03"),
    ("全市农贸市场恢复营业时间安排", "2020-03-12"),
    ("关于调整部分公交线路运营时间的公告", "2020-04-08"),
]


def parts(lines):
    """Title lines (before the first blank line) and text lines."""
    if "" in lines:
        i = lines.index("")
        return lines[:i], [l for l in lines[i + 1 :] if l]
    return lines[:1], [l for l in lines[1:] if l]


def paragraphs(text_lines, last_lines):
    out = []
    for i, l in enumerate(text_lines):
        style = ' style="text-align: right;"' if i >= len(text_lines) - last_lines else ""
        out.append(f"<p{style}>{html.escape(l)}</p>")
    return "\n".join(out)


def signature_lines(text_lines):
    """How many lines at the end are the signature and date (short lines after the body)."""
    n = 0
    for l in reversed(text_lines):
        if len(l) <= 40 and not l.endswith(("。", "！", "：", "；")):
            n += 1
        else:
            break
    return n


def related(style):
    items = "\n".join(
        f'<li><a href="/art/{i}.html">{html.escape(t)}</a><span>{d}</span></li>'
        for i, (t, d) in enumerate(RELATED)
    )
    label = "相关新闻" if style == "news" else "相关文章"
    return f'<div class="related"><h3>{label}</h3><ul>\n{items}\n</ul></div>'


def page(n, w, lines):
    title_lines, text = parts(lines)
    doc_title = "".join(t.replace(" ", "") for t in title_lines)
    site = w["site"]
    sig = signature_lines(text)
    nav = (
        '<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>'
        '<li><a href="/zxft/">在线访谈</a></li><li><a href="/bsfw/">办事服务</a></li>'
        '<li><a href="/hdjl/">互动交流</a></li></ul></div>'
    )
    footer = (
        f'<div class="footer"><p>主办单位：{html.escape(site)}办公室　版权所有</p>'
        "<p>网站标识码：4200000001　备案号：鄂ICP备05003214号</p>"
        '<p><a href="/sitemap.html">网站地图</a> | <a href="/contact.html">联系我们</a></p></div>'
    )
    head_title = w.get("headline", doc_title)
    if w["style"] == "news":
        body = (
            f'<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/news/">本地新闻</a> &gt; 正文</div>\n'
            f'<div class="article"><h1>{html.escape(w["headline"])}</h1>\n'
            f'<div class="info">{w["time"]}　来源：{html.escape(w["source"])}　'
            '<span class="share">分享到：微信 微博</span></div>\n<div class="content">\n'
            f'<p>{html.escape(w["lead"])}</p>\n'
            + "\n".join(f'<p style="text-align: center;">{html.escape(t)}</p>' for t in title_lines)
            + "\n"
            + paragraphs(text, sig)
            + '\n</div>\n<div class="editor">责任编辑：刘敏</div></div>\n'
        )
        meta = ""
    elif w["style"] == "a":
        body = (
            '<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; '
            '<a href="/zwgk/tzgg/">通知公告</a></div>\n'
            f'<div class="article"><h1>{html.escape(doc_title)}</h1>\n'
            f'<div class="info">发布时间：{w["time"]}　来源：{html.escape(w["source"])}　浏览次数：<span>1286</span></div>\n'
            '<div id="zoom">\n'
            + "\n".join(f'<p style="text-align: center;">{html.escape(t)}</p>' for t in title_lines[1:])
            + "\n"
            + paragraphs(text, sig)
            + '\n</div>\n<div class="tools"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div></div>\n'
        )
        meta = ""
    elif w["style"] == "b":
        body = (
            '<div class="crumb">首页 &gt; 政务公开 &gt; 应急管理</div>\n'
            f'<table class="article"><tr><td><h2>{html.escape(doc_title)}</h2></td></tr>\n'
            f'<tr><td class="info">信息来源：{html.escape(w["source"])} 信息提供日期：{w["time"]} 【字体：大 中 小】</td></tr>\n'
            '<tr><td class="content">\n'
            + "\n".join(f"<p>{html.escape(t)}</p>" for t in title_lines)
            + "\n"
            + paragraphs(text, sig)
            + "\n</td></tr></table>\n"
        )
        meta = f'<meta name="PubDate" content="{w["time"]}:00">\n'
    else:
        body = (
            '<div class="crumb">您的位置：首页 &gt; 信息公开 &gt; 公告公示</div>\n'
            f'<div class="detail"><div class="tit">{html.escape(doc_title)}</div>\n'
            f'<div class="sub">日期：{w["time"]}　来源：{html.escape(w["source"])}　【字体：<a>大</a> <a>中</a> <a>小</a>】</div>\n'
            '<div class="txt">\n'
            + "\n".join(f"<p>{html.escape(t)}</p>" for t in title_lines[1:])
            + "\n"
            + paragraphs(text, sig)
            + "\n</div></div>\n"
        )
        meta = ""
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{html.escape(head_title)}_{html.escape(site)}</title>\n{meta}</head>\n<body>\n"
        f'<div class="header"><div class="logo">{html.escape(site)}</div></div>\n{nav}\n{body}{related(w["style"])}\n{footer}\n</body>\n</html>\n'
    )


def main():
    wrappers = json.loads((ROOT / "wrappers.json").read_text(encoding="utf-8"))
    for src in sorted(PAGES.glob("*_lines.txt")):
        n = src.name.split("_")[0]
        lines = src.read_text(encoding="utf-8").split("\n")
        while lines and lines[-1] == "":
            lines.pop()
        flat = " ".join(l.strip() for l in lines if l.strip())
        (PAGES / f"{n}_flat.txt").write_text(flat + "\n", encoding="utf-8")
        if n in wrappers:
            (PAGES / f"{n}_news.html").write_text(page(n, wrappers[n], lines), encoding="utf-8")


if __name__ == "__main__":
    main()
