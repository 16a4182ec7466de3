import HindsightTrace
import XCTest
@testable import HindsightSim
import HindsightScenario

/// KEDA's own unit-test cases as data (inputs and expected replica counts are facts; the
/// tests are written here): `pkg/scaling/executor/scale_scaledobjects_test.go` (the
/// polling loop's `RequestScale`), the cooldown rules of `scaleToZeroOrIdle`, and
/// `pkg/fallback/fallback_test.go` (`GetMetricsWithFallback`). Cases hindsight cannot
/// express are listed in README.md ("KEDA parity").
final class KEDAParityTests: XCTestCase {
    /// One polling tick of a ScaledObject with one prometheus trigger `q` (threshold 10,
    /// activation 0): `active` true → q = 1, false → q = 0, nil → no value with
    /// `ignoreNullValues: false` (a scaler error).
    struct PollCase {
        var name: String
        var min: Int32
        var idle: Int32? = nil
        var replicas: Int32
        var active: Bool?
        /// Seconds before `now` of the last active tick; nil = never active.
        var lastActiveAgo: Int64? = nil
        var cooldown: Int64 = 300
        var initialCooldown: Int64 = 0
        /// Seconds since creation at `now`.
        var age: Int64 = 600
        /// Expected replicas after the tick (nil = left alone).
        var expected: Int32?
    }

    static let pollCases: [PollCase] = [
        // scale_scaledobjects_test.go
        PollCase(name: "TestScaleToMinReplicasWhenNotActive", min: 0, replicas: 10, active: false, expected: 0),
        PollCase(name: "TestScaleToMinReplicasFromLowerInitialReplicaCount", min: 5, replicas: 1, active: false, expected: 5),
        PollCase(name: "TestScaleFromMinReplicasWhenActive", min: 0, replicas: 0, active: true, expected: 1),
        PollCase(name: "TestScaleToIdleReplicasWhenNotActive", min: 5, idle: 0, replicas: 10, active: false, expected: 0),
        PollCase(name: "TestScaleFromIdleToMinReplicasWhenActive", min: 5, idle: 0, replicas: 0, active: true, expected: 5),
        PollCase(name: "TestEventWitTriggerInfo (replica count)", min: 5, idle: 0, replicas: 2, active: true, expected: 5),
        // scaleToZeroOrIdle: cooldown from lastActiveTime, strictly "Before(now)"; never
        // active → creation + initialCooldownPeriod.
        PollCase(name: "cooldown not over", min: 0, replicas: 3, active: false, lastActiveAgo: 120, expected: nil),
        PollCase(name: "cooldown exactly over is not before now", min: 0, replicas: 3, active: false, lastActiveAgo: 300, expected: nil),
        PollCase(name: "cooldown over", min: 0, replicas: 3, active: false, lastActiveAgo: 330, expected: 0),
        PollCase(name: "idle: cooldown not over", min: 2, idle: 0, replicas: 3, active: false, lastActiveAgo: 60, expected: nil),
        PollCase(name: "idle: cooldown over", min: 2, idle: 0, replicas: 3, active: false, lastActiveAgo: 360, expected: 0),
        PollCase(name: "never active, inside initialCooldownPeriod", min: 0, replicas: 3, active: false,
                 initialCooldown: 900, expected: nil),
        PollCase(name: "never active, after initialCooldownPeriod", min: 0, replicas: 3, active: false,
                 initialCooldown: 540, expected: 0),
        PollCase(name: "active with replicas: HPA's job", min: 0, replicas: 4, active: true, expected: nil),
        PollCase(name: "inactive, min 1: HPA's job", min: 1, replicas: 4, active: false, expected: nil),
        // RequestScale with isError and no fallback: nothing.
        PollCase(name: "scaler error, inactive, no fallback", min: 0, replicas: 3, active: nil, expected: nil),
        PollCase(name: "scaler error at 0, no fallback", min: 0, replicas: 0, active: nil, expected: nil),
    ]

    func testPollingLoopCases() {
        var passed = 0
        for c in Self.pollCases {
            var t = KEDATrigger(name: "q", kind: .prometheus(series: "q", threshold: 10, activationThreshold: 0))
            t.ignoreNullValues = false
            var s = ScaledObjectSpec(name: "so", target: nil, triggers: [t])
            s.minReplicaCount = c.min; s.idleReplicaCount = c.idle
            s.cooldownPeriod = .seconds(c.cooldown); s.initialCooldownPeriod = .seconds(c.initialCooldown)
            let now = SimInstant.epoch + .seconds(c.age)
            var k = KEDAController(spec: s, kubernetes: HPAT.kube(), initialReplicas: c.replicas, start: .epoch)
            if let ago = c.lastActiveAgo {
                // An active tick at a replica count KEDA leaves alone sets lastActiveTime only.
                XCTAssertNil(k.poll(now: now - .seconds(ago), specReplicas: max(c.replicas, 1), totals: ["q": 1]), c.name)
            }
            let totals: [String: Double] = c.active.map { ["q": $0 ? 1 : 0] } ?? [:]
            let got = k.poll(now: now, specReplicas: c.replicas, totals: totals)?.replicas
            XCTAssertEqual(got, c.expected, c.name)
            if got == c.expected { passed += 1 }
        }
        XCTAssertEqual(passed, 17)
    }

