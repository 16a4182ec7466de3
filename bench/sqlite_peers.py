#!/usr/bin/env python3
"""SQLite store speed of hindsight against Python's sqlite3, side by side.

Python does the same work as `hindsight bench --only sqlite_insert --only sqlite_read`:

  sqlite_insert  open a fresh database file (WAL, synchronous=NORMAL), create the store
                 schema, insert N (time ms, value) rows into `samples` with
                 `executemany` of `INSERT INTO samples(t, value) VALUES (?, ?)` in one
                 transaction, commit, close. (hindsight writes the same rows, in the same
                 single transaction, through multi-row INSERTs of 512 rows each: that is
                 its real import path, `DatasetStore.importTrace`.)
  sqlite_read    open the database, `fetchall` every row of the dataset in time order, close.

Same schema (read from Sources/HindsightTrace/Store/StoreSchema.swift), same row count,
same values, same SQLite library. Each side reports the median of its repetitions; the
ratio is hindsight's rows/s over Python's. The issue asks for sqlite_insert >= 2x.

Usage (from the package root):
  swift build -c release
  python3 bench/sqlite_peers.py [--rows 1000000] [--reps 5] [--binary .build/release/hindsight]

Exit status: 0 when sqlite_insert reaches 2x, 1 when it does not, 2 on a usage problem.
"""
import argparse
import os
import re
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMA_SWIFT = os.path.join(ROOT, "Sources", "HindsightTrace", "Store", "StoreSchema.swift")
APPLICATION_ID = 0x48534453
START_MS = 1_767_225_600_000  # 2026-01-01T00:00:00Z, as BenchStoreData.trace


def schema_sql():
    """The version-1 migration of the store, taken from the Swift source."""
    with open(SCHEMA_SWIFT, encoding="utf-8") as f:
        text = f.read()
    match = re.search(r'"""\s*\n(\s*CREATE TABLE datasets.*?)"""', text, re.S)
    if not match:
        sys.exit(f"{SCHEMA_SWIFT}: cannot find the CREATE TABLE statements of migration 0 -> 1")
    return match.group(1)


def rows(n):
    """The benchmark rows: the same times and values as BenchStoreData.trace in Swift."""
    return [(START_MS + i * 15_000, (i * 7919 % 1_000_003) / 1000 + 0.5) for i in range(n)]


def python_insert(path, ddl, data):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    t0, c0 = time.perf_counter(), time.process_time()
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA page_size = 65536")  # as StoreSchema.migrate makes a new store
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")
    db.executescript(ddl)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 1")
    db.execute("BEGIN IMMEDIATE")
    db.execute(
        "INSERT INTO datasets(id, name, source, imported_at, rows, start_ms, end_ms, step_ms) "
        "VALUES (1, 'bench', 'bench', '2026-01-01T00:00:00Z', ?, ?, ?, 15000)",
        (len(data), data[0][0], data[-1][0]),
    )
    db.executemany("INSERT INTO samples(t, value) VALUES (?, ?)", data)
    db.execute(
        "INSERT INTO dataset_columns(dataset_id, position, name, first_sample, last_sample) "
        "VALUES (1, 0, 'value', 1, ?)",
        (len(data),),
    )
    db.execute("COMMIT")
    db.close()
    return time.perf_counter() - t0, time.process_time() - c0


def python_read(path, n):
    t0, c0 = time.perf_counter(), time.process_time()
    db = sqlite3.connect(path)
    got = db.execute("SELECT t, value FROM samples WHERE id BETWEEN 1 AND ? ORDER BY id", (n,)).fetchall()
    db.close()
    elapsed = time.perf_counter() - t0, time.process_time() - c0
    if len(got) != n:
        sys.exit(f"python read {len(got)} rows, expected {n}")
    return elapsed


def has_wall_flag(binary):
    """Whether `hindsight bench` times with the thread's CPU clock by default and takes
    `--wall` for the wall clock (the bench command of CLI.md does)."""
    try:
        text = subprocess.run([binary, "bench", "--help"], capture_output=True, text=True).stdout
    except OSError:
        return False
    return "--wall" in text


