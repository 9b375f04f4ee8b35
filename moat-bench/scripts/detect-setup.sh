# Sourced by the detect benchmark scripts, from the repository root, after `set -euo pipefail`.
#
#   detect_corpus SIZE_MB   sets CORPUS to moat-bench/target/detect-corpus-SIZE_MB.txt, first
#                           building moat-bench/target/benchmarks.jar and writing the corpus when
#                           missing: the seeded generator (LabeledCorpus, seed 20261128) up to 120 MB,
#                           whole copies of the 120 MB corpus above that (1024 -> 9 copies, 1080 MB)
#   detect_launcher_ready   makes the launcher's class-data-sharing archive for detect and lets it
#                           learn from untimed runs on the corpus's first 2 MB, so that timed runs of
#                           ./moat detect are what a user's later runs are
#   require_rg              exits 2 with a hint when ripgrep is not installed
BENCH_JAR=moat-bench/target/benchmarks.jar
. moat-bench/scripts/launcher-learn.sh

require_rg() {
  command -v rg >/dev/null || { echo "ripgrep (rg) is not installed: apt-get install ripgrep" >&2; exit 2; }
}

detect_corpus() {
  local size=$1 base=moat-bench/target/detect-corpus-120.txt
  CORPUS=moat-bench/target/detect-corpus-${size}.txt
  if [[ ! -f $BENCH_JAR ]]; then
    ./mvnw -B -ntp -q -Pbench -pl moat-bench -am package -DskipTests
  fi
  [[ -f $CORPUS ]] && return 0
  if (( size > 120 )); then
    if [[ ! -f $base ]]; then
      echo "generating 120 MB corpus -> $base" >&2
      java -cp "$BENCH_JAR" dev.moat.bench.GenerateCorpus "$base" 120
    fi
    echo "concatenating whole copies of $base to at least ${size} MB -> $CORPUS" >&2
    while (( $(stat -c %s "$CORPUS" 2>/dev/null || echo 0) < size * 1048576 )); do
      cat "$base" >> "$CORPUS"
    done
  else
    echo "generating ${size} MB corpus -> $CORPUS" >&2
    java -cp "$BENCH_JAR" dev.moat.bench.GenerateCorpus "$CORPUS" "$size"
  fi
}

detect_launcher_ready() {
  ./moat detect --format jsonl /dev/null > /dev/null 2>&1 || true # makes the archive
  head -c 2000000 "$CORPUS" > "$CORPUS.head.txt"
  launcher_learn detect ./moat detect --format jsonl --threads 1 "$CORPUS.head.txt"
  rm -f "$CORPUS.head.txt"
}
