#!/usr/bin/env bash
# serpi-sync benchmark: articles per second each way at the SERPI sandbox's pace with one token, the share of the
# one-request-at-a-time capacity used, 0 concurrent uses of the token, and the time from a change at SERPI to its
# event; ratios against a bare sequential client measured in the same run. Method and results: docs/benchmarks.md
# ("serpi-sync").
#
#   bench/serpi.sh                         # 20000 articles, the sandbox's 20 ms pace, a 2 s cadence, 10 changes
#   ARTICLES=2000 PACE=200ms CADENCE=5s CHANGES=20 bench/serpi.sh
#
# The target (the token busy >= 90 % of the time reading and writing, 0 concurrent uses) is judged on the steady-state
# lines at the defaults: SERPI's document states no response time, so the sandbox's 20 ms is the pace.
#
# In-process broker, registry and sandbox on free ports: nothing else needs to be stopped.
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES=${ARTICLES:-20000}
PACE=${PACE:-20ms}
CADENCE=${CADENCE:-2s}
CHANGES=${CHANGES:-10}
out=bench/results/serpi-$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$out"
[ -n "${SKIP_BUILD:-}" ] || ./mvnw -q -B -pl serpi-sync -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
cp="serpi-sync/target/test-classes:serpi-sync/target/classes:$(cat serpi-sync/target/cp.txt)"
java -Xmx1g -cp "$cp" com.crossdock.serpi.SerpiBenchmark "$ARTICLES" "$PACE" "$CADENCE" "$CHANGES" >"$out/run.log" 2>&1
grep -o 'BENCHMARK.*' "$out/run.log" | sed 's/\\"/"/g; s/",".*//' | tee "$out/summary.txt"
