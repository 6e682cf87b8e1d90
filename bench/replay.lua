-- wrk script: every request repeats one externalId, so graphmeet answers 200 with the stored meeting.
local token = os.getenv("BENCH_TOKEN")

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  if token then
    wrk.headers["Authorization"] = "Bearer " .. token
  end
  wrk.body = '{"externalId":"bench-replay"}'
end
