#!/usr/bin/env bash
# Foundation benchmark: start-up time, idle memory, and throughput and latency of the signed-in home page,
# of directory search, and of a static file of the home page's size, on H2 and on PostgreSQL, with
# generated data (100,000 listed groups, 200,000 accounts by default). Writes bench/foundation/report.md.
#
#   bench/foundation/run.sh            # everything (takes a while: data generation dominates)
#   BENCH_GROUPS=10000 BENCH_ACCOUNTS=20000 BENCH_DURATION=10s bench/foundation/run.sh   # a quick look
set -euo pipefail
cd "$(dirname "$0")/../.."

GROUP_COUNT=${BENCH_GROUPS:-100000}
ACCOUNT_COUNT=${BENCH_ACCOUNTS:-200000}
DURATION=${BENCH_DURATION:-30s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
DATABASES=${BENCH_DATABASES:-"h2 postgres"}
PORT=18080
PG_PORT=15432
REPORT=bench/foundation/report.md
WORK=$(mktemp -d /tmp/staffroom-bench.XXXXXX)
SERVER_EXTRA_ARGS=(--spring.web.resources.static-locations=classpath:/static/,file:$WORK/static/)
source bench/lib.sh

sign_in() {
  local jar="$WORK/cookies"
  rm -f "$jar"
  local csrf
  csrf=$(curl -s -c "$jar" -b "$jar" "http://localhost:$PORT/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "email=bench@example.org" \
    --data-urlencode "password=benchmark passphrase 2026" --data-urlencode "_csrf=$csrf" "http://localhost:$PORT/login"
  awk '$6=="SESSION" {print $7}' "$jar"
}

rows=()
mkdir -p "$WORK/static/css"
for db in $DATABASES; do
  echo "== $db: generating $GROUP_COUNT groups and $ACCOUNT_COUNT accounts" >&2
  [ "$db" = postgres ] && start_postgres
  gen_started=$(date +%s)
  start_server "$db" --staffroom.bench.groups="$GROUP_COUNT" --staffroom.bench.accounts="$ACCOUNT_COUNT"
  until grep -q "Benchmark data:" "$WORK/$db.log"; do sleep 1; done
  generation_s=$(( $(date +%s) - gen_started ))
  stop_server

  echo "== $db: start-up and idle memory" >&2
  start_server "$db"
  startup_ms=$STARTUP_MS
  sleep 10
  rss_mb=$(( $(awk '/VmRSS/ {print $2}' /proc/$SERVER_PID/status) / 1024 ))

  session=$(sign_in)
  home_bytes=$(curl -s -b "SESSION=$session" "http://localhost:$PORT/" | wc -c)
  head -c "$home_bytes" /dev/zero | tr '\0' 'x' > "$WORK/static/css/same-size.txt"

  echo "== $db: load ($CONNECTIONS connections, $DURATION each)" >&2
  measure warmup "http://localhost:$PORT/" -H "Cookie: SESSION=$session" >/dev/null
  home=$(measure home-$db "http://localhost:$PORT/" -H "Cookie: SESSION=$session")
  static=$(measure static-$db "http://localhost:$PORT/css/same-size.txt")
  search=$(measure search-$db "http://localhost:$PORT" -s bench/foundation/search.lua)
  search_page=$(SEARCH_PATH="/directory?" measure searchpage-$db "http://localhost:$PORT" -s bench/foundation/search.lua)
  busy_rss_mb=$(( $(awk '/VmRSS/ {print $2}' /proc/$SERVER_PID/status) / 1024 ))
  stop_server
  [ "$db" = postgres ] && stop_postgres

  ratio=$(awk -v h="${home%%|*}" -v s="${static%%|*}" 'BEGIN {printf "%.0f%%", 100*h/s}')
  rows+=("$db|$generation_s|$startup_ms|$rss_mb|$busy_rss_mb|$home_bytes|$home|$static|$search|$search_page|$ratio")
done

{
  echo "# Foundation benchmark: measured figures"
  echo
  echo "Run on $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD), on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m), $("$JAVA" -version 2>&1 | head -1)."
  echo "Data: $GROUP_COUNT listed groups, $ACCOUNT_COUNT accounts. Load: wrk, 2 threads, $CONNECTIONS connections, $DURATION per URL, on loopback (the load generator shares the 2 cores)."
  echo "JVM: as ./staffroom starts it (-XX:+UseSerialGC -Xmx512m, the AOT cache recorded at build). Latencies are wrk's; 'errors' lists non-2xx answers and socket errors."
  echo
  echo "| database | data generation (s) | start-up to ready (ms) | idle RSS (MB) | RSS after load (MB) |"
  echo "|---|---|---|---|---|"
  for row in "${rows[@]}"; do IFS='|' read -r db gen start rss busy _ <<<"$row"; echo "| $db | $gen | $start | $rss | $busy |"; done
  echo
  echo "| database | URL | requests/s | p50 | p99 | errors |"
  echo "|---|---|---|---|---|---|"
  for row in "${rows[@]}"; do
    IFS='|' read -r db _ _ _ _ bytes h1 h2 h3 h4 s1 s2 s3 s4 q1 q2 q3 q4 p1 p2 p3 p4 ratio <<<"$row"
    echo "| $db | signed-in home page ($bytes bytes) | $h1 | $h2 | $h3 | $h4 |"
    echo "| $db | static file of the same size | $s1 | $s2 | $s3 | $s4 |"
    echo "| $db | directory search, JSON API (12 queries in turn) | $q1 | $q2 | $q3 | $q4 |"
    echo "| $db | directory search, HTML page (same queries) | $p1 | $p2 | $p3 | $p4 |"
    echo "| $db | home page throughput as a share of the static file's | $ratio | | | |"
  done
} > "$REPORT"
cat "$REPORT"
