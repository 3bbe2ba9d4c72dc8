#!/usr/bin/env bash
# Installs missing Debian packages (scripts/setup.sh), then configures and
# builds into ./build. Incremental: fast when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build build -j "$(nproc)"
