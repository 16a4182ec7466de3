import HindsightTestSupport
import Foundation
import XCTest

/// `hindsight sweep` end to end: files, determinism, points equal to `run`, the front, errors.
final class SweepCommandTests: XCTestCase {
    func testJobsOneAndTwoWriteTheSameBytes() throws {
        let f = try SweepFixture()
        let one = try f.cli(["sweep", f.scenarioPath, "--jobs", "1", "--out", "one"])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(one.stderr, "", "no progress bar when standard error is not a terminal")
        let two = try f.cli(["sweep", f.scenarioPath, "--jobs", "2", "--out", "two", "--quiet"])
        XCTAssertEqual(two.status, 0, two.stderr)
        XCTAssertEqual(two.stdout, "")
        let a = try RunFixture.contents(of: f.dir.path("one")), b = try RunFixture.contents(of: f.dir.path("two"))
        XCTAssertEqual(a.keys.sorted(), ["pareto.csv", "report.html", "summary.md", "sweep.csv"])
        XCTAssertEqual(a, b)
        let (header, rows) = try readCSV(f.dir.path("one/sweep.csv"))
        XCTAssertEqual(Array(header.prefix(5)), ["point", "spec.metrics[0].resource.target.averageUtilization",
                                                 "spec.behavior.scaleDown.stabilizationWindowSeconds",
                                                 "spec.behavior.scaleUp.selectPolicy", "policy"])
        // itertools order: the first parameter varies slowest.
        XCTAssertEqual(rows.map { Array($0.prefix(4)) }, [
            ["0", "50", "0", "Max"], ["1", "50", "0", "Min"], ["2", "50", "300", "Max"], ["3", "50", "300", "Min"],
            ["4", "70", "0", "Max"], ["5", "70", "0", "Min"], ["6", "70", "300", "Max"], ["7", "70", "300", "Min"],
        ])
        let html = try String(contentsOfFile: f.dir.path("one/report.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\""))
        XCTAssertTrue(html.contains("current policy (diamond)"))
    }

    /// The policy file with point `values` written in by hand (plain text replacement).
    static func patchedByHand(_ target: String, _ window: String, _ select: String) -> String {
        SweepFixture.policy
            .replacingOccurrences(of: "averageUtilization: 60", with: "averageUtilization: \(target)")
            .replacingOccurrences(of: "stabilizationWindowSeconds: '300'", with: "stabilizationWindowSeconds: '\(window)'")
            .replacingOccurrences(of: "selectPolicy: \"Max\"", with: "selectPolicy: \"\(select)\"")
    }

    func testEveryPointEqualsRunOnThePatchedFile() throws {
        let f = try SweepFixture()
        XCTAssertEqual(try f.cli(["sweep", f.scenarioPath, "--out", "s", "--quiet"]).status, 0)
        let (header, rows) = try readCSV(f.dir.path("s/sweep.csv"))
        for row in rows where ["2", "5"].contains(row[0]) {
            _ = try f.dir.write("p\(row[0]).yaml", Self.patchedByHand(row[1], row[2], row[3]))
            let scenario = try f.dir.write("p\(row[0])-scenario.yaml",
                                           RunFixture.scenario(name: "tiny", policies: ["- file: p\(row[0]).yaml"]))
            let ran = try f.cli(["run", scenario, "--out", "r\(row[0])", "--quiet"])
            XCTAssertEqual(ran.status, 0, ran.stderr)
            let (runHeader, runRows) = try readCSV(f.dir.path("r\(row[0])/summary.csv"))
            XCTAssertEqual(Array(header.dropFirst(4)), runHeader, "sweep.csv carries every summary column, in order")
            XCTAssertEqual(Array(row.dropFirst(4)), runRows[0], "point \(row[0])")
        }
        XCTAssertNotEqual(rows[2].dropFirst(4), rows[5].dropFirst(4))
    }

