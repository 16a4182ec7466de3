import HindsightTestSupport
import Foundation
import XCTest

/// `hindsight run` on a small generated trace: the files of CLI.md, their keys and
/// columns, no NaN, determinism across runs and job counts, observed replay fidelity.
final class RunCommandTests: XCTestCase {
    /// One fixture and one full run, shared by the tests of this class (runs take time).
    nonisolated(unsafe) private static var shared: Result<(RunFixture, CLIResult, String), any Error>?

    override class func tearDown() {
        shared = nil
        super.tearDown()
    }

    private func standard() throws -> (fixture: RunFixture, result: CLIResult, out: String) {
        if Self.shared == nil {
            Self.shared = Result {
                let fixture = try RunFixture()
                let (result, out) = try fixture.run("standard")
                return (fixture, result, out)
            }
        }
        guard let shared = Self.shared else { throw FixtureError("no fixture") }
        let (fixture, result, out) = try shared.get()
        guard result.status == 0 else { throw FixtureError("run failed (\(result.status)): \(result.stderr)") }
        return (fixture, result, out)
    }

    static let summaryKeys = [
        "policy", "kind", "start", "end", "step_seconds", "replicas_mean", "replicas_max", "replicas_min",
        "replica_hours", "cost_usd", "energy_kwh", "emissions_kgco2e", "sci_g_per_1k_requests",
        "requests_served", "requests_dropped", "slo_violation_seconds", "slo_violation_fraction",
        "error_budget_used", "scaling_actions", "reversals", "missing_seconds", "latency_mape", "cpu_mape", "latency_hourly_mape", "latency_holdout_mape",
        "latency_holdout_constant_mape", "latency_skill", "warnings",
    ]

    static let timeseriesColumns = [
        "timestamp", "load_rps", "load_cores", "desired_replicas", "ready_replicas", "total_replicas",
        "utilization_pct", "latency_p99_ms", "slo_violated", "cost_usd", "energy_kwh", "emissions_g",
        "carbon_intensity",
    ]

    func testWritesEveryFileOfCLIMD() throws {
        let (_, result, out) = try standard()
        var expected = ["summary.json", "summary.csv", "report.html", "summary.md"]
        for p in RunFixture.policies { expected += ["timeseries-\(p).csv", "decisions-\(p).csv"] }
        // Exactly these: no temporary file left behind.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out).sorted(), expected.sorted())
        XCTAssertTrue(result.stdout.contains("wrote \(expected.count) files"), result.stdout)
        for p in RunFixture.policies { XCTAssertTrue(result.stdout.contains(p), "table lacks \(p): \(result.stdout)") }
    }

