#!/usr/bin/env bash
# Fifty signed-in users on the demo data, a page every two seconds each, for a minute (after 20 s of warm-up), then
# the same users with no pause; prints pages per second, errors, latency percentiles overall and per page, and the
# heap, connection pool, threads and open files after each phase.
# Usage: bench/pages.sh [SECONDS] [FLAT_OUT_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
. bench/java.sh
"$bench_java" -Xmx1g "$bench_gc" ${BENCH_JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.iofs.fse.bench.PagesBenchmark "${1:-60}" "${2:-30}"
