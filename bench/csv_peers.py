#!/usr/bin/env python3
"""csv_parse side by side: pandas.read_csv (C engine) against `hindsight bench --only csv_parse`.

Writes the same file the Swift benchmark reads (`timestamp,value`, unix seconds every 15 s from
2026-01-01, values SplitMix64(seed 42) % 10**6 / 1000 printed as 123.456), times
pandas.read_csv(engine="c") on it (median of --repeat runs, file in the page cache like the
Swift run), runs the release build of hindsight, and prints both throughputs and their ratio.
Both sides are timed on the wall clock (`hindsight bench --wall`); the CPU time of the pandas
process (all threads) is printed too, for `hindsight bench` without `--wall` (thread CPU time).

    python3 bench/csv_peers.py [--rows 10000000] [--repeat 5] [--hindsight .build/release/hindsight]

Without --hindsight it builds `swift build -c release --product hindsight` first.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

MASK = (1 << 64) - 1


def splitmix64(seed: int, n: int) -> np.ndarray:
    """n outputs of SplitMix64 from seed, vectorised (uint64 arithmetic wraps like Swift's &* and &+)."""
    with np.errstate(over="ignore"):
        state = (np.uint64(seed) + np.arange(1, n + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15))
        z = state
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return z ^ (z >> np.uint64(31))


def write_file(path: str, rows: int) -> None:
    chunk = 1_000_000
    with open(path + ".tmp", "w") as out:
        out.write("timestamp,value\n")
        outputs = splitmix64(42, rows)
        for start in range(0, rows, chunk):
            stop = min(rows, start + chunk)
            t = 1_767_225_600 + 15 * np.arange(start, stop, dtype=np.int64)
            v = (outputs[start:stop] % np.uint64(1_000_000)).astype(np.int64)
            lines = [f"{a},{b // 1000}.{b % 1000:03d}\n" for a, b in zip(t.tolist(), v.tolist())]
            out.write("".join(lines))
    os.replace(path + ".tmp", path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--hindsight", help="path of a release-built hindsight binary")
    args = parser.parse_args()

    import pandas as pd

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    path = os.path.join(tempfile.gettempdir(), f"hindsight-bench-csv_parse-{args.rows}.py.csv")
    write_file(path, args.rows)
    size_mb = os.path.getsize(path) / 1e6

    pd.read_csv(path, engine="c")  # warm the page cache
    seconds, cpu_seconds = [], []
    for _ in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        frame = pd.read_csv(path, engine="c")
        seconds.append(time.perf_counter() - t0)
        cpu_seconds.append(time.process_time() - c0)
        assert len(frame) == args.rows
    pandas_s = statistics.median(seconds)
    pandas_cpu = statistics.median(cpu_seconds)
    print(f"pandas {pd.__version__} read_csv(engine='c'): {args.rows} rows, {size_mb:.1f} MB, "
          f"median wall {pandas_s:.3f} s = {size_mb / pandas_s:.1f} MB/s "
          f"(process CPU {pandas_cpu:.3f} s = {size_mb / pandas_cpu:.1f} MB/s)")

    binary = args.hindsight
    if binary is None:
        subprocess.run(["swift", "build", "-c", "release", "--product", "hindsight"], cwd=root, check=True)
        binary = os.path.join(root, ".build", "release", "hindsight")
    command = [binary, "bench", "--only", "csv_parse", "--size", str(args.rows), "--wall"]
    run = subprocess.run(command, cwd=root, capture_output=True, text=True)
    if run.returncode != 0 and "--wall" in run.stderr:
        command.remove("--wall")   # an older bench without the flag: wall clock is its only clock
        run = subprocess.run(command, cwd=root, capture_output=True, text=True)
    if run.returncode != 0:
        print(f"{binary} bench failed (exit {run.returncode}):\n{run.stderr}", file=sys.stderr)
        return 1
    line = [l for l in run.stdout.splitlines() if l.startswith("csv_parse,")]
    if not line:
        print("hindsight printed no csv_parse line:\n" + run.stdout + run.stderr, file=sys.stderr)
        return 1
    _, n, swift_s, throughput = line[-1].split(",")[:4]
    swift_file = os.path.join(tempfile.gettempdir(), f"hindsight-bench-csv_parse-{args.rows}.csv")
    same = os.path.exists(swift_file) and open(swift_file, "rb").read() == open(path, "rb").read()
    print(f"hindsight csv_parse ({' '.join(command[1:])}): {n} rows, median {float(swift_s):.3f} s = {float(throughput):.1f} MB/s"
          f" (same bytes as the pandas file: {'yes' if same else 'NO'})")
    print(f"ratio hindsight / pandas throughput: {pandas_s / float(swift_s):.2f}x")
    os.remove(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
