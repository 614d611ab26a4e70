"""zhengling as a Spark job over many WARC/WET/JSONL files, in the style of Common Crawl's
cc-pyspark: a manifest of input paths, one task per file, records out as Parquet and/or JSON
Lines, and a per-file table of counts so that nothing goes missing silently.

Run it with ``spark-submit`` (``python/examples/spark_job.py``) or from Python::

    from pyspark.sql import SparkSession
    import zhengling.spark

    spark = SparkSession.builder.master("local[2]").getOrCreate()
    result = zhengling.spark.run(spark, "manifest.txt", "out/", output_format="both")
    print(result.totals)

The ``zhengling`` package must be installed in the Python of every executor (the same
``pip install ./python``, or a wheel shipped with ``--archives``/``--py-files`` as a packed
virtual environment).

Reading the inputs (``reader``):

- ``"local"``: each task opens its file itself. Local paths and ``file:`` URIs are read in
  place (on a cluster they must be visible on every node, e.g. a shared mount). Other URIs
  (``s3://``, ``gs://``, ``hdfs://``, ``https://``) are copied to a local temporary file
  first through ``fsspec`` when installed, else ``pyarrow.fs``; the copy is streamed and
  removed after the file is processed.
- ``"hadoop"``: Spark's own Hadoop filesystem layer reads each file
  (``SparkContext.binaryFiles``, one RDD of one partition per file, unioned), so any URI
  the cluster's Hadoop configuration can read works (``hdfs://``, ``s3a://``, ``abfs://``,
  ``gs://``); the task writes the bytes to a local temporary file and processes it. A file
  is held in the task's memory whole: size executors for the largest file (a WET file is
  about 150 MB, a WARC file about 1 GB).
- ``"auto"`` (default): ``"local"`` when every path is local or ``file:``, else ``"hadoop"``.

Either way there is one Spark task per input file, and the task processes the file's pages
on ``threads`` cores (default 1: Spark already runs one task per core).

Records: the tasks take each record's JSON text straight from the Rust core
(``iter_warc(..., json=True)``). The JSON Lines output holds each record exactly as
``zhengling --json`` prints it. The Parquet output is read from the same text by Spark's
JSON reader (in the JVM, ``FAILFAST``: a record that does not fit fails the job) with the
schema :func:`spark_schema` derives from the record's JSON Schema
(:func:`zhengling.record_schema`): objects are structs, lists arrays, integers ``long``,
numbers ``double``; a field whose JSON type varies (an entity's ``value``: a date string or
a number) is a string holding the value's text (``"2022-10-06"``, ``"600000"``), and a type
that contains itself (a group's ``except`` groups) is a string of its compact JSON text.
:func:`to_row` does the same conversion in Python.

Counts (one row per input file): ``path``, ``records_in`` (all WARC records read),
``pages_in`` (those that are pages or broken records), ``skipped`` (records that are not
pages: requests, metadata, redirects, images), ``records_out``, ``ok``, ``errors`` and
``errors_<kind>`` per kind (``read``, ``malformed``, ``truncated``, ``too_large``,
``undecodable``, ``process``, ``panic``, ``timeout``), ``bytes_in``, ``seconds``, and
``failure``: why the file as a whole could not be read (then its other counts are 0).
For every file ``records_out == pages_in == ok + errors`` and
``records_in == pages_in + skipped``; the records written add up to the sum of
``records_out``.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union
from urllib.parse import urlparse

ERROR_KINDS: Tuple[str, ...] = (
    "read",
    "malformed",
    "truncated",
    "too-large",
    "undecodable",
    "process",
    "panic",
    "timeout",
)

#: Columns of the counts table, in order.
COUNT_COLUMNS: Tuple[str, ...] = (
    "path",
    "records_in",
    "pages_in",
    "skipped",
    "records_out",
    "ok",
    "errors",
    *(f"errors_{k.replace('-', '_')}" for k in ERROR_KINDS),
    "bytes_in",
    "seconds",
    "failure",
)


# ---------------------------------------------------------------------------------------
# The Spark schema of the record, derived from its JSON Schema.


def _resolve(node: Dict[str, Any], root: Dict[str, Any]) -> Tuple[Dict[str, Any], Optional[str]]:
    ref = node.get("$ref")
    if ref:
        name = ref.rsplit("/", 1)[-1]
        merged = dict(root["$defs"][name])
        return merged, name
    return node, None


def _plan(node: Dict[str, Any], root: Dict[str, Any], stack: Tuple[str, ...]):
    """(spark type, nullable, conversion plan) of a JSON Schema node.

    Plans: ("value",) as is; ("text",) scalar of varying type as its text; ("json",) JSON
    text of a self-containing type; ("struct", [(name, plan)]); ("array", plan).
    """
    from pyspark.sql import types as T

    node, name = _resolve(node, root)
    if name is not None and name in stack:
        return T.StringType(), True, ("json",)
    if name is not None:
        stack = stack + (name,)
    if "anyOf" in node or "oneOf" in node:
        options = node.get("anyOf") or node.get("oneOf")
        non_null = [o for o in options if o.get("type") != "null"]
        nullable = len(non_null) < len(options)
        if len(non_null) == 1:
            t, inner_nullable, plan = _plan(non_null[0], root, stack)
            return t, nullable or inner_nullable, plan
        return T.StringType(), True, ("text",)
    types = node.get("type")
    if isinstance(types, list):
        nullable = "null" in types
        types = [t for t in types if t != "null"]
        if len(types) != 1:
            return T.StringType(), True, ("text",)
        kind = types[0]
    else:
        nullable = False
        kind = types
    if kind is None and "enum" in node:
        values = [v for v in node["enum"] if v is not None]
        nullable = nullable or None in node["enum"]
        kind = "string" if all(isinstance(v, str) for v in values) else None
    if kind == "object":
        props = node.get("properties") or {}
        required = set(node.get("required") or [])
        fields = []
        plans = []
        for key, sub in props.items():
            t, sub_nullable, plan = _plan(sub, root, stack)
            fields.append(T.StructField(key, t, sub_nullable or key not in required))
            plans.append((key, plan))
        return T.StructType(fields), nullable, ("struct", plans)
    if kind == "array":
        t, item_nullable, plan = _plan(node.get("items") or {}, root, stack)
        return T.ArrayType(t, item_nullable), nullable, ("array", plan)
    if kind == "string":
        return T.StringType(), nullable, ("value",)
    if kind == "integer":
        return T.LongType(), nullable, ("value",)
    if kind == "number":
        return T.DoubleType(), nullable, ("float",)
    if kind == "boolean":
        return T.BooleanType(), nullable, ("value",)
    return T.StringType(), True, ("text",)


def _record_plan(json_schema: Optional[Dict[str, Any]] = None):
    if json_schema is None:
        import zhengling

        json_schema = zhengling.record_schema()
    return _plan(json_schema, json_schema, ())


def spark_schema(json_schema: Optional[Dict[str, Any]] = None):
    """The Spark ``StructType`` of a record, derived from its JSON Schema (default
    :func:`zhengling.record_schema`)."""
    return _record_plan(json_schema)[0]


def _text(v: Any) -> Optional[str]:
    if v is None:
        return None
    if isinstance(v, str):
        return v
    return json.dumps(v, ensure_ascii=False, separators=(",", ":"))


def _convert(v: Any, plan) -> Any:
    if v is None:
        return None
    kind = plan[0]
    if kind == "value":
        return v
    if kind == "float":
        return float(v)
    if kind == "text":
        return _text(v)
    if kind == "json":
        return json.dumps(v, ensure_ascii=False, separators=(",", ":"))
    if kind == "array":
        return [_convert(x, plan[1]) for x in v]
    return tuple(_convert(v.get(k), p) for k, p in plan[1])


def to_row(record: Dict[str, Any], plan=None) -> tuple:
    """A record as a row of :func:`spark_schema` (the conversions its docs name)."""
    if plan is None:
        plan = _record_plan()[2]
    return _convert(record, plan)


# ---------------------------------------------------------------------------------------
# Tasks.


def _is_local(path: str) -> bool:
    scheme = urlparse(path).scheme
    return scheme in ("", "file") or (len(scheme) == 1 and os.name == "nt")


def _local_path(path: str) -> str:
    parsed = urlparse(path)
    if parsed.scheme == "file":
        return parsed.path
    return path


def _suffix(path: str) -> str:
    """The name ending the readers pick the format by (`.warc.gz`, `.jsonl`, ...)."""
    name = os.path.basename(urlparse(path).path) or "input"
    return "-" + name


def _fetch(uri: str, directory: str) -> str:
    """Copies a remote file to a local temporary file (streamed) and returns its path."""
    fd, local = tempfile.mkstemp(prefix="zhengling-", suffix=_suffix(uri), dir=directory)
    try:
        with os.fdopen(fd, "wb") as out:
            try:
                import fsspec  # type: ignore[import-not-found]
            except ImportError:
                fsspec = None
            if fsspec is not None:
                with fsspec.open(uri, "rb") as src:
                    shutil.copyfileobj(src, out, 1 << 20)
            else:
                try:
                    from pyarrow import fs as pafs
                except ImportError as e:
                    raise RuntimeError(
                        f"{uri}: cannot read this URI in a Python task: install fsspec (and the "
                        "filesystem's package, e.g. s3fs) or pyarrow on the executors, or use "
                        "reader='hadoop'"
                    ) from e
                filesystem, inner = pafs.FileSystem.from_uri(uri)
                with filesystem.open_input_stream(inner) as src:
                    shutil.copyfileobj(src, out, 1 << 20)
    except BaseException:
        os.unlink(local)
        raise
    return local


def _rename(line: str, local: str, name: str) -> str:
    """Names a record of a local copy by the input's name (`FILE#N` inputs, error texts)."""
    if local == name or local not in line:
        return line
    record = json.loads(line)
    inp = record.get("input", "")
    if inp.startswith(local):
        record["input"] = name + inp[len(local) :]
        err = record.get("error")
        if err and err.startswith(local):
            record["error"] = name + err[len(local) :]
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _counts(path: str, summary: Optional[Dict[str, Any]], seconds: float, failure: Optional[str]):
    s = summary or {}
    errors = s.get("errors") or {}
    skipped = sum((s.get("skipped") or {}).values())
    pages_in = s.get("pages_in", 0)
    row: Dict[str, Any] = {
        "path": path,
        "records_in": pages_in + skipped,
        "pages_in": pages_in,
        "skipped": skipped,
        "records_out": s.get("records_out", 0),
        "ok": s.get("ok", 0),
        "errors": sum(errors.values()),
    }
    for k in ERROR_KINDS:
        row[f"errors_{k.replace('-', '_')}"] = errors.get(k, 0)
    row["bytes_in"] = s.get("bytes_in", 0)
    row["seconds"] = round(seconds, 3)
    row["failure"] = failure
    return row


