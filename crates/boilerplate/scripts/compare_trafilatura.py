#!/usr/bin/env python3
"""Runs the same pages through trafilatura and through zhengling's extractor; prints body F1
(character bigrams, as shared/eval/score.py computes it) and pages/s on one core for both.

Usage, from the workspace root (trafilatura is not a dependency of the project):

    pip install trafilatura
    cargo build --release -p zhengling-boilerplate --example extract --target-dir target-boilerplate
    python3 crates/boilerplate/scripts/compare_trafilatura.py \
        --bin target-boilerplate/release/examples/extract \
        --set ../shared/corpus/daniel --set ../shared/corpus/cwced

Each set is a folder with pages/ and gold/ (gold JSON names its page with "page"). Timing is
CPU time of one process: trafilatura in this interpreter (time.process_time around the
extraction calls only), zhengling through the example's --bench mode, which reports pages/s
of on-CPU time of one thread. Both read the same decoded pages: trafilatura gets the raw
bytes and decodes them itself, zhengling decodes in the example (BOM, declared charset,
UTF-8, then detection).
"""
import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def load_scorer(path):
    sys.path.insert(0, str(path))
    import score  # noqa: E402  (shared/eval/score.py)
    return score


def gold_pages(set_dir):
    out = []
    for g in sorted((set_dir / "gold").glob("*.json")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        out.append((set_dir / "pages" / (gold.get("page") or gold["seed"]), gold))
    return out


def body_with_title(title, paragraphs, gold):
    paras = list(paragraphs)
    if gold.get("body_includes_title") and title:
        paras = [title] + paras
    return "\n".join(paras)


def run_trafilatura(pages, rounds):
    import trafilatura
    blobs = [p.read_bytes() for p, _ in pages]
    results = []
    for b in blobs:
        doc = trafilatura.bare_extraction(b, include_comments=False, include_tables=True,
                                          with_metadata=True)
        title = getattr(doc, "title", None) if doc is not None else None
        text = getattr(doc, "text", None) if doc is not None else None
        results.append((title, (text or "").split("\n")))
    t0 = time.process_time()
    for _ in range(rounds):
        for b in blobs:
            trafilatura.bare_extraction(b, include_comments=False, include_tables=True,
                                        with_metadata=True)
    cpu = time.process_time() - t0
    return results, len(blobs) * rounds / cpu if cpu > 0 else float("nan")


def run_zhengling(binary, pages, rounds):
    paths = [str(p) for p, _ in pages]
    out = subprocess.run([binary, "--json"] + paths, capture_output=True, check=True)
    results = []
    for line in out.stdout.decode("utf-8").splitlines():
        d = json.loads(line)
        results.append((d.get("title"), d.get("paragraphs") or []))
    bench = subprocess.run([binary, "--bench", str(rounds)] + paths, capture_output=True, check=True)
    m = re.search(r"on-CPU (\d+) pages/s", bench.stderr.decode("utf-8"))
    return results, float(m.group(1)) if m else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True, help="the zhengling-boilerplate extract example")
    ap.add_argument("--set", action="append", required=True, help="folder with pages/ and gold/")
    ap.add_argument("--scorer", default=str(HERE.parents[2].parent / "shared" / "eval"),
                    help="folder holding score.py")
    ap.add_argument("--rounds", type=int, default=3, help="timing rounds for zhengling")
    ap.add_argument("--traf-rounds", type=int, default=1, help="timing rounds for trafilatura")
    a = ap.parse_args()
    score = load_scorer(a.scorer)
    rows = []
    for s in a.set:
        set_dir = Path(s)
        pages = gold_pages(set_dir)
        zr, zps = run_zhengling(a.bin, pages, a.rounds)
        tr, tps = run_trafilatura(pages, a.traf_rounds)
        zf = [score.f1(body_with_title(t, p, g), "\n".join(g["body"])) for (t, p), (_, g) in zip(zr, pages)]
        tf = [score.f1(body_with_title(t, p, g), "\n".join(g["body"])) for (t, p), (_, g) in zip(tr, pages)]
        rows.append((set_dir.name, len(pages), sum(zf) / len(zf), zps, sum(tf) / len(tf), tps))
    print("| set | pages | zhengling F1 | zhengling pages/s | trafilatura F1 | trafilatura pages/s | speed-up |")
    print("|---|---|---|---|---|---|---|")
    for name, n, zf, zps, tf, tps in rows:
        print(f"| {name} | {n} | {zf:.3f} | {zps:.0f} | {tf:.3f} | {tps:.1f} | {zps / tps:.0f}x |")


if __name__ == "__main__":
    main()
