import XCTest
import HindsightStats

final class QuantilesTests: XCTestCase {
    /// numpy linear quantile on a fully sorted copy: the independent reference.
    static func reference(_ x: [Double], _ q: Double) -> Double {
        let s = x.sorted()
        let h = q * Double(s.count - 1)
        let k = Int(h.rounded(.down))
        let k1 = min(k + 1, s.count - 1)
        return s[k] + (s[k1] - s[k]) * (h - Double(k))
    }

    func testKnownSmallCases() {
        XCTAssertEqual(Quantiles.compute([4, 1, 3, 2], [0.5, 0.25, 0, 1]), [2.5, 1.75, 1, 4])
        XCTAssertEqual(Quantiles.compute([7], [0.3]), [7])
        XCTAssertEqual(Quantiles.median([5, 1, 9]), 5)
        XCTAssertTrue(Quantiles.compute([Double](), [0.5])[0].isNaN)
        XCTAssertTrue(Quantiles.compute([1, .nan, 3], [0.5])[0].isNaN)
    }

    func testRampQuantileIsItsIndex() {
        // 0…n−1 shuffled: quantile q is exactly q·(n−1).
        var rng = SeededGenerator(seed: 3)
        let n = 100_001
        let x = (0..<n).map(Double.init).shuffled(using: &rng)
        let qs = [0.0, 0.01, 0.5, 0.95, 0.99, 0.999, 1]
        let got = Quantiles.compute(x, qs)
        for (q, v) in zip(qs, got) {
            XCTAssertEqual(v, q * Double(n - 1), accuracy: 1e-7, "q=\(q)")
        }
    }

    func testSampledPathMatchesSortOnRandomData() {
        var rng = SeededGenerator(seed: 11)
        let x = rng.gaussians(count: 100_000, mean: 100, std: 15)  // ≥ 2^16: sampled filter
        let qs = [0.5, 0.95, 0.99, 0.25, 0.5001, 0.0, 1.0]
        let got = Quantiles.compute(x, qs)
        for (q, v) in zip(qs, got) {
            XCTAssertEqual(v, Self.reference(x, q), accuracy: 1e-12 * abs(v), "q=\(q)")
        }
    }

    func testHeavyTiesFallBackAndStayExact() {
        var rng = SeededGenerator(seed: 5)
        let x = (0..<100_000).map { _ in Double(rng.next() % 3) }
        let qs = [0.1, 0.5, 0.9, 0.3333333]
        let got = Quantiles.compute(x, qs)
        for (q, v) in zip(qs, got) {
            XCTAssertEqual(v, Self.reference(x, q), accuracy: 1e-12, "q=\(q)")
        }
    }

    func testSmallRandomAgainstSort() {
        var rng = SeededGenerator(seed: 9)
        for n in [2, 3, 10, 17, 100, 1000] {
            let x = rng.gaussians(count: n)
            for q in [0.0, 0.1, 0.5, 0.77, 1.0] {
                XCTAssertEqual(Quantiles.compute(x, [q])[0], Self.reference(x, q), accuracy: 1e-12, "n=\(n) q=\(q)")
            }
        }
    }
}
