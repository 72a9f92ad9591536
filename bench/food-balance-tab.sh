#!/usr/bin/env bash
# Starts the platform on a fresh embedded database with demo data (57 members x 10 years of balance sheets),
# then times 200 requests of one country's Food balance tab and of the same sheet from the API.
# Usage: bench/food-balance-tab.sh [COUNTRY] [YEAR]
set -euo pipefail
cd "$(dirname "$0")/.."
country="${1:-EGY}"; year="${2:-2020}"; port=18199
mvn -q -B -ntp package -DskipTests   # always: a stale jar would time old code
work=$(mktemp -d)
java -jar target/fse-platform.jar --server.port=$port --fse.data-dir="$work" --fse.demo=true >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 90); do curl -sf "localhost:$port/actuator/health/readiness" >/dev/null && break; sleep 1; done
values=$(grep -o "Demo data: [0-9]* generated" "$work/app.log" || true)
measure() {
  for _ in $(seq 1 20); do curl -s -o /dev/null "$1"; done   # warm-up
  for _ in $(seq 1 200); do curl -s -o /dev/null -w "%{time_total}\n" "$1"; done | sort -n |
    awk '{a[NR]=$1*1000} END {printf "| %s | %.0f ms | %.0f ms | %.0f ms |\n", name, a[int(NR*0.5)], a[int(NR*0.9)], a[int(NR*0.99)]}' name="$2"
}
echo "$values"
echo "| request | median | p90 | p99 |"
echo "|---|---|---|---|"
measure "localhost:$port/countries/$country/food-balance?year=$year" "Food balance tab, $country $year"
measure "localhost:$port/api/v1/food-balance?country=$country&year=$year" "GET /api/v1/food-balance, $country $year"
