import HindsightTrace
import XCTest
@testable import HindsightSim
import HindsightScenario

/// The numeric cases of Kubernetes' `pkg/controller/podautoscaler/horizontal_test.go` (the
/// reconcile tests from `TestScaleUp` to `TestScaleDownIgnoresDeletionPods`), as data for
/// one sync of hindsight's ``HPAController``: min/max, spec and status replicas, the metric,
/// the pods and their samples in, the desired replica count out (normalization included).
/// Pods map onto hindsight's phases as in ``KubernetesReplicaCalcParityTests``; Failed and
/// deleting pods are left out of the pod list, which is what "ignored" means upstream.
/// Cases hindsight cannot express are listed in README.md ("Parity with Kubernetes").
final class KubernetesHorizontalParityTests: XCTestCase {
    typealias Pod = KubernetesReplicaCalcParityTests.Pod

    struct Case {
        let name: String
        var min: Int32 = 2
        var max: Int32 = 6
        let spec: Int32
        var status: Int32? = nil
        let expected: Int32
        let metrics: [HPAMetricSpec]
        var pods: [Pod] = []
        /// Per-pod samples, milli-units (cpu: millicores of a 1-core request; Pods: qps).
        var values: [Int64?] = []
        /// Object/External value, milli-units.
        var external: Int64? = nil
        var behavior: HPABehavior? = nil
        /// Upstream `recommendations: []`: no initial recommendation, so nothing stabilizes
        /// a scale-down; otherwise the first sync records (spec, now) first.
        var noHistory = false
        /// Per-pod cpu request, millicores (nil: the pods request no cpu).
        var request: Int64? = 1000
        /// Upstream `recommendations` seeded before the sync: (replicas, age at the sync).
        var history: [(replicas: Int32, age: SimDuration)] = []
    }

    static let cpu30: [HPAMetricSpec] = [.resource(.cpu, .utilization(30))]
    static let cpu50: [HPAMetricSpec] = [.resource(.cpu, .utilization(50))]
    static let qps15: [HPAMetricSpec] = [.pods(series: "qps", .averageValue(milli: 15000))]
    static func r(_ n: Int) -> [Pod] { Array(repeating: .ready, count: n) }
    /// A metric that fails at every sync (upstream: an unknown metric source type).
    static let broken: HPAMetricSpec = .external(series: "absent", .value(milli: 1000))

