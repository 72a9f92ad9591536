#!/usr/bin/env bash
# Solves generated allocation problems from 10 to 500 hubs (57 members, 4 commodities, 3 modes), then the target
# size (60 hubs, 8 commodities) without and with transfers between hubs; prints a table of sizes and times.
# Usage: bench/allocation.sh [HUBS [COMMODITIES [TRANSFERS]]]   (one size only)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.iofs.fse.allocation.internal.AllocationBenchmark "$@"
