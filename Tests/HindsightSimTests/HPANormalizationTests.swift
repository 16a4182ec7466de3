import HindsightTrace
import XCTest
@testable import HindsightSim
import HindsightScenario

/// HPA.md §6 (legacy) and §7 (behavior) normalization, one rule per test. The metric is
/// External AverageValue rps / 100 per pod, so the raw proposal is ceil(rps / 100)
/// whenever rps / (100 × status) is outside [0.9, 1.1].
final class HPANormalizationTests: XCTestCase {
    private let rps = [HPAMetricSpec.external(series: "rps", .averageValue(milli: 100_000))]

    private func step(_ c: inout HPAController, _ t: SimInstant, _ spec: Int32, rps value: Double) -> HPASyncOutcome {
        c.sync(now: t, specReplicas: spec, statusReplicas: spec, pods: HPAT.readyPods(Int(spec)),
               readings: HPAT.totals(["rps": value]))
    }

    // MARK: - Legacy

    func testLegacyScaleUpLimitIsMaxOfDoubleAndFour() {
        // raw ceil(10000/100) = 100; limit int32(max(2·spec, 4)): 1 → 4, 2 → 4, 3 → 6, 10 → 20.
        for (spec, expected) in [(Int32(1), Int32(4)), (2, 4), (3, 6), (10, 20)] {
            var c = HPAController(spec: HPAT.spec(rps), kubernetes: HPAT.kube(), initialReplicas: spec, start: .epoch)
            XCTAssertEqual(step(&c, .epoch, spec, rps: 10_000).desired, expected, "spec \(spec)")
        }
    }

    func testLegacyMaxReplicasBelowLimit() {
        // spec 3, limit 6, maxReplicas 5 → 5.
        var c = HPAController(spec: HPAT.spec(rps, max: 5), kubernetes: HPAT.kube(), initialReplicas: 3, start: .epoch)
        XCTAssertEqual(step(&c, .epoch, 3, rps: 10_000).desired, 5)
    }

    func testLegacyBelowMinGoesToMin() {
        // Window 0 (nothing is younger than 0 s): raw ceil(0/100) = 0 → min 2.
        var c = HPAController(spec: HPAT.spec(rps, min: 2), kubernetes: HPAT.kube(downscale: .zero), initialReplicas: 4, start: .epoch)
        let out = step(&c, .epoch, 4, rps: 0)
        XCTAssertEqual(out.rawProposal, 0)
        XCTAssertEqual(out.desired, 2)
    }

    func testLegacyStabilizationAgeStrictlyBelowWindow() {
        // Seed (10, t=0). rps 200 at 10 pods → 0.2 → raw 2 every sync.
        // t = 0…285: the seed (age ≤ 285 < 300) keeps 10. t = 300: the seed is 300 s old →
        // out; the raws recorded since are all 2 → 2.
        var c = HPAController(spec: HPAT.spec(rps), kubernetes: HPAT.kube(), initialReplicas: 10, start: .epoch)
        for k in 0..<20 {
            XCTAssertEqual(step(&c, .epoch + .seconds(15) * k, 10, rps: 200).desired, 10, "t = \(k * 15) s")
        }
        XCTAssertEqual(step(&c, .epoch + .seconds(300), 10, rps: 200).desired, 2)
    }

    func testLegacyHistoryIsBounded() {
        // 1000 syncs every 15 s: entries 300 s old or older are dropped before each record,
        // leaving ages 15…285 s (19) + the new one = 20.
        var c = HPAController(spec: HPAT.spec(rps), kubernetes: HPAT.kube(), initialReplicas: 4, start: .epoch)
        var spec: Int32 = 4
        for k in 0..<1000 { spec = step(&c, .epoch + .seconds(15) * k, spec, rps: Double(100 * (k % 7 + 1))).desired }
        XCTAssertLessThanOrEqual(c.recommendations.count, 20)
        XCTAssertTrue(c.events.up.isEmpty && c.events.down.isEmpty)   // no behavior → no events
    }

