#!/usr/bin/env bash
# Imports a generated 2-million-row FAOSTAT normalized Food Balances file within -Xmx256m and compares it with a
# bare COPY of the same file. Usage: [HEAP=256m] bench/fbs-import.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java "-Xmx${HEAP:-256m}" -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.iofs.fse.bench.FbsImportBenchmark "${1:-2000000}"
