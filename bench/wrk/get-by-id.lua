-- GET one contact by id (ids sampled across the whole set).
local common = dofile(os.getenv("RAPPORT_WRK_DIR") .. "/common.lua")
local ids = common.lines("ids.txt")
local headers = common.headers()
local prefix = os.getenv("BENCH_PATH") or "/api/v1/contacts/"
request = function() return wrk.format("GET", prefix .. common.pick(ids), headers) end
done = common.done
