#!/usr/bin/env bash
# Installs the Debian packages Anzen needs, only those missing. Idempotent and quiet when all
# are present. Usage: scripts/install-deps.sh [build|test|run]
set -euo pipefail
mode=${1:-build}

build_pkgs=(g++ cmake make pkg-config libsqlite3-dev nlohmann-json3-dev libyaml-cpp-dev
  libcpp-httplib-dev libcli11-dev libssl-dev libsodium-dev
  libxlsxwriter-dev libhpdf-dev fonts-ipaexfont-gothic fonts-ipaexfont-mincho libpq-dev zlib1g-dev
  libcurl4-openssl-dev)
test_pkgs=(googletest libgtest-dev libgmock-dev libbenchmark-dev sqlite3 poppler-utils chromium
  python3 wrk nginx-light postgresql-15 clang libclang-rt-14-dev libreoffice-calc
  prometheus-alertmanager python3-aiosmtpd curl openssl python3-jsonschema)

pkgs=("${build_pkgs[@]}")
if [ "$mode" = test ]; then pkgs+=("${test_pkgs[@]}"); fi

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js (for the browser tests and OSCAL schema validation) may come from Debian or elsewhere;
# only install Debian's when no node/npm is on the PATH at all.
if [ "$mode" = test ]; then
  command -v node >/dev/null 2>&1 || missing+=(nodejs)
  command -v npm >/dev/null 2>&1 || missing+=(npm)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$mode" = test ] && [ -f e2e/package.json ]; then
  if [ ! -d e2e/node_modules ] || [ e2e/package-lock.json -nt e2e/node_modules ]; then
    (cd e2e && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
