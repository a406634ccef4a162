-- Shared by every scenario: input files written by the bench run, the API key, and a machine-readable summary.
local M = {}

local input = os.getenv("BENCH_INPUT") or "."

function M.lines(name)
  local t = {}
  for line in io.lines(input .. "/" .. name) do
    if #line > 0 then t[#t + 1] = line end
  end
  return t
end

function M.headers(extra)
  local h = { ["Accept"] = "application/json" }
  local key = os.getenv("BENCH_KEY")
  if key and #key > 0 then h["Authorization"] = "Bearer " .. key end
  for k, v in pairs(extra or {}) do h[k] = v end
  return h
end

function M.urlencode(s)
  return (string.gsub(s, "[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function M.pick(t)
  return t[math.random(1, #t)]
end

-- wrk calls done() once with the totals; the bench reads the BENCH_JSON line.
function M.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"durationUs":%d,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"statusErrors":%d,"timeouts":%d,' ..
    '"meanUs":%.1f,"p50Us":%d,"p95Us":%d,"p99Us":%d,"maxUs":%d}\n',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end

-- Each wrk thread gets its own number, for scenarios that split work between threads.
local threads = {}
function M.setup(thread)
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end

math.randomseed(os.time())
return M
