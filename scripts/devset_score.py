#!/usr/bin/env python3
"""Scores the release binary on the development set in devset/ (see devset/README.md).

Builds `target/release/examples/zhengling` (unless --no-build or --bin), runs it with --json on
every page of devset/pages/, and prints one row per page (title, published, issuer, kind and
region right or wrong; measure-term recall; OxCGRT recall and extra codes; body F1 over
character bigrams) and a SCORE line per shape (lines, flat, news). Run from the repository root.
"""
import argparse
import collections
import json
import pathlib
import re
import subprocess
import sys
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEV = ROOT / "devset"
SHAPES = ("lines", "flat", "news")


def fold(s):
    if s is None:
        return None
    s = unicodedata.normalize("NFKC", str(s))
    return re.sub(r"[\s“”\"'「」]", "", s)


def title_key(s):
    """A title compared without spaces and without a trailing bracketed number ((第1号))."""
    s = fold(s) or ""
    return re.sub(r"\((第?[0-9一二三四五六七八九十]+号令?)\)$", "", s)


def issuer_key(s):
    s = fold(s) or ""
    return re.sub(r"\((借章|代章|印)\)$", "", s)


def bigrams(s):
    s = fold(s) or ""
    return collections.Counter(s[i : i + 2] for i in range(len(s) - 1))


def f1(pred, gold):
    p, g = bigrams(pred), bigrams(gold)
    if not p and not g:
        return 1.0
    common = sum((p & g).values())
    if common == 0:
        return 0.0
    prec, rec = common / sum(p.values()), common / sum(g.values())
    return 2 * prec * rec / (prec + rec)


def gold_for(n, shape):
    g = json.loads((DEV / "gold" / f"{n}.json").read_text(encoding="utf-8"))
    over = g.get("shapes", {}).get(shape, {})
    return {**g, **over}


def body_reference(n, shape):
    lines = (DEV / "pages" / f"{n}_lines.txt").read_text(encoding="utf-8").split("\n")
    text = lines[lines.index("") + 1 :] if "" in lines else lines[1:]
    body = [l for l in text if l.strip()]
    if shape == "news":
        w = json.loads((DEV / "wrappers.json").read_text(encoding="utf-8")).get(n, {})
        if w.get("lead"):
            body = [w["lead"]] + [t for t in lines[: lines.index("")] if t] + body
    return "\n".join(body)


def measures(rec):
    d = rec.get("directive") or {}
    terms, codes = [], set()
    for it in d.get("items") or []:
        for m in it.get("measures") or []:
            # the lexicon's term and the words as written (as ../shared/eval/score.py reads them)
            terms.append(fold(m.get("term")) or "")
            if m.get("text"):
                terms.append(fold(m["text"]))
            if m.get("oxcgrt"):
                codes.add(m["oxcgrt"])
    return terms, codes


def term_found(gold_term, found):
    g = fold(gold_term)
    return any(t and (t in g or g in t) for t in found)


def score(rec, gold, n, shape):
    d = rec.get("directive") or {}
    row = {}
    row["title"] = title_key(rec.get("title")) == title_key(gold["title"])
    pub = (rec.get("published") or "")[:10] or None
    row["published"] = pub == gold["published"]
    issuers = {issuer_key(i) for i in gold["issuer"]}
    row["issuer"] = (issuer_key(d.get("issuer")) in issuers) if issuers else not d.get("issuer")
    row["kind"] = d.get("kind") == gold["kind"]
    row["region"] = d.get("region") == gold["region"]
    terms, codes = measures(rec)
    gt = gold["measure_terms"]
    row["terms"] = (sum(term_found(t, terms) for t in gt) / len(gt)) if gt else None
    go = set(gold["oxcgrt"])
    row["ox_recall"] = (len(go & codes) / len(go)) if go else None
    row["ox_extra"] = len(codes - go)
    row["ox_missing"] = sorted(go - codes)
    row["ox_extra_codes"] = sorted(codes - go)
    row["body_f1"] = f1("\n".join(rec.get("paragraphs") or []), body_reference(n, shape))
    row["got"] = {"title": rec.get("title"), "published": rec.get("published"), "issuer": d.get("issuer"),
                  "kind": d.get("kind"), "region": d.get("region")}
    return row


def mean(xs):
    xs = [x for x in xs if x is not None]
    return sum(xs) / len(xs) if xs else float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=str(ROOT / "target/release/examples/zhengling"))
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true", help="print what was found where wrong")
    ap.add_argument("-q", "--quiet", action="store_true", help="print the SCORE lines only")
    args = ap.parse_args()
    if not args.no_build and args.bin == str(ROOT / "target/release/examples/zhengling"):
        subprocess.run(["cargo", "build", "--release", "--quiet", "--example", "zhengling"], check=True, cwd=ROOT)
    pages = sorted(p for p in (DEV / "pages").iterdir() if re.match(r"\d{3}_(lines|flat|news)\.", p.name))
    out = subprocess.run([args.bin, "--json", *map(str, pages)], capture_output=True, text=True, check=True)
    recs = [json.loads(l) for l in out.stdout.splitlines() if l.strip()]
    rows = collections.defaultdict(list)
    if not args.quiet:
        print(f"{'page':<16} title pub  iss  kind reg  terms ox_rec extra body_f1")
    for p, rec in zip(pages, recs):
        n, shape = p.stem.split("_")
        g = gold_for(n, shape)
        r = score(rec, g, n, shape)
        rows[shape].append(r)
        if not args.quiet:
            yn = lambda b: " ok " if b else " -- "
            t = "  -  " if r["terms"] is None else f"{r['terms']:.2f} "
            o = "  -   " if r["ox_recall"] is None else f"{r['ox_recall']:.2f}  "
            print(f"{p.name:<16} {yn(r['title'])} {yn(r['published'])} {yn(r['issuer'])} {yn(r['kind'])} {yn(r['region'])} {t} {o} {r['ox_extra']:>3}   {r['body_f1']:.3f}")
            if args.verbose:
                wrong = {k: r["got"][k] for k in ("title", "published", "issuer", "kind", "region") if not r[k]}
                if wrong or r["ox_missing"] or r["ox_extra_codes"]:
                    print(f"    got {wrong} ox missing {r['ox_missing']} extra {r['ox_extra_codes']}")
    for shape in SHAPES:
        rs = rows.get(shape)
        if not rs:
            continue
        frac = lambda k: sum(r[k] for r in rs) / len(rs)
        print(
            f"{shape}: SCORE pages={len(rs)} title={frac('title'):.2f} published={frac('published'):.2f} "
            f"issuer={frac('issuer'):.2f} kind={frac('kind'):.2f} region={frac('region'):.2f} "
            f"terms={mean(r['terms'] for r in rs):.2f} oxcgrt_recall={mean(r['ox_recall'] for r in rs):.2f} "
            f"oxcgrt_extra={sum(r['ox_extra'] for r in rs) / len(rs):.2f}/page body_f1={mean(r['body_f1'] for r in rs):.3f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
