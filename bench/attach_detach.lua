-- wrk script: durable attach/detach pairs (bench/pairs.lua), every request a write.
--
-- BENCH_PAIRS names the pairs file (projectd_make_dataset's attach_pairs.txt, or a part of it);
-- thread i of n takes every n-th pair (n = BENCH_WRK_THREADS, wrk's -t).
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local attach_pairs = require("pairs")

local next_index = 0
function setup(thread)
  thread:set("index", next_index)
  next_index = next_index + 1
end

local walker
function init(args)
  walker = attach_pairs.walker(os.getenv("BENCH_PAIRS"),
    tonumber(os.getenv("BENCH_WRK_THREADS") or "1"), index, os.getenv("BENCH_TOKEN"))
end

function request()
  return walker.request()
end
