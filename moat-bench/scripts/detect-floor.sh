#!/usr/bin/env bash
# How much of the "5x ripgrep" budget of `moat detect` a JVM spends before any detection: the
# rungs of dev.moat.bench.DetectFloor (JVM start; reading the file; splitting it into runs; a lean
# pipeline with one checksum family and jsonl output), then `./moat detect` and ripgrep, on the same
# 120 MB corpus, one thread, interleaved in ROUNDS rounds so that each round sees the same load.
#
#   moat-bench/scripts/detect-floor.sh [ROUNDS]
#
# Prints the median wall time of each command and the budget (ripgrep's median / 5).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROUNDS=${1:-5}
PATTERNS=moat-bench/scripts/patterns.txt
. moat-bench/scripts/detect-setup.sh
require_rg
detect_corpus 120
detect_launcher_ready

names=(start read tokens lean moat rg)
run() {
  case "$1" in
    moat) ./moat detect --format jsonl --threads 1 "$CORPUS" || [[ $? == 1 ]] ;;
    rg) rg -o -n -f "$PATTERNS" "$CORPUS" ;;
    *) java -cp "$BENCH_JAR" dev.moat.bench.DetectFloor "$1" "$CORPUS" 2>/dev/null ;;
  esac
}
declare -A times
for ((r = 0; r < ROUNDS; r++)); do
  for n in "${names[@]}"; do
    t=$( { TIMEFORMAT='%R'; time run "$n" >/dev/null; } 2>&1 | tail -1 )
    times[$n]+="$t "
  done
done
median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "corpus: $CORPUS ($(stat -c %s "$CORPUS") bytes), $ROUNDS rounds, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for n in "${names[@]}"; do
  case "$n" in
    moat) label="./moat detect --format jsonl --threads 1" ;;
    rg) label="rg -o -n -f $PATTERNS ($(rg --version | head -1))" ;;
    *) label="DetectFloor $n" ;;
  esac
  printf '%-62s median %6.3f s   (%s)\n' "$label" "$(median "${times[$n]}")" "${times[$n]% }"
done
RG=$(median "${times[rg]}")
awk -v r="$RG" -v m="$(median "${times[moat]}")" -v l="$(median "${times[lean]}")" 'BEGIN {
  printf "budget for 5x ripgrep: %.3f s; ratio ripgrep/moat %.2fx, ripgrep/lean %.2fx\n", r / 5, r / m, r / l }'
