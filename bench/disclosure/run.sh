#!/usr/bin/env bash
# Disclosure decision benchmark: how long deciding one question of a network survey takes (the audit's linear
# programs included), for networks shaped like the surveys benchmark's (bench/surveys): GROUPS groups of
# RESPONDENTS each, four breakdown questions (11, 7, 7 and 6 options, each with "not stated"). In memory, on the
# test classpath: the database's part (reading one question's counts, writing the hidden figures) is measured
# by bench/surveys. Prints the machine, then one line a question kind (time, figures shown and hidden, rounds,
# checks, how many were certified or refuted without a solver, linear programs solved), and a progress line a
# minute while it runs. Results so far: bench/disclosure/report.md.
#
#   bench/disclosure/run.sh [GROUPS [RESPONDENTS [KIND...]]]     # defaults: 100 70, every kind
#   KIND: one, scale, any, number, sensitive.  MVNW_FLAGS=-o to build offline.
set -euo pipefail
cd "$(dirname "$0")/../.."
GROUPS_COUNT=${1:-100}
RESPONDENTS=${2:-70}
shift $(( $# > 2 ? 2 : $# ))
JAVA_HOME=${JAVA_HOME:-$(ls -d /usr/lib/jvm/*25* | head -1)}
export JAVA_HOME
./mvnw -q -B ${MVNW_FLAGS:-} -DskipTests test-compile
./mvnw -q -B ${MVNW_FLAGS:-} dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB;" \
  "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1); commit $(git rev-parse --short HEAD); $(date -u +%FT%TZ)"
"$JAVA_HOME/bin/java" -Xmx512m -XX:+UseSerialGC -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.staffroom.surveys.DisclosureBenchmark "$GROUPS_COUNT" "$RESPONDENTS" "$@"
