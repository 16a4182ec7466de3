import HindsightTestSupport
import XCTest

/// `hindsight generate`: reproducible from its seed, the columns of CLI.md, atomic --out.
final class GenerateCommandTests: XCTestCase {
    private func generate(_ extra: [String]) throws -> CLIResult {
        try CLI.run(["generate", "--pattern", "diurnal", "--days", "0.25"] + extra)
    }

    func testSameSeedSameBytesDifferentSeedDiffers() throws {
        let a = try generate(["--seed", "7"])
        let b = try generate(["--seed", "7"])
        let c = try generate(["--seed", "8"])
        for r in [a, b, c] { XCTAssertEqual(r.status, 0, r.stderr) }
        XCTAssertFalse(a.stdoutBytes.isEmpty)
        XCTAssertEqual(a.stdoutBytes, b.stdoutBytes)
        XCTAssertNotEqual(a.stdoutBytes, c.stdoutBytes)
        // Same grid, different values.
        XCTAssertEqual(a.stdout.split(separator: "\n").count, c.stdout.split(separator: "\n").count)
    }

    func testColumnsGridAndValues() throws {
        let dir = try TempDir()
        let path = dir.path("t.csv")
        let result = try CLI.run(["generate", "--pattern", "spiky", "--days", "0.25", "--step", "1m",
                                  "--seed", "3", "--out", path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let csv = try readCSV(path)
        XCTAssertEqual(csv.header, ["timestamp", "rps", "cpu", "replicas", "latency_p99_ms"])
        // 0.25 day at 1 minute: 6 h × 60 rows, from 2026-01-01T00:00:00Z = 1767225600.
        XCTAssertEqual(csv.rows.count, 360)
        var factors: [Double] = []
        for (i, row) in csv.rows.enumerated() {
            XCTAssertEqual(row.count, 5, "row \(i)")
            guard row.count == 5 else { continue }
            XCTAssertEqual(Int64(row[0]), 1_767_225_600 + Int64(i) * 60, "row \(i)")
            guard let rps = Double(row[1]), let cpu = Double(row[2]), let replicas = Int(row[3]),
                  let latency = Double(row[4]) else {
                XCTFail("row \(i) not numeric: \(row)"); continue
            }
            XCTAssertGreaterThanOrEqual(rps, 0)
            // cpu = 0.004 core-seconds per request × noise + 0.05 (generate --help)
            if rps > 10 { factors.append((cpu - 0.05) / (0.004 * rps)) }
            XCTAssertTrue((2...30).contains(replicas), "row \(i): replicas \(replicas)")
            XCTAssertGreaterThan(latency, 0)
        }
        // The noise factor: mean 1 and a spread of about 3 % (a Gaussian σ, not a bound).
        XCTAssertGreaterThan(factors.count, 300)
        let mean = factors.reduce(0, +) / Double(factors.count)
        let sd = (factors.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(factors.count - 1)).squareRoot()
        XCTAssertEqual(mean, 1, accuracy: 0.01)
        XCTAssertEqual(sd, 0.03, accuracy: 0.01)
        XCTAssertGreaterThanOrEqual(factors.min() ?? 0, 0.49)
    }

    func testOutWritesAtomicallyTheSameBytesAsStandardOutput() throws {
        let dir = try TempDir()
        let path = dir.path("trace.csv")
        let toFile = try generate(["--seed", "5", "--out", path])
        XCTAssertEqual(toFile.status, 0, toFile.stderr)
        XCTAssertEqual(toFile.stdout, "")
        let toStdout = try generate(["--seed", "5"])
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), toStdout.stdoutBytes)
        // No temporary file left beside it.
        XCTAssertEqual(try dir.list(), ["trace.csv"])
        // Overwriting keeps exactly one file too.
        let again = try generate(["--seed", "6", "--out", path])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try dir.list(), ["trace.csv"])
    }

    func testBadStepIsUsageError() throws {
        for step in ["7x", "0s", "-15s", ""] {
            let result = try generate(["--step", step])
            XCTAssertEqual(result.status, 2, "--step '\(step)': \(result.stderr)")
            XCTAssertTrue(result.stderr.contains("--step"), result.stderr)
            XCTAssertEqual(result.stdout, "", "--step '\(step)' wrote a trace")
        }
    }

    func testStepLongerThanTraceIsUsageError() throws {
        let result = try CLI.run(["generate", "--pattern", "weekly", "--days", "0.01", "--step", "1d"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
    }

    func testNonPositiveDaysIsUsageError() throws {
        for days in ["0", "-1", "nan"] {
            let result = try CLI.run(["generate", "--pattern", "diurnal", "--days", days])
            XCTAssertEqual(result.status, 2, "--days \(days)")
            XCTAssertEqual(result.stdout, "")
        }
    }

    func testUnwritableOutIsBadInput() throws {
        let dir = try TempDir()
        let path = dir.path("no/such/folder/t.csv")
        let result = try generate(["--out", path])
        XCTAssertEqual(result.status, 2, "stderr: \(result.stderr)")
        XCTAssertFalse(result.stderr.isEmpty)
    }
}
