import HindsightTestSupport
import Foundation
import XCTest

/// `hindsight stats` on a hand-made column x = 1, 2, 4, 8, 16 (one sample a minute), against
/// values worked out by hand (CLI.md: sample std, numpy-linear quantiles, pandas-style
/// trailing windows empty until full, EWMA without bias adjustment).
final class StatsCommandTests: XCTestCase {
    private var dir: TempDir?
    private var trace = ""

    override func setUpWithError() throws {
        let help = try CLI.run(["stats", "--help"])
        XCTAssertFalse(help.stdout.contains("(not built yet)"), "'hindsight stats' is a placeholder")
        let dir = try TempDir()
        trace = try dir.write("x.csv", "timestamp,x,other\n0,1,0\n60,2,0\n120,4,0\n180,8,0\n240,16,0\n")
        self.dir = dir
    }

    private func stats(_ arguments: [String]) throws -> CLIResult {
        try CLI.run(["stats", trace, "--column", "x"] + arguments)
    }

    /// The `timestamp,value` rows of a rolling op: value nil when empty.
    private func series(_ result: CLIResult, file: StaticString = #filePath, line: UInt = #line) -> [(String, Double?)] {
        XCTAssertEqual(result.status, 0, result.stderr, file: file, line: line)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "timestamp,value", file: file, line: line)
        return lines.dropFirst().map { l in
            let cells = l.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return (cells.first ?? "", cells.count > 1 ? Double(cells[1]) : nil)
        }
    }

    private func assertSeries(_ got: [(String, Double?)], _ expected: [Double?], _ label: String,
                              file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(got.count, expected.count, label, file: file, line: line)
        for (i, (g, e)) in zip(got, expected).enumerated() {
            // The time column as read: unix seconds 0, 60, … (as a number).
            XCTAssertEqual(Double(g.0), Double(i * 60), "\(label) row \(i) time", file: file, line: line)
            switch (g.1, e) {
            case (nil, nil): break
            case let (v?, w?): XCTAssertEqual(v, w, accuracy: 1e-9 * max(1, abs(w)), "\(label) row \(i)", file: file, line: line)
            default: XCTFail("\(label) row \(i): got \(String(describing: g.1)), expected \(String(describing: e))", file: file, line: line)
            }
        }
    }

    func testSummary() throws {
        let result = try stats(["--op", "summary"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: result.stdoutBytes) as? [String: Any])
        func number(_ key: String) -> Double { (object[key] as? NSNumber)?.doubleValue ?? .nan }
        XCTAssertEqual(number("count"), 5)
        XCTAssertEqual(number("mean"), 6.2, accuracy: 1e-12)
        // Σ(x − 6.2)² = 148.8; / (n − 1) = 37.2.
        XCTAssertEqual(number("std"), 37.2.squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(number("min"), 1)
        XCTAssertEqual(number("max"), 16)
        // numpy linear: position q·(n − 1) between order statistics 1, 2, 4, 8, 16.
        XCTAssertEqual(number("p50"), 4, accuracy: 1e-12)
        XCTAssertEqual(number("p90"), 12.8, accuracy: 1e-12)
        XCTAssertEqual(number("p95"), 14.4, accuracy: 1e-12)
        XCTAssertEqual(number("p99"), 15.68, accuracy: 1e-12)
    }

    func testRollingOpsWithAWindowOfThree() throws {
        assertSeries(series(try stats(["--op", "rolling-mean", "--window", "3"])),
                     [nil, nil, 7.0 / 3, 14.0 / 3, 28.0 / 3], "rolling-mean")
        // Sample variances of (1,2,4), (2,4,8), (4,8,16): 21/9, 84/9, 336/9.
        assertSeries(series(try stats(["--op", "rolling-std", "--window", "3"])),
                     [nil, nil, (21.0 / 9).squareRoot(), (84.0 / 9).squareRoot(), (336.0 / 9).squareRoot()], "rolling-std")
        assertSeries(series(try stats(["--op", "rolling-min", "--window", "3"])), [nil, nil, 1, 2, 4], "rolling-min")
        assertSeries(series(try stats(["--op", "rolling-max", "--window", "3"])), [nil, nil, 4, 8, 16], "rolling-max")
        assertSeries(series(try stats(["--op", "rolling-quantile", "--window", "3", "--q", "0.5"])),
                     [nil, nil, 2, 4, 8], "rolling-quantile")
        // q = 0.75 of (1,2,4): position 1.5 → 3.
        assertSeries(series(try stats(["--op", "rolling-quantile", "--window", "3", "--q", "0.75"])),
                     [nil, nil, 3, 6, 12], "rolling-quantile 0.75")
    }

    func testEWMA() throws {
        // y0 = 1; yt = 0.5·xt + 0.5·yt−1.
        assertSeries(series(try stats(["--op", "ewma", "--alpha", "0.5"])), [1, 1.5, 2.75, 5.375, 10.6875], "ewma")
    }

    func testOutWritesTheSameBytesAtomically() throws {
        let dir = try XCTUnwrap(self.dir)
        let out = dir.path("mean.csv")
        let toFile = try stats(["--op", "rolling-mean", "--window", "2", "--out", out])
        XCTAssertEqual(toFile.status, 0, toFile.stderr)
        let toStdout = try stats(["--op", "rolling-mean", "--window", "2"])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: out)), toStdout.stdoutBytes)
        XCTAssertEqual(try dir.list(), ["mean.csv", "x.csv"])
    }

    func testUnknownColumnIsBadInput() throws {
        let result = try CLI.run(["stats", trace, "--column", "y", "--op", "summary"])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("y"), result.stderr)
        XCTAssertTrue(result.stderr.contains("x"), "the columns that exist are not named: \(result.stderr)")
        XCTAssertEqual(result.stdout, "")
    }

    func testNonNumericCellIsBadInputWithItsPlace() throws {
        let dir = try XCTUnwrap(self.dir)
        let text = "timestamp,x\n0,1\n60,two\n"
        let path = try dir.write("bad.csv", text)
        let result = try CLI.run(["stats", path, "--column", "x", "--op", "summary"])
        XCTAssertEqual(result.status, 2, result.stderr)
        let p = try XCTUnwrap(position(of: "two", in: text))
        XCTAssertTrue(result.stderr.hasPrefix("\(path):\(p.line):\(p.column): "), result.stderr)
    }

    func testMissingParameterIsUsageError() throws {
        for arguments in [["--op", "rolling-quantile", "--window", "3"], ["--op", "ewma"], ["--op", "rolling-mean"],
                          ["--op", "median"], ["--op", "ewma", "--alpha", "1.5"]] {
            let result = try stats(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stdout, "", "\(arguments)")
        }
    }
}
