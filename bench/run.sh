#!/usr/bin/env bash
# The benchmarks of issue 5, each scenario beside its baseline measured in the same run.
#
#   bash bench/install-bench-deps.sh   # once, as root: nginx-light (the static-file baseline)
#   bash bench/run.sh [--quick]
#
# Builds a Release binary with the bench tools in build-bench/, makes the data set through the
# store (projectd_make_dataset) in a temp directory, starts projectd on it and measures with wrk on
# loopback. Prints a markdown table with ratios on stdout; progress goes to stderr.
#
# --quick: every scenario briefly (about two minutes once built): a tenth of the data set,
# 5-second wrk runs, a 256 MiB file instead of 1 GiB.
#
# Environment: BENCH_TMPDIR (where the data sets go; default TMPDIR or /tmp: the fsync and dd
# baselines run on that disk too), BENCH_JOBS (build parallelism, default nproc), BENCH_DURATION
# (seconds per wrk run), BENCH_KEEP=1 (keep the temp directory and print it, for profiling).
set -euo pipefail

quick=0
case "${1:-}" in
  --quick) quick=1 ;;
  "") ;;
  *)
    echo "usage: bash bench/run.sh [--quick]" >&2
    exit 2
    ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
script_name=run.sh
# shellcheck source=bench/lib.sh
. bench/lib.sh

if [ "$quick" = 1 ]; then
  scale=0.1 small_scale=0.001 duration=${BENCH_DURATION:-5} warmup=1 file_mib=256 dsync_count=500
else
  scale=1 small_scale=0.01 duration=${BENCH_DURATION:-20} warmup=3 file_mib=1024 dsync_count=2000
fi
connections=32
threads=2
serve_flags=(--max-upload-mb $((file_mib + 16)) --body-timeout-ms 600000)

for tool in wrk curl cmake bc dd awk unzip; do
  command -v "$tool" >/dev/null || die "$tool is missing: run bash scripts/install-deps.sh"
done
find_nginx

# --- build -------------------------------------------------------------------------------------
build_bench projectd projectd_make_dataset projectd_argon2_rate
binary=$root/build-bench/projectd

make_work_dir

clk_tck=$(getconf CLK_TCK)
cores=$(nproc)


# --- data sets ---------------------------------------------------------------------------------
say "data set (scale $scale) and the small one (scale $small_scale)"
t0=$(date +%s.%N)
"$root/build-bench/projectd_make_dataset" --data "$work/big" --scale "$scale" >&2
t1=$(date +%s.%N)
"$root/build-bench/projectd_make_dataset" --data "$work/small" --scale "$small_scale" >&2
dataset_s=$(printf '%.1f' "$(echo "$t1 - $t0" | bc)")
db_mib=$(du -sm "$work/big/projectd.db" | cut -f1)
# shellcheck source=/dev/null
. "$work/small/bench.env"
small_tasks=$BENCH_TASKS small_readable=$BENCH_READABLE_TASKS
# shellcheck source=/dev/null
. "$work/big/bench.env"
export BENCH_EMAIL BENCH_PASSWORD

# --- idle server -------------------------------------------------------------------------------
start_projectd big "$work/big" "${serve_flags[@]}"
port_big=$started_port pid_big=$started_pid
base="http://127.0.0.1:$port_big"
sleep 1
start_kib=$(kib_of "$pid_big" VmRSS)
BENCH_TOKEN=$(sign_in "$port_big")
export BENCH_TOKEN
sleep 2 # Argon2id's working memory goes back to the OS a second after the last hash
idle_kib=$(kib_of "$pid_big" VmRSS)
say "idle RSS $(mib "$start_kib") MiB after the start, $(mib "$idle_kib") MiB after a sign-in"

