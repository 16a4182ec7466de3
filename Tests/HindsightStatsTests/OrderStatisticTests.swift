import HindsightStats
import XCTest

/// Nearest-rank quantiles and the middle-averaging median against sorting.
final class OrderStatisticTests: XCTestCase {
    func testMedianBySelectionEqualsSortedMiddle() {
        var rng = SeededGenerator(seed: 7)
        for trial in 0..<300 {
            let n = 1 + rng.below(trial < 150 ? 40 : 3000)
            // Few distinct values in half the trials (many ties), arbitrary ones otherwise.
            let values: [Double] = (0..<n).map { _ in
                trial % 2 == 0 ? Double(rng.below(5)) * 0.25 : Double(rng.next() >> 11) * 0x1p-53 * 1000
            }
            let sorted = values.sorted()
            let expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
            var work = values
            XCTAssertEqual(Quantiles.middleMedian(&work), expected, "trial \(trial), n \(n)")
            XCTAssertEqual(work.sorted(), sorted, "selection only reorders")
        }
        var empty: [Double] = []
        XCTAssertNil(Quantiles.middleMedian(&empty))
        var two: [Double] = [3, 1]
        XCTAssertEqual(Quantiles.middleMedian(&two), 2)
    }

    func testNearestRankEqualsSortedIndex() {
        var rng = SeededGenerator(seed: 17)
        for trial in 0..<200 {
            let n = 1 + rng.below(trial < 100 ? 30 : 2000)
            let values: [Double] = (0..<n).map { _ in Double(rng.below(50)) * 0.5 - 3 }
            let sorted = values.sorted()
            for q in [0, 0.25, 0.5, 0.99, 0.995, 1] {
                // Index round(q(n − 1)) with halves away from zero, computed by hand.
                let h = q * Double(n - 1)
                let k = Int(h) + (h - Double(Int(h)) >= 0.5 ? 1 : 0)
                var work = values
                XCTAssertEqual(Quantiles.nearestRank(&work, q), sorted[k], "trial \(trial), q \(q)")
            }
        }
        var four: [Double] = [4, 1, 3, 2]
        XCTAssertEqual(Quantiles.nearestRank(&four, 0.5), 3, "index round(1.5) = 2")
        var empty: [Double] = []
        XCTAssertTrue(Quantiles.nearestRank(&empty, 0.5).isNaN)
        var withNaN: [Double] = [1, .nan, 3]
        XCTAssertTrue(Quantiles.nearestRank(&withNaN, 0.5).isNaN)
    }
}
