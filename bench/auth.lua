-- wrk script: every request carries the sign-in token (BENCH_TOKEN) as the raw Authorization
-- header, the documented way. Used for projectd's GETs and, unchanged, for nginx's baseline so both
-- see the same request bytes (nginx ignores the header).
local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = token
end
