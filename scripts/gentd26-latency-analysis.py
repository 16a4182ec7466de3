#!/usr/bin/env python3
"""What explains the hourly medians of the recorded p95 on Alibaba GenTD26?

Reproduces the numbers of scenarios/README.md ("Fidelity", "Why the hourly medians stay
above 20 %"). Needs numpy and ../shared/datasets beside the repository:

    python3 scripts/gentd26-latency-analysis.py [DATASET_DIR]

It re-implements the `empirical` fit (20 equal-count bins on requests/s per pod, each the
1/latency-weighted median, pool-adjacent-violators) to check it against `hindsight run`,
then tries other features and per-bin statistics, and explains the night p95 as the
nearest-rank p95 of a few requests of which a known share are heavy.
"""
import csv
import math
import os
import sys

import numpy as np

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "../../shared/datasets/alibaba-gentd26")
rows = list(csv.DictReader(open(os.path.join(root, "derived/per_step_summary.csv"))))


def col(name):
    return np.array([float(r[name]) if r[name] != "" else np.nan for r in rows])


t = col("timestamp_anon")
qps = col("qps_generative_sum")
pods = col("gpu_pods")
lat = col("e2e_latency_ms_p95") / 1000
duty = col("gpu_duty_mean_pct")
samples = col("e2e_n")
hour = (t // 3600).astype(int)
load = np.nan_to_num(qps) / pods          # a missing QPS sample counts as 0, as in the simulator
n = len(t)
cut = int(n * 0.7)
ok = np.isfinite(lat) & (lat > 0)
train = ok & (np.arange(n) < cut)
held = ok & (np.arange(n) >= cut)


def least_pct_error(v):
    """The constant with the least MAPE: the median weighted by 1/v."""
    v = np.sort(v)
    c = np.cumsum(1 / v)
    return v[np.searchsorted(c, c[-1] / 2)]


def mape(rec, mod):
    return float(np.mean(np.abs(mod - rec) / rec) * 100)


def hourly(mask, mod):
    hs = np.unique(hour[mask])
    r = np.array([np.median(lat[mask & (hour == h)]) for h in hs])
    m = np.array([np.median(mod[mask & (hour == h)]) for h in hs])
    return mape(r, m)


def fit(mask, stat=least_pct_error, bins=20, monotone=True):
    """The `empirical` curve on `mask`, read at every step."""
    o = np.lexsort((lat[mask], load[mask]))
    xs, ys = load[mask][o], lat[mask][o]
    k = min(bins, len(xs))
    raw, lo = [], 0
    for b in range(k):
        hi = max(lo, (b + 1) * len(xs) // k)
        while 0 < hi < len(xs) and xs[hi] == xs[hi - 1]:
            hi += 1
        if hi > lo:
            raw.append((np.median(xs[lo:hi]), stat(ys[lo:hi]), hi - lo))
        lo = hi
    if monotone:
        blocks = []
        for _, y, w in raw:
            blocks.append([y * w, w, 1])
            while len(blocks) >= 2 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
                b2, b1 = blocks.pop(), blocks.pop()
                blocks.append([b1[0] + b2[0], b1[1] + b2[1], b1[2] + b2[2]])
        ys_fit = [s / w for s, w, c in blocks for _ in range(c)]
    else:
        ys_fit = [y for _, y, _ in raw]
    return np.interp(load, [u for u, _, _ in raw], ys_fit)


def fit_with_duty(mask, stat, duty_bins):
    """20 equal-count bins on load per pod, each split into `duty_bins` by recorded GPU duty."""
    out = np.full(n, np.nan)
    edges = np.unique(np.quantile(load[mask], np.linspace(0, 1, 21)))
    bx = np.clip(np.searchsorted(edges, load, side="right") - 1, 0, len(edges) - 2)
    for b in range(len(edges) - 1):
        sel = mask & (bx == b)
        if not sel.any():
            continue
        de = np.quantile(duty[sel], np.linspace(0, 1, duty_bins + 1))
        bd = np.clip(np.searchsorted(de, duty, side="right") - 1, 0, duty_bins - 1)
        for d in range(duty_bins):
            if (sel & (bd == d)).any():
                out[(bx == b) & (bd == d)] = stat(lat[sel & (bd == d)])
    return out


def report(name, full, trained):
    s = ok & np.isfinite(full)
    h = held & np.isfinite(trained)
    const = least_pct_error(lat[train])
    model, base = mape(lat[h], trained[h]), mape(lat[h], np.full(h.sum(), const))
    print(f"{name:44s} step {mape(lat[s], full[s]):5.1f}  hourly {hourly(s, full):5.1f}  "
          f"hold-out {model:5.1f} vs {base:5.1f} (skill {1 - model / base:+.2f})  "
          f"hold-out hourly {hourly(h, trained):5.1f}")


print("== models (whole-trace fit; hold-out refitted on the first 70 %) ==")
report("empirical as shipped", fit(ok), fit(train))
report("constant (least MAPE)", np.full(n, least_pct_error(lat[ok])), np.full(n, least_pct_error(lat[train])))
report("constant (median)", np.full(n, np.median(lat[ok])), np.full(n, np.median(lat[train])))
report("per-bin median, monotone", fit(ok, np.median), fit(train, np.median))
report("per-bin median, not monotone", fit(ok, np.median, monotone=False), fit(train, np.median, monotone=False))
for k in (2, 4, 8):
    report(f"+ GPU duty x{k}, least-MAPE", fit_with_duty(ok, least_pct_error, k), fit_with_duty(train, least_pct_error, k))
    report(f"+ GPU duty x{k}, median", fit_with_duty(ok, np.median, k), fit_with_duty(train, np.median, k))
oracle = np.zeros(n)
for h in np.unique(hour[ok]):
    oracle[hour == h] = least_pct_error(lat[ok & (hour == h)])
print(f"{'oracle: each hour its own least-MAPE value':44s} step {mape(lat[ok], oracle[ok]):5.1f}  hourly {hourly(ok, oracle):5.1f}")
for h in np.unique(hour[ok]):
    oracle[hour == h] = np.median(lat[ok & (hour == h)])
print(f"{'oracle: each hour its own median':44s} step {mape(lat[ok], oracle[ok]):5.1f}  hourly {hourly(ok, oracle):5.1f}")
print(f"the hold-out starts at step {cut}, {hour[cut] % 24}:{int(t[cut] % 3600 // 60):02d} (trace clock)")

shipped = fit(ok)
errs = []
print("\n== per hour: recorded and modelled median p95 (s), request mix, sampled-p95 prediction ==")
print("hour  rec  model  err%  heavy/h light/h share  req/step  P(p95 heavy) binomial  observed  no-QPS share")
pipe = list(csv.DictReader(open(os.path.join(root, "raw/pipeline_inference_data_anon.csv"))))
v = np.array([float(r["value"]) for r in pipe]) / 1000
vh = (np.array([float(r["timestamp_anon"]) for r in pipe]) // 3600).astype(int)
for h in np.unique(hour[ok]):
    s = ok & (hour == h)
    rec, mod = np.median(lat[s]), np.median(shipped[s])
    errs.append((rec, abs(mod - rec) / rec * 100))
    p = float((v[vh == h] > 55).mean())

    def heavy_p95(k):
        need = k - math.ceil(0.95 * k) + 1   # nearest-rank p95 is heavy iff that many of k are
        return sum(math.comb(k, j) * p ** j * (1 - p) ** (k - j) for j in range(need, k + 1))
    pred = np.mean([heavy_p95(int(k)) for k in samples[s]])
    print(f"{h % 24:4d} {rec:5.1f} {mod:5.1f} {errs[-1][1]:5.0f}  {int((v[vh == h] > 55).sum()):6d} {int((v[vh == h] <= 55).sum()):7d} "
          f"{p:5.2f} {np.median(samples[s]):6.0f} {pred:14.2f} {(lat[s] > 55).mean():17.2f} {np.isnan(qps[s]).mean():9.2f}")
high = sum(e for r, e in errs if r >= 39) / len(errs)
print(f"hours with a recorded median >= 39 s: {sum(r >= 39 for r, _ in errs)} of {len(errs)}, "
      f"{high:.1f} points of the {sum(e for _, e in errs) / len(errs):.1f} % hourly MAPE")

print("\n== which recorded signal tells a heavy-p95 step (> 50 s) from a light one? (AUC, 0.5 = none) ==")
heavy = lat > 50
zero = ok & (load == 0)


def auc(f, mask):
    a, b = f[mask & heavy], f[mask & ~heavy]
    a, b = a[np.isfinite(a)], b[np.isfinite(b)]
    return float(np.mean([(x > b).mean() + 0.5 * (x == b).mean() for x in a]))


lag = np.concatenate([[np.nan], load[:-1]])
for name, f in [("GPU duty", duty), ("requests per step (e2e_n)", samples), ("provisioned pods", pods),
                ("queue RT p95", col("queue_rt_ms_p95")), ("queue size", col("queue_size")),
                ("load per pod, lagged 1 step", lag), ("hour of day", (hour % 24 + 23) % 24)]:
    print(f"{name:28s} at load-0 steps {auc(f, zero):.2f}   at all steps {auc(f, ok):.2f}")
print(f"load-0 steps with a p95: {zero.sum()} ({(zero & train).sum()} in training), heavy: {heavy[zero].mean():.2f}")

# ---------------------------------------------------------------------------------------
# The mix feature (`latency: {model: empirical, mix: unexplainedCPU}`).
# Exogenous: the GPU time per step that the CPU fit (idle per pod x pods + cost per
# request x requests/s) does not explain, from the recording, the same in every replay.
# Each step is labelled heavier or lighter than the median of the fitted steps in its
# recorded-load bin; each label gets its own curve on load per pod (least-MAPE per bin,
# non-decreasing), and the steps without a counted request (load 0 under every policy)
# their own value per label: the median.


def huber(x1, x2, y):
    """Huber IRLS without intercept, as HindsightStats/Regression/HuberRegression.swift."""
    def solve(w):
        a = np.array([[np.sum(w * x1 * x1), np.sum(w * x1 * x2)], [np.sum(w * x1 * x2), np.sum(w * x2 * x2)]])
        return np.linalg.solve(a, np.array([np.sum(w * x1 * y), np.sum(w * x2 * y)]))
    beta = solve(np.ones_like(y))
    for _ in range(50):
        r = np.abs(y - beta[0] * x1 - beta[1] * x2)
        cut = 1.345 * np.median(r) / 0.6745
        if not cut > 0:
            break
        nxt = solve(np.where(r <= cut, 1, cut / np.maximum(r, 1e-300)))
        done = np.sum(np.abs(nxt - beta)) <= 1e-12 * max(np.sum(np.abs(nxt)), 1e-300)
        beta = nxt
        if done:
            break
    return beta


cpu = duty / 100 * pods * 8                      # cpuUtilization x replicas x cpuRequest, cores
fitted_steps = np.isfinite(qps) & np.isfinite(cpu) & (pods > 0)
idle, cost = huber(pods[fitted_steps], qps[fitted_steps], cpu[fitted_steps])
unexplained = cpu - idle * pods - cost * np.nan_to_num(qps)


def load_bins(mask, bins=20):
    """Upper load of each equal-count bin of `fit` (ties never split)."""
    xs, uppers, lo = np.sort(load[mask]), [], 0
    k = min(bins, len(xs))
    for b in range(k):
        hi = max(lo, (b + 1) * len(xs) // k)
        while 0 < hi < len(xs) and xs[hi] == xs[hi - 1]:
            hi += 1
        if hi > lo:
            uppers.append(xs[hi - 1])
        lo = hi
    return np.array(uppers)


def mix_labels(mask, f, k=2, bins=20):
    """0 .. k-1 by the feature's quantiles among the fitted steps of the same load bin; -1 unknown."""
    uppers = load_bins(mask, bins)
    b = np.minimum(np.searchsorted(uppers, load, side="left"), len(uppers) - 1)
    lab = np.full(n, -1)
    for j in range(len(uppers)):
        sel = mask & (b == j) & np.isfinite(f)
        if sel.any():
            at = (b == j) & np.isfinite(f)
            lab[at] = np.searchsorted(np.quantile(f[sel], np.linspace(0, 1, k + 1))[1:-1], f[at], side="right")
    return lab


def fit_mix(mask, f, k=2, stat=least_pct_error, stat0=np.median, bins=20):
    lab = mix_labels(mask, f, k, bins)
    out = np.full(n, np.nan)
    out[lab == -1] = fit(mask, bins=bins)[lab == -1]   # unlabelled: the one-curve fit
    for c in range(k):
        sel, at = mask & (lab == c), lab == c
        curve = fit(sel & (load > 0), stat, bins)
        zero = sel & (load == 0)
        out[at] = np.where(load[at] == 0, stat0(lat[zero]) if zero.any() else curve[at], curve[at])
    return out


print(f"\n== the mix feature: GPU time the CPU fit does not explain ==")
print(f"CPU fit (Huber, {fitted_steps.sum()} steps): {idle:.4f} idle cores per pod + {cost:.4f} cores per request/s")
lab = mix_labels(ok, unexplained)
for c, name in ((1, "heavier"), (0, "lighter")):
    s = ok & (lab == c)
    print(f"{name} label: {s.sum()} steps, share of ~67 s p95 {(lat[s] > 50).mean():.2f} "
          f"(at load 0: {(lat[s & (load == 0)] > 50).mean():.2f})")
report("mix: unexplainedCPU (as shipped)", fit_mix(ok, unexplained), fit_mix(train, unexplained))
report("  same, 3 labels", fit_mix(ok, unexplained, 3), fit_mix(train, unexplained, 3))
report("  same, least-MAPE at load 0 too", fit_mix(ok, unexplained, stat0=least_pct_error),
       fit_mix(train, unexplained, stat0=least_pct_error))
report("  same, medians everywhere", fit_mix(ok, unexplained, stat=np.median), fit_mix(train, unexplained, stat=np.median))
report("  no mix, median at load 0", fit_mix(ok, unexplained, 1), fit_mix(train, unexplained, 1))
report("  GPU duty per pod as the feature", fit_mix(ok, duty), fit_mix(train, duty))
for b in (10, 15, 25, 30):
    report(f"  {b} load bins", fit_mix(ok, unexplained, bins=b), fit_mix(train, unexplained, bins=b))