def run_bench(binary, n, ops, reps=None, extra=()):
    """Runs `hindsight bench`; returns ({op: (seconds, rows/s)}, CPU seconds of the child)."""
    command = [binary, "bench", "--size", str(n), *extra]
    for op in ops:
        command += ["--only", op]
    if reps is not None:
        command += ["--reps", str(reps)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    result = {}
    for line in out.splitlines():
        fields = line.split(",")
        if len(fields) == 4 and fields[0] in ops:
            result[fields[0]] = (float(fields[2]), float(fields[3]))
    if set(result) != set(ops):
        sys.exit(f"unexpected output of {' '.join(command)}:\n{out}")
    return result, cpu


def hindsight_cpu(binary, n, op):
    """CPU seconds of one run of `op`: `hindsight bench` does one warm-up run plus --reps
    timed runs, so the CPU of --reps 3 minus that of --reps 1 is two runs, setup excluded."""
    try:
        _, one = run_bench(binary, n, [op], reps=1)
        _, three = run_bench(binary, n, [op], reps=3)
    except subprocess.CalledProcessError:
        return None
    return (three - one) / 2


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "hindsight"))
    args = parser.parse_args()
    if not os.access(args.binary, os.X_OK):
        print(f"{args.binary}: no hindsight binary; run `swift build -c release` first", file=sys.stderr)
        return 2

    ddl = schema_sql()
    data = rows(args.rows)
    python = {}
    with tempfile.TemporaryDirectory(prefix="hindsight-peers-") as folder:
        path = os.path.join(folder, "peer.sqlite")
        python_insert(path, ddl, data)  # warm-up
        runs = [python_insert(path, ddl, data) for _ in range(args.reps)]
        python["sqlite_insert"] = (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))
        python_read(path, args.rows)  # warm-up
        runs = [python_read(path, args.rows) for _ in range(args.reps)]
        python["sqlite_read"] = (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))
    del data

    ops = ["sqlite_insert", "sqlite_read"]
    if has_wall_flag(args.binary):
        # Median of --reps runs on each clock, as for Python: wall with --wall, the
        # thread's CPU time (user + system) by default.
        swift, _ = run_bench(args.binary, args.rows, ops, reps=args.reps, extra=["--wall"])
        cpu_runs, _ = run_bench(args.binary, args.rows, ops, reps=args.reps)
        swift_cpu = {op: cpu_runs[op][0] for op in ops}
    else:
        swift, _ = run_bench(args.binary, args.rows, ops)
        swift_cpu = {op: hindsight_cpu(args.binary, args.rows, op) for op in ops}
    load = os.getloadavg()[0]
    print(f"SQLite {sqlite3.sqlite_version}, Python {sys.version.split()[0]}, {args.rows} rows, "
          f"median of {args.reps}; load average {load:.1f} on {os.cpu_count()} CPUs")
    print("wall clock (`hindsight bench --wall`; Python time.perf_counter):")
    print(f"  {'op':14} {'python rows/s':>14} {'hindsight rows/s':>17} {'ratio':>7}")
    ratios = {}
    for op in ops:
        py = args.rows / python[op][0]
        hs = swift[op][1]
        ratios[op] = hs / py
        print(f"  {op:14} {py:14,.0f} {hs:17,.0f} {ratios[op]:6.2f}x")
    print("CPU time per run (`hindsight bench`, thread CPU; Python time.process_time; less sensitive to load):")
    print(f"  {'op':14} {'python s':>14} {'hindsight s':>17} {'ratio':>7}")
    for op in ops:
        if swift_cpu[op] is None or swift_cpu[op] <= 0:
            print(f"  {op:14} {python[op][1]:14.3f} {'n/a':>17}")
        else:
            print(f"  {op:14} {python[op][1]:14.3f} {swift_cpu[op]:17.3f} {python[op][1] / swift_cpu[op]:6.2f}x")
    ok = ratios["sqlite_insert"] >= 2
    print(f"sqlite_insert target >= 2.00x (wall clock): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
