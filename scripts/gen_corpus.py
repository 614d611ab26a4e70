#!/usr/bin/env python3
"""Generates a synthetic crawl of Chinese government and news pages for benchmarks.

Usage: gen_corpus.py OUT_DIR [--pages N] [--seed S]

Writes OUT_DIR/pages/NNNNN.{html,txt} (UTF-8 and GBK HTML in six layouts, plus WET-style text
pages), OUT_DIR/crawl.warc.gz (the same pages as gzip-per-record WARC response records, with
request and warcinfo records around them) and OUT_DIR/manifest.tsv. Everything is made from
the templates and phrase lists below (written for this script); nothing is copied from real
pages. Deterministic for a given seed.
"""

import argparse
import gzip
import io
import os
import random
import uuid

REGIONS = [
    ("太原市", "山西省"), ("大同市", "山西省"), ("晋中市", "山西省"), ("石家庄市", "河北省"),
    ("郑州市", "河南省"), ("洛阳市", "河南省"), ("西安市", "陕西省"), ("兰州市", "甘肃省"),
    ("成都市", "四川省"), ("昆明市", "云南省"), ("南宁市", "广西壮族自治区"), ("长沙市", "湖南省"),
    ("武汉市", "湖北省"), ("合肥市", "安徽省"), ("南昌市", "江西省"), ("福州市", "福建省"),
    ("杭州市", "浙江省"), ("南京市", "江苏省"), ("济南市", "山东省"), ("沈阳市", "辽宁省"),
    ("长春市", "吉林省"), ("哈尔滨市", "黑龙江省"), ("呼和浩特市", "内蒙古自治区"), ("乌鲁木齐市", "新疆维吾尔自治区"),
]
COUNTIES = ["城关区", "新城区", "高新区", "经开区", "东山县", "西河县", "南岭县", "北塘镇", "清水县", "平安区"]
MEASURES = [
    "核酸检测", "抗原检测", "健康码查验", "行程卡查验", "居家隔离", "集中隔离", "居家健康监测",
    "封控管理", "临时管控", "闭环管理", "体温检测", "扫码登记", "佩戴口罩", "疫苗接种", "加强免疫接种",
    "暂停堂食", "限流管理", "线上教学", "落地检", "流调溯源", "环境消杀", "网格化排查",
]
UNITS = ["各县（市、区）", "各乡镇（街道）", "各部门", "各单位", "各社区", "各村（居）委会", "各级医疗机构", "各类学校"]
ADVERBS = ["严格", "坚决", "切实", "全面", "从严从紧", "认真"]
VERBS = ["确保各项措施落实到位", "坚决守住不发生规模性疫情的底线", "织密织牢疫情防控网",
         "做到应检尽检、不漏一人", "最大限度减少疫情对经济社会发展的影响"]
RISK = ["高风险区", "中风险区", "低风险区", "疫情发生地", "有本土疫情的地市"]
TITLES = ["市委书记", "市长", "副市长", "市委常委、常务副市长", "县委书记", "区长"]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "志强建国海峰晓明红梅立新文华光辉振宇子涵宏伟春燕国庆"
NAV = ["首页", "政务公开", "政府信息公开", "政策文件", "政务服务", "互动交流", "走进本市", "专题专栏",
       "新闻中心", "通知公告", "领导信息", "机构设置", "规划计划", "统计数据", "人事信息"]
SIDEBAR = ["全市召开安全生产工作会议", "我市举办招商引资推介会", "秋冬季森林防火工作部署会召开",
           "市政府常务会议研究部署近期重点工作", "全市重点项目建设观摩活动举行", "我市开展消防安全大检查",
           "文明城市创建工作推进会召开", "市领导调研农业农村工作", "全市教育工作会议召开",
           "我市出台稳经济一揽子政策措施", "城市更新行动推进会举行", "冬季供暖保障工作部署会召开"]


def person(r):
    return r.choice(SURNAMES) + "".join(r.choice(GIVEN) for _ in range(r.choice([1, 2])))


def date(r):
    y = r.choice([2020, 2021, 2022])
    return y, r.randint(1, 12), r.randint(1, 28)


