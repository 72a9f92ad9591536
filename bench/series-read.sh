#!/usr/bin/env bash
# Times a series read as the partitioned observation table grows (default 10 and 50 million observations).
# Usage: bench/series-read.sh [OBSERVATIONS...]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.iofs.fse.prices.internal.SeriesReadBenchmark "$@"
