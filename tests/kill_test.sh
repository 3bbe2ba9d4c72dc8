#!/usr/bin/env bash
# Crash safety of `ceasewatch ingest` (issue 7). Run by CTest with
# $CEASEWATCH (the binary) and $GEN_CORPUS (bench/gen_corpus) set.
#
#   1. gen_corpus writes $KILL_TEST_PAGES pages (default 2000, mixed HTML
#      and text, with near and exact duplicates);
#   2. store A: ingest in the background, SIGKILL it once the store shows
#      a third of the documents committed, resume, SIGKILL again at two
#      thirds, then rerun the same ingest to completion;
#   3. store B: one clean ingest of the same corpus;
#   4. tests/compare_stores.py: A and B hold the same documents, articles,
#      event reports, incidents and derived indexes (compared by content,
#      not row ids), nothing doubled, PRAGMA integrity_check ok on A.
#
# The kill points are chosen by polling the store, so they fall wherever
# the ingest happens to be (mid-transaction, mid-index-flush or between
# documents). A kill that comes too late (the ingest already finished)
# fails the test: raise KILL_TEST_PAGES on a faster machine.
set -uo pipefail
BIN=${CEASEWATCH:?set CEASEWATCH to the ceasewatch binary}
GEN=${GEN_CORPUS:?set GEN_CORPUS to bench/gen_corpus}
PAGES=${KILL_TEST_PAGES:-2000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TMP=$(mktemp -d /tmp/cw-kill-test.XXXXXX)
pid=""
cleanup() {
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT

"$GEN" --out "$TMP/corpus" --pages "$PAGES" --format mixed --seed 7 \
  2>"$TMP/gen.err" || { cat "$TMP/gen.err"; exit 1; }
ingest() {  # ingest DB: the same command every time
  "$BIN" ingest --db "$1" --quiet "$TMP/corpus"
}
documents() {  # committed documents in store $1 (0 while it is created)
  python3 - "$1" <<'PY' 2>/dev/null || echo 0
import sqlite3, sys
con = sqlite3.connect("file:%s?mode=ro" % sys.argv[1], uri=True, timeout=10)
print(con.execute("SELECT count(*) FROM documents").fetchone()[0])
PY
}
# kill_at DB N: runs the ingest into DB and SIGKILLs it once N documents
# are committed. Fails when the ingest ends first.
kill_at() {
  # Not through ingest(): $! must be ceasewatch itself, not a subshell.
  "$BIN" ingest --db "$1" --quiet "$TMP/corpus" 2>>"$TMP/a.err" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$(documents "$1")" -ge "$2" ]; then
      kill -9 "$pid"
      wait "$pid" 2>/dev/null
      pid=""
      echo "killed at $(documents "$1") of $PAGES documents"
      return 0
    fi
    sleep 0.05
  done
  wait "$pid"
  echo "ingest exited with status $?; its stderr ends:"
  tail -5 "$TMP/a.err"
  pid=""
  echo "FAIL the ingest ended before reaching $2 documents: the kill came" \
    "too late (raise KILL_TEST_PAGES)"
  return 1
}

kill_at "$TMP/a.db" $((PAGES / 3)) || exit 1
kill_at "$TMP/a.db" $((PAGES * 2 / 3)) || exit 1
ingest "$TMP/a.db" 2>>"$TMP/a.err"
rc_a=$?
ingest "$TMP/b.db" 2>"$TMP/b.err"
rc_b=$?
if [ $rc_a -ne 0 ] || [ $rc_b -ne 0 ]; then
  echo "FAIL ingest exit status: resumed $rc_a, clean $rc_b"
  tail -5 "$TMP/a.err" "$TMP/b.err"
  exit 1
fi
python3 "$ROOT/tests/compare_stores.py" "$TMP/a.db" "$TMP/b.db" \
  --check-integrity
