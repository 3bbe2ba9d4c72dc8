#!/usr/bin/env bash
# Installs every Debian package ceasewatch needs to build, test and benchmark.
# Works as root or through sudo. Safe to run more than once.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config ninja-build python3
  libsqlite3-dev libicu-dev libgumbo-dev libcld2-dev zlib1g-dev
  nlohmann-json3-dev libcli11-dev libfmt-dev libxxhash-dev
  libre2-dev libhyperscan-dev libcpp-httplib-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  python3-readability
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup.sh: need root or sudo to install packages" >&2; exit 1
  fi
fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup.sh: all packages present"; exit 0
fi
echo "setup.sh: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
