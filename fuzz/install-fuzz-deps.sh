#!/usr/bin/env bash
# What fuzz/run.sh needs beyond scripts/install-deps.sh: clang 14 and its runtime libraries, which
# hold libFuzzer and clang's ASan/UBSan. CI never needs these: it replays the inputs with GCC.
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then
  echo "run as root (apt-get install)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get -o DPkg::Lock::Timeout=900 update
apt-get -o DPkg::Lock::Timeout=900 install -y --no-install-recommends clang-14 libclang-rt-14-dev \
  ccache
