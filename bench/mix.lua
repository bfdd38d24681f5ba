-- wrk script: 90 % reads, 10 % durable writes. Of every ten requests of a thread, nine GET a
-- random task (bench/task_ids.lua, BENCH_TASK_IDS) and the tenth is the thread's next attach or
-- detach (bench/pairs.lua, BENCH_PAIRS, BENCH_WRK_THREADS as in attach_detach.lua). done() prints
-- "mix: reads R writes W" (requests sent, over all threads) for the script running wrk.
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local task_ids = require("task_ids")
local attach_pairs = require("pairs")

local threads = {}
function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

local picker, walker
-- Globals, not locals: done() reads them from each thread with thread:get().
reads = 0
writes = 0

function init(args)
  local token = os.getenv("BENCH_TOKEN")
  picker = task_ids.picker(os.getenv("BENCH_TASK_IDS"), index, token)
  -- Nine reads between two writes of a thread: with 8 pairs a pair's attach and its detach are 80
  -- requests apart, far more than a thread's connections have in flight.
  walker = attach_pairs.walker(os.getenv("BENCH_PAIRS"),
    tonumber(os.getenv("BENCH_WRK_THREADS") or "1"), index, token, 8)
end

function request()
  if (reads + writes) % 10 == 9 then
    writes = writes + 1
    return walker.request()
  end
  reads = reads + 1
  return picker.request()
end

function done(summary, latency, requests)
  local r, w = 0, 0
  for _, thread in ipairs(threads) do
    r = r + thread:get("reads")
    w = w + thread:get("writes")
  end
  io.write(string.format("mix: reads %d writes %d\n", r, w))
end
