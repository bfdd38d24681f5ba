#!/usr/bin/env bash
# Installs what bench/run.sh needs beyond scripts/install-deps.sh (which already brings wrk, curl,
# the compiler and the libraries): nginx-light, the static-file baseline, plus bc and procps.
# Idempotent; run as root on Debian 12. The test command never needs these.
set -euo pipefail

packages=(nginx-light bc procps coreutils)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=900 update -q
  # policy-rc.d keeps the package from starting a system nginx on port 80; the benchmark starts
  # its own on a free loopback port.
  policy=/usr/sbin/policy-rc.d
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy"
    chmod +x "$policy"
    trap 'rm -f "$policy"' EXIT
  fi
  apt-get -o DPkg::Lock::Timeout=900 install -y -q --no-install-recommends "${missing[@]}"
else
  echo "all benchmark packages are installed"
fi
