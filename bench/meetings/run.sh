#!/usr/bin/env bash
# Meetings benchmark: the speaking queue — 60 members of one meeting adding and removing themselves while
# the facilitator's view refreshes — on H2 and PostgreSQL, and a ranked-choice count of 100,000 ballots
# over 10 options, in memory and through the API on PostgreSQL. Writes bench/meetings/report.md.
#
#   bench/meetings/run.sh
#   BENCH_DURATION=10s BENCH_DATABASES=h2 bench/meetings/run.sh   # a quick look
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${BENCH_DURATION:-30s}
DATABASES=${BENCH_DATABASES:-"h2 postgres"}
BALLOTS=${BENCH_BALLOTS:-100000}
MEMBERS=60
CONNECTIONS=$MEMBERS
VIEW_CONNECTIONS=2
PACE_MS=${BENCH_PACE_MS:-1000}
PORT=18082
PG_PORT=15434
REPORT=bench/meetings/report.md
WORK=$(mktemp -d /tmp/staffroom-bench-meetings.XXXXXX)
PASSWORD="benchmark passphrase 2026"
source bench/lib.sh

api() {
  local method=$1 path=$2 bearer=$3 body=${4:-}
  curl -s -X "$method" -H "Authorization: Bearer $bearer" -H 'Content-Type: application/json' ${body:+-d "$body"} \
    "http://localhost:$PORT$path"
}

echo "== ranked choice in memory: $BALLOTS ballots over 10 options" >&2
memory=$("$JAVA" -cp target/classes bench/meetings/RankedChoice.java "$BALLOTS" 10 "$WORK/ballots.tsv")

queue_rows=()
paced_rows=()
api_row=""
for db in $DATABASES; do
  [ "$db" = postgres ] && start_postgres
  # the benchmark accounts bench5 to bench68 join the benchmark user's first groups (see BenchmarkData)
  start_server "$db" --staffroom.bench.groups=10 --staffroom.bench.accounts=70 --staffroom.bench.concerns-per-group=1
  until grep -q "Benchmark concerns:" "$WORK/$db.log"; do sleep 1; done
  stop_server
  start_server "$db"
  organiser=$(token bench@example.org)
  group=$(api GET /api/v1/me "$organiser" | jq -r '.memberships[0].groupId')
  meeting=$(api POST "/api/v1/groups/$group/meetings" "$organiser" \
    "{\"title\":\"Benchmark meeting\",\"date\":\"$(date +%F)\",\"startTime\":\"09:00\",\"endTime\":\"10:00\",\"facilitatorId\":null}" | jq -r .id)
  tokens=""
  for n in $(seq 5 $((4 + MEMBERS))); do tokens+="$(token "bench$n@example.org"),"; done
  queue="/api/v1/groups/$group/meetings/$meeting/queue"

  echo "== $db: speaking queue, $MEMBERS members and the facilitator's view, $DURATION" >&2
  export TOKENS="$tokens" GROUP="$group" MEETING="$meeting" THREADS=2
  PACE_MS=0 DURATION=10s measure warmup-$db -s bench/meetings/queue.lua "http://localhost:$PORT" >/dev/null
  paced=$(PACE_MS=$PACE_MS measure paced-$db -s bench/meetings/queue.lua "http://localhost:$PORT")
  paced_statuses=$(grep STATUS "$WORK/paced-$db.wrk" | sed 's/STATUS //')
  CONNECTIONS=$VIEW_CONNECTIONS measure view-$db -H "Authorization: Bearer $organiser" "http://localhost:$PORT$queue" \
    >"$WORK/view-$db.out" &
  view_pid=$!
  members=$(PACE_MS=0 measure queue-$db -s bench/meetings/queue.lua "http://localhost:$PORT")
  wait "$view_pid"
  statuses=$(grep STATUS "$WORK/queue-$db.wrk" | sed 's/STATUS //')
  rows=$(api GET "$queue" "$organiser" | jq '.waiting | length')
  paced_rows+=("$db|$paced|$paced_statuses")
  queue_rows+=("$db|$members|$statuses|$(cat "$WORK/view-$db.out")|$rows")

  if [ "$db" = postgres ]; then
    echo "== $db: ranked choice through the API, $BALLOTS ballots" >&2
    options=$(seq 1 10 | sed 's/.*/"Option &"/' | paste -sd,)
    proposal=$(api POST "/api/v1/groups/$group/proposals" "$organiser" \
      "{\"title\":\"Which first?\",\"kind\":\"RANKED\",\"closesAt\":\"$(date -d tomorrow +%FT%H:%M)\",\"options\":[$options]}" | jq -r .id)
    awk -v p="$proposal" '{print p "\t" $0}' "$WORK/ballots.tsv" >"$WORK/ballots-$proposal.tsv"
    chmod a+r "$WORK/ballots-$proposal.tsv"
    su postgres -c "psql -q -h /tmp -p $PG_PORT staffroom -c \"\\copy decisions_ballot (proposal_id, voter, content) from '$WORK/ballots-$proposal.tsv'\""
    api POST "/api/v1/groups/$group/proposals/$proposal/close" "$organiser" >/dev/null
    timings=()
    for i in $(seq 1 12); do
      seconds=$(curl -s -o "$WORK/proposal.json" -w '%{time_total}' -H "Authorization: Bearer $organiser" \
        "http://localhost:$PORT/api/v1/groups/$group/proposals/$proposal")
      [ "$i" -gt 2 ] && timings+=("$(awk -v s="$seconds" 'BEGIN {printf "%d", s * 1000}')")
    done
    sorted=($(printf '%s\n' "${timings[@]}" | sort -n))
    rounds=$(jq '.result.rounds | length' "$WORK/proposal.json")
    turnout=$(jq '.turnout' "$WORK/proposal.json")
    api_row="$turnout|$rounds|${sorted[0]}|${sorted[$(( ${#sorted[@]} / 2 ))]}|${sorted[-1]}"
  fi
  stop_server
  [ "$db" = postgres ] && stop_postgres
