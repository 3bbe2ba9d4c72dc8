#!/usr/bin/env python3
"""End-to-end ingest benchmark for ceasewatch.

Generates a synthetic corpus with gen_corpus, times

    ceasewatch ingest --db TMP/bench.db CORPUS

and, for comparison, times python3-readability's cleaner
(Document(html).summary()) on a sample of the same HTML pages.

Standard library only. See bench/README.md for what each figure means.

    bench/ingest_bench.py [--build DIR] [--pages N] [--format html|text]
                          [--seed S] [--readability-sample N] [--keep]
"""

import argparse
import json
import os
import platform
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

READABILITY_PYTHONS = ("/usr/bin/python3",)


# ----------------------------------------------------------------- machine

def machine_note():
    try:
        nproc = subprocess.run(["nproc"], capture_output=True, text=True,
                               check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        nproc = str(os.cpu_count())
    cpu, mem = "unknown", "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    mem = "%.1f GB" % (int(line.split()[1]) / 1024 / 1024)
                    break
    except OSError:
        pass
    return nproc, cpu, mem


def build_type(build_dir):
    try:
        with open(os.path.join(build_dir, "CMakeCache.txt"),
                  encoding="utf-8", errors="replace") as f:
            for line in f:
                if line.startswith("CMAKE_BUILD_TYPE:"):
                    return line.split("=", 1)[1].strip() or "(none)"
    except OSError:
        pass
    return "unknown"


def tool_version(binary):
    try:
        out = subprocess.run([binary, "--version"], capture_output=True,
                             text=True, timeout=30)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, subprocess.SubprocessError, IndexError):
        return "unknown"


# ------------------------------------------------------------------ corpus

def list_files(root):
    paths = []
    for d, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            paths.append(os.path.join(d, name))
    return paths


def run_timed(cmd, stdout_path, stderr_path):
    """Runs cmd; returns (exit code, wall seconds, rusage of that child).

    os.wait4 gives the rusage of exactly this child (ru_maxrss in KB on
    Linux), the same figures getrusage(RUSAGE_CHILDREN) would report, but
    without mixing in gen_corpus or any other earlier child."""
    with open(stdout_path, "wb") as out, open(stderr_path, "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err,
                                stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, seconds, usage


def tail(path, lines=30):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return ""
    text = data.decode("utf-8", errors="replace").rstrip("\n")
    return "\n".join(text.splitlines()[-lines:])


def table_counts(db_path):
    """Row counts of the store's tables (whatever the schema holds)."""
    counts = []
    try:
        con = sqlite3.connect("file:%s?mode=ro" % db_path, uri=True)
        try:
            names = [r[0] for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' "
                "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' "
                "ORDER BY name")]
            for name in names:
                n = con.execute('SELECT COUNT(*) FROM "%s"' %
                                name.replace('"', '""')).fetchone()[0]
                counts.append((name, n))
        finally:
            con.close()
    except sqlite3.Error as e:
        counts.append(("(could not read: %s)" % e, 0))
    return counts


# ------------------------------------------------------------- readability

def time_readability_in_process(paths):
    """Returns a dict: pages, seconds, failures. File reading and UTF-8
    decoding happen before the clock starts."""
    import logging
    logging.disable(logging.CRITICAL)  # readability logs on odd pages
    from readability import Document  # python3-readability

    pages = []
    for p in paths:
        with open(p, "rb") as f:
            pages.append(f.read().decode("utf-8", errors="replace"))
    failures = 0
    start = time.perf_counter()
    for html in pages:
        try:
            Document(html).summary()
        except Exception:  # noqa: BLE001 - count, do not stop the timing
            failures += 1
    seconds = time.perf_counter() - start
    return {"pages": len(pages), "seconds": seconds, "failures": failures,
            "python": sys.executable}


def readability_importable(python):
    try:
        r = subprocess.run([python, "-c", "import readability"],
                           capture_output=True, timeout=60)
        return r.returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False