def _process_file(
    pipeline, name: str, local: str, threads: int
) -> Iterator[Tuple[str, str, str]]:
    """("record", name, json) for each record of one file, then ("counts", name, json)."""
    started = time.monotonic()
    summary = None
    failure = None
    try:
        it = pipeline.iter_warc(local, threads=threads, json=True)
        for line in it:
            yield ("record", name, _rename(line, local, name))
        summary = it.summary
    except Exception as e:  # a file that cannot be read at all is counted, never lost
        failure = f"{name}: {type(e).__name__}: {e}"
    counts = _counts(name, summary, time.monotonic() - started, failure)
    yield ("counts", name, json.dumps(counts))


def _local_task(paths: Iterable[str], max_bytes: int, threads: int, timeout: Optional[float]):
    import zhengling

    pipeline = zhengling.Pipeline(max_bytes=max_bytes, threads=threads, timeout=timeout)
    for name in paths:
        if _is_local(name):
            yield from _process_file(pipeline, name, _local_path(name), threads)
            continue
        tmp = tempfile.mkdtemp(prefix="zhengling-task-")
        try:
            try:
                local = _fetch(name, tmp)
            except Exception as e:
                failure = f"{name}: cannot fetch: {type(e).__name__}: {e}"
                yield ("counts", name, json.dumps(_counts(name, None, 0.0, failure)))
                continue
            yield from _process_file(pipeline, name, local, threads)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


