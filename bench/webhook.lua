-- wrk script: signed ~1 KB Prodsmart webhooks, a fresh x-prodsmart-webhook-uuid on every request so the
-- ingress really stores each one (a repeated uuid would be answered from the dedupe memory).
-- Environment (set by bench/run.sh, bench/ingress-speed.sh): BENCH_BODY (file), BENCH_SIGNATURE, BENCH_RUN_ID (8 hex),
-- BENCH_TRIGGERED_AT; BENCH_DELAY_MS, optional: each connection waits that long before each request (a paced rate).
local f = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
local body = f:read("*a")
f:close()
local signature = os.getenv("BENCH_SIGNATURE")
local run = os.getenv("BENCH_RUN_ID")
local triggered = os.getenv("BENCH_TRIGGERED_AT")
local n = 0

request = function()
  n = n + 1
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["x-prodsmart-topic"] = "productionOrder/update",
    ["x-prodsmart-hmac-sha256"] = signature,
    ["x-prodsmart-api-version"] = "1",
    ["x-prodsmart-webhook-uuid"] = string.format("%s-0000-4000-8000-%012x", run, n),
    ["x-prodsmart-triggered-at"] = triggered,
  }, body)
end

local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "")
if pause then
  delay = function()
    return pause
  end
end
