#!/usr/bin/env bash
# 100,000 published offers from 20,000 companies; the board page, its full-text search and the board API under 16
# concurrent clients (a liveness probe as the same run's baseline), then the page and the search again while the
# board changes every second, a take or a request to buy published in turn (-DchangeEvery=MS in BENCH_JAVA_OPTS; each
# change makes the platform forget the board's answers it alters; -Dfse.trade.board.answers=0 keeps none); matching
# one buy request.
# The clients are wrk's connections when Debian's wrk is installed (SECONDS_PER_MEASURE each, 20 by default), else
# (or with BENCH_CLIENT=java) Java HTTP clients in the platform's JVM sharing REQUESTS_PER_MEASURE.
# Usage: [CLIENTS=16] [SECONDS_PER_MEASURE=20] [BENCH_CLIENT=java] bench/trade-board.sh [OFFERS] [COMPANIES] [REQUESTS_PER_MEASURE]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
. bench/java.sh
"$bench_java" -Xmx1g "$bench_gc" ${BENCH_JAVA_OPTS:-} -Dclients="${CLIENTS:-16}" -Dseconds="${SECONDS_PER_MEASURE:-20}" -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.iofs.fse.bench.TradeBoardBenchmark "${1:-100000}" "${2:-20000}" "${3:-4000}"
