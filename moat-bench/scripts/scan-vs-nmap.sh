#!/usr/bin/env bash
# moat scan vs nmap -sT -sV + unauth NSE scripts, side by side, inside a network namespace of its own.
#
#  1. Starts 18 local servers on non-default ports of 127.0.0.1 inside netns "moatbench": open and
#     locked Redis, NATS, Mosquitto and PostgreSQL (trust / scram), two memcached, rsyncd, vsftpd with
#     anonymous login, two Python http.server with a directory listing, nginx with autoindex and an
#     exposed .git, MariaDB with an empty root password. (No locked vsftpd: it delays a refused login
#     by ~3 s on purpose, which both scanners must wait out; that measures vsftpd, not the scanner.)
#  2. Runs `moat scan` and `nmap -sT -sV --script <unauth scripts>` over the same port range, ROUNDS
#     times interleaved, prints every time, the ratios and their medians, and judges moat's reports: an open service counts as found only when
#     its port is identified as the right service AND carries the finding an unauthenticated
#     instance deserves (e.g. memcached.no-auth, dirlisting.enabled, vcs.git-exposed); a locked one
#     must have no finding at all.
#  3. Sweeps all 65,535 ports of 127.0.0.1 in the namespace with dev.moat.bench.SweepRate (ports/s),
#     with one selector thread and with as many as the scanner uses at --rate 0.
#
# moat runs twice: as a user runs it, through the ./moat launcher (C1 only, the serial collector, heap
# on transparent huge pages, and the class-data-sharing archive the launcher makes once per build and
# JDK and completes from the first real scans; made and completed here by untimed launcher runs),
# which gives the ratio, and as a bare `java -jar moat.jar`, shown for comparison. Both runs'
# reports are judged.
#
# Needs root (ip netns), nmap, the servers above (dev/packages.txt, plus nmap) and the built jars:
#   ./mvnw -B -ntp -o package -DskipTests -Pbench -pl moat-cli,moat-bench -am
# Usage: [ROUNDS=3] moat-bench/scripts/scan-vs-nmap.sh [PORT_RANGE]   (default 20000-30000, 1 round)
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

# --- servers: OPEN ports must be reported with their finding, LOCKED ports must not --------------
# port:service:finding that an unauthenticated instance deserves
OPEN_SPEC="20379:redis:redis.no-auth 20381:redis:redis.no-auth 24222:nats:nats.no-auth
  24224:nats:nats.no-auth 21883:mqtt:mqtt.anonymous 21211:memcached:memcached.no-auth
  21212:memcached:memcached.no-auth 20873:rsync:rsync.no-auth 28080:http:dirlisting.enabled
  28081:http:dirlisting.enabled 28090:http:vcs.git-exposed 25432:postgresql:postgresql.trust
  23306:mysql:mysql.empty-password 20021:ftp:ftp.anonymous"
LOCKED_SPEC="20380:redis 24223:nats 21884:mqtt 25433:postgresql"
OPEN=$(for s in $OPEN_SPEC; do echo -n "${s%%:*} "; done)
LOCKED=$(for s in $LOCKED_SPEC; do echo -n "${s%%:*} "; done)
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
printf 'name,mobile\n' >"$WORK/www/customers.csv" # a listing with an entry, as a real one has
printf 'use chroot = no\n[pub]\n  path = %s\n  read only = yes\n' "$WORK/rsync/pub" >"$WORK/rsyncd.conf"
bg rsync rsync --daemon --no-detach --address=127.0.0.1 --port=20873 --config="$WORK/rsyncd.conf"
bg http1 python3 -m http.server 28080 --bind 127.0.0.1 --directory "$WORK/www"
bg http2 python3 -m http.server 28081 --bind 127.0.0.1 --directory "$WORK/www"
# nginx: autoindex on, a git working copy in the document root (nothing denies /.git)
mkdir -p "$WORK/site" "$WORK/nginx"
git init -q "$WORK/site" && printf '<h1>crm</h1>\n' >"$WORK/site/index.html"
git -C "$WORK/site" -c user.name=bench -c user.email=bench@localhost add index.html
git -C "$WORK/site" -c user.name=bench -c user.email=bench@localhost commit -qm init
cat >"$WORK/nginx/nginx.conf" <<NGINX
daemon off; master_process on; user root root; worker_processes 1;
pid $WORK/nginx/nginx.pid; error_log $WORK/nginx/error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/b; proxy_temp_path $WORK/nginx/p; fastcgi_temp_path $WORK/nginx/f;
  uwsgi_temp_path $WORK/nginx/u; scgi_temp_path $WORK/nginx/s;
  server { listen 127.0.0.1:28090; root $WORK/site; autoindex on; }
}
NGINX
bg nginx nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
# vsftpd with anonymous login
mkdir -p "$WORK/ftp/anon/pub" "$WORK/ftp/empty"
printf 'name,mobile\n' >"$WORK/ftp/anon/pub/customers.csv"; chmod 555 "$WORK/ftp/anon"
printf '%s\n' listen=YES listen_ipv6=NO listen_address=127.0.0.1 listen_port=20021 anonymous_enable=YES \
  "anon_root=$WORK/ftp/anon" local_enable=NO write_enable=NO pasv_enable=YES pasv_address=127.0.0.1 \
  pasv_min_port=20121 pasv_max_port=20121 "secure_chroot_dir=$WORK/ftp/empty" background=NO \
  seccomp_sandbox=NO xferlog_enable=NO "vsftpd_log_file=$WORK/ftp/vsftpd.log" ftp_username=ftp \
  nopriv_user=ftp >"$WORK/ftp/vsftpd.conf"
