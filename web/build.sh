#!/usr/bin/env bash
# Builds the dashboard into web/dist/ (gitignored): installs the npm
# packages pinned by package-lock.json (npm ci, only when node_modules is
# missing or older than the lockfile), bundles src/ with esbuild, copies
# leaflet's CSS images and the theatre pack's boundaries.geojson.
# Needs node and npm (scripts/setup_web.sh installs them); the network only
# for npm ci. The result needs no network at all.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
node build.mjs
