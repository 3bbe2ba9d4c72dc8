#!/usr/bin/env bash
# The dashboard's toolchain and build (doc/dashboard.md): installs Debian's
# chromium (for tests/browser) and, when no node is on the PATH, Debian's
# nodejs and npm; then builds web/dist with web/build.sh (npm ci from
# web/package-lock.json: leaflet, esbuild, playwright-core). Works as root
# or through sudo; safe to run more than once; quick when all is present.
# Needs the npm registry only when web/node_modules is missing or stale.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi

missing=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
have_pkg chromium || missing+=(chromium)
have_pkg fonts-dejavu-core || missing+=(fonts-dejavu-core)
# A node from elsewhere (nodesource, nvm) is used as it is.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] && [ -z "$SUDO" ]; then
    echo "setup_web.sh: need root or sudo to install ${missing[*]}" >&2; exit 1
  fi
  echo "setup_web.sh: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$major" -lt 18 ]; then
  echo "setup_web.sh: node $(node --version) is too old; the dashboard needs node >= 18" >&2; exit 1
fi
bash web/build.sh
