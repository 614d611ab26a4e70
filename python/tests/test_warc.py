"""iter_warc over a generated crawl with broken records: the binary's records, every record
accounted for."""

from __future__ import annotations

import pytest

import zhengling
from conftest import BUNDLED
from warcgen import crawl

MAX_BYTES = 64 << 10


@pytest.fixture(scope="module")
def warc(tmp_path_factory):
    pages = [p.read_bytes() for p in BUNDLED]
    return crawl(tmp_path_factory.mktemp("warc") / "crawl.warc.gz", pages, host="www.a.gov.cn")


@pytest.mark.parametrize("threads,chunk", [(1, 1), (2, 3), (2, None)])
def test_iter_warc_equals_binary(warc, run_binary, validate, threads, chunk):
    expected = run_binary.json([str(warc)], "--max-bytes", str(MAX_BYTES))
    pipeline = zhengling.Pipeline(max_bytes=MAX_BYTES)
    it = pipeline.iter_warc(warc, threads=threads, chunk=chunk)
    got = list(it)
    assert [r["input"] for r in got] == [r["input"] for r in expected]
    assert got == expected
    for r in got:
        validate(r)
    kinds = [r.get("error_kind") for r in got]
    # the bundled pages, the GBK page and the resource are fine; then the broken records
    assert kinds[: len(BUNDLED) + 2] == [None] * (len(BUNDLED) + 2)
    assert kinds[len(BUNDLED) + 2 :] == ["too-large", "undecodable", "malformed", None, "truncated"]
    s = it.summary
    assert s["pages_in"] == s["records_out"] == len(got)
    assert s["ok"] + sum(s["errors"].values()) == s["records_out"]
    assert s["errors"] == {"too-large": 1, "undecodable": 1, "malformed": 1, "truncated": 1}
    assert s["skipped"] == {"record-type": 2, "http-status": 1, "content-type": 1}


def test_iter_warc_is_lazy_and_resumable(warc):
    it = zhengling.Pipeline(max_bytes=MAX_BYTES).iter_warc(str(warc), chunk=2)
    first = next(it)
    assert first["url"] == "http://www.a.gov.cn/0.html"
    assert it.summary["pages_in"] == 2  # one chunk read so far
    rest = list(it)
    assert len(rest) + 1 == it.summary["records_out"]
    assert list(it) == []


def test_jsonl_input(tmp_path, run_binary):
    import json

    path = tmp_path / "pages.jsonl"
    lines = [
        {"url": "http://www.b.gov.cn/1.html", "html": "<html><body><h1>关于做好疫情防控工作的通知</h1><p>各地要严格落实核酸检测。</p></body></html>"},
        {"url": "http://www.b.gov.cn/2.txt", "text": "通知\n\n各地要做好消毒工作。"},
        "not json",
    ]
    path.write_text("\n".join(l if isinstance(l, str) else json.dumps(l, ensure_ascii=False) for l in lines) + "\n")
    expected = run_binary.json([str(path)])
    got = list(zhengling.iter_warc(path))
    assert got == expected
    assert [r.get("error_kind") for r in got] == [None, None, "malformed"]


def test_iter_warc_json_text_is_the_binary_output(warc, run_binary):
    import subprocess

    out = subprocess.run(
        [str(run_binary.path), "--json", "--max-bytes", str(MAX_BYTES), "--", str(warc)],
        check=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    ).stdout.decode("utf-8")
    lines = list(zhengling.Pipeline(max_bytes=MAX_BYTES).iter_warc(warc, json=True))
    assert all(isinstance(line, str) for line in lines)
    assert lines == out.splitlines()
