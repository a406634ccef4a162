-- The contacts of one company (what a company page lists), default sort.
local common = dofile(os.getenv("RAPPORT_WRK_DIR") .. "/common.lua")
local companies = common.lines("companies.txt")
local headers = common.headers()
request = function()
  return wrk.format("GET", "/api/v1/contacts?limit=50&filter=" .. common.urlencode("companyId eq '" .. common.pick(companies) .. "'"), headers)
end
done = common.done
