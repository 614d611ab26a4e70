#!/usr/bin/env bash
# Side-by-side speed of the whole zhengling pipeline and dom_smoothie's text extraction on the
# same pages, one thread each, in one run: the rounds alternate the two tools so that load
# from other processes hits both alike. Reports medians of wall-clock and of on-CPU time
# (user + system; the fairer number on a shared machine), process start included for both.
#
# Usage: scripts/compare_dom_smoothie.sh DS_RUNNER [PAGES_DIR] [ROUNDS] [REPEAT]
#   DS_RUNNER  a dom_smoothie runner binary (not part of the project; build it outside the
#              repository): a Cargo package with dom_smoothie = "0.19", encoding_rs = "0.8"
#              and chardetng = "1.0" whose main reads every file named on its command line,
#              decodes it (BOM, else chardetng's guess with UTF-8 allowed), runs
#              dom_smoothie::Readability::new(text, None, None)?.parse() and reads
#              article.text_content.
#   PAGES_DIR  default ../shared/corpus/daniel/pages (read in place, never copied)
#   ROUNDS     default 7
#   REPEAT     how many times each tool reads the page set in one process (default 1)
set -euo pipefail
cd "$(dirname "$0")/.."
DS="${1:?usage: $0 DS_RUNNER [PAGES_DIR] [ROUNDS] [REPEAT]}"
DIR="${2:-../shared/corpus/daniel/pages}"
ROUNDS="${3:-7}"
REPEAT="${4:-1}"
cargo build --release --example zhengling --quiet
ZL=target/release/examples/zhengling

mapfile -t ONE < <(find "$DIR" -maxdepth 1 -type f | sort)
FILES=()
for _ in $(seq "$REPEAT"); do FILES+=("${ONE[@]}"); done
PAGES=${#FILES[@]}
BYTES=$(( $(cat "${ONE[@]}" | wc -c) * REPEAT ))

measure() { # prints "wall cpu" of one run of the command
    local log; log=$(mktemp)
    /usr/bin/time -f "%e %U %S" -o "$log" "$@" > /dev/null 2>&1
    awk '{ printf "%s %.3f\n", $1, $2 + $3 }' "$log"
    rm -f "$log"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

zw=(); zc=(); dw=(); dc=()
for _ in $(seq "$ROUNDS"); do
    read -r w c < <(measure "$ZL" --json --threads 1 "${FILES[@]}"); zw+=("$w"); zc+=("$c")
    read -r w c < <(measure "$DS" "${FILES[@]}"); dw+=("$w"); dc+=("$c")
done
ZW=$(printf '%s\n' "${zw[@]}" | median); ZC=$(printf '%s\n' "${zc[@]}" | median)
DW=$(printf '%s\n' "${dw[@]}" | median); DC=$(printf '%s\n' "${dc[@]}" | median)

echo "pages: $PAGES ($(( BYTES / 1000000 )) MB) from $DIR; $(nproc) cores; rounds: $ROUNDS; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| tool | threads | pages/s (wall) | MB/s (wall) | pages/s (CPU) | MB/s (CPU) |"
echo "|---|---|---|---|---|---|"
row() {
    awk -v t="$1" -v p="$PAGES" -v b="$BYTES" -v w="$2" -v c="$3" \
        'BEGIN { printf "| %s | 1 | %.0f | %.1f | %.0f | %.1f |\n", t, p / w, b / 1e6 / w, p / c, b / 1e6 / c }'
}
row "zhengling --json (whole pipeline)" "$ZW" "$ZC"
row "dom_smoothie 0.19 (text extraction)" "$DW" "$DC"
awk -v zw="$ZW" -v dw="$DW" -v zc="$ZC" -v dc="$DC" \
    'BEGIN { printf "\nzhengling / dom_smoothie: %.2fx (wall), %.2fx (CPU)\n", dw / zw, dc / zc }'
