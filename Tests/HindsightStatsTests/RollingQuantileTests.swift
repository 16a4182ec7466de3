import XCTest
import HindsightStats

/// Rolling quantile against per-window sorting, across every engine (tail arrays for ranks
/// near either end, the SIMD sorted window for w ≤ 128, the block merge for longer windows).
final class RollingQuantileTests: XCTestCase {
    /// Quantiles that hit the tails (0.99, 0.01, …), the centre, and the exact ends.
    static let qs: [Double] = [0, 0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1]

    /// Windows computed from scratch by sorting; O(n·w log w).
    static func brute(_ x: [Double], _ w: Int, _ q: Double) -> [Double] {
        Brute.windows(x, w) { QuantilesTests.reference($0, q) }
    }

    func testEveryWindowUpTo130AgainstSorting() {
        var rng = SeededGenerator(seed: 99)
        for w in 1...130 {
            // Lengths that are not multiples of w: a partial last block.
            let x = rng.gaussians(count: 3 * w + 17, mean: 100, std: 15)
            for q in Self.qs {
                assertSeries(Rolling.quantile(x, window: w, q: q), Self.brute(x, w, q), "q=\(q) w=\(w)")
            }
        }
    }

    func testLongWindowsAgainstSorting() {
        var rng = SeededGenerator(seed: 5)
        for w in [129, 200, 400, 1440] {
            let x = rng.gaussians(count: 2 * w + 123, mean: 100, std: 15)
            for q in [0.001, 0.01, 0.5, 0.99, 0.999] {
                assertSeries(Rolling.quantile(x, window: w, q: q), Self.brute(x, w, q), "q=\(q) w=\(w)")
            }
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
                for q in [0.01, 0.1, 0.9, 0.99, 1.0] {
                    assertSeries(Rolling.quantile(x, window: w, q: q), Self.brute(x, w, q), "\(name) q=\(q) w=\(w)")
                }
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
