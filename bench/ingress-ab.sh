#!/usr/bin/env bash
# A/B of ingress builds or settings (issue 15): CPU per webhook of the ingress's JVM and of the broker, and req/s,
# each variant alone on a fresh local stack (an empty raw topic, so that no variant's start reads what another one
# wrote: the dedupe memory's rebuild), the naive hook measured the same way before the variants of each round. CPU is
# the JVM's and the stack's /proc/<pid>/stat ticks over the measured 20 s, divided by the webhooks answered: a measure
# that moves less with this virtual machine's speed than req/s does; beside it the rest of the machine's CPU per
# webhook (wrk, the kernel), the cores' idle and stolen time, and the KB each webhook allocates in the JVM (jstat: a
# figure the machine's speed does not move). Method and results: docs/benchmarks.md ("Fourth pass", "Fifth pass").
#
#   bench/ingress-ab.sh "base|/tmp/base.jar|" "new|ingress-webhooks/target/ingress-webhooks-0.1.0-SNAPSHOT-exec.jar|"
#   ROUNDS=3 bench/ingress-ab.sh "l5|$JAR|" "l0|$JAR|--spring.kafka.producer.properties.linger.ms=0"
#
# Each variant: name|jar|extra arguments. Needs the local stack's and the naive hook's jars built (bench/ingress-speed.sh
# builds them), wrk, curl, openssl; the ports of bench/ingress-speed.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-2}
WARMUP=${WARMUP:-30s}
SECRET=prodsmart-demo-secret
INGRESS_JVM=$(sed -n 's/^ *- JDK_JAVA_OPTIONS=//p' deploy/k8s/base/kustomization.yaml)
HOOK_JAVA_OPTS=${HOOK_JAVA_OPTS:--Xmx256m $INGRESS_JVM}
out=bench/results/ingress-ab-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
. bench/lib.sh
[ $# -gt 0 ] || { echo "usage: bench/ingress-ab.sh 'name|jar|args' ..." >&2; exit 2; }
cp local-stack/target/crossdock-local.jar "$out/stack.jar"
export BENCH_BODY=bench/body.json
export BENCH_SIGNATURE=$(openssl dgst -sha256 -hmac "$SECRET" -hex < "$BENCH_BODY" | sed 's/^.* //')
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# KB allocated in the young generation: young collections x eden's capacity + eden's use (a fixed -Xmn: Serial)
allocated() { jstat -gc "$1" | awk 'NR == 2 {for (i = 1; i <= NF; i++) v[h[i]] = $i; print v["YGC"] * v["EC"] + v["EU"]}
  NR == 1 {for (i = 1; i <= NF; i++) h[i] = $i}'; }
machine() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8, $5 + $6, $9}' /proc/stat; } # busy idle stolen (all cores)
load() { # url duration -> requests answered
  BENCH_RUN_ID=$(openssl rand -hex 4) BENCH_TRIGGERED_AT=$(date -u +%Y-%m-%dT%H:%M:%SZ) \
    wrk -t1 -c64 -d"$2" -s bench/webhook.lua "$1" | awk '/requests in/ {print $1}'
}
run() { # name jar url args...
  local name=$1 jar=$2 url=$3; shift 3
  rm -rf "$out/data"
  CROSSDOCK_LOCAL_SERVICES= CROSSDOCK_LOCAL_DATA_DIR="$out/data" java -jar "$out/stack.jar" >"$out/stack.log" 2>&1 &
  local stack=$!; pids+=("$stack")
  wait_up http://localhost:8090/actuator/health "the local stack"
  java $HOOK_JAVA_OPTS -jar "$jar" "$@" >"$out/$name.log" 2>&1 &
  local jvm=$!; pids+=("$jvm")
  if [ "$name" = naive ]; then
    wait_up "$url" "the naive hook" -X POST -H 'Content-Type: application/json' \
      -H "x-prodsmart-hmac-sha256: $BENCH_SIGNATURE" --data-binary @"$BENCH_BODY"
  else
    wait_up http://localhost:9080/actuator/health/readiness "$name"
  fi
  load "$url" "$WARMUP" >/dev/null
  local j0 s0 n j1 s1 b0 i0 t0 b1 i1 t1 a0 a1
  a0=$(allocated "$jvm"); j0=$(ticks "$jvm"); s0=$(ticks "$stack"); read -r b0 i0 t0 < <(machine)
  n=$(load "$url" 20s)
  j1=$(ticks "$jvm"); s1=$(ticks "$stack"); read -r b1 i1 t1 < <(machine); a1=$(allocated "$jvm")
  kill "$jvm" "$stack"; wait "$jvm" "$stack" 2>/dev/null || true
  # ticks are 1/100 s: us per webhook = ticks * 10^4 / webhooks
  # the rest of the machine's busy ticks: wrk, the kernel's softirqs, anything else; idle and stolen (by the
  # hypervisor: a slow phase of the virtual machine) of both cores' time
  awk -v n="$n" -v j=$((j1 - j0)) -v s=$((s1 - s0)) -v b=$((b1 - b0)) -v i=$((i1 - i0)) -v t=$((t1 - t0)) -v a0="$a0" -v a1="$a1" -v name="$name" 'BEGIN {
    printf "%-10s %7.0f req/s  JVM %6.1f us/webhook  broker+stack %5.1f  rest %5.1f  idle %4.1f %%  stolen %4.1f %%  %5.1f KB/webhook\n",
      name, n / 20, j * 1e4 / n, s * 1e4 / n, (b - j - s) * 1e4 / n, 100 * i / (b + i + t), 100 * t / (b + i + t), (a1 - a0) / n }' | tee -a "$out/summary.txt"
}
for r in $(seq 1 "$ROUNDS"); do
  echo "== round $r (load average $(cut -d' ' -f1 /proc/loadavg))" | tee -a "$out/summary.txt"
  run naive "$(ls bench/naive-hook/target/*-exec.jar | head -n1)" http://localhost:8092/hook --server.port=8092 \
    --spring.kafka.bootstrap-servers=localhost:9092 --bench.secret=$SECRET
  for variant in "$@"; do
    IFS='|' read -r name jar args <<<"$variant"
    # shellcheck disable=SC2086 # the variant's arguments, split as given
    run "$name" "$jar" http://localhost:8080/webhooks/prodsmart --spring.kafka.bootstrap-servers=localhost:9092 \
      --spring.kafka.properties.schema.registry.url=http://localhost:8081 \
      --crossdock.ingress.prodsmart.webhook-secret=$SECRET --crossdock.spool.directory="$out/spool-$name" \
      --spring.kafka.listener.auto-startup=false $args
  done
done
