import HindsightTrace
import XCTest
@testable import HindsightSim
import HindsightScenario

/// The reconcile cases of Kubernetes' `horizontal_test.go` from `TestTolerance` on
/// (tolerance, min/max clamps, scale-up caps, stabilization, one metric failing), as data
/// for one sync of ``HPAController`` through ``KubernetesHorizontalParityTests/reconcile(_:)``.
///
/// Translation notes (beyond those of ``KubernetesHorizontalParityTests``):
/// - Upstream pods with different cpu requests (0.9, 1.0, 1.1; or 300 m ± a few) are given
///   their mean request: every such pod reports a sample, and utilization is
///   Σ usage / Σ request, so only the sum of the requests enters the result.
/// - Upstream creates one pod per listed request, whatever `statusReplicas` says; the pod
///   list here follows the requests too, and `status` carries `statusReplicas`.
/// - Samples without a pod (`TestSuperfluousMetrics`) are dropped: hindsight's samples are
///   aligned with its pods.
/// - A failing metrics API (an External metric that errors) and the unknown metric type
///   are both an External series that has no value (the same invalid-metric path).
/// - Upstream's tests raise the legacy scale-up factor to 8; the cases below never reach
///   hindsight's max(2 × spec, 4) cap before `maxReplicas`, so the factor does not show.
final class KubernetesLimitsParityTests: XCTestCase {
    typealias Case = KubernetesHorizontalParityTests.Case
    typealias Pod = KubernetesReplicaCalcParityTests.Pod

    static func r(_ n: Int) -> [Pod] { Array(repeating: .ready, count: n) }
    static func cpu(_ pct: Int32) -> [HPAMetricSpec] { [.resource(.cpu, .utilization(pct))] }
    static let broken: HPAMetricSpec = KubernetesHorizontalParityTests.broken
    /// `generateScalingRules(0, 0, percent, period, window)` for scale-up, default scale-down.
    static func upPercent(_ percent: Int32, _ period: Int32) -> HPABehavior {
        HPABehavior(scaleUp: HPAScalingRules(stabilizationWindowSeconds: 0,
                                             policies: [.init(kind: .percent, value: percent, periodSeconds: period)]))
    }

