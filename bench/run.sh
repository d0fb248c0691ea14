#!/usr/bin/env bash
# Crossdock benchmark: ingress throughput and p99 of signed ~1 KB webhooks made durable (acks=all), against a
# no-op WebFlux endpoint measured in the same run; webhook-to-Paqtana latency; resident memory of each service
# under load; start-up time of the local stack. Method and results: docs/benchmarks.md.
#
#   bench/run.sh                       # defaults: 64 connections, 30 s per measurement, 10 s warm-up
#   DURATION=60s CONNECTIONS=128 bench/run.sh
#
# Needs wrk (apt-get install wrk), curl, openssl. Uses ports 9092 8081 8090 (stack), 8080 (ingress),
# 8082 (paqtana-publisher), 8091 (no-op baseline): stop ./crossdock-local first.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-60s}
SERVICE_JAVA_OPTS=${SERVICE_JAVA_OPTS:--Xmx512m}
CONNECTIONS=${CONNECTIONS:-64}
LATENCY_SAMPLES=${LATENCY_SAMPLES:-20}
DEBOUNCE_MS=${DEBOUNCE_MS:-100}
SECRET=prodsmart-demo-secret
out=bench/results/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
. bench/lib.sh

# package, never install (~/.m2 is shared); the jars are taken from each module's target/
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B -DskipTests -pl local-stack,ingress-webhooks,paqtana-publisher,sandboxes -am package
jar() { ls "$1"/target/"$1"-*-exec.jar | head -n1; }

