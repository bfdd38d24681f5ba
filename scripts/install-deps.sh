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
  # readiness notifications to systemd (sd_notify, docs/packaging.md)
  libsystemd-dev
  # notifications (docs/notifications.md): libcurl sends mail over SMTP
  # (src/app/mail/smtp_mail_channel.h) and webhook calls over HTTP(S) (src/app/webhook_channel.h);
  # the mail tests' SMTP server
  libcurl4-openssl-dev python3-aiosmtpd
  # tests and benchmarks; PostgreSQL's server and nginx for the PostgreSQL and multi-node tests
  libgtest-dev libgmock-dev libbenchmark-dev sqlite3 curl wrk postgresql-15 nginx unzip
  # the web app (docs/web-app.md): bundled by esbuild, precompressed with brotli and gzip; its
  # browser tests drive Debian's Chromium through chromedriver with Selenium
  esbuild brotli gzip chromium chromium-driver python3-selenium
  # the Debian package (scripts/check-package.sh, docs/packaging.md): CPack's DEB generator needs
  # dpkg-shlibdeps (dpkg-dev) for Depends; lintian checks the package; adduser for its postinst
  dpkg-dev lintian adduser
)
# npm installs the web app's pinned packages (web/package-lock.json). Debian's nodejs and npm,
# unless a Node.js with its own npm is installed already.
command -v npm >/dev/null || packages+=(nodejs npm)

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
