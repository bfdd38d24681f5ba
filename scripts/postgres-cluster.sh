#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests, reachable only through a unix socket in DIR.
#
#   scripts/postgres-cluster.sh start DIR   initdb DIR/data (trust auth), start the server on port
#                                            5433 with its socket in DIR and its log in DIR/log, and
#                                            print nothing but its base URL on stdout:
#                                            postgresql://postgres@/postgres?host=DIR&port=5433
#   scripts/postgres-cluster.sh stop DIR    stop it (immediately: nothing in it is worth a checkpoint)
#                                            and remove DIR/data
#
# Run as root, the server runs as the postgres OS user and DIR is handed to it; otherwise it runs as
# the current user. Durability is off (fsync, synchronous_commit, full_page_writes): a crash loses
# the cluster, which a test throws away anyway. PROJECTD_PG_DURABLE=1 keeps PostgreSQL's durable
# defaults (the benchmarks compare durable commits with durable commits). Two clusters in different DIRs can run at once.
set -euo pipefail

bin=/usr/lib/postgresql/15/bin
port=5433

usage() {
  echo "usage: $0 start|stop DIR" >&2
  exit 2
}

[[ $# -eq 2 ]] || usage
command=$1
dir=$2
case $dir in
  *\'* | *\"*) echo "$0: DIR must not contain quotes: $dir" >&2; exit 2 ;;
esac

for tool in initdb pg_ctl pg_isready; do
  if [[ ! -x $bin/$tool ]]; then
    echo "$0: $bin/$tool not found: install PostgreSQL 15's server (apt-get install postgresql-15)" >&2
    exit 1
  fi
done

# as_server COMMAND...: runs COMMAND as the user the server runs as.
if [[ $(id -u) -eq 0 ]]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "$0: running as root needs the postgres OS user (made by the postgresql-15 package)" >&2
    exit 1
  fi
  as_server() { runuser -u postgres -- "$@"; }
else
  as_server() { "$@"; }
fi

# The socket directory must be an absolute path: it is the URL's host.
mkdir -p "$dir"
dir=$(cd "$dir" && pwd -P)
data=$dir/data
log=$dir/log

# url_encode TEXT: TEXT percent-encoded for a URI query value (path characters kept).
url_encode() {
  local text=$1 out='' c i
  for ((i = 0; i < ${#text}; i++)); do
    c=${text:i:1}
    case $c in
      [A-Za-z0-9/._~-]) out+=$c ;;
      *) printf -v c '%%%02X' "'$c"; out+=$c ;;
    esac
  done
  printf '%s' "$out"
}

start() {
  if [[ -e $data ]]; then
    echo "$0: $data already exists; run: $0 stop $dir" >&2
    exit 1
  fi
  : >>"$log"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$dir" "$log"  # the server writes both
  fi
  # Others (the tests, any client user) must reach the socket inside DIR.
  chmod 0755 "$dir"

  # Debian 12's initdb knows C.UTF-8; older builds only take C with an explicit encoding.
  if ! as_server "$bin/initdb" -D "$data" -A trust -U postgres --locale=C.UTF-8 --encoding=UTF8 \
      >>"$log" 2>&1; then
    rm -rf "$data"
    if ! as_server "$bin/initdb" -D "$data" -A trust -U postgres -E UTF8 --locale=C >>"$log" 2>&1; then
      echo "$0: initdb failed; the end of $log:" >&2
      tail -n 20 "$log" >&2
      exit 1
    fi
  fi

  # pg_ctl hands -o to a shell: the single quotes keep DIR and the empty listen_addresses whole.
  local options="-k '$dir' -p $port -c listen_addresses='' -c max_connections=200"
  options+=" -c shared_buffers=128MB"
  if [[ ${PROJECTD_PG_DURABLE:-0} != 1 ]]; then
    options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  fi
  if ! as_server "$bin/pg_ctl" -D "$data" -o "$options" -l "$log" -w -t 60 start >/dev/null; then
    echo "$0: the server did not start; the end of $log:" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
  # pg_ctl -w returns once the server accepts connections; check through the socket anyway.
  if ! "$bin/pg_isready" -q -h "$dir" -p "$port" -U postgres -t 30; then
    echo "$0: the server started but does not answer on $dir/.s.PGSQL.$port" >&2
    exit 1
  fi
  echo "postgresql://postgres@/postgres?host=$(url_encode "$dir")&port=$port"
}

stop() {
  if [[ -f $data/postmaster.pid ]]; then
    # A server that already died leaves its pid file: stopping it then fails, and removing the
    # data is still right.
    as_server "$bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 ||
      echo "$0: pg_ctl stop failed (was the server running?); removing $data anyway" >&2
  fi
  rm -rf "$data"
}

case $command in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
