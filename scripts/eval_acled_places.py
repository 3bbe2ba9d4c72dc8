#!/usr/bin/env python3
"""Place resolution on ACLED notes (issue 3's measure).

For each ACLED note made by ../shared/eval/acled_notes.py, runs
`ceasewatch annotate --jsonl` and checks whether the note's place (ACLED's
location and coordinates) is found and resolved within 10 km: by any place
mention of the note, and by the first one. Prints the failures and a
summary line.

  scripts/eval_acled_places.py [--bin build/ceasewatch] [--shared ../shared]
      [--per-subtype 40 | --all] [--show 20]
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile


def km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (math.sin((la2 - la1) / 2) ** 2 +
         math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2)
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, h)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="build/ceasewatch")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--per-subtype", type=int, default=40)
    ap.add_argument("--all", action="store_true", help="all 2018-2019 notes")
    ap.add_argument("--show", type=int, default=15)
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="cw-acled-places-")
    make = [sys.executable, os.path.join(args.shared, "eval/acled_notes.py"),
            "make", os.path.join(args.shared, "data/acled/acled_armenia_2018_2019.csv"),
            work]
    if not args.all:
        make += ["--per-subtype", str(args.per_subtype)]
    subprocess.run(make, check=True, stdout=subprocess.DEVNULL)
    gold = {g["id"]: g for g in json.load(open(os.path.join(work, "gold.json")))}
    out = subprocess.run([args.bin, "annotate", "--json", "--jsonl",
                          os.path.join(work, "notes.jsonl")],
                         check=True, capture_output=True, text=True).stdout
    any_ok = first_ok = total = 0
    failures = []
    for line in out.splitlines():
        rec = json.loads(line)
        g = gold.get(rec.get("id"))
        if not g:
            continue
        total += 1
        truth = (g["lat"], g["lon"])
        places = [m for m in rec["mentions"] if m["kind"] == "place" and
                  m.get("lat") is not None]
        dists = [km(truth, (m["lat"], m["lon"])) for m in places]
        ok_any = any(d <= 10 for d in dists)
        any_ok += ok_any
        first_ok += bool(dists) and dists[0] <= 10
        if not ok_any:
            failures.append((g["id"], g["location"], g["geo_precision"],
                             [(m["text"], m.get("name"), round(d)) for m, d in
                              zip(places, dists)][:4]))
    for f in failures[:args.show]:
        print("miss %s: ACLED '%s' (precision %s); found %s" % f)
    print("summary: notes=%d place_any=%.3f place_first=%.3f" % (
        total, any_ok / max(1, total), first_ok / max(1, total)))


if __name__ == "__main__":
    main()
