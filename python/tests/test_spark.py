"""The Spark job on local[2] over two generated WARC files: the binary's records, per-file
counts that add up, Parquet rows with the schema derived from the record's JSON Schema."""

from __future__ import annotations

import glob
import json
import os
import sys

import pytest

if os.environ.get("ZHENGLING_REQUIRE_SPARK") != "1":
    pytest.importorskip("pyspark")

from pyspark.sql import SparkSession  # noqa: E402

import zhengling  # noqa: E402
import zhengling.spark as zs  # noqa: E402
from conftest import BUNDLED  # noqa: E402
from warcgen import crawl  # noqa: E402

MAX_BYTES = 64 << 10


@pytest.fixture(scope="module")
def spark():
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("zhengling-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


@pytest.fixture(scope="module")
def warcs(tmp_path_factory):
    d = tmp_path_factory.mktemp("crawl")
    pages = [p.read_bytes() for p in BUNDLED]
    a = crawl(d / "a.warc.gz", pages[:4], host="www.a.gov.cn")
    b = crawl(d / "b.warc.gz", pages[4:], host="www.b.gov.cn")
    return [str(a), str(b)]


@pytest.fixture(scope="module")
def expected(warcs, run_binary):
    """The binary's records, per file."""
    return {w: run_binary.json([w], "--max-bytes", str(MAX_BYTES)) for w in warcs}


def _read_jsonl(directory):
    out = []
    for part in sorted(glob.glob(os.path.join(directory, "part-*"))):
        with open(part, encoding="utf-8") as f:
            out.extend(json.loads(line) for line in f if line.strip())
    return out


def _by_input(records):
    return {r["input"]: r for r in records}


def _check_counts(result, expected_by_file, names):
    assert [c["path"] for c in result.counts] == names
    for c, (_, records) in zip(result.counts, expected_by_file):
        assert c["failure"] is None
        assert c["records_out"] == c["pages_in"] == len(records)
        assert c["ok"] + c["errors"] == c["records_out"]
        assert c["errors"] == sum(c[k] for k in c if k.startswith("errors_"))
        assert c["records_in"] == c["pages_in"] + c["skipped"]
        assert c["skipped"] == 4  # warcinfo, request, redirect, image
        assert (c["errors_too_large"], c["errors_undecodable"], c["errors_malformed"], c["errors_truncated"]) == (1, 1, 1, 1)
        assert c["ok"] == sum(1 for r in records if "error" not in r)
    t = result.totals
    assert t["files"] == 2 and t["failed_files"] == 0
    assert t["records_written"] == t["records_out"] == sum(len(r) for _, r in expected_by_file)


def test_local_reader_equals_binary(spark, warcs, expected, tmp_path, validate):
    manifest = tmp_path / "manifest.txt"
    manifest.write_text("# two crawls\n" + "\n".join(warcs) + "\n\n")
    out = str(tmp_path / "out")
    result = zs.run(spark, str(manifest), out, output_format="both", max_bytes=MAX_BYTES, reader="local")
    _check_counts(result, [(w, expected[w]) for w in warcs], warcs)
    got = _read_jsonl(result.outputs["jsonl"])
    want = [r for w in warcs for r in expected[w]]
    assert len(got) == len(want)
    assert _by_input(got) == _by_input(want)
    for r in got:
        validate(r)
    # Parquet: the derived schema, one row per record, values converted as documented
    frame = spark.read.parquet(result.outputs["parquet"])
    assert frame.count() == len(want)
    assert frame.schema.simpleString() == zs.spark_schema().simpleString()  # Parquet reads back all nullable
    rows = {r["input"]: r.asDict(recursive=True) for r in frame.collect()}
    plan_rows = {r["input"]: zs.to_row(r) for r in want}
    fields = [f.name for f in zs.spark_schema().fields]
    for name, r in plan_rows.items():
        assert tuple(_as_tuple(rows[name][f]) for f in fields) == _as_tuple(r), name
    some = next(r for r in want if r["directive"] and r["directive"]["items"])
    row = rows[some["input"]]
    assert row["title"] == some["title"]
    assert len(row["directive"]["items"]) == len(some["directive"]["items"])
    # counts table written beside the records
    counts = _read_jsonl(result.counts_path)
    assert sorted(c["path"] for c in counts) == sorted(warcs)
    assert sum(c["records_out"] for c in counts) == len(want)


def _as_tuple(v):
    if isinstance(v, dict):
        return tuple(_as_tuple(x) for x in v.values())
    if isinstance(v, (list, tuple)):
        return tuple(_as_tuple(x) for x in v)
    return v


def test_hadoop_reader_over_file_uris(spark, warcs, expected, tmp_path):
    uris = ["file://" + w for w in warcs]
    result = zs.run(spark, uris, str(tmp_path / "out"), output_format="jsonl", max_bytes=MAX_BYTES, reader="auto")
    _check_counts(result, [(w, expected[w]) for w in warcs], uris)
    got = _read_jsonl(result.outputs["jsonl"])
    want = []
    for w, u in zip(warcs, uris):
        for r in expected[w]:
            r = dict(r)
            if r["input"].startswith(w):
                r["input"] = u + r["input"][len(w):]
                if "error" in r:
                    r["error"] = u + r["error"][len(w):]
            want.append(r)
    assert _by_input(got) == _by_input(want)


def test_unreadable_file_is_counted_not_lost(spark, warcs, tmp_path):
    missing = str(tmp_path / "missing.warc.gz")
    result = zs.run(spark, [warcs[0], missing], str(tmp_path / "out"), output_format="jsonl", max_bytes=MAX_BYTES, reader="local")
    bad = result.counts[1]
    assert bad["path"] == missing
    assert bad["records_out"] == 0 and "missing.warc.gz" in bad["failure"]
    assert result.totals["failed_files"] == 1
    assert result.totals["records_written"] == result.counts[0]["records_out"]


def test_schema_handles_recursive_types(spark):
    schema = {
        "type": "object",
        "properties": {"g": {"$ref": "#/$defs/G"}},
        "required": ["g"],
        "$defs": {
            "G": {
                "type": "object",
                "properties": {"text": {"type": "string"}, "except": {"type": "array", "items": {"$ref": "#/$defs/G"}}},
                "required": ["text", "except"],
            }
        },
    }
    from pyspark.sql import types as T

    st = zs.spark_schema(schema)
    g = st["g"].dataType
    assert isinstance(g, T.StructType)
    assert g["except"].dataType == T.ArrayType(T.StringType(), True)
    schema["properties"]["v"] = {"type": ["string", "number"]}
    plan = zs._record_plan(schema)[2]
    records = [
        {"g": {"text": "a", "except": [{"text": "乙", "except": [{"text": "c", "except": []}]}]}, "v": 600000},
        {"g": {"text": "b", "except": []}, "v": "2022-10-06"},
        {"g": {"text": "d", "except": []}, "v": 2.5},
    ]
    rows = [zs.to_row(r, plan) for r in records]
    assert rows[0] == (("a", ['{"text":"乙","except":[{"text":"c","except":[]}]}']), "600000")
    assert rows[1][1] == "2022-10-06" and rows[2][1] == "2.5"
    # Spark's JSON reader (the Parquet path) converts the same way
    lines = spark.sparkContext.parallelize([json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records])
    frame = spark.read.schema(zs.spark_schema(schema)).option("mode", "FAILFAST").json(lines)
    assert [_as_tuple(r.asDict(recursive=True)) for r in frame.collect()] == [_as_tuple(r) for r in rows]