def _hadoop_task(
    files: Iterable[Tuple[str, bytes]], max_bytes: int, threads: int, timeout: Optional[float]
):
    import zhengling

    pipeline = zhengling.Pipeline(max_bytes=max_bytes, threads=threads, timeout=timeout)
    for name, data in files:
        tmp = tempfile.mkdtemp(prefix="zhengling-task-")
        try:
            local = os.path.join(tmp, "input" + _suffix(name))
            with open(local, "wb") as out:
                out.write(data)
            del data
            yield from _process_file(pipeline, name, local, threads)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


# ---------------------------------------------------------------------------------------
# The job.


def read_manifest(spark, manifest: Union[str, Sequence[str]]) -> List[str]:
    """The input paths of a manifest: a list of paths, or the path or URI of a text file
    (read through Spark, so any Hadoop-readable URI) with one path per line; blank lines
    and lines starting with ``#`` are ignored."""
    if isinstance(manifest, (list, tuple)):
        lines = list(manifest)
    else:
        lines = spark.sparkContext.textFile(str(manifest), 1).collect()
    paths = [line.strip() for line in lines]
    return [p for p in paths if p and not p.startswith("#")]


def process_files(
    spark,
    paths: Sequence[str],
    *,
    max_bytes: Optional[int] = None,
    threads: int = 1,
    timeout: Optional[float] = 30.0,
    reader: str = "auto",
):
    """An RDD of ``(what, path, json)`` tuples: ``("record", path, record JSON)`` for every
    record and one ``("counts", path, counts JSON)`` per file; one task per file."""
    import zhengling

    if not paths:
        raise ValueError("the manifest names no input file")
    if reader not in ("auto", "local", "hadoop"):
        raise ValueError(f'reader must be "auto", "local" or "hadoop", not {reader!r}')
    if reader == "auto":
        reader = "local" if all(_is_local(p) for p in paths) else "hadoop"
    limit = zhengling.DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    sc = spark.sparkContext
    if reader == "local":
        rdd = sc.parallelize(list(paths), len(paths))
        return rdd.mapPartitions(lambda it: _local_task(it, limit, threads, timeout))
    parts = [sc.binaryFiles(p, 1).map(lambda kv, p=p: (p, kv[1])) for p in paths]
    rdd = sc.union(parts) if len(parts) > 1 else parts[0]
    return rdd.mapPartitions(lambda it: _hadoop_task(it, limit, threads, timeout))


