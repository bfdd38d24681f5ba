#!/usr/bin/env bash
# Builds projectd twice, the Release server and an ASan+UBSan build with every test, and runs every
# unit and HTTP test with CTest (each test binary as gtest shards). Exits non-zero on the first
# failure.
set -euo pipefail
cd "$(dirname "$0")/.."

jobs=$(nproc)

echo "== clang-format (the repo's .clang-format; any difference fails)"
git ls-files '*.cc' '*.h' '*.cpp' | xargs clang-format --dry-run --Werror

echo "== layers (docs/architecture.md: which layer may include which)"
bash scripts/check-layers.sh
bash scripts/check-layers-test.sh >/dev/null  # and the check can fail: planted bad includes are caught

# ccache (install-deps.sh installs it) keeps every compiled object by the hash of its input, so a
# rerun, or another clone on the same machine, compiles only what changed. Paths are taken relative
# to the checkout and the working directory is left out of the hash, so two clones share one cache;
# the build's absolute paths reach only the few files that need them (CMakeLists.txt). A machine
# with an empty cache builds everything, as before.
launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  ccache --max-size=20G >/dev/null
fi

# Unity batches: CMake compiles 16 sources as one translation unit. On two cores most of a cold
# build is the same Boost, Beast and gtest headers parsed, instantiated and (under ASan)
# instrumented again for every file; a batch does that once. Measured on the 2-core machine with an
# empty cache: 8 unit-test sources took 58 s one by one and 26 s as one unit. Every name in an
# anonymous namespace must therefore be unique to its file (docs/adding-an-endpoint.md); a
# developer's own build (`cmake -B build-asan ...` without these flags) still compiles each file
# alone, which catches a missing #include that a batch would hide.
unity=(-DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16)

build() {  # build DIR TYPE EXTRA...
  local dir=$1 type=$2; shift 2
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "${launcher[@]}" "${unity[@]}" "$@" \
    >/dev/null
  cmake --build "$dir" -j "$jobs"
}

# The Release build is the product as users build it (scripts/start.sh): compiled at -O3 with
# warnings as errors, because GCC warns differently when it optimises. The tests run once, in the
# ASan+UBSan build, which catches what an optimised run could only show by chance; compiling and
# running them twice cost CI a third of its time.
echo "== Release build (the server, warnings as errors at -O3)"
build build Release -DPROJECTD_TESTS=OFF
echo "== Debian package"
# The .deb of that very binary: lintian, dpkg -i, the unit's command as its user, a sign-in,
# dpkg --purge (docs/packaging.md). As root only; otherwise it says so and skips.
bash scripts/check-package.sh build

echo "== ASan+UBSan build"
# Line tables only (-g1): sanitizer reports keep their file:line stacks, and the build spends less
# time writing and linking debug information nobody reads in CI (a developer's own build-asan keeps
# CMake's full -g for the debugger).
build build-asan Debug -DPROJECTD_SANITIZE=ON -DCMAKE_CXX_FLAGS_DEBUG=-g1
echo "== ASan+UBSan tests"
# Each test binary runs as a few gtest shards (CMakeLists.txt), so --timeout bounds a shard, not one
# test case: generous, for a loaded machine (an ASan HTTP shard took ~7.5 min on 2 busy cores).
# ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 and UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
# are set by CTest itself for a PROJECTD_SANITIZE build (CMakeLists.txt).
# A failing shard's whole output can run to thousands of lines, and a CI log viewer may show only
# its head and tail: on failure, the failed cases, each assertion with the lines that follow it, and
# any sanitizer report are repeated last, where they are seen.
if ! ctest --test-dir build-asan --output-on-failure -j "$jobs" --timeout 1800; then
  echo "== What failed (repeated from the failing shards' output above)"
  grep -E -A8 '^\[  FAILED  \]|: Failure$|^(ERROR|SUMMARY): |runtime error:' \
    build-asan/Testing/Temporary/LastTest.log | head -n 300 || true
  exit 1
fi
