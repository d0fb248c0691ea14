#!/usr/bin/env bash
# supplier-gateway benchmark: quote latency (p50/p99) across six suppliers with one of them slower than the deadline,
# quotes per second against a no-op WebFlux endpoint measured in the same run, and the gateway's resident memory under
# that load. Method and results: docs/benchmarks.md "supplier-gateway".
#
#   bench/suppliers.sh                          # 16 connections, 20 s per measurement, 10 s warm-up
#   DURATION=60s CONNECTIONS=32 bench/suppliers.sh
#
# Needs wrk (apt-get install wrk) and curl. Uses ports 8086 (gateway) and 8091 (no-op); the broker, registry and
# sandboxes take free ports. Nothing is installed into ~/.m2: the reactor's modules run from their target/classes.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-16}
DEADLINE=${DEADLINE:-2s}
SLOW_MS=${SLOW_MS:-5000}
JAVA_OPTS=${JAVA_OPTS:--Xmx256m}
out=bench/results/suppliers-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
wait_for() { # test-command, what; up to 4 minutes (WAIT_TICKS half-seconds): a loaded machine starts JVMs slowly
  for _ in $(seq 1 ${WAIT_TICKS:-480}); do if eval "$1" >/dev/null 2>&1; then return 0; fi; sleep 0.5; done
  echo "$2 did not come up; see $out/*.log" >&2; exit 1
}
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }

[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B -pl supplier-gateway -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
cp="supplier-gateway/target/test-classes:supplier-gateway/target/classes:$(cat supplier-gateway/target/cp.txt)"

echo "== broker, registry and the six supplier sandboxes (one JVM), the no-op baseline (another)"
java -cp "$cp" com.crossdock.suppliers.bench.SupplierBenchStack "$out/stack.env" >"$out/stack.log" 2>&1 &
pids+=("$!")
java $JAVA_OPTS -cp "$cp" com.crossdock.sandbox.SandboxesApplication --spring.config.name=sandboxes --server.port=8091 \
  --logging.level.root=WARN >"$out/noop.log" 2>&1 &
pids+=("$!")
wait_for "grep -q sandbox= $out/stack.env" "the stack"
. "$out/stack.env"
echo '{}' >"$out/empty.json"

echo "== supplier-gateway in its own JVM ($JAVA_OPTS), deadline $DEADLINE"
suppliers=(elit busmarket uniquetrade vesna intercars)
args=(--server.port=8086 --spring.kafka.bootstrap-servers="$kafka" --spring.kafka.properties.schema.registry.url="$registry"
  --crossdock.suppliers.deadline="$DEADLINE" --crossdock.spool.directory="$out/spool" --logging.level.root=WARN
  --crossdock.vendors.omega.base-url="$sandbox/suppliers/omega/public/api/v1.0"
  --crossdock.suppliers.accounts.omega.key=omega-demo-key --crossdock.suppliers.accounts.vesna.customer-id=4711
  --crossdock.vendors.elit.auth.key=elit-demo-login --crossdock.vendors.elit.auth.secret=elit-demo-password
  --crossdock.vendors.busmarket.auth.headers.authorization.value=busmarket-demo-key
  --crossdock.vendors.uniquetrade.auth.key=unique-demo-login --crossdock.vendors.uniquetrade.auth.secret=unique-demo-password
  --crossdock.vendors.vesna.auth.headers.authorization.value=vesna-demo-token
  --crossdock.vendors.intercars.auth.key=intercars-demo-client --crossdock.vendors.intercars.auth.secret=intercars-demo-secret
  # breakers kept closed and no bulkhead, so that every quote meets the slow supplier and waits for the deadline (the
  # worst case), and a loaded machine's slow answers do not cut the fast suppliers off mid-run
  --crossdock.vendors.suppliers-defaults.circuit-breaker.minimum-number-of-calls=5000
  --crossdock.vendors.suppliers-defaults.circuit-breaker.sliding-window-size=5000
  --crossdock.vendors.suppliers-defaults.max-concurrent-calls=0)
for s in "${suppliers[@]}"; do args+=(--crossdock.vendors.$s.base-url="$sandbox/suppliers/$s"); done
java $JAVA_OPTS -cp "$cp" com.crossdock.suppliers.SupplierGatewayApplication "${args[@]}" >"$out/gateway.log" 2>&1 &
gateway=$!; pids+=("$gateway")
wait_for "curl -fs -o /dev/null http://localhost:9086/actuator/health/readiness" supplier-gateway
wait_for "curl -fs -o /dev/null -X POST -H 'Content-Type: application/json' -d '{}' http://localhost:8091/_sandbox/noop" "no-op"

quote=http://localhost:8086/quotes?article=OC90\&qty=2
echo "== warm-up ($WARMUP each)"
wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" --timeout 10s "$quote" >/dev/null
BENCH_BODY="$out/empty.json" wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" -s bench/noop.lua http://localhost:8091/_sandbox/noop >/dev/null

echo "== baseline: no-op WebFlux POST, $CONNECTIONS connections, $DURATION"
BENCH_BODY="$out/empty.json" wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/noop.lua \
  http://localhost:8091/_sandbox/noop | tee "$out/noop.txt"

echo "== quotes, six suppliers answering"
wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "$quote" | tee "$out/quotes-fast.txt"
rss_fast=$(rss_mb "$gateway")

echo "== quotes, Elit answering after ${SLOW_MS} ms (past the deadline)"
uptime >"$out/load.txt"
curl -fs -X POST -H 'Content-Type: application/json' "$sandbox/_sandbox/faults/suppliers/elit" -d "{\"latencyMs\":$SLOW_MS}" >/dev/null
curl -s "$quote" >"$out/quote-slow.json"
rss_peak=0
( while kill -0 "$gateway" 2>/dev/null; do r=$(rss_mb "$gateway"); echo "$r"; sleep 1; done ) >"$out/rss.txt" &
sampler=$!; pids+=("$sampler")
wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency "$quote" | tee "$out/quotes-slow.txt"
kill "$sampler" 2>/dev/null || true
rss_peak=$(sort -n "$out/rss.txt" | tail -n1)

rate() { grep 'Requests/sec' "$1" | awk '{print $2}'; }
pct() { grep -E "^ +$2%" "$1" | awk '{print $2}'; }
{
  echo "no-op baseline:       $(rate "$out/noop.txt") req/s, p50 $(pct "$out/noop.txt" 50) p99 $(pct "$out/noop.txt" 99)"
  echo "quotes, all answer:   $(rate "$out/quotes-fast.txt") quotes/s, p50 $(pct "$out/quotes-fast.txt" 50) p99 $(pct "$out/quotes-fast.txt" 99)"
  echo "quotes, one slow:     $(rate "$out/quotes-slow.txt") quotes/s, p50 $(pct "$out/quotes-slow.txt" 50) p99 $(pct "$out/quotes-slow.txt" 99) (deadline $DEADLINE)"
  echo "gateway RSS:          ${rss_fast} MB after the fast run, peak ${rss_peak} MB during the slow run ($JAVA_OPTS)"
  echo "machine load:         $(cat "$out/load.txt")"
  echo "slow quote's statuses: $(grep -o '"supplier":"[a-z]*","status":"[a-z-]*"' "$out/quote-slow.json" | tr '\n' ' ')"
} | tee "$out/summary.txt"