def sentence(r, region, d):
    y, m, day = d
    ms = r.sample(MEASURES, 3)
    templates = [
        lambda: f"{r.choice(UNITS)}要{r.choice(ADVERBS)}落实{ms[0]}、{ms[1]}等措施，{r.choice(VERBS)}。",
        lambda: f"对来自{r.choice(RISK)}的入{region[0][:-1]}人员，一律实行{r.choice([3, 5, 7, 14])}天{r.choice(['集中隔离', '居家隔离', '居家健康监测'])}，期间开展{r.choice([2, 3, 5])}次核酸检测。",
        lambda: f"{m}月{day}日，{region[0]}召开疫情防控工作领导小组第{r.randint(12, 160)}次会议，{r.choice(TITLES)}{person(r)}主持会议并讲话。",
        lambda: f"截至{m}月{day}日{r.randint(8, 24)}时，全市累计接种新冠病毒疫苗{r.randint(50, 900)}.{r.randint(1, 9)}万剂次，完成{ms[0]}{r.randint(10, 500)}万余人次。",
        lambda: f"商场、超市、农贸市场等公共场所要严格落实{ms[1]}、{ms[2]}、佩戴口罩等防控措施，严禁举办聚集性活动。",
        lambda: f"广大市民朋友要坚持戴口罩、勤洗手、常通风、保持一米线等良好卫生习惯，非必要不离{region[0][:-1]}。",
        lambda: f"{region[0]}新冠肺炎疫情防控指挥部将根据疫情形势变化，适时调整{ms[0]}等相关措施，请广大群众理解、支持和配合。",
        lambda: f"凡隐瞒行程、拒不配合{ms[2]}等防疫措施，造成疫情传播的，将依法追究相关人员责任。",
        lambda: f"{r.choice(COUNTIES)}组织{r.randint(200, 3000)}余名党员干部下沉社区，协助开展{ms[0]}和{ms[1]}工作。",
        lambda: f"会议强调，当前疫情防控形势依然严峻复杂，{r.choice(UNITS)}要克服麻痹思想、厌战情绪、侥幸心理、松劲心态，{r.choice(VERBS)}。",
        lambda: f"本通告自{y}年{m}月{day}日{r.choice([0, 12, 18])}时起施行，有效期至另行通知。",
        lambda: f"咨询电话：0{r.randint(300, 999)}-{r.randint(1000000, 8999999)}（24小时）。",
    ]
    return r.choice(templates)()


def title(r, region, d):
    y, m, day = d
    return r.choice([
        f"关于进一步做好{r.choice(['新冠肺炎', '秋冬季', '节假日期间'])}疫情防控工作的通知",
        f"{region[0]}新冠肺炎疫情防控指挥部通告（{y}年第{r.randint(1, 60)}号）",
        f"{region[0]}召开疫情防控工作领导小组会议",
        f"{region[0]}：{r.choice(MEASURES)}工作有序推进",
        f"关于调整{region[0]}部分区域疫情风险等级的公告",
        f"{r.choice(COUNTIES)}全力以赴做好{r.choice(MEASURES)}工作",
    ])


def paragraphs(r, region, d):
    return [sentence(r, region, d) + (sentence(r, region, d) if r.random() < 0.6 else "")
            for _ in range(r.randint(4, 18))]


def script_blob(r):
    lines = [f"var _c{i} = {{id: {r.randint(1, 99999)}, name: 'module{i}', enabled: {str(r.random() < .5).lower()}}};"
             for i in range(r.randint(40, 160))]
    return "<script type=\"text/javascript\">\n" + "\n".join(lines) + "\n</script>"


def style_blob(r):
    rules = [f".c{i} {{ margin: {r.randint(0, 20)}px; color: #{r.randint(0, 0xffffff):06x}; }}"
             for i in range(r.randint(20, 120))]
    return "<style>\n" + "\n".join(rules) + "\n</style>"


def nav(r):
    return "<ul class=\"nav\">" + "".join(f"<li><a href=\"/{i}/\">{n}</a></li>" for i, n in enumerate(NAV)) + "</ul>"


def link_list(r, heading, n):
    items = "".join(f"<li><a href=\"/art/{r.randint(1000, 99999)}.html\">{r.choice(SIDEBAR)}</a><span>{date(r)[0]}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}</span></li>" for _ in range(n))
    return f"<div class=\"side\"><h3>{heading}</h3><ul>{items}</ul></div>"


def footer(r, region):
    return (f"<div class=\"footer\"><p>主办单位：{region[0]}人民政府办公室　承办单位：{region[0]}大数据中心</p>"
            f"<p>网站标识码：{r.randint(1000000000, 9999999999)}　<a href=\"https://beian.miit.gov.cn\">晋ICP备{r.randint(10000000, 99999999)}号</a></p>"
            f"<p>地址：{region[0]}{r.choice(COUNTIES)}府前街{r.randint(1, 200)}号　联系电话：0351-{r.randint(1000000, 9999999)}</p></div>")