bg ftp vsftpd "$WORK/ftp/vsftpd.conf"
# PostgreSQL: trust (open) and scram-sha-256 (locked)
PGDATA="$WORK/pg"; mkdir -p "$PGDATA"; chown postgres "$WORK" "$PGDATA"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
printf 'Bench-pass-3\n' >"$PGDATA/pw"; chown postgres "$PGDATA/pw"
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA/d" -U postgres --auth=trust --no-sync >/dev/null
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA/s" -U postgres --auth=scram-sha-256 --pwfile="$PGDATA/pw" --no-sync >/dev/null
bg pg runuser -u postgres -- "$PGBIN/postgres" -D "$PGDATA/d" -p 25432 -c listen_addresses=127.0.0.1 -c unix_socket_directories="$PGDATA"
bg pg2 runuser -u postgres -- "$PGBIN/postgres" -D "$PGDATA/s" -p 25433 -c listen_addresses=127.0.0.1 -c unix_socket_directories="$PGDATA"
# MariaDB: root@localhost with an empty password (the "normal" method), reachable over TCP
mariadb-install-db --no-defaults --datadir="$WORK/mariadb" --auth-root-authentication-method=normal \
  --skip-test-db --user=root >/dev/null 2>&1
bg mariadb mariadbd --no-defaults --datadir="$WORK/mariadb" --port=23306 --bind-address=127.0.0.1 \
  --socket="$WORK/mariadb.sock" --pid-file="$WORK/mariadb.pid" --skip-log-bin --innodb-buffer-pool-size=16M --user=root
ALL="$OPEN $LOCKED"
for p in $ALL; do
  for _ in $(seq 1 150); do in_ns bash -c "exec 3<>/dev/tcp/127.0.0.1/$p" 2>/dev/null && break; sleep 0.2; done
done
echo "servers: $(echo $ALL | wc -w) listening in netns $NS (open: $OPEN; locked: $LOCKED)"
echo "load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- moat and nmap, ROUNDS times, interleaved so that both see the same machine load ---------------
SCRIPTS=redis-info,memcached-info,mqtt-subscribe,mysql-empty-password,ftp-anon,rsync-list-modules,http-git,http-ls,docker-version
timed() { # OUT_FILE COMMAND... ; runs it in the namespace, prints the wall time in seconds
  local out=$1 t0 t1; shift
  t0=$(date +%s.%N)
  in_ns "$@" >"$out" 2>>"$WORK/stderr.log" || true
  t1=$(date +%s.%N)
  echo "$t1 - $t0" | bc
}
MOAT_ARGS=(scan 127.0.0.1 -p "$RANGE" --rate 0 --concurrency 2000 --no-store --no-progress --format json --lang en)
# The launcher makes its class-data-sharing archive on its first scan (this one sends nothing), and
# then learns from the first real scans what they load (see ./moat): untimed scans until it has,
# each after any archive it is remaking in the background. Timed rounds are the user's later scans.
./moat scan 127.0.0.1 --exclude 127.0.0.1 -p 1 --no-store --no-progress --format json >/dev/null 2>&1
. moat-bench/scripts/launcher-learn.sh
launcher_learn scan in_ns ./moat "${MOAT_ARGS[@]}"
RUNS=""
for r in $(seq 1 "${ROUNDS:-1}"); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  bare=$(timed "$WORK/bare-$r.json" java -jar "$MOAT_JAR" "${MOAT_ARGS[@]}")
  moat=$(timed "$WORK/moat-$r.json" ./moat "${MOAT_ARGS[@]}")
  nmap=$(timed /dev/null nmap -sT -sV -Pn -n -p "$RANGE" --script "$SCRIPTS" 127.0.0.1 -oN "$WORK/nmap-$r.txt")
  RUNS="$RUNS $r:$moat:$bare:$nmap:$load"
