-- Varied URLs ("first asks"): every request builds a new URL from seeded random state, so the read cache (on) misses.
-- args: [1] config file written by bench.py (a Lua table: sizes, words, per-topic and per-outlet pages, spans),
--       [2] class (search, deep, topic, outlet, dates, updated, byid, feed, mix), [3] run seed, [4] number of threads.
-- No URL repeats within a run while the class's pool lasts: each thread keeps the URLs it sent and takes only those
-- whose hash falls to it (threads never share a URL); a draw that was sent before is drawn again (up to 200 times),
-- and only a pool that is used up repeats. done() prints the repeats and every non-2xx status.
dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local cfg, class, nthreads
local seen = {}
repeats, n = 0, 0   -- globals: done() reads them from each thread
local zipf = {}        -- cumulative weights of the words by rank (1/rank)
local mix = {}         -- cumulative weights of the classes of the mix

local function hash(s)
  local h = 5381
  for i = 1, #s do h = (h * 33 + s:byte(i)) % 2147483647 end
  return h
end

local function word()
  local x = math.random() * zipf[#zipf]
  local lo, hi = 1, #zipf
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if zipf[mid] < x then lo = mid + 1 else hi = mid end
  end
  return cfg.words[lo]
end

local function day(offset)
  return os.date("!%Y-%m-%d", cfg.first_day + offset * 86400)
end

local gen = {}
function gen.search()
  local k = ({1, 1, 1, 1, 1, 2, 2, 2, 3, 3})[math.random(10)]
  local words, used = {}, {}
  while #words < k do
    local w = word()
    if not used[w] then used[w] = true; words[#words + 1] = w end
  end
  local r, q = math.random(), nil
  if r < 0.15 then                    -- a phrase: the first two words (or the word and another) in quotes
    if #words == 1 then local w = word(); if w ~= words[1] then words[2] = w end end
    words[1] = "%22" .. words[1]; words[math.min(2, #words)] = words[math.min(2, #words)] .. "%22"
  elseif r < 0.30 then                -- an exclusion
    local w = word()
    if not used[w] then words[#words + 1] = "-" .. w end
  end
  return "/api/v1/articles?q=" .. table.concat(words, "+")
end
function gen.deep()
  return "/api/v1/articles?cursor=" .. cfg.cursors[math.random(#cfg.cursors)] .. "&size=" .. math.random(10, 50)
end
local function paged(list, what)
  local e = list[math.random(#list)]
  return "/api/v1/articles?" .. what .. "=" .. e[1] .. "&page=" .. (math.random(e[2]) - 1)
end
function gen.topic() return paged(cfg.topics, "topic") end
function gen.outlet() return paged(cfg.outlets, "outlet") end
function gen.dates()
  local d = math.random(0, cfg.days - 30)
  return "/api/v1/articles?from=" .. day(d) .. "&to=" .. day(d + 29)
end
function gen.updated()
  return "/api/v1/articles?updatedSince=" ..
    os.date("!%Y-%m-%dT%H:%M:%SZ", math.random(cfg.updated_min, cfg.updated_max))
end
function gen.byid() return "/api/v1/articles/" .. math.random(cfg.articles) end
function gen.feed()
  return "/api/v1/feeds/articles.atom?topic=" .. cfg.topics[math.random(#cfg.topics)][1] ..
    "&outlet=" .. cfg.outlets[math.random(#cfg.outlets)][1]
end
function gen.mix()
  local x = math.random() * mix[#mix][2]
  for _, m in ipairs(mix) do if x <= m[2] then return gen[m[1]]() end end
  return gen[mix[#mix][1]]()
end

function init(args)
  cfg = dofile(args[1])
  class = args[2]
  nthreads = tonumber(args[4])
  math.randomseed(tonumber(args[3]) * 7919 + (tid or 0) * 104729)
  for _ = 1, 10 do math.random() end
  local acc = 0
  for r = 1, #cfg.words do acc = acc + 1 / r; zipf[r] = acc end
  acc = 0
  for _, m in ipairs(cfg.mix) do acc = acc + m[2]; mix[#mix + 1] = {m[1], acc} end
  if not gen[class] then error("unknown class " .. class) end
end

function request()
  local path
  for _ = 1, 200 do
    path = gen[class]()
    if not seen[path] and hash(path) % nthreads == (tid - 1) % nthreads then break end
    path = nil
  end
  if not path then
    repeat path = gen[class]() until hash(path) % nthreads == (tid - 1) % nthreads
    repeats = repeats + 1
  end
  seen[path] = true
  n = n + 1
  return wrk.format("GET", path, reader())
end

bad = {}
function response(status, headers, body)
  if status >= 300 then bad[status] = (bad[status] or 0) + 1 end
end

function done(summary, latency, requests)
  local r, sent = 0, 0
  for _, t in ipairs(threads) do
    r = r + (t:get("repeats") or 0)
    sent = sent + (t:get("n") or 0)
    for k, v in pairs(t:get("bad") or {}) do io.write(string.format("status %d: %d\n", k, v)) end
  end
  io.write(string.format("urls sent: %d, repeated: %d\n", sent, r))
end
