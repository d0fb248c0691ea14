-- wrk script: the same ~1 KB body to a no-op WebFlux endpoint (the baseline of the same run).
local f = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
local body = f:read("*a")
f:close()
request = function()
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end