done

# --- verdict -----------------------------------------------------------------------------------------
python3 - "$WORK" "$OPEN_SPEC" "$LOCKED_SPEC" "$RUNS" <<'PY'
import json, re, statistics, sys
work = sys.argv[1]
want = {int(p): (svc, f) for p, svc, f in (s.split(":") for s in sys.argv[2].split())}
locked = {int(p): svc for p, svc in (s.split(":") for s in sys.argv[3].split())}
runs = [r.split(":") for r in sys.argv[4].split()]
missed, false_pos, misnamed = set(), set(), set()
for r, *_ in runs:
    for kind in ("bare", "moat"):  # moat last: its report is printed below
        doc = json.load(open(f"{work}/{kind}-{r}.json"))
        services = {s["port"]: s for s in doc["services"]}
        checks = {}
        for f in doc["findings"]:
            checks.setdefault(f["port"], set()).add(f["check"])
        missed |= {p for p, (svc, f) in want.items()
                   if services.get(p, {}).get("service") != svc or f not in checks.get(p, ())}
        misnamed |= {p for p, svc in locked.items() if services.get(p, {}).get("service") != svc}
        false_pos |= {p for p in locked if checks.get(p)}
print(f"moat (last run): {len(services)}/{len(want) + len(locked)} open ports reported, "
      f"{len(checks)} ports with findings")
for p in sorted(services):
    s = services[p]
    role = "open" if p in want else "locked" if p in locked else "?"
    print(f"  {p:6} {role:6} {s['service']:10} {str(s.get('product') or '-'):12} auth={s['auth']:9} "
          f"{','.join(sorted(checks.get(p, ()))) or '-'}")
nmap_open = re.findall(r"^(\d+)/tcp\s+open\s+(\S+)", open(f"{work}/nmap-{runs[-1][0]}.txt").read(), re.M)
print(f"nmap (last run): {len(nmap_open)} open ports: " + " ".join(f"{p}={s}" for p, s in nmap_open))
def inside(kind, r):  # seconds between the report's startedAt and finishedAt: the scan without JVM start
    from datetime import datetime
    doc = json.load(open(f"{work}/{kind}-{r}.json"))
    t = [datetime.fromisoformat(doc[k].replace("Z", "")[:26]) for k in ("startedAt", "finishedAt")]
    return (t[1] - t[0]).total_seconds()
for r, moat, bare, nmap, load in runs:
    moat, bare, nmap = float(moat), float(bare), float(nmap)
    print(f"round {r} (load {load}): moat scan {moat:.2f} s (scan itself {inside('moat', r):.2f} s)   "
          f"nmap -sT -sV + NSE {nmap:.2f} s   ratio {nmap / moat:.1f}x   "
          f"(bare java -jar {bare:.2f} s, scan itself {inside('bare', r):.2f} s, {nmap / bare:.1f}x)")
if len(runs) > 1:
    m = statistics.median(float(x[1]) for x in runs)
    b = statistics.median(float(x[2]) for x in runs)
    n = statistics.median(float(x[3]) for x in runs)
    print(f"median: moat scan {m:.2f} s   nmap {n:.2f} s   ratio {n / m:.1f}x   "
          f"(bare java -jar {b:.2f} s, {n / b:.1f}x)")
print(f"every open service found ({len(want)}, every run): "
      + ("yes" if not missed else f"NO, missed {sorted(missed)}"))
print(f"locked services reported ({len(locked)}, every run): "
      + ("none" if not false_pos else f"{sorted(false_pos)}")
      + ("" if not misnamed else f"; not identified: {sorted(misnamed)}"))
PY

# --- full sweep --------------------------------------------------------------------------------------
if [ -f "$BENCH_JAR" ]; then
  # one selector thread, then as many as `moat scan --rate 0` uses (one per core, at most four)
  in_ns java -cp "$BENCH_JAR" dev.moat.bench.SweepRate 127.0.0.1 4000 1
  in_ns java -cp "$BENCH_JAR" dev.moat.bench.SweepRate 127.0.0.1 4000 $(( $(nproc) < 4 ? $(nproc) : 4 ))
fi
