-- wrk script: POST api/2.0/authentication with the bench user's JSON credentials (BENCH_EMAIL,
-- BENCH_PASSWORD). Each sign-in verifies an Argon2id hash and stores a new token (a durable write).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"userName":"' .. os.getenv("BENCH_EMAIL") .. '","password":"'
  .. os.getenv("BENCH_PASSWORD") .. '"}'
