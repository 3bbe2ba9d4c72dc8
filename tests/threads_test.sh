#!/usr/bin/env bash
# `ceasewatch ingest --threads N` stores exactly what --threads 1 stores
# (IngestOptions::threads): same rows under the same ids in every table,
# the same rejects in the same order, the same summary and messages.
# Run by CTest with $CEASEWATCH and $GEN_CORPUS set.
#
# The corpus: gen_corpus pages (mixed HTML and text, near and exact
# duplicate stories) plus inputs that take the other paths: a file stored
# twice under two names, an empty file, broken UTF-8, a JSON-lines file
# with a bad line, a page of nothing but chrome.
set -uo pipefail
BIN=${CEASEWATCH:?set CEASEWATCH to the ceasewatch binary}
GEN=${GEN_CORPUS:?set GEN_CORPUS to bench/gen_corpus}
PAGES=${THREADS_TEST_PAGES:-600}
TMP=$(mktemp -d /tmp/cw-threads-test.XXXXXX)
trap 'rm -rf "$TMP"' EXIT

"$GEN" --out "$TMP/corpus" --pages "$PAGES" --format mixed --seed 11 \
  --days 60 2>"$TMP/gen.err" || { cat "$TMP/gen.err"; exit 1; }
first=$(find "$TMP/corpus" -type f | sort | head -1)
cp "$first" "${first%.*}-again.${first##*.}"  # next to it: both in flight
: >"$TMP/corpus/aa-empty.txt"
printf 'Broken \xff\xfe bytes\n' >"$TMP/corpus/m-broken.txt"
printf '%s\n' '{"id":"1","title":"A","text":"Shelling was reported near the village on Monday, officials said."}' \
  '{"id":"2","title":' \
  '{"id":"3","title":"C","text":"A drone strike hit a truck on the road, the ministry said."}' \
  >"$TMP/corpus/n-feed.jsonl"
printf 'Subscribe\nShare\nLog in\n' >"$TMP/corpus/o-chrome.txt"

run() {  # run THREADS: ingest into $TMP/tTHREADS.db
  "$BIN" ingest --threads "$1" --db "$TMP/t$1.db" "$TMP/corpus" \
    >"$TMP/t$1.out" 2>"$TMP/t$1.err"
  echo $? >"$TMP/t$1.rc"
}
run 1
fail=0
for n in 2 4; do
  run "$n"
  for part in rc out err; do
    if ! cmp -s "$TMP/t1.$part" "$TMP/t$n.$part"; then
      echo "FAIL --threads $n: $part differs from --threads 1"
      diff "$TMP/t1.$part" "$TMP/t$n.$part" | head -10
      fail=1
    fi
  done
  python3 - "$TMP/t1.db" "$TMP/t$n.db" <<'PY' || fail=1
import sqlite3, sys
a, b = (sqlite3.connect("file:%s?mode=ro" % p, uri=True) for p in sys.argv[1:])
tables = [r[0] for r in a.execute(
    "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE "
    "'%fts%' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
bad = 0
for t in tables:
    cols = [r[1] for r in a.execute("PRAGMA table_info(%s)" % t)
            if r[1] not in ("ingested_at", "at")]  # the run's wall clock
    q = "SELECT %s FROM %s ORDER BY 1, 2" % (", ".join(cols), t)
    ra, rb = a.execute(q).fetchall(), b.execute(q).fetchall()
    if ra != rb:
        bad += 1
        print("FAIL table %s: %d rows vs %d" % (t, len(ra), len(rb)))
counts = {t: a.execute("SELECT count(*) FROM %s" % t).fetchone()[0]
          for t in ("documents", "articles", "events", "incidents", "rejects")}
print(("FAIL" if bad else "ok") + " %d tables compared %s: %s" %
      (len(tables), sys.argv[2].rsplit("/", 1)[-1], counts))
if counts["rejects"] < 4 or counts["incidents"] == 0:
    print("FAIL the corpus did not exercise rejects and incidents")
    bad += 1
sys.exit(1 if bad else 0)
PY
done
[ $fail -eq 0 ] && echo "ok: --threads 2 and 4 store what --threads 1 stores"
exit $fail
