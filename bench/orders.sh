#!/usr/bin/env bash
# order-bridge's benchmark (docs/benchmarks.md "order-bridge"): BaseLinker order -> Optimakers order latency at the
# default cadence and the fastest the 100/min budget allows, fulfilment webhook -> BaseLinker status, and the budget
# share used draining a backlog of orders. One JVM: order-bridge, an in-process KRaft broker and registry, the
# sandboxes. Args: [orders=20] [backlog=1000]; SKIP_BUILD=1 reuses the compiled classes.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/results/orders-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -q -B -pl order-bridge -am test-compile
fi
./mvnw -q -B -pl order-bridge -am dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/$out/classpath.txt" > /dev/null
cp="order-bridge/target/test-classes:order-bridge/target/classes:$(cat "$out/classpath.txt")"
java ${JAVA_OPTS:--Xmx1g} -cp "$cp" com.crossdock.orders.OrdersBenchmark "$@" 2>&1 | tee "$out/run.log" \
  | grep --line-buffered 'BENCHMARK' | sed 's/.*BENCHMARK/BENCHMARK/'
grep 'BENCHMARK' "$out/run.log" | sed 's/.*BENCHMARK/BENCHMARK/' > "$out/summary.txt"
echo "results: $out/summary.txt"
