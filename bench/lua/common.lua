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

-- Writes and attacks count their answers by status (all of them, or only those >= min) and print them at the end
-- (wrk only counts them); read scripts leave this out, since a response callback slows wrk down.
function count_statuses(min)
  bad = {}
  function response(status, headers, body)
    if status >= (min or 0) then bad[status] = (bad[status] or 0) + 1 end
  end
  function done(summary, latency, requests)
    for _, t in ipairs(threads) do
      for k, v in pairs(t:get("bad") or {}) do io.write(string.format("status %d: %d\n", k, v)) end
    end
  end
end