@dataclass
class JobResult:
    """What :func:`run` wrote and counted."""

    #: Where the records went: ``{"parquet": path, "jsonl": path}`` (the formats written).
    outputs: Dict[str, str]
    #: Where the counts table went (JSON Lines).
    counts_path: str
    #: One dict per input file (:data:`COUNT_COLUMNS`).
    counts: List[Dict[str, Any]]
    #: The counts added up over the files, with ``files``, ``records_written`` (records in
    #: the output) and ``pages_per_second`` (pages over the job's wall time).
    totals: Dict[str, Any] = field(default_factory=dict)


def run(
    spark,
    manifest: Union[str, Sequence[str]],
    output: str,
    *,
    output_format: str = "parquet",
    max_bytes: Optional[int] = None,
    threads: int = 1,
    timeout: Optional[float] = 30.0,
    reader: str = "auto",
    mode: str = "overwrite",
    compression: Optional[str] = None,
) -> JobResult:
    """Processes every file of ``manifest`` and writes ``output``/records (Parquet),
    ``output``/records.jsonl (JSON Lines) and ``output``/counts (JSON Lines, one row per file).

    :param output_format: ``"parquet"``, ``"jsonl"`` or ``"both"``.
    :param reader: how tasks read their file (``"auto"``, ``"local"``, ``"hadoop"``; see the
        module docs).
    :param compression: the codec of the record outputs (Spark's names: ``"snappy"``,
        ``"gzip"``, ``"zstd"``); default Spark's (snappy Parquet, plain JSON Lines).
    :raises RuntimeError: when the records written do not add up to the files' counts.
    """
    from pyspark import StorageLevel

    if output_format not in ("parquet", "jsonl", "both"):
        raise ValueError(f'output_format must be "parquet", "jsonl" or "both", not {output_format!r}')
    started = time.monotonic()
    paths = read_manifest(spark, manifest)
    items = process_files(
        spark, paths, max_bytes=max_bytes, threads=threads, timeout=timeout, reader=reader
    ).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        records = items.filter(lambda t: t[0] == "record").map(lambda t: t[2])
        outputs: Dict[str, str] = {}
        base = output.rstrip("/")
        if output_format in ("jsonl", "both"):
            outputs["jsonl"] = base + "/records.jsonl"
            frame = spark.createDataFrame(records.map(lambda s: (s,)), "value string")
            writer = frame.write.mode(mode)
            if compression:
                writer = writer.option("compression", compression)
            writer.text(outputs["jsonl"])
        if output_format in ("parquet", "both"):
            outputs["parquet"] = base + "/records"
            # Spark's JSON reader parses the records in the JVM with the derived schema;
            # FAILFAST: a record that does not fit fails the job instead of becoming nulls.
            frame = spark.read.schema(spark_schema()).option("mode", "FAILFAST").json(records)
            writer = frame.write.mode(mode)
            if compression:
                writer = writer.option("compression", compression)
            writer.parquet(outputs["parquet"])
        counts = [json.loads(t[2]) for t in items.filter(lambda t: t[0] == "counts").collect()]
        written = records.count()
    finally:
        items.unpersist()
    order = {p: i for i, p in enumerate(paths)}
    counts.sort(key=lambda c: order.get(c["path"], len(order)))
    counts_path = base + "/counts"
    spark.createDataFrame(
        [tuple(c[k] for k in COUNT_COLUMNS) for c in counts], _counts_schema()
    ).coalesce(1).write.mode(mode).json(counts_path)
    totals: Dict[str, Any] = {"files": len(counts)}
    for k in COUNT_COLUMNS:
        if k not in ("path", "failure", "seconds"):
            totals[k] = sum(c[k] for c in counts)
    totals["failed_files"] = sum(1 for c in counts if c["failure"])
    totals["records_written"] = written
    elapsed = time.monotonic() - started
    totals["seconds"] = round(elapsed, 3)
    totals["pages_per_second"] = round(totals["pages_in"] / elapsed, 1) if elapsed > 0 else 0.0
    if written != totals["records_out"] or len(counts) != len(paths):
        raise RuntimeError(
            f"records written ({written}) or files counted ({len(counts)}) do not add up to the "
            f"counts ({totals['records_out']} records out of {len(paths)} files)"
        )
    return JobResult(outputs=outputs, counts_path=counts_path, counts=counts, totals=totals)


