#!/usr/bin/env python3
"""Compares two ceasewatch stores by content, not by row ids.

    compare_stores.py STORE_A STORE_B [--check-integrity]

Used by tests/kill_test.sh: A is a store whose ingest was killed and
resumed, B one ingested in one clean run. Row ids are not compared: the
contract is about content (an ingest resumed after a crash may in principle
hand out different ids), so every row is keyed by what identifies it:

  document  (path, locator, content_hash)
  article   its document's key + ordinal within the document
  event     its article's key + ordinal within the article
  incident  its member reports (event keys), plus type, window, places,
            sides, tolls and counts

Compared: documents, articles (text hash, title, date, language, which
article it duplicates), each article's events, incidents, the derived
indexes that steer later ingests (per-site line counts, LSH bands, FTS
rows). "Doubled" means a key occurring twice in one store.

Prints one line per check ("ok" / "FAIL" with a few differing items) and
exits 1 when any check fails. With --check-integrity, also requires
PRAGMA integrity_check = ok on STORE_A. Standard library only.
"""

import collections
import sqlite3
import sys


def connect(path):
    con = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    con.execute("PRAGMA query_only=1")
    return con


def doc_keys(con):
    return {i: (p, l, h) for i, p, l, h in con.execute(
        "SELECT id, path, locator, content_hash FROM documents")}


def article_keys(con, docs):
    return {i: docs[d] + (o,) for i, d, o in con.execute(
        "SELECT id, document_id, ordinal FROM articles")}


def event_keys(con, arts):
    return {i: arts[a] + (o,) for i, a, o in con.execute(
        "SELECT id, article_id, ordinal FROM events")}


def articles(con, arts):
    rows = []
    for r in con.execute(
            "SELECT id, text_hash, title, published, published_precision, "
            "language, duplicate_of, round(coalesce(similarity, 0), 6), "
            "raw_begin, raw_end FROM articles"):
        dup = arts.get(r[6]) if r[6] is not None else None
        rows.append((arts[r[0]],) + tuple(r[1:6]) + (dup,) + tuple(r[7:]))
    return rows


def events(con, arts):
    return [(arts[r[0]],) + tuple(r[1:]) for r in con.execute(
        "SELECT article_id, ordinal, type, date, date_end, date_precision, "
        "background, fatalities_low, fatalities_high, injured_low, "
        "injured_high, cue_begin, cue_end, sentence_begin, sentence_end, "
        "(SELECT count(*) FROM event_places p WHERE p.event_id=e.id), "
        "(SELECT count(*) FROM event_actors p WHERE p.event_id=e.id), "
        "(SELECT count(*) FROM event_claims p WHERE p.event_id=e.id) "
        "FROM events e")]


def incidents(con, evs):
    members = collections.defaultdict(list)
    for e, inc in con.execute(
            "SELECT id, incident_id FROM events WHERE incident_id IS NOT NULL"):
        members[inc].append(evs[e])
    places = collections.defaultdict(list)
    for inc, o, pid, name in con.execute(
            "SELECT incident_id, ordinal, place_id, name FROM incident_places "
            "ORDER BY incident_id, ordinal"):
        places[inc].append((pid, name))
    rows = []
    for r in con.execute(
            "SELECT id, type, date, date_end, date_precision, background, "
            "sides, fatalities_low, fatalities_high, injured_low, "
            "injured_high, reports, sources, stale FROM incidents"):
        rows.append((tuple(sorted(members[r[0]])), tuple(places[r[0]]))
                    + tuple(r[1:]))
    return rows


def site_lines(con):
    return (list(con.execute("SELECT site, documents FROM sites")) +
            list(con.execute("SELECT site, line_hash, documents "
                             "FROM site_lines")))


def lsh_bands(con, arts):
    return [(k, arts[a]) for k, a in con.execute(
        "SELECT band_key, article_id FROM lsh_bands")]


def fts_rows(con, arts):
    # articles_fts reads its rows from `articles` (external content); the
    # rows actually indexed are those of its docsize shadow table.
    return [arts[i] for (i,) in con.execute(
        "SELECT id FROM articles_fts_docsize")]


def doubled(rows):
    return [k for k, n in collections.Counter(rows).items() if n > 1]


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    a, b = connect(argv[1]), connect(argv[2])
    failures = 0

    def check(name, ok, detail=""):
        nonlocal failures
        print("%s %s%s" % ("ok  " if ok else "FAIL", name,
                           "" if ok or not detail else ": " + detail))
        failures += 0 if ok else 1

    def same(name, rows_a, rows_b):
        ca, cb = collections.Counter(rows_a), collections.Counter(rows_b)
        only_a, only_b = ca - cb, cb - ca
        detail = "%d only in A, %d only in B; e.g. A %s B %s" % (
            sum(only_a.values()), sum(only_b.values()),
            list(only_a)[:2], list(only_b)[:2])
        check("%s identical (%d rows)" % (name, len(rows_a)),
              not only_a and not only_b, detail)

    if "--check-integrity" in argv:
        res = [r[0] for r in a.execute("PRAGMA integrity_check")]
        check("integrity_check of A", res == ["ok"], str(res[:5]))

    docs_a, docs_b = doc_keys(a), doc_keys(b)
    arts_a, arts_b = article_keys(a, docs_a), article_keys(b, docs_b)
    evs_a, evs_b = event_keys(a, arts_a), event_keys(b, arts_b)
    for name, keys in (("documents", docs_a), ("articles", arts_a),
                       ("events", evs_a)):
        d = doubled(keys.values())
        check("no %s doubled in A" % name, not d, str(d[:3]))
    check("A holds articles", len(arts_a) > 0)
    same("documents", docs_a.values(), docs_b.values())
    same("articles", articles(a, arts_a), articles(b, arts_b))
    same("event reports", events(a, arts_a), events(b, arts_b))
    inc_a, inc_b = incidents(a, evs_a), incidents(b, evs_b)
    same("incidents", inc_a, inc_b)
    unfused = "SELECT count(*) FROM events WHERE incident_id IS NULL"
    check("every report fused in A as in B",
          a.execute(unfused).fetchone() == b.execute(unfused).fetchone())
    same("site line counts", site_lines(a), site_lines(b))
    same("LSH bands", lsh_bands(a, arts_a), lsh_bands(b, arts_b))
    same("FTS rows", fts_rows(a, arts_a), fts_rows(b, arts_b))
    ids_equal = (sorted(arts_a) == sorted(arts_b) and
                 all(arts_a[i] == arts_b[i] for i in arts_a))
    print("info article ids %s" % ("identical" if ids_equal else
                                   "differ (allowed: compared by content)"))
    print("info A: %d documents, %d articles, %d events, %d incidents" % (
        len(docs_a), len(arts_a), len(evs_a), len(inc_a)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