# --- upload and download (first, so the peak memory is theirs alone) ----------------------------
say "upload and download of $file_mib MiB"
round_trip() {  # file -> "seconds_up seconds_down id"
  local file=$1 name id t0 t1 t2
  name=$(basename "$file")
  t0=$(date +%s.%N)
  id=$(curl -sf -X POST -T "$file" "$base/api/2.0/files/@my/upload" \
    -H "Authorization: $BENCH_TOKEN" -H "Content-Disposition: attachment; filename=\"$name\"" \
    -H 'Content-Type: application/octet-stream' |
    sed 's/.*"id":\([0-9]*\),"title".*/\1/') || die "upload of $name failed"
  t1=$(date +%s.%N)
  curl -sf -o /dev/null -H "Authorization: $BENCH_TOKEN" \
    "$base/Products/Files/HttpHandlers/filehandler.ashx?action=download&fileid=$id" ||
    die "download of $name failed"
  t2=$(date +%s.%N)
  # Checked apart from the timing, so the comparison costs nothing in the timed download.
  curl -sf -H "Authorization: $BENCH_TOKEN" \
    "$base/Products/Files/HttpHandlers/filehandler.ashx?action=download&fileid=$id" |
    cmp -s - "$file" || die "the download of $name differs from the upload"
  echo "$(echo "$t1 - $t0" | bc) $(echo "$t2 - $t1" | bc) $id"
}
head -c $((1024 * 1024)) /dev/urandom >"$work/small.bin"
round_trip "$work/small.bin" >/dev/null
hwm_before_kib=$(kib_of "$pid_big" VmHWM)
head -c $((file_mib * 1024 * 1024)) /dev/urandom >"$work/large.bin"
read -r up_s down_s large_id < <(round_trip "$work/large.bin")
hwm_after_kib=$(kib_of "$pid_big" VmHWM)
# The same bytes as a chunked upload (create_session, then 10 MiB chunks to its location, one after
# another on one connection, each fsynced by the server before its answer), beside the plain upload
# just measured. The chunks are cut from the file before the clock starts: the client's work is not
# the server's.
chunked_upload() {  # file -> seconds
  local file=$1 size location answer id t0 t1 part
  local -a sends=()
  size=$(stat -c %s "$file")
  rm -rf "$work/chunks" && mkdir -p "$work/chunks"
  split -b 10M -d -a 4 "$file" "$work/chunks/c"
  t0=$(date +%s.%N)
  location=$(curl -sf -X POST "$base/api/2.0/files/@my/upload/create_session" \
    -H "Authorization: $BENCH_TOKEN" -H 'Content-Type: application/json' \
    -d "{\"fileName\":\"chunked.bin\",\"fileSize\":$size}" |
    sed 's/.*"location":"\([^"]*\)".*/\1/') || die "create_session failed"
  for part in "$work"/chunks/c*; do
    sends+=(--next -sf -X POST -T "$part" "$location" -H "Authorization: $BENCH_TOKEN"
      -H 'Content-Type: application/octet-stream' -w '\n')
  done
  answer=$(curl --fail-early "${sends[@]:1}" | tail -n 1) || die "a chunk failed"
  t1=$(date +%s.%N)
  rm -rf "$work/chunks"
  id=$(echo "$answer" | sed 's/.*"data":{"id":\([0-9]*\),.*/\1/')
  curl -sf -H "Authorization: $BENCH_TOKEN" \
    "$base/Products/Files/HttpHandlers/filehandler.ashx?action=download&fileid=$id" |
    cmp -s - "$file" || die "the chunked upload differs from its file"
  echo "$t1 - $t0" | bc
}
chunked_s=$(chunked_upload "$work/large.bin")
# A bulk download of the same file: PUT fileops/bulkdownload, GET fileops until the archive is made
# (it is spooled, fsynced and renamed before the operation says finished), then its url downloaded.
# Checked apart from the timing: the archive must unpack to the file's bytes.
bulk_download() {  # file id, file -> seconds
  local id=$1 file=$2 op url t0 t1 polls=0
  t0=$(date +%s.%N)
  op=$(curl -sf -X PUT "$base/api/2.0/files/fileops/bulkdownload" \
    -H "Authorization: $BENCH_TOKEN" -H 'Content-Type: application/json' \
    -d "{\"fileIds\":[$id]}" | grep -o '"id":"[^"]*"' | head -n 1 | cut -d'"' -f4) ||
    die "fileops/bulkdownload failed"
  until url=$(curl -sf -H "Authorization: $BENCH_TOKEN" "$base/api/2.0/files/fileops" |
    grep -o "\"id\":\"$op\",[^{]*\"finished\":true,\"url\":\"[^\"]*\"" |
    sed 's/.*"url":"//; s/"$//'
  ) && [ -n "$url" ]; do
    polls=$((polls + 1))
    [ "$polls" -lt 12000 ] || die "the bulk download did not finish"
    sleep 0.02
  done
  curl -sf -o "$work/bulk.zip" -H "Authorization: $BENCH_TOKEN" "$url" ||
    die "the bulk download's archive failed"
  t1=$(date +%s.%N)
  unzip -p "$work/bulk.zip" | cmp -s - "$file" || die "the bulk download differs from its file"
  rm -f "$work/bulk.zip"
  echo "$t1 - $t0" | bc
}
bulk_s=$(bulk_download "$large_id" "$work/large.bin")
hwm_bulk_kib=$(kib_of "$pid_big" VmHWM)
# Baseline: dd of the same size to the same disk (fsynced like an upload) and back, from the page
# cache (as the download above read the content the upload had just written).
t0=$(date +%s.%N)
dd if="$work/large.bin" of="$work/dd.bin" bs=1M conv=fsync status=none
t1=$(date +%s.%N)
dd if="$work/dd.bin" of=/dev/null bs=1M status=none
t2=$(date +%s.%N)
dd_up_s=$(echo "$t1 - $t0" | bc)
dd_down_s=$(echo "$t2 - $t1" | bc)
# And both reads again from the disk itself, the page cache dropped before each (root only): the
# warm dd copies memory at memory speed, which no HTTP transfer over loopback approaches (nginx
# neither), so the goal compares the two reads of the disk.
drop_caches() { sync && [ -w /proc/sys/vm/drop_caches ] && echo 3 >/proc/sys/vm/drop_caches; }
cold=0
if drop_caches 2>/dev/null; then
  cold=1
  t0=$(date +%s.%N)
  dd if="$work/dd.bin" of=/dev/null bs=1M status=none
  t1=$(date +%s.%N)
  drop_caches
  curl -sf -o /dev/null -H "Authorization: $BENCH_TOKEN" \
    "$base/Products/Files/HttpHandlers/filehandler.ashx?action=download&fileid=$large_id" ||
    die "the download from the disk failed"
  t2=$(date +%s.%N)
  dd_cold_s=$(echo "$t1 - $t0" | bc)
  cold_down_s=$(echo "$t2 - $t1" | bc)
