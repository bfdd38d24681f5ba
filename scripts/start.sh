#!/usr/bin/env bash
# Installs, builds and starts projectd on 127.0.0.1:8080 with its data in ./data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DPROJECTD_TESTS=OFF >/dev/null
cmake --build build -j "$(nproc)" --target projectd
exec ./build/projectd serve --listen 127.0.0.1:8080 --data ./data "$@"
