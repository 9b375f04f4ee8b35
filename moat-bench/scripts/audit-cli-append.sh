#!/usr/bin/env bash
# End-to-end CLI append: N (default 200000) ~280-byte JSON events through stdin into a fresh log,
# JVM start, validation, group-commit appends, fsyncs and the final signed checkpoint included.
# Usage: moat-bench/scripts/audit-cli-append.sh [N=200000] [WORKDIR=/tmp/moat-audit-cli-bench]
set -euo pipefail
N=${1:-200000}
WORK=${2:-/tmp/moat-audit-cli-bench}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MOAT="$ROOT/moat-cli/target/moat.jar"
rm -rf "$WORK"; mkdir -p "$WORK"
awk -v n="$N" 'BEGIN { for (i = 0; i < n; i++) printf "{\"type\":\"data.access\",\"time\":\"2026-11-28T10:00:00.123Z\",\"subject\":\"hmac:7f3a9c%08x\",\"sourceIp\":\"10.12.3.%d\",\"object\":\"crm.public.kehu.sfzh\",\"level\":\"important\",\"action\":\"read\",\"outcome\":\"allow\",\"policy\":\"pii-read-v7\",\"rows\":%d,\"requestId\":\"req-%x-0c4e2b\",\"route\":\"/api/v1/customers/{id}\"}\n", i * 2654435761 % 4294967296, i % 250, i % 100, i }' > "$WORK/events.jsonl"
t0=$(date +%s.%N)
java -jar "$MOAT" --lang en audit append --log "$WORK/log" < "$WORK/events.jsonl"
t1=$(date +%s.%N)
java -jar "$MOAT" --lang en audit verify --log "$WORK/log" > /dev/null
awk -v n="$N" -v a="$t0" -v b="$t1" 'BEGIN { printf "CLI append of %d events: %.2f s, %.0f events/s end to end\n", n, b - a, n / (b - a) }'
