#!/usr/bin/env bash
# Startup time to "ready", heap used and RSS at idle: the packaged Aftercare jar beside a bare Spring Boot
# application with the same starters (bench/baseline), started alternately in the same run, each on an empty H2
# data directory, with the same JVM options. "Ready" is the same for both: /actuator/health/readiness answers 200.
# Usage: bench/startup.sh [runs] [idle seconds]   (build first: ./mvnw -DskipTests package; the baseline is built
#        here when missing). JAVA_OPTS is passed to both, e.g. JAVA_OPTS=-XX:TieredStopAtLevel=1.
# CDS=1 trains a class data sharing archive for each jar first (a start that exits once the context is refreshed)
#        and starts both with it, as the image does (docs/decisions/0050).
# RESTART=1 measures what a rolling restart meets instead of a first start: each application is first started once
#        on a data directory of its own (not timed; ready, then stopped cleanly), and every timed start is on that
#        existing, migrated directory (no migrations to run, the master key read rather than generated).
# JAR=path starts that jar as Aftercare instead of target/aftercare-*.jar (e.g. a copy of main's, for a before/after).
set -euo pipefail
given_jar=${JAR:+$(realpath "$JAR")}
cd "$(dirname "$0")/.."
runs=${1:-3}
idle=${2:-15}
jar=${given_jar:-$(ls target/aftercare-*.jar | grep -v original | head -1)}
bare=bench/baseline/target/bare-boot.jar
if [ ! -f "$bare" ] || [ bench/baseline/pom.xml -nt "$bare" ]; then
  ./mvnw -B -q -f bench/baseline/pom.xml -DskipTests package
fi
port=18089
user=bench@example.com
pass=bench-password-1234
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Spring Boot's own recipe for CDS: the jar extracted, one training start that stops after the refresh.
cds_opts() { :; }
if [ "${CDS:-0}" = 1 ]; then
  for name in aftercare bare; do
    src=$([ "$name" = aftercare ] && echo "$jar" || echo "$bare")
    java -Djarmode=tools -jar "$src" extract --destination "$work/$name" > /dev/null
    data=$(mktemp -d)
    (cd "$work/$name" && AFTERCARE_DATA_DIR=$data DATA_DIR=$data SERVER_PORT=$port AFTERCARE_ADMIN_EMAIL=$user \
      AFTERCARE_ADMIN_PASSWORD=$pass java ${JAVA_OPTS:-} -XX:ArchiveClassesAtExit=app.jsa \
      -Dspring.context.exit=onRefresh -jar "$(basename "$src")" > "$data/log" 2>&1) \
      || { echo "training $name failed:"; tail -20 "$data/log"; exit 1; }
    rm -rf "$data"
  done
fi

# data_dir NAME: the data directory for one start: a new empty one, or with RESTART=1 the application's own.
data_dir() {
  if [ "${RESTART:-0}" = 1 ]; then echo "$work/data-$1"; else mktemp -d; fi
}

# start NAME RUN: starts one application, waits for readiness, prints one line of figures ("first" as RUN: the
# untimed start that prepares RESTART=1's data directory, printed and not counted).
start() {
  local name=$1 run=$2 data pid begin ready heap rss reported cmd
  data=$(data_dir "$name")
  mkdir -p "$data"
  if [ "${CDS:-0}" = 1 ]; then
    local dir=$work/$name
    cmd=(java ${JAVA_OPTS:-} -XX:SharedArchiveFile="$dir/app.jsa" -jar "$dir/$( [ "$name" = aftercare ] && basename "$jar" || basename "$bare")")
  else
    cmd=(java ${JAVA_OPTS:-} -jar "$( [ "$name" = aftercare ] && echo "$jar" || echo "$bare")")
  fi
  begin=$(date +%s%N)
  AFTERCARE_DATA_DIR=$data DATA_DIR=$data SERVER_PORT=$port AFTERCARE_ADMIN_EMAIL=$user \
    AFTERCARE_ADMIN_PASSWORD=$pass "${cmd[@]}" > "$data/log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health/readiness" > /dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "$name did not start:"; tail -30 "$data/log"; exit 1; }
    sleep 0.05
  done
  ready=$(( ($(date +%s%N) - begin) / 1000000 ))
  if [ "$run" = first ]; then
    printf '%-9s prepared its data directory (first start, not counted: ready after %d ms)\n' "$name" "$ready"
    stop "$pid" "$data"
    return
  fi
  sleep "$idle"
  heap=$(curl -fs -u "$user:$pass" "http://127.0.0.1:$port/actuator/prometheus" \
    | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s+=$NF} END {printf "%.0f", s/1048576}')
  rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)
  reported=$(grep -o 'Started [A-Za-z]*Application in [0-9.]* seconds' "$data/log" | grep -o '[0-9.]*' | head -1)
  printf '%-9s run %s: ready after %5d ms (Spring reports %s s), heap used %s MiB, RSS %s MiB\n' \
    "$name" "$run" "$ready" "$reported" "$heap" "$rss"
  echo "$ready" >> "$work/$name.ready"
  stop "$pid" "$data"
  [ "${RESTART:-0}" = 1 ] || rm -rf "$data"
}

# stop PID DATA: a clean stop (SIGTERM: Spring's graceful shutdown, H2 closes its file), the log kept apart so that
# the next start on the same directory writes a log of its own.
stop() {
  kill "$1"
  wait "$1" 2>/dev/null || true
  mv "$2/log" "$2/log.previous"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); JAVA_OPTS=${JAVA_OPTS:-} CDS=${CDS:-0}" \
  "RESTART=${RESTART:-0} jar=$jar"
if [ "${RESTART:-0}" = 1 ]; then start aftercare first; start bare first; fi
for i in $(seq 1 "$runs"); do
  # alternate which one goes first, so that a change in the machine's load falls on both
  if [ $((i % 2)) = 1 ]; then start aftercare "$i"; start bare "$i"; else start bare "$i"; start aftercare "$i"; fi
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
a=$(median "$work/aftercare.ready"); b=$(median "$work/bare.ready")
echo "median ready$([ "${RESTART:-0}" = 1 ] && echo ' (restart on a migrated data directory)'): aftercare ${a} ms, bare Spring Boot ${b} ms, ratio $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", a/b}')"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
