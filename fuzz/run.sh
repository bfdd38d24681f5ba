#!/usr/bin/env bash
# Builds the libFuzzer targets with clang, ASan and UBSan in build-fuzz/, then runs each for
# SECONDS (default 60) on a scratch copy of its seed corpus, so the checked-in corpus stays small.
# A crash is copied into fuzz/regressions/<target>/ (CTest replays it from then on) and makes the
# script exit non-zero after the remaining targets have run.
#   bash fuzz/run.sh [SECONDS] [TARGET...]      targets: request params multipart dates headers
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(request params multipart dates headers)
fi

# Debug keeps assert() live; -O1 instead of -O0 makes the sanitized targets several times faster.
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Debug \
  -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
  -DPROJECTD_FUZZ=ON -DPROJECTD_SANITIZE=ON -DPROJECTD_TESTS=OFF \
  -DCMAKE_CXX_COMPILER_LAUNCHER=ccache >/dev/null
# Two jobs: the fuzz machines have two cores, and a clang build of projectd_core is memory hungry.
cmake --build build-fuzz -j 2 --target "${targets[@]/#/projectd_fuzz_}"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
failed=()
for target in "${targets[@]}"; do
  work=build-fuzz/runs/$target
  rm -rf "$work"
  mkdir -p "$work/corpus" "$work/artifacts"
  cp fuzz/corpus/"$target"/* "$work/corpus/"
  echo "== $target: ${seconds}s"
  status=0
  build-fuzz/fuzz/projectd_fuzz_"$target" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
    "$work/corpus" 2>"$work/log" || status=$?
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|Done)' "$work/log" || true
  found=$(find "$work/artifacts" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
    -o -name 'oom-*' \))
  if [ -n "$found" ] || [ $status -ne 0 ]; then
    mkdir -p fuzz/regressions/"$target"
    for file in $found; do cp "$file" fuzz/regressions/"$target"/; done
    echo "!! $target failed (exit $status); log: $work/log; inputs: ${found:-none}" >&2
    tail -40 "$work/log" >&2
    failed+=("$target")
  fi
done

if [ ${#failed[@]} -ne 0 ]; then
  echo "findings in: ${failed[*]} (copied into fuzz/regressions/)" >&2
  exit 1
fi
echo "all targets ran clean for ${seconds}s each"
