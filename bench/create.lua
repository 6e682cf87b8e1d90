-- wrk script: every request creates a new meeting (a fresh externalId per request).
local run = os.getenv("BENCH_RUN") or tostring(os.time())
local token = os.getenv("BENCH_TOKEN")
local threads = 0
local counter = 0

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. token
end

function request()
  counter = counter + 1
  return wrk.format(nil, nil, nil, '{"externalId":"bench-' .. run .. '-' .. tid .. '-' .. counter .. '"}')
end

-- p50, p99 and p99.9 in ms to the file BENCH_LATENCY names (wrk's own report stops at p99)
function done(summary, latency, requests)
  local out = os.getenv("BENCH_LATENCY")
  if out then
    local file = io.open(out, "w")
    file:write(string.format("%.2f %.2f %.2f\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      latency:percentile(99.9) / 1000))
    file:close()
  end
end
