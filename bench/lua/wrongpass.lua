-- The sign-in attack of issue "Hardening": every request a write with the public username and a wrong password,
-- spread over 32 addresses (args[1] = Authorization header).
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local auth
function init(args)
  seed()
  auth = args[1]
end
function request()
  return wrk.format("POST", "/api/v1/outlets",
    {["Authorization"] = auth, ["Content-Type"] = "application/json",
     ["X-Forwarded-For"] = string.format("192.0.2.%d", math.random(32))}, '{"name":"Intruder"}')
end
count_statuses()
