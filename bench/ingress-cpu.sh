#!/usr/bin/env bash
# Where the CPU of one webhook goes, the ingress against the naive hook, in one run on one broker (issue 15): each
# JVM under wrk load with async-profiler (tools.profiler:async-profiler from Maven Central, ITIMER sampling, since a
# container seldom allows perf events), 20 s recorded after a 30 s warm-up. Prints, per request, the samples of each
# JVM (the JIT compiler's threads apart: they compile at the same pace in both) and the frames that differ most,
# each sample given to its innermost frame outside Reactor's operators and the JDK. The collapsed stacks stay in
# bench/results/ingress-cpu-<UTC>/ for a flame graph.
#
#   bench/ingress-cpu.sh                    # SKIP_BUILD=1 reuses target/ jars; INGRESS_ARGS="--a=b" tries a setting
set -euo pipefail
cd "$(dirname "$0")/.."
WARMUP=${WARMUP:-30s}
RECORD=${RECORD:-20}
CONNECTIONS=${CONNECTIONS:-64}
# every endpoint's JVM: the issue's heap and the ingress's production collector (JDK_JAVA_OPTIONS of
# ingress-webhooks-config, deploy/k8s/base/kustomization.yaml), the same for all, so that the ratios compare the code
INGRESS_JVM=$(sed -n 's/^ *- JDK_JAVA_OPTIONS=//p' deploy/k8s/base/kustomization.yaml)
HOOK_JAVA_OPTS=${HOOK_JAVA_OPTS:--Xmx256m $INGRESS_JVM}
PROFILER_VERSION=${PROFILER_VERSION:-4.2}
SECRET=prodsmart-demo-secret
out=bench/results/ingress-cpu-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
. bench/lib.sh
jar() { ls "$1"/target/*-exec.jar | head -n1; }

[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B -DskipTests -pl local-stack,ingress-webhooks,bench/naive-hook -am package
lib=bench/results/async-profiler-$PROFILER_VERSION/linux-x64/libasyncProfiler.so
if [ ! -f "$lib" ]; then
  ./mvnw -q -B dependency:copy -Dartifact=tools.profiler:async-profiler:$PROFILER_VERSION:jar:linux-x64 \
    -DoutputDirectory="bench/results/async-profiler-$PROFILER_VERSION"
  (cd "bench/results/async-profiler-$PROFILER_VERSION" && unzip -oq ./*.jar 'linux-x64/*')
fi
profile() { # a JVM option that records 10 s windows of collapsed stacks as <name>-<n>.txt
  echo "-agentpath:$PWD/$lib=start,event=itimer,interval=1ms,loop=10s,file=$PWD/$out/$1-%n.txt,collapsed"
}

CROSSDOCK_LOCAL_SERVICES= CROSSDOCK_LOCAL_DATA_DIR="$out/data" java -jar local-stack/target/crossdock-local.jar >"$out/stack.log" 2>&1 &
pids+=($!)
wait_up http://localhost:8090/actuator/health "the local stack"
export BENCH_BODY=bench/body.json
export BENCH_SIGNATURE=$(openssl dgst -sha256 -hmac "$SECRET" -hex < "$BENCH_BODY" | sed 's/^.* //')
load() { # url seconds -> requests done
  BENCH_RUN_ID=$(openssl rand -hex 4) BENCH_TRIGGERED_AT=$(date -u +%Y-%m-%dT%H:%M:%SZ) \
    wrk -t1 -c"$CONNECTIONS" -d"$2" -s bench/webhook.lua "$1" | awk '/requests in/ {print $1}'
}
measure() { # name url pid: warm up, then record two 10 s windows under load; prints requests done
  load "$2" "$WARMUP" >/dev/null
  local first; first=$(ls "$out/$1"-*.txt 2>/dev/null | wc -l)
  local done; done=$(load "$2" "${RECORD}s")
  local last; last=$(ls "$out/$1"-*.txt | wc -l)
  kill "$3"; wait "$3" 2>/dev/null || true
  # the windows that closed while the load ran (each file is one finished 10 s window)
  for i in $(seq "$first" $((last - 1))); do cat "$out/$1-$i.txt"; done >"$out/$1.collapsed"
  echo "$1 $done $(( (last - first) * 10 ))" >>"$out/requests.txt"
}

java $HOOK_JAVA_OPTS "$(profile naive)" -jar "$(jar bench/naive-hook)" --server.port=8092 \
  --spring.kafka.bootstrap-servers=localhost:9092 --bench.secret=$SECRET >"$out/naive.log" 2>&1 &
naive=$!; pids+=($naive)
wait_up http://localhost:8092/hook "the naive hook" -X POST -H 'Content-Type: application/json' \
  -H "x-prodsmart-hmac-sha256: $BENCH_SIGNATURE" --data-binary @"$BENCH_BODY"
measure naive http://localhost:8092/hook "$naive"

java $HOOK_JAVA_OPTS "$(profile ingress)" -jar "$(jar ingress-webhooks)" --spring.kafka.bootstrap-servers=localhost:9092 \
  --spring.kafka.properties.schema.registry.url=http://localhost:8081 --crossdock.ingress.prodsmart.webhook-secret=$SECRET \
  --crossdock.spool.directory="$out/data/spool" --spring.kafka.listener.auto-startup=false ${INGRESS_ARGS:-} \
  >"$out/ingress.log" 2>&1 &
ingress=$!; pids+=($ingress)
wait_up http://localhost:9080/actuator/health/readiness ingress-webhooks
measure ingress http://localhost:8080/webhooks/prodsmart "$ingress"

# samples per request: the load ran RECORD s, the windows cover their own span; scale requests to the windows' span
per_request() { # name -> "frame<TAB>samples per 1000 requests" by innermost frame outside Reactor's operators and the JDK
  local requests seconds
  read -r _ requests seconds < <(grep "^$1 " "$out/requests.txt")
  awk -v n="$(( requests * seconds / RECORD ))" '$0 !~ /CompileBroker/ {
      cnt=$NF; st=$0; sub(/ [0-9]+$/, "", st); k=split(st, f, ";"); a="(other)"
      for (i=k; i>=1; i--) { m=f[i]; sub(/_\[[jik]\]$/, "", m)
        if (m ~ /^(reactor\/core|java\/|jdk\/|sun\/)/ || m ~ /Lambda|^[a-z_]+$|stub|^__|^\[/) continue
        a=m; break }
      c[a]+=cnt; t+=cnt }
    END { printf "(all)\t%.1f\n", 1000*t/n; for (m in c) printf "%s\t%.2f\n", m, 1000*c[m]/n }' "$out/$1.collapsed" | sort
}
per_request naive >"$out/naive.frames"
per_request ingress >"$out/ingress.frames"
{
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  awk -v r="$RECORD" '{printf "%s: %d requests in %d s (%.0f req/s)\n", $1, $2, r, $2 / r}' "$out/requests.txt"
  echo "CPU samples per 1000 requests (1 ms ITIMER samples, JIT threads apart): naive $(awk -F'\t' '$1=="(all)" {print $2}' "$out/naive.frames"), ingress $(awk -F'\t' '$1=="(all)" {print $2}' "$out/ingress.frames")"
  echo "frames the ingress spends more on (samples per 1000 requests: ingress - naive, naive, ingress):"
  join -t $'\t' -a2 -e 0 -o 0,1.2,2.2 "$out/naive.frames" "$out/ingress.frames" | grep -v '^(all)' \
    | awk -F'\t' '{printf "%8.1f %8.1f %8.1f  %s\n", $3-$2, $2, $3, $1}' | sort -rn | head -30
} | tee "$out/summary.txt"
