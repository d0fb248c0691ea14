#!/usr/bin/env bash
# order-bridge's benchmark (docs/benchmarks.md "order-bridge"): BaseLinker order -> Optimakers order latency at the
# default cadence and the fastest the 100/min budget allows, fulfilment webhook -> BaseLinker status, and the budget
# share used draining a backlog of orders. One JVM: order-bridge, an in-process KRaft broker and registry, the
# sandboxes. Args: [orders=20] [backlog=1000]; SKIP_BUILD=1 reuses the compiled classes.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/results/orders-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
# compiled and resolved in one reactor run, so the sibling modules are their target/classes, not ~/.m2's jars
# (order-bridge is the last module of -am: its class path is the one left in the file)
goals="dependency:build-classpath"
[ -n "${SKIP_BUILD:-}" ] || goals="test-compile $goals"
./mvnw -q -B -pl order-bridge -am $goals -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$out/classpath.txt" > /dev/null
cp="order-bridge/target/test-classes:order-bridge/target/classes:$(cat "$out/classpath.txt")"
# the services log JSON lines: the figures are the BENCHMARK messages in them
java ${JAVA_OPTS:--Xmx1g} -cp "$cp" com.crossdock.orders.OrdersBenchmark "$@" > "$out/run.log" 2>&1
grep -o 'BENCHMARK[^"]*' "$out/run.log" | tee "$out/summary.txt"
echo "results: $out/summary.txt"
