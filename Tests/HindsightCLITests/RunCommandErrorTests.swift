import HindsightTestSupport
import Foundation
import XCTest

/// `hindsight run` on bad input: exit 2, a message naming the place, nothing written.
final class RunCommandErrorTests: XCTestCase {
    /// A trace of 8 rows on a 15 s grid written by hand, with `cell` put in place of the rps
    /// of row `badRow` (1-based data row); returns the scenario path and the trace text.
    private func world(badRow: Int, cell: String, policies: [String]? = nil) throws -> (TempDir, String, String) {
        let dir = try TempDir()
        var lines = ["timestamp,rps,cpu,replicas,latency_p99_ms"]
        for i in 0..<8 {
            let rps = i + 1 == badRow ? cell : String(100 + 10 * i)
            lines.append("\(1_767_225_600 + 15 * i),\(rps),0.5,2,40")
        }
        let text = lines.joined(separator: "\n") + "\n"
        try dir.write("trace.csv", text)
        try dir.write("hpa.yaml", RunFixture.hpa)
        let scenario = policies.map { RunFixture.scenario(policies: $0) } ?? RunFixture.scenario()
        let path = try dir.write("scenario.yaml", scenario)
        return (dir, path, text)
    }

    func testGoodHandWrittenTraceRuns() throws {
        let (dir, scenario, _) = try world(badRow: 0, cell: "")
        let result = try CLI.run(["run", scenario, "--out", dir.path("out"), "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let series = try readCSV(dir.path("out/timeseries-observed.csv"))
        XCTAssertEqual(series.rows.map { $0.first ?? "" }, (0..<8).map { String(1_767_225_600 + 15 * $0) })
        XCTAssertEqual(series.rows.map { $0.count > 1 ? $0[1] : "" }, (0..<8).map { String(100 + 10 * $0) })
    }

    func testNonNumericCellNamesLineAndColumnAndWritesNothing() throws {
        let (dir, scenario, text) = try world(badRow: 5, cell: "12x")
        let out = dir.path("out")
        let result = try CLI.run(["run", scenario, "--out", out])
        XCTAssertEqual(result.status, 2, result.stderr)
        // Data row 5 is line 6; the cell follows "<timestamp>,".
        let p = try XCTUnwrap(position(of: ",12x,", in: text))
        XCTAssertEqual(p.line, 6)
        let expected = "\(dir.path("trace.csv")):\(p.line):\(p.column + 1): "
        XCTAssertTrue(result.stderr.hasPrefix(expected), "expected \(expected) in: \(result.stderr)")
        XCTAssertTrue(result.stderr.contains("12x"), result.stderr)
        XCTAssertTrue(result.stderr.contains("rps"), result.stderr)
        XCTAssertTrue(result.stderr.contains("expected"), result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "a failed run wrote \(out)")
    }

    func testNegativeLoadNamesItsLine() throws {
        let (dir, scenario, _) = try world(badRow: 3, cell: "-5")
        let out = dir.path("out")
        let result = try CLI.run(["run", scenario, "--out", out])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("\(dir.path("trace.csv")):4:"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    func testUnknownPolicyListsTheNames() throws {
        let (dir, scenario, _) = try world(badRow: 0, cell: "")
        let out = dir.path("out")
        let result = try CLI.run(["run", scenario, "--out", out, "--policy", "web-hpa", "--policy", "checkout"])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("checkout"), result.stderr)
        for name in RunFixture.policies { XCTAssertTrue(result.stderr.contains(name), "\(name) not listed: \(result.stderr)") }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    func testHostedModelIsAnErrorWithStrictAndAWarningWithout() throws {
        let ai = CLI.packagePath("scenarios/policies/ai-optimization.yaml")
        let (dir, scenario, _) = try world(badRow: 0, cell: "", policies: ["- observed", "- file: \(ai)"])
        let strictOut = dir.path("strict")
        let strict = try CLI.run(["run", scenario, "--out", strictOut, "--strict"])
        XCTAssertEqual(strict.status, 2, strict.stderr)
        XCTAssertTrue(strict.stderr.contains("openai-gpt-4o"), strict.stderr)
        XCTAssertTrue(strict.stderr.hasPrefix(ai + ":"), "the message names the policy file: \(strict.stderr)")
        XCTAssertFalse(FileManager.default.fileExists(atPath: strictOut))

        let lenient = try CLI.run(["run", scenario, "--out", dir.path("lenient")])
        XCTAssertEqual(lenient.status, 0, lenient.stderr)
        XCTAssertTrue(lenient.stdout.contains("openai-gpt-4o"), "no warning printed: \(lenient.stdout)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.path("lenient/summary.json"))))
        let runs = (json as? [String: Any])?["runs"] as? [[String: Any]] ?? []
        let ai1 = runs.first { $0["policy"] as? String == "smart-resource-scaling" }
        let warnings = ai1?["warnings"] as? [String] ?? []
        XCTAssertTrue(warnings.contains { $0.contains("openai-gpt-4o") }, "warnings: \(warnings)")
    }

    /// CRLF line endings, quoted cells and no final newline read as the plain file does.
    func testCRLFQuotedAndUnterminatedTraceReadsTheSame() throws {
        let (dir, scenario, text) = try world(badRow: 0, cell: "")
        let plain = try CLI.run(["run", scenario, "--out", dir.path("plain"), "--quiet"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        var lines = text.split(separator: "\n").map(String.init)
        for i in 1..<lines.count {
            var cells = lines[i].split(separator: ",").map(String.init)
            cells[1] = "\"" + cells[1] + "\""
            lines[i] = cells.joined(separator: ",")
        }
        try dir.write("trace.csv", lines.joined(separator: "\r\n"))
        let crlf = try CLI.run(["run", scenario, "--out", dir.path("crlf"), "--quiet"])
        XCTAssertEqual(crlf.status, 0, crlf.stderr)
        for p in RunFixture.policies {
            let name = "/timeseries-\(p).csv"
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir.path("crlf") + name)),
                           try Data(contentsOf: URL(fileURLWithPath: dir.path("plain") + name)), p)
        }
    }

    /// A repeated timestamp is an error naming the line of the repeat (duplicates: error is the default).
    func testDuplicateTimestampIsAnError() throws {
        let (dir, scenario, text) = try world(badRow: 0, cell: "")
        var lines = text.split(separator: "\n").map(String.init)
        lines.insert(lines[3], at: 4)  // data row 3 again, as line 5
        try dir.write("trace.csv", lines.joined(separator: "\n") + "\n")
        let out = dir.path("out")
        let result = try CLI.run(["run", scenario, "--out", out])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.hasPrefix("\(dir.path("trace.csv")):5:"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }
}
