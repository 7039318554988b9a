# Shared by the benchmark scripts under bench/. Source it after setting PORT, PG_PORT and WORK; it finds
# JDK 25 (JAVA), makes sure wrk and jq are there, and stops the server and PostgreSQL on exit.
#   start_postgres                  a throwaway PostgreSQL in $WORK/pg, database "staffroom"
#   start_server DB [ARGS...]       the built jar on H2 or PostgreSQL; sets SERVER_PID and STARTUP_MS
#   stop_server / stop_postgres
#   measure NAME WRK_ARGS...        wrk with $CONNECTIONS and $DURATION; prints "rps|p50|p99|errors"
#   token EMAIL                     an API token for a benchmark account (password $PASSWORD)

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
SERVER_PID=""
# arguments every server start gets; a script may set them before sourcing this file
declare -p SERVER_EXTRA_ARGS >/dev/null 2>&1 || SERVER_EXTRA_ARGS=()

./staffroom build
JAVA=""
for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*25*; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && "$candidate/bin/java" -version 2>&1 | grep -q 'version "25'; then
    JAVA="$candidate/bin/java"; break
  fi
done
[ -n "$JAVA" ] || { echo "JDK 25 missing" >&2; exit 1; }
for tool in wrk jq; do
  command -v "$tool" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null; }
done
if [[ " $DATABASES " == *" postgres "* ]] && [ -z "$PG_BIN" ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  [ -d "$WORK/pg" ] && su postgres -c "$PG_BIN/pg_ctl -D $WORK/pg -m fast stop" >/dev/null 2>&1 || true
}
trap cleanup EXIT

start_postgres() {
  mkdir -p "$WORK/pg" && chown postgres "$WORK" "$WORK/pg"
  su postgres -c "$PG_BIN/initdb -D $WORK/pg -U postgres --auth=trust" >/dev/null
  su postgres -c "$PG_BIN/pg_ctl -D $WORK/pg -o '-p $PG_PORT -k /tmp ${PG_OPTIONS:-}' -l $WORK/pg.log start" >/dev/null
  sleep 2
  su postgres -c "$PG_BIN/createdb -h /tmp -p $PG_PORT staffroom"
}

stop_postgres() {
  su postgres -c "$PG_BIN/pg_ctl -D $WORK/pg -m fast stop" >/dev/null
  rm -rf "$WORK/pg"
}

psql_value() {
  su postgres -c "psql -h /tmp -p $PG_PORT -tA staffroom -c \"$1\""
}

start_server() {
  local db=$1; shift
  local env=(STAFFROOM_PORT=$PORT STAFFROOM_MANAGEMENT_PORT=${MANAGEMENT_PORT:-0} STAFFROOM_DATA_DIR="$WORK/h2")
  if [ "$db" = postgres ]; then
    env+=(STAFFROOM_DB_URL="jdbc:postgresql://localhost:$PG_PORT/staffroom" STAFFROOM_DB_USER=postgres STAFFROOM_DB_PASSWORD=)
  fi
  local started
  started=$(date +%s%N)
  env "${env[@]}" "$JAVA" -Xss512k -XX:+UseSerialGC -Xmx512m -XX:AOTCache=target/app/staffroom.aot -jar target/app/staffroom.jar \
    "${SERVER_EXTRA_ARGS[@]}" "$@" >>"$WORK/$db.log" 2>&1 &
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

token() {
  curl -s -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"$PASSWORD\"}" \
    "http://localhost:$PORT/api/v1/auth/token" | jq -r .token
}
