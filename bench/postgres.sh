#!/usr/bin/env bash
# The GET-task and attach/detach scenarios of bench/run.sh on PostgreSQL, beside the same scenarios
# on SQLite in the same run (the baseline): the same data set (projectd_make_dataset, same seed)
# built once into each store, the same wrk load. PostgreSQL 15 runs on this machine with its
# durable defaults (fsync and synchronous_commit on, as SQLite's synchronous=FULL), in a throwaway
# cluster (scripts/postgres-cluster.sh), sharing the cores with projectd and wrk.
#
#   bash bench/postgres.sh [--quick]
#
# Default: scale 0.5 (500 projects, 50,000 tasks), 20-second runs; --quick: scale 0.1, 5 seconds.
# Prints a table for bench/README.md. Environment as bench/run.sh (BENCH_DURATION, BENCH_KEEP).
set -euo pipefail

quick=0
case "${1:-}" in
  --quick) quick=1 ;;
  "") ;;
  *)
    echo "usage: bash bench/postgres.sh [--quick]" >&2
    exit 2
    ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
script_name=postgres.sh
# shellcheck source=bench/lib.sh
. bench/lib.sh

if [ "$quick" = 1 ]; then
  scale=0.1 duration=${BENCH_DURATION:-5} warmup=1
else
  scale=0.5 duration=${BENCH_DURATION:-20} warmup=3
fi
connections=32
threads=2
clk_tck=$(getconf CLK_TCK)
for tool in wrk curl cmake bc awk pgrep; do
  command -v "$tool" >/dev/null || die "$tool is missing: run bash scripts/install-deps.sh"
done

build_bench projectd projectd_make_dataset
binary=$root/build-bench/projectd
make_work_dir

# The cluster's directory is its own: as root the server runs as postgres, which cannot enter the
# private work directory.
pg_dir=$(mktemp -d /tmp/projectd-bench-pg.XXXXXX)
trap 'bash scripts/postgres-cluster.sh stop "$pg_dir" >/dev/null 2>&1; rm -rf "$pg_dir"; cleanup' EXIT
say "PostgreSQL cluster (durable) in $pg_dir"
url=$(PROJECTD_PG_DURABLE=1 bash scripts/postgres-cluster.sh start "$pg_dir")
postmaster=$(head -n 1 "$pg_dir/data/postmaster.pid")

say "data set (scale $scale) into SQLite and into PostgreSQL"
t0=$(date +%s.%N)
"$root/build-bench/projectd_make_dataset" --data "$work/sqlite" --scale "$scale" >&2
t1=$(date +%s.%N)
"$root/build-bench/projectd_make_dataset" --data "$work/pg" --store "$url" --scale "$scale" >&2
t2=$(date +%s.%N)
load_sqlite=$(printf '%.1f' "$(echo "$t1 - $t0" | bc)")
load_pg=$(printf '%.1f' "$(echo "$t2 - $t1" | bc)")

# scenarios NAME DATA FLAG...: GET project/task/{id} (JSON) and durable attach/detach pairs on one
# server; the CPU column counts projectd and, for PostgreSQL, its server processes.
scenarios() {
  local name=$1 data=$2 pg_pids=()
  shift 2
  # shellcheck source=/dev/null
  . "$data/bench.env"
  export BENCH_EMAIL BENCH_PASSWORD
  start_projectd "$name" "$data" "$@"
  local port=$started_port pid=$started_pid
  BENCH_TOKEN=$(sign_in "$port")
  export BENCH_TOKEN
  local task_url="http://127.0.0.1:$port/api/2.0/project/task/$BENCH_TASK_ID"
  curl -sf -H "Authorization: $BENCH_TOKEN" "$task_url" -o "$work/$name-task.json" ||
    die "GET $task_url failed on $name"
  # Every pooled connection is open after a first load, so their backends can be counted.
  wrk -t"$threads" -c"$connections" -d1s -s bench/auth.lua "$task_url" >/dev/null
  [ "$name" = postgresql ] && mapfile -t pg_pids < <(pgrep -P "$postmaster")
  run_wrk "json_$name" "$task_url" bench/auth.lua "$pid" "${pg_pids[@]}"
  local pairs
  pairs=$(wc -l <"$data/attach_pairs.txt")
  head -n $((pairs * 4 / 5)) "$data/attach_pairs.txt" >"$work/$name-pairs-run.txt"
  tail -n +$((pairs * 4 / 5 + 1)) "$data/attach_pairs.txt" >"$work/$name-pairs-warm.txt"
  BENCH_PAIRS="$work/$name-pairs-run.txt" BENCH_WARM_PAIRS="$work/$name-pairs-warm.txt" \
    BENCH_WRK_THREADS=$threads run_wrk "attach_$name" "http://127.0.0.1:$port" \
    bench/attach_detach.lua "$pid" "${pg_pids[@]}"
  stop_pid "$pid"
}

scenarios sqlite "$work/sqlite"
scenarios postgresql "$work/pg" --store "$url"

row() {  # label scenario
  echo "| $1 | ${rps[$2_postgresql]} req/s, p50 ${p50[$2_postgresql]} ms, p99 ${p99[$2_postgresql]} ms, CPU ${cpu[$2_postgresql]} % | ${rps[$2_sqlite]} req/s, p50 ${p50[$2_sqlite]} ms, p99 ${p99[$2_sqlite]} ms, CPU ${cpu[$2_sqlite]} % | $(ratio "${rps[$2_postgresql]}" "${rps[$2_sqlite]}") |"
}
errors=0
for key in "${!bad[@]}"; do errors=$((errors + bad[$key])); done
cat <<TABLE

Scale $scale ($(awk -F= '/^BENCH_TASKS=/ {print $2}' "$work/sqlite/bench.env") tasks), $(nproc) cores shared by projectd, PostgreSQL and wrk;
wrk -t$threads -c$connections -d${duration}s after a ${warmup}s warm-up. Data set built in ${load_sqlite} s
(SQLite) and ${load_pg} s (PostgreSQL). CPU: projectd, plus PostgreSQL's server processes on PostgreSQL,
in % of one core.

| scenario | PostgreSQL | SQLite (baseline, same run) | ratio |
|---|---|---|---|
$(row "GET project/task/{id} (JSON)" json)
$(row "attach/detach, durable" attach)

Errors (non-2xx answers and socket errors) over all runs: $errors.
TABLE
[ "$errors" = 0 ] || die "$errors requests failed"
