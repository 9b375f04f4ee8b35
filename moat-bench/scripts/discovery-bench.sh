#!/usr/bin/env bash
# Discovery benchmark: a PostgreSQL database of 200 tables, first with ~1 million rows, then with
# ~5 million, and a full `moat discover` over it each time (wall time and peak RSS from
# /usr/bin/time -v). Sampling cost must follow the number of tables, not rows.
#
# Usage: moat-bench/scripts/discovery-bench.sh [moat.jar]
#   (build the jar first: ./mvnw -B -ntp -o package -DskipTests -pl moat-cli -am)
# Needs the machine's PostgreSQL on 127.0.0.1:5432 (user postgres, trust). Creates and finally
# drops the database moat_bench; touches nothing else.
set -euo pipefail

JAR=${1:-moat-cli/target/moat.jar}
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres)
DB=moat_bench
TABLES=200
BIG=10   # the first 10 tables hold 90 % of the rows, the other 190 share 10 %

[ -f "$JAR" ] || { echo "no $JAR: build it first" >&2; exit 2; }

"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
[ -n "${KEEP_DB:-}" ] || trap '"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB"' EXIT

"${PSQL[@]}" -d $DB <<'SQL'
CREATE FUNCTION idcheck(s text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT substr('10X98765432',
    (sum(substr(s, k, 1)::int * (ARRAY[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2])[k]) % 11)::int + 1, 1)
  FROM generate_series(1, 17) k $$;
-- 1000 people with valid resident IDs, mobiles, names and emails, joined into every table.
CREATE TABLE pool AS
SELECT i,
       s || idcheck(s) AS sfzh,
       '1' || (ARRAY['38','39','50','58','86','88'])[1 + i % 6] || lpad(((i * 7919) % 100000000)::text, 8, '0') AS shouji,
       (ARRAY['王','李','张','刘','陈','杨','黄','赵','吴','周'])[1 + i % 10]
         || (ARRAY['伟','芳','娜','敏','静','磊','洋','勇','艳','杰','军','涛'])[1 + (i / 10) % 12] AS xingming,
       'user' || i || '@example.com' AS email
FROM (SELECT i, (ARRAY['110105','310104','440106','510107','330106'])[1 + i % 5]
             || to_char(date '1960-01-01' + (i * 37) % 15000, 'YYYYMMDD')
             || lpad((i % 1000)::text, 3, '0') AS s
      FROM generate_series(0, 999) i) x;
SQL

for t in $(seq -f "%03g" 0 $((TABLES - 1))); do
  echo "CREATE TABLE t_$t (id bigint PRIMARY KEY, sfzh text, shouji text, xingming text,
        email text, amount numeric(12,2), created_ts bigint, phone_model text, note text);"
done | "${PSQL[@]}" -d $DB

# fill TOTAL_ROWS: rows are appended with ids after the current maximum of each table
fill() {
  local total=$1
  local big=$(( total * 9 / 10 / BIG )) small=$(( total / 10 / (TABLES - BIG) ))
  for t in $(seq 0 $((TABLES - 1))); do
    local n=$small; [ "$t" -lt $BIG ] && n=$big
    printf "INSERT INTO t_%03d SELECT m + g, p.sfzh, p.shouji, p.xingming, p.email,
      (g %% 100000) / 100.0, 1700000000000 + g, 'Model-' || (g %% 50), 'row ' || g
      FROM (SELECT coalesce(max(id), 0) AS m FROM t_%03d) mx, generate_series(1, %d) g
      JOIN pool p ON p.i = g %% 1000;\n" "$t" "$t" "$n"
  done | "${PSQL[@]}" -d $DB
  "${PSQL[@]}" -d $DB -c "VACUUM ANALYZE"
}

statrows() {
  "${PSQL[@]}" -d $DB -At -c "SELECT pg_stat_clear_snapshot(); SELECT sum(coalesce(seq_tup_read,0) + coalesce(idx_tup_fetch,0)) FROM pg_stat_user_tables WHERE relname LIKE 't\_%'" | tail -1
}

run() {
  local label=$1 rows before after
  rows=$("${PSQL[@]}" -d $DB -At -c "SELECT sum(n_live_tup) FROM pg_stat_user_tables WHERE relname LIKE 't\_%'")
  before=$(statrows)
  local log; log=$(mktemp)
  /usr/bin/time -v java -Xmx256m -jar "$JAR" --lang en discover --no-store --format json -o /dev/null \
    "jdbc:postgresql://127.0.0.1:5432/$DB?user=postgres" --exclude 'public.pool' 2> "$log" || true
  sleep 2 # statistics reach pg_stat_user_tables shortly after the backends exit
  after=$(statrows)
  local wall rss user sys
  wall=$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')
  user=$(grep 'User time' "$log" | awk '{print $NF}')
  sys=$(grep 'System time' "$log" | awk '{print $NF}')
  printf '%-4s tables=%d rows=%s wall=%s cpu=%.1fs peakRSS=%dMB rowsRead=%d load=%s\n' \
    "$label" "$TABLES" "$rows" "$wall" "$(echo "$user + $sys" | bc)" $((rss / 1024)) \
    $((after - before)) "$(cut -d' ' -f1 /proc/loadavg)"
  rm -f "$log"
}

fill 1000000
run "1M"
fill 4000000
run "5M"
