-- wrk script: GET project/task/{id} of a random task every request (bench/task_ids.lua), the
-- sign-in token (BENCH_TOKEN) as the raw Authorization header as in auth.lua. BENCH_TASK_IDS
-- names the file of task ids (projectd_make_dataset's tasks.txt).
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local task_ids = require("task_ids")

local next_index = 0
function setup(thread)
  thread:set("index", next_index)
  next_index = next_index + 1
end

local picker
function init(args)
  picker = task_ids.picker(os.getenv("BENCH_TASK_IDS"), index, os.getenv("BENCH_TOKEN"))
end

function request()
  return picker.request()
end
