#!/usr/bin/env bash
# Imports a generated 10-million-row FAOSTAT Detailed Trade Matrix through the command line and compares it with a
# bare COPY of the same file; then 16 clients ask the strategy summary and who-can-supply-whom.
# Usage: bench/trade-matrix.sh [ROWS] [REQUESTS]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.iofs.fse.bench.TradeMatrixBenchmark "${1:-10000000}" "${2:-2000}"
