#!/usr/bin/env bash
# Streams a large file up to projectd and back down, and reports the server's peak memory
# (VmHWM) against a baseline measured in the same run after a 1 MiB round trip, so the ratio says
# whether memory grows with the size of a file (it must stay near 1). Also checks the download is
# byte-identical and reports upload/download throughput against a local `cp` of the same file.
#
#   bash bench/upload_memory.sh [SIZE_MIB]   (default 1024; needs build/projectd)
set -euo pipefail

size_mib=${1:-1024}
root=$(cd "$(dirname "$0")/.." && pwd)
binary=${PROJECTD_BINARY:-$root/build/projectd}
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT

port=18$((RANDOM % 900 + 100))
PROJECTD_ADMIN_EMAIL=bench@example.com PROJECTD_ADMIN_PASSWORD=bench-password-1 \
  "$binary" serve --listen 127.0.0.1:$port --data "$work/data" --max-upload-mb $((size_mib + 16)) \
  --body-timeout-ms 600000 --log-level warn >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

token=$(curl -s -X POST "http://127.0.0.1:$port/api/2.0/authentication" \
  -H 'Content-Type: application/json' \
  -d '{"userName":"bench@example.com","password":"bench-password-1"}' |
  sed 's/.*"token":"\([^"]*\)".*/\1/')

peak_kib() { awk '/VmHWM/ {print $2}' "/proc/$server/status"; }
round_trip() {  # file -> seconds up, seconds down
  local file=$1 name id t0 t1 t2
  name=$(basename "$file")
  t0=$(date +%s.%N)
  id=$(curl -s -X POST "http://127.0.0.1:$port/api/2.0/files/@my/upload" \
    -H "Authorization: $token" -H "Content-Disposition: attachment; filename=\"$name\"" \
    -H 'Content-Type: application/octet-stream' --data-binary "@$file" |
    sed 's/.*"id":\([0-9]*\),"title".*/\1/')
  t1=$(date +%s.%N)
  curl -s -o "$work/down.bin" -H "Authorization: $token" \
    "http://127.0.0.1:$port/Products/Files/HttpHandlers/filehandler.ashx?action=download&fileid=$id"
  t2=$(date +%s.%N)
  cmp -s "$file" "$work/down.bin" || { echo "download of $name differs" >&2; exit 1; }
  echo "$(echo "$t1 - $t0" | bc) $(echo "$t2 - $t1" | bc)"
}

head -c $((1024 * 1024)) /dev/urandom >"$work/small.bin"
round_trip "$work/small.bin" >/dev/null
baseline=$(peak_kib)

head -c $((size_mib * 1024 * 1024)) /dev/urandom >"$work/large.bin"
t0=$(date +%s.%N); cp "$work/large.bin" "$work/copy.bin"; sync "$work/copy.bin"; t1=$(date +%s.%N)
copy_s=$(echo "$t1 - $t0" | bc)
rm -f "$work/copy.bin"
read -r up_s down_s < <(round_trip "$work/large.bin")
peak=$(peak_kib)

printf '| %s MiB | %s KiB | %s KiB | %.2f | %.2f | %.2f |\n' "$size_mib" "$baseline" "$peak" \
  "$(echo "$peak / $baseline" | bc -l)" "$(echo "$up_s / $copy_s" | bc -l)" \
  "$(echo "$down_s / $copy_s" | bc -l)"
