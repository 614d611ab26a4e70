#!/usr/bin/env python3
"""Runs trafilatura over the page files of a directory, for comparison with zhengling.

Usage: bench_trafilatura.py DIR [--procs N]

Reads every file, extracts the main text with trafilatura.extract (bytes in, so trafilatura
decodes them itself), in N processes; prints pages, seconds, pages/s and MB/s. Not a
dependency of the project: install trafilatura (and lxml_html_clean) locally to run it.
"""

import argparse
import multiprocessing
import os
import time

import trafilatura


def extract(path):
    with open(path, "rb") as f:
        data = f.read()
    text = trafilatura.extract(data, url=None, include_comments=False, with_metadata=True)
    return len(data), 0 if text is None else len(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--procs", type=int, default=1)
    a = ap.parse_args()
    paths = sorted(os.path.join(a.dir, n) for n in os.listdir(a.dir))
    start = time.perf_counter()
    if a.procs == 1:
        results = [extract(p) for p in paths]
    else:
        with multiprocessing.Pool(a.procs) as pool:
            results = pool.map(extract, paths, chunksize=32)
    secs = time.perf_counter() - start
    size = sum(r[0] for r in results)
    empty = sum(1 for r in results if r[1] == 0)
    print(f"trafilatura {trafilatura.__version__} procs={a.procs} pages={len(paths)} empty={empty} "
          f"secs={secs:.2f} pages/s={len(paths) / secs:.0f} MB/s={size / 1e6 / secs:.2f}")


if __name__ == "__main__":
    main()