def _counts_schema():
    from pyspark.sql import types as T

    fields = []
    for k in COUNT_COLUMNS:
        if k in ("path", "failure"):
            fields.append(T.StructField(k, T.StringType(), k == "failure"))
        elif k == "seconds":
            fields.append(T.StructField(k, T.DoubleType(), False))
        else:
            fields.append(T.StructField(k, T.LongType(), False))
    return T.StructType(fields)


def main(argv: Optional[Sequence[str]] = None) -> int:
    """``spark-submit python/examples/spark_job.py MANIFEST OUTPUT [options]``."""
    import argparse

    from pyspark.sql import SparkSession

    ap = argparse.ArgumentParser(
        prog="zhengling.spark",
        description="zhengling over a manifest of WARC/WET/JSONL files, one Spark task per file",
    )
    ap.add_argument("manifest", help="text file (any Hadoop-readable URI) with one input path per line")
    ap.add_argument("output", help="output directory: records/, records.jsonl/, counts/")
    ap.add_argument("--format", default="parquet", choices=["parquet", "jsonl", "both"])
    ap.add_argument("--reader", default="auto", choices=["auto", "local", "hadoop"])
    ap.add_argument("--threads", type=int, default=1, help="cores per task (default 1)")
    ap.add_argument("--max-bytes", type=int, default=None)
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds per page (0: none)")
    ap.add_argument("--compression", default=None)
    ap.add_argument("--master", default=None, help="Spark master when not set by spark-submit")
    args = ap.parse_args(argv)
    builder = SparkSession.builder.appName("zhengling")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        result = run(
            spark,
            args.manifest,
            args.output,
            output_format=args.format,
            max_bytes=args.max_bytes,
            threads=args.threads,
            timeout=args.timeout or None,
            reader=args.reader,
            compression=args.compression,
        )
    finally:
        spark.stop()
    for c in result.counts:
        print(json.dumps(c, ensure_ascii=False), file=sys.stderr)
    print(json.dumps(result.totals), file=sys.stderr)
    return 0 if result.totals["failed_files"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
