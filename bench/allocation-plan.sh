#!/usr/bin/env bash
# A whole allocation plan through the platform (POST /api/v1/allocation/plans: inputs read, model built, solved,
# plan saved): 60 hubs x 57 members x 8 commodities x 3 modes without and with transfers between hubs, then 500 hubs
# with 4 commodities; each on a throwaway embedded PostgreSQL, three plans in a row; prints each plan's time from
# request to answer and the solver's share.
# Usage: bench/allocation-plan.sh [HUBS [COMMODITIES [TRANSFERS]]]   (one size only)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -ntp test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  org.iofs.fse.bench.PlanBenchmark "$@"
