#!/usr/bin/env bash
# Crossdock fault battery (issue 13; method and figures: docs/reliability.md). Every component in its own process (a
# KRaft broker, the schema registry, the sandboxes, two ingress-webhooks with their own spools, two prodsmart-pollers
# competing for the lease, paqtana-publisher), a seeded load recorded in a ledger, faults one at a time at seeded
# moments, then the invariants. Ends on its own (about 10 minutes on 2 busy cores); exit status 0 = every invariant holds.
#
#   bench/faults.sh 42              # seed 42 (default: a random one, printed)
#   SKIP_BUILD=1 bench/faults.sh 7  # reuse the jars and class path of the last build
#
# Needs only Java 17 and this repository; all ports are chosen free. The report: bench/results/faults-<seed>-*/report.txt
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${1:-$RANDOM}
out=bench/results/faults-$seed-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
cpfile=bench/results/faults-classpath.txt
if [ -z "${SKIP_BUILD:-}" ] || [ ! -s "$cpfile" ]; then
  # the services' jars (package, never install) and the launcher's test class path, in one reactor run so the
  # sibling modules are this checkout's, not ~/.m2's (local-stack is the last module of -am: its class path is the file's)
  ./mvnw -q -B -DskipTests -pl local-stack -am package dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/$cpfile" > "$out/build.log"
fi
cp="$PWD/local-stack/target/test-classes:$PWD/local-stack/target/classes:$(cat "$cpfile")"
echo "fault battery, seed $seed: $out"
java ${JAVA_OPTS:--Xmx512m} -cp "$cp" com.crossdock.local.battery.FaultBattery "$seed" "$out" "$cp" "$PWD" \
  > "$out/battery.log" 2>&1 && status=0 || status=$?
if [ -s "$out/report.txt" ]; then cat "$out/report.txt"; else tail -n 40 "$out/battery.log"; fi
exit $status