    static let cases: [Case] = [
        Case(name: "ScaleUp", spec: 3, expected: 5, metrics: cpu30, pods: r(3), values: [300, 500, 700]),
        Case(name: "ScaleUpContainer", spec: 3, expected: 5, metrics: [.containerResource(.cpu, container: "container1", .utilization(30))],
             pods: r(3), values: [300, 500, 700]),
        Case(name: "ScaleUpUnreadyLessScale", spec: 3, expected: 4, metrics: cpu30, pods: [.notReady, .ready, .ready], values: [300, 500, 700]),
        Case(name: "ScaleUpHotCpuLessScale", spec: 3, expected: 4, metrics: cpu30, pods: [.readyHot, .ready, .ready], values: [300, 500, 700]),
        Case(name: "ScaleUpUnreadyNoScale", spec: 3, expected: 3, metrics: cpu30, pods: [.ready, .notReady, .notReady], values: [400, 500, 700]),
        Case(name: "ScaleUpHotCpuNoScale", spec: 3, expected: 3, metrics: cpu30, pods: [.ready, .notReadyHot, .notReadyHot], values: [400, 500, 700]),
        Case(name: "ScaleUpIgnoresFailedPods", spec: 2, expected: 4, metrics: cpu30, pods: r(2), values: [500, 700]),
        Case(name: "ScaleUpIgnoresDeletionPods", spec: 2, expected: 4, metrics: cpu30, pods: r(2), values: [500, 700]),
        Case(name: "ScaleUpDeployment", spec: 3, expected: 5, metrics: cpu30, pods: r(3), values: [300, 500, 700]),
        Case(name: "ScaleUpReplicaSet", spec: 3, expected: 5, metrics: cpu30, pods: r(3), values: [300, 500, 700]),
        Case(name: "ScaleUpCM", spec: 3, expected: 4, metrics: qps15, pods: r(3), values: [20000, 10000, 30000]),
        Case(name: "ScaleUpCMUnreadyAndHotCpuNoLessScale", spec: 3, expected: 6, metrics: qps15, pods: [.ready, .ready, .notReadyHot],
             values: [50000, 10000, 30000]),
        Case(name: "ScaleUpCMUnreadyandCpuHot", spec: 3, expected: 6, metrics: qps15, pods: [.notReadyHot, .ready, .notReadyHot],
             values: [50000, 15000, 30000]),
        Case(name: "ScaleUpHotCpuNoScaleWouldScaleDown", spec: 3, expected: 6, metrics: qps15, pods: [.readyHot, .ready, .readyHot],
             values: [50000, 15000, 30000]),
        Case(name: "ScaleUpCMObject", spec: 3, expected: 4, metrics: [.object(series: "qps", .value(milli: 15000))], pods: r(3), external: 20000),
        Case(name: "ScaleUpFromZeroCMObject", min: 0, spec: 0, expected: 2, metrics: [.object(series: "qps", .value(milli: 15000))],
             external: 20000),
        Case(name: "ScaleUpFromZeroIgnoresToleranceCMObject", min: 0, spec: 0, expected: 1,
             metrics: [.object(series: "qps", .value(milli: 1000))], external: 1000),
        Case(name: "ScaleUpPerPodCMObject", spec: 3, expected: 4, metrics: [.object(series: "qps", .averageValue(milli: 10000))],
             pods: r(3), external: 40000),
        Case(name: "ScaleUpCMExternal", spec: 3, expected: 4, metrics: [.external(series: "qps", .value(milli: 6666))], pods: r(3), external: 8600),
        Case(name: "ScaleUpPerPodCMExternal", spec: 3, expected: 4, metrics: [.external(series: "qps", .averageValue(milli: 2222))],
             pods: r(3), external: 8600),
        Case(name: "ScaleDown", spec: 5, expected: 3, metrics: cpu50, pods: r(5), values: [100, 300, 500, 250, 250], noHistory: true),
        Case(name: "ScaleDownContainerResource", spec: 5, expected: 3,
             metrics: [.containerResource(.cpu, container: "container2", .utilization(50))], pods: r(5),
             values: [100, 300, 500, 250, 250], noHistory: true),
        Case(name: "ScaleDownWithScalingRules", spec: 5, expected: 3, metrics: cpu50, pods: r(5), values: [100, 300, 500, 250, 250],
             behavior: HPABehavior(scaleUp: HPAScalingRules(stabilizationWindowSeconds: 30,
                                                            policies: [.init(kind: .percent, value: 100, periodSeconds: 15)])),
             noHistory: true),
        Case(name: "ScaleUpOneMetricInvalid", spec: 3, expected: 4, metrics: cpu30 + [broken], pods: r(3), values: [300, 400, 500]),
        Case(name: "ScaleUpBothMetricsEmpty", spec: 3, expected: 3, metrics: [broken], pods: r(3)),
        Case(name: "ScaleDownStabilizeInitialSize", spec: 5, expected: 5, metrics: cpu50, pods: r(5), values: [100, 300, 500, 250, 250]),
        Case(name: "ScaleDownCM", spec: 5, expected: 3, metrics: [.pods(series: "qps", .averageValue(milli: 20000))], pods: r(5),
             values: [12000, 12000, 12000, 12000, 12000], noHistory: true),
        Case(name: "ScaleDownCMObject", spec: 5, expected: 3, metrics: [.object(series: "qps", .value(milli: 20000))], pods: r(5),
             external: 12000, noHistory: true),
        Case(name: "ScaleDownToZeroCMObject", min: 0, spec: 5, expected: 0, metrics: [.object(series: "qps", .value(milli: 20000))],
             pods: r(5), external: 0, noHistory: true),
        Case(name: "ScaleDownPerPodCMObject", spec: 5, expected: 3, metrics: [.object(series: "qps", .averageValue(milli: 20000))],
             pods: r(5), external: 60000, noHistory: true),
        Case(name: "ScaleDownCMExternal", spec: 5, expected: 3, metrics: [.external(series: "qps", .value(milli: 14400))], pods: r(5),
             external: 8600, noHistory: true),
        Case(name: "ScaleDownToZeroCMExternal", min: 0, spec: 5, expected: 0, metrics: [.external(series: "qps", .value(milli: 14400))],
             pods: r(5), external: 0, noHistory: true),
        Case(name: "ScaleDownPerPodCMExternal", spec: 5, expected: 3, metrics: [.external(series: "qps", .averageValue(milli: 3000))],
             pods: r(5), external: 8600, noHistory: true),
        Case(name: "ScaleDownIncludeUnreadyPods", spec: 5, expected: 2, metrics: cpu50, pods: [.ready, .ready, .ready, .notReady, .notReady],
             values: [100, 300, 500, 250, 250], noHistory: true),
        Case(name: "ScaleDownIgnoreHotCpuPods", spec: 5, expected: 2, metrics: cpu50, pods: [.ready, .ready, .ready, .readyHot, .readyHot],
             values: [100, 300, 500, 250, 250], noHistory: true),
        Case(name: "ScaleDownIgnoresFailedPods", spec: 5, expected: 3, metrics: cpu50, pods: r(5), values: [100, 300, 500, 250, 250],
             noHistory: true),
        Case(name: "ScaleDownIgnoresDeletionPods", spec: 5, expected: 3, metrics: cpu50, pods: r(5), values: [100, 300, 500, 250, 250],
             noHistory: true),
    ]

