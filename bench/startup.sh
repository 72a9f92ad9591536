#!/usr/bin/env bash
# Start-up on an existing data folder: the platform's jar is started RUNS times (default 10) on a folder a first
# start filled with the demo data, each time timed from launch to its "is ready" line, then stopped (SIGTERM, as a
# service manager does). Prints each run, the median and the worst. Issue 21 aims at 5 s.
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
  java -jar "$jar" --fse.data-dir="$work/data" --server.port=0 --fse.admin-password=startup-bench-2026 > "$log" 2>&1 &
  pid=$!
  until grep -q "is ready" "$log"; do
    if ! kill -0 "$pid" 2> /dev/null; then echo "the platform stopped before it was ready:" >&2; tail -20 "$log" >&2; exit 1; fi
    sleep 0.05
  done
  now=$(date +%s%N)
  kill -TERM "$pid"; wait "$pid" 2> /dev/null || true
  echo $(( (now - began) / 1000000 ))
}

echo "first start (creates the database and the demo data): $(start_and_time) ms"
times=()
for i in $(seq 1 "$runs"); do
  ms=$(start_and_time)
  times+=("$ms")
  echo "restart $i: $ms ms"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
count=${#sorted[@]}
if (( count % 2 == 1 )); then median=${sorted[$((count / 2))]}; else median=$(( (sorted[count / 2 - 1] + sorted[count / 2]) / 2 )); fi
echo "restarts on an existing data folder: ${count} runs, median ${median} ms, worst ${sorted[$((count - 1))]} ms (target 5000 ms)"
