-- A page of 50 contacts sorted by last name, continuing from a cursor somewhere deep in the set.
local common = dofile(os.getenv("RAPPORT_WRK_DIR") .. "/common.lua")
local cursors = common.lines("cursors.txt")
local headers = common.headers()
request = function()
  return wrk.format("GET", "/api/v1/contacts?sort=lastName,firstName&limit=50&cursor=" .. common.urlencode(common.pick(cursors)), headers)
end
done = common.done
