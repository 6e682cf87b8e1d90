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
