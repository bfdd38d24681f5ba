#!/usr/bin/env bash
# The GET-task and attach/detach scenarios of bench/run.sh on PostgreSQL, beside the same scenarios
# on SQLite in the same run (the baseline): the same data set (projectd_make_dataset, same seed)
# built once into each store, the same wrk load. PostgreSQL 15 runs on this machine with its
# durable defaults (fsync and synchronous_commit on, as SQLite's synchronous=FULL), in a throwaway
# cluster (scripts/postgres-cluster.sh), sharing the cores with projectd and wrk.
#
# On each store: GET the bench task (JSON), GET a random task (bench/random_task.lua) with the
# response cache on and off, 90 % random GETs + 10 % attach/detach (bench/mix.lua) and durable
# attach/detach. Then, on PostgreSQL only, two projectd nodes on the same database behind nginx
# (an upstream with both, round robin) answering random GETs, beside one node behind the same nginx.
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
find_nginx

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

# backends NAME: PostgreSQL's server processes (for the CPU column) on postgresql, none on sqlite.
backends() {
  if [ "$1" = postgresql ]; then
    pgrep -P "$postmaster"
  fi
}

# scenarios NAME DATA FLAG...: on one server, GET project/task/{id} (JSON), a random task
# (response cache on: the default), the 90/10 mix and durable attach/detach; then, on a server of
# its own with --response-cache-mb 0, a random task with the response cache off. The CPU column
# counts projectd and, for PostgreSQL, its server processes.
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
  mapfile -t pg_pids < <(backends "$name")
  run_wrk "json_$name" "$task_url" bench/auth.lua "$pid" "${pg_pids[@]}"
  BENCH_TASK_IDS="$data/tasks.txt" run_wrk "random_cache_$name" "http://127.0.0.1:$port" \
    bench/random_task.lua "$pid" "${pg_pids[@]}"
  # Three fifths of the pairs for attach/detach's run, the fourth fifth for both warm-ups, the
  # last for the mix's run: each measured run starts from pairs nothing has touched (all
  # detached), so every write changes something and is a durable commit.
  local pairs
  pairs=$(wc -l <"$data/attach_pairs.txt")
  head -n $((pairs * 3 / 5)) "$data/attach_pairs.txt" >"$work/$name-pairs-run.txt"
  sed -n "$((pairs * 3 / 5 + 1)),$((pairs * 4 / 5))p" "$data/attach_pairs.txt" \
    >"$work/$name-pairs-warm.txt"
  tail -n +$((pairs * 4 / 5 + 1)) "$data/attach_pairs.txt" >"$work/$name-pairs-mix.txt"
  BENCH_TASK_IDS="$data/tasks.txt" BENCH_PAIRS="$work/$name-pairs-mix.txt" \
    BENCH_WARM_PAIRS="$work/$name-pairs-warm.txt" BENCH_WRK_THREADS=$threads \
    run_wrk "mix_$name" "http://127.0.0.1:$port" bench/mix.lua "$pid" "${pg_pids[@]}"
  BENCH_PAIRS="$work/$name-pairs-run.txt" BENCH_WARM_PAIRS="$work/$name-pairs-warm.txt" \
    BENCH_WRK_THREADS=$threads run_wrk "attach_$name" "http://127.0.0.1:$port" \
    bench/attach_detach.lua "$pid" "${pg_pids[@]}"
  stop_pid "$pid"

  start_projectd "$name-nocache" "$data" "$@" --response-cache-mb 0
  pid=$started_pid
  port=$started_port
  wrk -t"$threads" -c"$connections" -d1s -s bench/auth.lua \
    "http://127.0.0.1:$port/api/2.0/project/task/$BENCH_TASK_ID" >/dev/null
  mapfile -t pg_pids < <(backends "$name")
  BENCH_TASK_IDS="$data/tasks.txt" run_wrk "random_nocache_$name" "http://127.0.0.1:$port" \
    bench/random_task.lua "$pid" "${pg_pids[@]}"
  stop_pid "$pid"
}

scenarios sqlite "$work/sqlite"
scenarios postgresql "$work/pg" --store "$url"