    /// One HPA request for trigger `q` (AverageValue target `target` unless `valueTarget`)
    /// at 1 replica, with `failures` consecutive failures already recorded.
    struct FallbackCase {
        var name: String
        var fallback: (threshold: Int32, replicas: Int32)?
        var failures: Int32
        var value: Double?
        var target: Double
        var valueTarget = false
        var expectedFailures: Int32
        /// The value KEDA hands to the HPA, milli; nil = the error propagates.
        var expectedMilli: Int64?
    }

    static let fallbackCases: [FallbackCase] = [
        FallbackCase(name: "should return the expected metric when fallback is disabled", fallback: nil, failures: 0,
                     value: 5, target: 3, expectedFailures: 0, expectedMilli: 5_000),
        FallbackCase(name: "should reset the health status when scaler metrics are available", fallback: (3, 10), failures: 5,
                     value: 6, target: 3, expectedFailures: 0, expectedMilli: 6_000),
        FallbackCase(name: "should propagate the error when fallback is disabled", fallback: nil, failures: 0,
                     value: nil, target: 3, expectedFailures: 1, expectedMilli: nil),
        FallbackCase(name: "should bump the number of failures when metrics call fails", fallback: (3, 10), failures: 0,
                     value: nil, target: 10, expectedFailures: 1, expectedMilli: nil),
        FallbackCase(name: "should return a normalised metric when number of failures are beyond threshold", fallback: (3, 10),
                     failures: 3, value: nil, target: 10, expectedFailures: 4, expectedMilli: 100_000),
        FallbackCase(name: "should behave as if fallback is disabled when the target type is not average value", fallback: (3, 10),
                     failures: 3, value: nil, target: 3, valueTarget: true, expectedFailures: 4, expectedMilli: nil),
        FallbackCase(name: "should return error when fallback is enabled but scaledobject has invalid parameter", fallback: (-3, 10),
                     failures: 3, value: nil, target: 10, expectedFailures: 4, expectedMilli: nil),
    ]

    func testFallbackCases() {
        var passed = 0
        for c in Self.fallbackCases {
            var t = KEDATrigger(name: "q", metricType: c.valueTarget ? .value : .averageValue,
                                kind: .prometheus(series: "q", threshold: c.target, activationThreshold: 0))
            t.ignoreNullValues = false
            var s = ScaledObjectSpec(name: "so", target: nil, triggers: [t])
            s.minReplicaCount = 1; s.maxReplicaCount = 100
            s.fallback = c.fallback.map { .init(failureThreshold: $0.threshold, replicas: $0.replicas) }
            var k = KEDAController(spec: s, kubernetes: HPAT.kube(), initialReplicas: 1, start: .epoch)
            k.failures = [c.failures]
            let out = k.sync(now: .epoch, specReplicas: 1, statusReplicas: 1, pods: HPAT.readyPods(1),
                             readings: HPAT.totals(c.value.map { ["q": $0] } ?? [:]))
            // The value handed over shows in the HPA's raw proposal at 1 replica:
            // ceil(value / target) for AverageValue.
            let targetMilli = HPAQuantity.kedaMilli(c.target)
            let expectedRaw = c.expectedMilli.map { Int32(($0 + targetMilli - 1) / targetMilli) }
            var ok = k.failures == [c.expectedFailures]
            XCTAssertEqual(k.failures, [c.expectedFailures], c.name)
            if c.valueTarget || c.expectedMilli == nil {
                XCTAssertNil(out.rawProposal, c.name); ok = ok && out.rawProposal == nil
            } else {
                XCTAssertEqual(out.rawProposal, expectedRaw, c.name); ok = ok && out.rawProposal == expectedRaw
            }
            if c.fallback != nil, c.expectedMilli != nil, c.value == nil {
                let v = k.fallbackValue(0, trigger: t, threshold: c.target)
                XCTAssertEqual(v, c.expectedMilli, c.name); ok = ok && v == c.expectedMilli
            }
            if ok { passed += 1 }
        }
        XCTAssertEqual(passed, 7)
    }
}
