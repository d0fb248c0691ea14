#!/usr/bin/env bash
# A JFR profile (CPU samples and allocation samples) of the ingress's intake under wrk load, alone against the local
# stack's broker: what docs/benchmarks.md ("Ingress speed") reports as the profile's findings.
#
#   bench/ingress-profile.sh                          # 30 s warm-up, then 60 s recorded under load
#   SKIP_BUILD=1 INGRESS_JAR=/tmp/old-ingress.jar bench/ingress-profile.sh   # profile another build of the ingress
#
# Prints the methods with the most CPU samples counted anywhere on the stack (inclusive) and at the top (self), and
# the allocation samples' weight by allocating frame; the recording stays in bench/results/ingress-profile-<UTC>/.
set -euo pipefail
cd "$(dirname "$0")/.."
WARMUP=${WARMUP:-30s}
RECORD=${RECORD:-60}
CONNECTIONS=${CONNECTIONS:-64}
HOOK_JAVA_OPTS=${HOOK_JAVA_OPTS:--Xmx256m}
SECRET=prodsmart-demo-secret
out=bench/results/ingress-profile-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
. bench/lib.sh

[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B -DskipTests -pl local-stack,ingress-webhooks -am package
ingress_jar=${INGRESS_JAR:-$(ls ingress-webhooks/target/*-exec.jar | head -n1)}
CROSSDOCK_LOCAL_SERVICES= CROSSDOCK_LOCAL_DATA_DIR="$out/data" java -jar local-stack/target/crossdock-local.jar >"$out/stack.log" 2>&1 &
pids+=($!)
wait_up http://localhost:8090/actuator/health "the local stack"
java $HOOK_JAVA_OPTS -XX:+FlightRecorder -jar "$ingress_jar" --spring.kafka.bootstrap-servers=localhost:9092 \
  --spring.kafka.properties.schema.registry.url=http://localhost:8081 --crossdock.ingress.prodsmart.webhook-secret=$SECRET \
  --crossdock.spool.directory="$out/data/spool" --spring.kafka.listener.auto-startup=false >"$out/ingress.log" 2>&1 &
ingress=$!; pids+=("$ingress")
wait_up http://localhost:9080/actuator/health/readiness ingress-webhooks

export BENCH_BODY=bench/body.json
export BENCH_SIGNATURE=$(openssl dgst -sha256 -hmac "$SECRET" -hex < "$BENCH_BODY" | sed 's/^.* //')
load() { BENCH_RUN_ID=$(openssl rand -hex 4) BENCH_TRIGGERED_AT=$(date -u +%Y-%m-%dT%H:%M:%SZ) \
  wrk -t1 -c"$CONNECTIONS" -d"$1" --latency -s bench/webhook.lua http://localhost:8080/webhooks/prodsmart; }
load "$WARMUP" >/dev/null
load "$(( RECORD + 5 ))s" >"$out/wrk.txt" &
w=$!
jcmd "$ingress" JFR.start name=profile settings=profile >/dev/null
sleep "$RECORD"
jcmd "$ingress" JFR.stop name=profile filename="$PWD/$out/ingress.jfr" >/dev/null
wait "$w"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(awk '/Requests\/sec/ {print $2 " req/s"}' "$out/wrk.txt") during the recording"

# inclusive and self CPU samples by method, and allocation weight by the allocating frame
jfr print --stack-depth 64 --events jdk.ExecutionSample "$out/ingress.jfr" | awk '
  /jdk.ExecutionSample/ {n++; delete seen; first=1; next}
  /line:/ {m=$1; sub(/\(.*$/, "", m); if (first) {self[m]++; first=0} if (!(m in seen)) {incl[m]++; seen[m]=1}}
  END {
    print "CPU samples: " n
    for (m in incl) printf "incl %5.1f%% %s\n", 100*incl[m]/n, m | "sort -k2 -nr | head -45"
    close("sort -k2 -nr | head -45")
    for (m in self) printf "self %5.1f%% %s\n", 100*self[m]/n, m | "sort -k2 -nr | head -25"
  }' | tee "$out/cpu.txt"
jfr print --events jdk.ObjectAllocationSample "$out/ingress.jfr" | awk '
  /objectClass = / {c=$3}
  /weight = / {w=$3; u=$4; if (u ~ /kB/) w*=1024; else if (u ~ /MB/) w*=1048576; else if (u ~ /GB/) w*=1073741824}
  /stackTrace = / {getline; f=$1; sub(/\(.*$/, "", f); total+=w; by[f " (" c ")"]+=w}
  END {for (k in by) printf "alloc %5.1f%% %s\n", 100*by[k]/total, k | "sort -k2 -nr | head -25"}' | tee "$out/alloc.txt"
