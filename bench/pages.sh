#!/usr/bin/env bash
# Pages under load: the packaged jar with the demo organisation (H2) on loopback, 50 signed-in demo people asking
# for /me, /incidents, a team page and a check-in page, each beside /actuator/health's rate from the same run.
# Usage: bench/pages.sh [clients] [warm-up seconds] [seconds]   (build first: ./mvnw -DskipTests package)
# JAR=path runs another build (say, the one before a change); JAVA_OPTS goes to the server; LOAD_OPTS to the load
# client (LOAD_OPTS=-Dpages=/me,/incidents measures only those pages beside health). The load client
# (bench/PagesLoad.java) runs as a single-file program.
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-50}
warmup=${2:-15}
seconds=${3:-20}
jar=${JAR:-$(ls target/aftercare-*.jar | grep -v original | head -1)}
port=${PORT:-18090}
data=$(mktemp -d)
AFTERCARE_DATA_DIR=$data SERVER_PORT=$port SERVER_ADDRESS=127.0.0.1 \
  java ${JAVA_OPTS:-} -jar "$jar" --demo > "$data/log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 1200); do
  curl -fs "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$data/log"; exit 1; }
  sleep 0.1
done
# the demo organisation is loaded by a runner once the server is up: wait for its log line
for _ in $(seq 1 600); do
  grep -q 'Loaded the demo organisation' "$data/log" && break
  sleep 0.1
done
java -Xss512k ${LOAD_OPTS:-} bench/PagesLoad.java "http://127.0.0.1:$port" "$clients" "$warmup" "$seconds" "$pid"
if grep -q 'ERROR' "$data/log"; then
  echo "the server logged errors:"; grep -A3 'ERROR' "$data/log" | head -40
fi