# --- two projectd nodes on the same PostgreSQL behind nginx, beside one --------------------------
# nginx (as bench/run.sh runs it: worker_processes auto, no access log) listens on two ports: one
# proxies to an upstream of node 1 alone, the other to an upstream of nodes 1 and 2 (round robin),
# both keeping connections to the nodes open. A token made on one node is good on the other (one
# store). Random GETs, response cache on (the default; 45,000 answers do not fit in its 16 MiB).
say "two projectd nodes on PostgreSQL behind nginx"
start_projectd node1 "$work/pg" --store "$url"
port_node1=$started_port pid_node1=$started_pid
start_projectd node2 "$work/pg" --store "$url"
port_node2=$started_port pid_node2=$started_pid
BENCH_TOKEN=$(sign_in "$port_node1")
export BENCH_TOKEN
nginx_one=$(free_port)
nginx_two=$(free_port)
while [ "$nginx_two" = "$nginx_one" ]; do nginx_two=$(free_port); done
start_nginx "$(
  cat <<EOF
  upstream one {
    server 127.0.0.1:$port_node1;
    keepalive 64;
  }
  upstream two {
    server 127.0.0.1:$port_node1;
    server 127.0.0.1:$port_node2;
    keepalive 64;
  }
  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_set_header Host \$host;
  server {
    listen 127.0.0.1:$nginx_one;
    location / { proxy_pass http://one; }
  }
  server {
    listen 127.0.0.1:$nginx_two;
    location / { proxy_pass http://two; }
  }
EOF
)"
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$nginx_two/healthz" >/dev/null && break
  sleep 0.1
done
for port in "$nginx_one" "$nginx_two" "$nginx_two"; do
  curl -sf -H "Authorization: $BENCH_TOKEN" -o /dev/null \
    "http://127.0.0.1:$port/api/2.0/project/task/$BENCH_TASK_ID" ||
    die "nginx on port $port does not proxy the GET: $(cat "$work/nginx/error.log")"
done
mapfile -t nginx_workers < <(pgrep -P "$nginx_pid")
# Both nodes' pools are open after a first load through the two-node upstream.
wrk -t"$threads" -c"$connections" -d1s -s bench/auth.lua \
  "http://127.0.0.1:$nginx_two/api/2.0/project/task/$BENCH_TASK_ID" >/dev/null
mapfile -t pg_pids < <(backends postgresql)
BENCH_TASK_IDS="$work/pg/tasks.txt" run_wrk one_node "http://127.0.0.1:$nginx_one" \
  bench/random_task.lua "$pid_node1" "${nginx_workers[@]}" "${pg_pids[@]}"
# Each node's own CPU over the two-node run (its warm-up included): both must have answered.
node1_ticks=$(cpu_ticks "$pid_node1") node2_ticks=$(cpu_ticks "$pid_node2")
BENCH_TASK_IDS="$work/pg/tasks.txt" run_wrk two_nodes "http://127.0.0.1:$nginx_two" \
  bench/random_task.lua "$pid_node1" "$pid_node2" "${nginx_workers[@]}" "${pg_pids[@]}"
node1_s=$(echo "scale=1; ($(cpu_ticks "$pid_node1") - $node1_ticks) / $clk_tck" | bc)
node2_s=$(echo "scale=1; ($(cpu_ticks "$pid_node2") - $node2_ticks) / $clk_tck" | bc)
stop_pid "$nginx_pid"
stop_pid "$pid_node1"
stop_pid "$pid_node2"

lat() { echo "${rps[$1]} req/s, p50 ${p50[$1]} ms, p99 ${p99[$1]} ms, CPU ${cpu[$1]} %"; }
row() {  # label scenario
  local r
  r=$(ratio "${rps[$2_postgresql]}" "${rps[$2_sqlite]}")
  echo "| $1 | $(lat "$2_postgresql") | $(lat "$2_sqlite") | $r | >= 0.5 | $(yes_no "$r >= 0.5") |"
}
mix_split mix_sqlite
mix_sqlite="$reads_rps reads/s + $writes_rps writes/s"
mix_split mix_postgresql
mix_postgresql="$reads_rps reads/s + $writes_rps writes/s"
tasks=$(awk -F= '/^BENCH_TASKS=/ {print $2}' "$work/sqlite/bench.env")
readable=$(awk -F= '/^BENCH_READABLE_TASKS=/ {print $2}' "$work/sqlite/bench.env")
nodes_ratio=$(ratio "${rps[two_nodes]}" "${rps[one_node]}")
errors=0
for key in "${!bad[@]}"; do errors=$((errors + bad[$key])); done
cat <<TABLE

Scale $scale ($tasks tasks, $readable of them readable by the bench user: the random GETs draw from
those), $(nproc) cores shared by projectd, PostgreSQL, nginx and wrk; wrk -t$threads -c$connections
-d${duration}s after a ${warmup}s warm-up. Data set built in ${load_sqlite} s (SQLite) and ${load_pg} s
(PostgreSQL). CPU: projectd, plus PostgreSQL's server processes on PostgreSQL, in % of one core.

| scenario | PostgreSQL | SQLite (baseline, same run) | ratio | goal | met |
|---|---|---|---|---|---|
$(row "GET project/task/{id} (JSON), one task" json)
$(row "GET project/task/{id}, a random task, response cache on (16 MiB: most answers do not fit)" random_cache)
$(row "GET project/task/{id}, a random task, response cache off" random_nocache)
$(row "90 % GET a random task + 10 % attach/detach (durable), response cache on" mix)
$(row "attach/detach, durable" attach)

The 90/10 mix by kind (requests sent by each kind, over the run's answers): PostgreSQL
$mix_postgresql; SQLite $mix_sqlite.

| scenario (PostgreSQL) | two projectd nodes behind nginx (round robin) | one node behind the same nginx (baseline, same run) | ratio | goal | met |
|---|---|---|---|---|---|
| GET project/task/{id}, a random task | $(lat two_nodes) (CPU seconds, warm-up included: node 1 $node1_s s, node 2 $node2_s s) | $(lat one_node) | $nodes_ratio | - | - |

CPU here: the node(s), nginx's workers and PostgreSQL's server processes. One node answered
wrk directly at ${rps[random_cache_postgresql]} req/s (the random-task row above).

Errors (non-2xx answers and socket errors) over all runs: $errors.
TABLE
[ "$errors" = 0 ] || die "$errors requests failed"
