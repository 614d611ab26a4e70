"""Bad input raises a clear error naming the input and the reason; the interpreter survives."""

from __future__ import annotations

import pytest

import zhengling


def test_binary_content_is_undecodable():
    with pytest.raises(zhengling.ZhenglingError) as e:
        zhengling.process(b"\x89PNG\r\n\x1a\n" + bytes(200), input="logo.png")
    assert str(e.value) == "logo.png: undecodable: not a text page (PNG image)"
    assert (e.value.input, e.value.kind, e.value.reason) == ("logo.png", "undecodable", "not a text page (PNG image)")
    assert isinstance(e.value, ValueError)


def test_too_large_names_the_size_and_limit():
    p = zhengling.Pipeline(max_bytes=100)
    assert p.max_bytes == 100
    with pytest.raises(zhengling.ZhenglingError) as e:
        p.process(b"<p>" + b"x" * 200 + b"</p>", url="http://www.a.gov.cn/big.html")
    assert e.value.kind == "too-large"
    assert e.value.input == "http://www.a.gov.cn/big.html"
    assert "exceeds the limit of 100 bytes" in str(e.value)


def test_str_data_is_a_type_error_with_a_hint():
    with pytest.raises(TypeError, match=r"page\.html: data must be the page's bytes as served, not str"):
        zhengling.process("<p>通知</p>", input="page.html")
    with pytest.raises(TypeError, match=r"not int"):
        zhengling.process(42)


def test_bytes_like_inputs_are_accepted():
    page = "通知\n\n各地要严格落实核酸检测。".encode()
    a = zhengling.process(page, input="a")
    assert zhengling.process(bytearray(page), input="a") == a
    assert zhengling.process(memoryview(page), input="a") == a


def test_bad_format_and_options():
    with pytest.raises(ValueError, match=r'x\.html: format must be "html", "text" or None, not "pdf"'):
        zhengling.process(b"<p>a</p>", input="x.html", format="pdf")
    with pytest.raises(ValueError, match="threads must be at least 1"):
        zhengling.Pipeline(threads=0)
    with pytest.raises(ValueError, match="timeout must be a positive number"):
        zhengling.Pipeline(timeout=-1)


def test_process_many_yields_error_records_and_rejects_bad_items():
    records = zhengling.process_many(
        [b"\x00\x01\x02\x03" * 100, ("ok.txt", "通知\n\n各地要做好消毒。".encode())]
    )
    assert records[0]["input"] == "<page 0>"
    assert records[0]["error_kind"] == "undecodable"
    assert records[0]["error"].startswith("<page 0>: undecodable: ")
    assert "error" not in records[1]
    with pytest.raises(TypeError, match=r"<page 1>: data must be bytes"):
        zhengling.process_many([b"a", 3.5])
    with pytest.raises(ValueError, match=r'x: a page dict needs "data"'):
        zhengling.process_many([{"input": "x"}])
    with pytest.raises(ValueError, match=r"a page tuple is \(input, data\)"):
        zhengling.process_many([("a", b"b", "c")])


def test_missing_file(tmp_path):
    missing = tmp_path / "no-such.warc.gz"
    with pytest.raises(FileNotFoundError, match="no-such.warc.gz: no such file"):
        zhengling.iter_warc(missing)


def test_arbitrary_bytes_never_crash():
    import random

    rng = random.Random(7)
    for n in range(200):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 400)))
        try:
            r = zhengling.process(data, input=f"random-{n}")
        except zhengling.ZhenglingError as e:
            assert e.input == f"random-{n}" and e.kind in {"undecodable", "process", "panic"}
        else:
            assert r["input"] == f"random-{n}"
