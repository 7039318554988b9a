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
PASSWORD="benchmark passphrase 2026"
source bench/lib.sh

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
    before=$(psql_value "select count(*) from concerns_cosign")
    cosign=$(TOKENS="$tokens" CONCERNS="$concerns" THREADS=2 measure cosign-$db -s bench/concerns/cosign.lua "http://localhost:$PORT")
    after_rows=$(psql_value "select count(*) from concerns_cosign")
    statuses=$(grep STATUS "$WORK/cosign-$db.wrk" | sed 's/STATUS //')
    pairs=$(echo "$concerns" | tr ',' '\n' | grep -c /)
    cosign_row="$db|$cosign|$statuses|$((after_rows - before))|$pairs"
  fi
  stop_server
  [ "$db" = postgres ] && stop_postgres
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