fi
rm -f "$work/dd.bin"
# Kept for nginx to serve later: what a download over loopback HTTP can reach on this machine.
mkdir -p "$work/nginx/www"
mv "$work/large.bin" "$work/nginx/www/large.bin"
mbps() { echo "scale=0; $file_mib * 1048576 / $1 / 1000000" | bc; }
say "chunked upload $(mbps "$chunked_s") MB/s (plain $(mbps "$up_s")), bulk download $(mbps "$bulk_s") MB/s"
say "upload $(mbps "$up_s") MB/s (dd $(mbps "$dd_up_s")), download $(mbps "$down_s") MB/s (dd $(mbps "$dd_down_s")), peak RSS $(mib "$hwm_after_kib") MiB"

# --- GET project/task/{id}: JSON beside nginx, XML beside JSON -------------------------------------
task_url="$base/api/2.0/project/task/$BENCH_TASK_ID"
mkdir -p "$work/nginx/www"
curl -sf -H "Authorization: $BENCH_TOKEN" "$task_url" -o "$work/nginx/www/task.json" ||
  die "GET $task_url failed"
curl -sf -H "Authorization: $BENCH_TOKEN" "$task_url.xml" -o "$work/task.xml" ||
  die "GET $task_url.xml failed"
json_bytes=$(wc -c <"$work/nginx/www/task.json")
xml_bytes=$(wc -c <"$work/task.xml")
grep -q '"subtasks":\[{' "$work/nginx/www/task.json" || die "the bench task has no subtasks"
say "TaskWrapperFull: $json_bytes bytes JSON, $xml_bytes bytes XML"

run_wrk json "$task_url" bench/auth.lua "$pid_big"
run_wrk xml "$task_url.xml" bench/auth.lua "$pid_big"

nginx_port=$(free_port)
chmod 755 "$work" "$work/nginx" "$work/nginx/www"
chmod 644 "$work/nginx/www/task.json"
start_nginx "  sendfile on;
  tcp_nopush on;
  default_type application/json;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/nginx/www;
  }"
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$nginx_port/task.json" -o "$work/nginx.json" && break
  sleep 0.1
