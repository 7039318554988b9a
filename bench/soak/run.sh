#!/usr/bin/env bash
# Soak benchmark: 1,000 simulated members for 10 minutes against two servers on one PostgreSQL, behind
# nginx with the tested proxy settings (deploy/nginx/staffroom-proxy.conf). The mix (bench/soak/soak.lua):
# reading concern lists, concerns, meetings and speaking queues, asking to speak and withdrawing,
# co-signing, answering surveys, raising concerns; each member waits a few seconds between requests.
# Samples both servers' memory every 15 s. Writes bench/soak/report.md.
#
#   bench/soak/run.sh
#   BENCH_USERS=100 BENCH_DURATION=60 bench/soak/run.sh     # a quick look (seconds)
set -euo pipefail
cd "$(dirname "$0")/../.."

USERS=${BENCH_USERS:-1000}
DURATION=${BENCH_DURATION:-600}
THINK_MS=${BENCH_THINK_MS:-5000}
SAMPLE_EVERY=15
PORT=18090
PORT_B=18091
PROXY_PORT=18099
PG_PORT=15436
DATABASES=postgres
REPORT=bench/soak/report.md
WORK=$(mktemp -d /tmp/staffroom-bench-soak.XXXXXX)
PASSWORD="benchmark passphrase 2026"
source bench/lib.sh
ulimit -n "$(ulimit -Hn)"

PIDS=()
NGINX_PID=""
soak_cleanup() {
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  cleanup
}
trap soak_cleanup EXIT

api() {
  local method=$1 path=$2 bearer=$3 body=${4:-}
  curl -s -X "$method" -H "Authorization: Bearer $bearer" -H 'Content-Type: application/json' ${body:+-d "$body"} \
    "http://127.0.0.1:$PROXY_PORT$path"
}

# one server of the two, with its own port, management port and log
server() {
  local name=$1 port=$2
  # behind nginx on this machine: its X-Forwarded-For names each simulated member's address
  PORT=$port MANAGEMENT_PORT=$((port + 100)) start_server postgres --staffroom.trusted-proxies=127.0.0.1
  mv "$WORK/postgres.log" "$WORK/$name.log"
  PIDS+=("$SERVER_PID")
  SERVER_PID=""
}

echo "== data: $USERS members in five groups, 30 concerns each" >&2
start_postgres
start_server postgres --staffroom.bench.groups=10 --staffroom.bench.accounts=$((USERS + 10)) \
  --staffroom.bench.concerns-per-group=30 --staffroom.bench.members="$USERS"
until grep -q "Benchmark concerns:" "$WORK/postgres.log"; do sleep 1; done
stop_server
mv "$WORK/postgres.log" "$WORK/data.log"
server a "$PORT"
server b "$PORT_B"

mkdir -p "$WORK/nginx"
cat >"$WORK/nginx/nginx.conf" <<NGINX
user root;
worker_processes 1;
worker_rlimit_nofile 8192;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    upstream staffroom {
        server 127.0.0.1:$PORT;
        server 127.0.0.1:$PORT_B;
        keepalive 64;
    }
    server {
        listen 127.0.0.1:$PROXY_PORT;
        location / {
            include $PWD/deploy/nginx/staffroom-proxy.conf;
        }
    }
}
NGINX
nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
NGINX_PID=$!
until curl -s -o /dev/null "http://127.0.0.1:$PROXY_PORT/livez"; do sleep 0.2; done

echo "== a meeting, an open survey and the concerns of each of the five groups" >&2
organiser=$(curl -s -H 'Content-Type: application/json' -d "{\"email\":\"bench@example.org\",\"password\":\"$PASSWORD\"}" \
  "http://127.0.0.1:$PROXY_PORT/api/v1/auth/token" | jq -r .token)
