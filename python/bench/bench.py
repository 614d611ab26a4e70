"""Pages per second of the Python binding against the binary, on one thread, and of the Spark
job on local[2]. Not a test: a measurement, printed as a Markdown table.

    target/ci-venv/bin/python python/bench/bench.py                 # binding vs binary
    target/ci-venv/bin/python python/bench/bench.py --spark         # and Spark local[2]

The corpus is read where it lies (default ../shared/corpus/daniel/pages beside the
repository; never copied into it). Each measurement processes the set `--copies` times (the
README's binary figures use 5 copies, 1,000 pages) and is the median of `--repeat` runs.
The binary is the release build of the example (`cargo build --release --example
zhengling`, built when missing); its time includes starting the process, as the README's do.
Besides wall-clock pages/s, pages per CPU second (user + system, the binary's own as a child
process) are printed: the steadier figure on a shared machine, and the fair one for "one
thread", since the binary with `--threads 1` still reads and writes on threads of its own.
"""

from __future__ import annotations

import argparse
import gzip
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _cpu():
    """CPU seconds of this process and of its finished children (the binary)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def median_time(fn, repeat):
    """Median wall seconds and median CPU seconds of `repeat` calls."""
    walls, cpus = [], []
    for _ in range(repeat):
        c = _cpu()
        t = time.perf_counter()
        fn()
        walls.append(time.perf_counter() - t)
        cpus.append(_cpu() - c)
    return statistics.median(walls), statistics.median(cpus)


def binary_path(arg):
    if arg:
        return Path(arg)
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    path = target / "release" / "examples" / "zhengling"
    if not path.exists():
        subprocess.run(["cargo", "build", "--release", "--example", "zhengling"], cwd=ROOT, check=True)
    return path


def warc_of(pages, path):
    """A gzip WARC file of `pages` ((name, bytes)), one response record each."""
    out = []
    for i, (name, data) in enumerate(pages):
        block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + data
        head = (
            "WARC/1.1\r\nWARC-Type: response\r\nWARC-Date: 2022-10-08T02:10:06Z\r\n"
            f"WARC-Record-ID: <urn:uuid:{i:08d}-0000-0000-0000-000000000000>\r\n"
            f"WARC-Target-URI: http://bench.example/{i}/{name}\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {len(block)}\r\n\r\n"
        ).encode()
        out.append(gzip.compress(head + block + b"\r\n\r\n", compresslevel=1))
    path.write_bytes(b"".join(out))
    return path


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "daniel" / "pages"))
    ap.add_argument("--binary", default=None)
    ap.add_argument("--copies", type=int, default=5)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--spark", action="store_true", help="also run the Spark job on local[2]")
    args = ap.parse_args()

    import zhengling

    corpus = Path(args.corpus)
    files = sorted(p for p in corpus.iterdir() if p.is_file())
    if not files:
        sys.exit(f"bench: no pages in {corpus}")
    n = len(files) * args.copies
    megabytes = sum(p.stat().st_size for p in files) * args.copies / 1e6
    cores = os.cpu_count()
    rows = []

    def row(what, threads, measured):
        seconds, cpu = measured if isinstance(measured, tuple) else (measured, None)
        rows.append((what, threads, n / seconds, megabytes / seconds, seconds, n / cpu if cpu else None))

    binary = binary_path(args.binary)
    inputs = [str(corpus)] * args.copies
    run = lambda threads: subprocess.run(  # noqa: E731
        [str(binary), "--json", "--threads", str(threads), *inputs],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    one_thread = [("binary `--json` (process start included)", lambda: run(1))]

    pipeline = zhengling.Pipeline(threads=1)

    def read_pages():
        return [(str(p), p.read_bytes()) for _ in range(args.copies) for p in files]

    def one_by_one():
        for name, data in read_pages():
            pipeline.process(data, input=name)

    def many():
        pipeline.process_many(read_pages(), threads=1)

    def warc_dir():
        for _ in range(args.copies):
            for _ in pipeline.iter_warc(corpus, threads=1):
                pass

    one_thread += [
        ("Python `Pipeline.process` in a loop", one_by_one),
        ("Python `process_many(threads=1)`", many),
        ("Python `iter_warc(directory, threads=1)`", warc_dir),
    ]
    # rounds alternate the contenders, so that a busy spell of the machine hits them alike
    samples = {what: [] for what, _ in one_thread}
    for _ in range(args.repeat):
        for what, fn in one_thread:
            samples[what].append(median_time(fn, 1))
    for what, _ in one_thread:
        walls = [w for w, _ in samples[what]]
        cpus = [c for _, c in samples[what]]
        row(what, 1, (statistics.median(walls), statistics.median(cpus)))
    row("binary `--json`", 2, median_time(lambda: run(2), args.repeat))
    pipeline2 = zhengling.Pipeline(threads=2)
    row("Python `process_many`", 2, median_time(lambda: pipeline2.process_many(read_pages()), args.repeat))

    if args.spark:
        from pyspark.sql import SparkSession

        import zhengling.spark as zs

        os.environ["PYSPARK_PYTHON"] = sys.executable
        spark = (
            SparkSession.builder.master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate()
        )
        spark.sparkContext.setLogLevel("ERROR")
        with tempfile.TemporaryDirectory() as tmp:
            pages = [(p.name, p.read_bytes()) for _ in range(args.copies) for p in files]
            half = len(pages) // 2
            warcs = [str(warc_of(pages[:half], Path(tmp) / "a.warc.gz")), str(warc_of(pages[half:], Path(tmp) / "b.warc.gz"))]
            for fmt in ("jsonl", "parquet"):
                seconds = []
                for i in range(max(1, args.repeat // 2)):
                    t = time.perf_counter()
                    result = zs.run(spark, warcs, f"{tmp}/out-{fmt}-{i}", output_format=fmt)
                    seconds.append(time.perf_counter() - t)
                    assert result.totals["records_written"] == n, result.totals
                row(f"Spark `local[2]`, 2 WARC files, {fmt} out (job, session started)", 2, statistics.median(seconds))
        spark.stop()

    print(f"{n} pages ({megabytes:.1f} MB), {cores} cores, median of {args.repeat} runs\n")
    print("| what | threads | pages/s (wall) | MB/s | seconds | pages per CPU second |")
    print("|---|---|---|---|---|---|")
    for what, threads, pps, mbs, s, per_cpu in rows:
        cpu = f"{per_cpu:,.0f}" if per_cpu else "-"
        print(f"| {what} | {threads} | {pps:,.0f} | {mbs:.1f} | {s:.2f} | {cpu} |")


if __name__ == "__main__":
    main()
