#!/usr/bin/env bash
# Start-up on an existing data folder: the platform is started RUNS times (default 10) on a folder a first start
# filled with the demo data, each time timed from launch to its "is ready" line, then stopped (SIGTERM, as a service
# manager does). Prints each run, the median and the worst: `java -jar` on the default JDK; `mvn spring-boot:run`
# with nothing changed since the last build (on the newest long-term JDK found, with Java's ahead-of-time cache that
# its first start, timed apart, records and writes when it stops, and the bean definitions the package wrote out as
# code; see pom.xml); then, when a Java 25 JDK is found
# (JAVA25_HOME, else Temurin's under /usr/lib/jvm), the fast start of the README ("Starting faster"): the extracted
# jar with Spring's ahead-of-time processed bean definitions and Java 25's ahead-of-time cache, trained once. Issue 21
# aims at 5 s for the jar and 10 s for spring-boot:run.
# Usage: bench/startup.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
mvn -q -B -ntp package -DskipTests
jar=target/fse-platform.jar
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

start_and_time() {
  local log="$work/run.log" began now pid
  : > "$log"
  began=$(date +%s%N)
  # A process group of its own, so that stopping Maven's spring-boot:run also stops the platform it forked.
  setsid "$@" > "$log" 2>&1 &
  pid=$!
  until grep -q "is ready" "$log"; do
    if ! kill -0 "$pid" 2> /dev/null; then echo "the platform stopped before it was ready:" >&2; tail -20 "$log" >&2; exit 1; fi
    sleep 0.05
  done
  now=$(date +%s%N)
  if grep -q "Starting AOT-processed" "$log"; then echo >> "$work/processed-starts"; fi
  kill -TERM -- "-$pid"; wait "$pid" 2> /dev/null || true
  # Maven may end before the platform it forked has stopped its database: the next start waits for the whole group,
  # or it would find that server still running and spend its first seconds stopping it.
  while pgrep -g "$pid" > /dev/null; do sleep 0.05; done
  echo $(( (now - began) / 1000000 ))
}

restarts() {
  local label="$1" times=() sorted count median ms processed
  shift
  : > "$work/processed-starts"
  for i in $(seq 1 "$runs"); do
    ms=$(start_and_time "$@")
    times+=("$ms")
    echo "$label, restart $i: $ms ms"
  done
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  count=${#sorted[@]}
  if (( count % 2 == 1 )); then median=${sorted[$((count / 2))]}; else median=$(( (sorted[count / 2 - 1] + sorted[count / 2]) / 2 )); fi
  processed=$(wc -l < "$work/processed-starts")
  echo "$label: ${count} restarts on an existing data folder, median ${median} ms, worst ${sorted[$((count - 1))]} ms" \
    "(${processed} on Spring's ahead-of-time processed bean definitions)"
}

# The collector's setting of the README's commands ("Running it"); spring-boot:run has it from pom.xml.
gc=-XX:-ClassUnloadingWithConcurrentMark
settings=(--fse.data-dir="$work/data" --server.port=0 --fse.admin-password=startup-bench-2026)

echo "first start (creates the database and the demo data): $(start_and_time java "$gc" -jar "$jar" "${settings[@]}") ms"
restarts "java -jar ($(java -version 2>&1 | head -1)) (target 5000 ms)" java "$gc" -jar "$jar" "${settings[@]}"
echo "first mvn spring-boot:run after the build (records Java's ahead-of-time cache and writes it when it stops):" \
  "$(start_and_time mvn -q -B -ntp spring-boot:run -Dspring-boot.run.arguments="${settings[*]}") ms"
restarts "mvn spring-boot:run, nothing changed (target 10000 ms)" mvn -q -B -ntp spring-boot:run \
  -Dspring-boot.run.arguments="${settings[*]}"

java25="${JAVA25_HOME:-$(ls -d /usr/lib/jvm/temurin-25* 2> /dev/null | head -1)}"
if [[ -z "$java25" || ! -x "$java25/bin/java" ]]; then
  echo "no Java 25 JDK found (set JAVA25_HOME): the ahead-of-time cache is not measured"
  exit 0
fi
"$java25/bin/java" -Djarmode=tools -jar "$jar" extract --force --destination "$work/app" > /dev/null
began=$(date +%s%N)
"$java25/bin/java" "$gc" -Dspring.aot.enabled=true -XX:AOTCacheOutput="$work/app/fse-platform.aot" \
  -jar "$work/app/fse-platform.jar" "${settings[@]}" --fse.exit-when-ready=true > "$work/training.log" 2>&1
echo "Java 25 ahead-of-time cache trained in $(( ($(date +%s%N) - began) / 1000000 )) ms ($(du -m "$work/app/fse-platform.aot" | cut -f1) MB)"
restarts "Java 25, extracted jar, Spring's ahead-of-time processing and Java's cache (target 5000 ms)" \
  "$java25/bin/java" "$gc" -Dspring.aot.enabled=true -XX:AOTCache="$work/app/fse-platform.aot" \
  -jar "$work/app/fse-platform.jar" "${settings[@]}"