: >"$WORK/groups.txt"
for group in $(api GET /api/v1/me "$organiser" | jq -r '.memberships[].groupId' | head -5); do
  meeting=$(api POST "/api/v1/groups/$group/meetings" "$organiser" \
    "{\"title\":\"Soak meeting\",\"date\":\"$(date +%F)\",\"startTime\":\"00:01\",\"endTime\":\"23:59\"}" | jq -r .id)
  survey=$(api POST "/api/v1/groups/$group/surveys" "$organiser" '{"title":"Soak survey"}' | jq -r .id)
  api POST "/api/v1/groups/$group/surveys/$survey/questions" "$organiser" '{"code":"stress"}' >/dev/null
  api POST "/api/v1/groups/$group/surveys/$survey/questions" "$organiser" '{"code":"unpaid_hours"}' >/dev/null
  api POST "/api/v1/groups/$group/surveys/$survey/open" "$organiser" "{\"closesOn\":\"$(date -d '+30 days' +%F)\"}" >/dev/null
  questions=$(api GET "/api/v1/groups/$group/surveys/$survey" "$organiser" | jq -r '.questions[].id' | paste -sd' ')
  # open ones only: a co-signature on a closed or withdrawn concern is refused (409), as it should be
  concerns=$(api GET "/api/v1/groups/$group/concerns" "$organiser" | jq -r '.concerns[] | select(.status == "OPEN") | .id' | paste -sd,)
  echo "$group $meeting $survey $questions $concerns" >>"$WORK/groups.txt"
done

echo "== $USERS members sign in for an API token" >&2
seq 5 $((4 + USERS)) | xargs -P 4 -I{} curl -s -H 'Content-Type: application/json' \
  -d "{\"email\":\"bench{}@example.org\",\"password\":\"$PASSWORD\"}" "http://127.0.0.1:$PROXY_PORT/api/v1/auth/token" \
  | jq -r .token >"$WORK/users.txt"
tokens=$(grep -c . "$WORK/users.txt")
[ "$tokens" -eq "$USERS" ] || { echo "only $tokens tokens of $USERS" >&2; exit 1; }

