#!/usr/bin/env bash
# The soak of issue 7 ("Load"), by hand, not in CI: mixed traffic (bench/soak.lua: task reads in
# JSON and XML, filter pages, attach, detach, title changes, small uploads, downloads) at 64
# connections for 10 minutes against a Release server on the quick data set. Every 30 s it prints
# the server's RSS and open file descriptors; at the end the answers by status. The run passes when
# no answer is >= 500, the RSS is flat after the warm-up, and the descriptors do not grow.
#
#   bash bench/soak.sh [SECONDS]     # default 600
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
script_name=soak.sh
# shellcheck source=bench/lib.sh
. bench/lib.sh

seconds=${1:-600}
interval=30
for tool in wrk curl cmake; do
  command -v "$tool" >/dev/null || die "$tool is missing: run bash scripts/install-deps.sh"
done

build_bench projectd projectd_make_dataset
binary=$root/build-bench/projectd
make_work_dir

say "data set (scale 0.1)"
build-bench/projectd_make_dataset --data "$work/data" --scale 0.1 >&2
# shellcheck disable=SC1091
. "$work/data/bench.env"
export BENCH_EMAIL BENCH_PASSWORD
start_projectd soak "$work/data"
pid=$started_pid
BENCH_TOKEN=$(sign_in "$started_port")
export BENCH_TOKEN BENCH_PAIRS="$work/data/attach_pairs.txt"

fds() { find "/proc/$1/fd" -mindepth 1 -maxdepth 1 | wc -l; }
say "soak: ${seconds}s of mixed traffic at 64 connections"
wrk -t2 -c64 -d"${seconds}s" --timeout 30s -s bench/soak.lua "http://127.0.0.1:$started_port" \
  >"$work/wrk.txt" &
wrk_pid=$!
printf '| after | RSS MiB | open fds |\n|---|---|---|\n'
printf '| 0 s | %s | %s |\n' "$(mib "$(kib_of "$pid" VmRSS)")" "$(fds "$pid")"
for ((t = interval; t <= seconds; t += interval)); do
  sleep "$interval"
  kill -0 "$pid" 2>/dev/null || die "projectd died: $(tail -5 "$work/soak.log")"
  printf '| %d s | %s | %s |\n' "$t" "$(mib "$(kib_of "$pid" VmRSS)")" "$(fds "$pid")"
done
wait "$wrk_pid"
sleep 2 # the connections close
printf '| end, idle | %s | %s |\n\n' "$(mib "$(kib_of "$pid" VmRSS)")" "$(fds "$pid")"
grep -E '^soak:|Requests/sec|Socket errors' "$work/wrk.txt"
errors=$(awk '/answers >= 500/ {print $(NF - 3)}' "$work/wrk.txt")
[ "${errors:-1}" = 0 ] || die "$errors answers >= 500"
