#!/usr/bin/env bash
# Checks the include rules of docs/architecture.md ("Which layer may include which") on every
# `#include "..."` of src/: each file belongs to the layer of its top folder (src/domain/x.cc is
# domain, src/main.cpp is main) and may include only what its layer's rule allows. Prints one
# line per violation (file:line: the include, and the rule it breaks) and exits 1 if there is any,
# 0 otherwise. Usage: scripts/check-layers.sh [ROOT] (default: this clone); needs bash and grep.
#
# The rules bind the code that goes into the binary. Unit tests beside the code (*_test.cc) and
# the test helpers beside them (*_test_support.*, test_*.h, bad_request_matcher.h) follow the
# same rules plus the two additions of `test_allowed` below, each with its reason.
set -euo pipefail
set -f  # the rules hold `*`: no file name expansion

root=${1:-"$(cd "$(dirname "$0")/.." && pwd)"}
cd "$root"

# What a layer's code may include, besides its own folder: a folder (`wire/`), the headers at the
# top of a folder and not in its subfolders (`store/*`: the store's interface, not sqlite/,
# postgres/ or sql/), or one header (`domain/caller.h`). Keep this table and the one in
# docs/architecture.md the same.
declare -A allowed=(
  [base]=""
  [auth]="base/"
  [blob]="base/"
  [wire]="base/"
  [store]="base/ blob/file_io.h"
  [domain]="base/ auth/ blob/ store/*"
  [http]="base/ wire/ blob/ domain/authenticator.h domain/caller.h"
  [api]="base/ wire/ http/ domain/ auth/random.h
         store/records.h store/project_records.h store/file_records.h"
  [app]="base/ wire/ auth/ blob/ store/ domain/ http/ api/"
  [main]="app/"
)
# Unit tests and test helpers (see the header comment) follow the same table, with two additions,
# each for a reason: a domain test runs its rules on a real SQLite store (the store's
# implementation and its test helpers), and sqlite_task_query_test.cc checks the store's
# visibility SQL against domain/security's own rules.
declare -A test_allowed=()
for layer in "${!allowed[@]}"; do test_allowed[$layer]=${allowed[$layer]}; done
test_allowed[domain]="${allowed[domain]} store/"
test_allowed[store]="${allowed[store]} domain/projects/security.h"

is_test_file() {
  case ${1##*/} in
    *_test.cc | *_test_support.h | *_test_support.cc | test_*.h | bad_request_matcher.h) return 0 ;;
    *) return 1 ;;
  esac
}

permits() {  # permits RULE INCLUDE
  case $1 in
    */\*) [[ $2 == "${1%\*}"* && ${2#"${1%\*}"} != */* ]] ;;
    */) [[ $2 == "$1"* ]] ;;
    *) [ "$2" = "$1" ] ;;
  esac
}

if [ ! -d src ]; then
  echo "check-layers: no src/ in $root" >&2
  exit 2
fi
# Collected first, so a failing grep stops the script instead of passing an empty list.
hits=$(grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' src \
  --include='*.h' --include='*.cc' --include='*.cpp' | sort -t: -k1,1 -k2,2n) || {
  echo "check-layers: no #include found under $root/src" >&2
  exit 2
}

violations=0
report() {
  echo "$*" >&2
  violations=$((violations + 1))
}

while IFS= read -r hit; do
  file=${hit%%:*}
  rest=${hit#*:}
  line=${rest%%:*}
  text=${rest#*:}
  [[ $text =~ \"([^\"]+)\" ]] || continue
  include=${BASH_REMATCH[1]}
  case $file in
    src/main.cpp) layer=main ;;
    src/*/*) layer=${file#src/} && layer=${layer%%/*} ;;
    *) layer="" ;;
  esac
  if [ -z "$layer" ] || [ -z "${allowed[$layer]+known}" ]; then
    report "$file:$line: \"$include\" in a file of no known layer (add its folder to the tables" \
      "of docs/architecture.md and scripts/check-layers.sh)"
    continue
  fi
  # A name without a folder is relative to the including file: the file's own layer.
  [[ $include == */* ]] || continue
  [ "${include%%/*}" = "$layer" ] && continue
  if is_test_file "$file"; then
    rules=${test_allowed[$layer]}
  else
    rules=${allowed[$layer]}
  fi
  ok=false
  for rule in $rules; do
    if permits "$rule" "$include"; then
      ok=true
      break
    fi
  done
  $ok || report "$file:$line: $layer/ may not include \"$include\" (allowed: ${rules:-nothing})"
done <<<"$hits"

if [ "$violations" -gt 0 ]; then
  echo "check-layers: $violations include(s) break the rules of docs/architecture.md" >&2
  exit 1
fi
echo "check-layers: every include of src/ follows docs/architecture.md"
