#!/usr/bin/env bash
# The whole test suite: build, then every unit test and the end-to-end
# CLI test through CTest. Tests on the real sample pages read ../shared
# and skip cleanly when it is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
cd build
ctest --output-on-failure -j "$(nproc)" --timeout 600
