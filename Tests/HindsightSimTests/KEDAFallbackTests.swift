import HindsightTrace
import XCTest
@testable import HindsightSim
import HindsightScenario

/// HPA.md Corrections 1–4, hand-worked at the controller: the fallback value from the exact
/// target, fallback in the polling loop (KEDA ≥ 2.19), `fallback.replicas: 0`, pipeline
/// warm-up, and empty query results.
final class KEDAFallbackTests: XCTestCase {
    private func so(threshold: Double, min: Int32 = 1, fallback: (Int32, Int32)? = nil, ignoreNull: Bool = false,
                    cooldown: SimDuration = .minutes(5)) -> ScaledObjectSpec {
        var t = KEDATrigger(name: "q", kind: .prometheus(series: "q", threshold: threshold, activationThreshold: 0))
        t.ignoreNullValues = ignoreNull
        var s = ScaledObjectSpec(name: "so", target: nil, triggers: [t])
        s.minReplicaCount = min; s.maxReplicaCount = 20; s.cooldownPeriod = cooldown
        s.fallback = fallback.map { .init(failureThreshold: $0.0, replicas: $0.1) }
        return s
    }

    private func sync(_ k: inout KEDAController, _ t: Int64, spec: Int32, _ totals: [String: Double] = [:]) -> HPASyncOutcome {
        k.sync(now: .epoch + .seconds(t), specReplicas: spec, statusReplicas: spec, pods: HPAT.readyPods(Int(spec)),
               readings: HPAT.totals(totals))
    }

    func testFallbackValueIsTheExactTargetTimesReplicas() {
        // 2.5 × 1000 × 5 = 12 500 m, not trunc(2.5) × 1000 × 5 = 10 000 m; 0.5 × 1000 × 3 =
        // 1 500 m, not 0. At status = fallback replicas the ratio is exactly 1 → raw = status.
        for (threshold, replicas, milli) in [(2.5, Int32(5), Int64(12_500)), (0.5, 3, 1_500), (100, 10, 1_000_000)] {
            var k = KEDAController(spec: so(threshold: threshold, fallback: (0, replicas)), kubernetes: HPAT.kube(),
                                   initialReplicas: replicas, start: .epoch)
            let out = sync(&k, 0, spec: replicas)         // failure 1 > 0 → fallback
            XCTAssertEqual(k.fallbackValue(0, trigger: k.spec.triggers[0], threshold: threshold), milli)
            XCTAssertEqual(out.rawProposal, replicas, "threshold \(threshold)")
            XCTAssertEqual(out.desired, replicas, "threshold \(threshold)")
        }
    }

    func testThresholdHalfScalesToTheFallbackCountNotToOne() {
        // threshold 0.5, fallback 3, from 1 replica: 1 500 / (500 × 1) = 3 → ceil(3) = 3
        // ≤ max(2·1, 4). The truncated value 0 proposed 0 → min 1.
        var k = KEDAController(spec: so(threshold: 0.5, fallback: (0, 3)), kubernetes: HPAT.kube(), initialReplicas: 1, start: .epoch)
        XCTAssertEqual(sync(&k, 0, spec: 1).desired, 3)
    }

    func testFallbackActivatesFromZeroAndRefreshesLastActive() {
        // min 0, failureThreshold 1, fallback 2, cooldown 120 s, polls every 30 s, series
        // absent (ignoreNullValues false) until t = 150, 0 after.
        // t0: failure 1, not > 1 → an error → nothing. t30: failure 2 > 1 → in fallback →
        // active → 0 → 1, lastActive 30. t60…t120: still active → lastActive 120.
        // t150: 0 ≤ 0 inactive; cooldown until the first poll with 120 + 120 < t: t270.
        var k = KEDAController(spec: so(threshold: 10, min: 0, fallback: (1, 2), cooldown: .seconds(120)),
                               kubernetes: HPAT.kube(), initialReplicas: 0, start: .epoch)
        var spec: Int32 = 0
        var changes: [Int64: Int32] = [:]
        for t in stride(from: Int64(0), through: 300, by: 30) {
            let totals: [String: Double] = t < 150 ? [:] : ["q": 0]
            if let c = k.poll(now: .epoch + .seconds(t), specReplicas: spec, totals: totals) { spec = c.replicas; changes[t] = c.replicas }
        }
        XCTAssertEqual(changes, [30: 1, 270: 0])
        XCTAssertEqual(k.lastActiveTime, .epoch + .seconds(120))
    }