    // MARK: - Behavior: stabilization

    func testScaleUpStabilizationWindowTakesMinimum() {
        // scaleUp window 60 s. Seed (2, 0); raw 10 (rps 1000, ratio 5 at 2 pods).
        // t = 0…45: upRec = min(10, seed 2) = 2 → clamp(2, 2, 10) = 2.
        // t = 60: the seed is 60 s old → out; upRec = min of the raws 10 → 10; rate limit
        // from 2: max(2 + 4, ceil(2 × 2)) = 6 → 6.
        var b = HPABehavior()
        b.scaleUp.stabilizationWindowSeconds = 60
        var c = HPAController(spec: HPAT.spec(rps, behavior: b), kubernetes: HPAT.kube(), initialReplicas: 2, start: .epoch)
        for k in 0..<4 { XCTAssertEqual(step(&c, .epoch + .seconds(15) * k, 2, rps: 1000).desired, 2) }
        XCTAssertEqual(step(&c, .epoch + .seconds(60), 2, rps: 1000).desired, 6)
    }

    func testScaleDownWindowNilUsesControllerFlag() {
        // Flag 60 s, default behavior (scaleDown window nil). Seed (10, 0), raw 2.
        // t = 45: downRec = max(2, 10) = 10 → 10. t = 60: seed out → 2; Percent 100 →
        // trunc(10 × 0) = 0 → allowed min max(1, 0) = 1 → 2.
        var c = HPAController(spec: HPAT.spec(rps, behavior: HPABehavior()), kubernetes: HPAT.kube(downscale: .minutes(1)),
                              initialReplicas: 10, start: .epoch)
        XCTAssertEqual(step(&c, .epoch + .seconds(45), 10, rps: 200).desired, 10)
        XCTAssertEqual(step(&c, .epoch + .seconds(60), 10, rps: 200).desired, 2)
    }

    // MARK: - Behavior: rate limits

    func testPeriodStartCountsEventsYoungerThanThePeriod() {
        // Default behavior. t = 0: 1 → 5 (max(1+4, ceil(1·2)) = 5), event +4.
        // t = 10 s (off the grid): the event is 10 s old < 15 → periodStart = 5 − 4 = 1 →
        // limit max(5, 2) = 5 = spec → no movement.
        // t = 25 s: event 25 s old → periodStart 5 → max(9, 10) = 10.
        var c = HPAController(spec: HPAT.spec(rps, behavior: HPABehavior()), kubernetes: HPAT.kube(), initialReplicas: 1, start: .epoch)
        XCTAssertEqual(step(&c, .epoch, 1, rps: 10_000).desired, 5)
        XCTAssertEqual(step(&c, .epoch + .seconds(10), 5, rps: 10_000).desired, 5)
        XCTAssertEqual(step(&c, .epoch + .seconds(25), 5, rps: 10_000).desired, 10)
    }

    func testPeriodStartUsesEventsOfBothDirections() {
        // up [Pods 2 / 60 s], down [Pods 1 / 60 s], windows 0.
        // t=0  spec 4, rps 1000 → raw 10; periodStart 4 → 6.             (+2 @0)
        // t=15 spec 6, rps 100 → raw 1; periodStart 6 − 2 + 0 = 4 → 3.   (−3 @15)
        // t=30 spec 3, rps 1000 → raw 10; periodStart 3 − 2 + 3 = 4 → 6. (+3 @30)
        // t=45 spec 6, raw 10; periodStart 6 − 5 + 3 = 4 → 6 = spec → 6.
        let b = HPABehavior(
            scaleUp: HPAScalingRules(stabilizationWindowSeconds: 0, policies: [.init(kind: .pods, value: 2, periodSeconds: 60)]),
            scaleDown: HPAScalingRules(stabilizationWindowSeconds: 0, policies: [.init(kind: .pods, value: 1, periodSeconds: 60)]))
        var c = HPAController(spec: HPAT.spec(rps, behavior: b), kubernetes: HPAT.kube(), initialReplicas: 4, start: .epoch)
        XCTAssertEqual(step(&c, .epoch, 4, rps: 1000).desired, 6)
        XCTAssertEqual(step(&c, .epoch + .seconds(15), 6, rps: 100).desired, 3)
        XCTAssertEqual(step(&c, .epoch + .seconds(30), 3, rps: 1000).desired, 6)
        XCTAssertEqual(step(&c, .epoch + .seconds(45), 6, rps: 1000).desired, 6)
    }

