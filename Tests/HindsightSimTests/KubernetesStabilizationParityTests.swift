import HindsightTrace
import XCTest
@testable import HindsightSim
import HindsightScenario

/// The normalization tables of Kubernetes' `horizontal_test.go`
/// (`TestConvertDesiredReplicasWithRules`, `TestNormalizeDesiredReplicas`,
/// `TestNormalizeDesiredReplicasWithBehavior`) as data for ``HPAController``'s legacy and
/// `behavior` normalization.
///
/// Upstream also checks the stored recommendation list; hindsight drops every entry older
/// than the window instead of overwriting one of them (the same decisions, a shorter
/// list: ``HPARecommendationLog``), so only the stabilized counts are compared.
final class KubernetesStabilizationParityTests: XCTestCase {
    static let now = KubernetesBehaviorParityTests.now

    static func spec(min: Int32, max: Int32, _ b: HPABehavior?) -> HPASpec {
        HPASpec(name: "test-hpa", target: "deployment/test", minReplicas: min, maxReplicas: max,
                metrics: [.resource(.cpu, .utilization(50))], behavior: b)
    }

    /// (replicas, age) seeds, oldest first.
    static func seeds(_ recs: [(Int32, SimDuration)]) -> [HPATimedRecommendation] {
        recs.sorted { $0.1 > $1.1 }.map { HPATimedRecommendation(replicas: $0.0, time: now - $0.1) }
    }

    func testConvertDesiredReplicasWithRules() {
        // (current, desired, min, max, expected). The last case's expectation is upstream's
        // `calculateScaleUpLimit(3)`, evaluated with the controller's factor 2 and minimum 4
        // (upstream's test raises the factor to 8): max(2 × 3, 4) = 6.
        let cases: [(Int32, Int32, Int32, Int32, Int32)] = [
            (5, 7, 3, 8, 7), (3, 1, 2, 8, 2), (1, 0, 0, 10, 0), (20, 1000, 1, 10, 10), (3, 1000, 1, 2000, 6),
        ]
        var passed = 0
        for (current, desired, min, max, expected) in cases {
            // Window 0: nothing is younger than 0 s, so stabilization passes `desired` through.
            var hpa = HPAController(spec: Self.spec(min: min, max: max, nil), kubernetes: HPAT.kube(downscale: .zero),
                                    initialReplicas: current, start: Self.now)
            let got = hpa.normalizeLegacy(now: Self.now, specReplicas: current, raw: desired).replicas
            XCTAssertEqual(got, expected, "current \(current) desired \(desired)")
            if got == expected { passed += 1 }
        }
        XCTAssertEqual(passed, 5)
    }

    func testNormalizeDesiredReplicas() {
        // Window 5 min; (history, raw, stabilized).
        let cases: [([(Int32, SimDuration)], Int32, Int32)] = [
            ([], 5, 5),
            ([(4, .minutes(2)), (5, .minutes(1))], 3, 5),
            ([(1, .minutes(2)), (2, .minutes(1))], 3, 3),
            ([(10, .minutes(10)), (9, .minutes(9))], 3, 3),
            ([(10, .minutes(10)), (4, .minutes(1)), (5, .minutes(2)), (9, .minutes(9))], 3, 5),
        ]
        var passed = 0
        for (history, raw, expected) in cases {
            var hpa = HPAController(spec: Self.spec(min: 1, max: 1000, nil), kubernetes: HPAT.kube(),
                                    initialReplicas: 5, start: Self.now)
            var log: HPARecommendationLog = []
            for r in Self.seeds(history) { log.record(r, now: r.time) { _ in false } }
            hpa.recommendations = log
            // spec 5: the legacy cap max(10, 4) and minReplicas 1 leave every expected count alone.
            let got = hpa.normalizeLegacy(now: Self.now, specReplicas: 5, raw: raw).replicas
            XCTAssertEqual(got, expected, "history \(history) raw \(raw)")
            if got == expected { passed += 1 }
        }
        XCTAssertEqual(passed, 5)
    }

