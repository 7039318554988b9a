#!/usr/bin/env bash
# Concerns benchmark: a group's concern list (first page, newest first) at 64 connections, on H2 and
# PostgreSQL, and co-signing throughput on PostgreSQL with double signatures mixed in, with 1,000,000
# concerns across 10,000 groups by default. Writes bench/concerns/report.md.
#
#   bench/concerns/run.sh
#   BENCH_GROUPS=1000 BENCH_PER_GROUP=100 BENCH_DURATION=10s bench/concerns/run.sh   # a quick look
set -euo pipefail
cd "$(dirname "$0")/../.."

GROUP_COUNT=${BENCH_GROUPS:-10000}
PER_GROUP=${BENCH_PER_GROUP:-100}
DURATION=${BENCH_DURATION:-30s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
DATABASES=${BENCH_DATABASES:-"h2 postgres"}
PORT=18081
PG_PORT=15433
REPORT=bench/concerns/report.md
WORK=$(mktemp -d /tmp/staffroom-bench-concerns.XXXXXX)
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
PASSWORD="benchmark passphrase 2026"

./staffroom build
JAVA=""
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*25*; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && "$candidate/bin/java" -version 2>&1 | grep -q 'version "25'; then
    JAVA="$candidate/bin/java"; break
  fi
done
[ -n "$JAVA" ] || { echo "JDK 25 missing" >&2; exit 1; }
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
command -v jq >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >/dev/null; }

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

start_server() {
  local db=$1; shift
  local env=(STAFFROOM_PORT=$PORT STAFFROOM_DATA_DIR="$WORK/h2")
  if [ "$db" = postgres ]; then
    env+=(STAFFROOM_DB_URL="jdbc:postgresql://localhost:$PG_PORT/staffroom" STAFFROOM_DB_USER=postgres STAFFROOM_DB_PASSWORD=)
  fi
  env "${env[@]}" "$JAVA" -Xss512k -XX:+UseSerialGC -Xmx512m -XX:AOTCache=target/app/staffroom.aot -jar target/app/staffroom.jar \
    "$@" >>"$WORK/$db.log" 2>&1 &
  SERVER_PID=$!
  until curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/login" 2>/dev/null | grep -q 200; do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "server died, see $WORK/$db.log" >&2; tail -20 "$WORK/$db.log" >&2; exit 1; }
    sleep 0.1
  done
}

stop_server() {
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
}

token() {
  curl -s -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"$PASSWORD\"}" \
    "http://localhost:$PORT/api/v1/auth/token" | jq -r .token
}

