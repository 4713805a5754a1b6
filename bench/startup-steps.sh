#!/usr/bin/env bash
# Where a start's time goes: one start of the packaged jar (or, with "bare", of bench/baseline) on an empty H2 data
# directory, recorded with Spring's BufferingApplicationStartup by a main of its own (bench/steps) around the
# application's class; prints the slowest steps (bean instantiations among them) by their own time, the time per
# kind of step, the top-level steps, classes loaded and bean definitions. Every step goes to steps-<name>.tsv
# (id, parent, own ns, total ns, step) in the current directory.
# Usage: bench/startup-steps.sh [aftercare|bare]   (build first: ./mvnw -DskipTests package; JAVA_OPTS passed on)
# RESTART=1 records a start on an existing, migrated data directory instead (what a rolling restart meets): the same
#        start is run once first, unrecorded, on that directory.
set -euo pipefail
here=$(pwd)
cd "$(dirname "$0")/.."
name=${1:-aftercare}
if [ "$name" = bare ]; then
  [ -f bench/baseline/target/bare-boot.jar ] || ./mvnw -B -q -f bench/baseline/pom.xml -DskipTests package
  jar=bench/baseline/target/bare-boot.jar; main=bench.baseline.BareBootApplication
else
  jar=$(ls target/aftercare-*.jar | grep -v original | head -1); main=io.aftercare.AftercareApplication
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -Djarmode=tools -jar "$jar" extract --destination "$work/app" > /dev/null
app=$work/app/$(basename "$jar")
javac -d "$work/steps" -cp "$app:$work/app/lib/*" bench/steps/StartupSteps.java
data=$work/data
# steps OUT: one start on $data with the recording written to OUT, its log to $work/log
steps() {
  AFTERCARE_DATA_DIR=$data DATA_DIR=$data SERVER_PORT=${SERVER_PORT:-18091} AFTERCARE_ADMIN_EMAIL=bench@example.com \
    AFTERCARE_ADMIN_PASSWORD=bench-password-1234 java ${JAVA_OPTS:-} -Dprof.main=$main -Dprof.out="$1" \
    -cp "$work/steps:$app" bench.steps.StartupSteps > "$work/log" 2>&1 || { tail -30 "$work/log"; exit 1; }
}
[ "${RESTART:-0}" = 1 ] && steps /dev/null
steps "$here/steps-$name.tsv"
grep '^PROF' "$work/log" | sed 's/^PROF //'
