#!/usr/bin/env bash
# Installs missing Debian packages (scripts/setup.sh), then configures and
# builds into ./build. Incremental: fast when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh >/dev/null
bash scripts/setup_web.sh || echo "build.sh: the dashboard (web/dist) was not built; its browser test will fail" >&2
if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build build -j "$(nproc)"
# Compile the theatre pack's name matcher once (Hyperscan, ~2 s); it is
# cached beside the pack, keyed by a hash of its names, so every later load
# takes a fraction of a second.
./build/ceasewatch place Baku >/dev/null