# measure NAME [wrk args]: prints "rps|p50|p99|errors"
measure() {
  local name=$1; shift
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$@" >"$WORK/$name.wrk" 2>&1
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/$name.wrk")
  p50=$(awk '$1=="50%" {print $2}' "$WORK/$name.wrk")
  p99=$(awk '$1=="99%" {print $2}' "$WORK/$name.wrk")
  errors=$(awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' "$WORK/$name.wrk")
  echo "$rps|$p50|$p99|${errors:-none}"
}

rows=()
cosign_row=""
for db in $DATABASES; do
  echo "== $db: generating $GROUP_COUNT groups with $PER_GROUP concerns each" >&2
  [ "$db" = postgres ] && start_postgres
  gen_started=$(date +%s)
  start_server "$db" --staffroom.bench.groups="$GROUP_COUNT" --staffroom.bench.accounts="$GROUP_COUNT" \
    --staffroom.bench.concerns-per-group="$PER_GROUP"
  until grep -q "Benchmark data: .* groups and" "$WORK/$db.log"; do sleep 1; done
  generation_s=$(( $(date +%s) - gen_started ))
  stop_server

  start_server "$db"
  sleep 5
  bench_token=$(token bench@example.org)
  groups=$(curl -s -H "Authorization: Bearer $bench_token" "http://localhost:$PORT/api/v1/me" | jq -r '[.memberships[].groupId] | join(",")')
  total=$(curl -s -H "Authorization: Bearer $bench_token" "http://localhost:$PORT/api/v1/groups/${groups%%,*}/concerns" | jq '.concerns | length')
  echo "== $db: list ($CONNECTIONS connections, $DURATION)" >&2
  GROUP_IDS="$groups" measure warmup-$db -H "Authorization: Bearer $bench_token" -s bench/concerns/list.lua "http://localhost:$PORT" >/dev/null
  list=$(GROUP_IDS="$groups" measure list-$db -H "Authorization: Bearer $bench_token" -s bench/concerns/list.lua "http://localhost:$PORT")
  rows+=("$db|$generation_s|$total|$list")

  if [ "$db" = postgres ]; then
    echo "== $db: co-signing" >&2
    tokens=""
    for n in $(seq 5 68); do tokens+="$(token "bench$n@example.org"),"; done
    concerns=""
    for g in ${groups//,/ }; do
      after=""
      while :; do
        page=$(curl -s -H "Authorization: Bearer $bench_token" "http://localhost:$PORT/api/v1/groups/$g/concerns${after:+?after=$after}")
        concerns+=$(echo "$page" | jq -r --arg g "$g" '[.concerns[] | select(.status == "OPEN") | ($g + "/" + .id)] | join(",")'),
        after=$(echo "$page" | jq -r '.next // empty')
        [ -z "$after" ] && break
      done
    done
    before=$(su postgres -c "psql -h /tmp -p $PG_PORT -tA staffroom -c 'select count(*) from concerns_cosign'")
    cosign=$(TOKENS="$tokens" CONCERNS="$concerns" THREADS=2 measure cosign-$db -s bench/concerns/cosign.lua "http://localhost:$PORT")
    after_rows=$(su postgres -c "psql -h /tmp -p $PG_PORT -tA staffroom -c 'select count(*) from concerns_cosign'")
    statuses=$(grep STATUS "$WORK/cosign-$db.wrk" | sed 's/STATUS //')
    pairs=$(echo "$concerns" | tr ',' '\n' | grep -c /)
    cosign_row="$db|$cosign|$statuses|$((after_rows - before))|$pairs"
  fi
  stop_server
  [ "$db" = postgres ] && { su postgres -c "$PG_BIN/pg_ctl -D $WORK/pg -m fast stop" >/dev/null; rm -rf "$WORK/pg"; }
done

{
  echo "# Concerns benchmark: measured figures"
  echo
  echo "Run on $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD), on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $("$JAVA" -version 2>&1 | head -1)."
  echo "Data: $GROUP_COUNT groups with $PER_GROUP concerns each ($((GROUP_COUNT * PER_GROUP)) concerns), written in batches (BenchmarkSeed)."
  echo "Load: wrk, 2 threads, $CONNECTIONS connections, $DURATION per measurement, on loopback (the load generator shares the cores)."
  echo
  echo "| database | data generation (s) | concerns on the first page | list requests/s | p50 | p99 | errors |"
  echo "|---|---|---|---|---|---|---|"
  for row in "${rows[@]}"; do
    IFS='|' read -r db gen total rps p50 p99 errors <<<"$row"
    echo "| $db | $gen | $total | $rps | $p50 | $p99 | $errors |"
  done
  if [ -n "$cosign_row" ]; then
    IFS='|' read -r db rps p50 p99 errors statuses inserted pairs <<<"$cosign_row"
    echo
    echo "Co-signing on $db: 64 members, each request a new (member, concern) pair over $pairs open concerns, every 10th a repeat of a pair already sent."
    echo
    echo "| requests/s | p50 | p99 | answers | co-signatures stored |"
    echo "|---|---|---|---|---|"
    echo "| $rps | $p50 | $p99 | $statuses | $inserted |"
    echo
    echo "ok and conflict count the answers wrk received; requests still in flight when the run stopped were"
    echo "answered and stored but not counted, so the rows stored can exceed ok, and conflict can fall short of"
    echo "replays, by at most the number of connections. The primary key (concern, tag) makes a second row for"
    echo "one member and one concern impossible; every repeated pair answered got 409."
  fi
} >"$REPORT"
cat "$REPORT"
