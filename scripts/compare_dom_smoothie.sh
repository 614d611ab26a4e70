#!/usr/bin/env bash
# Side-by-side speed of the whole zhengling pipeline and dom_smoothie's text extraction on the
# same pages, one thread each, in one run: the rounds alternate the two tools so that load
# from other processes hits both alike; medians are reported.
#
# zhengling: `zhengling --json --threads 1 PAGES...` (reading, decoding, boilerplate,
#   normalization, entities, directive, JSON output): the rate of its own summary line (the
#   batch, after the pipeline is built) and the process's CPU time (user + system, process
#   start and pipeline build included).
# dom_smoothie: text extraction only, as the brief measures it: the time inside
#   Readability::new + parse (wall and thread CPU), reading and decoding excluded.
#
# Usage: scripts/compare_dom_smoothie.sh DS_RUNNER [PAGES_DIR] [ROUNDS] [REPEAT]
#   DS_RUNNER  a dom_smoothie runner binary (not part of the project; build it outside the
#              repository): a Cargo package with dom_smoothie = "0.19", encoding_rs = "0.8",
#              chardetng = "1.0" and libc = "0.2" whose main reads every file named on its
#              command line, decodes it (BOM, else chardetng's guess), and times only
#              `dom_smoothie::Readability::new(&text, None, None)?.parse()` (reading
#              `article.text_content`) with Instant and CLOCK_THREAD_CPUTIME_ID, then prints
#              on stderr `pages=N bytes=B ... extraction_secs=S ... extraction_cpu_secs=C ...`.
#   PAGES_DIR  default ../shared/corpus/daniel/pages (read in place, never copied)
#   ROUNDS     default 7
#   REPEAT     how many times each tool reads the page set in one process (default 5)
# Environment: ZL=PATH compares another zhengling binary instead of building this tree's.
set -euo pipefail
cd "$(dirname "$0")/.."
DS="${1:?usage: $0 DS_RUNNER [PAGES_DIR] [ROUNDS] [REPEAT]}"
DIR="${2:-../shared/corpus/daniel/pages}"
ROUNDS="${3:-7}"
REPEAT="${4:-5}"
# ZL=path runs another zhengling binary (an older build, say) instead of building this one
if [ -z "${ZL:-}" ]; then
    cargo build --release --example zhengling --quiet
    ZL=target/release/examples/zhengling
fi

mapfile -t ONE < <(find "$DIR" -maxdepth 1 -type f | sort)
FILES=()
for _ in $(seq "$REPEAT"); do FILES+=("${ONE[@]}"); done
PAGES=${#FILES[@]}
BYTES=$(( $(cat "${ONE[@]}" | wc -c) * REPEAT ))

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
field() { grep -o "$1=[0-9.]*" | head -1 | cut -d= -f2; }

zb=(); zc=(); dw=(); dc=()
for _ in $(seq "$ROUNDS"); do
    log=$(mktemp)
    /usr/bin/time -f "cpu=%U %S" -o "$log.t" "$ZL" --json --threads 1 "${FILES[@]}" > /dev/null 2> "$log"
    zb+=("$(grep -o '([0-9.]* pages/s' "$log" | tr -d '(' | cut -d' ' -f1)")
    zc+=("$(awk '{ sub("cpu=", ""); print $1 + $2 }' "$log.t")")
    "$DS" "${FILES[@]}" 2> "$log" > /dev/null
    dw+=("$(field extraction_secs < "$log")")
    dc+=("$(field extraction_cpu_secs < "$log")")
    rm -f "$log" "$log.t"
done
ZB=$(printf '%s\n' "${zb[@]}" | median); ZC=$(printf '%s\n' "${zc[@]}" | median)
DW=$(printf '%s\n' "${dw[@]}" | median); DC=$(printf '%s\n' "${dc[@]}" | median)

echo "pages: $PAGES ($(( BYTES / 1000000 )) MB) from $DIR; $(nproc) cores; rounds: $ROUNDS; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| tool | threads | pages/s (wall) | MB/s (wall) | pages/s (CPU) | MB/s (CPU) |"
echo "|---|---|---|---|---|---|"
awk -v p="$PAGES" -v b="$BYTES" -v zb="$ZB" -v zc="$ZC" -v dw="$DW" -v dc="$DC" 'BEGIN {
    printf "| zhengling --json, whole pipeline (wall: its batch; CPU: the whole process) | 1 | %.0f | %.1f | %.0f | %.1f |\n", zb, zb * b / p / 1e6, p / zc, b / 1e6 / zc
    printf "| dom_smoothie 0.19, text extraction only | 1 | %.0f | %.1f | %.0f | %.1f |\n", p / dw, b / 1e6 / dw, p / dc, b / 1e6 / dc
    printf "\nzhengling / dom_smoothie: %.2fx (wall), %.2fx (CPU)\n", zb / (p / dw), (p / zc) / (p / dc)
}'
