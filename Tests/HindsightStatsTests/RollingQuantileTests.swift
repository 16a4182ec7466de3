import XCTest
import HindsightStats

/// Rolling quantile against per-window sorting, across every engine (tail arrays for ranks
/// near either end, the SIMD sorted window for w ≤ 128, the block merge for longer windows).
final class RollingQuantileTests: XCTestCase {
    /// Quantiles that hit the tails (0.99, 0.01, …), the centre, and the exact ends.
    static let qs: [Double] = [0, 0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1]

    /// Windows computed from scratch by sorting (once per window for all `qs`), numpy's
    /// linear interpolation on the sorted copy; `result[j][i]` is quantile `qs[j]` of the
    /// window ending at i (NaN before the first full window). O(n·w log w).
    static func brute(_ x: [Double], _ w: Int, _ qs: [Double]) -> [[Double]] {
        var out = [[Double]](repeating: [Double](repeating: .nan, count: x.count), count: qs.count)
        guard w <= x.count else { return out }
        for i in (w - 1)..<x.count {
            let s = x[(i + 1 - w)...i].sorted()
            for (j, q) in qs.enumerated() {
                let h = q * Double(w - 1)
                let k = Int(h.rounded(.down))
                let k1 = min(k + 1, w - 1)
                out[j][i] = s[k] + (s[k1] - s[k]) * (h - Double(k))
            }
        }
        return out
    }

    /// Checks every q of `qs` for window `w` on `x` against ``brute(_:_:_:)``.
    static func check(_ x: [Double], _ w: Int, _ qs: [Double], _ label: String,
                      file: StaticString = #filePath, line: UInt = #line) {
        let want = brute(x, w, qs)
        for (j, q) in qs.enumerated() {
            assertSeries(Rolling.quantile(x, window: w, q: q), want[j], "\(label) q=\(q) w=\(w)", file: file, line: line)
        }
    }

    func testEveryWindowUpTo130AgainstSorting() {
        var rng = SeededGenerator(seed: 99)
        for w in 1...130 {
            // Lengths that are not multiples of w: a partial last block.
            let x = rng.gaussians(count: 3 * w + 17, mean: 100, std: 15)
            Self.check(x, w, Self.qs, "random")
        }
    }

    func testLongWindowsAgainstSorting() {
        var rng = SeededGenerator(seed: 5)
        for w in [129, 200, 400, 1440] {
            let x = rng.gaussians(count: 2 * w + 123, mean: 100, std: 15)
            Self.check(x, w, [0.001, 0.01, 0.5, 0.99, 0.999], "random")
        }
    }

    func testTiesAndMonotoneSeries() {
        // Heavy ties (5 distinct values), and monotone runs where every new sample enters
        // (increasing) or every leaving sample is the extreme (decreasing) — the worst cases
        // of the tail arrays.
        var rng = SeededGenerator(seed: 8)
        let ties = (0..<900).map { _ in Double(rng.next() % 5) }
        let up = (0..<700).map { Double($0) * 0.5 }
        let down = Array(up.reversed())
        let saw = (0..<800).map { Double(($0 * 37) % 101) - 50 }
        for (name, x) in [("ties", ties), ("up", up), ("down", down), ("saw", saw)] {
            for w in [4, 9, 40, 60, 129, 300] {
                Self.check(x, w, [0.01, 0.1, 0.9, 0.99, 1.0], name)
            }
        }
    }

    func testNaNInputNeverCrashes() {
        // Unspecified values, but every index stays in range and the output has the input's length.
        var rng = SeededGenerator(seed: 3)
        var x = rng.gaussians(count: 3000, mean: 0, std: 1)
        for i in stride(from: 7, to: 3000, by: 23) { x[i] = .nan }
        for w in [5, 60, 200, 1440] {
            for q in [0.01, 0.5, 0.99] {
                XCTAssertEqual(Rolling.quantile(x, window: w, q: q).count, x.count)
            }
        }
    }
}
