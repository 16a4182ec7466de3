import XCTest
import HindsightStats

/// `ParetoFront.indices` against its definition, checked pair by pair.
final class ParetoFrontTests: XCTestCase {
    /// The front by the definition: no other point is ≤ on both scores and < on one. O(n²).
    func bruteForce(_ x: [Double], _ y: [Double]) -> [Int] {
        x.indices.filter { i in
            guard x[i].isFinite && y[i].isFinite else { return false }
            return !x.indices.contains { j in
                x[j].isFinite && y[j].isFinite && x[j] <= x[i] && y[j] <= y[i] && (x[j] < x[i] || y[j] < y[i])
            }
        }
    }

    func testHandWorkedCase() {
        // (3,1) and (1,3) trade off; (2,2) too; (2,4) loses to (2,2); (3,1) twice: both stay.
        XCTAssertEqual(ParetoFront.indices(x: [3, 1, 2, 2, 3], y: [1, 3, 2, 4, 1]), [0, 1, 2, 4])
        XCTAssertEqual(ParetoFront.indices(x: [], y: []), [])
        XCTAssertEqual(ParetoFront.indices(x: [1, .nan, 0], y: [1, 0, .infinity]), [0])
    }

    func testMatchesTheDefinitionOnRandomGridsWithTies() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<300 {
            let n = generator.below(40)
            // Few distinct values, so ties in x, in y and in both are common.
            let x = (0..<n).map { _ in Double(generator.below(8)) }
            let y = (0..<n).map { _ in Double(generator.below(8)) / 4 }
            XCTAssertEqual(ParetoFront.indices(x: x, y: y), bruteForce(x, y), "x \(x) y \(y)")
        }
    }
}
