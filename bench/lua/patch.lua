-- PATCH the summary of a random article: args[1] = Authorization header, args[2] = highest generated id.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local auth, max, n = nil, nil, 0
function init(args)
  seed()
  auth, max = args[1], tonumber(args[2])
end
function request()
  n = n + 1
  local body = string.format('{"summary":"Patched by the load benchmark, thread %d, request %d."}', tid, n)
  return wrk.format("PATCH", "/api/v1/articles/" .. math.random(max),
    reader({["Authorization"] = auth, ["Content-Type"] = "application/merge-patch+json"}), body)
end
count_statuses(300)
