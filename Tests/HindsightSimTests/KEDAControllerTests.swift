import HindsightTrace
import XCTest
@testable import HindsightSim
import HindsightScenario

/// HPA.md §10: the ScaledObject's polling loop and the HPA it creates.
final class KEDAControllerTests: XCTestCase {
    private func so(min: Int32 = 0, max: Int32 = 10, idle: Int32? = nil, activation: Double = 0,
                    triggers: [KEDATrigger]? = nil, ignoreNull: Bool = true) -> ScaledObjectSpec {
        var rps = KEDATrigger(name: "rps", kind: .prometheus(series: "rps", threshold: 100, activationThreshold: activation))
        rps.ignoreNullValues = ignoreNull
        var s = ScaledObjectSpec(name: "so", target: "deployment/test", triggers: triggers ?? [rps])
        s.minReplicaCount = min; s.maxReplicaCount = max; s.idleReplicaCount = idle
        return s
    }

    func testDefaultsAndTheHPAKEDACreates() {
        let s = so()
        XCTAssertEqual(s.pollingInterval, .seconds(30))
        XCTAssertEqual(s.cooldownPeriod, .minutes(5))
        XCTAssertEqual(s.initialCooldownPeriod, .zero)
        let h = KEDAController.hpaSpec(for: s)
        XCTAssertEqual(h.minReplicas, 1)                 // max(minReplicaCount 0, 1)
        XCTAssertEqual(h.maxReplicas, 10)
        XCTAssertNil(h.behavior)                         // legacy path
        XCTAssertEqual(h.metrics, [.external(series: "s0-rps", .averageValue(milli: 100_000))])
        XCTAssertEqual(KEDAController.hpaSpec(for: so(min: 3)).minReplicas, 3)
        var v = so(); v.triggers[0].metricType = .value
        XCTAssertEqual(KEDAController.hpaSpec(for: v).metrics, [.external(series: "s0-rps", .value(milli: 100_000))])
        let cron = so(triggers: [KEDATrigger(name: nil, kind: .cron(timezone: "UTC", start: "0 8 * * *", end: "0 20 * * *", desiredReplicas: 5))])
        XCTAssertEqual(KEDAController.hpaSpec(for: cron).metrics, [.external(series: "s0-cron", .averageValue(milli: 1000))])
    }

    func testActivationIsStrictlyAboveThreshold() {
        var k = KEDAController(spec: so(activation: 5), kubernetes: HPAT.kube(), initialReplicas: 0, start: .epoch)
        XCTAssertNil(k.poll(now: .epoch, specReplicas: 0, totals: ["rps": 5]))       // 5 > 5 is false
        XCTAssertNil(k.lastActiveTime)
        XCTAssertEqual(k.poll(now: .epoch + .seconds(30), specReplicas: 0, totals: ["rps": 5.001])?.replicas, 1)
        XCTAssertEqual(k.lastActiveTime, .epoch + .seconds(30))
    }

    func testScaleFromZeroGoesToMinReplicaCount() {
        var k = KEDAController(spec: so(min: 2), kubernetes: HPAT.kube(), initialReplicas: 0, start: .epoch)
        XCTAssertEqual(k.poll(now: .epoch, specReplicas: 0, totals: ["rps": 1])?.replicas, 2)
    }

    func testOnlyCPUTriggersAreAlwaysActive() {
        let t = [KEDATrigger(name: nil, metricType: .utilization, kind: .resource(.cpu, .utilization(50)))]
        var k = KEDAController(spec: so(triggers: t), kubernetes: HPAT.kube(), initialReplicas: 0, start: .epoch)
        XCTAssertEqual(k.poll(now: .epoch, specReplicas: 0, totals: [:])?.replicas, 1)
        for i in 1...40 { XCTAssertNil(k.poll(now: .epoch + .seconds(30) * i, specReplicas: 3, totals: [:])) }
        XCTAssertEqual(k.lastActiveTime, .epoch + .seconds(1_200))
    }

