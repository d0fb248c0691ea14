# Shared by bench/run.sh, bench/ingress-speed.sh and bench/ingress-profile.sh (sourced, after `out` is set).
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

wait_up() { # url, what, [curl args]
  local url=$1 what=$2; shift 2
  for _ in $(seq 1 240); do
    if curl -fs -o /dev/null "$@" "$url"; then return 0; fi
    sleep 0.5
  done
  echo "$what did not come up; see $out/*.log" >&2; exit 1
}
rss_mb() { awk '/VmRSS/ {printf "%.0f\n", $2/1024}' "/proc/$1/status"; }

# One signed movement webhook for a new product, timed from its POST to its row at the Paqtana sandbox, minus the
# publisher's debounce: prints milliseconds. Needs SECRET and DEBOUNCE_MS; the ingress on 8080, the stack on 8090.
webhook_to_paqtana_ms() { # product code
  local product=$1 body sig start
  body=$(printf '[{"product":{"id":1,"code":"%s","uom":"un"},"date":"2026-11-24T10:00:00Z","quantity":5.0,"stock-type":"in","warehouse-location":{"id":1,"code":"A-01","warehouse":{"id":1,"code":"main"}}}]' "$product")
  sig=$(printf '%s' "$body" | openssl dgst -sha256 -hmac "$SECRET" -hex | sed 's/^.* //')
  start=$(date +%s%N)
  curl -fs -o /dev/null http://localhost:8080/webhooks/prodsmart -H 'Content-Type: application/json' \
    -H 'x-prodsmart-topic: receiving_inventory_movement_created' -H "x-prodsmart-hmac-sha256: $sig" \
    -H 'x-prodsmart-api-version: 1' -H "x-prodsmart-webhook-uuid: $(cat /proc/sys/kernel/random/uuid)" \
    -H "x-prodsmart-triggered-at: $(date -u +%Y-%m-%dT%H:%M:%SZ)" --data-binary "$body"
  until curl -fs http://localhost:8090/paqtana/_sandbox/orgs/demo/master_inventory | grep -q "\"$product\""; do sleep 0.005; done
  echo $(( ($(date +%s%N) - start) / 1000000 - DEBOUNCE_MS ))
}
