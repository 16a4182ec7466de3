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
            s.timestamp.append(1_000_000 + Int64(i) * 1500)  // half seconds
            s.loadRPS.append(rng.nextUnit() * 1e3)
            s.loadCores.append(i % 7 == 0 ? .infinity : rng.nextUnit())
            s.desiredReplicas.append(Int32(i)); s.readyReplicas.append(-1); s.totalReplicas.append(Int32.max)
            s.utilizationPct.append(rng.nextUnit() * 100)
            s.latencyP99Ms.append(rng.nextUnit() < 0.1 ? .nan : rng.nextUnit() * 1e-3)
            s.sloViolated.append(UInt8(i % 3))
            s.costUSD.append(1e-9 * rng.nextUnit()); s.energyKWh.append(0); s.emissionsG.append(-0.0)
            s.carbonIntensity.append(379)
        }
        let rows = CSVTestParser.parse(String(decoding: TimeseriesCSV.render(s), as: UTF8.self))
        XCTAssertEqual(rows.count, 501)
        for i in 0..<500 {
            let row = rows[i + 1]
            XCTAssertEqual(Double(row[0]), Double(1_000_000 + i * 1500) / 1000)
            XCTAssertEqual(Double(row[1]), s.loadRPS[i])
            XCTAssertEqual(row[2].isEmpty, !s.loadCores[i].isFinite)
            if s.loadCores[i].isFinite { XCTAssertEqual(Double(row[2]), s.loadCores[i]) }
            XCTAssertEqual(row[4], "-1"); XCTAssertEqual(row[5], "2147483647")
            XCTAssertEqual(row[7].isEmpty, s.latencyP99Ms[i].isNaN)
            if !s.latencyP99Ms[i].isNaN { XCTAssertEqual(Double(row[7]), s.latencyP99Ms[i]) }
            XCTAssertEqual(row[8], ["0", "1", ""][i % 3])
            XCTAssertEqual(Double(row[9]), s.costUSD[i])
            XCTAssertEqual(row[10], "0"); XCTAssertEqual(row[11], "0")
        }
    }

    func testShortColumnsGiveEmptyCellsNotACrash() {
        var s = RunSeries()
        s.timestamp = [0, 1000]
        s.loadRPS = [1]
        let rows = CSVTestParser.parse(String(decoding: TimeseriesCSV.render(s), as: UTF8.self))
        XCTAssertEqual(rows[1], ["0", "1", "", "", "", "", "", "", "", "", "", "", ""])
        XCTAssertEqual(rows[2], ["1"] + Array(repeating: "", count: 12))
    }

    func testDecisionsQuoteReasonsAndMarkProposals() {
        let decisions = [
            Decision(time: 1_767_225_600_000, from: 2, to: 5, reason: "cpu 90 %, above \"target\"\nline 2"),
            Decision(time: 1_767_225_615_500, from: 5, to: 4, reason: "goal costEfficiency", proposedOnly: true),
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
