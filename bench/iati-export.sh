#!/usr/bin/env bash
# Exports a generated portfolio (10,000 projects with 20 transactions each) as one IATI 2.03 file over HTTP within
# -Xmx256m, three times, against a bare COPY out of the same rows; validates the file against the schema.
# Usage: [HEAP=256m] bench/iati-export.sh [PROJECTS] [TRANSACTIONS_PER_PROJECT]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java "-Xmx${HEAP:-256m}" -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.iofs.fse.bench.IatiExportBenchmark "${1:-10000}" "${2:-20}"