    func testCooldownToZeroIsStrictlyAfterLastActivePlusCooldown() {
        // Active at the t = 30 s tick; cooldown 300 s → zero only when 30 + 300 < now.
        var k = KEDAController(spec: so(), kubernetes: HPAT.kube(), initialReplicas: 2, start: .epoch)
        XCTAssertNil(k.poll(now: .epoch + .seconds(30), specReplicas: 2, totals: ["rps": 50]))
        XCTAssertEqual(k.lastActiveTime, .epoch + .seconds(30))
        XCTAssertNil(k.poll(now: .epoch + .seconds(60), specReplicas: 2, totals: ["rps": 0]))
        XCTAssertNil(k.poll(now: .epoch + .seconds(330), specReplicas: 2, totals: ["rps": 0]))   // 330 < 330 false
        XCTAssertEqual(k.poll(now: .epoch + .milliseconds(330_001), specReplicas: 2, totals: ["rps": 0])?.replicas, 0)
    }

    func testInitialCooldownCountsFromCreationWhenNeverActive() {
        var s = so(); s.initialCooldownPeriod = .minutes(2)
        var k = KEDAController(spec: s, kubernetes: HPAT.kube(), initialReplicas: 2, start: .epoch + .seconds(1_000))
        XCTAssertNil(k.poll(now: .epoch + .seconds(1_000), specReplicas: 2, totals: ["rps": 0]))
        XCTAssertNil(k.poll(now: .epoch + .seconds(1_120), specReplicas: 2, totals: ["rps": 0]))   // 1 120 000 < 1 120 000 false
        XCTAssertEqual(k.poll(now: .epoch + .seconds(1_150), specReplicas: 2, totals: ["rps": 0])?.replicas, 0)
        // With the default 0 s: not at creation itself, but on the next tick.
        var d = KEDAController(spec: so(), kubernetes: HPAT.kube(), initialReplicas: 2, start: .epoch)
        XCTAssertNil(d.poll(now: .epoch, specReplicas: 2, totals: ["rps": 0]))
        XCTAssertEqual(d.poll(now: .epoch + .seconds(30), specReplicas: 2, totals: ["rps": 0])?.replicas, 0)
    }

    func testIdleReplicaCount() {
        // idle 0, min 2: inactive at 3 → idle 0 after the cooldown; active at 0 → min 2.
        var k = KEDAController(spec: so(min: 2, idle: 0), kubernetes: HPAT.kube(), initialReplicas: 3, start: .epoch)
        XCTAssertNil(k.poll(now: .epoch, specReplicas: 3, totals: ["rps": 9]))
        XCTAssertNil(k.poll(now: .epoch + .seconds(300), specReplicas: 3, totals: ["rps": 0]))
        XCTAssertEqual(k.poll(now: .epoch + .seconds(330), specReplicas: 3, totals: ["rps": 0])?.replicas, 0)
        XCTAssertEqual(k.poll(now: .epoch + .seconds(360), specReplicas: 0, totals: ["rps": 9])?.replicas, 2)
    }

    func testInactiveBelowMinWithoutIdleGoesToMin() {
        var k = KEDAController(spec: so(min: 2), kubernetes: HPAT.kube(), initialReplicas: 1, start: .epoch)
        XCTAssertEqual(k.poll(now: .epoch, specReplicas: 1, totals: ["rps": 0])?.replicas, 2)
    }

    func testCooldownHasNoEffectWithoutScaleToZero() {
        // min 1: inactive for an hour never changes replicas (1 ↔ N is the HPA's job).
        var k = KEDAController(spec: so(min: 1), kubernetes: HPAT.kube(), initialReplicas: 4, start: .epoch)
        for i in 0...120 { XCTAssertNil(k.poll(now: .epoch + .seconds(30) * i, specReplicas: 4, totals: ["rps": 0])) }
    }