def layout_portal(r, region, d, t, ps, charset):
    y, m, day = d
    body = "".join(f"<p style=\"text-indent:2em\">{p}</p>" for p in ps)
    return (f"<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\">"
            f"<title>{t}_{region[0]}人民政府</title>{style_blob(r)}{script_blob(r)}</head><body>"
            f"<div class=\"header\"><img src=\"/logo.png\" alt=\"{region[0]}人民政府\">{nav(r)}</div>"
            f"<div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk/\">政务公开</a> &gt; 通知公告</div>"
            f"<div class=\"article\"><h1>{t}</h1><div class=\"info\">发布时间：{y}-{m:02d}-{day:02d} {r.randint(8, 20):02d}:{r.randint(0, 59):02d}　"
            f"来源：{region[0]}卫生健康委员会　浏览次数：{r.randint(10, 9999)}　字号：<a>大</a> <a>中</a> <a>小</a></div>"
            f"<div class=\"content\" id=\"zoom\">{body}</div>"
            f"<div class=\"share\">分享到：微信 微博 QQ空间</div><div class=\"print\"><a>【打印本页】</a> <a>【关闭窗口】</a></div></div>"
            f"{link_list(r, '相关链接', r.randint(5, 12))}{footer(r, region)}{script_blob(r)}</body></html>")


def layout_news(r, region, d, t, ps, charset):
    y, m, day = d
    body = "".join(f"<p>{p}</p>" for p in ps)
    return (f"<html><head><meta charset=\"{charset}\"><title>{t} - {region[1]}新闻网</title>{script_blob(r)}</head><body>"
            f"<div id=\"top\">{nav(r)}<div class=\"search\"><input type=\"text\" placeholder=\"请输入关键字\"></div></div>"
            f"<div id=\"main\"><div class=\"left\"><h2 class=\"title\">{t}</h2>"
            f"<div class=\"meta\"><span>{y}年{m}月{day}日 {r.randint(8, 20):02d}:{r.randint(0, 59):02d}</span><span>来源：{region[1]}日报</span></div>"
            f"<div class=\"text\">{body}</div><div class=\"editor\">（责任编辑：{person(r)}）</div>"
            f"<div class=\"tags\">标签：疫情防控 {r.choice(MEASURES)}</div></div>"
            f"<div class=\"right\">{link_list(r, '热点新闻', r.randint(10, 25))}{link_list(r, '图片新闻', r.randint(4, 8))}</div></div>"
            f"<div class=\"ad\"><a href=\"/ad\"><img src=\"/ad.gif\"></a></div>{footer(r, region)}</body></html>")


def layout_table(r, region, d, t, ps, charset):
    y, m, day = d
    body = "<br>\n".join("　　" + p for p in ps)
    menu = "".join(f"<td><a href=\"/{i}.htm\"><font color=\"#ffffff\">{n}</font></a></td>" for i, n in enumerate(NAV[:9]))
    return (f"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\"><title>{t}</title></head>"
            f"<body bgcolor=\"#ffffff\"><table width=\"980\" align=\"center\"><tr>{menu}</tr></table>"
            f"<table width=\"980\" align=\"center\" border=\"0\"><tr><td width=\"240\" valign=\"top\">{link_list(r, '最新信息', 12)}</td>"
            f"<td valign=\"top\"><table width=\"100%\"><tr><td align=\"center\"><font size=\"5\"><b>{t}</b></font></td></tr>"
            f"<tr><td align=\"center\"><font color=\"#666666\">{y}-{m}-{day}　　{region[0]}人民政府办公室</font></td></tr>"
            f"<tr><td><font style=\"font-size:14px;line-height:28px\">{body}</font></td></tr></table></td></tr></table>"
            f"<table width=\"980\" align=\"center\"><tr><td align=\"center\">版权所有：{region[0]}人民政府　技术支持：某某科技有限公司</td></tr></table></body></html>")


def layout_mobile(r, region, d, t, ps, charset):
    y, m, day = d
    body = "".join(f"<section style=\"margin:0 8px;line-height:1.75\"><span style=\"font-size:15px\">{p}</span></section>" for p in ps)
    return (f"<!doctype html><html><head><meta charset=\"{charset}\"><meta name=\"viewport\" content=\"width=device-width\">"
            f"<title>{t}</title>{style_blob(r)}</head><body><div class=\"rich_media\"><h1 class=\"rich_media_title\">{t}</h1>"
            f"<div class=\"rich_media_meta\"><span>{region[0]}发布</span> <em>{y}-{m:02d}-{day:02d}</em></div>"
            f"<div class=\"rich_media_content\">{body}</div><p>来源：{region[0]}融媒体中心</p>"
            f"<div class=\"qr\">长按识别二维码关注我们</div><div class=\"like\">在看 点赞 分享</div></div>{script_blob(r)}</body></html>")


