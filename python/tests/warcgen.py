"""Generated crawls for the tests: WARC files with good pages and broken records, in the
shapes a real crawl has (the Rust tests in tests/batch.rs build the same kinds)."""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import List, Optional

NOTICE_HTML = (
    '<html><head><meta charset="gbk"><title>关于进一步做好疫情防控工作的通知</title></head>'
    '<body><div class="nav">首页 | 政务公开</div><h1>关于进一步做好疫情防控工作的通知</h1>'
    "<p>各区县要严格落实核酸检测、健康监测等措施。</p>"
    "<p>对来自中高风险地区的人员，要实行14天居家隔离，严禁聚集。</p></body></html>"
)


def warc_record(kind: str, url: Optional[str], content_type: str, block: bytes) -> bytes:
    uri = f"WARC-Target-URI: {url}\r\n" if url else ""
    head = (
        f"WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Date: 2022-10-08T02:10:06Z\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n{uri}"
        f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return head.encode() + block + b"\r\n\r\n"


def http(status: str, headers: str, body: bytes) -> bytes:
    return f"HTTP/1.1 {status}\r\n{headers}\r\n".encode() + body


def response(url: str, block: bytes) -> bytes:
    return warc_record("response", url, "application/http; msgtype=response", block)


def crawl(path: Path, pages: List[bytes], *, host: str, broken: bool = True) -> Path:
    """A gzip WARC file (one member per record) at `path`: warcinfo, then each of `pages` as
    a response (HTML or text by its first byte), with a request, a redirect, an image, an
    oversized page (over 64 KiB), binary garbage, a corrupt gzip member and a truncated last
    record among them when `broken`."""
    members: List[bytes] = [
        gzip.compress(warc_record("warcinfo", None, "application/warc-fields", b"software: t\r\n"))
    ]
    for i, page in enumerate(pages):
        url = f"http://{host}/{i}.html"
        if i == 0:
            members.append(
                gzip.compress(
                    warc_record(
                        "request",
                        url,
                        "application/http; msgtype=request",
                        f"GET /{i}.html HTTP/1.1\r\nHost: {host}\r\n\r\n".encode(),
                    )
                )
            )
        ctype = "text/html; charset=utf-8" if page.lstrip().startswith(b"<") else "text/plain; charset=utf-8"
        members.append(gzip.compress(response(url, http("200 OK", f"Content-Type: {ctype}\r\n", page))))
    members.append(
        gzip.compress(
            response(
                f"http://{host}/gbk.html",
                http("200 OK", "Content-Type: text/html; charset=GBK\r\n", NOTICE_HTML.encode("gbk")),
            )
        )
    )
    members.append(
        gzip.compress(
            warc_record("resource", None, "text/plain; charset=utf-8", "通知\n\n各地要做好消毒工作。".encode())
        )
    )
    if broken:
        members.append(
            gzip.compress(response(f"http://{host}/old", http("301 Moved", "Location: /1.html\r\n", b"")))
        )
        members.append(
            gzip.compress(
                response(
                    f"http://{host}/logo.png",
                    http("200 OK", "Content-Type: image/png\r\n", b"\x89PNG\r\n\x1a\n"),
                )
            )
        )
        big = ("<html><body>" + "<p>大</p>" * 20_000 + "</body></html>").encode()
        members.append(
            gzip.compress(response(f"http://{host}/big.html", http("200 OK", "Content-Type: text/html\r\n", big)))
        )
        garbage = bytes((i * 7919 % 251) for i in range(3000))
        members.append(
            gzip.compress(
                response(f"http://{host}/garbage.html", http("200 OK", "Content-Type: text/html\r\n", garbage))
            )
        )
        bad = bytearray(
            gzip.compress(
                response(
                    f"http://{host}/corrupt.html",
                    http(
                        "200 OK",
                        "Content-Type: text/html\r\n",
                        ("<p>损坏的记录，内容足够长以覆盖压缩数据。</p>" * 20).encode(),
                    ),
                )
            )
        )
        for j in range(20, len(bad) - 20):
            bad[j] = (bad[j] * 31 + 7) % 256
        members.append(bytes(bad))
        members.append(
            gzip.compress(
                response(
                    f"http://{host}/after.html",
                    http("200 OK", "Content-Type: text/html; charset=utf-8\r\n", NOTICE_HTML.encode()),
                )
            )
        )
        last = gzip.compress(
            response(
                f"http://{host}/last.html",
                http("200 OK", "Content-Type: text/html\r\n", ("<p>最后一页，被截断。</p>" * 50).encode()),
            )
        )
        members.append(last[: len(last) * 2 // 3])
    path.write_bytes(b"".join(members))
    return path