    func testSummaryJSONHasEveryKeyForEveryRun() throws {
        let (_, _, out) = try standard()
        let data = try Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("summary.json"))
        let root = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(root["scenario"] as? String, "small")
        let runs = try XCTUnwrap(root["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.map { $0["policy"] as? String ?? "?" }, RunFixture.policies)
        XCTAssertEqual(runs.map { $0["kind"] as? String ?? "?" }, ["observed", "static", "HorizontalPodAutoscaler"])
        for run in runs {
            let name = run["policy"] as? String ?? "?"
            XCTAssertEqual(Set(run.keys), Set(Self.summaryKeys), name)
            for key in Self.summaryKeys where !["policy", "kind", "start", "end", "warnings", "latency_mape"].contains(key) {
                XCTAssertTrue(run[key] is NSNumber, "\(name).\(key) is not a number: \(String(describing: run[key]))")
            }
            XCTAssertTrue(run["warnings"] is [String], name)
            // The trace records latency: every run reports the model's fidelity.
            XCTAssertTrue(run["latency_mape"] is NSNumber, "\(name).latency_mape")
            // RFC 3339, the span [start, start + 1440 × 15 s).
            XCTAssertEqual(run["start"] as? String, "2026-01-01T00:00:00Z")
            XCTAssertEqual(run["end"] as? String, "2026-01-01T06:00:00Z")
            XCTAssertEqual((run["step_seconds"] as? NSNumber)?.intValue, 15)
            let mean = (run["replicas_mean"] as? NSNumber)?.doubleValue ?? .nan
            let min = (run["replicas_min"] as? NSNumber)?.doubleValue ?? .nan
            let max = (run["replicas_max"] as? NSNumber)?.doubleValue ?? .nan
            XCTAssertTrue(min <= mean && mean <= max, "\(name): \(min) ≤ \(mean) ≤ \(max)")
            // replica-hours = mean replicas × 6 h.
            let hours = (run["replica_hours"] as? NSNumber)?.doubleValue ?? .nan
            XCTAssertEqual(hours, mean * 6, accuracy: 1e-9 * hours, name)
            let violated = (run["slo_violation_seconds"] as? NSNumber)?.doubleValue ?? .nan
            let fraction = (run["slo_violation_fraction"] as? NSNumber)?.doubleValue ?? .nan
            XCTAssertEqual(fraction, violated / 21_600, accuracy: 1e-12, name)
        }
        // static 4: 4 pods × 6 h; cost = 24 pod-hours × (0.5 vCPU × 0.031611 + 1 GiB × 0.004237) USD.
        let fixed = runs[1]
        XCTAssertEqual((fixed["replicas_mean"] as? NSNumber)?.doubleValue, 4)
        XCTAssertEqual((fixed["replica_hours"] as? NSNumber)?.doubleValue ?? .nan, 24, accuracy: 1e-9)
        let cost = 24 * (0.5 * 0.031611 + 0.004237)
        XCTAssertEqual((fixed["cost_usd"] as? NSNumber)?.doubleValue ?? .nan, cost, accuracy: 1e-9 * cost)
        XCTAssertEqual((fixed["scaling_actions"] as? NSNumber)?.intValue, 0)
    }

    func testSummaryCSVAndMarkdownHaveOneRowPerPolicy() throws {
        let (_, _, out) = try standard()
        let csv = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8)
        let lines = csv.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 1 + RunFixture.policies.count, csv)
        XCTAssertEqual(lines.first?.split(separator: ",").map(String.init), Self.summaryKeys)
        for (i, p) in RunFixture.policies.enumerated() where i + 1 < lines.count {
            XCTAssertTrue(lines[i + 1].hasPrefix(p + ","), lines[i + 1])
        }
        let md = try String(contentsOfFile: out + "/summary.md", encoding: .utf8)
        for p in RunFixture.policies { XCTAssertTrue(md.contains("| \(p) |"), "summary.md lacks \(p)") }
    }

    func testTimeseriesColumnsRowsAndDecisions() throws {
        let (_, _, out) = try standard()
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json")))
        let runs = (json as? [String: Any])?["runs"] as? [[String: Any]] ?? []
        for (i, p) in RunFixture.policies.enumerated() {
            let csv = try readCSV(out + "/timeseries-\(p).csv")
            XCTAssertEqual(csv.header, Self.timeseriesColumns, p)
            XCTAssertEqual(csv.rows.count, RunFixture.steps, p)
            for (r, row) in csv.rows.enumerated() where r % 97 == 0 || r == csv.rows.count - 1 {
                XCTAssertEqual(row.count, Self.timeseriesColumns.count, "\(p) row \(r)")
                XCTAssertEqual(row.first, String(RunFixture.start + Int64(r) * 15), "\(p) row \(r)")
                XCTAssertTrue(row.count > 8 && (row[8] == "0" || row[8] == "1"), "\(p) row \(r): slo_violated")
            }
            let decisions = try String(contentsOfFile: out + "/decisions-\(p).csv", encoding: .utf8)
            let lines = decisions.split(separator: "\n")
            XCTAssertEqual(lines.first, "timestamp,from,to,reason", p)
            // One line per scaling decision.
            if i < runs.count {
                XCTAssertEqual(lines.count - 1, (runs[i]["scaling_actions"] as? NSNumber)?.intValue, p)
            }
        }
    }

    func testNoNaNOrInfinityAnywhere() throws {
        let (_, _, out) = try standard()
        let pattern = try NSRegularExpression(pattern: "\\b(nan|inf|infinity)\\b", options: [.caseInsensitive])
        for (name, data) in try RunFixture.contents(of: out) {
            let text = String(decoding: data, as: UTF8.self)
            let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
            XCTAssertNil(match, "\(name) contains \(match.map { (text as NSString).substring(with: $0.range) } ?? "")")
        }
    }

    func testReportIsSelfContained() throws {
        let (_, _, out) = try standard()
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        XCTAssertTrue(html.lowercased().hasPrefix("<!doctype html"), String(html.prefix(40)))
        let remote = try NSRegularExpression(pattern: "(src|href)\\s*=\\s*[\"']?(https?:)?//", options: [.caseInsensitive])
        XCTAssertNil(remote.firstMatch(in: html, range: NSRange(html.startIndex..., in: html)), "report.html loads from the network")
        XCTAssertFalse(html.contains("@import"), "report.html imports a style sheet")
    }

    func testObservedReplayReproducesTheRecord() throws {
        let (fixture, _, out) = try standard()
        let trace = try readCSV(fixture.tracePath)
        let series = try readCSV(out + "/timeseries-observed.csv")
        XCTAssertEqual(trace.rows.count, series.rows.count)
        guard let replicas = trace.header.firstIndex(of: "replicas"),
              let recorded = trace.header.firstIndex(of: "latency_p99_ms"),
              let desired = series.header.firstIndex(of: "desired_replicas"),
              let modelled = series.header.firstIndex(of: "latency_p99_ms") else { return XCTFail("columns") }
        var sum = 0.0
        for (a, b) in zip(trace.rows, series.rows) {
            XCTAssertEqual(a[0], b[0], "timestamps")
            XCTAssertEqual(a[replicas], b[desired], "at \(a[0])")
            guard let record = Double(a[recorded]), let model = Double(b[modelled]) else {
                XCTFail("latency at \(a[0]): \(a[recorded]) vs \(b[modelled])"); continue
            }
            sum += abs(model - record) / record
        }
        let mape = sum / Double(trace.rows.count) * 100  // percent
        XCTAssertLessThan(mape, 0.5)
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json")))
        let observed = ((json as? [String: Any])?["runs"] as? [[String: Any]])?.first
        let reported = try XCTUnwrap((observed?["latency_mape"] as? NSNumber)?.doubleValue)
        XCTAssertLessThan(reported, 0.5)
        // The summary's MAPE (percent) is the one computed here from the two files.
        XCTAssertEqual(reported, mape, accuracy: 1e-6 * Swift.max(mape, 1e-3))
    }

    func testSameRunTwiceAndAnyJobCountGiveTheSameBytes() throws {
        let (fixture, _, out) = try standard()
        let reference = try RunFixture.contents(of: out)
        for (name, jobs) in [("again", "1"), ("jobs2", "2"), ("jobs1", "1"), ("jobs3", "3")] {
            let (result, other) = try fixture.run(name, ["--jobs", jobs])
            XCTAssertEqual(result.status, 0, result.stderr)
            let files = try RunFixture.contents(of: other)
            XCTAssertEqual(files.keys.sorted(), reference.keys.sorted())
            for (file, bytes) in reference {
                XCTAssertEqual(files[file], bytes, "\(file) differs with --jobs \(jobs)")
            }
        }
    }

    func testOnePolicyGivesTheSameBytesAsInTheFullRun() throws {
        let (fixture, _, out) = try standard()
        let (result, only) = try fixture.run("only-hpa", ["--policy", "web-hpa"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: only).sorted(),
                       ["decisions-web-hpa.csv", "report.html", "summary.csv", "summary.json", "summary.md",
                        "timeseries-web-hpa.csv"])
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: only + "/summary.json")))
        let runs = (json as? [String: Any])?["runs"] as? [[String: Any]] ?? []
        XCTAssertEqual(runs.map { $0["policy"] as? String ?? "?" }, ["web-hpa"])
        // Each policy is its own simulation: its series do not depend on the others.
        for file in ["timeseries-web-hpa.csv", "decisions-web-hpa.csv"] {
            XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: only + "/" + file)),
                           try Data(contentsOf: URL(fileURLWithPath: out + "/" + file)), file)
        }
    }

    func testRepeatedPolicyOptionKeepsScenarioOrder() throws {
        let (fixture, _, _) = try standard()
        let (result, out) = try fixture.run("two", ["--policy", "web-hpa", "--policy", "observed", "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "", "--quiet printed")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json")))
        let runs = (json as? [String: Any])?["runs"] as? [[String: Any]] ?? []
        XCTAssertEqual(runs.map { $0["policy"] as? String ?? "?" }, ["observed", "web-hpa"])
    }

    func testDefaultOutputFolderIsReportsScenarioNameUnderTheWorkingDirectory() throws {
        let (fixture, _, out) = try standard()
        let cwd = try TempDir()
        let result = try CLI.run(["run", fixture.scenarioPath, "--policy", "static-4", "--quiet"], in: cwd.url)
        XCTAssertEqual(result.status, 0, result.stderr)
        let folder = cwd.path("reports/small")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: folder + "/timeseries-static-4.csv")),
                       try Data(contentsOf: URL(fileURLWithPath: out + "/timeseries-static-4.csv")))
    }
}
