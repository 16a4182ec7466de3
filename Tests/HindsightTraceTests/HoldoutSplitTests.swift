import XCTest
import HindsightTrace

/// Which steps tune and which are held out, and the trace slices they make.
final class HoldoutSplitTests: XCTestCase {
    func testOddCountBoundaries() throws {
        // 7 steps, 25 % held out: ⌊7 × 0.75⌋ = 5 tune (0…4), 2 held out (5…6).
        let split = try HoldoutSplit(count: 7, percent: 25)
        XCTAssertEqual(split.tuning, 0..<5)
        XCTAssertEqual(split.holdout, 5..<7)
        // 9 steps, 50 %: ⌊4.5⌋ = 4 tune, 5 held out; every step goes exactly one way.
        let half = try HoldoutSplit(count: 9, percent: 50)
        XCTAssertEqual(half.tuning, 0..<4)
        XCTAssertEqual(half.holdout, 4..<9)
        // 17,280 steps (3 days at 15 s), 25 %: 12,960 and 4,320.
        let demo = try HoldoutSplit(count: 17_280, percent: 25)
        XCTAssertEqual(demo.tuning.count, 12_960)
        XCTAssertEqual(demo.holdout.count, 4_320)
    }

    func testEmptyPartsAndBadPercentagesAreErrors() {
        XCTAssertThrowsError(try HoldoutSplit(count: 1, percent: 25))
        // ⌊3 × 0.9⌋ = 2 tune and 1 held out: a small hold-out still gets its step.
        XCTAssertEqual(try HoldoutSplit(count: 3, percent: 10).holdout, 2..<3)
        XCTAssertThrowsError(try HoldoutSplit(count: 100, percent: 0))
        XCTAssertThrowsError(try HoldoutSplit(count: 100, percent: 100))
    }

    func testSliceKeepsTheGridAndTheValues() {
        let trace = Trace(grid: TraceGrid(start: SimInstant(unixSeconds: 60), step: .seconds(15), count: 7),
                          series: ["rps": [0, 1, 2, 3, 4, 5, 6], "cpu": [10, 11, 12, .nan, 14, 15, 16]], source: "t.csv")
        let tail = trace.slice(5..<7)
        XCTAssertEqual(tail.start, SimInstant(unixSeconds: 60 + 5 * 15))
        XCTAssertEqual(tail.step, .seconds(15))
        XCTAssertEqual(tail.count, 2)
        XCTAssertEqual(tail.series["rps"], [5, 6])
        XCTAssertEqual(tail.series["cpu"], [15, 16])
        XCTAssertEqual(tail.grid, trace.grid.slice(5..<7))
        XCTAssertEqual(trace.slice(0..<7), trace)
    }
}