done
cmp -s "$work/nginx.json" "$work/nginx/www/task.json" || die "nginx does not serve the task bytes"
mapfile -t nginx_workers < <(pgrep -P "$nginx_pid")
run_wrk nginx "http://127.0.0.1:$nginx_port/task.json" bench/auth.lua "${nginx_workers[@]}"
chmod 644 "$work/nginx/www/large.bin"
t0=$(date +%s.%N)
curl -sf -o /dev/null "http://127.0.0.1:$nginx_port/large.bin" || die "nginx did not serve large.bin"
t1=$(date +%s.%N)
nginx_down_s=$(echo "$t1 - $t0" | bc)
rm -f "$work/nginx/www/large.bin"
stop_pid "$nginx_pid"

# --- GET project/task/filter?count=100 at 100x the data -------------------------------------------
start_projectd small "$work/small" "${serve_flags[@]}"
port_small=$started_port pid_small=$started_pid
small_token=$(sign_in "$port_small")
BENCH_TOKEN=$small_token run_wrk filter_small \
  "http://127.0.0.1:$port_small/api/2.0/project/task/filter?count=100" bench/auth.lua "$pid_small"
run_wrk filter_big "$base/api/2.0/project/task/filter?count=100" bench/auth.lua "$pid_big"

# --- GET a random task, response cache on and off, on both data sets ------------------------------
# bench/random_task.lua GETs a task drawn at random from the data set's tasks.txt (every task the
# user may read) at every request. Response cache on: the default 16 MiB, which holds the small
# set's answers but not the big one's. Off (--response-cache-mb 0): every answer is a task load
# and its rendering, on a server of its own on the same data set (SQLite: one store, two processes).
BENCH_TASK_IDS="$work/small/tasks.txt" BENCH_TOKEN=$small_token run_wrk random_cache_small \
  "http://127.0.0.1:$port_small" bench/random_task.lua "$pid_small"
stop_pid "$pid_small"
start_projectd small_nocache "$work/small" "${serve_flags[@]}" --response-cache-mb 0
BENCH_TASK_IDS="$work/small/tasks.txt" BENCH_TOKEN=$small_token run_wrk random_nocache_small \
  "http://127.0.0.1:$started_port" bench/random_task.lua "$started_pid"
stop_pid "$started_pid"
start_projectd big_nocache "$work/big" "${serve_flags[@]}" --response-cache-mb 0
BENCH_TASK_IDS="$work/big/tasks.txt" run_wrk random_nocache_big \
  "http://127.0.0.1:$started_port" bench/random_task.lua "$started_pid"
stop_pid "$started_pid"
BENCH_TASK_IDS="$work/big/tasks.txt" run_wrk random_cache_big "$base" bench/random_task.lua \
  "$pid_big"

# --- attach/detach beside an fsync loop ---------------------------------------------------------
t0=$(date +%s.%N)
dd if=/dev/zero of="$work/dsync.bin" bs=4k count="$dsync_count" oflag=dsync status=none
t1=$(date +%s.%N)
rm -f "$work/dsync.bin"
fsync_rate=$(echo "scale=0; $dsync_count / ($t1 - $t0)" | bc)
say "fsync loop: $fsync_rate writes/s"
# The warm-ups walk other pairs than the measured runs, so each measured run starts from pairs
# that are all detached and every one of its writes changes something (an unchanged attach or
# detach would commit nothing and cost no fsync): three fifths of the pairs for the attach/detach
# run, the fourth fifth for its warm-up.
pairs=$(wc -l <"$work/big/attach_pairs.txt")
head -n $((pairs * 3 / 5)) "$work/big/attach_pairs.txt" >"$work/pairs-run.txt"
sed -n "$((pairs * 3 / 5 + 1)),$((pairs * 4 / 5))p" "$work/big/attach_pairs.txt" \
  >"$work/pairs-warm.txt"
BENCH_PAIRS="$work/pairs-run.txt" BENCH_WARM_PAIRS="$work/pairs-warm.txt" \
  BENCH_WRK_THREADS=$threads run_wrk attach "$base" bench/attach_detach.lua "$pid_big"

