#!/usr/bin/env python3
"""Run `hindsight bench` for the statistics ops and the same ops in numpy/pandas, side by side
in one run, and print the ratios (peer time / hindsight time: > 1 means hindsight is faster).

Usage: python3 bench/stats_peers.py [--size N] [--reps R] [--wall] [--no-build] [--target-cpu CPU]

Both sides time each op as the median of repeated runs on data of the same size and
distribution (normal(100, 15); hindsight draws it from its own fixed-seed generator, numpy
from default_rng(20261126)). By default both measure the thread's CPU time (steady on a shared
machine; every op here is single-threaded); --wall uses the wall clock on both sides.
--target-cpu builds a second, non-portable hindsight (e.g. haswell, the x86-64-v3 level) into .build/cpu-<CPU>
and adds its column.
"""
import argparse
import os
import subprocess
import sys
import time

import numpy as np
import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# op name (CLI.md contract) -> (peer label, peer function, target ratio)
PEERS = {
    "sum": ("numpy sum", lambda x, s: x.sum(), 1.0),
    "mean": ("numpy mean", lambda x, s: x.mean(), 1.0),
    "variance": ("numpy var", lambda x, s: x.var(), None),
    "min": ("numpy min", lambda x, s: x.min(), None),
    "max": ("numpy max", lambda x, s: x.max(), None),
    "percentiles_p50_p95_p99": ("numpy percentile", lambda x, s: np.percentile(x, [50, 95, 99]), 2.0),
    "rolling_mean_w60": ("pandas rolling(60).mean", lambda x, s: s.rolling(60).mean(), 3.0),
    "rolling_std_w60": ("pandas rolling(60).std", lambda x, s: s.rolling(60).std(), 3.0),
    "rolling_max_w60": ("pandas rolling(60).max", lambda x, s: s.rolling(60).max(), 3.0),
    "rolling_quantile99_w60": ("pandas rolling(60).quantile(.99)", lambda x, s: s.rolling(60).quantile(0.99), 10.0),
    "rolling_quantile99_w1440": ("pandas rolling(1440).quantile(.99)",
                                 lambda x, s: s.rolling(1440).quantile(0.99), 10.0),
    "ewma_alpha0.1": ("pandas ewm(alpha=.1, adjust=False).mean", lambda x, s: s.ewm(alpha=0.1, adjust=False).mean(), 2.0),
}


def build(extra):
    cmd = ["swift", "build", "-c", "release", "--product", "hindsight"] + extra
    print("+", " ".join(cmd), file=sys.stderr, flush=True)
    subprocess.run(cmd, cwd=ROOT, check=True)
    out = subprocess.run(cmd[:4] + extra + ["--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True)
    return os.path.join(out.stdout.strip(), "hindsight")


def run_hindsight(binary, size, reps, wall):
    cmd = [binary, "bench", "--size", str(size), "--reps", str(reps)] + (["--wall"] if wall else [])
    for op in PEERS:
        cmd += ["--only", op]
    print("+", " ".join(cmd), file=sys.stderr, flush=True)
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    times = {}
    for line in out.splitlines()[1:]:
        op, n, seconds, _ = line.split(",")
        times[op] = float(seconds)
    return times


def time_peer(fn, x, s, reps, wall):
    clock = time.perf_counter if wall else time.thread_time
    fn(x, s)  # warm-up
    times, spent = [], 0.0
    while len(times) < reps and (len(times) < 1 or spent < 20):
        t0 = clock()
        fn(x, s)
        dt = clock() - t0
        times.append(dt)
        spent += dt
    times.sort()
    return times[len(times) // 2]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=10_000_000)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--wall", action="store_true")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--target-cpu", default=None)
    a = ap.parse_args()

    if a.no_build:
        binary = os.path.join(ROOT, ".build", "release", "hindsight")
    else:
        binary = build([])
    ours = run_hindsight(binary, a.size, a.reps, a.wall)
    cpu = None
    if a.target_cpu:
        b2 = build(["-Xswiftc", "-target-cpu", "-Xswiftc", a.target_cpu, "--scratch-path",
                    os.path.join(ROOT, ".build", "cpu-" + a.target_cpu)])
        cpu = run_hindsight(b2, a.size, a.reps, a.wall)

    x = np.random.default_rng(20261126).normal(100, 15, a.size)
    s = pd.Series(x)
    clock = "wall" if a.wall else "thread CPU"
    print(f"\nn = {a.size:,}, median of up to {a.reps} runs, {clock} time; numpy {np.__version__}, pandas {pd.__version__}\n")
    head = "| op | hindsight s | peer | peer s | ratio | target |"
    sep = "| --- | ---: | --- | ---: | ---: | ---: |"
    if cpu:
        head += f" hindsight {a.target_cpu} s | ratio {a.target_cpu} |"
        sep += " ---: | ---: |"
    print(head)
    print(sep)
    for op, (label, fn, target) in PEERS.items():
        peer = time_peer(fn, x, s, a.reps, a.wall)
        h = ours.get(op, float("nan"))
        ratio = peer / h if h > 0 else float("nan")
        tgt = f"≥ {target:g}× {'✓' if ratio >= target else '✗'}" if target else ""
        row = f"| {op} | {h:.4f} | {label} | {peer:.4f} | {ratio:.2f}× | {tgt} |"
        if cpu:
            hc = cpu.get(op, float("nan"))
            row += f" {hc:.4f} | {peer / hc:.2f}× |"
        print(row, flush=True)
    gbs = 8 * a.size / ours["sum"] / 1e9
    line = f"\nstreaming sum: hindsight {gbs:.1f} GB/s"
    if cpu:
        line += f", {a.target_cpu} {8 * a.size / cpu['sum'] / 1e9:.1f} GB/s"
    npt = time_peer(PEERS["sum"][1], x, s, a.reps, a.wall)
    print(line + f", numpy {8 * a.size / npt / 1e9:.1f} GB/s (physical limit from memory ≈ 15 GB/s)")


if __name__ == "__main__":
    main()
