-- GET a random article id in 1..args[1] (the whole generated range).
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local max
function init(args)
  seed()
  max = tonumber(args[1])
end
function request()
  return wrk.format("GET", "/api/v1/articles/" .. math.random(max), reader())
end
