#!/usr/bin/env bash
# moat scan vs nmap -sT -sV + unauth NSE scripts, side by side, inside a network namespace of its own.
#
#  1. Starts 16 local servers on non-default ports of 127.0.0.1 inside netns "moatbench"
#     (open and locked Redis, NATS, Mosquitto; memcached; rsyncd; Python http.server; PostgreSQL trust).
#  2. Runs `moat scan` and `nmap -sT -sV --script <unauth scripts>` over the same port range, prints both
#     times and the ratio, and checks that moat found every open service and reported none of the locked ones.
#  3. Sweeps all 65,535 ports of 127.0.0.1 in the namespace with dev.moat.bench.SweepRate (ports/s).
#
# Needs root (ip netns), nmap, the servers above, and the built jars:
#   ./mvnw -B -ntp -o package -DskipTests -Pbench -pl moat-cli,moat-bench -am
# Usage: moat-bench/scripts/scan-vs-nmap.sh [PORT_RANGE]   (default 20000-30000)
set -euo pipefail
cd "$(dirname "$0")/../.."
RANGE=${1:-20000-30000}
NS=moatbench
MOAT_JAR=moat-cli/target/moat.jar
BENCH_JAR=moat-bench/target/benchmarks.jar
[ "$(id -u)" -eq 0 ] || { echo "needs root for ip netns" >&2; exit 2; }
command -v nmap >/dev/null || { echo "nmap missing: apt-get install nmap" >&2; exit 2; }
[ -f "$MOAT_JAR" ] || { echo "build first: $MOAT_JAR missing" >&2; exit 2; }

WORK=$(mktemp -d /tmp/moatbench.XXXXXX)
ip netns del $NS 2>/dev/null || true
ip netns add $NS
ip netns exec $NS ip link set lo up
cleanup() {
  ip netns pids $NS 2>/dev/null | xargs -r kill 2>/dev/null || true
  sleep 1
  ip netns pids $NS 2>/dev/null | xargs -r kill -9 2>/dev/null || true
  ip netns del $NS 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
in_ns() { ip netns exec $NS "$@"; }
bg() { local name=$1; shift; in_ns "$@" >"$WORK/$name.log" 2>&1 & }

# --- servers: OPEN ports must be reported as findings, LOCKED ports must not -------------------------
OPEN="20379 20381 24222 24224 21883 21211 20873 28080 25432"
LOCKED="20380 24223 21884"
bg redis1 redis-server --port 20379 --bind 127.0.0.1 --save '' --appendonly no
bg redis2 redis-server --port 20380 --bind 127.0.0.1 --save '' --appendonly no --requirepass Bench-pass-1
bg redis3 redis-server --port 20381 --bind 127.0.0.1 --save '' --appendonly no
bg nats1 nats-server -a 127.0.0.1 -p 24222
bg nats2 nats-server -a 127.0.0.1 -p 24223 --auth Bench-token-1
bg nats3 nats-server -a 127.0.0.1 -p 24224
printf 'listener 21883 127.0.0.1\nallow_anonymous true\nuser root\npersistence false\n' >"$WORK/m1.conf"
mosquitto_passwd -b -c "$WORK/passwd" bench Bench-pass-2 >/dev/null
printf 'listener 21884 127.0.0.1\nallow_anonymous false\npassword_file %s\nuser root\npersistence false\n' "$WORK/passwd" >"$WORK/m2.conf"
bg mosq1 mosquitto -c "$WORK/m1.conf"
bg mosq2 mosquitto -c "$WORK/m2.conf"
bg memc1 memcached -l 127.0.0.1 -p 21211 -U 0 -u root
bg memc2 memcached -l 127.0.0.1 -p 21212 -U 0 -u root
mkdir -p "$WORK/rsync/pub" "$WORK/www"
printf 'use chroot = no\n[pub]\n  path = %s\n  read only = yes\n' "$WORK/rsync/pub" >"$WORK/rsyncd.conf"
bg rsync rsync --daemon --no-detach --address=127.0.0.1 --port=20873 --config="$WORK/rsyncd.conf"
bg http1 python3 -m http.server 28080 --bind 127.0.0.1 --directory "$WORK/www"
bg http2 python3 -m http.server 28081 --bind 127.0.0.1 --directory "$WORK/www"
PGDATA="$WORK/pg"; mkdir -p "$PGDATA"; chown postgres "$WORK" "$PGDATA"
runuser -u postgres -- /usr/lib/postgresql/15/bin/initdb -D "$PGDATA/d" -U postgres --auth=trust --no-sync >/dev/null
bg pg runuser -u postgres -- /usr/lib/postgresql/15/bin/postgres -D "$PGDATA/d" -p 25432 -c listen_addresses=127.0.0.1 -c unix_socket_directories="$PGDATA"
ALL="$OPEN $LOCKED 21212 28081"
for p in $ALL; do
  for _ in $(seq 1 100); do in_ns bash -c "exec 3<>/dev/tcp/127.0.0.1/$p" 2>/dev/null && break; sleep 0.2; done
done
echo "servers: $(echo $ALL | wc -w) listening in netns $NS (open: $OPEN; locked: $LOCKED)"

# --- moat --------------------------------------------------------------------------------------------
t0=$(date +%s.%N)
in_ns java -jar "$MOAT_JAR" scan 127.0.0.1 -p "$RANGE" --rate 0 --concurrency 2000 --no-store \
  --no-progress --format json --lang en >"$WORK/moat.json" 2>"$WORK/moat.err" || true
t1=$(date +%s.%N)
MOAT=$(echo "$t1 - $t0" | bc)

# --- nmap --------------------------------------------------------------------------------------------
SCRIPTS=redis-info,memcached-info,mqtt-subscribe,mysql-empty-password,ftp-anon,rsync-list-modules,http-git,http-ls,docker-version
t0=$(date +%s.%N)
in_ns nmap -sT -sV -Pn -n -p "$RANGE" --script "$SCRIPTS" 127.0.0.1 -oN "$WORK/nmap.txt" >/dev/null 2>&1 || true
t1=$(date +%s.%N)
NMAP=$(echo "$t1 - $t0" | bc)

# --- verdict -----------------------------------------------------------------------------------------
python3 - "$WORK/moat.json" "$OPEN" "$LOCKED" "$MOAT" "$NMAP" "$(echo $ALL | wc -w)" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
open_ports = {int(p) for p in sys.argv[2].split()}
locked = {int(p) for p in sys.argv[3].split()}
moat, nmap, n = float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
services = {s["port"]: s for s in doc["services"]}
flagged = {f["port"] for f in doc["findings"]}
missed = sorted(open_ports - flagged)
false_pos = sorted(locked & flagged)
print(f"moat: {len(services)}/{n} open ports reported, {len(flagged)} ports with findings")
for p in sorted(services):
    s = services[p]
    print(f"  {p:6} {s['service']:10} {str(s.get('product') or '-'):12} auth={s['auth']}{'  FINDING' if p in flagged else ''}")
print(f"moat scan: {moat:.2f} s   nmap -sT -sV + NSE: {nmap:.2f} s   ratio: {nmap / moat:.1f}x")
print("every open service found: " + ("yes" if not missed else f"NO, missed {missed}"))
print("locked services reported: " + ("none" if not false_pos else f"{false_pos}"))
PY

# --- full sweep --------------------------------------------------------------------------------------
if [ -f "$BENCH_JAR" ]; then
  in_ns java -cp "$BENCH_JAR" dev.moat.bench.SweepRate 127.0.0.1 4000
fi
