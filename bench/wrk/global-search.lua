-- Global search box: what someone types, a name prefix or a first and last name, across every record type.
local common = dofile(os.getenv("RAPPORT_WRK_DIR") .. "/common.lua")
local terms = common.lines("global-terms.txt")
local headers = common.headers()
request = function()
  return wrk.format("GET", "/api/v1/search?q=" .. common.urlencode(common.pick(terms)), headers)
end
done = common.done
