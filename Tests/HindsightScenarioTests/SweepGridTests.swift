import XCTest
@testable import HindsightScenario

final class SweepGridTests: XCTestCase {
    func grid() throws -> SweepGrid {
        try SweepGrid([
            .init(path: "a", values: [.number(40), .number(50)]),
            .init(path: "b", values: [.number(0), .number(60), .number(120)]),
        ])
    }

    /// Point order is itertools.product's: the last parameter varies fastest.
    func testPointsInProductOrder() throws {
        let g = try grid()
        XCTAssertEqual(g.count, 6)
        let all = (0..<g.count).map { g.values(at: $0).map(\.description) }
        XCTAssertEqual(all, [["40", "0"], ["40", "60"], ["40", "120"], ["50", "0"], ["50", "60"], ["50", "120"]])
        XCTAssertEqual(try SweepGrid([]).count, 0)
    }

    func testEmptyParameterIsAnError() {
        XCTAssertThrowsError(try SweepGrid([.init(path: "spec.x", values: [], location: SourceLocation(file: "s.yaml", line: 4, column: 7))])) {
            XCTAssertTrue("\($0)".hasPrefix("s.yaml:4:7: spec.x: no values"), "\($0)")
        }
    }

    func testSampleIsDistinctSortedAndSeeded() throws {
        let many = try SweepGrid([.init(path: "a", values: (0..<1000).map { .number(Double($0)) }),
                                  .init(path: "b", values: (0..<1000).map { .number(Double($0)) })])
        XCTAssertEqual(many.count, 1_000_000)
        let s = many.sample(500, seed: 7)
        XCTAssertEqual(s.count, 500)
        XCTAssertEqual(Set(s).count, 500)
        XCTAssertEqual(s, s.sorted())
        XCTAssertTrue(s.allSatisfy { $0 >= 0 && $0 < many.count })
        XCTAssertEqual(s, many.sample(500, seed: 7))
        XCTAssertNotEqual(s, many.sample(500, seed: 8))
        XCTAssertEqual(try grid().sample(10, seed: 1), Array(0..<6), "a sample larger than the grid is the grid")
        // Roughly uniform: the mean index of 500 draws from 0..<1e6 is within 5 standard errors of 499,999.5.
        let mean = Double(s.reduce(0, +)) / 500
        XCTAssertEqual(mean, 499_999.5, accuracy: 5 * 288_675 / sqrt(500))
    }

    func testRangeIsInclusiveAndExactInDecimals() throws {
        XCTAssertEqual(SweepGrid.range(from: 0, to: 600, step: 60), [0, 60, 120, 180, 240, 300, 360, 420, 480, 540, 600])
        XCTAssertEqual(SweepGrid.range(from: 0, to: 1, step: 0.1, decimals: 1), [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1])
        XCTAssertEqual(SweepGrid.range(from: 40, to: 85, step: 10), [40, 50, 60, 70, 80])
        XCTAssertEqual(SweepGrid.range(from: 5, to: 1, step: 1), [])
        XCTAssertEqual(SweepGrid.range(from: 0, to: 1, step: 0), [])
        XCTAssertNil(SweepGrid.range(from: 0, to: 1e9, step: 1))
        XCTAssertEqual(SweepGrid.decimals(of: "0.25"), 2)
        XCTAssertEqual(SweepGrid.decimals(of: "60"), 0)
        XCTAssertEqual(SweepGrid.decimals(of: "1e-3"), 0)
    }
}