    struct Behavior {
        let name: String
        let history: [(Int32, SimDuration)]
        let current: Int32
        let desired: Int32
        let expected: Int32
        var upWindow: Int32 = 0
        var downWindow: Int32 = 0
    }

    static let behaviorCases: [Behavior] = [
        Behavior(name: "empty history, scaling down", history: [], current: 100, desired: 5, expected: 5),
        Behavior(name: "scale-down stabilization", history: [(4, .minutes(2)), (5, .minutes(1))], current: 100, desired: 3,
                 expected: 5, downWindow: 180),
        Behavior(name: "scale-up stabilization", history: [(4, .minutes(2)), (5, .minutes(1))], current: 1, desired: 7,
                 expected: 4, upWindow: 300),
        Behavior(name: "no scale-down stabilization", history: [(1, .minutes(2)), (2, .minutes(1))], current: 100, desired: 3,
                 expected: 3, upWindow: 300),
        Behavior(name: "no scale-up stabilization", history: [(4, .minutes(2)), (5, .minutes(1))], current: 1, desired: 3,
                 expected: 3, downWindow: 300),
        Behavior(name: "no scale-down stabilization, old history", history: [(10, .minutes(10)), (9, .minutes(9))], current: 100,
                 desired: 3, expected: 3),
        Behavior(name: "no scale-up stabilization, old history", history: [(10, .minutes(10)), (9, .minutes(9))], current: 1,
                 desired: 100, expected: 100),
        Behavior(name: "scale-down stabilization, mixed ages",
                 history: [(10, .minutes(10)), (4, .minutes(1)), (5, .minutes(2)), (9, .minutes(9))], current: 100, desired: 3,
                 expected: 5, downWindow: 180),
        Behavior(name: "scale-up stabilization, mixed ages",
                 history: [(10, .minutes(100)), (6, .minutes(1)), (5, .minutes(2)), (9, .minutes(3))], current: 1, desired: 100,
                 expected: 5, upWindow: 300),
        Behavior(name: "both windows: no scale-up when the proposal goes down", history: [(2, .minutes(100)), (3, .minutes(3))],
                 current: 2, desired: 1, expected: 2, upWindow: 300, downWindow: 300),
        Behavior(name: "both windows: no scale-down when the proposal goes up", history: [(2, .minutes(100)), (1, .minutes(3))],
                 current: 2, desired: 3, expected: 2, upWindow: 300, downWindow: 300),
    ]

    func testNormalizeDesiredReplicasWithBehavior() {
        var passed = 0
        for c in Self.behaviorCases {
            // Rate limits far from every case (up: +1000 pods; down: 100 % to minReplicas 1),
            // so the result is the stabilized count.
            let b = HPABehavior(
                scaleUp: HPAScalingRules(stabilizationWindowSeconds: c.upWindow,
                                         policies: [.init(kind: .pods, value: 1000, periodSeconds: 15)]),
                scaleDown: HPAScalingRules(stabilizationWindowSeconds: c.downWindow,
                                           policies: [.init(kind: .percent, value: 100, periodSeconds: 15)]))
            var hpa = HPAController(spec: Self.spec(min: 1, max: 1000, b), kubernetes: HPAT.kube(),
                                    initialReplicas: c.current, start: Self.now)
            var log: HPARecommendationLog = []
            var up = HPAWindowExtremum(window: .seconds(Int64(c.upWindow)), largest: false)
            var down = HPAWindowExtremum(window: .seconds(Int64(c.downWindow)), largest: true)
            for r in Self.seeds(c.history) {
                log.record(r, now: r.time) { _ in false }
                up.push(r)
                down.push(r)
            }
            hpa.recommendations = log
            hpa.upWindow = up
            hpa.downWindow = down
            let got = hpa.normalizeWithBehaviors(now: Self.now, specReplicas: c.current, raw: c.desired).replicas
            XCTAssertEqual(got, c.expected, c.name)
            if got == c.expected { passed += 1 }
        }
        XCTAssertEqual(Self.behaviorCases.count, 11)
        XCTAssertEqual(passed, Self.behaviorCases.count)
    }
}
