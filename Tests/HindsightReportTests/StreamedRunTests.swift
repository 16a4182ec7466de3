import HindsightTestSupport
import Foundation
import HindsightScenario
import HindsightSim
import HindsightTrace
@testable import HindsightReport
import XCTest

/// `ReportWriter.run` (rows streamed to disk as the runs advance) against the in-memory
/// path (`PreparedScenario.run` then `ReportWriter.writeAll`).
final class StreamedRunTests: XCTestCase {
    private func prepared() throws -> PreparedScenario {
        try PreparedScenario.load(path: PackageFolders.path("scenarios/demo.yaml"))
    }

    private func files(_ folder: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            out[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        return out
    }

    func testStreamedFilesEqualTheInMemoryWriterByteForByte() throws {
        let scenario = try prepared()
        let dir = try TempDir()
        let memory = try scenario.run(nil, jobs: 2)
        XCTAssertGreaterThan(memory.runs[0].series.count, 2 * TimeChart.columns(rightAxis: false),
                             "long enough for the charts to draw min/max buckets")
        let written = try ReportWriter.writeAll(memory, to: dir.path + "/memory")
        let (streamed, paths) = try ReportWriter.run(scenario, policies: nil, jobs: 2, to: dir.path + "/stream")
        XCTAssertTrue(streamed.runs.allSatisfy { $0.series.count == 0 }, "no rows kept in memory")
        XCTAssertEqual(paths.map { ($0 as NSString).lastPathComponent }, written.map { ($0 as NSString).lastPathComponent })
        let a = try files(dir.path + "/memory"), b = try files(dir.path + "/stream")
        XCTAssertEqual(Set(a.keys), Set(b.keys))
        for (name, bytes) in a { XCTAssertTrue(b[name] == bytes, "\(name) differs") }
    }

    /// `--export focus` on a streamed run reduces the same rows as the in-memory export,
    /// with `--timeseries none` too (the charges come from the stream, not the file).
    func testStreamedFocusEqualsTheInMemoryExport() throws {
        let scenario = try prepared()
        let dir = try TempDir()
        let memory = try scenario.run(nil, jobs: 1)
        let expected = FocusExport.render(memory)
        for mode in [TimeseriesMode.full, .none] {
            let folder = dir.path + "/\(mode)"
            let (_, paths) = try ReportWriter.run(scenario, policies: nil, jobs: 2, timeseries: mode, focus: true, to: folder)
            XCTAssertTrue(paths.contains(folder + "/focus.csv"))
            let bytes = try Data(contentsOf: URL(fileURLWithPath: folder + "/focus.csv"))
            XCTAssertTrue(bytes == Data(expected), "focus.csv differs with --timeseries \(mode)")
            XCTAssertGreaterThan(bytes.count, 1000)
        }
    }

    func testNoneWritesNoTimeseriesAndTheSameOtherFiles() throws {
        let scenario = try prepared()
        let dir = try TempDir()
        _ = try ReportWriter.run(scenario, policies: nil, jobs: 1, timeseries: .full, to: dir.path + "/full")
        let (_, paths) = try ReportWriter.run(scenario, policies: nil, jobs: 1, timeseries: .none, to: dir.path + "/none")
        let full = try files(dir.path + "/full"), none = try files(dir.path + "/none")
        XCTAssertFalse(none.keys.contains { $0.hasPrefix("timeseries-") })
        XCTAssertEqual(paths.count, none.count)
        XCTAssertEqual(Set(full.keys.filter { !$0.hasPrefix("timeseries-") }), Set(none.keys))
        for (name, bytes) in none { XCTAssertTrue(full[name] == bytes, "\(name) differs") }
    }

    /// The hourly file against a reduction computed here from the in-memory rows by the
    /// rules of `--timeseries hourly` (README, `HourlyRollup`).
    func testHourlyRowsFollowTheDocumentedRules() throws {
        let scenario = try prepared()
        let dir = try TempDir()
        let memory = try scenario.run(nil, jobs: 1)
        _ = try ReportWriter.run(scenario, policies: nil, jobs: 1, timeseries: .hourly, to: dir.path)
        let names = ReportWriter.fileNames(memory.runs)
        for (run, name) in zip(memory.runs, names) {
            let text = try String(contentsOfFile: dir.path + "/timeseries-\(name).csv", encoding: .utf8)
            let table = CSVTestParser.parse(text).filter { $0 != [""] }
            XCTAssertEqual(table[0], TimeseriesCSV.columns)
            let groups = Dictionary(grouping: run.series.rows) { $0.timestamp / 3_600_000 }
            XCTAssertEqual(table.count - 1, groups.count, name)
            var previous = Int64.min
            for line in table.dropFirst() {
                var cell: [String: String] = [:]
                for (k, column) in table[0].enumerated() { cell[column] = line[k] }
                let hour = try XCTUnwrap(Int64(try XCTUnwrap(cell["timestamp"])))
                XCTAssertEqual(hour % 3600, 0)
                XCTAssertGreaterThan(hour, previous)
                previous = hour
                let rows = try XCTUnwrap(groups[hour / 3600], "hour \(hour)")
                func number(_ column: String) -> Double { Double(cell[column] ?? "") ?? .nan }
                func mean(_ values: [Double]) -> Double {
                    let finite = values.filter(\.isFinite)
                    return finite.isEmpty ? .nan : finite.reduce(0, +) / Double(finite.count)
                }
                func same(_ a: Double, _ b: Double, _ what: String) {
                    // Same values summed in the same order: equal bits (the CSV text round-trips).
                    XCTAssertTrue(a.isNaN && b.isNaN || a == b, "\(name) \(hour) \(what): \(a) vs \(b)")
                }
                same(number("load_rps"), mean(rows.map(\.loadRPS)), "load_rps")
                same(number("load_cores"), mean(rows.map(\.loadCores)), "load_cores")
                same(number("utilization_pct"), mean(rows.map(\.utilizationPct)), "utilization_pct")
                same(number("latency_p99_ms"), rows.map(\.latencyP99Ms).filter(\.isFinite).max() ?? .nan, "latency")
                same(number("cost_usd"), rows.map(\.costUSD).reduce(0, +), "cost")
                same(number("energy_kwh"), rows.map(\.energyKWh).reduce(0, +), "energy")
                same(number("emissions_g"), rows.map(\.emissionsG).reduce(0, +), "emissions")
                same(number("carbon_intensity"), rows[0].carbonIntensity, "intensity")
                XCTAssertEqual(cell["desired_replicas"], String(rows.map(\.desiredReplicas).max() ?? -1))
                XCTAssertEqual(cell["ready_replicas"], String(rows.map(\.readyReplicas).max() ?? -1))
                XCTAssertEqual(cell["total_replicas"], String(rows.map(\.totalReplicas).max() ?? -1))
                let slo = rows.contains { $0.slo == .violated } ? "1" : (rows.contains { $0.slo == .met } ? "0" : "")
                XCTAssertEqual(cell["slo_violated"], slo)
            }
        }
    }

    /// Rows of a made-up series streamed one by one give the file `TimeseriesCSV.render`
    /// gives for the whole series (NaN cells, repeats, negative and huge values).
    func testRowWriterEqualsTheColumnRenderer() throws {
        let series = SmallResult.series(steps: 300)
        var rows = series.rows
        rows[3].loadRPS = .nan; rows[4].latencyP99Ms = .infinity; rows[5].costUSD = -0.0; rows[6].slo = .notJudged
        rows[7].emissionsG = 1e300; rows[8].timestamp = -1500
        let dir = try TempDir()
        let stream = try TimeseriesStream(path: dir.path + "/t.csv", mode: .full, start: 0, end: 1)
        for (i, row) in rows.enumerated() { stream.record(row, index: i) }
        _ = try stream.finish()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dir.path + "/t.csv"))
        XCTAssertEqual([UInt8](bytes), TimeseriesCSV.render(RunSeries(rows: rows)))
    }

    func testAnUnwritableFolderIsAFileWriteError() {
        XCTAssertThrowsError(try TimeseriesStream(path: "/proc/hindsight-no/t.csv", mode: .full, start: 0, end: 1)) {
            XCTAssertTrue($0 is FileWriteError, "\($0)")
        }
    }
}
