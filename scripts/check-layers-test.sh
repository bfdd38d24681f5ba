#!/usr/bin/env bash
# Shows that scripts/check-layers.sh can fail: on a temporary copy of src/ it must pass as the tree
# is, then fail, naming the file and line, for each planted include that breaks a rule of
# docs/architecture.md, and pass again once the plant is removed. Exits non-zero on the first
# case that does not behave so. Usage: scripts/check-layers-test.sh (needs bash, grep, cp).
set -euo pipefail
cd "$(dirname "$0")/.."
check="$PWD/scripts/check-layers.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r src "$work/src"

failures=0
fail() {
  echo "FAIL: $1" >&2
  failures=$((failures + 1))
}

# expect_pass NAME: the copy as it is passes.
expect_pass() {
  if ! out=$(bash "$check" "$work" 2>&1); then
    fail "$1: expected a pass, got: $out"
  fi
}

# expect_violation NAME FILE INCLUDE: FILE (relative to the copy, created if missing) gets
# `#include "INCLUDE"` as its first line; the check must exit 1 and name FILE:1 and INCLUDE.
# The file is then restored.
expect_violation() {
  local name=$1 file=$2 include=$3 path="$work/$2" out status=0
  mkdir -p "$(dirname "$path")"
  [ -e "$path" ] && cp "$path" "$work/saved"
  { echo "#include \"$include\""; [ -e "$work/saved" ] && cat "$work/saved"; } >"$path.new"
  mv "$path.new" "$path"
  out=$(bash "$check" "$work" 2>&1) || status=$?
  if [ "$status" -ne 1 ]; then
    fail "$name: expected exit 1, got $status: $out"
  elif [[ $out != *"$file:1:"*"\"$include\""* ]]; then
    fail "$name: the report does not name $file:1 and \"$include\": $out"
  else
    echo "ok: $name"
  fi
  if [ -e "$work/saved" ]; then
    mv "$work/saved" "$path"
  else
    rm "$path"
  fi
}

expect_pass "the tree as it is"
expect_violation "domain includes http" src/domain/projects/task_service.cc "http/params.h"
expect_violation "domain includes api" src/domain/caller.h "api/routes.h"
expect_violation "domain includes wire" src/domain/projects/task_views.cc "wire/date.h"
expect_violation "domain includes a store implementation" src/domain/projects/task_service.cc \
  "store/sqlite/sqlite_store.h"
expect_violation "store includes domain" src/store/sqlite/sqlite_store.cc "domain/projects/security.h"
expect_violation "store includes api" src/store/store.h "api/paging.h"
expect_violation "store includes http" src/store/postgres/postgres_store.cc "http/params.h"
expect_violation "http includes a domain header that is not a port" src/http/dispatcher.cc \
  "domain/projects/task_service.h"
expect_violation "http includes api" src/http/server.cc "api/routes.h"
expect_violation "wire includes store" src/wire/envelope.cc "store/store.h"
expect_violation "wire includes http" src/wire/format.h "http/params.h"
expect_violation "base includes wire" src/base/errors.h "wire/date.h"
expect_violation "a store test includes more of domain" src/store/sqlite/sqlite_task_query_test.cc \
  "domain/projects/task_service.h"
expect_violation "a file in an unknown folder" src/extra/thing.cc "base/errors.h"
expect_pass "the tree once every plant is removed"

if [ "$failures" -gt 0 ]; then
  echo "check-layers-test: $failures case(s) failed" >&2
  exit 1
fi
echo "check-layers-test: every planted violation is caught"
