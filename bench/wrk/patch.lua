-- JSON merge patch with If-Match. Each thread walks its own share of the ids; every id starts at version 1
-- after the import and gains one version per pass, so the If-Match is always current (a 412 counts as an error).
-- The warm-up run patches a separate slice (BENCH_PATCH_FILE).
local common = dofile(os.getenv("RAPPORT_WRK_DIR") .. "/common.lua")
local ids = common.lines(os.getenv("BENCH_PATCH_FILE") or "patch-ids.txt")
local threads = tonumber(os.getenv("BENCH_THREADS") or "1")
local n = 0
setup = common.setup
request = function()
  local index = (thread_index or 0) + n * threads
  local pass = math.floor(index / #ids)
  local id = ids[(index % #ids) + 1]
  n = n + 1
  local headers = common.headers({ ["Content-Type"] = "application/merge-patch+json", ["If-Match"] = '"' .. (pass + 1) .. '"' })
  local body = string.format('{"jobTitle":"Buyer %d-%d"}', pass, index)
  return wrk.format("PATCH", "/api/v1/contacts/" .. id, headers, body)
end
done = common.done