    /// One sync of a fresh controller on `c` (upstream's test constants: CPU-initialization
    /// period 2 min, initial-readiness delay 10 s, downscale stabilization 5 min).
    static func reconcile(_ c: Case) -> HPASyncOutcome {
        let now = KubernetesReplicaCalcParityTests.now
        var kube = HPAT.kube()
        kube.cpuInitializationPeriod = .minutes(2)
        kube.initialReadinessDelay = .seconds(10)
        kube.hpaScaleToZero = true
        var readings = HPAReadings(sampleTime: now - .hours(2), sampleWindow: .minutes(1))
        readings.cpuRequestMilli = c.request
        readings.cpu = .perPod(c.values)
        readings.setValues(.perPod(c.values), for: "qps")
        if let e = c.external { readings.totals["qps"] = Double(e) / 1000 }
        let spec = HPASpec(name: "test-hpa", target: "deployment/test", minReplicas: c.min, maxReplicas: c.max,
                           metrics: c.metrics, behavior: c.behavior)
        var controller = HPAController(spec: spec, kubernetes: kube, initialReplicas: c.spec,
                                       start: c.noHistory || !c.history.isEmpty ? now - .hours(1) : now)
        let seeds = c.history.sorted { $0.age > $1.age }.map { HPATimedRecommendation(replicas: $0.replicas, time: now - $0.age) }
        if let first = seeds.first {
            var log = HPARecommendationLog(first)
            for r in seeds.dropFirst() { log.record(r, now: r.time) { _ in false } }
            controller.recommendations = log
        }
        return controller.sync(now: now, specReplicas: c.spec, statusReplicas: c.status ?? c.spec,
                               pods: c.pods.map(KubernetesReplicaCalcParityTests.hpaPod), readings: readings)
    }

    /// Reconciles each case, asserting its count; returns how many matched.
    static func assertReconciles(_ cases: [Case], file: StaticString = #filePath, line: UInt = #line) -> Int {
        var passed = 0
        for c in cases {
            let out = reconcile(c)
            XCTAssertEqual(out.desired, c.expected, "\(c.name): \(out.reason) \(out.error ?? "")", file: file, line: line)
            if out.desired == c.expected { passed += 1 }
        }
        return passed
    }

    func testEveryUpstreamCaseReconcilesToTheSameCount() {
        XCTAssertEqual(Self.cases.count, 37)
        XCTAssertEqual(Self.assertReconciles(Self.cases), Self.cases.count)
    }
}
