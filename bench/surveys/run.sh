#!/usr/bin/env bash
# Surveys benchmark, on PostgreSQL: a national survey of 40 questions answered by 1,400,000 people in 2,000
# groups, and a one-network survey (region 1, 700 respondents a group). Measures answers through the public
# link (HTTP, wrk) and how fast the counts keep up, respondents written straight into PostgreSQL and how
# fast the server folds them into the counts, closing (the responses rewritten in a random order), and
# broken-down results for a coordinator of the national network, of one region and for a group's member,
# against a plain GROUP BY over the raw answers. Logs the server's heap (GC log) throughout. Writes
# bench/surveys/report.md; progress goes to stderr. At the defaults it runs for hours: the server folds the
# bulk respondents into its counts a few hundred a second, and closing rewrites every response.
#
#   bench/surveys/run.sh
#   BENCH_RESPONDENTS=30000 BENCH_GROUPS=200 BENCH_REGIONS=4 BENCH_DURATION=10s BENCH_INGEST_DURATION=15s \
#     bench/surveys/run.sh   # a quick look
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/../.."

RESPONDENTS=${BENCH_RESPONDENTS:-1400000}
GROUP_COUNT=${BENCH_GROUPS:-2000}
REGIONS=${BENCH_REGIONS:-20}
DURATION=${BENCH_DURATION:-30s}
INGEST_DURATION=${BENCH_INGEST_DURATION:-60s}
REGION_PER_GROUP=700
QUESTION_COUNT=40
INGEST_CONNECTIONS=32
RESULTS_CONNECTIONS=8
CHUNK=50000
# responses counted a transaction by the server's fold (staffroom.surveys.fold-batch): with a backlog of
# 1.4 million, large batches fall on the same counts far more often than 5,000 spread over 2,000 groups
FOLD_BATCH=${BENCH_FOLD_BATCH:-100000}
# PostgreSQL as a production server on this machine's 24 GiB would be set: room to aggregate a fold batch in
# memory (the default 4 MB spills it to disk), a cache for the counts, checkpoints spread out
PG_OPTIONS="-c shared_buffers=4GB -c work_mem=512MB -c maintenance_work_mem=1GB -c max_wal_size=16GB -c checkpoint_timeout=30min"
DATABASES=postgres
PORT=18083
PG_PORT=15435
REPORT=bench/surveys/report.md
WORK=$(mktemp -d /tmp/staffroom-bench-surveys.XXXXXX)
PASSWORD="benchmark passphrase 2026"
source bench/lib.sh

say() { echo "$(date +%T) == $*" >&2; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN {printf "%.1f", b - a}'; }

# api METHOD PATH [BODY]: the answer's body; anything but 2xx stops the run with the answer
api() {
  local method=$1 path=$2 body=${3:-} out status
  out=$(mktemp -p "$WORK")
  status=$(curl -s -o "$out" -w '%{http_code}' --max-time 3600 -X "$method" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: application/json' ${body:+-d "$body"} "http://localhost:$PORT$path")
  if [[ $status != 2* ]]; then
    echo "$method $path answered $status: $(head -c 1000 "$out")" >&2
    exit 1
  fi
  cat "$out"
  rm -f "$out"
}

# wrk's latencies ("850.00us", "12.34ms", "1.20s", "2.00m") in milliseconds
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0;
    else if (v ~ /m$/) printf "%.0f", v * 60000; else if (v ~ /s$/) printf "%.0f", v * 1000; else print "" }'
}