    static let cases: [Case] = [
        // 3060 m over 3000 m at 100 % → ratio 1.02, inside the band.
        Case(name: "Tolerance", min: 1, max: 5, spec: 3, expected: 3, metrics: cpu(100), pods: r(3), values: [1010, 1030, 1020]),
        Case(name: "ToleranceCM", min: 1, max: 5, spec: 3, expected: 3,
             metrics: [.pods(series: "qps", .averageValue(milli: 20000))], pods: r(3), values: [20000, 20001, 21000]),
        Case(name: "ToleranceCMObject", min: 1, max: 5, spec: 3, expected: 3,
             metrics: [.object(series: "qps", .value(milli: 20000))], pods: r(3), external: 20050),
        Case(name: "ToleranceCMExternal", spec: 4, expected: 4, metrics: [.external(series: "qps", .value(milli: 8666))],
             pods: r(4), external: 8600),
        Case(name: "TolerancePerPodCMObject", spec: 4, expected: 4, metrics: [.object(series: "qps", .averageValue(milli: 2200))],
             pods: r(4), external: 8600),
        Case(name: "TolerancePerPodCMExternal", spec: 4, expected: 4, metrics: [.external(series: "qps", .averageValue(milli: 2200))],
             pods: r(4), external: 8600),
        // 115 m / 3000 m / 0.9 → ceil(0.13) = 1 → minReplicas 2.
        Case(name: "MinReplicas", max: 5, spec: 3, expected: 2, metrics: cpu(90), pods: r(3), values: [10, 95, 10], noHistory: true),
        Case(name: "ZeroMinReplicasDesiredZero", min: 0, max: 5, spec: 3, expected: 0, metrics: cpu(90), pods: r(3), values: [0, 0, 0],
             noHistory: true),
        Case(name: "MinReplicasDesiredZero", max: 5, spec: 3, expected: 2, metrics: cpu(90), pods: r(3), values: [0, 0, 0], noHistory: true),
        // spec 0 with minReplicas 3: scaling disabled.
        Case(name: "ZeroReplicas", min: 3, max: 5, spec: 0, expected: 0, metrics: cpu(90)),
        Case(name: "TooFewReplicas", min: 3, max: 5, spec: 2, expected: 3, metrics: cpu(90)),
        Case(name: "TooManyReplicas", min: 3, max: 5, spec: 10, expected: 5, metrics: cpu(90)),
        // 18500 m / 3000 m / 0.9 → 21 → maxReplicas 5.
        Case(name: "MaxReplicas", max: 5, spec: 3, expected: 5, metrics: cpu(90), pods: r(3), values: [8000, 9500, 1000]),
        // Four pods (the two extra samples have no pod): 23500 m / 4000 m → 24 → max 6.
        Case(name: "SuperfluousMetrics", spec: 4, expected: 6, metrics: cpu(100), pods: r(4), values: [4000, 9500, 3000, 7000]),
        // Two of four pods report; the two missing count as 100 % on a scale-down → ceil(2.49) = 3.
        Case(name: "MissingMetrics", spec: 4, expected: 3, metrics: cpu(100), pods: r(4), values: [400, 95, nil, nil], noHistory: true),
        Case(name: "EmptyMetrics", spec: 4, expected: 4, metrics: cpu(100), pods: r(4), values: [nil, nil, nil, nil]),
        Case(name: "EmptyCPURequest", min: 1, max: 5, spec: 1, expected: 1, metrics: cpu(100), pods: r(1), values: [200], request: nil),
        // 200 m of a 200 m request at 50 % → 2.
        Case(name: "EventCreated", min: 1, max: 5, spec: 1, expected: 2, metrics: cpu(50), pods: r(1), values: [200], request: 200),
        Case(name: "EventNotCreated", min: 1, max: 5, spec: 2, expected: 2, metrics: cpu(50), pods: r(2), values: [200, 200], request: 400),
        // One pod listed (status says 4): 200 m / 200 m / 0.5 → 2.
        Case(name: "MissingReports", min: 1, max: 5, spec: 4, status: 4, expected: 2, metrics: cpu(50), pods: r(1), values: [200],
             noHistory: true, request: 200),
        // 600 m / 300 m / 0.1 → 60; Percent 700 / 60 s from 3 → ceil(24) = 24.
        Case(name: "UpscaleCap", min: 1, max: 100, spec: 3, expected: 24, metrics: cpu(10), pods: r(3), values: [100, 200, 300],
             behavior: upPercent(700, 60), request: 100),
        Case(name: "UpscaleCapGreaterThanMaxReplicas", min: 1, max: 20, spec: 3, expected: 20, metrics: cpu(10), pods: r(3),
             values: [100, 200, 300], behavior: upPercent(700, 60), request: 100),
        // Five pods during a surge, spec 4: ratio 1.0 keeps spec.
        Case(name: "MoreReplicasThanSpecNoScale", min: 1, max: 8, spec: 4, status: 5, expected: 4, metrics: cpu(50), pods: r(5),
             values: [500, 500, 500, 500, 500]),
        // Ten pods of 300 m requests (mean of 300 ± 100/10/2/1/0), 150 m each. Targets 56 % and 55 %:
        // 0.5/0.56 = 0.893 → ceil(8.93) = 9; 0.5/0.55 = 0.909 → inside the band.
        Case(name: "ComputedToleranceAlgImplementation/1", min: 0, max: 1000, spec: 10, expected: 9, metrics: cpu(56), pods: r(10),
             values: Array(repeating: 150, count: 10), noHistory: true, request: 300),
        Case(name: "ComputedToleranceAlgImplementation/2", min: 0, max: 1000, spec: 10, expected: 10, metrics: cpu(55), pods: r(10),
             values: Array(repeating: 150, count: 10), noHistory: true, request: 300),
        Case(name: "ScaleUpRCImmediately", max: 6, spec: 1, expected: 2, metrics: cpu(80), pods: r(4), values: [0, 0, 0, 0]),
        Case(name: "ScaleDownRCImmediately", max: 5, spec: 6, expected: 5, metrics: cpu(50), pods: r(3), values: [8000, 9500, 1000]),
        // Target 80 % (what upstream's HPA object carries); the two hot pods are unready for cpu:
        // 400/1000/0.8 → 1 → minReplicas 2 = spec: no update.
        Case(name: "AvoidUnnecessaryUpdates", spec: 2, expected: 2, metrics: cpu(80), pods: [.ready, .readyHot, .readyHot],
             values: [400, 500, 700], noHistory: true),
        Case(name: "NoBackoffUpscaleCM", min: 1, max: 5, spec: 3, expected: 4, metrics: [.pods(series: "qps", .averageValue(milli: 15000))],
             pods: r(3), values: [20000, 10000, 30000]),
        // cpu 60000 m / 3000 m / 0.1 → 600, qps → 4: the larger, capped at maxReplicas 5.
        Case(name: "NoBackoffUpscaleCMNoBackoffCpu", min: 1, max: 5, spec: 3, expected: 5,
             metrics: cpu(10) + [.pods(series: "qps", .averageValue(milli: 15000))], pods: r(3), values: [20000, 10000, 30000]),
        // 150 m / 300 m → 2; the recommendation 4 of a minute ago holds, 10 of 10 min ago is out.
        Case(name: "StabilizeDownscale", min: 1, max: 5, spec: 4, expected: 4, metrics: cpu(100), pods: r(3), values: [50, 50, 50],
             request: 100, history: [(10, .minutes(10)), (4, .minutes(1))]),
        // cpu → 4; the External metric fails: the valid proposal still scales up.
        Case(name: "ScaleUpOneMetricEmpty", spec: 3, expected: 4, metrics: cpu(30) + [.external(series: "absent", .value(milli: 100))],
             pods: r(3), values: [300, 400, 500]),
        // cpu alone would scale down to 3; an invalid metric forbids a scale-down.
        Case(name: "NoScaleDownOneMetricInvalid", spec: 5, expected: 5, metrics: cpu(50) + [broken], pods: r(5),
             values: [100, 300, 500, 250, 250], noHistory: true),
        Case(name: "NoScaleDownOneMetricEmpty", spec: 5, expected: 5, metrics: cpu(50) + [.external(series: "absent", .value(milli: 1000))],
             pods: r(5), values: [100, 300, 500, 250, 250], noHistory: true),
    ]

    func testEveryUpstreamCaseReconcilesToTheSameCount() {
        XCTAssertEqual(Self.cases.count, 34)
        XCTAssertEqual(KubernetesHorizontalParityTests.assertReconciles(Self.cases), Self.cases.count)
    }

    /// The two cases whose point is the tolerance band: one step outside flips them.
    func testTheToleranceCasesSitInsideTheBandOnlyJustEnough() {
        var c = Self.cases[0]
        c.values = [1110, 1130, 1120]   // 3360/3000 = 1.12 → ceil(3.36) = 4
        XCTAssertEqual(KubernetesHorizontalParityTests.reconcile(c).desired, 4)
    }
}
