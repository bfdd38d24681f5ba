#!/usr/bin/env bash
# Issue 18's figure: does a write get slower when it notifies? The attach/detach scenario of
# bench/run.sh (durable POST + DELETE project/task/{id}/files) twice on one data set in one run:
# first with notifications off (no --smtp-url, no webhook), then with mail to a real SMTP server
# (aiosmtpd's Sink on loopback) and one webhook endpoint for every event (a Python HTTP server on
# loopback answering 204). With them on, every attach or detach also writes its change event in
# its own commit, and the outbox worker fans each out to the task's other responsible(s) and the
# endpoint and sends them, on the same SQLite writer, while the load runs.
#
#   bash bench/notifications.sh [--quick]
#
# Prints a table for bench/README.md: ops/s and latency off and on, their ratio, what was sent.
# Environment as bench/run.sh (BENCH_DURATION, BENCH_KEEP), plus BENCH_PROJECTD and
# BENCH_MAKE_DATASET (below).
set -euo pipefail

quick=0
case "${1:-}" in
  --quick) quick=1 ;;
  "") ;;
  *)
    echo "usage: bash bench/notifications.sh [--quick]" >&2
    exit 2
    ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
script_name=notifications.sh
# shellcheck source=bench/lib.sh
. bench/lib.sh

if [ "$quick" = 1 ]; then
  scale=0.05 duration=${BENCH_DURATION:-5} warmup=1
else
  scale=0.2 duration=${BENCH_DURATION:-20} warmup=3
fi
connections=32
threads=2
clk_tck=$(getconf CLK_TCK)
for tool in wrk curl cmake bc awk python3 sqlite3; do
  command -v "$tool" >/dev/null || die "$tool is missing: run bash scripts/install-deps.sh"
done
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || die "python3-aiosmtpd is missing: run bash scripts/install-deps.sh"

# BENCH_PROJECTD and BENCH_MAKE_DATASET name binaries built elsewhere (e.g. CI's Release build/)
# instead of building build-bench/.
if [ -n "${BENCH_PROJECTD:-}" ] && [ -n "${BENCH_MAKE_DATASET:-}" ]; then
  binary=$BENCH_PROJECTD make_dataset=$BENCH_MAKE_DATASET
else
  build_bench projectd projectd_make_dataset
  binary=$root/build-bench/projectd make_dataset=$root/build-bench/projectd_make_dataset
fi
make_work_dir

say "data set (scale $scale)"
"$make_dataset" --data "$work/data" --scale "$scale" >&2
. "$work/data/bench.env"
export BENCH_EMAIL BENCH_PASSWORD

# Three disjoint sets of pairs: the warm-ups, the run without notifications, the run with them;
# each run starts from pairs that are all detached, so every request changes something.
pairs=$(wc -l <"$work/data/attach_pairs.txt")
third=$((pairs / 3))
head -n "$third" "$work/data/attach_pairs.txt" >"$work/pairs-warm.txt"
sed -n "$((third + 1)),$((2 * third))p" "$work/data/attach_pairs.txt" >"$work/pairs-off.txt"
sed -n "$((2 * third + 1)),$((3 * third))p" "$work/data/attach_pairs.txt" >"$work/pairs-on.txt"

attach_run() {  # name pairs-file
  BENCH_PAIRS="$2" BENCH_WARM_PAIRS="$work/pairs-warm.txt" BENCH_WRK_THREADS=$threads \
    run_wrk "$1" "$base" bench/attach_detach.lua "$pid"
}

say "notifications off"
start_projectd off "$work/data"
pid=$started_pid base="http://127.0.0.1:$started_port"
BENCH_TOKEN=$(sign_in "$started_port")
export BENCH_TOKEN
attach_run off "$work/pairs-off.txt"
stop_pid "$pid"

say "notifications on: aiosmtpd and a webhook receiver on loopback"
smtp_port=$(free_port)
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Sink \
  >"$work/smtp.log" 2>&1 &
pids+=("$!")
hook_port=$(free_port)
cat >"$work/receiver.py" <<'PY'
import http.server, sys
class Hook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(204)
        self.end_headers()
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Hook).serve_forever()
PY
/usr/bin/python3 "$work/receiver.py" "$hook_port" &
pids+=("$!")
start_projectd on "$work/data" --smtp-url "smtp://127.0.0.1:$smtp_port" \
  --mail-from bench@bench.example --webhook-allow-network 127.0.0.0/8
pid=$started_pid base="http://127.0.0.1:$started_port"
admin_token=$(BENCH_EMAIL=admin@bench.example sign_in "$started_port")
curl -sf -X POST "$base/api/2.0/webhooks" -H "Authorization: $admin_token" \
  -H 'Content-Type: application/json' \
  -d "{\"url\":\"http://127.0.0.1:$hook_port/hook\",\"events\":[\"*\"]}" >/dev/null ||
  die "registering the webhook failed"
BENCH_TOKEN=$(sign_in "$started_port")
export BENCH_TOKEN
attach_run on "$work/pairs-on.txt"
# Let the worker finish what the run left, then count what went out.
for _ in $(seq 600); do
  depth=$(curl -sf "$base/metrics" -H "Authorization: $admin_token" |
    awk '$1 == "projectd_outbox_depth" {print $2}')
  [ "${depth:-1}" = 0 ] && break
  sleep 0.5
done
stop_pid "$pid"
sent=$(sqlite3 "$work/data/projectd.db" \
  "SELECT channel || ' ' || count(*) FROM deliveries WHERE state = 1 GROUP BY channel" | tr '\n' ' ')
failed=$(sqlite3 "$work/data/projectd.db" "SELECT count(*) FROM deliveries WHERE state <> 1")

on_vs_off=$(ratio "${rps[on]}" "${rps[off]}")
cat <<TABLE

| attach/detach (SQLite, durable) | ops/s | p50 ms | p99 ms | CPU % |
|---|---|---|---|---|
| notifications off | ${rps[off]} | ${p50[off]} | ${p99[off]} | ${cpu[off]} |
| mail + a webhook for every event | ${rps[on]} | ${p50[on]} | ${p99[on]} | ${cpu[on]} |

on / off: **$on_vs_off**; delivered during and after the run: $sent(not delivered: $failed);
errors: off ${bad[off]}, on ${bad[on]}.
TABLE