# --- 90 % GET a random task + 10 % attach/detach, response cache on -----------------------------
# bench/mix.lua on the small data set (1,000 tasks of 10 projects, as issue 20 measured it; the
# default 16 MiB cache holds its answers, not the big set's): every tenth request of a thread is
# its next attach or detach, the others GET a random task. A write ends only the cached answers of
# its task (docs/architecture.md, "Caches and change scopes"). The warm-up walks a third of the
# small set's pairs, the run the rest, so every measured write changes something.
small_pairs=$(wc -l <"$work/small/attach_pairs.txt")
head -n $((small_pairs / 3)) "$work/small/attach_pairs.txt" >"$work/pairs-mix-warm.txt"
tail -n +$((small_pairs / 3 + 1)) "$work/small/attach_pairs.txt" >"$work/pairs-mix.txt"
start_projectd small_mix "$work/small" "${serve_flags[@]}"
BENCH_TASK_IDS="$work/small/tasks.txt" BENCH_PAIRS="$work/pairs-mix.txt" \
  BENCH_WARM_PAIRS="$work/pairs-mix-warm.txt" BENCH_WRK_THREADS=$threads BENCH_TOKEN=$small_token \
  run_wrk mix "http://127.0.0.1:$started_port" bench/mix.lua "$started_pid"
stop_pid "$started_pid"
mix_split mix

# --- sign-in beside projectd's own Argon2id ------------------------------------------------------
# As many connections as the hashing queue admits (four per hashing thread, two threads): more
# would be answered 503 at once and count as answers.
connections=8 run_wrk login "$base/api/2.0/authentication" bench/login.lua "$pid_big"
read -r argon2_rate argon2_ms < <("$root/build-bench/projectd_argon2_rate" --seconds "$duration")
say "Argon2id verify (pool of 2): $argon2_rate/s, $argon2_ms ms CPU each"

# --- signed-in GET alone and during a sign-in flood -------------------------------------------
# GET api/2.0/project on the small data set with the response cache off, so every GET needs a
# request worker and the store. Measured alone, then while wrk floods sign-ins for unknown user
# names over more connections than the server has request workers (four per core plus 32): the
# hashing queue (four per hashing thread) answers the excess 503 at once, so the GETs find free
# workers. The GETs run over 8 connections.
# --sign-in-failures-per-address 0: the flood comes from one address, and after 20 failures the
# per-address sign-in limit would answer every sign-in 429 at once, without queueing or hashing.
start_projectd flood "$work/small" "${serve_flags[@]}" --response-cache-mb 0 \
  --sign-in-failures-per-address 0
port_flood=$started_port pid_flood=$started_pid
flood_token=$(sign_in "$port_flood")
projects_url="http://127.0.0.1:$port_flood/api/2.0/project"
flood_connections=$((4 * cores + 48))
BENCH_TOKEN=$flood_token connections=8 run_wrk get_alone "$projects_url" bench/auth.lua "$pid_flood"
wrk -t2 -c"$flood_connections" -d"$((warmup + duration + 2))s" --timeout 30s -s bench/flood.lua \
  "http://127.0.0.1:$port_flood/api/2.0/authentication" >"$work/wrk-flood.txt" &
flood_pid=$!
sleep 1
BENCH_TOKEN=$flood_token connections=8 run_wrk get_flood "$projects_url" bench/auth.lua "$pid_flood"
wait "$flood_pid" || die "the sign-in flood failed: $(cat "$work/wrk-flood.txt")"
stop_pid "$pid_flood"
read -r flood_401 flood_503 flood_other < <(awk '/^flood:/ {print $2, $4, $6}' "$work/wrk-flood.txt")
flood_rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$work/wrk-flood.txt")
say "flood: $flood_rps sign-ins/s, $flood_401 answered 401, $flood_503 answered 503, $flood_other other"

after_kib=$(kib_of "$pid_big" VmRSS)
final_hwm_kib=$(kib_of "$pid_big" VmHWM)

