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
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)

./staffroom build
JAVA=""
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*25*; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && "$candidate/bin/java" -version 2>&1 | grep -q 'version "25'; then
    JAVA="$candidate/bin/java"; break
  fi
done
[ -n "$JAVA" ] || { echo "JDK 25 missing" >&2; exit 1; }
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
if [[ " $DATABASES " == *" postgres "* ]] && [ -z "$PG_BIN" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  [ -d "$WORK/pg" ] && su postgres -c "$PG_BIN/pg_ctl -D $WORK/pg -m fast stop" >/dev/null 2>&1 || true
}
trap cleanup EXIT

start_postgres() {
  mkdir -p "$WORK/pg" && chown postgres "$WORK" "$WORK/pg"
  su postgres -c "$PG_BIN/initdb -D $WORK/pg -U postgres --auth=trust" >/dev/null
  su postgres -c "$PG_BIN/pg_ctl -D $WORK/pg -o '-p $PG_PORT -k /tmp' -l $WORK/pg.log start" >/dev/null
  sleep 2
  su postgres -c "$PG_BIN/createdb -h /tmp -p $PG_PORT staffroom"
}

# start_server DB EXTRA_ARGS... ; sets SERVER_PID and STARTUP_MS
start_server() {
  local db=$1; shift
  local env=(STAFFROOM_PORT=$PORT STAFFROOM_DATA_DIR="$WORK/h2")
  if [ "$db" = postgres ]; then
    env+=(STAFFROOM_DB_URL="jdbc:postgresql://localhost:$PG_PORT/staffroom" STAFFROOM_DB_USER=postgres STAFFROOM_DB_PASSWORD=)
  fi
  local started=$(date +%s%N)
  env "${env[@]}" "$JAVA" -Xss512k -XX:+UseSerialGC -Xmx512m -XX:AOTCache=target/app/staffroom.aot -jar target/app/staffroom.jar \
    --spring.web.resources.static-locations=classpath:/static/,file:$WORK/static/ "$@" >>"$WORK/$db.log" 2>&1 &
  SERVER_PID=$!
  until curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/login" 2>/dev/null | grep -q 200; do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server died, see $WORK/$db.log" >&2; tail -20 "$WORK/$db.log" >&2; exit 1; }
    sleep 0.05
  done
  STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}

stop_server() {
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
}

# measure NAME URL [extra wrk args]: prints "rps p50 p99"
measure() {
  local name=$1 url=$2; shift 2
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url" >"$WORK/$name.wrk" 2>&1
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/$name.wrk")
  p50=$(awk '$1=="50%" {print $2}' "$WORK/$name.wrk")
  p99=$(awk '$1=="99%" {print $2}' "$WORK/$name.wrk")
  errors=$(awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' "$WORK/$name.wrk")
  echo "$rps|$p50|$p99|${errors:-none}"
}

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
  [ "$db" = postgres ] && { su postgres -c "$PG_BIN/pg_ctl -D $WORK/pg -m fast stop" >/dev/null; rm -rf "$WORK/pg"; }

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
