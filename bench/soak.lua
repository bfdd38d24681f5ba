-- wrk script: the soak's mixed traffic (bench/soak.sh). Each connection cycles through ten kinds
-- of request over the tasks and files of BENCH_PAIRS (open tasks the user may edit, each with a
-- file of its project): reads of a task (cached and not), a filter page, attach, detach, a title
-- change, a small upload, a download. Every answer >= 500 is counted; done() prints the counts.
local token = os.getenv("BENCH_TOKEN")
local pairs_file = os.getenv("BENCH_PAIRS")

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

local items = {}
local n = 0
-- Globals, not locals: done() reads them from each thread with thread:get().
server_errors = 0
by_status = {}

function init(args)
  for line in io.lines(pairs_file) do
    local task, file = line:match("^(%d+) (%d+)$")
    if task then
      items[#items + 1] = { task, file }
    end
  end
  n = math.random(0, 1000000)
end

local auth = { ["Authorization"] = token }
local json = { ["Authorization"] = token, ["Content-Type"] = "application/json" }
local upload = {
  ["Authorization"] = token,
  ["Content-Type"] = "application/octet-stream",
  ["Content-Disposition"] = 'attachment; filename="soak.bin"',
}
local upload_body = string.rep("soak data ", 410)

function request()
  n = n + 1
  local pair = items[(n % #items) + 1]
  local task = "/api/2.0/project/task/" .. pair[1]
  local kind = n % 10
  if kind <= 2 then
    return wrk.format("GET", task, auth)
  elseif kind == 3 then
    return wrk.format("GET", task .. ".xml", auth)
  elseif kind == 4 then
    return wrk.format("GET", "/api/2.0/project/task/filter?count=25&startIndex=" .. (n % 200), auth)
  elseif kind == 5 then
    return wrk.format("POST", task .. "/files", json, '{"files":[' .. pair[2] .. ']}')
  elseif kind == 6 then
    return wrk.format("DELETE", task .. "/files?fileid=" .. pair[2], auth)
  elseif kind == 7 then
    return wrk.format("PUT", task, json, '{"title":"soak ' .. n .. '"}')
  elseif kind == 8 then
    return wrk.format("POST", "/api/2.0/files/@my/upload", upload, upload_body)
  end
  return wrk.format("GET",
    "/Products/Files/HttpHandlers/filehandler.ashx?action=download&fileid=" .. pair[2], auth)
end

function response(status, headers, body)
  by_status[status] = (by_status[status] or 0) + 1
  if status >= 500 then
    server_errors = server_errors + 1
  end
end

function done(summary, latency, requests)
  local errors = 0
  local statuses = {}
  for _, thread in ipairs(threads) do
    errors = errors + thread:get("server_errors")
    for status, count in pairs(thread:get("by_status")) do
      statuses[status] = (statuses[status] or 0) + count
    end
  end
  io.write(string.format("soak: %d requests, %d answers >= 500\n", summary.requests, errors))
  for status, count in pairs(statuses) do
    io.write(string.format("soak: status %d: %d\n", status, count))
  end
end