# --- the table ----------------------------------------------------------------------------------
# CPU per request (the server's CPU time over its answers) does not depend on how much of the
# machine other work takes, unlike req/s: the fairer figure on a shared machine.
cpu_us() { echo "scale=0; ${cpu[$1]} * 10000 / ${rps[$1]}" | bc; }
lat() {
  echo "${rps[$1]} req/s, p50 ${p50[$1]} ms, p99 ${p99[$1]} ms; CPU ${cpu[$1]}%, $(cpu_us "$1") us/req"
}
json_vs_nginx=$(ratio "${rps[json]}" "${rps[nginx]}")
xml_vs_json=$(ratio "${rps[xml]}" "${rps[json]}")
filter_slowdown=$(ratio "${rps[filter_small]}" "${rps[filter_big]}")
random_slowdown=$(ratio "${rps[random_nocache_small]}" "${rps[random_nocache_big]}")
of_nginx() { ratio "${rps[$1]}" "${rps[nginx]}"; }
nginx_base="nginx, one task's JSON ($json_bytes B) as a static file: ${rps[nginx]} req/s"
random_label="GET project/task/{id}, a random task of the"
attach_vs_fsync=$(ratio "${rps[attach]}" "$fsync_rate")
login_ms=$(echo "scale=1; $(cpu_us login) / 1000" | bc)
argon2_share=$(ratio "$argon2_ms" "$login_ms")
up_ratio=$(ratio "$dd_up_s" "$up_s")
chunked_ratio=$(ratio "$up_s" "$chunked_s")
# The archive is the file's bytes written once (fsynced) and read once: dd's write and read of them.
dd_bulk_s=$(echo "$dd_up_s + $dd_down_s" | bc)
bulk_ratio=$(ratio "$dd_bulk_s" "$bulk_s")
down_ratio=$(ratio "$dd_down_s" "$down_s")
if [ "$cold" = 1 ]; then
  cold_ratio=$(ratio "$dd_cold_s" "$cold_down_s")
  download_row="$(mbps "$cold_down_s") MB/s from the disk ($(mbps "$down_s") MB/s from the page cache) | dd to /dev/null from the disk: $(mbps "$dd_cold_s") MB/s (from the page cache: $(mbps "$dd_down_s") MB/s; nginx, same file over loopback from the page cache: $(mbps "$nginx_down_s") MB/s) | $cold_ratio (page cache: $down_ratio; of nginx: $(ratio "$nginx_down_s" "$down_s")) | >= 0.5 | $(yes_no "$cold_ratio >= 0.5")"
else
  download_row="$(mbps "$down_s") MB/s | dd to /dev/null: $(mbps "$dd_down_s") MB/s, both from the page cache (not root: no cold read) (nginx, same file over loopback: $(mbps "$nginx_down_s") MB/s) | $down_ratio (of nginx: $(ratio "$nginx_down_s" "$down_s")) | >= 0.5 | $(yes_no "$down_ratio >= 0.5")"
fi
peak_mib=$(mib "$hwm_after_kib")
idle_mib=$(mib "$idle_kib")
errors=0
for name in "${!bad[@]}"; do errors=$((errors + ${bad[$name]})); done

cat <<EOF

## projectd bench ($([ "$quick" = 1 ] && echo quick || echo full)), $(date -u +%Y-%m-%dT%H:%MZ)

Machine: $cores cores ($(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)), $(uname -r).
Data set: $BENCH_PROJECTS projects, $BENCH_TASKS tasks, $BENCH_SUBTASKS subtasks, $BENCH_FILES files,
$BENCH_ATTACHMENTS attachments, $BENCH_MILESTONES milestones, $BENCH_USERS users; made in ${dataset_s} s,
database $db_mib MiB. wrk -t$threads -c$connections -d${duration}s after a ${warmup}s warm-up, on loopback;
CPU: the server's (nginx's workers') CPU time over the run in % of one core ($cores cores in all, shared
with wrk and with other work on this machine), and per answer.

