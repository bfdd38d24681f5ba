# Shell functions bench/run.sh and bench/soak.sh share: messages, the Release build, the temp
# directory with the processes to stop at exit, servers, sign-in, process figures.
# Source it from the repository's root with `script_name` set (for messages).

say() { printf '== %s\n' "$*" >&2; }
die() {
  printf 'bench/%s: %s\n' "${script_name:-bench}" "$*" >&2
  exit 1
}

# build_bench TARGET...: the Release build in build-bench/ with the bench tools.
build_bench() {
  say "Release build in build-bench/"
  local generator=() launcher=()
  command -v ninja >/dev/null && generator=(-G Ninja)
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S . -B build-bench "${generator[@]}" "${launcher[@]}" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_UNITY_BUILD=ON -DPROJECTD_TESTS=OFF -DPROJECTD_BENCH=ON >/dev/null
  cmake --build build-bench -j "${BENCH_JOBS:-$(nproc)}" --target "$@" >&2
}

# make_work_dir: sets `work` (removed at exit unless BENCH_KEEP=1) and `pids` (stopped at exit).
make_work_dir() {
  work=$(mktemp -d "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}/projectd-bench.XXXXXX")
  pids=()
  trap cleanup EXIT
}
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [ "${BENCH_KEEP:-0}" = 1 ]; then
    echo "kept $work" >&2
  else
    rm -rf "$work"
  fi
}

# A free loopback port: nothing answers a connect there.
free_port() {
  local port
  for _ in $(seq 200); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
  die "no free port found"
}

# find_nginx: sets nginx_bin, or dies naming the script that installs it.
find_nginx() {
  nginx_bin=$(command -v nginx || true)
  [ -n "$nginx_bin" ] || [ ! -x /usr/sbin/nginx ] || nginx_bin=/usr/sbin/nginx
  [ -n "$nginx_bin" ] || die "nginx is missing: run bash bench/install-bench-deps.sh"
}

# start_nginx HTTP_BLOCK: nginx from $work/nginx as every bench runs it (a worker per core, no
# access log, keep-alive without a request limit, each temporary path inside $work), with
# HTTP_BLOCK (servers, upstreams, settings) inside its http block. Sets nginx_pid, stopped at exit.
start_nginx() {
  mkdir -p "$work/nginx"
  chmod 755 "$work" "$work/nginx"
  cat >"$work/nginx/nginx.conf" <<EOF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
$1
}
EOF
  "$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" \
    -g 'daemon off;' &
  nginx_pid=$!
  pids+=("$nginx_pid")
}

kib_of() { awk -v k="$2" '$1 == k":" {print $2}' "/proc/$1/status"; }
mib() { echo "scale=1; $1 / 1024" | bc; }
# CPU seconds used so far by a process and its threads (utime + stime).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# start_projectd NAME DATA_DIR [FLAG...]: starts `$binary serve` (warn-level log in
# $work/NAME.log) and waits for /healthz; sets started_port and started_pid.
start_projectd() {
  local name=$1 data=$2 port pid
  shift 2
  port=$(free_port)
  "$binary" serve --listen "127.0.0.1:$port" --data "$data" --log-level warn "$@" \
    >"$work/$name.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  for _ in $(seq 300); do
    curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break
    kill -0 "$pid" 2>/dev/null || die "projectd ($name) did not start: $(cat "$work/$name.log")"
    sleep 0.1
  done
  started_port=$port
  started_pid=$pid
}

stop_pid() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

sign_in() {  # port -> token of BENCH_EMAIL
  local answer
  answer=$(curl -sf -X POST "http://127.0.0.1:$1/api/2.0/authentication" \
    -H 'Content-Type: application/json' \
    -d "{\"userName\":\"$BENCH_EMAIL\",\"password\":\"$BENCH_PASSWORD\"}") ||
    die "sign-in on port $1 failed"
  answer=${answer#*\"token\":\"}
  echo "${answer%%\"*}"
}

# run_wrk NAME URL SCRIPT CPU_PIDS...: a warm-up, then the measured run (wrk -t$threads
# -c$connections, $warmup and $duration seconds, output in $work/wrk-NAME.txt). Sets rps[NAME],
# p50[NAME], p99[NAME] (ms), bad[NAME] (non-2xx answers plus socket errors), cpu[NAME] (the
# CPU the given processes used, in % of one core) and bytes[NAME] (mean bytes read per answer,
# headers included, from wrk's rounded total).
declare -A rps p50 p99 bad cpu bytes
to_ms() {  # wrk latency (850.00us, 1.23ms, 2.00s) -> ms
  awk -v v="$1" 'BEGIN {
    n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
    if (u == "us") n /= 1000; else if (u == "s") n *= 1000; else if (u == "m") n *= 60000
    printf "%.2f", n }'
}
run_wrk() {
  local name=$1 url=$2 script=$3 out="$work/wrk-$1.txt" before after t0 t1 pid
  shift 3
  BENCH_PAIRS=${BENCH_WARM_PAIRS:-${BENCH_PAIRS:-}} \
    wrk -t"$threads" -c"$connections" -d"${warmup}s" --timeout 30s -s "$script" "$url" >/dev/null
  before=0
  for pid in "$@"; do before=$((before + $(cpu_ticks "$pid"))); done
  t0=$(date +%s.%N)
  wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout 30s --latency -s "$script" \
    "$url" >"$out"
  t1=$(date +%s.%N)
  after=0
  for pid in "$@"; do after=$((after + $(cpu_ticks "$pid"))); done
  rps[$name]=$(awk '/^Requests\/sec:/ {printf($2 < 100 ? "%.1f" : "%.0f", $2)}' "$out")
  p50[$name]=$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")
  p99[$name]=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
  bad[$name]=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {
      for (i = 3; i <= NF; i++) { v = $i; gsub(/,/, "", v); if (v ~ /^[0-9]+$/) n += v } }
    END {print n + 0}' "$out")
  cpu[$name]=$(echo "($after - $before) * 100 / $clk_tck / ($t1 - $t0)" | bc)
  bytes[$name]=$(awk '/ requests in .* read$/ {
      v = $(NF - 1); n = v + 0; u = v; sub(/^[0-9.]+/, "", u)
      m = u == "KB" ? 1024 : u == "MB" ? 1048576 : u == "GB" ? 1073741824 : u == "TB" ? 1099511627776 : 1
      if ($1 > 0) printf "%.0f", n * m / $1 }' "$out")
  say "$name: ${rps[$name]} req/s, p50 ${p50[$name]} ms, p99 ${p99[$name]} ms, errors ${bad[$name]}, CPU ${cpu[$name]}%"
}

# mix_split NAME: bench/mix.lua's reads and writes of run NAME per second: rps[NAME] split by the
# share of each kind among the requests the script sent (its done() line). Sets reads_rps and
# writes_rps.
mix_split() {
  local sent_reads sent_writes
  read -r sent_reads sent_writes < <(awk '/^mix:/ {print $3, $5}' "$work/wrk-$1.txt")
  reads_rps=$(echo "scale=0; ${rps[$1]} * $sent_reads / ($sent_reads + $sent_writes)" | bc)
  writes_rps=$(echo "scale=0; ${rps[$1]} * $sent_writes / ($sent_reads + $sent_writes)" | bc)
}

ratio() { echo "scale=3; $1 / $2" | bc | sed 's/^\./0./'; }
yes_no() { if [ "$(echo "$1" | bc)" = 1 ]; then echo yes; else echo "**no**"; fi; }
