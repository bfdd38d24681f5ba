-- Module shared by bench/attach_detach.lua and bench/mix.lua (loaded with require through
-- package.path): durable attach/detach pairs. POST project/task/{id}/files {"files":[f]} attaches
-- a file, DELETE project/task/{id}/files?fileid=f detaches it again; both are writes that answer
-- only after their commit is on disk.
--
-- The pairs file holds "task file" lines (projectd_make_dataset's attach_pairs.txt: open tasks of
-- projects the user may edit, each with a file of its project attached to nothing). Thread i of n
-- takes every n-th pair and walks its pairs in order, attaching on even rounds and detaching on
-- odd ones, so one pair's POST and its DELETE are a whole round apart and never in flight
-- together (a round is far longer than the connections of one thread).
local M = {}

-- M.walker(path, threads, index, token, min_pairs): this thread's walker; walker.request() is the
-- next attach or detach as a wrk request. min_pairs (default 64) keeps a pair's POST and DELETE a
-- round apart; a script that sends other requests between its writes (mix.lua) needs fewer.
function M.walker(path, threads, index, token, min_pairs)
  local mine = {}
  local i = 0
  for line in io.lines(path) do
    local task, file = line:match("^(%d+) (%d+)$")
    if task then
      if i % threads == index then
        mine[#mine + 1] = { task, file }
      end
      i = i + 1
    end
  end
  if #mine < (min_pairs or 64) then
    error("pairs.lua: thread " .. index .. " has only " .. #mine .. " pairs of " .. path)
  end
  local post_headers = { ["Authorization"] = token, ["Content-Type"] = "application/json" }
  local delete_headers = { ["Authorization"] = token }
  local n = 0
  local walker = {}
  function walker.request()
    local pair = mine[(n % #mine) + 1]
    local attach = math.floor(n / #mine) % 2 == 0
    n = n + 1
    local path = "/api/2.0/project/task/" .. pair[1] .. "/files"
    if attach then
      return wrk.format("POST", path, post_headers, '{"files":[' .. pair[2] .. ']}')
    end
    return wrk.format("DELETE", path .. "?fileid=" .. pair[2], delete_headers)
  end
  return walker
end

return M