median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# The server's heap, from its GC log (-Xlog:gc through JAVA_TOOL_OPTIONS, as bench/lib.sh sets the JVM's
# options): every collection logs the heap used just before it (the peak since the last one) and after it.
# phase NAME marks where each part of the run starts, so the report can give each its own.
phase() {
  echo "$(now) $1" >>"$WORK/phases"
  say "$2"
}
# one line per phase: name|young collections|full collections|peak used before a collection (MiB)|most
# used after one (MiB)|pause (ms)
heap_by_phase() {
  awk '
    FNR == NR {at[++phases] = $1; name[phases] = $2; next}
    / Pause / {
      t = substr($1, 2) / 1000
      p = 0
      for (k = 1; k <= phases; k++) if (at[k] <= t) p = k
      if (!p) next
      split($(NF - 1), size, /M->|M\(|M\)/)
      if ($4 == "Full") full[p]++; else young[p]++
      if (size[1] > before[p]) before[p] = size[1]
      if (size[2] > after[p]) after[p] = size[2]
      pause[p] += $NF
    }
    END {for (k = 1; k <= phases; k++) printf "%s|%d|%d|%s|%s|%.0f\n", name[k], young[k], full[k],
      (k in before) ? before[k] : "-", (k in after) ? after[k] : "-", pause[k]}' "$WORK/phases" "$WORK/gc.log"
}

# build_survey NETWORK TITLE: a network survey of every bank question and our own up to 40, opened; its id
build_survey() {
  local network=$1 title=$2 survey own
  survey=$(api POST "/api/v1/networks/$network/surveys" \
    "$(jq -nc --arg t "$title" '{title: $t, intro: "A benchmark survey: every answer is generated."}')" | jq -r .id)
  for code in $BANK_CODES; do
    api POST "/api/v1/networks/$network/surveys/$survey/questions" "{\"code\":\"$code\"}" >/dev/null
  done
  own=$((QUESTION_COUNT - $(echo "$BANK_CODES" | wc -w)))
  jq -c --argjson own "$own" '.[:$own][] | {section: "Your work", kind, text, options: (.options // []), min, max,
      breakdown: false, sensitive: false, required: false}' bench/surveys/questions.json |
    while read -r question; do
      api POST "/api/v1/networks/$network/surveys/$survey/questions" "$question" >/dev/null
    done
  api POST "/api/v1/networks/$network/surveys/$survey/open" "{\"closesOn\":\"$(date -d '+1 month' +%F)\"}" >/dev/null
  echo "$survey"
}

# generate SURVEY NETWORK COUNT: COUNT respondents straight into PostgreSQL, spread evenly over the network's
# groups, in chunks of $CHUNK, then queued for the server's fold (see generate-*.sql)
generate() {
  local survey=$1 network=$2 count=$3 groups from n
  groups=$(psql_value "select count(*) from groups_network_group where network_id = '$network'")
  {
    printf '\\set survey %s\n\\set network %s\n\\set groups %s\n' "$survey" "$network" "$groups"
    cat bench/surveys/generate-start.sql
    for ((from = 0; from < count; from += CHUNK)); do
      n=$((count - from < CHUNK ? count - from : CHUNK))
      printf '\\set from %s\n\\set n %s\n' "$from" "$n"
      cat bench/surveys/generate-chunk.sql
      printf '\\echo %s of %s respondents written\n' "$((from + n))" "$count"
    done
    echo '\echo analysing and queueing them for the fold'
    cat bench/surveys/generate-end.sql
  } | su postgres -c "psql -X -q -v ON_ERROR_STOP=1 -h /tmp -p $PG_PORT staffroom" |
    while read -r line; do echo "$(date +%T)    $line" >&2; done
}

# wait_fold LABEL: polls surveys_pending every 2 s (progress every 10 s) until it is empty; prints seconds
wait_fold() {
  local label=$1 started pending first="" polls=0
  started=$(now)
  while :; do
    pending=$(psql_value "select count(*) from surveys_pending")
    [ "$pending" -eq 0 ] && break
    first=${first:-$pending}
    (( polls++ % 5 == 0 )) && echo "$(date +%T)    $label: $pending responses waiting to be counted after $(since "$started") s" \
      "($(awk -v d="$((first - pending))" -v s="$(since "$started")" 'BEGIN {printf "%.0f", d / s}') a second so far)" >&2
    sleep 2
  done
  since "$started"
}

LOAD_AT_START=$(cut -d' ' -f1 /proc/loadavg)

# --- 1. data: groups, networks, the benchmark user coordinating the national network and region 1 ---
start_postgres
say "generating $GROUP_COUNT groups in a national network and $REGIONS regions"
gen_started=$(now)
start_server postgres --staffroom.bench.groups="$GROUP_COUNT" --staffroom.bench.accounts="$GROUP_COUNT" \
  --staffroom.bench.regions="$REGIONS"
