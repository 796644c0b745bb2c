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