echo "== start-up: local stack (broker, registry, sandboxes) + services in their own JVMs"
t0=$(date +%s%N)
CROSSDOCK_LOCAL_SERVICES= CROSSDOCK_LOCAL_DATA_DIR="$out/data" java -jar local-stack/target/crossdock-local.jar >"$out/stack.log" 2>&1 &
stack=$!; pids+=("$stack")
wait_up http://localhost:8090/actuator/health "the local stack"
common=(--spring.kafka.bootstrap-servers=localhost:9092 --spring.kafka.properties.schema.registry.url=http://localhost:8081)
start_ingress() { # extra args; the intake phase pauses the mapper stage, which scales apart in production
  java $SERVICE_JAVA_OPTS -jar "$(jar ingress-webhooks)" "${common[@]}" --crossdock.ingress.prodsmart.webhook-secret=$SECRET \
    --crossdock.spool.directory="$out/data/spool" "$@" >>"$out/ingress.log" 2>&1 &
  ingress=$!; pids+=("$ingress")
}
start_ingress --spring.kafka.listener.auto-startup=false
java $SERVICE_JAVA_OPTS -jar "$(jar paqtana-publisher)" "${common[@]}" --crossdock.vendors.paqtana.base-url=http://localhost:8090/paqtana \
  --crossdock.vendors.paqtana.auth.token=paqtana-demo-token \
  --crossdock.paqtana.debounce=${DEBOUNCE_MS}ms >"$out/publisher.log" 2>&1 &
publisher=$!; pids+=("$publisher")
java $SERVICE_JAVA_OPTS -jar "$(jar sandboxes)" --spring.config.name=sandboxes --server.port=8091 >"$out/noop.log" 2>&1 &
noop=$!; pids+=("$noop")
wait_up http://localhost:9080/actuator/health/readiness ingress-webhooks
wait_up http://localhost:9082/actuator/health/readiness paqtana-publisher
wait_up http://localhost:8091/actuator/health "no-op baseline"
startup_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
stack_startup=$(grep -o 'started in [0-9]* ms' "$out/stack.log" | head -n1 || true)
echo "everything ready after ${startup_ms} ms (local stack alone: ${stack_startup:-n/a})"

export BENCH_BODY=bench/body.json
export BENCH_SIGNATURE=$(openssl dgst -sha256 -hmac "$SECRET" -hex < "$BENCH_BODY" | sed 's/^.* //')
export BENCH_RUN_ID=$(openssl rand -hex 4)
export BENCH_TRIGGERED_AT=$(date -u +%Y-%m-%dT%H:%M:%SZ)
[ "$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' --data-binary @"$BENCH_BODY" http://localhost:8091/_sandbox/noop)" = 200 ] \
  || { echo "the no-op endpoint does not answer 200" >&2; exit 1; }

echo "== warm-up ($WARMUP each: until the JIT has compiled the hot paths; a cold JVM measures its compiler)"
wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" -s bench/noop.lua http://localhost:8091/_sandbox/noop >/dev/null
BENCH_RUN_ID=$(openssl rand -hex 4) wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" -s bench/webhook.lua http://localhost:8080/webhooks/prodsmart >/dev/null

echo "== baseline: no-op WebFlux endpoint ($DURATION, $CONNECTIONS connections, 1 wrk thread)"
wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/noop.lua http://localhost:8091/_sandbox/noop | tee "$out/noop.txt"
export BENCH_TRIGGERED_AT=$(date -u +%Y-%m-%dT%H:%M:%SZ)  # fresh: the ingress refuses a stale triggered-at
echo "== ingress intake: signed webhooks, durable in Kafka (acks=all) before 2xx; mapper stage paused"
wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/webhook.lua http://localhost:8080/webhooks/prodsmart | tee "$out/ingress.txt" &
load=$!
sleep 20
rss_ingress=$(rss_mb "$ingress"); rss_publisher=$(rss_mb "$publisher"); rss_stack=$(rss_mb "$stack"); rss_noop=$(rss_mb "$noop")
wait "$load"

accepted=$(curl -fs http://localhost:9080/actuator/prometheus | awk '/^crossdock_ingress_webhooks_accepted_total/ {s+=$2} END {printf "%d", s}')

echo "== mapper stage: restart the ingress with it on and time the drain of the $accepted webhooks taken above"
kill "$ingress"; wait "$ingress" 2>/dev/null || true
start_ingress
wait_up http://localhost:9080/actuator/health/readiness "ingress-webhooks (mapper on)"
t1=$(date +%s%N)
mapped=0
until [ "$mapped" -ge "$accepted" ]; do
  sleep 1
  mapped=$(curl -fs http://localhost:9080/actuator/prometheus | awk '/^crossdock_ingress_webhooks_mapped_total/ {s+=$2} END {printf "%d", s}')
done
drain_s=$(awk -v ns=$(( $(date +%s%N) - t1 )) 'BEGIN {printf "%.1f", ns/1e9}')
drain_rate=$(awk -v n="$accepted" -v s="$drain_s" 'BEGIN {printf "%.0f", n/s}')
until curl -fs http://localhost:9082/actuator/prometheus >/dev/null; do sleep 1; done

echo "== webhook-to-Paqtana latency on the idle pipeline ($LATENCY_SAMPLES samples, debounce ${DEBOUNCE_MS} ms subtracted)"
sleep 5
lat=()
for i in $(seq 1 "$LATENCY_SAMPLES"); do
  lat+=( "$(webhook_to_paqtana_ms "LAT-$BENCH_RUN_ID-$i")" )
done
sorted=$(printf '%s\n' "${lat[@]}" | sort -n)
p50=$(echo "$sorted" | awk '{a[NR]=$1} END {print a[int(NR*0.5+0.5)]}')
p95=$(echo "$sorted" | awk '{a[NR]=$1} END {i=int(NR*0.95+0.5); if (i<1) i=1; print a[i]}')
max=$(echo "$sorted" | tail -n1)

rate() { awk '/Requests\/sec/ {print $2}' "$1"; }
p99() { awk '$1=="99%" {print $2}' "$1"; }
non2xx() { awk '/Non-2xx/ {print $5}' "$1"; }
noop_rate=$(rate "$out/noop.txt"); ingress_rate=$(rate "$out/ingress.txt")
ratio=$(awk -v a="$ingress_rate" -v b="$noop_rate" 'BEGIN {printf "%.2f", a/b}')
{
  echo "# Crossdock benchmark $(date -u +%Y-%m-%dT%H:%M:%SZ) on $(nproc) cores, $DURATION, $CONNECTIONS connections"
  echo "no-op baseline:      $noop_rate req/s, p99 $(p99 "$out/noop.txt")"
  echo "ingress (durable):   $ingress_rate req/s, p99 $(p99 "$out/ingress.txt"), non-2xx: $(non2xx "$out/ingress.txt" || true)"
  echo "ingress / no-op:     $ratio"
  echo "mapper stage:        $accepted webhooks mapped in ${drain_s} s = ${drain_rate}/s (after a restart, incl. its catch-up)"
  echo "webhook->Paqtana:    p50 ${p50} ms, p95 ${p95} ms, max ${max} ms (debounce ${DEBOUNCE_MS} ms excluded)"
  echo "RSS under load (MB, services at $SERVICE_JAVA_OPTS): ingress $rss_ingress, paqtana-publisher $rss_publisher, stack (broker+registry+sandboxes) $rss_stack, no-op $rss_noop"
  echo "start-up:            all ready in ${startup_ms} ms; ${stack_startup:-local stack n/a}"
} | tee "$out/summary.txt"
