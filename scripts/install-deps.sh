#!/usr/bin/env bash
# Installs everything projectd needs to build, test and benchmark, from Debian 12 packages.
# Idempotent: packages already present are left as they are. Run as root.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build pkg-config clang-format ccache
  # libraries (Debian packages, never vendored); Boost 1.81 only, never the 1.74 -dev packages
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libpugixml-dev libsqlite3-dev libpq-dev libargon2-dev libssl-dev
  libhowardhinnant-date-dev tzdata libgumbo-dev libzip-dev libcli11-dev libspdlog-dev
  libvips-dev libglib2.0-dev
  # tests and benchmarks; PostgreSQL's server and nginx for the PostgreSQL and multi-node tests
  libgtest-dev libgmock-dev libbenchmark-dev sqlite3 curl wrk postgresql-15 nginx unzip
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=900 update -q
  apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends "${missing[@]}"
else
  echo "all build, test and benchmark packages are installed"
fi
