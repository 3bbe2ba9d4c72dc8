#!/usr/bin/env python3
"""Evaluate place lookup against the theatre pack's own gazetteer.

    python3 scripts/eval_places.py [--bin build/ceasewatch] [--places PLACES.tsv]
        [--gold ../shared/eval/seeds.gold.json] [--n 2000] [--seed 1] [--km 10]
        [--show 40] [--json-out FILE] [--queries-out FILE] [--context]

Test list:
  * a deterministic random sample of about N populated places (city, town,
    village, locality) from places.tsv, half Armenia and half Azerbaijan;
    the query is one Latin-script spelling from the place's names: its
    canonical name, an Azerbaijani spelling, the ASCII-folded Azerbaijani
    spelling, or a generated transliteration (Azerbaijani, Armenian or
    Russian to Latin) that the names column holds;
  * the places of the seed news with their coordinates from the gold file
    (Farrukh, Aghdam, Aghdara, Khankendi, Shusha, Lachin, Kalbajar, Jermuk,
    Goris, Sotk, Vardenis, Kapan, Dashkesan), by name and by the gold's
    aliases.

It runs `BIN place --stdin --json` once with one query per line and reads
one JSON line per query: {"query": ..., "candidates": [{"name", "lat",
"lon", "country", "admin1", "kind", "score"}, ...]}. A query is right when
the first candidate is within KM of the true place. A spelling that names
several places more than KM apart in places.tsv is ambiguous without
context; figures are given counting and excluding those queries.

With --context, each ambiguous sample query is asked again with the
place's admin parent as context, as a news sentence naming the district
would give it: "<admin2> district" (Azerbaijan) or "<admin1> province"
(Armenia, whose places have no admin2), one `BIN place --stdin --json
--context CTX` run per parent. The "with parent context" figure counts
those answers for the ambiguous queries and the plain answers for the
others; the scoring rule (first candidate within KM) is the same.

Exit status: 0 when every seed query is right, 1 otherwise, 2 on errors.
Python 3 standard library only.
"""
import argparse
import json
import os
import random
import shlex
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_pack as bp  # noqa: E402  (transliteration and folding helpers)

SEED_PLACES = ["Farrukh", "Aghdam", "Aghdara", "Khankendi", "Shusha", "Lachin", "Kalbajar",
               "Jermuk", "Goris", "Sotk", "Vardenis", "Kapan", "Dashkesan"]
# Gold aliases that are other places near the event, not names of the place.
NOT_ALIASES = {"khalfali", "turshsu"}
SETTLEMENTS = ("city", "town", "village", "locality")


def norm(s):
    return bp.fold(s).casefold().strip()


