-- Baseline: a constant JSON body from bare Kestrel.
local common = dofile(os.getenv("RAPPORT_WRK_DIR") .. "/common.lua")
local headers = common.headers()
request = function() return wrk.format("GET", "/json", headers) end
done = common.done
