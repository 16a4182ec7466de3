#!/usr/bin/env python3
"""A straightforward Python loop of hindsight's HPA replay, for comparison.

Same data shape and model as `hindsight bench --only hpa_replay_30d_15s`
(Sources/hindsight/Bench/BenchSim.swift): 30 days at 15 s of a diurnal load
(rps = (400 + 300 sin(2 pi t / day)) * noise, noise uniform in [0.9, 1.1) from
SplitMix64 seed 42), CPU 0.002 cores per request, pods of 0.5 cores / 1 GiB with a
30 s startup delay, a fluid queue with a 30 s timeout, a metrics pipeline (mean over a
30 s window, 15 s lag), and one HPA on cpu at 60 % synced every 15 s.

Per sync the HPA does what hindsight's HPAController does for this metric: one reading
per pod (none for starting pods), the readiness grouping over the pod list (Pending,
missing, the CPU-initialization rule), the truncated integer percent, the Kubernetes
1.33 tolerance band (0.9 <= ratio <= 1.1), the rebalance path for unready/missing pods
(direction flip, final direction check), the 5-minute downscale stabilization over the
recorded recommendations, the legacy scale-up limit max(2 x spec, 4) and min/max, and a
reason string for each decision. Per step: pods become ready, the fluid queue serves
and drops, the M/M/c (Erlang C) p99 latency is computed, and the accounting is complete
(cost, CCF energy, emissions, SLO, one output row of 13 columns).

It is a plain loop as one would write it in a notebook: no numpy, no tricks, and no
artificial slowness either.

Usage: python3 bench/replay_peer.py [--hindsight PATH] [--steps N] [--reps R]
Times the Python loop (median of R runs, CPU time from getrusage and wall time), then
runs `hindsight bench --only hpa_replay_30d_15s` (release build) on the thread-CPU and
the wall clock, and prints both and the ratios.
"""
import argparse
import collections
import math
import resource
import statistics
import subprocess
import time

MASK = (1 << 64) - 1


def splitmix64(seed):
    state = seed
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def make_trace(n):
    rng = splitmix64(42)
    rps, cpu = [], []
    for i in range(n):
        phase = (i % 5760) / 5760 * 2 * math.pi
        noise = 0.9 + 0.2 * ((next(rng) >> 11) * 2.0 ** -53)
        r = (400 + 300 * math.sin(phase)) * noise
        rps.append(r)
        cpu.append(r * 0.002)
    return rps, cpu


def hpa_sync(t, spec, pods, per_pod_milli, recs, decisions):
    """One HPA reconcile (Kubernetes 1.33 rules, legacy path): returns the new spec.

    The same work as HPAController.sync for one cpu Utilization metric: per-pod readings,
    readiness grouping over the pod list, integer percent, tolerance band, rebalance of
    unready/missing pods, stabilization over the recorded recommendations, scale-up limit.
    """
    request_milli = 500
    target = 60
    min_r, max_r = 2, 100
    window, lag, cpu_init = 30_000, 15_000, 300_000
    if spec == 0 and min_r != 0:
        return spec
    # what the metrics API returns: one value per pod, None for pods still starting
    values = [per_pod_milli if p[1] <= t else None for p in pods]
    # groupPods
    samples, unready, missing = [], 0, 0
    for p, v in zip(pods, values):
        created, ready_at = p
        if ready_at > t:
            unready += 1
        elif v is None:
            missing += 1
        elif t < created + cpu_init and t - lag < ready_at + window:
            unready += 1
        else:
            samples.append(v)
    if not samples:
        return spec  # "did not receive metrics": no scaling, nothing recorded
    util = (sum(samples) * 100) // (request_milli * len(samples))
    ratio = util / target
    if (unready == 0 or ratio <= 1) and missing == 0:
        raw = spec if 0.9 <= ratio <= 1.1 else math.ceil(ratio * len(samples))
        why = f"cpu {util}% of request vs target {target}% -> ratio {ratio:.3f} x {len(samples)} ready"
    else:
        total, count = sum(samples), len(samples)
        if missing and ratio < 1:
            total += missing * request_milli * max(100, target) // 100
            count += missing
        elif missing and ratio > 1:
            count += missing
        if unready and ratio > 1:
            count += unready
        util2 = (total * 100) // (request_milli * count)
        ratio2 = util2 / target
        why = f"cpu {util}% -> ratio {ratio:.3f}; rebalanced ({missing} missing, {unready} unready) {util2}%"
        if 0.9 <= ratio2 <= 1.1 or (ratio < 1 < ratio2) or (ratio > 1 > ratio2):
            raw = spec
        else:
            raw = math.ceil(ratio2 * count)
            if (ratio2 < 1 and raw > spec) or (ratio2 > 1 and raw < spec):
                raw = spec
    # stabilization over the last 5 minutes of recommendations, then record
    stab = raw
    for (r, rt) in recs:
        if t - rt < 300_000 and r > stab:
            stab = r
    recs[:] = [(r, rt) for (r, rt) in recs if t - rt < 300_000]
    recs.append((raw, t))
    limit = min(max_r, int(max(2.0 * spec, 4.0)))
    desired = min_r if stab < min_r else min(stab, limit)
    if desired != spec:
        decisions.append((t, spec, desired, f"{why}; raw {raw}; stabilized {stab} -> {desired}"))
    return desired


