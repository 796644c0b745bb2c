-- Shared by the scripts: give every wrk thread its own id and random seed.
local counter = 0
threads = {}
function setup(thread)
  counter = counter + 1
  threads[#threads + 1] = thread
  thread:set("tid", counter)
end
function seed()
  math.randomseed(os.time() * 1000 + (tid or 0) * 7919)
end

-- Readers come from many addresses, as real ones do: each request names one of 10,000 simulated readers in
-- X-Forwarded-For, which the service trusts from the loopback proxy the benchmark configures (bench.py), so that
-- the per-address rate limit (60,000 a minute by default) meets each reader's share, not the whole load's.
function reader(headers)
  headers = headers or {}
  local n = math.random(10000)
  headers["X-Forwarded-For"] = string.format("10.%d.%d.%d", math.floor(n / 65536) % 256, math.floor(n / 256) % 256, n % 256)
  return headers
end
