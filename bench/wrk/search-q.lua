-- Full-text q: a name or "first last" someone would type into the contact search box.
local common = dofile(os.getenv("RAPPORT_WRK_DIR") .. "/common.lua")
local terms = common.lines("terms.txt")
local headers = common.headers()
request = function()
  return wrk.format("GET", "/api/v1/contacts?limit=50&q=" .. common.urlencode(common.pick(terms)), headers)
end
done = common.done