def time_readability(paths, workdir):
    """Times readability in this interpreter when it can import it, else in
    the Debian interpreter that python3-readability is installed for (still
    in-process there: this script re-runs itself with --readability-only)."""
    try:
        import readability  # noqa: F401
        return time_readability_in_process(paths)
    except ImportError:
        pass
    for python in READABILITY_PYTHONS:
        if os.path.realpath(python) == os.path.realpath(sys.executable):
            continue
        if not readability_importable(python):
            continue
        listing = os.path.join(workdir, "readability-sample.txt")
        with open(listing, "w", encoding="utf-8") as f:
            f.write("\n".join(paths) + "\n")
        r = subprocess.run([python, os.path.abspath(__file__),
                            "--readability-only", listing],
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError("readability run under %s failed:\n%s" %
                               (python, r.stderr[-2000:]))
        return json.loads(r.stdout.strip().splitlines()[-1])
    return None


# -------------------------------------------------------------------- main

def dedup_accuracy(db_path, manifest_path):
    """Checks duplicate_of links against the generator's manifest: a link is
    right when both pages tell the same story. Returns a summary string."""
    import csv
    import sqlite3
    rows = list(csv.reader(open(manifest_path), delimiter="\t"))[1:]
    story = {r[0]: r[2] for r in rows}
    kind = {r[0]: r[1] for r in rows}
    db = sqlite3.connect(db_path)
    rel = {}
    for i, p in db.execute("SELECT a.id, d.path FROM articles a "
                           "JOIN documents d ON d.id = a.document_id"):
        rel[i] = p.split("/corpus/", 1)[-1]
    right = wrong = 0
    linked = set()
    for i, d in db.execute("SELECT id, duplicate_of FROM articles "
                           "WHERE duplicate_of IS NOT NULL"):
        a, b = rel[i], rel[d]
        linked.add(a)
        if story.get(a) == story.get(b):
            right += 1
        else:
            wrong += 1
    planted = [p for p in rel.values() if kind.get(p) not in (None, "original")]
    found = sum(1 for p in planted if p in linked)
    return "%d planted copies, %d linked right, %d linked wrong; recall %.3f, precision %.3f" % (
        len(planted), right, wrong, found / max(1, len(planted)),
        right / max(1, right + wrong))


def fmt_row(label, value):
    return "  %-26s %s" % (label, value)


def main():
    ap = argparse.ArgumentParser(
        description="Benchmark `ceasewatch ingest` on a synthetic corpus and "
                    "compare with python3-readability.")
    ap.add_argument("--build", default="./build",
                    help="build directory holding ceasewatch and "
                         "bench/gen_corpus (default ./build)")
    ap.add_argument("--pages", type=int, default=20000,
                    help="pages to generate (default 20000)")
    ap.add_argument("--format", choices=("html", "text"), default="html",
                    help="page format of the corpus (default html)")
    ap.add_argument("--seed", type=int, default=1,
                    help="gen_corpus seed (default 1)")
    ap.add_argument("--readability-sample", type=int, default=1000,
                    help="HTML pages to time readability on (default 1000; "
                         "0 skips it)")
    ap.add_argument("--tmpdir", default=None,
                    help="where to make the temporary directory "
                         "(default: the system temp dir)")
    ap.add_argument("--keep", action="store_true",
                    help="keep the temporary directory (corpus, db, logs)")
    ap.add_argument("--readability-only", metavar="LISTING",
                    help=argparse.SUPPRESS)
    args = ap.parse_args()

    sys.stdout.reconfigure(line_buffering=True)  # keep order with stderr
    if args.readability_only:  # internal: see time_readability()
        with open(args.readability_only, encoding="utf-8") as f:
            paths = [line.strip() for line in f if line.strip()]
        print(json.dumps(time_readability_in_process(paths)))
        return 0

    build = os.path.abspath(args.build)
    ceasewatch = os.path.join(build, "ceasewatch")
    gen_corpus = os.path.join(build, "bench", "gen_corpus")
    for binary in (ceasewatch, gen_corpus):
        if not os.access(binary, os.X_OK):
            print("ingest_bench: %s not found; build it first (ninja -C %s "
                  "ceasewatch gen_corpus)" % (binary, args.build),
                  file=sys.stderr)
            return 1
    if args.pages <= 0:
        print("ingest_bench: --pages must be positive", file=sys.stderr)
        return 1

    nproc, cpu, mem = machine_note()
    print("ceasewatch ingest benchmark")
    print(fmt_row("machine", "%s CPUs (nproc), %s, %s RAM" % (nproc, cpu, mem)))
    print(fmt_row("system", "%s %s, Python %s" % (
        platform.system(), platform.release(), platform.python_version())))
    print(fmt_row("ceasewatch", "%s (%s build, %s)" % (
        tool_version(ceasewatch), build_type(build), ceasewatch)))
    print()

    work = tempfile.mkdtemp(prefix="cw-ingest-bench-", dir=args.tmpdir)
    try:
        return run(args, work, ceasewatch, gen_corpus)
    finally:
        if args.keep:
            print("\nkept %s" % work)
        else:
            shutil.rmtree(work, ignore_errors=True)


def run(args, work, ceasewatch, gen_corpus):
    corpus = os.path.join(work, "corpus")
    db = os.path.join(work, "bench.db")

    # 1. The corpus.
    rc, gen_s, _ = run_timed(
        [gen_corpus, "--out", corpus, "--pages", str(args.pages), "--seed",
         str(args.seed), "--format", args.format, "--manifest",
         os.path.join(work, "manifest.tsv")],
        os.path.join(work, "gen_corpus.out"),
        os.path.join(work, "gen_corpus.err"))
    if rc != 0:
        print("ingest_bench: gen_corpus exited %d:\n%s" %
              (rc, tail(os.path.join(work, "gen_corpus.err"))), file=sys.stderr)
        return 1
    files = list_files(corpus)
    input_bytes = sum(os.path.getsize(p) for p in files)
    input_mb = input_bytes / 1e6
    summary = tail(os.path.join(work, "gen_corpus.err"), 1)
    kinds = summary[summary.find("(") + 1:summary.find(")")] \
        if "(" in summary else ""
    print("corpus: %d %s pages, %.1f MB, generated in %.2f s" % (
        len(files), args.format, input_mb, gen_s))
    if kinds:
        print("        %s" % kinds)
    print()

    # 2. ceasewatch ingest.
    cmd = [ceasewatch, "ingest", "--db", db, corpus]
    print("running: %s" % " ".join(cmd))
    err_path = os.path.join(work, "ingest.err")
    rc, secs, usage = run_timed(cmd, os.path.join(work, "ingest.out"),
                                err_path)
    if rc != 0:
        print("ingest_bench: ceasewatch ingest exited %d after %.1f s; "
              "stderr tail:\n%s" % (rc, secs, tail(err_path)),
              file=sys.stderr)
        return 1
    cpu_s = usage.ru_utime + usage.ru_stime
    pages = len(files)
    cw_rate = pages / secs
    print()
    print("ceasewatch ingest (single-threaded: one core does all the work)")
    print(fmt_row("pages", "%d" % pages))
    print(fmt_row("input", "%.1f MB" % input_mb))
    print(fmt_row("wall time", "%.2f s" % secs))
    print(fmt_row("pages/s", "%.0f" % cw_rate))
    print(fmt_row("MB/s", "%.1f" % (input_mb / secs)))
    print(fmt_row("pages/s per core",
                  "%.0f  (pages per CPU-second: %.2f s user + %.2f s sys)" % (
                      pages / cpu_s if cpu_s > 0 else float("nan"),
                      usage.ru_utime, usage.ru_stime)))
    print(fmt_row("peak RSS", "%.1f MB" % (usage.ru_maxrss / 1024)))
    db_mb = sum(os.path.getsize(p) for p in (db, db + "-wal")
                if os.path.exists(p)) / 1e6
    print(fmt_row("database", "%.1f MB" % db_mb))
    counts = table_counts(db)
    if counts:
        print(fmt_row("rows", ", ".join("%s %d" % c for c in counts)))
    manifest = os.path.join(work, "manifest.tsv")
    if os.path.exists(manifest):
        print(fmt_row("near-duplicates", dedup_accuracy(db, manifest)))

    # 3. python3-readability on a sample of the same pages.
    print()
    if args.readability_sample <= 0:
        print("readability: skipped (--readability-sample 0)")
        return 0
    if args.format != "html":
        print("readability: skipped (it cleans HTML; the corpus is %s)" %
              args.format)
        return 0
    sample = files
    if len(files) > args.readability_sample:
        sample = sorted(random.Random(args.seed).sample(
            files, args.readability_sample))
    try:
        res = time_readability(sample, work)
    except RuntimeError as e:
        print("readability: %s" % e)
        return 1
    if res is None:
        print("readability: not importable (apt install python3-readability)")
        return 0
    rd_rate = res["pages"] / res["seconds"] if res["seconds"] > 0 else 0.0
    print("python3-readability, Document(html).summary() in-process "
          "(%s; file reading excluded)" % res["python"])
    print(fmt_row("pages", "%d%s" % (
        res["pages"], " (%d raised)" % res["failures"]
        if res["failures"] else "")))
    print(fmt_row("time", "%.2f s" % res["seconds"]))
    print(fmt_row("pages/s", "%.0f" % rd_rate))
    if rd_rate > 0:
        print(fmt_row("ceasewatch / readability",
                      "%.1fx pages/s" % (cw_rate / rd_rate)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
