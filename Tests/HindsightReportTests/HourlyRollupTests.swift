import HindsightSim
@testable import HindsightReport
import XCTest

/// `HourlyRollup` on rows worked by hand: gaps, an hour with no judged step, negative times.
final class HourlyRollupTests: XCTestCase {
    private func row(_ t: Int64, rps: Double, replicas: Int32, latency: Double, slo: SLOState, cost: Double,
                     intensity: Double) -> StepRow {
        StepRow(timestamp: t, loadRPS: rps, loadCores: rps / 100, desiredReplicas: replicas + 1, readyReplicas: replicas - 1,
                totalReplicas: replicas, utilizationPct: rps / 2, latencyP99Ms: latency, slo: slo, costUSD: cost,
                energyKWh: cost * 2, emissionsG: cost * 3, carbonIntensity: intensity)
    }

    func testTwoHoursByHand() throws {
        let h: Int64 = 3_600_000
        var rollup = HourlyRollup()
        var out: [StepRow] = []
        let rows = [
            row(10 * h, rps: 100, replicas: 3, latency: 20, slo: .met, cost: 0.5, intensity: 300),
            row(10 * h + 1_800_000, rps: .nan, replicas: 5, latency: .nan, slo: .notJudged, cost: 0.25, intensity: 400),
            row(10 * h + 2_700_000, rps: 200, replicas: 4, latency: 80, slo: .violated, cost: 0.25, intensity: 500),
            row(11 * h, rps: .nan, replicas: 2, latency: .nan, slo: .notJudged, cost: 1, intensity: 250),
        ]
        for r in rows { if let closed = rollup.add(r) { out.append(closed) } }
        XCTAssertEqual(out.count, 1, "the first hour closes when the second begins")
        if let last = rollup.flush() { out.append(last) }
        XCTAssertNil(rollup.flush())
        XCTAssertEqual(out.count, 2)
        let first = out[0]
        XCTAssertEqual(first.timestamp, 10 * h)
        XCTAssertEqual(first.loadRPS, 150)                 // (100 + 200) / 2, the gap skipped
        XCTAssertEqual(first.loadCores, 1.5)
        XCTAssertEqual(first.utilizationPct, 75)
        XCTAssertEqual(first.totalReplicas, 5)             // the largest
        XCTAssertEqual(first.desiredReplicas, 6)
        XCTAssertEqual(first.readyReplicas, 4)
        XCTAssertEqual(first.latencyP99Ms, 80)             // the worst
        XCTAssertEqual(first.slo, .violated)
        XCTAssertEqual(first.costUSD, 1)                   // 0.5 + 0.25 + 0.25
        XCTAssertEqual(first.energyKWh, 2)
        XCTAssertEqual(first.emissionsG, 3)
        XCTAssertEqual(first.carbonIntensity, 300)         // the first step's
        let second = out[1]
        XCTAssertEqual(second.timestamp, 11 * h)
        XCTAssertTrue(second.loadRPS.isNaN && second.latencyP99Ms.isNaN && second.utilizationPct.isNaN)
        XCTAssertEqual(second.slo, .notJudged)
        XCTAssertEqual(second.totalReplicas, 2)
        XCTAssertEqual(second.costUSD, 1)
    }

    func testHoursBeforeTheEpochFloorDownward() {
        XCTAssertEqual(HourlyRollup.floorHour(-1), -3_600_000)
        XCTAssertEqual(HourlyRollup.floorHour(-3_600_000), -3_600_000)
        XCTAssertEqual(HourlyRollup.floorHour(3_599_999), 0)
        XCTAssertEqual(HourlyRollup.floorHour(7_200_000), 7_200_000)
    }
}
