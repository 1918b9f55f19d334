-- wrk script: POSTs the file named by $BODY, each request under an API key of its own, unique across
-- runs too (the start time and a counter; Lua's math.random is unseeded in wrk, so keys drawn from
-- it repeat from run to run and the gateway answers the repeats from its replay memory).
-- Diagnostic, docs/benchmarks.md ("Correction"):
--   BODY=body.json wrk -t1 -c1 -d15s --latency -s headroom-bench/wrk/unique-keys.lua http://127.0.0.1:8787/v1/chat/completions
local f = assert(io.open(os.getenv("BODY"), "r"))
local body = f:read("*a")
f:close()
local run = tostring(os.time()) .. "-" .. tostring(math.floor(os.clock() * 1000000))
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer sk-" .. run .. "-" .. n,
  }, body)
end