| scenario | projectd | baseline (same run) | ratio | goal | met |
|---|---|---|---|---|---|
| GET project/task/{id}, JSON ($json_bytes B) | $(lat json) | nginx static file: $(lat nginx) | $json_vs_nginx | >= 0.5, p99 < 10 ms | $(yes_no "$json_vs_nginx >= 0.5 && ${p99[json]} < 10") |
| the same in XML ($xml_bytes B) | $(lat xml) | JSON: ${rps[json]} req/s | $xml_vs_json | >= 0.8 | $(yes_no "$xml_vs_json >= 0.8") |
| GET project/task/filter?count=100 | at $BENCH_TASKS tasks: $(lat filter_big) | at $small_tasks tasks: $(lat filter_small) | $filter_slowdown x slower | <= 1.5 x | $(yes_no "$filter_slowdown <= 1.5") |
| $random_label $small_readable readable of $small_tasks tasks$([ "$quick" = 1 ] && echo " (quick: the small set is 1 project)"), response cache off (mean answer ${bytes[random_nocache_small]} B) | $(lat random_nocache_small) | $nginx_base | $(of_nginx random_nocache_small) | >= 0.3 | $(yes_no "$(of_nginx random_nocache_small) >= 0.3") |
| $random_label $BENCH_READABLE_TASKS readable of $BENCH_TASKS tasks, response cache off (mean answer ${bytes[random_nocache_big]} B) | $(lat random_nocache_big) | $nginx_base | $(of_nginx random_nocache_big) | >= 0.3 | $(yes_no "$(of_nginx random_nocache_big) >= 0.3") |
| GET a random task, response cache off, at 100x the data | at $BENCH_TASKS tasks: ${rps[random_nocache_big]} req/s | at $small_tasks tasks: ${rps[random_nocache_small]} req/s | $random_slowdown x slower | <= 1.5 x | $(yes_no "$random_slowdown <= 1.5") |
| $random_label $small_readable readable of $small_tasks tasks, response cache on (16 MiB), no writes | $(lat random_cache_small) | $nginx_base | $(of_nginx random_cache_small) | >= 0.3 | $(yes_no "$(of_nginx random_cache_small) >= 0.3") |
| $random_label $BENCH_READABLE_TASKS readable of $BENCH_TASKS tasks, response cache on (16 MiB, less than the answers), no writes | $(lat random_cache_big) | $nginx_base | $(of_nginx random_cache_big) | >= 0.3 | $(yes_no "$(of_nginx random_cache_big) >= 0.3") |
| 90 % GET a random task of $small_readable readable of $small_tasks + 10 % attach/detach (durable), response cache on | $(lat mix): $reads_rps reads/s + $writes_rps writes/s | $nginx_base | $(of_nginx mix) | >= 0.3 | $(yes_no "$(of_nginx mix) >= 0.3") |
| POST + DELETE project/task/{id}/files | $(lat attach) | dd oflag=dsync 4 KiB: $fsync_rate writes/s | $attach_vs_fsync | >= 2000 ops/s | $(yes_no "${rps[attach]} >= 2000") |
| GET api/2.0/project (no response cache) during a sign-in flood for unknown names ($flood_connections connections, $flood_rps sign-ins/s: $flood_401 hashed and 401, $flood_503 refused 503, $flood_other other) | $(lat get_flood) | alone: $(lat get_alone) | p99 $(ratio "${p99[get_flood]}" "${p99[get_alone]}") x alone | every GET answered 2xx | $(yes_no "${bad[get_flood]} == 0 && $flood_other == 0") |
| POST api/2.0/authentication | $(lat login) | projectd's Argon2id verify alone, pool of 2: $argon2_rate/s, $argon2_ms ms CPU each | Argon2 is $argon2_share of a sign-in's CPU | Argon2-bound | $(yes_no "$argon2_share >= 0.8") |
| upload $file_mib MiB | $(mbps "$up_s") MB/s | dd conv=fsync: $(mbps "$dd_up_s") MB/s | $up_ratio | >= 0.5 | $(yes_no "$up_ratio >= 0.5") |
| chunked upload $file_mib MiB, 10 MiB chunks | $(mbps "$chunked_s") MB/s | plain upload: $(mbps "$up_s") MB/s | $chunked_ratio | >= 0.5 | $(yes_no "$chunked_ratio >= 0.5") |
| bulk download $file_mib MiB (zip made, then downloaded) | $(mbps "$bulk_s") MB/s | dd conv=fsync then dd read of the same bytes: $(mbps "$dd_bulk_s") MB/s | $bulk_ratio (server peak RSS after it: $(mib "$hwm_bulk_kib") MiB) | >= 0.5 | $(yes_no "$bulk_ratio >= 0.5") |
| download $file_mib MiB | $download_row |
| server peak RSS over the up/download | $peak_mib MiB (after a 1 MiB round trip: $(mib "$hwm_before_kib") MiB) | - | - | < 64 MiB | $(yes_no "$peak_mib < 64") |
| idle server RSS, data set open | $idle_mib MiB after one sign-in ($(mib "$start_kib") MiB right after the start) | - | - | < 30 MiB | $(yes_no "$idle_mib < 30") |

After every scenario: RSS $(mib "$after_kib") MiB, peak $(mib "$final_hwm_kib") MiB. Errors (non-2xx
answers and socket errors) over all wrk runs: $errors.
EOF
