#!/usr/bin/env bash
# supplier-gateway benchmark: quote latency (p50/p99) across six suppliers with one of them slower than the deadline,
# at loads that leave the CPU some headroom (LATENCY_CONNECTIONS, where the target is judged) and at the throughput
# load (CONNECTIONS); quotes per second against a no-op WebFlux endpoint measured in the same run, at the same load; and
# the gateway's resident memory under that load. Method and results: docs/benchmarks.md "supplier-gateway".
#
#   bench/suppliers.sh                          # slow supplier at 4 and 8 connections, throughput at 16; 20 s each
#   DURATION=60s CONNECTIONS=32 LATENCY_CONNECTIONS="2 4" bench/suppliers.sh
#   GATEWAY_ARGS="--spring.reactor.context-propagation=limited" bench/suppliers.sh   # a setting of the gateway's tried
#   JFR=1 bench/suppliers.sh                    # also JFR recordings (CPU, allocation) of the gateway and the
#                                               # sandboxes JVM during the six-answering run: $out/*.jfr
#
# Needs wrk (apt-get install wrk) and curl. Uses ports 8086 (gateway) and 8091 (no-op); the broker, registry and
# sandboxes take free ports. Nothing is installed into ~/.m2: the reactor's modules run from their target/classes.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-60s}
SLOW_WARMUP=${SLOW_WARMUP:-20s}
CONNECTIONS=${CONNECTIONS:-16}
LATENCY_CONNECTIONS=${LATENCY_CONNECTIONS-4 8}
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
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$1/stat"; } # user + system
jit_ms() { # CPU time of the JVM's JIT compiler threads: still large during a run means the warm-up was too short
  cat /proc/$1/task/*/stat 2>/dev/null | awk -v hz="$(getconf CLK_TCK)" '/\(C[12] CompilerThre/ {
    sub(/.*\) /, ""); t += $12 + $13} END {printf "%d", t * 1000 / hz}'
}

[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B -pl supplier-gateway -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
cp="supplier-gateway/target/test-classes:supplier-gateway/target/classes:$(cat supplier-gateway/target/cp.txt)"

echo "== broker, registry and the six supplier sandboxes (one JVM), the no-op baseline (another)"
java -cp "$cp" com.crossdock.suppliers.bench.SupplierBenchStack "$out/stack.env" >"$out/stack.log" 2>&1 &
stack=$!; pids+=("$stack")
java $JAVA_OPTS -cp "$cp" com.crossdock.sandbox.SandboxesApplication --spring.config.name=sandboxes --server.port=8091 \
  --logging.level.root=WARN >"$out/noop.log" 2>&1 &
noop=$!; pids+=("$noop")
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
# each supplier at an address of its own (127.0.0.2 to .6, all the sandboxes' port), as in production where each is its
# own host: Reactor Netty pools connections per address (16 by default), and one pool for the six would let Elit's slow
# calls hold every connection while the other suppliers' calls queue for one. Omega stays on localhost (its allow-list).
n=2
for s in "${suppliers[@]}"; do
  args+=(--crossdock.vendors.$s.base-url="${sandbox/localhost/127.0.0.$n}/suppliers/$s"); n=$((n + 1))
done
# GATEWAY_ARGS: more of the gateway's settings, e.g. --spring.reactor.context-propagation=limited (docs/benchmarks.md)
read -r -a extra <<<"${GATEWAY_ARGS:-}"; args+=("${extra[@]}")
java $JAVA_OPTS -cp "$cp" com.crossdock.suppliers.SupplierGatewayApplication "${args[@]}" >"$out/gateway.log" 2>&1 &
gateway=$!; pids+=("$gateway")
wait_for "curl -fs -o /dev/null http://localhost:9086/actuator/health/readiness" supplier-gateway
wait_for "curl -fs -o /dev/null -X POST -H 'Content-Type: application/json' -d '{}' http://localhost:8091/_sandbox/noop" "no-op"

quote=http://localhost:8086/quotes?article=OC90\&qty=2
# the JIT compilers of the three JVMs take minutes of quotes to finish: a short warm-up measures them, not the gateway
echo "== warm-up ($WARMUP each)"
wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" --timeout 10s "$quote" >/dev/null
BENCH_BODY="$out/empty.json" wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" -s bench/noop.lua http://localhost:8091/_sandbox/noop >/dev/null

echo "== baseline: no-op WebFlux POST, $CONNECTIONS connections, $DURATION"
noop_cpu=$(cpu_ms "$noop")
BENCH_BODY="$out/empty.json" wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/noop.lua \
  http://localhost:8091/_sandbox/noop | tee "$out/noop.txt"
echo "$(( $(cpu_ms "$noop") - noop_cpu ))" >"$out/noop.txt.cpu"

# each run's load average, and the CPU time the gateway and the sandboxes JVM spent in it (ms: gateway sandboxes)
quotes() { # file, connections
  uptime >"$1.load"
  local g s j; g=$(cpu_ms "$gateway"); s=$(cpu_ms "$stack"); j=$(jit_ms "$gateway")
  wrk -t1 -c"$2" -d"$DURATION" --timeout 10s --latency "$quote" | tee "$1"
  echo "$(( $(cpu_ms "$gateway") - g )) $(( $(cpu_ms "$stack") - s )) $(( $(jit_ms "$gateway") - j ))" >"$1.cpu"
}
for c in $LATENCY_CONNECTIONS; do
  echo "== quotes, six suppliers answering, $c connections"
  quotes "$out/quotes-fast-c$c.txt" "$c"
done
echo "== quotes, six suppliers answering, $CONNECTIONS connections (throughput)"
if [ -n "${JFR:-}" ]; then
  for p in "$gateway" "$stack"; do jcmd "$p" JFR.start name=bench settings=profile >/dev/null; done
fi
quotes "$out/quotes-fast-c$CONNECTIONS.txt" "$CONNECTIONS"
if [ -n "${JFR:-}" ]; then
  jcmd "$gateway" JFR.stop name=bench filename="$PWD/$out/gateway.jfr" >/dev/null
  jcmd "$stack" JFR.stop name=bench filename="$PWD/$out/sandboxes.jfr" >/dev/null
fi
rss_fast=$(rss_mb "$gateway")

curl -fs -X POST -H 'Content-Type: application/json' "$sandbox/_sandbox/faults/suppliers/elit" -d "{\"latencyMs\":$SLOW_MS}" >/dev/null
curl -s "$quote" >"$out/quote-slow.json"
echo "== warm-up of the deadline's path ($SLOW_WARMUP)"
wrk -t1 -c"$CONNECTIONS" -d"$SLOW_WARMUP" --timeout 10s "$quote" >/dev/null
( while kill -0 "$gateway" 2>/dev/null; do r=$(rss_mb "$gateway"); echo "$r"; sleep 1; done ) >"$out/rss.txt" &
sampler=$!; pids+=("$sampler")
for c in $LATENCY_CONNECTIONS $CONNECTIONS; do
  echo "== quotes, Elit answering after ${SLOW_MS} ms (past the deadline), $c connections"
  quotes "$out/quotes-slow-c$c.txt" "$c"
done
kill "$sampler" 2>/dev/null || true
rss_peak=$(sort -n "$out/rss.txt" | tail -n1)

curl -fs http://localhost:9086/actuator/prometheus >"$out/gateway-metrics.txt" || true
rate() { grep 'Requests/sec' "$1" | awk '{print $2}'; }
pct() { grep -E "^ +$2%" "$1" | awk '{print $2}'; }
load() { awk -F'load average: ' '{print $2}' "$1.load"; }
count() { awk '/requests in/ {print $1}' "$1"; }
per() { awk -v t="$1" -v n="$2" 'BEGIN {printf "%.1f", n ? t / n : 0}'; } # ms of CPU per request
cpu() {
  read -r g s j <"$1.cpu"
  echo "CPU per quote: gateway $(per "$g" "$(count "$1")") ms (JIT $(per "$j" "$(count "$1")")), sandboxes $(per "$s" "$(count "$1")") ms"
}
noop_rate=$(rate "$out/noop.txt")
{
  echo "no-op baseline, $CONNECTIONS connections: $noop_rate req/s, p50 $(pct "$out/noop.txt" 50) p99 $(pct "$out/noop.txt" 99); CPU per request $(per "$(cat "$out/noop.txt.cpu")" "$(count "$out/noop.txt")") ms"
  for c in $LATENCY_CONNECTIONS $CONNECTIONS; do
    f="$out/quotes-fast-c$c.txt"
    echo "quotes, all answer, $c connections: $(rate "$f") quotes/s ($(awk -v q="$(rate "$f")" -v n="$noop_rate" \
      'BEGIN {printf "%.2f %%", 100 * q / n}') of the no-op), p50 $(pct "$f" 50) p90 $(pct "$f" 90) p99 $(pct "$f" 99); $(cpu "$f") (load $(load "$f"))"
  done
  for c in $LATENCY_CONNECTIONS $CONNECTIONS; do
    f="$out/quotes-slow-c$c.txt"
    echo "quotes, one slow, $c connections: $(rate "$f") quotes/s, p50 $(pct "$f" 50) p90 $(pct "$f" 90) p99 $(pct "$f" 99) (deadline $DEADLINE); $(cpu "$f") (load $(load "$f"))"
  done
  echo "gateway RSS: ${rss_fast} MB after the fast runs, peak ${rss_peak} MB during the slow runs ($JAVA_OPTS)"
  echo "gateway's supplier requests: $(awk -F'[{}]' \
    '/^crossdock_vendor_requests_total/ {match($2, /operation="[^"]*"/); op = substr($2, RSTART + 11, RLENGTH - 12); split($3, v, " "); n[op] += v[1]} END {for (o in n) printf "%s %d, ", o, n[o]}' "$out/gateway-metrics.txt")"
  echo "slow quote's statuses: $(grep -o '"supplier":"[a-z]*","status":"[a-z-]*"' "$out/quote-slow.json" | tr '\n' ' ')"
} | tee "$out/summary.txt"
