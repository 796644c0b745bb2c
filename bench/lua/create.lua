-- POST a new article into a random issue: args[1] = Authorization header, args[2] = number of issues.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local auth, issues, n = nil, nil, 0
local run = tostring(os.time())
function init(args)
  seed()
  auth, issues = args[1], tonumber(args[2])
end
function request()
  n = n + 1
  local body = string.format(
    '{"issueId":%d,"headline":"Bench article %s %d %d on trade and energy","outletId":%d,"publishedOn":"2024-10-07",' ..
    '"author":"Bench Writer","originalUrl":"https://bench.example.com/%d/%d",' ..
    '"summary":"A synthetic summary written by the load benchmark: Kazakhstan, Central Asia, trade corridors and energy policy, %d.",' ..
    '"quotes":[{"text":"We are open for business.","attribution":"A minister"}],"topicIds":[%d,%d]}',
    math.random(issues), run, tid, n, math.random(300), tid, n, n, math.random(30), 30 + math.random(30))
  return wrk.format("POST", "/api/v1/articles",
    reader({["Authorization"] = auth, ["Content-Type"] = "application/json"}), body)
end
count_statuses(300)
