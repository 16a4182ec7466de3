import Foundation
import XCTest

/// `hindsight bench`: one CSV line per operation, `op,n,seconds,throughput` (CLI.md).
final class BenchCommandTests: XCTestCase {
    override func setUpWithError() throws {
        let help = try CLI.run(["bench", "--help"])
        XCTAssertFalse(help.stdout.contains("(not built yet)"), "'hindsight bench' is a placeholder")
    }

    func testOneOperationOnASmallSize() throws {
        let result = try CLI.run(["bench", "--size", "1000000", "--only", "sum"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("op,") }
        XCTAssertEqual(lines.count, 1, result.stdout)
        let cells = lines.first?.split(separator: ",").map(String.init) ?? []
        XCTAssertEqual(cells.count, 4, result.stdout)
        guard cells.count == 4 else { return }
        XCTAssertEqual(cells[0], "sum")
        XCTAssertEqual(Int(cells[1]), 1_000_000)
        let seconds = try XCTUnwrap(Double(cells[2]))
        let throughput = try XCTUnwrap(Double(cells[3]))
        XCTAssertGreaterThan(seconds, 0)
        // Million points per second: n / seconds / 1e6.
        XCTAssertEqual(throughput, 1_000_000 / seconds / 1e6, accuracy: 0.01 * throughput + 0.001)
    }

    /// The 1-minute sweep case as bench/README.md quotes it (on an hour instead of 30 days): the
    /// sweep's line and its reference run's, then the ratio of the two.
    func testOneMinuteSweepCasePrintsSweepRunAndRatio() throws {
        let result = try CLI.run(["bench", "--only", "sweep_1000x30d_1m", "--wall", "--reps", "1", "--size", "60"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("sweep_1000x30d_1m,60,") }, result.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("run_1x30d_1m,60,") }, result.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("# sweep_1000x30d_1m ÷ run_1x30d_1m: wall ") }, result.stdout)
    }

    func testUnknownOperationIsUsageError() throws {
        let result = try CLI.run(["bench", "--size", "1000", "--only", "summ"])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("summ"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }
}
