-- POST a new contact.
local common = dofile(os.getenv("RAPPORT_WRK_DIR") .. "/common.lua")
local headers = common.headers({ ["Content-Type"] = "application/json" })
local n = 0
setup = common.setup
request = function()
  n = n + 1
  local who = string.format("bench%d-%d-%d", thread_index or 0, n, math.random(1, 1000000000))
  local body = string.format(
    '{"firstName":"Load","lastName":"Tester %s","emails":[{"address":"%s@load.example","primary":true}],' ..
    '"jobTitle":"Buyer","address":{"city":"Springfield","country":"Freedonia"},"lifecycleStage":"lead","tags":["bench"]}', who, who)
  return wrk.format("POST", "/api/v1/contacts", headers, body)
end
done = common.done
