import HindsightTestSupport
import Foundation
import XCTest
import HindsightStats

/// Compares every kernel with numpy/pandas run by python3 on the same data (skipped when
/// python3, numpy or pandas is missing). Tolerance: 1e-9 relative, with an absolute floor of
/// 1e-9 × the series' largest |value| × 1e-3 for outputs near 0 (e.g. a std of 1e-20 vs 0).
final class PythonParityTests: XCTestCase {
    static let script = """
    import sys, numpy as np, pandas as pd
    d = sys.argv[1]
    x = np.loadtxt(d + '/x.txt'); t = np.loadtxt(d + '/t.txt', dtype=np.int64)
    s = pd.Series(x)
    out = {}
    out['summary'] = [x.sum(), x.mean(), x.var(), x.var(ddof=1), x.min(), x.max()]
    out['quantiles'] = np.quantile(x, [0, 0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 1])
    for w in (7, 60):
        r = s.rolling(w)
        # std: numpy per window (exact two-pass); pandas' running update keeps a residue after
        # spikes (e.g. 2.77 for a window of zeros in ec2_disk_write_bytes_c0d644).
        sw = np.lib.stride_tricks.sliding_window_view(x, w).std(axis=1, ddof=1)
        out[f'std{w}'] = np.concatenate([np.full(w - 1, np.nan), sw])
        out[f'mean{w}'] = r.mean(); out[f'sum{w}'] = r.sum()
        out[f'min{w}'] = r.min(); out[f'max{w}'] = r.max()
        out[f'q99_{w}'] = r.quantile(0.99); out[f'q50_{w}'] = r.quantile(0.5)
    out['ewma'] = s.ewm(alpha=0.1, adjust=False).mean()
    ts = pd.Series(x, index=pd.to_datetime(t, unit='ms'))
    lo = np.searchsorted(t, t - 3600000, side='right')
    out['tstd'] = [np.std(x[lo[i]:i + 1], ddof=1) if i > lo[i] else np.nan for i in range(len(x))]
    for name, f in (('tmean', lambda r: r.mean()), ('tmax', lambda r: r.max()),
                    ('tq90', lambda r: r.quantile(0.9))):
        out[name] = f(ts.rolling('3600000ms')).to_numpy()
    for k, v in out.items():
        np.savetxt(f'{d}/{k}.out', np.asarray(v, dtype=float), fmt='%.17g')
    """

    func pythonAvailable() -> Bool {
        run(["python3", "-c", "import numpy, pandas"]) == 0
    }

    @discardableResult
    func run(_ args: [String]) -> Int32 {
        Subprocess.run("/usr/bin/env", args)
    }

    func read(_ dir: URL, _ name: String) throws -> [Double] {
        let text = try String(contentsOf: dir.appendingPathComponent(name + ".out"), encoding: .utf8)
        return text.split(whereSeparator: \.isNewline).map { Double($0) ?? .nan }
    }

    func compare(_ x: [Double], _ t: [Int64], label: String) throws {
        guard pythonAvailable() else { throw XCTSkip("python3 with numpy and pandas not available") }
        let scratch = try TempDir(prefix: "hs-parity")
        let dir = scratch.url
        try x.map { String($0) }.joined(separator: "\n").write(to: dir.appendingPathComponent("x.txt"), atomically: true, encoding: .utf8)
        try t.map { String($0) }.joined(separator: "\n").write(to: dir.appendingPathComponent("t.txt"), atomically: true, encoding: .utf8)
        try Self.script.write(to: dir.appendingPathComponent("p.py"), atomically: true, encoding: .utf8)
        XCTAssertEqual(run(["python3", dir.appendingPathComponent("p.py").path, dir.path]), 0, "python failed")
        let scale = (x.map { abs($0) }.max() ?? 0) * 1e-3
        func check(_ got: [Double], _ name: String) throws {
            assertSeries(got, try read(dir, name), rel: 1e-9, abs: max(1e-9 * scale, 1e-300), "\(label) \(name)")
        }
        let s = Summary(of: x)
        try check([s.sum, s.mean, s.populationVariance, s.sampleVariance, s.min, s.max], "summary")
        try check(Quantiles.compute(x, [0, 0.01, 0.25, 0.5, 0.9, 0.95, 0.99, 1]), "quantiles")
        for w in [7, 60] {
            try check(Rolling.mean(x, window: w), "mean\(w)")
            try check(Rolling.sum(x, window: w), "sum\(w)")
            try check(Rolling.std(x, window: w), "std\(w)")
            try check(Rolling.min(x, window: w), "min\(w)")
            try check(Rolling.max(x, window: w), "max\(w)")
            try check(Rolling.quantile(x, window: w, q: 0.99), "q99_\(w)")
            try check(Rolling.quantile(x, window: w, q: 0.5), "q50_\(w)")
        }
        try check(Smoothing.ewma(x, alpha: 0.1), "ewma")
        // Duration windows: pandas fills from the first sample (min_periods = 1); we leave the
        // cells empty until the window lies inside the span, and must agree everywhere else.
        let d: Int64 = 3_600_000
        for (name, stat) in [("tmean", RollingTime.Statistic.mean), ("tstd", .std), ("tmax", .max), ("tq90", .quantile(0.9))] {
            let ours = RollingTime.compute(x, timestamps: t, duration: d, stat)
            var want = try read(dir, name)
            for i in 0..<min(want.count, t.count) where t[i] - d < t[0] { want[i] = .nan }
            assertSeries(ours, want, rel: 1e-9, abs: max(1e-9 * scale, 1e-300), "\(label) \(name)")
        }
    }

    func testRandomSeries() throws {
        var rng = SeededGenerator(seed: 99)
        let x = rng.gaussians(count: 10_000, mean: 100, std: 15)
        var t: [Int64] = [1_400_000_000_000]
        for _ in 1..<x.count { t.append(t[t.count - 1] + 15_000 + Int64(rng.next() % 3) * 5_000) }
        try compare(x, t, label: "random")
    }

    func testNABSeries() throws {
        for file in ["ec2_disk_write_bytes_c0d644.csv", "ec2_cpu_utilization_5f5533.csv", "rds_cpu_utilization_cc0c53.csv"] {
            guard let (t, x) = try NAB.load("realAWSCloudwatch/" + file) else {
                throw XCTSkip("NAB dataset not found under ../shared/datasets/nab")
            }
            try compare(x, t, label: file)
        }
    }
}
