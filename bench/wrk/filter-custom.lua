-- A custom-field filter as a saved view would use it: a tier and a minimum seat count, sorted by name.
local common = dofile(os.getenv("RAPPORT_WRK_DIR") .. "/common.lua")
local filters = common.lines("custom-filters.txt")
local headers = common.headers()
request = function()
  return wrk.format("GET", "/api/v1/contacts?limit=50&filter=" .. common.urlencode(common.pick(filters)), headers)
end
done = common.done
