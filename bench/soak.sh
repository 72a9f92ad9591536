#!/usr/bin/env bash
# Thirty minutes (MINUTES) of mixed work on the demo data: page traffic, stock movements, and every five minutes the
# FAOSTAT and WFP sample files imported and a damaged WFP file refused; prints the heap after a full collection,
# the connection pool, threads and open files after the warm-up and at the end, each import's outcome and the
# ledger check. Reads the samples from ../shared/data/samples.
# Usage: bench/soak.sh [MINUTES]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
. bench/java.sh
"$bench_java" -Xmx1g "$bench_gc" ${BENCH_JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.iofs.fse.bench.SoakBenchmark "${1:-30}"
