import HindsightTrace
import Foundation
import XCTest
@testable import HindsightSim
import HindsightScenario

/// The fast sync (`explain: false`) must decide exactly as the explaining one and, on
/// every sync that changes the replica count, give the very same reason text; the
/// allocation-free pod tally must count exactly as `groupPods`.
final class HPALazyReasonTests: XCTestCase {
    /// A small deterministic generator for the randomized cases.
    struct LCG { var s: UInt64; mutating func next(_ n: Int) -> Int {
        s = s &* 6364136223846793005 &+ 1442695040888963407; return Int((s >> 33) % UInt64(n)) } }

    func testTallyMatchesGroupPods() {
        var g = LCG(s: 7)
        for _ in 0..<2000 {
            let n = g.next(8)
            var pods: [HPAPod] = [], values: [Int64?] = []
            for _ in 0..<n {
                let created = SimInstant.epoch + .seconds(Int64(g.next(600))) - .seconds(400)
                let readyAt: SimInstant? = g.next(4) == 0 ? nil : created + .seconds(Int64(g.next(120)))
                pods.append(HPAPod(created: created, readyAt: readyAt))
                values.append(g.next(5) == 0 ? nil : Int64(g.next(2000)))
            }
            if g.next(3) == 0 && !values.isEmpty { values.removeLast() }   // shorter array: trailing pods missing
            let isCPU = g.next(2) == 0
            let now = SimInstant.epoch, sampleTime = now - .seconds(Int64(g.next(60)))
            let groups = HPAPodGroups.group(pods: pods, values: values, isCPU: isCPU, now: now, sampleTime: sampleTime,
                                            sampleWindow: .seconds(30), cpuInitializationPeriod: .seconds(300),
                                   initialReadinessDelay: .seconds(30))
            let tally = HPAPodTally.tally(pods: pods, values: values, isCPU: isCPU, now: now, sampleTime: sampleTime,
                                          sampleWindow: .seconds(30), cpuInitializationPeriod: .seconds(300),
                                   initialReadinessDelay: .seconds(30))
            XCTAssertEqual(tally.readyCount, groups.samples.count)
            XCTAssertEqual(tally.unready, groups.unready.count)
            XCTAssertEqual(tally.missing, groups.missing.count)
            XCTAssertEqual(tally.total, groups.samples.reduce(0) { $0 + $1.value })
        }
    }

    /// Runs the same scripted load through two controllers, one explaining every sync and
    /// one only on changes; spec follows the decisions, pods start after 30 s.
    private func compare(_ spec: HPASpec, kubernetes: KubernetesSpec = HPAT.kube(), seed: UInt64) {
        var g = LCG(s: seed)
        var slow = HPAController(spec: spec, kubernetes: kubernetes, initialReplicas: 3, start: .epoch)
        var fast = slow
        var pods = HPAT.readyPods(3)
        var specReplicas: Int32 = 3
        var changes = 0
        for k in 0..<400 {
            let now = SimInstant.epoch + .seconds(15) * k
            let demand = HPAT.waveDemand(k, noise: g.next(300))
            let ready = pods.filter { $0.isReady(at: now) }.count
            let each: Int64? = ready > 0 && g.next(20) != 0 ? demand / Int64(ready) : nil
            let values = pods.map { $0.isReady(at: now) ? each : nil }
            let r = HPAReadings(podValuesMilli: ["cpu": values, "rps": values], requestMilli: ["cpu": 500],
                                totals: g.next(10) == 0 ? [:] : ["q": Double(demand) / 7], sampleTime: now - .seconds(15), sampleWindow: .seconds(30))
            let a = slow.sync(now: now, specReplicas: specReplicas, statusReplicas: Int32(pods.count), pods: pods, readings: r)
            let b = fast.sync(now: now, specReplicas: specReplicas, statusReplicas: Int32(pods.count), pods: pods,
                              readings: r, explain: false)
            XCTAssertEqual(a.desired, b.desired, "sync \(k)")
            XCTAssertEqual(a.rawProposal, b.rawProposal, "sync \(k)")
            XCTAssertEqual(a.error, b.error, "sync \(k)")
            if a.desired != specReplicas {
                XCTAssertEqual(a.reason, b.reason, "sync \(k)")
                changes += 1
            } else {
                XCTAssertEqual(b.reason, "", "sync \(k)")
                XCTAssertFalse(a.reason.isEmpty)
            }
            specReplicas = a.desired
            HPAT.follow(&pods, to: specReplicas, now: now)
        }
        XCTAssertGreaterThanOrEqual(changes, 8, "the script must exercise decisions")
    }

    func testLegacyPathSameDecisionsAndReasons() {
        compare(HPAT.scriptedSpec(behavior: false), seed: 1)
    }

    func testBehaviorPathSameDecisionsAndReasons() {
        compare(HPAT.scriptedSpec(behavior: true), seed: 2)
    }

    func testSeveralMetricKindsSameDecisionsAndReasons() {
        let metrics: [HPAMetricSpec] = [.resource(.cpu, .utilization(70)), .pods(series: "rps", .averageValue(milli: 400)),
                                        .external(series: "q", .averageValue(milli: 150_000)),
                                        .external(series: "q", .value(milli: 90_000))]
        compare(HPAT.spec(metrics, min: 1, max: 30), seed: 3)
    }
}
