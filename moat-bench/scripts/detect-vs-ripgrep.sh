#!/usr/bin/env bash
# Side-by-side: Moat's detection engine against ripgrep on the same >= 100 MB mixed corpus, one thread.
#
#   moat-bench/scripts/detect-vs-ripgrep.sh [SIZE_MB] [RUNS]
#
# - The corpus comes from the seeded generator (LabeledCorpus, seed 20261128): Chinese/English prose,
#   logs, JSON and CSV with planted entities and their confounders. It is written once to
#   moat-bench/target/detect-corpus-<SIZE>.txt.
# - Moat: `./moat detect --format jsonl --threads 1 FILE > /dev/null`, the launcher as a user runs it
#   (it adds its class-data-sharing archive for detect, made once beforehand), and the same command
#   as a bare `java -jar moat-cli/target/moat.jar`. Without a built detect command: the stand-in
#   dev.moat.bench.DetectFile, which streams the file through DetectionEngine.scan and writes the
#   same jsonl lines (the script says which one ran).
# - ripgrep: `rg -o -n -f moat-bench/scripts/patterns.txt FILE > /dev/null` (one ordinary regex per
#   entity, no boundaries, validation or context). Install with `apt-get install ripgrep`.
# - MOAT_JAVA_OPTS (environment) adds JVM options to the Moat side, e.g. MOAT_JAVA_OPTS=-XX:TieredStopAtLevel=1.
# - SIZE_MB above 120 concatenates whole copies of the 120 MB corpus up to at least that size
#   (1024 -> 9 copies, 1080 MB).
# Prints the best of RUNS wall times and the CPU (user+sys) of the same runs, MB/s and the ratios.
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZE_MB=${1:-120}
RUNS=${2:-3}
PATTERNS=moat-bench/scripts/patterns.txt
. moat-bench/scripts/detect-setup.sh
require_rg
detect_corpus "$SIZE_MB"
BYTES=$(stat -c %s "$CORPUS")
MB=$(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1048576 }')

LAUNCHER=""
if [[ -f moat-cli/target/moat.jar ]] && java -jar moat-cli/target/moat.jar detect --help >/dev/null 2>&1; then
  MOAT_NAME="java ${MOAT_JAVA_OPTS:-} -jar moat-cli/target/moat.jar detect --format jsonl --threads 1"
  # shellcheck disable=SC2086
  moat_cmd() { java ${MOAT_JAVA_OPTS:-} -jar moat-cli/target/moat.jar detect --format jsonl --threads 1 "$CORPUS" > /dev/null || [[ $? == 1 ]]; }
  LAUNCHER="./moat detect --format jsonl --threads 1"
  launcher_cmd() { ./moat detect --format jsonl --threads 1 "$CORPUS" > /dev/null || [[ $? == 1 ]]; }
  detect_launcher_ready
else
  MOAT_NAME="DetectFile stand-in (moat detect not built yet): java -cp $BENCH_JAR dev.moat.bench.DetectFile"
  moat_cmd() { java -cp "$BENCH_JAR" dev.moat.bench.DetectFile "$CORPUS" > /dev/null 2>/dev/null; }
fi
rg_cmd() { rg -o -n -f "$PATTERNS" "$CORPUS" > /dev/null; }

# best_of FUNC: runs FUNC $RUNS times, prints "best_wall cpu_of_that_run"
best_of() {
  local best_wall="" best_cpu="" t
  for ((i = 0; i < RUNS; i++)); do
    t=$( { TIMEFORMAT='%R %U %S'; time "$1"; } 2>&1 | tail -1 )
    read -r wall user sys <<<"$t"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
    if [[ -z $best_wall ]] || awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then
      best_wall=$wall; best_cpu=$cpu
    fi
  done
  echo "$best_wall $best_cpu"
}

read -r MW MC <<<"$(best_of moat_cmd)"
read -r RW RC <<<"$(best_of rg_cmd)"
[[ -n $LAUNCHER ]] && read -r LW LC <<<"$(best_of launcher_cmd)"
rate() { awk -v mb="$MB" -v s="$1" 'BEGIN { printf "%.1f", mb / s }'; }
echo "corpus:  $CORPUS ($MB MB, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
echo "moat:    $MOAT_NAME"
echo "         wall ${MW}s = $(rate "$MW") MB/s   cpu ${MC}s = $(rate "$MC") MB/s"
echo "ripgrep: rg -o -n -f $PATTERNS FILE ($(rg --version | head -1))"
echo "         wall ${RW}s = $(rate "$RW") MB/s   cpu ${RC}s = $(rate "$RC") MB/s"
echo "ratio (ripgrep time / moat time): wall $(awk -v r="$RW" -v m="$MW" 'BEGIN { printf "%.2f", r / m }')x   cpu $(awk -v r="$RC" -v m="$MC" 'BEGIN { printf "%.2f", r / m }')x"
if [[ -n $LAUNCHER ]]; then
  echo "launcher: $LAUNCHER"
  echo "         wall ${LW}s = $(rate "$LW") MB/s   cpu ${LC}s = $(rate "$LC") MB/s"
  echo "ratio (ripgrep time / launcher time): wall $(awk -v r="$RW" -v m="$LW" 'BEGIN { printf "%.2f", r / m }')x   cpu $(awk -v r="$RC" -v m="$LC" 'BEGIN { printf "%.2f", r / m }')x"
fi
