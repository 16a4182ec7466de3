import HindsightTestSupport
import Foundation
import XCTest

/// `run --export focus` (README "FinOps FOCUS export"): the hourly FOCUS rows of every
/// policy add up to its summary, tile the run, and price pods as the scenario says.
final class FocusExportTests: XCTestCase {
    /// Relative tolerance of sums compared across summation orders (hourly rows vs the
    /// engine's running total): 1e-9.
    static let tolerance = 1e-9

    /// USD per pod-hour of the fixture's workload, by hand: 0.5 vCPU × 0.031611 + 1 GiB × 0.004237.
    static let podHourUSD = 0.5 * 0.031611 + 1 * 0.004237

    func testRowsAddUpToTheSummaryAndTileTheRun() throws {
        let fixture = try RunFixture()
        let (result, out) = try fixture.run("focus", ["--export", "focus", "--no-history", "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let table = try FocusCSV(path: out + "/focus.csv")
        let runs = try Self.summaryRuns(out)
        XCTAssertEqual(runs.count, RunFixture.policies.count)
        let start = RunFixture.start
        let end = start + Int64(RunFixture.steps) * 15
        for run in runs {
            let name = try XCTUnwrap(run["policy"] as? String)
            let rows = try table.rows(tag: "hindsight/policy", equal: name)
            // 1,440 steps of 15 s = 6 hours, one row each.
            XCTAssertEqual(rows.count, 6, name)
            let billed = try rows.map { try table.number($0, "BilledCost") }.reduce(0, +)
            let cost = try XCTUnwrap(run["cost_usd"] as? Double)
            XCTAssertEqual(billed, cost, accuracy: Self.tolerance * max(cost, 1e-12), name)
            // Without a price series every price is the list price.
            for row in rows {
                XCTAssertEqual(try table.number(row, "ListCost"), try table.number(row, "BilledCost"))
                XCTAssertEqual(try table.number(row, "EffectiveCost"), try table.number(row, "BilledCost"))
                XCTAssertEqual(try table.number(row, "ListUnitPrice"), Self.podHourUSD, accuracy: 1e-15)
                // BilledCost = pod-hours × the hand-computed price of a pod-hour.
                XCTAssertEqual(try table.number(row, "BilledCost"),
                               try table.number(row, "ConsumedQuantity") * Self.podHourUSD,
                               accuracy: 1e-9 * max(try table.number(row, "BilledCost"), 1e-12))
                XCTAssertEqual(table.cell(row, "ChargeCategory"), "Usage")
                XCTAssertEqual(table.cell(row, "ConsumedUnit"), "Pod-Hours")
                XCTAssertEqual(table.cell(row, "PricingCategory"), "Standard")
                XCTAssertEqual(table.cell(row, "ServiceName"), "Kubernetes")
                XCTAssertEqual(try table.tags(row)["hindsight/scenario"], "small")
                XCTAssertTrue(table.cell(row, "ResourceId").hasPrefix("hindsight://small/deployment/web/"))
            }
            // No terminating pods (grace 0): billed pod-hours are the summary's replica-hours.
            let podHours = try rows.map { try table.number($0, "ConsumedQuantity") }.reduce(0, +)
            let replicaHours = try XCTUnwrap(run["replica_hours"] as? Double)
            XCTAssertEqual(podHours, replicaHours, accuracy: Self.tolerance * replicaHours, name)
            // Periods: hour-aligned, contiguous, from the run's start to its end.
            let periods = try rows.map { (try Self.unix(table.cell($0, "ChargePeriodStart")),
                                          try Self.unix(table.cell($0, "ChargePeriodEnd"))) }
            XCTAssertEqual(periods.first?.0, start)
            XCTAssertEqual(periods.last?.1, end)
            for (k, p) in periods.enumerated() {
                XCTAssertEqual(p.1 - p.0, 3600)
                if k > 0 { XCTAssertEqual(p.0, periods[k - 1].1) }
            }
        }
    }

    func testAPriceSeriesDiscountsBilledButNotListCost() throws {
        let fixture = try RunFixture()
        // A spot price at 40 % of list for the whole trace.
        try fixture.dir.write("spot.csv", "timestamp,multiplier\n\(RunFixture.start - 60),0.4\n")
        let text = fixture.scenarioText.replacingOccurrences(
            of: "    memoryGiBHour: 0.004237\n", with: "    memoryGiBHour: 0.004237\n    priceFile: spot.csv\n")
        XCTAssertNotEqual(text, fixture.scenarioText)
        let scenario = try fixture.dir.write("spot.yaml", text)
        let (result, out) = try fixture.run("spot", ["--export", "focus", "--no-history", "--quiet"], scenario: scenario)
        XCTAssertEqual(result.status, 0, result.stderr)
        let table = try FocusCSV(path: out + "/focus.csv")
        XCTAssertEqual(table.rows.count, 6 * RunFixture.policies.count)
        for row in table.rows {
            let list = try table.number(row, "ListCost")
            XCTAssertEqual(try table.number(row, "BilledCost"), 0.4 * list, accuracy: 1e-12 * max(list, 1))
            XCTAssertEqual(table.cell(row, "PricingCategory"), "Dynamic")
        }
    }

    func testWithoutTheFlagNoFocusFile() throws {
        let fixture = try RunFixture()
        let (result, out) = try fixture.run("plain", ["--no-history", "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out + "/focus.csv"))
        let bad = try CLI.run(["run", fixture.scenarioPath, "--export", "parquet"])
        XCTAssertEqual(bad.status, 2)
    }

    /// The README's command, exactly as written, in a copy of the package's scenarios and demo trace.
    static let readmeCommand = "hindsight run scenarios/demo.yaml --export focus --out reports/demo"

    func testTheReadmeCommand() throws {
        let readme = try String(contentsOfFile: CLI.packagePath("README.md"), encoding: .utf8)
        XCTAssertTrue(readme.contains(Self.readmeCommand))
        let work = try TempDir()
        try FileManager.default.copyItem(atPath: CLI.packagePath("scenarios"), toPath: work.path("scenarios"))
        try FileManager.default.createDirectory(atPath: work.path("datasets"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CLI.packagePath("datasets/demo-web.csv"), toPath: work.path("datasets/demo-web.csv"))
        guard let binary = CLI.binary else { throw FixtureError("no hindsight binary") }
        let path = binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let r = try CLI.run(shell: Self.readmeCommand, in: work.url, environment: ["PATH": path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let table = try FocusCSV(path: work.path("reports/demo/focus.csv"))
        let runs = try Self.summaryRuns(work.path("reports/demo"))
        // Three days: 72 hourly rows per policy.
        XCTAssertEqual(table.rows.count, 72 * runs.count)
        for run in runs {
            let name = try XCTUnwrap(run["policy"] as? String)
            let cost = try XCTUnwrap(run["cost_usd"] as? Double)
            let billed = try table.rows(tag: "hindsight/policy", equal: name).map { try table.number($0, "BilledCost") }.reduce(0, +)
            XCTAssertEqual(billed, cost, accuracy: Self.tolerance * cost, name)
        }
    }

    static func summaryRuns(_ out: String) throws -> [[String: Any]] {
        let data = try Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try XCTUnwrap(object["runs"] as? [[String: Any]])
    }

    /// Unix seconds of an RFC 3339 UTC time without fraction.
    static func unix(_ text: String) throws -> Int64 {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        let date = try XCTUnwrap(f.date(from: text), text)
        return Int64(date.timeIntervalSince1970)
    }
}

/// A CSV file with RFC 4180 quoting, read by header name.
struct FocusCSV {
    var header: [String]
    var rows: [[String]]

    init(path: String) throws {
        let records = CSVTestParser.parse(try String(contentsOfFile: path, encoding: .utf8))
        header = records.first ?? []
        rows = Array(records.dropFirst())
        for row in rows where row.count != header.count {
            throw FixtureError("a row of \(row.count) cells under \(header.count) columns: \(row)")
        }
    }

    func cell(_ row: [String], _ column: String) -> String {
        guard let i = header.firstIndex(of: column) else { return "<no column \(column)>" }
        return row[i]
    }

    func number(_ row: [String], _ column: String) throws -> Double {
        try XCTUnwrap(Double(cell(row, column)), "\(column) = \(cell(row, column))")
    }

    func tags(_ row: [String]) throws -> [String: String] {
        let data = Data(cell(row, "Tags").utf8)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: String])
    }

    func rows(tag: String, equal value: String) throws -> [[String]] {
        try rows.filter { try tags($0)[tag] == value }
    }
}
