#!/usr/bin/env bash
# Builds the Debian package from a configured Release build directory (default build/, which
# scripts/run-tests.sh has just compiled) and checks it the way an operator would meet it
# (docs/packaging.md, "How CI checks the package"): lintian finds no error, the installed unit
# passes `systemd-analyze verify`, `dpkg -i` makes the user, directories and conffile, the unit's
# own ExecStart runs as the unit's User with the unit's Environment, it answers and a sign-in
# works with the first administrator's password as the server printed it (what an operator reads
# with journalctl), and `dpkg --purge` leaves the machine as it was. Needs root (dpkg -i); a
# developer's own run as another user says so and skips. Idempotent: a second run passes too.
#
# The machine's systemd is not used (PID 1 is not systemd on CI): the sandboxing of the unit is
# not exercised here, only its command, user and environment.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}

if [ "$(id -u)" -ne 0 ]; then
  echo "skipped: installing the package needs root (CI runs as root)"
  exit 0
fi
if dpkg-query -W -f='${Status}' projectd 2>/dev/null | grep -q 'ok installed'; then
  echo "projectd is installed on this machine: this check would replace and purge it; remove it first" >&2
  exit 1
fi
if [ -e /var/lib/projectd ] && [ -n "$(ls -A /var/lib/projectd)" ]; then
  echo "/var/lib/projectd holds data: this check would use it; move it away first" >&2
  exit 1
fi

