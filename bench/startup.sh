#!/usr/bin/env bash
# Startup time to "ready", heap used and RSS at idle, for the packaged jar on an empty H2 data directory.
# Usage: bench/startup.sh [runs]   (build first: ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
jar=$(ls target/aftercare-*.jar | grep -v original | head -1)
port=18089
for i in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  start=$(date +%s%N)
  AFTERCARE_DATA_DIR=$data SERVER_PORT=$port AFTERCARE_ADMIN_EMAIL=bench@example.com \
    AFTERCARE_ADMIN_PASSWORD=bench-password-1234 java ${JAVA_OPTS:-} -jar "$jar" > "$data/log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null 2>&1; do sleep 0.05; done
  ready=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 15   # idle
  heap=$(curl -fs -u bench@example.com:bench-password-1234 "http://127.0.0.1:$port/actuator/prometheus" \
    | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s+=$NF} END {printf "%.0f", s/1048576}')
  rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)
  reported=$(grep -o 'Started AftercareApplication in [0-9.]* seconds' "$data/log" | grep -o '[0-9.]*' | head -1)
  echo "run $i: ready after ${ready} ms (Spring reports ${reported} s), heap used ${heap} MiB, RSS ${rss} MiB"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
done
