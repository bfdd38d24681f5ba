-- wrk script: a sign-in flood, POST api/2.0/authentication for user names nobody has (a new one
-- every request), as a password-guessing bot sends them. Unknown names cost a hash like known
-- ones; the hashing queue answers what it cannot take 503 at once. At the end it prints one line:
-- "flood: N 401 M 503 K other".
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

n401, n503, nother, sent = 0, 0, 0, 0

function request()
  sent = sent + 1
  local body = '{"userName":"flood-' .. id .. '-' .. sent .. '@bench.example",'
    .. '"password":"not-the-password"}'
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end

function response(status)
  if status == 401 then
    n401 = n401 + 1
  elseif status == 503 then
    n503 = n503 + 1
  else
    nother = nother + 1
  end
end

function done()
  local a, b, c = 0, 0, 0
  for _, thread in ipairs(threads) do
    a = a + thread:get("n401")
    b = b + thread:get("n503")
    c = c + thread:get("nother")
  end
  io.write(string.format("flood: %d 401 %d 503 %d other\n", a, b, c))
end