    func testPercentUpRoundsUpIncludingFloatExcess() {
        // [Percent 10 / 60 s]: 50 × (1 + 10/100) = 50 × 1.1 = 55.00000000000001 in float64
        // → ceil → 56 (as Go computes it). raw ceil(10000/100) = 100, max 200.
        let b = HPABehavior(scaleUp: HPAScalingRules(stabilizationWindowSeconds: 0,
                                                     policies: [.init(kind: .percent, value: 10, periodSeconds: 60)]))
        var c = HPAController(spec: HPAT.spec(rps, max: 200, behavior: b), kubernetes: HPAT.kube(), initialReplicas: 50, start: .epoch)
        XCTAssertEqual(step(&c, .epoch, 50, rps: 10_000).desired, 56)
    }

    func testPercentDownTruncates() {
        // [Percent 10 / 60 s] down, window 0: 72 × 0.9 = 64.8 → 64 (72 can lose 8). raw 0.
        let down10 = HPABehavior(scaleDown: HPAScalingRules(stabilizationWindowSeconds: 0,
                                                            policies: [.init(kind: .percent, value: 10, periodSeconds: 60)]))
        var c = HPAController(spec: HPAT.spec(rps, behavior: down10), kubernetes: HPAT.kube(), initialReplicas: 72, start: .epoch)
        XCTAssertEqual(step(&c, .epoch, 72, rps: 0).desired, 64)
        // [Percent 80]: 20 × (1 − 0.8) = 20 × 0.19999999999999996 = 3.999999999999999 → 3.
        let down80 = HPABehavior(scaleDown: HPAScalingRules(stabilizationWindowSeconds: 0,
                                                            policies: [.init(kind: .percent, value: 80, periodSeconds: 60)]))
        var d = HPAController(spec: HPAT.spec(rps, behavior: down80), kubernetes: HPAT.kube(), initialReplicas: 20, start: .epoch)
        XCTAssertEqual(step(&d, .epoch, 20, rps: 0).desired, 3)
    }

    func testNoPoliciesMeansNoMovement() {
        // Max with no policies: up limit = Int32.min → raised to spec → no scale-up;
        // down limit = Int32.max → lowered to spec → no scale-down.
        let b = HPABehavior(scaleUp: HPAScalingRules(stabilizationWindowSeconds: 0, policies: []),
                            scaleDown: HPAScalingRules(stabilizationWindowSeconds: 0, policies: []))
        var c = HPAController(spec: HPAT.spec(rps, behavior: b), kubernetes: HPAT.kube(), initialReplicas: 4, start: .epoch)
        XCTAssertEqual(step(&c, .epoch, 4, rps: 10_000).desired, 4)
        XCTAssertEqual(step(&c, .epoch + .seconds(15), 4, rps: 0).desired, 4)
    }

    func testDisabledDirections() {
        // scaleUp Disabled: stays 3 although raw is 100; scaleDown Disabled (window 0): stays 3.
        let b = HPABehavior(scaleUp: HPAScalingRules(stabilizationWindowSeconds: 0, selectPolicy: .disabled,
                                                     policies: HPAScalingRules.defaultScaleUp.policies),
                            scaleDown: HPAScalingRules(stabilizationWindowSeconds: 0, selectPolicy: .disabled,
                                                       policies: HPAScalingRules.defaultScaleDown.policies))
        var c = HPAController(spec: HPAT.spec(rps, behavior: b), kubernetes: HPAT.kube(), initialReplicas: 3, start: .epoch)
        XCTAssertEqual(step(&c, .epoch, 3, rps: 10_000).desired, 3)
        XCTAssertEqual(step(&c, .epoch + .seconds(15), 3, rps: 0).desired, 3)
        XCTAssertTrue(c.events.up.isEmpty && c.events.down.isEmpty)
    }

