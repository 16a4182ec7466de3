import HindsightStats
import HindsightTrace
import XCTest
@testable import HindsightSim

/// The data structures the replay loop was sped up with, checked against plain
/// reference computations on long random inputs (past every compaction threshold).
final class ReplayPerfStructuresTests: XCTestCase {
    func testRecommendationMaxEqualsScanOfLiveEntries() {
        var rng = SeededGenerator(seed: 11)
        let window = SimDuration.seconds(300)
        var log = HPARecommendationLog(HPATimedRecommendation(replicas: 3, time: .epoch))
        var now = SimInstant.epoch
        for step in 0..<5000 {
            now += .seconds(15) * (1 + rng.below(3))
            let raw = Int32(1 + rng.below(step % 500 < 250 ? 4 : 40))
            // Reference: the largest replicas among entries younger than the window, or raw.
            var expected = raw
            for r in log where now - r.time < window { expected = max(expected, r.replicas) }
            XCTAssertEqual(log.dropOldThenMax(atLeast: raw, now: now, window: window), expected, "step \(step)")
            XCTAssertTrue(log.allSatisfy { now - $0.time < window }, "old entries dropped")
            log.record(HPATimedRecommendation(replicas: raw, time: now), now: now) { $0 >= window }
        }
        XCTAssertLessThanOrEqual(log.count, Int(window / .seconds(15)) + 1)
    }

    func testSignalHistoryMeanEqualsReferenceOverLongRun() {
        var rng = SeededGenerator(seed: 5)
        let reach = SimDuration.seconds(60)
        var h = SignalHistory(reach: reach)
        var all: [(start: SimInstant, value: Double)] = []
        var t = SimInstant.epoch
        for step in 0..<4000 {
            t += .seconds(5) * rng.below(4)
            let v = rng.below(10) == 0 ? Double.nan : Double(rng.below(6))
            h.set(v, at: t)
            if let last = all.last, last.start == t { all[all.count - 1].value = v } else { all.append((t, v)) }
            // Reference mean over [t − 45 s, t − 15 s) from every piece ever set, in seconds.
            let from = t - .seconds(45), to = t - .seconds(15)
            var sum = 0.0, covered = 0.0
            for (k, p) in all.enumerated() {
                let s = max(p.start, from)
                let e = k + 1 < all.count ? min(all[k + 1].start, to) : to
                if e > s && !p.value.isNaN { sum += p.value * (e - s).seconds; covered += (e - s).seconds }
            }
            let expected = covered > 0 ? sum / covered : .nan
            let got = h.mean(from: from, to: to)
            if expected.isNaN { XCTAssertTrue(got.isNaN, "step \(step)") } else { XCTAssertEqual(got, expected, accuracy: 1e-9, "step \(step)") }
        }
    }

    func testFluidQueueConservesWorkOverLongRun() {
        var rng = SeededGenerator(seed: 3)
        var q = FluidQueue(timeout: .seconds(30))
        var offered = 0.0, served = 0.0, dropped = 0.0
        var t = SimInstant.epoch
        for _ in 0..<20_000 {
            let d = SimDuration.seconds(5) * (1 + rng.below(4))
            let arrivals = Double(rng.below(100))
            let capacity = Double(rng.below(120))
            let r = q.serve(start: t, end: t + d, arrivals: arrivals, capacity: capacity)
            XCTAssertLessThanOrEqual(r.served, capacity + 1e-9)
            offered += arrivals; served += r.served; dropped += r.dropped
            t += d
            XCTAssertEqual(offered, served + dropped + q.backlog, accuracy: 1e-6 * max(1, offered))
        }
    }
}
