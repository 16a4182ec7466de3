import HindsightTestSupport
import HindsightStats
import HindsightTrace
@testable import HindsightReport
import HindsightSim
import XCTest

final class SeriesCSVTests: XCTestCase {
    func testTimeseriesHeaderRowsAndEmptyCells() {
        let series = SmallResult.series(steps: 24)
        let text = String(decoding: TimeseriesCSV.render(series), as: UTF8.self)
        let rows = CSVTestParser.parse(text)
        XCTAssertEqual(rows.count, 25)
        XCTAssertEqual(rows[0], ["timestamp", "load_rps", "load_cores", "desired_replicas", "ready_replicas",
                                 "total_replicas", "utilization_pct", "latency_p99_ms", "slo_violated", "cost_usd",
                                 "energy_kwh", "emissions_g", "carbon_intensity"])
        XCTAssertFalse(text.lowercased().contains("nan"))
        for (i, row) in rows.dropFirst().enumerated() {
            XCTAssertEqual(row.count, 13)
            XCTAssertEqual(row[0], String(1_767_225_600 + i * 3600))
            XCTAssertEqual(Double(row[1]), 100 + Double(i))
            XCTAssertEqual(row[2], "", "NaN load_cores is empty")
            XCTAssertEqual(row[3], String(2 + i % 3))
            XCTAssertEqual(row[7], i == 5 ? "" : String(100 + i * 10))
            XCTAssertEqual(row[8], i == 5 ? "" : (i > 15 ? "1" : "0"), "255 → empty")
            XCTAssertEqual(row[9], "0.25")
            XCTAssertEqual(Double(row[11]), 0.5 * 379)
            XCTAssertEqual(row[12], "379")
        }
    }

    func testTimeseriesRoundTripsEveryValue() {
        var rng = SeededGenerator(seed: 3)
        var s = RunSeries()
        for i in 0..<500 {
            let loadRPS = rng.nextUnit() * 1e3
            let loadCores = i % 7 == 0 ? .infinity : rng.nextUnit()
            let utilization = rng.nextUnit() * 100
            let latency = rng.nextUnit() < 0.1 ? .nan : rng.nextUnit() * 1e-3
            s.rows.append(StepRow(timestamp: 1_000_000 + Int64(i) * 1500,  // half seconds
                                  loadRPS: loadRPS, loadCores: loadCores, desiredReplicas: Int32(i), readyReplicas: -1,
                                  totalReplicas: Int32.max, utilizationPct: utilization, latencyP99Ms: latency,
                                  slo: [SLOState.met, .violated, .notJudged][i % 3],
                                  costUSD: 1e-9 * rng.nextUnit(), energyKWh: 0, emissionsG: -0.0, carbonIntensity: 379))
        }
        let rows = CSVTestParser.parse(String(decoding: TimeseriesCSV.render(s), as: UTF8.self))
        XCTAssertEqual(rows.count, 501)
        for i in 0..<500 {
            let row = rows[i + 1]
            XCTAssertEqual(Double(row[0]), Double(1_000_000 + i * 1500) / 1000)
            XCTAssertEqual(Double(row[1]), s.rows[i].loadRPS)
            XCTAssertEqual(row[2].isEmpty, !s.rows[i].loadCores.isFinite)
            if s.rows[i].loadCores.isFinite { XCTAssertEqual(Double(row[2]), s.rows[i].loadCores) }
            XCTAssertEqual(row[4], "-1"); XCTAssertEqual(row[5], "2147483647")
            XCTAssertEqual(row[7].isEmpty, s.rows[i].latencyP99Ms.isNaN)
            if !s.rows[i].latencyP99Ms.isNaN { XCTAssertEqual(Double(row[7]), s.rows[i].latencyP99Ms) }
            XCTAssertEqual(row[8], ["0", "1", ""][i % 3])
            XCTAssertEqual(Double(row[9]), s.rows[i].costUSD)
            XCTAssertEqual(row[10], "0"); XCTAssertEqual(row[11], "0")
        }
    }

    func testHeaderIsTheColumnTableInOrder() {
        let text = String(decoding: TimeseriesCSV.render(RunSeries()), as: UTF8.self)
        XCTAssertEqual(text, "timestamp,load_rps,load_cores,desired_replicas,ready_replicas,total_replicas,"
                       + "utilization_pct,latency_p99_ms,slo_violated,cost_usd,energy_kwh,emissions_g,carbon_intensity\n")
        XCTAssertEqual(Set(TimeseriesColumn.all.map(\.name)).count, TimeseriesColumn.all.count, "column names are unique")
    }

    func testDecisionsQuoteReasonsAndMarkProposals() {
        let decisions = [
            Decision(time: SimInstant(unixMilliseconds: 1_767_225_600_000), from: 2, to: 5, reason: "cpu 90 %, above \"target\"\nline 2"),
            Decision(time: SimInstant(unixMilliseconds: 1_767_225_615_500), from: 5, to: 4, reason: "goal costEfficiency", proposedOnly: true),
        ]
        let text = String(decoding: DecisionsCSV.render(decisions), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("timestamp,from,to,reason\n"))
        let rows = CSVTestParser.parse(text)
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(rows[1], ["1767225600", "2", "5", "cpu 90 %, above \"target\"\nline 2"])
        XCTAssertEqual(rows[2], ["1767225615.5", "5", "4", "proposed (dryRun): goal costEfficiency"])
        XCTAssertEqual(String(decoding: DecisionsCSV.render([]), as: UTF8.self), "timestamp,from,to,reason\n")
    }
}