def load_places(path):
    with open(path, encoding="utf-8", newline="") as f:
        lines = [ln for ln in f.read().split("\n") if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for ln in lines[1:]:
        cells = ln.split("\t")
        cells += [""] * (len(header) - len(cells))
        r = dict(zip(header, cells))
        r["lat"], r["lon"] = float(r["lat"]), float(r["lon"])
        r["names_list"] = [n for n in r["names"].split("|") if n]
        rows.append(r)
    return rows


def name_index(rows):
    idx = {}
    for r in rows:
        for n in set(norm(x) for x in r["names_list"] + [r["name"]]):
            idx.setdefault(n, []).append(r)
    return idx


def is_ambiguous(query, idx, km):
    """True when the spelling names places more than km apart."""
    hits = idx.get(norm(query), [])
    for i in range(len(hits)):
        for j in range(i + 1, len(hits)):
            if bp.haversine(hits[i]["lat"], hits[i]["lon"], hits[j]["lat"], hits[j]["lon"]) > km:
                return True
    return False


def load_stop_names(places_path):
    """Folded names the pack marks as English words (stop_names.txt)."""
    path = os.path.join(os.path.dirname(os.path.abspath(places_path)), "stop_names.txt")
    if not os.path.exists(path):
        return set()
    with open(path, encoding="utf-8") as f:
        return {norm(ln) for ln in f if ln.strip() and not ln.startswith("#")}


def query_options(r, stop=frozenset()):
    """Common Latin-script spellings of a place, by category (spellings the
    pack lists as English words left out)."""
    names = [n for n in r["names_list"] if norm(n) not in stop]
    have = {n.casefold(): n for n in names}
    opts = {"canonical": [r["name"]]} if norm(r["name"]) not in stop else {}
    aze = [n for n in names if bp.script_of(n) == "latin" and any(c in bp.AZ_MARKERS for c in n)]
    if aze:
        opts["aze"] = aze
        folded = []
        for n in aze:
            for f in (bp.fold(n), bp.fold(n, schwa="e")):
                if f.casefold() in have and have[f.casefold()] not in folded:
                    folded.append(have[f.casefold()])
        if folded:
            opts["folded"] = folded
    gen = []
    sources = aze + [n for n in names if bp.script_of(n) in ("armenian", "cyrillic")]
    for n in sources:
        for v in bp.generated_variants(n, r["country"]):
            h = have.get(v.casefold())
            if h and h != r["name"] and h not in gen and h not in aze:
                gen.append(h)
    if gen:
        opts["translit"] = gen
    return opts


def sample_queries(rows, n, seed, stop=frozenset()):
    out = []
    for cc in ("AM", "AZ"):
        pool = sorted((r for r in rows if r["country"] == cc and r["kind"] in SETTLEMENTS),
                      key=lambda r: r["id"])
        random.Random(f"{seed}:{cc}").shuffle(pool)
        k = n // 2
        taken = 0
        for r in pool:
            if taken >= k:
                break
            rng = random.Random(f"{seed}:{r['id']}")
            opts = query_options(r, stop)
            if not opts:
                continue
            taken += 1
            cat = rng.choice(sorted(opts))
            q = rng.choice(opts[cat])
            out.append({"query": q, "category": cat, "group": "sample", "country": cc,
                        "kind": r["kind"], "true_name": r["name"], "id": r["id"],
                        "lat": r["lat"], "lon": r["lon"], "context": parent_context(r)})
    return out


def parent_context(r):
    """The admin parent a news sentence would name: the district, else the
    province; "" when the row has neither."""
    if r.get("admin2"):
        return f"{r['admin2']} district"
    if r.get("admin1"):
        return f"{r['admin1']} province"
    return ""


def seed_queries(gold_path):
    with open(gold_path, encoding="utf-8") as f:
        gold = json.load(f)
    found = {}
    for ev in gold.get("events", []):
        for loc in ev.get("locations", []):
            nm = loc.get("name", "")
            if nm in SEED_PLACES and nm not in found:
                found[nm] = loc
    out = []
    for nm in SEED_PLACES:
        loc = found.get(nm)
        if not loc:
            print(f"eval_places: {nm} not in the gold file", file=sys.stderr)
            continue
        spellings = [nm] + [a for a in loc.get("aliases", []) if a.casefold() not in NOT_ALIASES]
        for s in spellings:
            out.append({"query": s, "category": "seed", "group": "seed", "country": loc.get("country", ""),
                        "kind": "seed", "true_name": nm, "id": "", "lat": loc["lat"], "lon": loc["lon"]})
    return out


def run_lookup(cmd, queries, timeout):
    data = "".join(q.replace("\n", " ") + "\n" for q in queries)
    try:
        p = subprocess.run(cmd, input=data, capture_output=True, text=True, timeout=timeout)
    except FileNotFoundError:
        raise SystemExit(f"eval_places: {cmd[0]} not found (build the CLI or pass --bin)")
    except subprocess.TimeoutExpired:
        raise SystemExit(f"eval_places: {' '.join(cmd)} timed out after {timeout}s")
    if p.returncode != 0:
        sys.stderr.write(p.stderr[-2000:])
        raise SystemExit(f"eval_places: {' '.join(cmd)} exited with {p.returncode}")
    answers = []
    for n, ln in enumerate(p.stdout.splitlines(), 1):
        if not ln.strip():
            continue
        try:
            answers.append(json.loads(ln))
        except json.JSONDecodeError as e:
            raise SystemExit(f"eval_places: output line {n} is not JSON ({e}): {ln[:200]}")
    if len(answers) != len(queries):
        raise SystemExit(f"eval_places: {len(queries)} queries but {len(answers)} answers")
    for q, a in zip(queries, answers):
        if a.get("query") != q.replace("\n", " "):
            raise SystemExit(f"eval_places: answer for {a.get('query')!r} where {q!r} was expected")
    return answers


def score(tests, answers, km, prefix=""):
    """Sets t[prefix + "ok"], "got" and "dist" from each answer."""
    for t, a in zip(tests, answers):
        cands = a.get("candidates") or []
        got = dist = None
        if cands:
            c = cands[0]
            got = c
            try:
                dist = bp.haversine(t["lat"], t["lon"], float(c["lat"]), float(c["lon"]))
            except (KeyError, TypeError, ValueError):
                pass
        t[prefix + "got"] = got
        t[prefix + "dist"] = dist
        t[prefix + "ok"] = dist is not None and dist <= km


def score_with_context(tests, cmd, km, timeout):
    """Asks each ambiguous sample query again with its parent context (one
    run per context) and sets t["ctx_ok"]; other queries keep t["ok"]."""
    by_ctx = {}
    for t in tests:
        t["ctx_ok"] = t["ok"]
        if t["group"] == "sample" and t["ambiguous"] and t.get("context"):
            by_ctx.setdefault(t["context"], []).append(t)
    for ctx, ts in sorted(by_ctx.items()):
        answers = run_lookup(cmd + ["--context", ctx], [t["query"] for t in ts], timeout)
        score(ts, answers, km, prefix="ctx_")
    return len(by_ctx)


def share(tests):
    n = len(tests)
    ok = sum(1 for t in tests if t["ok"])
    return ok, n


def fmt(ok, n):
    return f"{ok}/{n} = {100.0 * ok / n:.1f}%" if n else "0/0"


def report(tests, show, km, context=False):
    lines = []
    groups = [
        ("overall (sample)", [t for t in tests if t["group"] == "sample"]),
        ("  Armenia", [t for t in tests if t["group"] == "sample" and t["country"] == "AM"]),
        ("  Azerbaijan", [t for t in tests if t["group"] == "sample" and t["country"] == "AZ"]),
        ("  villages (village/locality)", [t for t in tests if t["group"] == "sample" and t["kind"] in ("village", "locality")]),
        ("  towns and cities", [t for t in tests if t["group"] == "sample" and t["kind"] in ("town", "city")]),
    ]
    for cat in ("canonical", "aze", "folded", "translit"):
        groups.append((f"  query = {cat}", [t for t in tests if t["group"] == "sample" and t["category"] == cat]))
    groups.append(("seed places (must be all)", [t for t in tests if t["group"] == "seed"]))
    summary = {}
    lines.append(f"first candidate within {km:g} km of the true place")
    head = f"{'':32s} {'all, no context':>22s} {'unambiguous only':>22s}"
    if context:
        head += f" {'all, parent context':>22s}"
    lines.append(head)
    for label, ts in groups:
        a = share(ts)
        u = share([t for t in ts if not t["ambiguous"]])
        line = f"{label:32s} {fmt(*a):>22s} {fmt(*u):>22s}"
        summary[label.strip()] = {"ok": a[0], "n": a[1], "ok_unambiguous": u[0], "n_unambiguous": u[1]}
        if context:
            c = (sum(1 for t in ts if t["ctx_ok"]), len(ts))
            line += f" {fmt(*c):>22s}"
            summary[label.strip()]["ok_context"] = c[0]
        lines.append(line)
    amb = sum(1 for t in tests if t["group"] == "sample" and t["ambiguous"])
    lines.append(f"ambiguous sample queries (spelling names places > {km:g} km apart): {amb}")
    if context:
        amb_ts = [t for t in tests if t["group"] == "sample" and t["ambiguous"]]
        lines.append(f"ambiguous sample queries right: no context {fmt(*share(amb_ts))}, "
                     f"parent context {fmt(sum(1 for t in amb_ts if t['ctx_ok']), len(amb_ts))}")
    fails = [t for t in tests if not t["ok"]]
    fails.sort(key=lambda t: (t["group"] != "seed", t["ambiguous"], t["country"], t["query"]))
    if fails:
        lines.append("")
        lines.append(f"failures ({len(fails)}; showing {min(show, len(fails))}; * = ambiguous spelling):")
        for t in fails[:show]:
            g = t["got"]
            if g is None:
                got = "no candidate"
            else:
                d = f"{t['dist']:.1f} km" if t["dist"] is not None else "bad coordinates"
                got = f"{g.get('name')} ({g.get('kind')}, {g.get('admin1')}, {g.get('country')}) {d} away"
            lines.append(f"  {'*' if t['ambiguous'] else ' '} [{t['group']}/{t['category']}] {t['query']!r} -> "
                         f"{got}; true: {t['true_name']} {t['id']} {t['lat']:.3f},{t['lon']:.3f}")
    return "\n".join(lines), summary


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    ap = argparse.ArgumentParser(description="Evaluate `ceasewatch place` on the theatre pack.")
    ap.add_argument("--bin", default=os.path.join(root, "build", "ceasewatch"),
                    help="the CLI (a path, or a command line split like a shell would)")
    ap.add_argument("--args", default="place --stdin --json", help="arguments for BIN")
    ap.add_argument("--places", default=os.path.join(root, "data", "theatres", "south-caucasus", "places.tsv"))
    ap.add_argument("--gold", default=os.path.join(root, "..", "shared", "eval", "seeds.gold.json"))
    ap.add_argument("--n", type=int, default=2000, help="sampled places (half per country)")
    ap.add_argument("--seed", default="1")
    ap.add_argument("--km", type=float, default=10.0)
    ap.add_argument("--show", type=int, default=40, help="failures to list")
    ap.add_argument("--timeout", type=int, default=600)
    ap.add_argument("--json-out", help="write the summary and every test as JSON here")
    ap.add_argument("--queries-out", help="write the test list (TSV) here and stop")
    ap.add_argument("--context", action="store_true",
                    help="also ask ambiguous queries with the place's admin parent as context")
    a = ap.parse_args(argv)

    rows = load_places(a.places)
    idx = name_index(rows)
    stop = load_stop_names(a.places)
    tests = sample_queries(rows, a.n, a.seed, stop) + seed_queries(a.gold)
    for t in tests:
        t["ambiguous"] = is_ambiguous(t["query"], idx, a.km)
    if a.queries_out:
        with open(a.queries_out, "w", encoding="utf-8") as f:
            f.write("query\tgroup\tcategory\tcountry\tkind\tambiguous\ttrue_name\tid\tlat\tlon\n")
            for t in tests:
                f.write(f"{t['query']}\t{t['group']}\t{t['category']}\t{t['country']}\t{t['kind']}\t"
                        f"{int(t['ambiguous'])}\t{t['true_name']}\t{t['id']}\t{t['lat']}\t{t['lon']}\n")
        print(f"{len(tests)} queries written to {a.queries_out}")
        return 0
    cmd = shlex.split(a.bin) + shlex.split(a.args)
    answers = run_lookup(cmd, [t["query"] for t in tests], a.timeout)
    score(tests, answers, a.km)
    if a.context:
        score_with_context(tests, cmd, a.km, a.timeout)
    text, summary = report(tests, a.show, a.km, a.context)
    print(text)
    if a.json_out:
        with open(a.json_out, "w", encoding="utf-8") as f:
            json.dump({"summary": summary, "tests": tests}, f, ensure_ascii=False, indent=1)
    seeds = [t for t in tests if t["group"] == "seed"]
    return 0 if seeds and all(t["ok"] for t in seeds) else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except SystemExit as e:
        if isinstance(e.code, str):
            print(e.code, file=sys.stderr)
            sys.exit(2)
        raise