until grep -q "Benchmark networks:" "$WORK/postgres.log"; do
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -30 "$WORK/postgres.log" >&2; exit 1; }
  sleep 1
done
setup_s=$(since "$gen_started")
stop_server
phase start "starting the server again, with a GC log"
JAVA_TOOL_OPTIONS="-Xlog:gc,gc+init:file=$WORK/gc.log:timemillis" start_server postgres \
  --staffroom.surveys.fold-batch="$FOLD_BATCH"
HEAP_MAX_MB=$(sed -n 's/.*Heap Max Capacity: \([0-9]*\)M.*/\1/p' "$WORK/gc.log")
phase setup "server started in $STARTUP_MS ms; building the surveys"

# --- 2. the surveys, through the API ---
TOKEN=$(token bench@example.org)
NATIONAL=$(psql_value "select id from groups_network where name = 'National benchmark network'")
REGION=$(psql_value "select id from groups_network where name = 'Region 1'")
REGION_GROUPS=$(psql_value "select count(*) from groups_network_group where network_id = '$REGION'")
GROUP=$(api GET /api/v1/me | jq -r '.memberships[0].groupId')
api GET /api/v1/surveys/bank >"$WORK/bank.json"
BANK_CODES=$(jq -r '.[].code' "$WORK/bank.json")
BREAKDOWNS=$(jq -r '[.[] | select(.breakdown) | .code] | join(" ")' "$WORK/bank.json")
build_started=$(now)
NATIONAL_SURVEY=$(build_survey "$NATIONAL" "National staffing survey")
build_s=$(since "$build_started")
REGION_SURVEY=$(build_survey "$REGION" "Region 1 staffing survey")
api GET "/api/v1/networks/$NATIONAL/surveys/$NATIONAL_SURVEY" >"$WORK/national.json"
api GET "/api/v1/networks/$REGION/surveys/$REGION_SURVEY" >"$WORK/region.json"
kinds=$(jq -r '[.questions | group_by(.kind)[] | "\(length) \(.[0].kind)"] | join(", ")' "$WORK/national.json")
say "surveys built ($(jq '.questions | length' "$WORK/national.json") questions: $kinds) in $build_s s"
LINK=$(api POST "/api/v1/networks/$NATIONAL/surveys/$NATIONAL_SURVEY/link" '{"codesRequired":false}' | jq -r .url)
LINK=${LINK##*/s/}
jq -r '"return {", (.questions[] | "  {id = \"\(.id)\", kind = \"\(.kind)\", n = \(.options | length), min = \(.min // 0), max = \(.max // 0)},"), "}"' \
  "$WORK/national.json" >"$WORK/questions.lua"

# --- 3. answers through the link, over HTTP, while the counts keep up ---
phase ingest-warmup "answers through the link, 10 s of warm-up (these responses count too)"
QUESTIONS="$WORK/questions.lua" LINK="$LINK" CONNECTIONS=$INGEST_CONNECTIONS DURATION=10s \
  measure ingest-warmup -s bench/surveys/ingest.lua "http://localhost:$PORT" >/dev/null
warmup_created=$(sed -n 's/^STATUS created=\([0-9]*\).*/\1/p' "$WORK/ingest-warmup.wrk")
wait_fold "after the warm-up" >/dev/null
phase ingest "answers through the link: $INGEST_CONNECTIONS connections, $INGEST_DURATION"
sample_pending() {
  while :; do
    echo "$(now)|$(psql_value "select (select count(*) from surveys_pending), (select count(*) from surveys_response)")"
    sleep 3
  done
}
sample_pending >"$WORK/pending.log" &
sampler=$!
ingest_started=$(now)
QUESTIONS="$WORK/questions.lua" LINK="$LINK" CONNECTIONS=$INGEST_CONNECTIONS DURATION=$INGEST_DURATION \
  measure ingest -s bench/surveys/ingest.lua "http://localhost:$PORT" >"$WORK/ingest.out"
ingest_ended=$(now)
IFS='|' read -r _ in_p50 in_p99 in_errors <"$WORK/ingest.out"
read -r created refused ingest_seconds < <(sed -n 's/^STATUS created=\([0-9]*\) other=\([0-9]*\) seconds=\([0-9.]*\)/\1 \2 \3/p' "$WORK/ingest.wrk")
first_error_ingest=$(sed -n 's/^FIRST_ERROR //p' "$WORK/ingest.wrk")
[ -n "$first_error_ingest" ] && say "answers refused: $refused, the first: $first_error_ingest"
ingest_rps=$(awk -v c="$created" -v s="$ingest_seconds" 'BEGIN {printf "%.0f", c / s}')
drain_s=$(wait_fold "after the load")
kill "$sampler"; wait "$sampler" 2>/dev/null || true
# folded while the load ran: responses stored less those still waiting, between the first and last samples
read -r max_pending fold_during end_pending < <(awk -F'|' -v end="$ingest_ended" '
  $1 <= end + 1.5 {if (!t0) {t0 = $1; r0 = $3; p0 = $2}; t1 = $1; r1 = $3; p1 = $2; if ($2 > m) m = $2}
  END {printf "%d %.0f %d\n", m, (t1 > t0 ? ((r1 - p1) - (r0 - p0)) / (t1 - t0) : 0), p1}' "$WORK/pending.log")
ingested=$(psql_value "select count(*) from surveys_response where survey_id = '$NATIONAL_SURVEY'")
say "$created answers stored ($ingest_rps a second), $refused refused; $drain_s s after the load, none left waiting"

# --- 4. the rest of the respondents straight into PostgreSQL, then the fold ---
remaining=$((RESPONDENTS > ingested ? RESPONDENTS - ingested : 0))
phase generate-national "writing $remaining respondents of the national survey straight into PostgreSQL"
generate_started=$(now)
generate "$NATIONAL_SURVEY" "$NATIONAL" "$remaining"
generate_s=$(since "$generate_started")
phase fold-national "counting them (the server's fold)"
fold_s=$(wait_fold national)
fold_rps=$(awk -v n="$remaining" -v s="$fold_s" 'BEGIN {printf "%.0f", n / s}')
say "written in $generate_s s, counted in $fold_s s ($fold_rps a second)"

region_count=$((REGION_GROUPS * REGION_PER_GROUP))
phase generate-region "writing $region_count respondents of the region 1 survey ($REGION_GROUPS groups)"
region_started=$(now)
generate "$REGION_SURVEY" "$REGION" "$region_count"
region_generate_s=$(since "$region_started")
phase fold-region "counting them"
region_fold_s=$(wait_fold region)
region_fold_rps=$(awk -v n="$region_count" -v s="$region_fold_s" 'BEGIN {printf "%.0f", n / s}')

answers=$(psql_value "select count(*) from surveys_answer")
counts_rows=$(psql_value "select count(*) from surveys_count")
sizes=$(psql_value "select pg_size_pretty(pg_total_relation_size('surveys_answer')) || ' answers, ' ||
  pg_size_pretty(pg_total_relation_size('surveys_response')) || ' responses, ' ||
  pg_size_pretty(pg_total_relation_size('surveys_count')) || ' counts'")
say "$answers answers, $counts_rows count rows ($sizes)"

# --- 5. close (the responses rewritten in a random order) and publish ---
shuffle_table=$(psql_value "select count(*) from information_schema.tables where table_name = 'surveys_shuffle'")
close_rows=()
for which in national region; do
  if [ "$which" = national ]; then network=$NATIONAL survey=$NATIONAL_SURVEY; else network=$REGION survey=$REGION_SURVEY; fi
  before=$(psql_value "select count(*) from surveys_response where survey_id = '$survey'")
  phase "close-$which" "closing the $which survey ($before responses)"
  close_started=$(now)
  api POST "/api/v1/networks/$network/surveys/$survey/close" >/dev/null
  close_s=$(since "$close_started")
  rewrite_s="-"
  if [ "$shuffle_table" = 1 ]; then
    # the rewrite may carry on after the answer, a slice a transaction
    while [ "$(psql_value "select count(*) from surveys_shuffle where survey_id = '$survey'")" != 0 ]; do sleep 2; done
    rewrite_s=$(since "$close_started")
  fi
  after=$(psql_value "select count(*) from surveys_response where survey_id = '$survey'")
  publish_started=$(now)
  api POST "/api/v1/networks/$network/surveys/$survey/publish" >/dev/null
  publish_s=$(since "$publish_started")
  close_rows+=("$which|$before|$close_s|$rewrite_s|$after|$publish_s")
  say "closed in $close_s s (rewrite done after $rewrite_s s), $after responses after; published in $publish_s s"
done

# --- 6. broken-down results, one question's table a request ---
pairs() { jq -r --arg bys "$BREAKDOWNS" \
  '[.questions as $q | ($bys | split(" "))[] as $by | $q[] | select(.kind != "TEXT" and .code != $by) | "\($by):\(.id)"] | join(",")' "$1"; }
NATIONAL_PAIRS=$(pairs "$WORK/national.json")
REGION_PAIRS=$(pairs "$WORK/region.json")
NATIONAL_RESULTS=/api/v1/networks/$NATIONAL/surveys/$NATIONAL_SURVEY/results
views=(
  "national|a coordinator of the national network, its survey|$NATIONAL_RESULTS|$NATIONAL_PAIRS"
  "network|a coordinator of region 1, its survey|/api/v1/networks/$REGION/surveys/$REGION_SURVEY/results|$REGION_PAIRS"
  "group|a member of one group, the national survey|/api/v1/groups/$GROUP/surveys/$NATIONAL_SURVEY/results|$NATIONAL_PAIRS"
)
# whether the server honours ?question= (one table) or answers every table
first_pair=${NATIONAL_PAIRS%%,*}
api GET "$NATIONAL_RESULTS?by=${first_pair%%:*}&question=${first_pair#*:}" >"$WORK/one-table.json"
tables=$(jq '.questions | length' "$WORK/one-table.json")
turnout=$(jq .turnout "$WORK/one-table.json")
result_rows=()
for view in "${views[@]}"; do
  IFS='|' read -r name who path view_pairs <<<"$view"
  phase "results-$name" "results for $who: $RESULTS_CONNECTIONS connections, $DURATION, $(echo "$view_pairs" | tr ',' '\n' | wc -l) (breakdown, question) pairs"
  RESULTS="$path" PAIRS="$view_pairs" CONNECTIONS=$RESULTS_CONNECTIONS DURATION=5s \
    measure "warmup-$name" -H "Authorization: Bearer $TOKEN" -s bench/surveys/results.lua "http://localhost:$PORT" >/dev/null
  figures=$(RESULTS="$path" PAIRS="$view_pairs" CONNECTIONS=$RESULTS_CONNECTIONS \
    measure "results-$name" -H "Authorization: Bearer $TOKEN" -s bench/surveys/results.lua "http://localhost:$PORT")
  statuses=$(sed -n 's/^STATUS //p' "$WORK/results-$name.wrk")
  first_error=$(sed -n 's/^FIRST_ERROR //p' "$WORK/results-$name.wrk")
  [ -z "$first_error" ] || say "refused: $first_error"
  result_rows+=("$name|$who|$figures|$statuses|${first_error:0:300}")
  say "$figures ($statuses)"
done

# --- 7. the same breakdowns by a plain GROUP BY over the raw answers ---
phase sql "the same breakdowns by a GROUP BY over the raw answers"
national_p50_ms=$(to_ms "$(echo "${result_rows[0]}" | cut -d'|' -f4)")
sql_rows=()
for pick in "stress profession" "SEVERAL employer_type" "training ethnicity" "NUMBER contract"; do
  read -r which by <<<"$pick"
  question=$(jq -r --arg w "$which" '[.questions[] | select(.code == $w or (.code == null and .kind == $w))][0].id' "$WORK/national.json")
  by_question=$(jq -r --arg b "$by" '.questions[] | select(.code == $b) | .id' "$WORK/national.json")
  label=$(jq -r --arg q "$question" '.questions[] | select(.id == $q) | (.code // "own \(.kind)")' "$WORK/national.json")
  query="select r.group_id, coalesce(b.item, -1), a.item, count(*), sum(a.number) from surveys_response r
    join surveys_answer a on a.response_id = r.id and a.question_id = '$question'
    left join surveys_answer b on b.response_id = r.id and b.question_id = '$by_question'
    where r.survey_id = '$NATIONAL_SURVEY' group by 1, 2, 3"
  # the rows go to a file (a line each, three runs), the timings to stdout
  sql_ms=$(printf '\\timing on\n\\pset tuples_only on\n\\pset format unaligned\n\\o %s\n%s;\n%s;\n%s;\n' \
      "$WORK/groupby.out" "$query" "$query" "$query" |
    su postgres -c "psql -X -q -h /tmp -p $PG_PORT staffroom" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | median)
  cells=$(( $(wc -l <"$WORK/groupby.out") / 3 ))
  api_timings=()
  for i in 1 2 3; do
    seconds=$(curl -s -o /dev/null -w '%{time_total}' --max-time 600 -H "Authorization: Bearer $TOKEN" \
      "http://localhost:$PORT$NATIONAL_RESULTS?by=$by&question=$question" || true)
    api_timings+=("$(awk -v s="$seconds" 'BEGIN {printf "%.1f", s * 1000}')")
  done
  api_ms=$(printf '%s\n' "${api_timings[@]}" | median)
  sql_rows+=("$label|$by|$cells|$sql_ms|$api_ms")
  say "GROUP BY $label by $by: $sql_ms ms ($cells cells); the API, one request at a time: $api_ms ms"
done

# --- the whole survey's results (every table), last: the heaviest requests for the server's memory ---
whole_rows=()
for view in "${views[@]}"; do
  IFS='|' read -r name who path view_pairs <<<"$view"
  phase "whole-$name" "the whole survey's results for $who, with curl, without a breakdown and by each"
  timings=()
  codes=()
  for by in "" $BREAKDOWNS; do
    answer=$(curl -s -o "$WORK/whole-$name.json" -w '%{http_code} %{time_total}' --max-time 3600 \
      -H "Authorization: Bearer $TOKEN" "http://localhost:$PORT$path${by:+?by=$by}" || true)
    codes+=("${answer%% *}")
    timings+=("$(awk -v s="${answer#* }" 'BEGIN {printf "%.0f", s * 1000}')")
  done
  bytes=$(stat -c %s "$WORK/whole-$name.json")
  whole_tables=$(jq '.questions | length' "$WORK/whole-$name.json" 2>/dev/null || echo "?")
  whole_rows+=("$name|$(printf '%s\n' "${timings[@]}" | median)|$(printf '%s\n' "${timings[@]}" | sort -n | tail -1)|$whole_tables|$bytes|${timings[*]}|${codes[*]}")
  say "${timings[*]} ms (${codes[*]})"
done
phase end "done"
out_of_memory=$(grep -c OutOfMemoryError "$WORK/postgres.log" || true)

# --- 8. the report ---
met() { awk -v v="$1" -v t="$2" -v d="$3" 'BEGIN {if (v == "") print "not measured"; else if ((d == "min" && v + 0 >= t) || (d == "max" && v + 0 < t)) print "MET"; else print "MISSED"}'; }
{
  echo "# Surveys benchmark: measured figures"
  echo
  echo "Run on $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' with uncommitted changes under src'), on $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $("$JAVA" -version 2>&1 | head -1), PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') started with \`$PG_OPTIONS\` (the rest default)."
  echo "Parameters: BENCH_RESPONDENTS=$RESPONDENTS BENCH_GROUPS=$GROUP_COUNT BENCH_REGIONS=$REGIONS BENCH_DURATION=$DURATION BENCH_INGEST_DURATION=$INGEST_DURATION BENCH_FOLD_BATCH=$FOLD_BATCH."
  echo "Load: wrk, 2 threads, on loopback (the load generator and PostgreSQL share the cores with the server)."
  echo "Load average (1 min) at the start $LOAD_AT_START, at the end $(cut -d' ' -f1 /proc/loadavg): anything else running on the machine shows here."
  echo
  echo "PostgreSQL only: H2 is not measured here. A national survey of 1,400,000 respondents is a 56-million-row"
  echo "answers table, a production database's job; H2 serves small instances."
  echo
  echo "## Data"
  echo
  echo "$GROUP_COUNT groups (one organiser each), all in one national network and in $REGIONS regional networks"
  echo "of consecutive groups; region 1 has $REGION_GROUPS groups. Accounts, groups and networks were made through"
  echo "the use cases (BenchmarkData) in $setup_s s."
  echo
  echo "Two network surveys of $(jq '.questions | length' "$WORK/national.json") questions ($kinds), built through the API: every"
  echo "question of the bank ($(echo "$BANK_CODES" | wc -w), breakdowns by $BREAKDOWNS) and our own up to"
  echo "$QUESTION_COUNT, no free text. Building one (create, $QUESTION_COUNT questions, open) took $build_s s."
  echo
  echo "| survey | respondents | of which through the link (HTTP) | groups | answer rows (both) | count rows (both) |"
  echo "|---|---|---|---|---|---|"
  echo "| national | $((ingested + remaining)) | $ingested | $GROUP_COUNT | $answers | $counts_rows |"
  echo "| region 1 | $region_count | 0 | $REGION_GROUPS | | |"
  echo
  echo "On disk: $sizes."
  echo "Answers: each question skipped one time in 20; options drawn as n × random^1.7 (the first options"
  echo "most often, the last few rare, so some breakdown cells are small); numbers uniform in the range; a"
  echo "\"choose any\" question gets a second option a third of the time through the link, 30% in bulk."
  echo
  echo "## Answers through the link (target: 2,000 responses/s)"
  echo
  echo "POST /api/v1/public-surveys/{token}/responses, every request a new respondent with random valid"
  echo "answers to all $QUESTION_COUNT questions, $INGEST_CONNECTIONS connections for $INGEST_DURATION after 10 s of"
  echo "warm-up (the server's compiler warms up; those $warmup_created responses are stored and counted too)."
  echo
  echo "| stored (201) | refused | responses/s | p50 | p99 | wrk errors | target |"
  echo "|---|---|---|---|---|---|---|"
  echo "| $created | $refused | $ingest_rps | $in_p50 | $in_p99 | $in_errors | $(met "$ingest_rps" 2000 min) |"
  [ -z "$first_error_ingest" ] || printf '\nFirst refusal: `%s`\n' "${first_error_ingest:0:300}"
  echo
  echo "Counting while the load ran (surveys_pending sampled every 3 s): at most $max_pending responses waited,"
  echo "about $fold_during responses/s were counted, $end_pending still waited when the load stopped, and"
  echo "none $drain_s s after it stopped."
  echo
  echo "## Respondents written straight into PostgreSQL, and the fold"
  echo
  echo "SQL (bench/surveys/generate-*.sql: generate_series, gen_random_uuid(), random()) in chunks of $CHUNK"
  echo "respondents, foreign key triggers off, then ANALYZE, then all of them queued in surveys_pending at"
  echo "once; the server's fold (Counts, every 2 s, $FOLD_BATCH responses a transaction: staffroom.surveys.fold-batch) counts them."
  echo
  echo "| survey | respondents | written in (s) | counted in (s) | fold: responses/s |"
  echo "|---|---|---|---|---|"
  echo "| national | $remaining | $generate_s | $fold_s | $fold_rps |"
  echo "| region 1 | $region_count | $region_generate_s | $region_fold_s | $region_fold_rps |"
  echo
  echo "## Closing and publishing"
  echo
  echo "POST …/close (curl, up to an hour): the responses are written again under new ids in a random order."
  echo "\"Rewritten\" is when no row of surveys_shuffle was left for the survey (- : no such table in this build)."
  echo
  echo "| survey | responses before | close answered (s) | rewritten (s) | responses after | publish (s) |"
  echo "|---|---|---|---|---|---|"
  for row in "${close_rows[@]}"; do
    IFS='|' read -r which before close_s rewrite_s after publish_s <<<"$row"
    echo "| $which | $before | $close_s | $rewrite_s | $after | $publish_s |"
  done
  echo
  echo "## Broken-down results (target: p50 under 200 ms)"
  echo
  echo "GET …/results?by=<breakdown>&question=<question>, each request one question's table broken down by"
  echo "one of $BREAKDOWNS, cycling through every pair; $RESULTS_CONNECTIONS connections, $DURATION after 5 s of"
  echo "warm-up. A test request with question= answered $tables table(s)$([ "$tables" = 1 ] || echo ' — the server ignores the question parameter, so every request here is the whole survey'); national turnout $turnout."
  echo
  echo "| view | who | requests/s | p50 | p99 | wrk errors | answers | target |"
  echo "|---|---|---|---|---|---|---|---|"
  for row in "${result_rows[@]}"; do
    IFS='|' read -r name who rps p50 p99 errors statuses first <<<"$row"
    echo "| $name | $who | $rps | $p50 | $p99 | $errors | $statuses | $(met "$(to_ms "$p50")" 200 max) |"
  done
  for row in "${result_rows[@]}"; do
    IFS='|' read -r name who rps p50 p99 errors statuses first <<<"$row"
    [ -z "$first" ] || printf '\nFirst refusal (%s): `%s`\n' "$name" "$first"
  done
  echo
  echo "The whole survey's results (every table, no question parameter), with curl, one request at a time, run"
  echo "last: without a breakdown and by each breakdown question ($(( $(echo "$BREAKDOWNS" | wc -w) + 1 )) requests a view)."
  echo
  echo "| view | median (ms) | slowest (ms) | tables | bytes (last answer) | each (ms) | statuses |"
  echo "|---|---|---|---|---|---|---|"
  for row in "${whole_rows[@]}"; do
    IFS='|' read -r name med max tables_n bytes each codes <<<"$row"
    echo "| $name | $med | $max | $tables_n | $bytes | $each | $codes |"
  done
  echo
  echo "## The same breakdown by a plain GROUP BY over the raw answers"
  echo
  echo "On the national survey: each response joined to its answer to the question and to the breakdown"
  echo "question, grouped by group, breakdown answer and option (psql, \\timing, the rows written to a file);"
  echo "median of 3 runs, with the server idle. The API's time for the same table, also idle, is the median of"
  echo "3 curl requests; the national view's p50 under load (above) is $national_p50_ms ms."
  echo
  echo "| question | by | cells | GROUP BY (ms) | API, same table, idle (ms) | GROUP BY ÷ API p50 under load | GROUP BY ÷ API idle |"
  echo "|---|---|---|---|---|---|---|"
  for row in "${sql_rows[@]}"; do
    IFS='|' read -r label by cells sql_ms api_ms <<<"$row"
    echo "| $label | $by | $cells | $sql_ms | $api_ms | $(awk -v s="$sql_ms" -v a="$national_p50_ms" 'BEGIN {if (a > 0) printf "%.1f×", s / a}') | $(awk -v s="$sql_ms" -v a="$api_ms" 'BEGIN {if (a > 0) printf "%.1f×", s / a}') |"
  done
  echo
  echo "## Server heap"
  echo
  echo "Maximum heap $HEAP_MAX_MB MiB (-Xmx512m, serial collector, set by bench/lib.sh), from the server's GC log:"
  echo "each collection logs the heap used just before it (the peak since the one before) and just after it"
  echo "(after a full collection, what was still reachable). A part of the run without a collection shows -."
  echo
  echo "| part of the run | young collections | full collections | peak heap used (MiB) | most used after a collection (MiB) | pauses (ms) |"
  echo "|---|---|---|---|---|---|"
  heap_by_phase | while IFS='|' read -r name young full before after pause; do
    [ "$name" = end ] || echo "| $name | $young | $full | $before | $after | $pause |"
  done
  echo
  echo "Peak heap used over the whole run: $(awk '/ Pause / {split($(NF - 1), s, /M->/); if (s[1] + 0 > m) m = s[1] + 0} END {print m + 0}' "$WORK/gc.log") MiB of $HEAP_MAX_MB MiB."
  echo "OutOfMemoryError in the server's log: $out_of_memory."
} >"$REPORT"
cat "$REPORT"
