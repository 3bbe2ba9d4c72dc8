#!/usr/bin/env python3
"""Grows a store for bench/load_test: copies every incident of SRC (with its
places, R*Tree entry and member reports with their places, actors and
claims) COPIES times into DST, each copy shifted by k days, pointing at the
same articles. The seed store (33 incidents) times 300 gives 9,933.

    bench/load_test_store.py /tmp/seeds.db /tmp/big.db --copies 300

Only for load testing: the copies are not real incidents."""
import argparse
import datetime
import shutil
import sqlite3


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src")
    ap.add_argument("dst")
    ap.add_argument("--copies", type=int, default=300)
    args = ap.parse_args()
    shutil.copyfile(args.src, args.dst)
    db = sqlite3.connect(args.dst)

    def cols(table):
        return [r[1] for r in db.execute(f"PRAGMA table_info({table})")]

    def insert(table, row):
        db.execute(f"INSERT INTO {table} VALUES ({','.join('?' * len(row))})", row)

    def shift(day, k):
        if not day:
            return day
        return (datetime.date.fromisoformat(day) + datetime.timedelta(days=k)).isoformat()

    ev_cols, inc_cols = cols("events"), cols("incidents")
    off_e = 10 ** (len(str(db.execute("SELECT max(id) FROM events").fetchone()[0])) + 1)
    off_i = 10 ** (len(str(db.execute("SELECT max(id) FROM incidents").fetchone()[0])) + 1)
    events = db.execute("SELECT * FROM events WHERE incident_id IS NOT NULL").fetchall()
    incidents = db.execute("SELECT * FROM incidents").fetchall()
    places = db.execute("SELECT * FROM incident_places").fetchall()
    index = db.execute("SELECT * FROM incident_boxes").fetchall()
    parts = {t: db.execute(f"SELECT * FROM {t}").fetchall()
             for t in ("event_places", "event_actors", "event_claims")}
    for k in range(1, args.copies + 1):
        for r in incidents:
            r = list(r)
            r[inc_cols.index("id")] += k * off_i
            for c in ("date", "date_end"):
                r[inc_cols.index(c)] = shift(r[inc_cols.index(c)], k)
            insert("incidents", r)
        for r in places:
            insert("incident_places", [r[0] + k * off_i] + list(r[1:]))
        for r in index:
            insert("incident_boxes", [r[0] + k * off_i, r[1] + k, r[2] + k] + list(r[3:]))
        for r in events:
            r = list(r)
            r[ev_cols.index("id")] += k * off_e
            r[ev_cols.index("incident_id")] += k * off_i
            r[ev_cols.index("ordinal")] += k * 1000  # unique per article
            for c in ("date", "date_end"):
                r[ev_cols.index(c)] = shift(r[ev_cols.index(c)], k)
            insert("events", r)
        for table, rows in parts.items():
            for r in rows:
                insert(table, [r[0] + k * off_e] + list(r[1:]))
    db.commit()
    n = db.execute("SELECT count(*) FROM incidents").fetchone()[0]
    print(f"{args.dst}: {n} incidents")


if __name__ == "__main__":
    main()