sample() {
  local started=$1
  while true; do
    local t=$(( $(date +%s) - started ))
    for name in a b; do
      local port=$PORT; [ "$name" = b ] && port=$PORT_B
      local pid=${PIDS[0]}; [ "$name" = b ] && pid=${PIDS[1]}
      local rss metrics tenured heap
      rss=$(ps -o rss= -p "$pid" | tr -d ' ')
      metrics=$(curl -s "http://127.0.0.1:$((port + 100))/actuator/prometheus")
      tenured=$(echo "$metrics" | awk '/^jvm_memory_used_bytes\{.*id="Tenured Gen"/ {print $NF}')
      heap=$(echo "$metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s += $NF} END {printf "%d", s}')
      echo "$t $name $rss $tenured $heap" >>"$WORK/memory.txt"
    done
    sleep "$SAMPLE_EVERY"
  done
}

# the live heap: what a full collection leaves (the tenured generation otherwise only grows until one)
live() {
  local label=$1
  for name in a b; do
    local port=$PORT; [ "$name" = b ] && port=$PORT_B
    local pid=${PIDS[0]}; [ "$name" = b ] && pid=${PIDS[1]}
    "$(dirname "$JAVA")/jcmd" "$pid" GC.run >/dev/null
    sleep 1
    # what the live heap holds, class by class, to compare one moment with the other
    "$(dirname "$JAVA")/jcmd" "$pid" GC.class_histogram >"$WORK/histogram-${label// /-}-$name.txt"
    curl -s "http://127.0.0.1:$((port + 100))/actuator/prometheus" \
      | awk -v l="$label" -v n="$name" '/^jvm_memory_used_bytes\{.*area="heap"/ {s += $NF} END {printf "%s %s %.1f\n", l, n, s / 1048576}' \
      >>"$WORK/live.txt"
  done
}

echo "== warm-up: 60 s of reading at a tenth of the members" >&2
USERS_FILE="$WORK/users.txt" GROUPS_FILE="$WORK/groups.txt" THINK_MS=$THINK_MS THREADS=2 READ_ONLY=1 \
  wrk -t2 -c$((USERS / 10)) -d60s --timeout 10s -s bench/soak/soak.lua "http://127.0.0.1:$PROXY_PORT" >"$WORK/warmup.wrk" 2>&1 \
  || echo "the warm-up's wrk ended with an error (see $WORK/warmup.wrk)" >&2

echo "== soak: $USERS members for $DURATION s" >&2
: >"$WORK/memory.txt"
sample "$(date +%s)" &
sampler=$!
: >"$WORK/live.txt"
(sleep 120; live "minute 2"; sleep $((DURATION - 135)); live "minute $((DURATION / 60))") &
collector=$!
USERS_FILE="$WORK/users.txt" GROUPS_FILE="$WORK/groups.txt" THINK_MS=$THINK_MS THREADS=2 \
  wrk -t2 -c"$USERS" -d"${DURATION}s" --timeout 10s --latency -s bench/soak/soak.lua \
  "http://127.0.0.1:$PROXY_PORT" >"$WORK/soak.wrk" 2>&1 || echo "wrk ended with an error (see $WORK/soak.wrk)" >&2
kill "$sampler"
wait "$collector" || true

rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/soak.wrk")
requests=$(awk '/requests in/ {print $1}' "$WORK/soak.wrk")
p50=$(awk '$1=="50%" {print $2}' "$WORK/soak.wrk")
p90=$(awk '$1=="90%" {print $2}' "$WORK/soak.wrk")
p99=$(awk '$1=="99%" {print $2}' "$WORK/soak.wrk")
socket=$(awk '/Socket errors/ {$1=$2=""; print}' "$WORK/soak.wrk")
statuses=$(grep STATUS "$WORK/soak.wrk" | sed 's/STATUS //')
others=$(echo "$statuses" | tr ' ' '\n' | awk -F= '$1 !~ /^2/ && $2 {n += $2} END {print n + 0}')
errors_logged=$(cat "$WORK/a.log" "$WORK/b.log" | grep -c '"level":"ERROR"' || true)
memory_at() {  # the samples of server $1 in minute $2: "rss_min rss_max tenured_min tenured_max" (MiB)
  awk -v s="$1" -v m="$2" '$2 == s && int($1 / 60) == m {
      r = $3 / 1024; t = $4 / 1048576
      if (rmin == "" || r < rmin) rmin = r; if (r > rmax) rmax = r
      if (tmin == "" || t < tmin) tmin = t; if (t > tmax) tmax = t }
    END {printf "%.0f–%.0f MiB RSS, tenured %.0f–%.0f MiB", rmin, rmax, tmin, tmax}' "$WORK/memory.txt"
}
last_minute=$(( DURATION / 60 - 1 ))

{
  echo "# Soak benchmark"
  echo
  echo "Run on $(date -u +%F) by \`bench/soak/run.sh\` (commit $(git rev-parse --short HEAD)): $USERS members for $DURATION s,"
  echo "each waiting ${THINK_MS} ms on average between requests, against two servers (\`-Xmx512m\`, SerialGC) on one"
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}'), behind nginx $(nginx -v 2>&1 | sed 's/.*\///'), with wrk on the same machine:"
  echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r). Raw output in $WORK."
  echo
  echo "| | target | measured |"
  echo "|---|---|---|"
  echo "| requests | — | $requests ($rps/s) |"
  echo "| answers other than 2xx | 0 | $others (by status: $statuses) |"
  echo "| socket errors | 0 | ${socket:-none} |"
  echo "| errors in the servers' logs | 0 | $errors_logged |"
  echo "| latency p50 / p90 / p99 | p99 < 100 ms | $p50 / $p90 / $p99 |"
  for name in a b; do
    echo "| server ${name^^}: live heap after a full collection, minute 2 → the end | flat | $(awk -v n="$name" '$3 == n {printf "%s%s MiB", sep, $4; sep = " → "}' "$WORK/live.txt") |"
    echo "| server ${name^^}: RSS and tenured generation, minute 2 → minute $last_minute | — | $(memory_at "$name" 2) → $(memory_at "$name" "$last_minute") |"
  done
  echo
  echo "Memory every $SAMPLE_EVERY s (seconds, server, RSS KiB, tenured generation bytes, heap used bytes):"
  echo
  echo '```'
  cat "$WORK/memory.txt"
  echo '```'
} >"$REPORT"
cat "$REPORT"
