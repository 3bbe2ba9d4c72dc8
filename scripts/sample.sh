#!/usr/bin/env bash
# The main job on the bundled sample: build if needed, ingest
# examples/sample into an embedded SQLite store (sample.db), show what was
# found. Re-running it changes nothing in the store (content hashes).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null
DB=${1:-sample.db}
./build/ceasewatch ingest --db "$DB" examples/sample
echo
./build/ceasewatch articles --db "$DB"
echo
./build/ceasewatch contradictions --db "$DB"
echo
echo "Store: $DB   (full export: ./build/ceasewatch export --db $DB --format json)"