    func testScalerErrorChangesNothing() {
        // Series absent with ignoreNullValues false: an error; inactive → nothing;
        // lastActiveTime untouched.
        var k = KEDAController(spec: so(ignoreNull: false), kubernetes: HPAT.kube(), initialReplicas: 3, start: .epoch)
        XCTAssertNil(k.poll(now: .epoch, specReplicas: 3, totals: ["rps": 10]))
        for i in 1...30 { XCTAssertNil(k.poll(now: .epoch + .seconds(30) * i, specReplicas: 3, totals: [:])) }
        XCTAssertEqual(k.lastActiveTime, .epoch)
    }

    func testHPADisabledAtZero() {
        var k = KEDAController(spec: so(), kubernetes: HPAT.kube(), initialReplicas: 0, start: .epoch)
        let out = k.sync(now: .epoch, specReplicas: 0, statusReplicas: 0, pods: [], readings: HPAT.totals(["rps": 900]))
        XCTAssertEqual(out.desired, 0)
        XCTAssertNil(out.rawProposal)
    }

    func testKEDAValueFormatting() {
        // %.3f of the binary value: 0.1235 is 0.12349999… → 0.123; 0.0625 is exact → tie
        // to even → 0.062; 0.0635 is 0.063500000000000000888 → 0.064; 1.0005 is
        // 1.000499999… → 1.000; negatives, NaN, ∞ → 0.
        XCTAssertEqual(HPAQuantity.kedaMilli(0.1235), 123)
        XCTAssertEqual(HPAQuantity.kedaMilli(0.0625), 62)
        XCTAssertEqual(HPAQuantity.kedaMilli(0.0635), 64)
        XCTAssertEqual(HPAQuantity.kedaMilli(1.0005), 1000)
        XCTAssertEqual(HPAQuantity.kedaMilli(250), 250_000)
        XCTAssertEqual(HPAQuantity.kedaMilli(-3), 0)
        XCTAssertEqual(HPAQuantity.kedaMilli(.nan), 0)
        XCTAssertEqual(HPAQuantity.kedaMilli(.infinity), 0)
    }

    func testFallbackAfterThresholdFailures() {
        // failureThreshold 2, fallback 6 replicas, threshold 100, ignoreNullValues false.
        // Series absent: syncs 1 and 2 → every metric invalid → error, spec kept; sync 3
        // (3 > 2) → value 100 × 6 = 600 → 600/(100 × status 2) = 3 → ceil(600/100) = 6 = raw;
        // legacy limit max(2·2, 4) = 4 → 4.
        var s = so(min: 1, ignoreNull: false); s.fallback = .init(failureThreshold: 2, replicas: 6)
        var k = KEDAController(spec: s, kubernetes: HPAT.kube(), initialReplicas: 2, start: .epoch)
        for i in 0..<2 {
            let out = k.sync(now: .epoch + .seconds(15) * i, specReplicas: 2, statusReplicas: 2, pods: HPAT.readyPods(2), readings: HPAT.totals([:]))
            XCTAssertNil(out.rawProposal); XCTAssertEqual(out.desired, 2)
        }
        let out = k.sync(now: .epoch + .seconds(30), specReplicas: 2, statusReplicas: 2, pods: HPAT.readyPods(2), readings: HPAT.totals([:]))
        XCTAssertEqual(out.rawProposal, 6)
        XCTAssertEqual(out.desired, 4)
    }

