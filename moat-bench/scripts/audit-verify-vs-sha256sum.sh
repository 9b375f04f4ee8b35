#!/usr/bin/env bash
# moat audit verify over a ~1 GB log against sha256sum over the same segment files, same run.
# Usage: moat-bench/scripts/audit-verify-vs-sha256sum.sh [MB=1024] [WORKDIR=/tmp/moat-audit-verify-bench]
# Needs: ./mvnw -Pbench -pl moat-bench -am package -DskipTests  and  ./mvnw -pl moat-cli -am package -DskipTests
set -euo pipefail
MB=${1:-1024}
WORK=${2:-/tmp/moat-audit-verify-bench}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BENCH="$ROOT/moat-bench/target/benchmarks.jar"
MOAT="$ROOT/moat-cli/target/moat.jar"
if [ ! -d "$WORK/log/segments" ]; then
  mkdir -p "$WORK"
  java -cp "$BENCH" dev.moat.bench.audit.AuditLogGen "$WORK/log" "$MB"
fi
SIZE=$(du -sb "$WORK/log/segments" | cut -f1)
# Warm the page cache for both, so both measure hashing, not the disk.
cat "$WORK"/log/segments/* > /dev/null
now() { date +%s.%N; }
t0=$(now); sha256sum "$WORK"/log/segments/* > /dev/null; t1=$(now)
java -jar "$MOAT" --lang en audit verify --log "$WORK/log" --public-key "$(ls "$WORK"/log/keys/*.pub | head -1)"
t2=$(now); java -jar "$MOAT" --lang en audit verify --log "$WORK/log" --public-key "$(ls "$WORK"/log/keys/*.pub | head -1)" > /dev/null; t3=$(now)
awk -v s="$SIZE" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" 'BEGIN {
  sha = s / (b - a) / 1e6; ver = s / (d - c) / 1e6;
  printf "segments: %.0f MB\nsha256sum: %.2f s, %.0f MB/s\nmoat audit verify: %.2f s, %.0f MB/s\nratio verify/sha256sum: %.0f%%\n",
    s / 1e6, b - a, sha, d - c, ver, 100 * ver / sha }'
