#!/usr/bin/env bash
# The corpus benchmark behind docs/scale.md: generates a synthetic crawl (5,000 pages by
# default, into target-batch/bench-corpus; nothing is committed), then runs the zhengling
# binary over the page directory and over the same pages as a .warc.gz with 1 and 2 worker
# threads, under /usr/bin/time -v for peak memory; and trafilatura on the same files when it
# is installed (pip install trafilatura lxml_html_clean; not a project dependency).
#
# Usage: scripts/bench_corpus.sh [PAGES]     (env: TARGET_DIR, default target-batch)
set -euo pipefail
cd "$(dirname "$0")/.."
PAGES="${1:-5000}"
TARGET_DIR="${TARGET_DIR:-target-batch}"
CORPUS="$TARGET_DIR/bench-corpus"
BIN="$TARGET_DIR/release/examples/zhengling"

if [ ! -f "$CORPUS/manifest.tsv" ] || [ "$(wc -l < "$CORPUS/manifest.tsv")" -ne "$PAGES" ]; then
    rm -rf "$CORPUS"
    python3 scripts/gen_corpus.py "$CORPUS" --pages "$PAGES"
fi
cargo build --release --example zhengling --target-dir "$TARGET_DIR" --quiet
MB=$(du -cb "$CORPUS"/pages/* | tail -1 | cut -f1)

echo "corpus: $PAGES pages, $((MB / 1000000)) MB of page bytes; $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| run | threads | pages/s | MB/s | wall s | CPU s | peak RSS MB | error lines |"
echo "|---|---|---|---|---|---|---|---|"
run() {
    local label="$1" threads="$2"; shift 2
    local log; log=$(mktemp)
    /usr/bin/time -v "$BIN" --json --threads "$threads" "$@" > "$log.out" 2> "$log"
    local wall cpu rss lines errors
    wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
    cpu=$(grep -E "(User|System) time" "$log" | awk '{ s += $NF } END { print s }')
    rss=$(grep "Maximum resident set size" "$log" | awk '{print $NF}')
    lines=$(wc -l < "$log.out")
    errors=$(grep -c '"error":' "$log.out" || true)
    [ "$lines" -eq "$PAGES" ] || echo "WARNING: $lines output lines for $PAGES pages" >&2
    awk -v l="$label" -v t="$threads" -v p="$PAGES" -v b="$MB" -v w="$wall" -v c="$cpu" -v r="$rss" -v e="$errors" \
        'BEGIN { printf "| %s | %d | %.0f | %.2f | %.2f | %.2f | %.0f | %d |\n", l, t, p / w, b / 1e6 / w, w, c, r / 1024, e }'
    rm -f "$log" "$log.out"
}
run "zhengling, page files" 1 "$CORPUS/pages"
run "zhengling, page files" 2 "$CORPUS/pages"
run "zhengling, crawl.warc.gz" 1 "$CORPUS/crawl.warc.gz"
run "zhengling, crawl.warc.gz" 2 "$CORPUS/crawl.warc.gz"

if python3 -c "import trafilatura" 2>/dev/null; then
    for procs in 1 2; do
        log=$(mktemp)
        /usr/bin/time -v python3 scripts/bench_trafilatura.py "$CORPUS/pages" --procs "$procs" > "$log.out" 2> "$log"
        rss=$(grep "Maximum resident set size" "$log" | awk '{print $NF}')
        cpu=$(grep -E "(User|System) time" "$log" | awk '{ s += $NF } END { print s }')
        # With a pool, RSS is per process: the largest one is reported, the total is higher.
        awk -v r="$rss" -v c="$cpu" -v p="$procs" '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } }
            END { printf "| trafilatura %s, page files | %d (processes) | %.0f | %.2f | %.2f | %.2f | %.0f | %d empty |\n",
                  $2, p, v["pages/s"], v["MB/s"], v["secs"], c, r / 1024, v["empty"] }' "$log.out"
        rm -f "$log" "$log.out"
    done
else
    echo "(trafilatura not installed: pip install trafilatura lxml_html_clean)"
fi
