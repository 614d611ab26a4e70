"""to_frames: the measures table is the binary's --csv, the pages table one row per record.

The comparison is column-wise over the columns of the binary's header: today the binary
writes the 23 columns of MEASURE_COLUMNS, one row per measure, and the rows agree on those
(`by_group=False` while the header has no `group` column); once the binary writes the
appended columns (item, group, origin, ..., days) and one row per (item, group, measure), the
same test compares those columns and rows too, with no change here.
"""

from __future__ import annotations

import pandas as pd
import pytest

import zhengling
from conftest import BUNDLED, ROOT
from warcgen import crawl

NAMES = [str(p.relative_to(ROOT)) for p in BUNDLED]


@pytest.fixture(scope="module")
def records():
    return [zhengling.process((ROOT / n).read_bytes(), input=n) for n in NAMES]


def _compare_with_binary_csv(records, inputs, run_binary, tmp_path, *args):
    csv_path = tmp_path / "measures.csv"
    run_binary.csv(inputs, csv_path, *args)
    binary = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    by_group = "group" in binary.columns
    _, measures = zhengling.to_frames(records, text=True, by_group=by_group)
    header = list(binary.columns)
    assert header[: len(zhengling.MEASURE_COLUMNS)] == list(zhengling.MEASURE_COLUMNS)
    missing = [c for c in header if c not in measures.columns]
    assert not missing, f"the binary writes columns to_frames lacks: {missing}"
    assert len(measures) == len(binary), "row count differs"
    assert len(binary) > 0
    for column in header:
        ours = measures[column].tolist()
        theirs = binary[column].tolist()
        diff = [(i, a, b) for i, (a, b) in enumerate(zip(ours, theirs)) if a != b]
        assert not diff, f"column {column} differs, first rows: {diff[:3]}"
    return binary, measures


def test_measures_table_equals_binary_csv(records, run_binary, tmp_path):
    binary, measures = _compare_with_binary_csv(records, NAMES, run_binary, tmp_path)
    assert list(measures.columns) == list(zhengling.MEASURE_TABLE_COLUMNS)
    # the binary's columns end with the groups, timing and parameter columns
    assert list(zhengling.MEASURE_COLUMNS[-len(zhengling.MEASURE_COLUMNS_NEXT) :]) == list(
        zhengling.MEASURE_COLUMNS_NEXT
    )


def test_measures_table_of_a_crawl_equals_binary_csv(tmp_path, run_binary):
    warc = crawl(tmp_path / "c.warc.gz", [p.read_bytes() for p in BUNDLED], host="www.c.gov.cn")
    records = list(zhengling.Pipeline(max_bytes=64 << 10).iter_warc(warc))
    _compare_with_binary_csv(records, [str(warc)], run_binary, tmp_path, "--max-bytes", str(64 << 10))


def test_pages_table(records):
    pages, measures = zhengling.to_frames(records)
    assert list(pages.columns) == list(zhengling.PAGE_COLUMNS)
    assert len(pages) == len(records)
    assert pages["input"].tolist() == NAMES
    for (_, row), r in zip(pages.iterrows(), records):
        assert row["title"] == r["title"]
        assert row["paragraphs"] == len(r["paragraphs"])
        assert row["entities"] == len(r["entities"])
        n = sum(len(i["measures"]) for i in r["directive"]["items"])
        assert row["measures"] == n
        # one row per (item, group, measure); an item without groups counts once
        rows = sum(max(1, len(i.get("groups") or [])) * len(i["measures"]) for i in r["directive"]["items"])
        assert (measures["input"] == r["input"]).sum() == rows
        _, per_measure = zhengling.to_frames([r], by_group=False)
        assert len(per_measure) == n
        assert row["kind"] == r["directive"]["kind"]
    assert str(pages["paragraphs"].dtype) == "Int64"
    assert str(measures["level"].dtype) == "Int64"
    assert str(measures["lifted"].dtype) == "boolean"


def test_error_records_and_missing_fields():
    failed = {"input": "bad.warc#3", "error": "bad.warc#3: truncated: input ends", "error_kind": "truncated",
              "paragraphs": [], "entities": [], "directive": None}
    # a record with a measure and the fields the directive model is adding
    rich = {
        "input": "a.html", "url": "http://a.gov.cn/a.html", "published": "2022-10-08", "entities": [],
        "paragraphs": ["x"],
        "directive": {
            "kind": "notice", "issuer": "市指挥部", "region": "太原市", "region_code": "140100",
            "valid_from": "2022-10-09", "valid_to": None, "meeting": None,
            "items": [
                {"paragraph": 0, "text": "入境人员要落实“14天集中隔离”", "modality": "must", "actor": None,
                 "targets": ["入境人员", "密接"], "valid_from": None, "valid_to": None,
                 "groups": [
                     {"text": "入境人员", "origin": "abroad", "movement": "arriving", "people": None,
                      "except": [{"text": "儿童"}, {"text": "老人"}]},
                     {"text": "密接", "origin": None, "movement": None, "people": "close-contact", "except": []},
                 ],
                 "measures": [
                     {"term": "集中隔离", "category": "quarantine", "oxcgrt": "C8", "level": 3, "lifted": False,
                      "targeted": True, "timing": "on-arrival", "requirement": True,
                      "duration": {"value": 14, "unit": "day", "text": "14天"},
                      "days": [{"value": 1}, {"value": 7}], "compliance": "mandatory"},
                 ]},
                {"paragraph": 0, "text": "old item", "modality": "should", "targets": [],
                 "measures": [{"term": "核酸检测", "category": "testing", "oxcgrt": "H2", "level": None}]},
            ],
        },
    }
    pages, measures = zhengling.to_frames([failed, rich], text=True)
    assert pages["error_kind"].tolist() == ["truncated", ""]
    assert len(measures) == 3
    m = measures.to_dict("records")
    assert [r["group"] for r in m] == ["入境人员", "密接", ""]
    assert m[0]["except"] == "儿童|老人" and m[1]["except"] == ""
    assert (m[0]["duration"], m[0]["duration_unit"], m[0]["days"]) == ("14", "day", "1/7")
    assert (m[0]["timing"], m[0]["requirement"], m[0]["item"]) == ("on-arrival", "true", "0")
    assert (m[2]["item"], m[2]["requirement"], m[2]["level"], m[2]["lifted"]) == ("1", "", "", "false")
    assert m[0]["valid_from"] == "2022-10-09" and m[0]["targets"] == "入境人员|密接"
    _, per_measure = zhengling.to_frames([failed, rich], text=True, by_group=False)
    assert len(per_measure) == 2
    assert per_measure["group"].tolist() == ["", ""]
    assert per_measure["duration"].tolist() == ["14", ""]
    typed_pages, typed = zhengling.to_frames([failed, rich])
    assert typed["duration"].tolist()[:2] == [14, 14]
    assert pd.isna(typed["duration"].tolist()[2])
    assert typed["requirement"].tolist()[:2] == [True, True]
    assert typed_pages["measures"].tolist() == [0, 2]
