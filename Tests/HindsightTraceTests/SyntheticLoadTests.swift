import XCTest
@testable import HindsightTrace

final class SyntheticLoadTests: XCTestCase {
    func testSameSeedSameBytesDifferentSeedDifferent() {
        let a = SyntheticLoad.generate(pattern: .spiky, days: 2, step: 15_000, seed: 42)
        let b = SyntheticLoad.generate(pattern: .spiky, days: 2, step: 15_000, seed: 42)
        let c = SyntheticLoad.generate(pattern: .spiky, days: 2, step: 15_000, seed: 43)
        XCTAssertEqual(TraceCSVWriter.render(a, columns: ["rps", "cpu", "replicas"]),
                       TraceCSVWriter.render(b, columns: ["rps", "cpu", "replicas"]))
        XCTAssertNotEqual(a.columns["rps"], c.columns["rps"])
        XCTAssertEqual(a.times.count, 2 * 86_400 / 15)
        XCTAssertEqual(a.times.first, 1_767_225_600_000)
        XCTAssertEqual(a.times.last, 1_767_225_600_000 + Int64(2 * 86_400 / 15 - 1) * 15_000)
    }

    /// Mean rps per hour of day over a week.
    private func hourlyMeans(_ raw: RawTrace) -> [Double] {
        var sums = [Double](repeating: 0, count: 24), counts = [Double](repeating: 0, count: 24)
        for (t, v) in zip(raw.times, raw.columns["rps"] ?? []) {
            let hour = Int((t / 3_600_000) % 24)
            sums[hour] += v; counts[hour] += 1
        }
        return zip(sums, counts).map { $0 / $1 }
    }

    func testDiurnalPeaksInTheAfternoonWithANightlyTroughNear15Percent() throws {
        let raw = SyntheticLoad.generate(pattern: .diurnal, days: 14, step: 60_000, seed: 1)
        let means = hourlyMeans(raw)
        let peak = try XCTUnwrap(means.indices.max { means[$0] < means[$1] })
        let trough = try XCTUnwrap(means.indices.min { means[$0] < means[$1] })
        XCTAssertTrue((13...14).contains(peak), "peak hour \(peak): \(means)")      // hour 13 = 13:00–14:00, centred on 14:00
        XCTAssertTrue((1...2).contains(trough), "trough hour \(trough)")
        let ratio = means[trough] / means[peak]
        XCTAssertEqual(ratio, 0.15, accuracy: 0.05)
        XCTAssertTrue(raw.columns["rps"]?.allSatisfy { $0 >= 0 } ?? false)
    }

    func testCPUFollowsRequestsAtTheStatedCost() throws {
        let raw = SyntheticLoad.generate(pattern: .diurnal, days: 3, step: 30_000, seed: 5)
        let rps = try XCTUnwrap(raw.columns["rps"]), cpu = try XCTUnwrap(raw.columns["cpu"])
        let perRequest = zip(rps, cpu).map { ($1 - 0.05) / $0 }
        let mean = perRequest.reduce(0, +) / Double(perRequest.count)
        XCTAssertEqual(mean, SyntheticLoad.cpuPerRequest, accuracy: 0.0001)
    }

    func testRecordedReplicasFollowTheAutoscalerRule() throws {
        let step: Int64 = 15_000
        let raw = SyntheticLoad.generate(pattern: .spiky, days: 3, step: step, seed: 9)
        let rps = try XCTUnwrap(raw.columns["rps"]), replicas = try XCTUnwrap(raw.columns["replicas"])
        // Independent restatement: desired from rps 30 s (2 steps) earlier, max over the last 5 minutes (20 steps).
        let desired = rps.indices.map { i -> Double in
            let seen = rps[max(i - 2, 0)]
            return min(max((seen / 60).rounded(.up), 2), 30)
        }
        for i in replicas.indices {
            let window = desired[max(0, i - 19)...i]
            XCTAssertEqual(replicas[i], window.max(), "step \(i)")
        }
        XCTAssertTrue(replicas.allSatisfy { (2...30).contains($0) })
        XCTAssertGreaterThan(Set(replicas).count, 5)
    }

    func testSpikyAddsFlashCrowdsOfThreeToSixTimes() throws {
        let base = SyntheticLoad.generate(pattern: .diurnal, days: 7, step: 15_000, seed: 3)
        let spiky = SyntheticLoad.generate(pattern: .spiky, days: 7, step: 15_000, seed: 3)
        let b = try XCTUnwrap(base.columns["rps"]), s = try XCTUnwrap(spiky.columns["rps"])
        let ratios = zip(s, b).map { $1 > 1 ? $0 / $1 : 1 }
        let boosted = ratios.filter { $0 > 1.01 }.count
        XCTAssertGreaterThan(boosted, 0)
        XCTAssertLessThan(Double(boosted) / Double(ratios.count), 0.1)
        let top = try XCTUnwrap(ratios.max())
        XCTAssertGreaterThan(top, 2.9)
        XCTAssertLessThan(top, 6.01)
    }

    func testWeeklyWeekendsAreQuieter() throws {
        let raw = SyntheticLoad.generate(pattern: .weekly, days: 14, step: 60_000, seed: 4)
        var weekday = 0.0, weekdayN = 0.0, weekend = 0.0, weekendN = 0.0
        for (t, v) in zip(raw.times, raw.columns["rps"] ?? []) {
            // 1970-01-01 was a Thursday: day index + 3 mod 7 gives 0 = Monday.
            let dow = (t / 86_400_000 + 3) % 7
            if dow >= 5 { weekend += v; weekendN += 1 } else { weekday += v; weekdayN += 1 }
        }
        let ratio = (weekend / weekendN) / (weekday / weekdayN)
        XCTAssertEqual(ratio, 0.525 / 0.97, accuracy: 0.05)
    }
}