    func testParetoFileIsTheNonDominatedRows() throws {
        let f = try SweepFixture()
        XCTAssertEqual(try f.cli(["sweep", f.scenarioPath, "--out", "s", "--quiet"]).status, 0)
        let (header, rows) = try readCSV(f.dir.path("s/sweep.csv"))
        let cost = try XCTUnwrap(header.firstIndex(of: "cost_usd"))
        let violation = try XCTUnwrap(header.firstIndex(of: "slo_violation_fraction"))
        let score = rows.map { (Double($0[cost]) ?? .nan, Double($0[violation]) ?? .nan) }
        let expected = rows.indices.filter { i in
            !rows.indices.contains { j in
                score[j].0 <= score[i].0 && score[j].1 <= score[i].1 && (score[j].0 < score[i].0 || score[j].1 < score[i].1)
            }
        }.map { rows[$0] }
        let (paretoHeader, pareto) = try readCSV(f.dir.path("s/pareto.csv"))
        XCTAssertEqual(paretoHeader, header)
        XCTAssertEqual(pareto, expected)
        XCTAssertFalse(pareto.isEmpty)
    }

    func testBadPathWrongTypeAndHugeGridAreExit2WithTheirPlace() throws {
        let badPath = try SweepFixture(parameters: ["spec.metrics[3].resource.target.averageUtilization: [50]"])
        let r1 = try badPath.cli(["sweep", badPath.scenarioPath, "--out", "x"])
        XCTAssertEqual(r1.status, 2)
        let p1 = try XCTUnwrap(position(of: "spec.metrics[3]", in: badPath.scenarioText))
        XCTAssertTrue(r1.stderr.contains("\(badPath.scenarioPath):\(p1.line):\(p1.column): spec.sweep.parameters: 'spec.metrics[3]"), r1.stderr)

        let wrongType = try SweepFixture(parameters: ["spec.minReplicas: [2, two]"])
        let r2 = try wrongType.cli(["sweep", wrongType.scenarioPath, "--out", "x"])
        XCTAssertEqual(r2.status, 2)
        let p2 = try XCTUnwrap(position(of: "spec.minReplicas", in: wrongType.scenarioText))
        XCTAssertTrue(r2.stderr.hasPrefix("\(wrongType.scenarioPath):\(p2.line):\(p2.column): spec.sweep.parameters: value 'two' for spec.minReplicas: found '2', a number"), r2.stderr)

        // A number into a quoted string scalar fits the bytes but not the field.
        let badValue = try SweepFixture(parameters: ["spec.behavior.scaleUp.selectPolicy: [Max, 7]"])
        let r4 = try badValue.cli(["sweep", badValue.scenarioPath, "--out", "x"])
        XCTAssertEqual(r4.status, 2)
        let p4 = try XCTUnwrap(position(of: "spec.behavior.scaleUp.selectPolicy", in: badValue.scenarioText))
        XCTAssertTrue(r4.stderr.hasPrefix("\(badValue.scenarioPath):\(p4.line):\(p4.column): spec.sweep.parameters: value '7' for spec.behavior.scaleUp.selectPolicy makes the policy invalid"), r4.stderr)
        XCTAssertTrue(r4.stderr.contains("expected one of Max, Min, Disabled"), r4.stderr)

        let huge = try SweepFixture(parameters: ["spec.minReplicas: {from: 1, to: 2000, step: 1}",
                                                 "spec.maxReplicas: {from: 1, to: 501, step: 1}"])
        let r3 = try huge.cli(["sweep", huge.scenarioPath, "--out", "x"])
        XCTAssertEqual(r3.status, 2)
        let p3 = try XCTUnwrap(position(of: "policy: hpa.yaml", in: huge.scenarioText))
        XCTAssertTrue(r3.stderr.hasPrefix("\(huge.scenarioPath):\(p3.line):\(p3.column): spec.sweep: the grid has 1002000 points"), r3.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: huge.dir.path("x")), "nothing runs after a bad grid")
    }

    func testSampleRunsTheSeededSubset() throws {
        let f = try SweepFixture()
        XCTAssertEqual(try f.cli(["sweep", f.scenarioPath, "--out", "a", "--sample", "3", "--seed", "9", "--quiet"]).status, 0)
        XCTAssertEqual(try f.cli(["sweep", f.scenarioPath, "--out", "b", "--sample", "3", "--seed", "9", "--quiet"]).status, 0)
        let (_, a) = try readCSV(f.dir.path("a/sweep.csv"))
        XCTAssertEqual(a.count, 3)
        XCTAssertEqual(a.map(\.[0]), a.map(\.[0]).sorted())
        XCTAssertEqual(try RunFixture.contents(of: f.dir.path("a")), try RunFixture.contents(of: f.dir.path("b")))
    }

    func testHoldoutOnSweepReportsTheBacktest() throws {
        let f = try SweepFixture()
        let r = try f.cli(["sweep", f.scenarioPath, "--out", "h", "--holdout", "25%", "--jobs", "2"])
        XCTAssertEqual(r.status, 0, r.stderr)
        // The points run on the first 1,080 of 1,440 steps: their span ends at 04:30.
        let (header, rows) = try readCSV(f.dir.path("h/sweep.csv"))
        let end = try XCTUnwrap(header.firstIndex(of: "end"))
        XCTAssertEqual(Set(rows.map { $0[end] }), ["2026-01-01T04:30:00Z"])
        let md = try String(contentsOfFile: f.dir.path("h/summary.md"), encoding: .utf8)
        XCTAssertTrue(md.contains("Hold-out backtest (last 25 % of the trace, not seen while tuning): 2026-01-01 04:30 → 2026-01-01 06:00 UTC"), md)
        let html = try String(contentsOfFile: f.dir.path("h/report.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("Hold-out backtest: the last 25 %"))
    }
}

/// `sweep` and `tune` append to the run history: the current policy and the chosen point,
/// whose recorded metrics are the chosen row of sweep.csv.
final class SweepHistoryTests: XCTestCase {
    func testSweepRecordsTheCurrentPolicyAndTheChosenPoint() throws {
        let f = try SweepFixture()
        let sweep = try f.cli(["sweep", f.scenarioPath, "--out", "s", "--quiet", "--history", "h.sqlite"])
        XCTAssertEqual(sweep.status, 0, sweep.stderr)
        let listing = try f.cli(["history", "--history", "h.sqlite", "--json"])
        XCTAssertEqual(listing.status, 0, listing.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: listing.stdoutBytes) as? [String: Any])
        let runs = try XCTUnwrap(object["runs"] as? [[String: Any]]).reversed().map { $0 }
        XCTAssertEqual(runs.count, 2, listing.stdout)
        XCTAssertEqual(runs.map { $0["command"] as? String }, ["sweep", "sweep"])
        XCTAssertTrue(runs[0]["point"] is NSNull, "the current policy has no point label")
        let label = try XCTUnwrap(runs[1]["point"] as? String)
        let index = try XCTUnwrap(label.split(separator: ":").first.flatMap { Int($0.dropFirst("point ".count)) }, label)
        // The chosen point's row of sweep.csv holds the same numbers as its history entry.
        let (header, rows) = try readCSV(f.dir.path("s/sweep.csv"))
        let row = try XCTUnwrap(rows.first { $0[0] == String(index) })
        let metrics = try XCTUnwrap(runs[1]["metrics"] as? [String: Any])
        for key in ["cost_usd", "slo_violation_fraction", "emissions_kgco2e", "replicas_max"] {
            let column = try XCTUnwrap(header.firstIndex(of: key), key)
            let recorded = try XCTUnwrap(metrics[key] as? NSNumber, key).doubleValue
            XCTAssertEqual(recorded, try XCTUnwrap(Double(row[column])), accuracy: 1e-9 * max(1, abs(recorded)), key)
        }
        XCTAssertTrue(label.contains("spec.metrics[0].resource.target.averageUtilization=\(row[1])"), label)
    }

    func testNoHistoryWritesNothing() throws {
        let f = try SweepFixture()
        let sweep = try f.cli(["sweep", f.scenarioPath, "--out", "s", "--quiet", "--no-history"])
        XCTAssertEqual(sweep.status, 0, sweep.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: f.dir.path("reports/history.sqlite")))
    }
}

/// A sweep's output folder is replaced whole, as `run`'s is: an earlier sweep's extra
/// file is gone, and a folder that holds something else is refused, untouched.
final class SweepFolderTests: XCTestCase {
    func testOutputFolderIsReplacedWholeOrRefused() throws {
        let f = try SweepFixture()
        XCTAssertEqual(try f.cli(["sweep", f.scenarioPath, "--out", "s", "--quiet", "--no-history"]).status, 0)
        _ = try f.dir.write("s/stale.txt", "from an earlier sweep")
        let again = try f.cli(["sweep", f.scenarioPath, "--out", "s", "--quiet", "--no-history"])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try f.dir.list("s").sorted(), ["pareto.csv", "report.html", "summary.md", "sweep.csv"])
        _ = try f.dir.write("notes/todo.txt", "mine")
        let refused = try f.cli(["sweep", f.scenarioPath, "--out", "notes", "--quiet", "--no-history"])
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertEqual(try f.dir.list("notes"), ["todo.txt"])
    }
}
