"""The Python record is the binary's `--json` record, for every bundled page."""

from __future__ import annotations

import os

import pytest

import zhengling
from conftest import BUNDLED, ROOT

NAMES = [str(p.relative_to(ROOT)) for p in BUNDLED]


def test_there_are_bundled_pages():
    assert len(NAMES) >= 6, NAMES


@pytest.fixture(scope="module")
def binary_records(run_binary):
    records = run_binary.json(NAMES)
    assert [r["input"] for r in records] == NAMES
    return {r["input"]: r for r in records}


@pytest.mark.parametrize("name", NAMES)
def test_process_equals_binary(name, binary_records, validate):
    data = (ROOT / name).read_bytes()
    record = zhengling.process(data, input=name)
    expected = binary_records[name]
    assert record.keys() == expected.keys()
    for key in expected:
        assert record[key] == expected[key], f"{name}: field {key} differs"
    assert record["directive"]["schema"].startswith("zhengling.directive/")
    validate(record)


def test_pipeline_reused_and_process_many_equal_binary(binary_records, validate):
    pipeline = zhengling.Pipeline(threads=2)
    pages = [(name, (ROOT / name).read_bytes()) for name in NAMES]
    one_by_one = [pipeline.process(data, input=name) for name, data in pages]
    many = pipeline.process_many(pages)
    many_1 = zhengling.process_many([{"input": n, "data": d} for n, d in pages], threads=1)
    expected = [binary_records[n] for n in NAMES]
    assert one_by_one == expected
    assert many == expected
    assert many_1 == expected
    for r in many:
        validate(r)


def test_iter_warc_over_a_directory_equals_binary(run_binary):
    seeds = "fixtures/seeds"
    expected = run_binary.json([seeds])
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        it = zhengling.iter_warc(seeds)
        got = list(it)
    finally:
        os.chdir(cwd)
    assert got == expected
    assert it.summary["pages_in"] == len(expected) == it.summary["records_out"] == it.summary["ok"]


def test_hints_reach_the_record():
    page = "<html><body><h1>关于做好疫情防控工作的通知</h1><p>各地要严格落实核酸检测。</p></body></html>"
    r = zhengling.process(page.encode("gbk"), url="http://www.example.gov.cn/a.html", http_charset="gbk")
    assert r["input"] == "http://www.example.gov.cn/a.html"
    assert r["url"] == "http://www.example.gov.cn/a.html"
    assert (r["encoding"], r["encoding_source"]) == ("GBK", "http")
    assert r["format"] == "html"
    r = zhengling.process(page.encode(), format="text")
    assert r["format"] == "text"
    assert r["input"] == "<bytes>"


def test_schema_from_the_module_is_the_shipped_one(shipped_schema):
    assert zhengling.record_schema() == shipped_schema


def test_doc_example():
    page = "关于做好疫情防控工作的通知\n\n各地要严格落实核酸检测。".encode()
    record = zhengling.process(page, input="notice.txt")
    assert record["title"] == "关于做好疫情防控工作的通知"
    assert [m["oxcgrt"] for i in record["directive"]["items"] for m in i["measures"]] == ["H2"]
