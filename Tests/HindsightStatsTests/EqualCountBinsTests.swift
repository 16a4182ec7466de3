import XCTest
@testable import HindsightStats

/// Bins of about equal count that never split equal values, worked by hand.
final class EqualCountBinsTests: XCTestCase {
    func testTiesMoveTheEndAndEmptyBinsDisappear() {
        // 3 bins of 6 would end at 2, 4, 6; index 2 ties with 1 → the first ends at 3.
        XCTAssertEqual(EqualCountBins.ranges(sorted: [0, 0, 0, 1, 2, 3], bins: 3), [0..<3, 3..<4, 4..<6])
        // All equal: the first bin takes everything, the others are dropped.
        XCTAssertEqual(EqualCountBins.ranges(sorted: [5, 5, 5, 5], bins: 2), [0..<4])
        // Distinct values, n not a multiple of bins: ends at 7/3 = 2, 14/3 = 4, 7.
        XCTAssertEqual(EqualCountBins.ranges(sorted: [1, 2, 3, 4, 5, 6, 7], bins: 3), [0..<2, 2..<4, 4..<7])
        // Fewer values than bins: one bin per value.
        XCTAssertEqual(EqualCountBins.ranges(sorted: [1, 2], bins: 20), [0..<1, 1..<2])
        XCTAssertEqual(EqualCountBins.ranges(sorted: [], bins: 20), [])
    }

    func testEveryIndexOnceAndNoTieSplit() {
        var g = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let n = Int(g.next() % 300)
            let sorted = (0..<n).map { _ in Double(g.next() % 12) }.sorted()
            let bins = EqualCountBins.ranges(sorted: sorted, bins: 1 + Int(g.next() % 25))
            XCTAssertEqual(bins.flatMap { Array($0) }, Array(0..<n))
            for (a, b) in zip(bins, bins.dropFirst()) { XCTAssertNotEqual(sorted[a.upperBound - 1], sorted[b.lowerBound]) }
        }
    }
}