    func testCooldownToZeroAndReactivation() {
        // HPA.md §12 exactness (d). min 0, max 10, polls every 30 s, syncs every 15 s (poll
        // first), status = spec. rps 250 for t < 60 s, 0 until 600 s, then 500.
        // t=0   poll: 250 > 0 active, spec 0 → 1. sync: 250/(100·1) = 2.5 → ceil(2.5) = 3;
        //       legacy: max(3, seed 0) = 3 ≤ max(2·1, 4) → 3.
        // t=15…45 250/300 = 0.833 outside → raw 3 → 3. Poll at 30: active → lastActive 30.
        // t=60  poll inactive; 30 + 300 < 60 false. sync: raw 0, stabilized 3 (3 @ 0…45).
        // t=330 poll: 330 < 330 false. sync: 3 @ 45 is 285 s old → 3.
        // t=345 sync: 3 @ 45 is 300 s old → out; max 0 < min 1 → 1.
        // t=360 poll: 330 < 360 → 0. sync: spec 0, min 1 → disabled → 0.
        // t=600 poll: 500 > 0 → 1. sync: 500/100 = 5 → raw 5; the raws of 0 recorded up to
        //       t = 345 are younger than 300 s but smaller → 5; limit max(2, 4) = 4 → 4.
        // t=615 500/(100·4) = 1.25 → 5 ≤ 8 → 5.  t=630 500/500 = 1 → inside → 5.
        var k = KEDAController(spec: so(), kubernetes: HPAT.kube(), initialReplicas: 0, start: .epoch)
        var spec: Int32 = 0
        var seq: [Int32] = []
        for i in 0...42 {
            let t = SimInstant.epoch + .seconds(15) * i
            let rps: Double = t < .epoch + .seconds(60) ? 250 : (t < .epoch + .seconds(600) ? 0 : 500)
            if (t - .epoch) % k.pollingInterval == .zero, let c = k.poll(now: t, specReplicas: spec, totals: ["rps": rps]) { spec = c.replicas }
            spec = k.sync(now: t, specReplicas: spec, statusReplicas: spec, pods: HPAT.readyPods(Int(spec)),
                          readings: HPAT.totals(["rps": rps])).desired
            seq.append(spec)
        }
        let expected: [Int32] = Array(repeating: 3, count: 23)     // t = 0 … 330
            + [1]                                                  // t = 345
            + Array(repeating: 0, count: 16)                       // t = 360 … 585
            + [4, 5, 5]                                            // t = 600, 615, 630
        XCTAssertEqual(seq, expected)
    }

    func testActiveWithAnErroringTriggerDoesNotRefreshLastActive() {
        // rps active, "q" absent (ignoreNullValues false) → active with an error: from zero
        // it still activates, but at 3 replicas lastActiveTime is not refreshed
        // (RequestScale's isError case).
        var q = KEDATrigger(name: nil, kind: .prometheus(series: "q", threshold: 100, activationThreshold: 0))
        q.ignoreNullValues = false
        let t = [KEDATrigger(name: nil, kind: .prometheus(series: "rps", threshold: 100, activationThreshold: 0)), q]
        var k = KEDAController(spec: so(triggers: t), kubernetes: HPAT.kube(), initialReplicas: 0, start: .epoch)
        XCTAssertEqual(k.poll(now: .epoch, specReplicas: 0, totals: ["rps": 5])?.replicas, 1)
        XCTAssertEqual(k.lastActiveTime, .epoch)
        XCTAssertNil(k.poll(now: .epoch + .seconds(30), specReplicas: 3, totals: ["rps": 5]))
        XCTAssertEqual(k.lastActiveTime, .epoch)
        XCTAssertNil(k.poll(now: .epoch + .seconds(60), specReplicas: 3, totals: ["rps": 5, "q": 1]))
        XCTAssertEqual(k.lastActiveTime, .epoch + .seconds(60))
    }

    func testCPUTriggerDoesNotForceActivityWhenMixed() {
        // cpu + prometheus: activity comes from prometheus only → inactive at rps 0 → zero
        // after the (initial, 0 s) cooldown on the next tick.
        let t = [KEDATrigger(name: nil, metricType: .utilization, kind: .resource(.cpu, .utilization(50))),
                 KEDATrigger(name: nil, kind: .prometheus(series: "rps", threshold: 100, activationThreshold: 0))]
        var k = KEDAController(spec: so(triggers: t), kubernetes: HPAT.kube(), initialReplicas: 2, start: .epoch)
        XCTAssertNil(k.poll(now: .epoch, specReplicas: 2, totals: ["rps": 0]))
        XCTAssertEqual(k.poll(now: .epoch + .seconds(30), specReplicas: 2, totals: ["rps": 0])?.replicas, 0)
        XCTAssertEqual(KEDAController.hpaSpec(for: so(triggers: t)).metrics,
                       [.resource(.cpu, .utilization(50)), .external(series: "s1-rps", .averageValue(milli: 100_000))])
    }
}