    func testScaleEventSlotReuseKeepsArraysBounded() {
        // Default behavior (up period 15 s, down 15 s), alternating load for 400 syncs:
        // an event older than 15 s is outdated and its slot reused → at most 15/15 + 1 = 2.
        var c = HPAController(spec: HPAT.spec(rps, behavior: HPABehavior(scaleDown: HPAScalingRules(
            stabilizationWindowSeconds: 0, policies: HPAScalingRules.defaultScaleDown.policies))),
                              kubernetes: HPAT.kube(), initialReplicas: 2, start: .epoch)
        var spec: Int32 = 2
        for k in 0..<400 { spec = step(&c, .epoch + .seconds(15) * k, spec, rps: k % 2 == 0 ? 2000 : 100).desired }
        XCTAssertLessThanOrEqual(c.events.up.count, 2)
        XCTAssertLessThanOrEqual(c.events.down.count, 2)
        XCTAssertLessThanOrEqual(c.recommendations.count, 2)   // both windows 0 → every entry is old
    }

    func testMinMaxCorrectionIsAScaleEventThatLimitsTheNextStep() {
        // behavior up [Pods 1 / 60 s]; min 3. spec 1 < min → 3, stored as +2 @0.
        // t=15: raw 100 → periodStart = 3 − 2 = 1 → limit 2 < spec → raised to spec 3 → 3.
        let b = HPABehavior(scaleUp: HPAScalingRules(stabilizationWindowSeconds: 0,
                                                     policies: [.init(kind: .pods, value: 1, periodSeconds: 60)]))
        var c = HPAController(spec: HPAT.spec(rps, min: 3, behavior: b), kubernetes: HPAT.kube(), initialReplicas: 1, start: .epoch)
        XCTAssertEqual(step(&c, .epoch, 1, rps: 10_000).desired, 3)
        XCTAssertEqual(c.events.up, [HPAScaleEvent(change: 2, time: .epoch, outdated: false)])
        XCTAssertEqual(step(&c, .epoch + .seconds(15), 3, rps: 10_000).desired, 3)
    }

    func testOverwrittenDownEventDisappearsFromTheLongerUpPeriod() {
        // HPA.md §7 edge case, kept on purpose. up [Pods 1 / 60 s], down [Pods 1 / 15 s], windows 0.
        // t=0  spec 5, raw 1 → periodStart 5 → 4.                     (−1 @0)
        // t=15 raw 1 → the @0 event is 15 s old → periodStart 4 → 3; storing −1 @15 marks
        //      @0 outdated (age ≥ the 15 s down period) and overwrites its slot.
        // t=30 raw 100 → periodStart = 3 − 0 + (downs younger than 60 s: only @15 = 1) = 4
        //      → 4 + 1 = 5 (had @0 survived: 3 + 2 = 5 → 6).
        let b = HPABehavior(
            scaleUp: HPAScalingRules(stabilizationWindowSeconds: 0, policies: [.init(kind: .pods, value: 1, periodSeconds: 60)]),
            scaleDown: HPAScalingRules(stabilizationWindowSeconds: 0, policies: [.init(kind: .pods, value: 1, periodSeconds: 15)]))
        var c = HPAController(spec: HPAT.spec(rps, behavior: b), kubernetes: HPAT.kube(), initialReplicas: 5, start: .epoch)
        XCTAssertEqual(step(&c, .epoch, 5, rps: 100).desired, 4)
        XCTAssertEqual(step(&c, .epoch + .seconds(15), 4, rps: 100).desired, 3)
        XCTAssertEqual(c.events.down, [HPAScaleEvent(change: 1, time: .epoch + .seconds(15), outdated: false)])
        XCTAssertEqual(step(&c, .epoch + .seconds(30), 3, rps: 10_000).desired, 5)
    }
}
