-- Module shared by bench/random_task.lua and bench/mix.lua (loaded with require through
-- package.path): GET project/task/{id} of a task drawn at random, every request, from a file of
-- task ids (projectd_make_dataset's tasks.txt: every task the sign-in user may read).
local M = {}

-- M.picker(path, index, token): this thread's picker, seeded apart from the other threads';
-- picker.request() is the GET of a random task as a wrk request.
function M.picker(path, index, token)
  local ids = {}
  for line in io.lines(path) do
    local id = line:match("^(%d+)$")
    if id then
      ids[#ids + 1] = id
    end
  end
  if #ids == 0 then
    error("task_ids.lua: no task ids in " .. path)
  end
  math.randomseed(os.time() + index)
  local headers = { ["Authorization"] = token }
  local picker = { count = #ids }
  function picker.request()
    return wrk.format("GET", "/api/2.0/project/task/" .. ids[math.random(#ids)], headers)
  end
  return picker
end

return M