done

{
  echo "# Meetings benchmark: measured figures"
  echo
  echo "Run on $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD), on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $("$JAVA" -version 2>&1 | head -1)."
  echo "Load: wrk on loopback (the load generator shares the cores), $DURATION per measurement after a 10 s warm-up."
  echo
  echo "## Speaking queue (target: p99 under 50 ms)"
  echo
  echo "$MEMBERS members of one meeting, each with their own API token and connection."
  echo
  echo "**At a meeting's pace, pushed hard**: each member sends a request every $PACE_MS ms on average (at random"
  echo "between half and one and a half times that) — ask to speak, look at the"
  echo "queue, take themselves off, look again (POST …/queue, GET …/queue, POST …/queue/leave; each POST answers"
  echo "with the queue as that member sees it). That is $MEMBERS members changing their minds every two seconds and"
  echo "refreshing in between, far busier than any meeting (the page's script refreshes every three seconds)."
  echo
  echo "| database | requests/s | p50 | p99 | errors | answers |"
  echo "|---|---|---|---|---|---|"
  for row in "${paced_rows[@]}"; do
    IFS='|' read -r db rps p50 p99 errors statuses <<<"$row"
    echo "| $db | $rps | $p50 | $p99 | $errors | $statuses |"
  done
  echo
  echo "**As fast as the server answers** (the queue's capacity): every request alternates a member between asking"
  echo "and withdrawing, with no pause, while the facilitator's view is fetched over $VIEW_CONNECTIONS more"
  echo "connections, also with no pause. Latency here is mostly waiting in line for the two cores."
  echo
  echo "| database | members' requests/s | p50 | p99 | errors | answers | view requests/s | view p50 | view p99 | view errors | waiting at the end |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  for row in "${queue_rows[@]}"; do
    IFS='|' read -r db rps p50 p99 errors statuses vrps vp50 vp99 verrors waiting <<<"$row"
    echo "| $db | $rps | $p50 | $p99 | $errors | $statuses | $vrps | $vp50 | $vp99 | $verrors | $waiting |"
  done
  echo
  echo "## Ranked choice (target: 100,000 ballots over 10 options counted in under 1 s)"
  echo
  IFS='|' read -r rounds winner min median max <<<"$memory"
  echo "Ballots are generated with a fixed seed: each ranks from one to all ten options, drawn by popularity"
  echo "without replacement, with popularity close enough that the count runs $rounds rounds (winner: $winner)."
  echo
  echo "| what is timed | ballots | rounds | min (ms) | median (ms) | max (ms) |"
  echo "|---|---|---|---|---|---|"
  echo "| the count in memory (\`Counting.rankedChoice\`, 15 runs after 5 warm-up) | $BALLOTS | $rounds | $min | $median | $max |"
  if [ -n "$api_row" ]; then
    IFS='|' read -r turnout arounds amin amedian amax <<<"$api_row"
    echo "| GET the closed proposal through the API on PostgreSQL: load the ballots, parse, count, answer (10 runs after 2) | $turnout | $arounds | $amin | $amedian | $amax |"
  fi
} >"$REPORT"
cat "$REPORT"
