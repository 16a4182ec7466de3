import XCTest
import HindsightStats

final class SummaryTests: XCTestCase {
    func testRampClosedForm() {
        // 1…n: mean (n+1)/2, population variance (n²−1)/12, min 1, max n.
        let n = 10_001
        let x = (1...n).map(Double.init)
        let s = Summary(of: x)
        XCTAssertEqual(s.count, n)
        XCTAssertEqual(s.sum, Double(n) * Double(n + 1) / 2)
        XCTAssertEqual(s.mean, Double(n + 1) / 2, accuracy: 1e-12)
        let nd = Double(n)
        XCTAssertEqual(s.populationVariance, (nd * nd - 1) / 12, accuracy: 1e-6)
        XCTAssertEqual(s.sampleVariance, (nd * nd - 1) / 12 * nd / (nd - 1), accuracy: 1e-6)
        XCTAssertEqual(s.min, 1)
        XCTAssertEqual(s.max, nd)
        XCTAssertEqual(Summary.variance(x, ddof: 1), s.sampleVariance, accuracy: 1e-9)
    }

    func testConstantSeriesHasZeroVarianceEvenWithLargeOffset() {
        let x = [Double](repeating: 1e9 + 0.1, count: 5000)
        let s = Summary(of: x)
        // A naive Σx² − (Σx)²/n would give garbage of order 1e5 here.
        XCTAssertEqual(s.m2, 0, accuracy: 1e-12)
        XCTAssertEqual(s.mean, 1e9 + 0.1, accuracy: 1e-6)
        XCTAssertEqual(Summary.minimum(x), 1e9 + 0.1)
        XCTAssertEqual(Summary.maximum(x), 1e9 + 0.1)
    }

    func testStableVarianceWithLargeMean() {
        // Values 1e9 + {0, 1, 2, 3} repeated: population variance 1.25 exactly.
        let x = (0..<40_000).map { 1e9 + Double($0 % 4) }
        XCTAssertEqual(Summary.variance(x), 1.25, accuracy: 1e-9)
    }

    func testEmptyAndNaN() {
        let e = Summary(of: [Double]())
        XCTAssertEqual(e.count, 0)
        XCTAssertEqual(e.sum, 0)
        XCTAssertTrue(e.mean.isNaN && e.min.isNaN && e.max.isNaN && e.sampleVariance.isNaN)
        var x = (0..<100).map(Double.init)
        x[57] = .nan
        let s = Summary(of: x)
        XCTAssertTrue(s.sum.isNaN && s.min.isNaN && s.max.isNaN)
        XCTAssertTrue(Summary.minimum(x).isNaN && Summary.maximum(x).isNaN)
    }

    func testMergeEqualsWhole() {
        var rng = SeededGenerator(seed: 7)
        let x = rng.gaussians(count: 3001, mean: 5, std: 2)
        let whole = Summary(of: x)
        let merged = Summary(of: Array(x[0..<1234])).merged(with: Summary(of: Array(x[1234...])))
        XCTAssertEqual(merged.count, whole.count)
        XCTAssertEqual(merged.mean, whole.mean, accuracy: 1e-12)
        XCTAssertEqual(merged.m2, whole.m2, accuracy: 1e-9 * whole.m2)
        XCTAssertEqual(merged.min, whole.min)
        XCTAssertEqual(merged.max, whole.max)
    }

    func testSeededGeneratorIsDeterministicAndRoughlyNormal() {
        var a = SeededGenerator(seed: 42), b = SeededGenerator(seed: 42), c = SeededGenerator(seed: 43)
        let xa = (0..<5).map { _ in a.next() }
        XCTAssertEqual(xa, (0..<5).map { _ in b.next() })
        XCTAssertNotEqual(xa, (0..<5).map { _ in c.next() })
        var g = SeededGenerator(seed: 1)
        let x = g.gaussians(count: 100_000, mean: 10, std: 3)
        let s = Summary(of: x)
        XCTAssertEqual(s.mean, 10, accuracy: 0.05)
        XCTAssertEqual(s.sampleStd, 3, accuracy: 0.05)
    }
}
