import HindsightTestSupport
import Foundation
import XCTest

/// `sweep --timeseries`: each point's time series, the file `run` writes for that point's
/// policy, streamed to timeseries/point-<index>.csv; the same bytes for any --jobs, and
/// through shards and merge.
final class SweepTimeseriesTests: XCTestCase {
    /// Every file under `folder`, by path relative to it.
    static func files(_ folder: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let fm = FileManager.default
        for name in try fm.contentsOfDirectory(atPath: folder) {
            var isDirectory: ObjCBool = false
            let path = folder + "/" + name
            _ = fm.fileExists(atPath: path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                for (sub, data) in try files(path) { out[name + "/" + sub] = data }
            } else {
                out[name] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return out
    }

    func testEachPointsSeriesIsWhatRunWritesForThePatchedFile() throws {
        let f = try SweepFixture()
        let swept = try f.cli(["sweep", f.scenarioPath, "--timeseries", "hourly", "--out", "s"])
        XCTAssertEqual(swept.status, 0, swept.stderr)
        XCTAssertTrue(swept.stdout.contains("wrote 4 files and 8 time series (timeseries/) to s/"), swept.stdout)
        XCTAssertEqual(try f.dir.list("s/timeseries").sorted(), (0..<8).map { "point-\($0).csv" }.sorted())
        let (_, rows) = try readCSV(f.dir.path("s/sweep.csv"))
        for row in rows where ["2", "5"].contains(row[0]) {
            _ = try f.dir.write("p\(row[0]).yaml", SweepCommandTests.patchedByHand(row[1], row[2], row[3]))
            let scenario = try f.dir.write("p\(row[0])-scenario.yaml",
                                           RunFixture.scenario(name: "tiny", policies: ["- file: p\(row[0]).yaml"]))
            let ran = try f.cli(["run", scenario, "--timeseries", "hourly", "--out", "r\(row[0])", "--quiet"])
            XCTAssertEqual(ran.status, 0, ran.stderr)
            let runFile = try XCTUnwrap(try f.dir.list("r\(row[0])").first { $0.hasPrefix("timeseries-") })
            let expected = try Data(contentsOf: URL(fileURLWithPath: f.dir.path("r\(row[0])/\(runFile)")))
            let got = try Data(contentsOf: URL(fileURLWithPath: f.dir.path("s/timeseries/point-\(row[0]).csv")))
            XCTAssertEqual(got, expected, "point \(row[0])")
            XCTAssertGreaterThan(String(decoding: got, as: UTF8.self).split(separator: "\n").count, 2)
        }
        XCTAssertNotEqual(try Data(contentsOf: URL(fileURLWithPath: f.dir.path("s/timeseries/point-2.csv"))),
                          try Data(contentsOf: URL(fileURLWithPath: f.dir.path("s/timeseries/point-5.csv"))))
    }

    func testFullSeriesAreTheSameForAnyJobsAndAbsentByDefault() throws {
        let f = try SweepFixture()
        for jobs in ["1", "2"] {
            let r = try f.cli(["sweep", f.scenarioPath, "--timeseries", "full", "--jobs", jobs, "--out", "j\(jobs)", "--quiet"])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        let one = try Self.files(f.dir.path("j1")), two = try Self.files(f.dir.path("j2"))
        XCTAssertEqual(one.keys.filter { $0.hasPrefix("timeseries/") }.count, 8)
        XCTAssertEqual(one, two)
        // One row per step: the fixture's trace has RunFixture's steps.
        let point0 = String(decoding: try XCTUnwrap(one["timeseries/point-0.csv"]), as: UTF8.self)
        let (_, traceRows) = try readCSV(f.dir.path("trace.csv"))
        XCTAssertEqual(point0.split(separator: "\n").count, traceRows.count + 1)
        XCTAssertEqual(try f.cli(["sweep", f.scenarioPath, "--out", "plain", "--quiet"]).status, 0)
        XCTAssertEqual(try f.dir.list("plain").sorted(), ["pareto.csv", "report.html", "summary.md", "sweep.csv"])
        // The summaries do not depend on the series being written.
        XCTAssertEqual(try Self.files(f.dir.path("plain")), one.filter { !$0.key.hasPrefix("timeseries/") })
    }

    func testShardsWithSeriesPlusMergeEqualTheWholeSweep() throws {
        let f = try SweepFixture()
        XCTAssertEqual(try f.cli(["sweep", f.scenarioPath, "--timeseries", "hourly", "--out", "whole", "--quiet"]).status, 0)
        for i in [0, 1] {
            let r = try f.cli(["sweep", f.scenarioPath, "--timeseries", "hourly", "--shard", "\(i)/2", "--out", "parts", "--quiet"])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        XCTAssertEqual(try f.dir.list("parts/shard-1-of-2/timeseries").sorted(), ["point-1.csv", "point-3.csv", "point-5.csv", "point-7.csv"])
        let merged = try f.cli(["merge", "parts", "--out", "merged"])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertTrue(merged.stdout.contains("wrote 4 files and 8 time series (timeseries/)"), merged.stdout)
        XCTAssertEqual(try Self.files(f.dir.path("merged")), try Self.files(f.dir.path("whole")))
        // A shard run without the series is another sweep.
        XCTAssertEqual(try f.cli(["sweep", f.scenarioPath, "--shard", "1/2", "--out", "parts", "--quiet"]).status, 0)
        let mixed = try f.cli(["merge", "parts", "--out", "m"])
        XCTAssertEqual(mixed.status, 2)
        XCTAssertTrue(mixed.stderr.contains("is from another sweep"), mixed.stderr)
    }

    func testTuneWritesTheSameSeriesAsSweep() throws {
        let f = try SweepFixture()
        XCTAssertEqual(try f.cli(["sweep", f.scenarioPath, "--timeseries", "hourly", "--out", "s", "--quiet"]).status, 0)
        let tuned = try f.cli(["tune", f.scenarioPath, "--timeseries", "hourly", "--out", "t", "--quiet"])
        XCTAssertEqual(tuned.status, 0, tuned.stderr)
        XCTAssertEqual(try Self.files(f.dir.path("t")), try Self.files(f.dir.path("s")))
    }
}

/// `sweep --export focus`: the FOCUS rows of the current policy and the chosen point, each
/// the rows `run --export focus` writes for that policy file.
final class SweepFocusExportTests: XCTestCase {
    /// BilledCost of the rows of `focus.csv` whose description names `policy`.
    static func billed(_ path: String, policy: String) throws -> [String] {
        let (header, rows) = try readCSV(path)
        let cost = try XCTUnwrap(header.firstIndex(of: "BilledCost"))
        let description = try XCTUnwrap(header.firstIndex(of: "ChargeDescription"))
        return rows.filter { $0[description].contains("under policy \(policy) (") }.map { $0[cost] }
    }

    func testFocusRowsAreThoseOfRunForTheCurrentPolicyAndTheChosenPoint() throws {
        let f = try SweepFixture()
        let swept = try f.cli(["sweep", f.scenarioPath, "--export", "focus", "--out", "s"])
        XCTAssertEqual(swept.status, 0, swept.stderr)
        XCTAssertTrue(swept.stdout.contains("wrote 5 files to s/"), swept.stdout)
        let focus = f.dir.path("s/focus.csv")
        let (header, rows) = try readCSV(focus)
        let description = try XCTUnwrap(header.firstIndex(of: "ChargeDescription"))
        let chosen = try XCTUnwrap(rows.lazy.compactMap { row -> String? in
            guard let r = row[description].range(of: "under policy point ") else { return nil }
            return String(row[description][r.upperBound...].prefix { $0.isNumber })
        }.first)
        // The current policy: run of the scenario as it is.
        let current = try f.dir.write("current.yaml", RunFixture.scenario(name: "tiny", policies: ["- file: hpa.yaml"]))
        XCTAssertEqual(try f.cli(["run", current, "--export", "focus", "--out", "rc", "--quiet"]).status, 0)
        let currentCost = try Self.billed(f.dir.path("rc/focus.csv"), policy: "web-hpa")
        XCTAssertFalse(currentCost.isEmpty)
        XCTAssertEqual(try Self.billed(focus, policy: "current"), currentCost)
        // The chosen point: run of the file patched by hand with its values.
        let (_, points) = try readCSV(f.dir.path("s/sweep.csv"))
        let row = try XCTUnwrap(points.first { $0[0] == chosen })
        _ = try f.dir.write("chosen.yaml", SweepCommandTests.patchedByHand(row[1], row[2], row[3]))
        let patched = try f.dir.write("chosen-scenario.yaml", RunFixture.scenario(name: "tiny", policies: ["- file: chosen.yaml"]))
        XCTAssertEqual(try f.cli(["run", patched, "--export", "focus", "--out", "rp", "--quiet"]).status, 0)
        XCTAssertEqual(try Self.billed(focus, policy: "point \(chosen)"), try Self.billed(f.dir.path("rp/focus.csv"), policy: "web-hpa"))
        // merge --export focus writes the same file from shards.
        for i in [0, 1] {
            XCTAssertEqual(try f.cli(["sweep", f.scenarioPath, "--shard", "\(i)/2", "--out", "parts", "--quiet"]).status, 0)
        }
        let merged = try f.cli(["merge", "parts", "--export", "focus", "--out", "m", "--quiet"])
        XCTAssertEqual(merged.status, 0, merged.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: f.dir.path("m/focus.csv"))),
                       try Data(contentsOf: URL(fileURLWithPath: focus)))
    }
}
