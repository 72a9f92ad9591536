#!/usr/bin/env bash
# 100,000 published offers from 20,000 companies; the board page, its full-text search and the board API under 16
# concurrent clients (a liveness probe as the same run's baseline); matching one buy request.
# Usage: [CLIENTS=16] bench/trade-board.sh [OFFERS] [COMPANIES] [REQUESTS_PER_MEASURE]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx1g -Dclients="${CLIENTS:-16}" -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.iofs.fse.bench.TradeBoardBenchmark "${1:-100000}" "${2:-20000}" "${3:-4000}"
