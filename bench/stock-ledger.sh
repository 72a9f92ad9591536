#!/usr/bin/env bash
# Sixteen HTTP clients post issues and receipts against twenty hubs, then the ledger is checked against the
# balances; then ten million ledger entries are loaded and a hub's stock on hand is timed.
# Usage: bench/stock-ledger.sh [SECONDS] [LEDGER_ENTRIES]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
. bench/java.sh
"$bench_java" -Xmx1g "$bench_gc" ${BENCH_JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.iofs.fse.bench.StockLedgerBenchmark "${1:-60}" "${2:-10000000}"
