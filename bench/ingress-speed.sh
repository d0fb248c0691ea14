#!/usr/bin/env bash
# Issue 15: the ingress's intake next to two baselines measured in the same run against the same broker, then the
# whole pipeline (mapper on) under sustained load. Method and results: docs/benchmarks.md ("Ingress speed").
#
#   bench/ingress-speed.sh                     # 3 rounds of 20 s per endpoint after a 30 s warm-up of each
#   ROUNDS=7 DURATION=15s bench/ingress-speed.sh   # more, shorter rounds on a noisy machine (median of 7)
#   SKIP_BUILD=1 PIPELINE=0 bench/ingress-speed.sh   # reuse target/ jars; intake only
#   JFR=1 bench/ingress-speed.sh               # also records a JFR profile of the ingress during its first round
#
# The three endpoints, each in its own JVM at HOOK_JAVA_OPTS (-Xmx256m and the ingress's production collector):
#   bench/noop-hook   :8091  a bare WebFlux no-op that reads the body and answers
#   bench/naive-hook  :8092  HMAC-SHA256 over the raw bytes, KafkaTemplate.send acks=all idempotent, 2xx on the ack
#   ingress-webhooks  :8080  signed Prodsmart webhooks, a fresh uuid each (bench/webhook.lua), mapper stage paused
# One standalone KRaft broker, schema registry and sandboxes: the local stack with CROSSDOCK_LOCAL_SERVICES= (9092,
# 8081, 8090). Needs wrk, curl, openssl. Stop ./crossdock-local and bench/run.sh first (same ports).
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-30s}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-64}
# every endpoint's JVM: the issue's heap and the ingress's production collector (JDK_JAVA_OPTIONS of
# ingress-webhooks-config, deploy/k8s/base/kustomization.yaml), the same for all, so that the ratios compare the code
INGRESS_JVM=$(sed -n 's/^ *- JDK_JAVA_OPTIONS=//p' deploy/k8s/base/kustomization.yaml)
HOOK_JAVA_OPTS=${HOOK_JAVA_OPTS:--Xmx256m $INGRESS_JVM}
# the pipeline phase: the ingress as in production (edge and mapper stage in one JVM; the image gives the heap 75 %
# of the pod's 1 GiB), rates offered in turn with wrk's per-connection delay, 20 s each
PIPELINE=${PIPELINE:-1}
PIPELINE_JAVA_OPTS=${PIPELINE_JAVA_OPTS:--Xmx768m $INGRESS_JVM}
PIPELINE_RATES=${PIPELINE_RATES:-1000 2000 3000 4000 5000 6000 8000}
PIPELINE_STEP=${PIPELINE_STEP:-20}
PIPELINE_CONNECTIONS=${PIPELINE_CONNECTIONS:-64}
LATENCY_SAMPLES=${LATENCY_SAMPLES:-40}
DEBOUNCE_MS=${DEBOUNCE_MS:-100}
SECRET=prodsmart-demo-secret
out=bench/results/ingress-speed-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
. bench/lib.sh
load() { cut -d' ' -f1 /proc/loadavg; }
jar() { ls "$1"/target/*-exec.jar | head -n1; }
metric() { # sum of a Prometheus counter of the ingress
  curl -fs http://localhost:9080/actuator/prometheus | awk -v m="$1" '$1 ~ "^"m {s+=$2} END {printf "%d", s}'
}

[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B -DskipTests -pl local-stack,ingress-webhooks,paqtana-publisher,bench/noop-hook,bench/naive-hook -am package

echo "== the local stack: one KRaft broker, the schema registry, the sandboxes"
CROSSDOCK_LOCAL_SERVICES= CROSSDOCK_LOCAL_DATA_DIR="$out/data" java -jar local-stack/target/crossdock-local.jar >"$out/stack.log" 2>&1 &
stack=$!; pids+=("$stack")
wait_up http://localhost:8090/actuator/health "the local stack"
common=(--spring.kafka.bootstrap-servers=localhost:9092 --spring.kafka.properties.schema.registry.url=http://localhost:8081)
start_ingress() { # java options, then extra args
  local opts=$1; shift
  java $opts -jar "$(jar ingress-webhooks)" "${common[@]}" --crossdock.ingress.prodsmart.webhook-secret=$SECRET \
    --crossdock.spool.directory="$out/data/spool" "$@" >>"$out/ingress.log" 2>&1 &
  ingress=$!; pids+=("$ingress")
}
java $HOOK_JAVA_OPTS -jar "$(jar bench/noop-hook)" --server.port=8091 >"$out/noop.log" 2>&1 &
noop=$!; pids+=("$noop")
java $HOOK_JAVA_OPTS -jar "$(jar bench/naive-hook)" --server.port=8092 --spring.kafka.bootstrap-servers=localhost:9092 \
  --bench.secret=$SECRET >"$out/naive.log" 2>&1 &
naive=$!; pids+=("$naive")
jfr_opts=""
[ -z "${JFR:-}" ] || jfr_opts="-XX:+FlightRecorder"
start_ingress "$HOOK_JAVA_OPTS $jfr_opts" --spring.kafka.listener.auto-startup=false

export BENCH_BODY=bench/body.json
export BENCH_SIGNATURE=$(openssl dgst -sha256 -hmac "$SECRET" -hex < "$BENCH_BODY" | sed 's/^.* //')
probe=(-X POST -H 'Content-Type: application/json' -H "x-prodsmart-hmac-sha256: $BENCH_SIGNATURE" --data-binary @"$BENCH_BODY")
wait_up http://localhost:8091/hook "bench/noop-hook" "${probe[@]}"
wait_up http://localhost:8092/hook "bench/naive-hook" "${probe[@]}"
wait_up http://localhost:9080/actuator/health/readiness ingress-webhooks

declare -A url=([noop]=http://localhost:8091/hook [naive]=http://localhost:8092/hook [ingress]=http://localhost:8080/webhooks/prodsmart)
declare -A pid=([noop]=$noop [naive]=$naive [ingress]=$ingress)
endpoints=(noop naive ingress)
wrk_run() { # endpoint, duration, [more wrk args]
  local e=$1 d=$2; shift 2
  # every run signs with its own uuids, and a fresh triggered-at (the ingress refuses one older than 5 minutes)
  BENCH_RUN_ID=$(openssl rand -hex 4) BENCH_TRIGGERED_AT=$(date -u +%Y-%m-%dT%H:%M:%SZ) \
    wrk -t1 -c"$CONNECTIONS" -d"$d" "$@" -s bench/webhook.lua "${url[$e]}"
}

echo "== warm-up: $WARMUP per endpoint (a cold JVM measures its JIT compiler)"
for e in "${endpoints[@]}"; do wrk_run "$e" "$WARMUP" >/dev/null; done

echo "== $ROUNDS rounds: $DURATION per endpoint, wrk -t1 -c$CONNECTIONS, the order rotating each round"
load_start=$(load)
secs=${DURATION%s}
for r in $(seq 1 "$ROUNDS"); do
  order=("${endpoints[@]:$(( (r - 1) % 3 ))}" "${endpoints[@]:0:$(( (r - 1) % 3 ))}")
  for e in "${order[@]}"; do
    if [ -n "${JFR:-}" ] && [ "$r" = 1 ] && [ "$e" = ingress ]; then
      jcmd "$ingress" JFR.start name=intake settings=profile duration="$DURATION" filename="$PWD/$out/ingress.jfr" >/dev/null
    fi
    wrk_run "$e" "$DURATION" --latency >"$out/$e-$r.txt" &
    w=$!
    sleep $(( secs * 3 / 4 ))
    rss_mb "${pid[$e]}" >"$out/$e-$r.rss"
    load >"$out/$e-$r.load"
    wait "$w"
  done
done
load_end=$(load)

ms() { awk '{v=$1; if (v ~ /us$/) printf "%.2f\n", v/1000; else if (v ~ /ms$/) printf "%.2f\n", v+0; else if (v ~ /s$/) printf "%.2f\n", v*1000; else print v}'; }
rate() { awk '/Requests\/sec/ {print $2}' "$1"; }
p() { awk -v q="$2" '$1==q {print $2}' "$1" | ms; }
errors() { awk '/Non-2xx|Socket errors/ {print}' "$1" | tr '\n' ' '; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.2f", (a[NR/2]+a[NR/2+1])/2}'; }
declare -A med_rate med_p50 med_p99 med_rss
for e in "${endpoints[@]}"; do
  med_rate[$e]=$(for r in $(seq 1 "$ROUNDS"); do rate "$out/$e-$r.txt"; done | median)
  med_p50[$e]=$(for r in $(seq 1 "$ROUNDS"); do p "$out/$e-$r.txt" 50%; done | median)
  med_p99[$e]=$(for r in $(seq 1 "$ROUNDS"); do p "$out/$e-$r.txt" 99%; done | median)
  med_rss[$e]=$(for r in $(seq 1 "$ROUNDS"); do cat "$out/$e-$r.rss"; done | median)
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }
{
  echo "# bench/ingress-speed.sh $(date -u +%Y-%m-%dT%H:%M:%SZ): $(nproc) cores, $ROUNDS rounds of $DURATION after $WARMUP warm-up, wrk -t1 -c$CONNECTIONS, $HOOK_JAVA_OPTS"
  echo "load average (1 min): $load_start at the start of the rounds, $load_end at the end; during each measurement: $(cat "$out"/*-[0-9]*.load | sort -n | tr '\n' ' ')"
  echo "| endpoint | req/s (median) | p50 ms | p99 ms | RSS MiB under load | rounds: req/s, p99 ms |"
  echo "|---|---|---|---|---|---|"
  for e in "${endpoints[@]}"; do
    rounds=$(for r in $(seq 1 "$ROUNDS"); do printf '%s/%s ' "$(rate "$out/$e-$r.txt")" "$(p "$out/$e-$r.txt" 99%)"; done)
    echo "| $e | ${med_rate[$e]} | ${med_p50[$e]} | ${med_p99[$e]} | ${med_rss[$e]} | $rounds|"
  done
  echo "ingress / naive hook: $(ratio "${med_rate[ingress]}" "${med_rate[naive]}") of the req/s (target >= 0.85), p99 $(ratio "${med_p99[ingress]}" "${med_p99[naive]}")x (target <= 1.5)"
  # the same ratios round by round: the two endpoints measured next to each other, so a slow phase of the machine
  # that lasts longer than a round weighs on both; their median moves less than the ratio of the medians
  per_round() { for r in $(seq 1 "$ROUNDS"); do ratio "$($1 "$out/ingress-$r.txt" ${2:-})" "$($1 "$out/naive-$r.txt" ${2:-})"; echo; done; }
  echo "round by round: req/s $(per_round rate | tr '\n' ' ')(median $(per_round rate | median)), p99 $(per_round p 99% | tr '\n' ' ')(median $(per_round p 99% | median))"
  echo "ingress / no-op: $(ratio "${med_rate[ingress]}" "${med_rate[noop]}"); naive hook / no-op: $(ratio "${med_rate[naive]}" "${med_rate[noop]}")"
  for e in "${endpoints[@]}"; do for r in $(seq 1 "$ROUNDS"); do
    err=$(errors "$out/$e-$r.txt"); [ -z "$err" ] || echo "errors, $e round $r: $err"
  done; done
} | tee "$out/summary.txt"

[ "$PIPELINE" = 1 ] || exit 0

echo "== pipeline: the ingress restarted as in production (mapper on, $PIPELINE_JAVA_OPTS) and paqtana-publisher"
kill "$noop" "$naive" "$ingress"; wait "$noop" "$naive" "$ingress" 2>/dev/null || true
start_ingress "$PIPELINE_JAVA_OPTS"
java $PIPELINE_JAVA_OPTS -jar "$(jar paqtana-publisher)" "${common[@]}" --crossdock.vendors.paqtana.base-url=http://localhost:8090/paqtana \
  --crossdock.vendors.paqtana.auth.token=paqtana-demo-token --crossdock.paqtana.debounce=${DEBOUNCE_MS}ms >"$out/publisher.log" 2>&1 &
publisher=$!; pids+=("$publisher")
wait_up http://localhost:9080/actuator/health/readiness "ingress-webhooks (mapper on)"
wait_up http://localhost:9082/actuator/health/readiness paqtana-publisher
# the mapper catches up with what the intake rounds left on the raw topic before the steps start
backlog() { echo $(( $(metric crossdock_ingress_webhooks_accepted_total) + base - $(metric crossdock_ingress_webhooks_mapped_total) )); }
base=0
last=-1
while :; do
  now=$(metric crossdock_ingress_webhooks_mapped_total)
  if [ "$now" -gt 0 ] && [ "$now" = "$last" ]; then break; fi
  last=$now; sleep 5
done
base=$(( $(metric crossdock_ingress_webhooks_mapped_total) - $(metric crossdock_ingress_webhooks_accepted_total) ))
paced() { # rate, seconds: wrk with a per-connection delay that offers about that rate
  local delay_ms=$(awk -v c="$PIPELINE_CONNECTIONS" -v r="$1" 'BEGIN {printf "%.3f", c*1000/r}')
  BENCH_DELAY_MS=$delay_ms BENCH_RUN_ID=$(openssl rand -hex 4) BENCH_TRIGGERED_AT=$(date -u +%Y-%m-%dT%H:%M:%SZ) \
    wrk -t1 -c"$PIPELINE_CONNECTIONS" -d"$2"s --latency -s bench/webhook.lua http://localhost:8080/webhooks/prodsmart
}
echo "| offered/s | achieved/s | p99 ms | backlog mid-step | backlog at the end | 5 s later | load |" | tee "$out/pipeline.txt"
echo "|---|---|---|---|---|---|---|" | tee -a "$out/pipeline.txt"
best=0
for target in $PIPELINE_RATES; do
  paced "$target" "$PIPELINE_STEP" >"$out/paced-$target.txt" &
  w=$!
  sleep $(( PIPELINE_STEP / 2 )); mid=$(backlog)
  wait "$w"; end=$(backlog); sleep 5; after=$(backlog)
  achieved=$(rate "$out/paced-$target.txt")
  echo "| $target | $achieved | $(p "$out/paced-$target.txt" 99%) | $mid | $end | $after | $(load) |" | tee -a "$out/pipeline.txt"
  # bounded: the mapper stayed within a second of the intake (its backlog at the end no larger than a second's
  # worth, and all but gone 5 s later); wrk is a closed loop, so the rate is the one achieved, not the one offered
  if awk -v a="$achieved" -v e="$end" -v f="$after" 'BEGIN {exit !(e <= a && f <= a/10)}'; then
    best=$(awk -v a="$achieved" -v b="$best" 'BEGIN {print (a > b ? a : b)}')
  else
    break
  fi
  until [ "$(backlog)" -le 0 ]; do sleep 1; done
done
half=$(awk -v b="$best" 'BEGIN {printf "%d", b/2}')
echo "highest rate with a bounded backlog: $best/s; latency at half of it ($half/s)" | tee -a "$out/pipeline.txt"
[ "$half" -gt 0 ] || exit 0

echo "== webhook -> Paqtana latency at $half/s of background load ($LATENCY_SAMPLES samples, debounce ${DEBOUNCE_MS} ms subtracted)"
paced "$half" $(( LATENCY_SAMPLES + 30 )) >"$out/paced-half.txt" &
w=$!
sleep 5
lat=()
for i in $(seq 1 "$LATENCY_SAMPLES"); do
  lat+=( "$(webhook_to_paqtana_ms "LAT-$RANDOM$RANDOM-$i")" )
  sleep 0.5
done
wait "$w"
sorted=$(printf '%s\n' "${lat[@]}" | sort -n)
q() { echo "$sorted" | awk -v q="$1" '{a[NR]=$1} END {i=int(NR*q+0.999); if (i<1) i=1; print a[i]}'; }
echo "webhook -> Paqtana row at $(rate "$out/paced-half.txt")/s: p50 $(q 0.5) ms, p99 $(q 0.99) ms, max $(echo "$sorted" | tail -n1) ms ($LATENCY_SAMPLES samples; load $(load))" \
  | tee -a "$out/pipeline.txt"
cat "$out/pipeline.txt" >>"$out/summary.txt"
