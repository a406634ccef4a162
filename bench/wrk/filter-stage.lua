-- A segment: contacts in one lifecycle stage from one country, sorted by last name.
local common = dofile(os.getenv("RAPPORT_WRK_DIR") .. "/common.lua")
local segments = common.lines("segments.txt")
local headers = common.headers()
request = function()
  return wrk.format("GET", "/api/v1/contacts?limit=50&filter=" .. common.urlencode(common.pick(segments)), headers)
end
done = common.done
