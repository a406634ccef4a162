-- A contact's 360° page data in one call: the contact, company, owner, newest timeline and the panels.
local common = dofile(os.getenv("RAPPORT_WRK_DIR") .. "/common.lua")
local ids = common.lines("ids.txt")
local headers = common.headers()
request = function() return wrk.format("GET", "/api/v1/contacts/" .. common.pick(ids) .. "/overview", headers) end
done = common.done