def p99_latency(ready, lam, mu, backlog, service=0.025, timeout=30.0):
    """M/M/c p99 response time (Erlang C), capped wait, as hindsight's `mmc` model."""
    capacity = ready * mu
    if lam <= 0 and backlog <= 0:
        return service if ready > 0 else float("nan")
    wait = 0.0
    if ready > 0 and lam < capacity:
        a = lam / mu
        b = 1.0
        for k in range(1, ready + 1):  # Erlang B recurrence
            b = a * b / (k + a * b)
        c = b / (1 - a / ready * (1 - b))  # probability of waiting
        if c > 0.01:
            wait = math.log(c / 0.01) / (capacity - lam)
    if lam >= capacity or backlog > 0:
        wait += backlog / capacity if capacity > 0 else float("inf")
    return service + min(wait, timeout)


def replay(rps, cpu):
    step_ms = 15_000
    start = 1_767_225_600_000
    request = 0.5
    mem_gib = 1.0
    startup = 30_000
    timeout = 30_000
    latency_target = None  # spec.slo.latencyP99 unset
    intensity = 379.0
    pod_hour = request * 0.031611 + mem_gib * 0.004237
    idle_w = request * 0.74 + 1.073741824 * 0.392
    dyn_w = request * (3.5 - 0.74)
    pue = 1.135
    # podCapacity from the median cost per request (constant here): 0.5 / 0.002 = 250 rps
    costs = sorted(c / r for c, r in zip(cpu, rps) if r > 0)
    median = costs[len(costs) // 2]
    pod_cap = request / median

    pods = []  # [created, ready_at], oldest first
    for _ in range(3):
        created = start - 400_000
        pods.append([created, created + startup])
    spec = 3
    queue = collections.deque()  # [arrival_ms, amount]
    history = collections.deque()  # (time, cpu per ready pod)
    recs = [(3, start)]
    decisions = []
    rows = []  # one output row per step
    cost = kwh = grams = served_total = dropped_total = 0.0
    violated_steps = 0
    for i in range(len(rps)):
        t = start + i * step_ms
        # metrics pipeline: mean of per-pod CPU over [t - lag - window, t - lag)
        vals = [v for (ts, v) in history if t - 45_000 <= ts < t - 15_000 and v == v]
        per_pod = sum(vals) / len(vals) if vals else float("nan")
        # whole nanocores, read as millicores rounded up (Quantity.MilliValue)
        milli = -(-round(per_pod * 1e9) // 1_000_000) if vals else None
        spec = hpa_sync(t, spec, pods, milli, recs, decisions)
        while len(pods) < spec:
            pods.append([t, t + startup])
        while len(pods) > spec:
            pods.pop()  # newest first: starting pods, then the most recently ready
        ready = sum(1 for p in pods if p[1] <= t)
        # serve the step through the fluid queue
        arrivals = rps[i] * 15
        queue.append([t, arrivals])
        budget = ready * pod_cap * 15
        served = 0.0
        while budget > 0 and queue:
            if queue[0][1] <= budget:
                budget -= queue[0][1]
                served += queue[0][1]
                queue.popleft()
            else:
                queue[0][1] -= budget
                served += budget
                budget = 0
        dropped = 0.0
        while queue and t + step_ms - queue[0][0] > timeout:
            dropped += queue.popleft()[1]
        backlog = sum(q[1] for q in queue)
        p99 = p99_latency(ready, rps[i], pod_cap, backlog)
        served_total += served
        dropped_total += dropped
        cores = served * median / 15
        history.append((t, cores / ready if ready else float("nan")))
        while history and history[0][0] < t - 60_000:
            history.popleft()
        # accounting: cost, CCF energy, emissions, utilization SLO, one output row
        util = cores / (ready * request) * 100 if ready else float("nan")
        u = min(1.0, cores / (ready * request)) if ready else 0.0
        watts = len(pods) * idle_w + ready * u * dyn_w
        step_kwh = watts * step_ms * pue / 3.6e9
        step_cost = len(pods) * pod_hour * step_ms / 3_600_000
        step_grams = step_kwh * intensity
        # the trace has rps, so the SLO is judged on drops and latency (no p99 target set here)
        violated = dropped > 1e-9 * max(1.0, arrivals) or (latency_target is not None and p99 > latency_target)
        violated_steps += violated
        kwh += step_kwh
        cost += step_cost
        grams += step_grams
        rows.append((t, rps[i], cpu[i], spec, ready, len(pods), util, p99 * 1000, step_cost, step_kwh,
                     step_grams, intensity, violated))
    return cost, kwh, served_total, dropped_total, len(decisions)


def hindsight_seconds(exe, steps, wall):
    """Median seconds of `hindsight bench --only hpa_replay_30d_15s` (thread CPU or wall)."""
    cmd = [exe, "bench", "--only", "hpa_replay_30d_15s", "--size", str(steps), "--reps", "7"]
    if wall:
        cmd.append("--wall")
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip().splitlines()
    line = [l for l in out if l.startswith("hpa_replay_30d_15s")][-1]
    return float(line.split(",")[2]), line


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hindsight", default=".build/release/hindsight")
    ap.add_argument("--steps", type=int, default=30 * 24 * 240)
    ap.add_argument("--reps", type=int, default=3, help="Python runs (the median is used)")
    args = ap.parse_args()
    rps, cpu = make_trace(args.steps)
    cpu_times, wall_times = [], []
    for _ in range(args.reps):
        r0 = resource.getrusage(resource.RUSAGE_SELF)
        w0 = time.perf_counter()
        cost, kwh, served, dropped, actions = replay(rps, cpu)
        wall_times.append(time.perf_counter() - w0)
        r1 = resource.getrusage(resource.RUSAGE_SELF)
        cpu_times.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
    py_cpu = statistics.median(cpu_times)
    py_wall = statistics.median(wall_times)
    print(f"python: {py_cpu:.3f} s CPU, {py_wall:.3f} s wall (median of {args.reps}) for {args.steps} steps "
          f"({args.steps / py_cpu:,.0f} ticks/s); cost {cost:.2f} USD, {kwh:.3f} kWh, {actions} scaling actions")
    sw_cpu, line_cpu = hindsight_seconds(args.hindsight, args.steps, wall=False)
    sw_wall, line_wall = hindsight_seconds(args.hindsight, args.steps, wall=True)
    print(f"hindsight (thread CPU): {line_cpu}")
    print(f"hindsight (wall):       {line_wall}")
    print(f"ratio: {py_cpu / sw_cpu:.1f}x (CPU time), {py_wall / sw_wall:.1f}x (wall)")


if __name__ == "__main__":
    main()