    func testFallbackReplicasZeroFallsThroughToScaleToZero() {
        // min 0, failureThreshold 0, fallback 0, cooldown 120 s; active at t0, then absent:
        // t30 failure 1 > 0 → in fallback with 0 replicas → inactive, error-free → zero at the
        // first poll with 0 + 120 < t: t150. Without a fallback the same polls are errors.
        var k = KEDAController(spec: so(threshold: 10, min: 0, fallback: (0, 0), cooldown: .seconds(120)),
                               kubernetes: HPAT.kube(), initialReplicas: 3, start: .epoch)
        var e = KEDAController(spec: so(threshold: 10, min: 0, cooldown: .seconds(120)),
                               kubernetes: HPAT.kube(), initialReplicas: 3, start: .epoch)
        XCTAssertNil(k.poll(now: .epoch, specReplicas: 3, totals: ["q": 5]))
        XCTAssertNil(e.poll(now: .epoch, specReplicas: 3, totals: ["q": 5]))
        for t in stride(from: Int64(30), through: 120, by: 30) {
            XCTAssertNil(k.poll(now: .epoch + .seconds(t), specReplicas: 3, totals: [:]), "t\(t)")
        }
        XCTAssertEqual(k.poll(now: .epoch + .seconds(150), specReplicas: 3, totals: [:])?.replicas, 0)
        for t in stride(from: Int64(30), through: 600, by: 30) {
            XCTAssertNil(e.poll(now: .epoch + .seconds(t), specReplicas: 3, totals: [:]), "t\(t)")
        }
    }

    func testWarmUpIsNeitherAValueNorAFailure() {
        // Pipeline lag + window = 45 s; failureThreshold 1, fallback 10; 2 replicas.
        // t0, t15, t30 without a value: warm-up → no metric (spec kept), no failure counted.
        // t45 without a value: a failure (1, not > 1); t60: 2 > 1 → fallback → 10 → limit 4.
        var k = KEDAController(spec: so(threshold: 100, fallback: (1, 10)), kubernetes: HPAT.kube(),
                               initialReplicas: 2, start: .epoch, metricsWarmUp: .seconds(45))
        for t in [Int64(0), 15, 30] {
            XCTAssertEqual(sync(&k, t, spec: 2).desired, 2)
            XCTAssertEqual(k.failures, [0], "t\(t)")
        }
        XCTAssertEqual(sync(&k, 45, spec: 2).desired, 2)
        XCTAssertEqual(k.failures, [1])
        XCTAssertEqual(sync(&k, 60, spec: 2).desired, 4)
        // An inactive-looking poll during warm-up decides nothing (min 0, never active).
        var z = KEDAController(spec: so(threshold: 100, min: 0, ignoreNull: true), kubernetes: HPAT.kube(),
                               initialReplicas: 2, start: .epoch, metricsWarmUp: .seconds(45))
        XCTAssertNil(z.poll(now: .epoch + .seconds(30), specReplicas: 2, totals: [:]))
        XCTAssertEqual(z.poll(now: .epoch + .seconds(60), specReplicas: 2, totals: [:])?.replicas, 0)
        // Below minReplicaCount KEDA raises to min whether the trigger is active or not.
        var m = KEDAController(spec: so(threshold: 100, min: 2), kubernetes: HPAT.kube(),
                               initialReplicas: 1, start: .epoch, metricsWarmUp: .seconds(45))
        XCTAssertEqual(m.poll(now: .epoch, specReplicas: 1, totals: [:])?.replicas, 2)
    }

    func testGapReadsZeroByDefaultAndIsAnErrorWhenNotIgnored() {
        // 4 replicas, threshold 100, min 1. Default: the gap reads 0 → 0/(100 × 4) → raw 0
        // (legacy stabilization keeps 4 at this first sync). ignoreNullValues false, no
        // fallback: the metric is invalid → no proposal, spec kept.
        var d = KEDAController(spec: so(threshold: 100, ignoreNull: true), kubernetes: HPAT.kube(), initialReplicas: 4, start: .epoch)
        let gap = sync(&d, 0, spec: 4)
        XCTAssertEqual(gap.rawProposal, 0)
        XCTAssertEqual(gap.desired, 4)
        XCTAssertEqual(d.failures, [0])
        var f = KEDAController(spec: so(threshold: 100, ignoreNull: false), kubernetes: HPAT.kube(), initialReplicas: 4, start: .epoch)
        let err = sync(&f, 0, spec: 4)
        XCTAssertNil(err.rawProposal)
        XCTAssertEqual(f.failures, [1])
    }
}
