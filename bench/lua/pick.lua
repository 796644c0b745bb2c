-- GET a random path from a file of paths (one per line): args[1] = file.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local paths = {}
function init(args)
  seed()
  for line in io.lines(args[1]) do paths[#paths + 1] = line end
end
function request()
  return wrk.format("GET", paths[math.random(#paths)], reader())
end