work=$(mktemp -d)
user_existed=no
getent passwd projectd >/dev/null && user_existed=yes
server_pid=
lintian_pid=
cleanup() {
  if [ -n "$lintian_pid" ]; then kill "$lintian_pid" 2>/dev/null || true; fi
  if [ -n "$server_pid" ]; then kill -KILL "$server_pid" 2>/dev/null || true; fi
  dpkg --purge projectd >/dev/null 2>&1 || true
  rm -rf /var/lib/projectd "$work"
  if [ "$user_existed" = no ] && getent passwd projectd >/dev/null; then
    deluser --quiet --system projectd >/dev/null 2>&1 || true
    getent group projectd >/dev/null && delgroup --quiet --system projectd >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
fail() {
  echo "check-package: $*" >&2
  exit 1
}

# The package, from the binary already built (cpack runs the install rules of
# cmake/packaging.cmake, strips, and asks dpkg-shlibdeps for Depends).
rm -f "$build"/projectd_*.deb
(cd "$build" && cpack -G DEB >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack failed"; }
deb=$(ls "$build"/projectd_*_amd64.deb)
echo "built $deb"
dpkg-deb --field "$deb" Version Depends | sed 's/^/  /'
# libvips is opened at run time, so dpkg-shlibdeps cannot see it: cmake/packaging.cmake names it.
dpkg-deb --field "$deb" Depends | grep -q 'libvips[0-9]' || fail "Depends does not name libvips"

# lintian only reads the .deb: it runs while the package is installed and started (a third of the
# check's time), and its verdict is taken at the end.
lintian --fail-on error "$deb" >"$work/lintian.log" 2>&1 &
lintian_pid=$!

dpkg -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg -i failed"; }
unit=/lib/systemd/system/projectd.service
systemd-analyze verify "$unit" || fail "systemd-analyze verify $unit failed"

# What the package installed.
[ "$(getent passwd projectd | cut -d: -f6)" = /var/lib/projectd ] || fail "no projectd user with home /var/lib/projectd"
getent group projectd >/dev/null || fail "no projectd group"
[ "$(stat -c '%U:%G %a' /var/lib/projectd)" = "projectd:projectd 750" ] ||
  fail "/var/lib/projectd is $(stat -c '%U:%G %a' /var/lib/projectd), not projectd:projectd 750"
[ "$(stat -c '%U:%G %a' /etc/projectd/projectd.conf)" = "root:projectd 640" ] ||
  fail "/etc/projectd/projectd.conf is $(stat -c '%U:%G %a' /etc/projectd/projectd.conf)"
dpkg-query -W -f='${Conffiles}' projectd | grep -q '/etc/projectd/projectd.conf' ||
  fail "/etc/projectd/projectd.conf is not a conffile"
grep -qx 'data = "/var/lib/projectd"' /etc/projectd/projectd.conf || fail "the conffile does not set data"
[ ! -e /etc/systemd/system/multi-user.target.wants/projectd.service ] ||
  fail "installing enabled the service (the operator enables it once configured)"
readelf -S /usr/bin/projectd | grep -q '\.symtab' && fail "/usr/bin/projectd is not stripped"
[ -f /usr/share/doc/projectd/copyright ] && [ -f /usr/share/doc/projectd/changelog.Debian.gz ] ||
  fail "copyright or changelog.Debian.gz missing"

# The unit's own command, user and environment (read from the installed file, never repeated
# here), on a free port: PROJECTD_LISTEN wins over the file's listen.
unit_value() { sed -n "s/^$1=//p" "$unit"; }
exec_start=$(unit_value ExecStart)
run_user=$(unit_value User)
run_group=$(unit_value Group)
read -r -a unit_env <<<"$(unit_value Environment | tr '\n' ' ')"  # each line may set several
[ -n "$exec_start" ] && [ -n "$run_user" ] && [ -n "$run_group" ] || fail "cannot read ExecStart/User/Group of $unit"
read -r -a command <<<"$exec_start"
(
  umask "$(unit_value UMask)"
  cd /
  exec env -i PATH=/usr/bin:/bin "${unit_env[@]}" PROJECTD_LISTEN=127.0.0.1:0 \
    setpriv --reuid="$run_user" --regid="$run_group" --init-groups --no-new-privs -- "${command[@]}"
) >"$work/server.log" 2>&1 &
server_pid=$!

port=
for _ in $(seq 1 200); do
  port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/server.log" | head -1)
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; fail "the server ended at start"; }
  sleep 0.1
done
[ -n "$port" ] || { cat "$work/server.log"; fail "the server did not start listening"; }
echo "the unit's ExecStart runs as $run_user on port $port"

# The first administrator, as the README tells an operator: the user name and the generated
# password printed once on the first start (under systemd: `journalctl -u projectd`).
admin_email=$(sed -n 's/^  user name: //p' "$work/server.log")
admin_password=$(sed -n 's/^  password:  \([^ ]*\) .*/\1/p' "$work/server.log")
[ -n "$admin_email" ] && [ -n "$admin_password" ] || { cat "$work/server.log"; fail "no first administrator printed"; }
base=http://127.0.0.1:$port/api/2.0
token=$(curl -sf -X POST "$base/authentication" -H 'Content-Type: application/json' \
  -d "{\"userName\":\"$admin_email\",\"password\":\"$admin_password\"}" |
  sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$token" ] || fail "signing in as $admin_email failed"
self=$(curl -sf "$base/people/@self" -H "Authorization: $token") || fail "people/@self failed"
grep -q "\"email\":\"$admin_email\"" <<<"$self" || fail "people/@self is not the administrator: $self"
[ "$(stat -c %U /var/lib/projectd/projectd.db)" = "$run_user" ] || fail "the database is not owned by $run_user"
echo "signed in as $admin_email"
# A default avatar opens libvips (src/domain/people/vips_library.h), as the unit's user and environment.
self_id=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["response"]["id"])' <<<"$self")
curl -sf -o "$work/avatar.png" "http://127.0.0.1:$port/userphotos/$self_id/small" ||
  fail "no default avatar for $self_id"
[ "$(head -c 4 "$work/avatar.png" | tail -c 3)" = PNG ] || fail "the default avatar is not a PNG"
echo "drew a default avatar"

kill -TERM "$server_pid"
wait "$server_pid" || { cat "$work/server.log"; fail "the server did not stop cleanly on SIGTERM"; }
server_pid=

dpkg --purge projectd >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "dpkg --purge failed"; }
[ ! -e /usr/bin/projectd ] && [ ! -e /etc/projectd ] && [ ! -e "$unit" ] || fail "dpkg --purge left files"
lintian_ok=yes
wait "$lintian_pid" || lintian_ok=no
grep -v 'running with root privileges' "$work/lintian.log" | sed 's/^/  lintian: /' || true
[ "$lintian_ok" = yes ] || fail "lintian found errors in $deb"
echo "package installed, started, signed in, purged; lintian found no error"