def layout_list(r, region, d, t, ps, charset):
    items = "".join(f"<li><a href=\"/art/{r.randint(1000, 99999)}.html\">{title(r, region, date(r))}</a><span class=\"date\">{date(r)[0]}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}</span></li>" for _ in range(30))
    pages = " ".join(f"<a href=\"?page={i}\">{i}</a>" for i in range(1, 11))
    return (f"<html><head><meta charset=\"{charset}\"><title>通知公告_{region[0]}人民政府</title>{script_blob(r)}</head><body>"
            f"{nav(r)}<div class=\"crumb\">当前位置：首页 &gt; 通知公告</div><ul class=\"list\">{items}</ul>"
            f"<div class=\"pages\">共{r.randint(20, 90)}页 {pages} 下一页 尾页</div>{footer(r, region)}</body></html>")


def text_page(r, region, d, t, ps):
    y, m, day = d
    lines = ["首页 | 政务公开 | 政务服务 | 互动交流", f"当前位置：首页 > 通知公告", t,
             f"发布时间：{y}-{m:02d}-{day:02d}  来源：{region[0]}人民政府", ""]
    lines += ps
    lines += ["", "【打印本页】【关闭窗口】", f"主办单位：{region[0]}人民政府办公室  网站标识码：{r.randint(1000000000, 9999999999)}"]
    return "\n".join(lines) + "\n"


LAYOUTS = [layout_portal, layout_news, layout_table, layout_mobile, layout_list]


def make_page(r, i):
    region = r.choice(REGIONS)
    d = date(r)
    t = title(r, region, d)
    ps = paragraphs(r, region, d)
    u = f"http://www.{['ty', 'dt', 'jz', 'sjz', 'zz', 'ly', 'xa', 'lz', 'cd', 'km'][i % 10]}.gov.cn/zwgk/{d[0]}{d[1]:02d}/t{d[0]}{d[1]:02d}{d[2]:02d}_{i}.html"
    kind = r.random()
    if kind < 0.15:
        return u, "txt", text_page(r, region, d, t, ps).encode("utf-8"), "text/plain; charset=utf-8"
    layout = r.choice(LAYOUTS)
    gbk = layout is layout_table or r.random() < 0.3
    charset = r.choice(["gbk", "gb2312"]) if gbk else "utf-8"
    html = layout(r, region, d, t, ps, charset)
    data = html.encode("gbk", errors="replace") if gbk else html.encode("utf-8")
    # Some servers send the charset, some do not.
    ctype = f"text/html; charset={charset}" if r.random() < 0.5 else "text/html"
    return u, "html", data, ctype


def warc_record(kind, url, ctype, block):
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{uuid.UUID(int=random.getrandbits(128))}>\r\n"
            f"WARC-Date: 2022-10-08T02:10:06Z\r\n" + (f"WARC-Target-URI: {url}\r\n" if url else "") +
            f"Content-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--pages", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=20221008)
    a = ap.parse_args()
    random.seed(a.seed)
    r = random.Random(a.seed)
    pages_dir = os.path.join(a.out, "pages")
    os.makedirs(pages_dir, exist_ok=True)
    total = 0
    with open(os.path.join(a.out, "crawl.warc.gz"), "wb") as warc, \
            open(os.path.join(a.out, "manifest.tsv"), "w", encoding="utf-8") as manifest:
        warc.write(gzip.compress(warc_record("warcinfo", None, "application/warc-fields", b"software: gen_corpus.py\r\n")))
        for i in range(a.pages):
            url, ext, data, ctype = make_page(r, i)
            name = f"{i:05d}.{ext}"
            with open(os.path.join(pages_dir, name), "wb") as f:
                f.write(data)
            total += len(data)
            manifest.write(f"{name}\t{url}\t{ctype}\t{len(data)}\n")
            req = f"GET {url.split('.cn', 1)[1]} HTTP/1.1\r\nHost: {url.split('/')[2]}\r\n\r\n".encode()
            resp = f"HTTP/1.1 200 OK\r\nContent-Type: {ctype}\r\nContent-Length: {len(data)}\r\n\r\n".encode() + data
            warc.write(gzip.compress(warc_record("request", url, "application/http; msgtype=request", req)))
            warc.write(gzip.compress(warc_record("response", url, "application/http; msgtype=response", resp)))
    print(f"{a.pages} pages, {total / 1e6:.1f} MB in {pages_dir} and {a.out}/crawl.warc.gz")


if __name__ == "__main__":
    main()
