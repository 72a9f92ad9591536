#!/usr/bin/env bash
# Imports a generated WFP global prices file (default 5,000,000 rows in 100,000 series) with every indicator,
# against a bare COPY of the same file; re-imports it; recomputes every indicator. Within -Xmx512m.
# Usage: [HEAP=512m] bench/price-import.sh [ROWS] [SERIES]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java "-Xmx${HEAP:-512m}" -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.iofs.fse.bench.PriceImportBenchmark "${1:-5000000}" "${2:-100000}"
