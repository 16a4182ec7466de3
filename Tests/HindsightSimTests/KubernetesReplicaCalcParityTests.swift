import HindsightTrace
import XCTest
@testable import HindsightSim
import HindsightScenario

/// The numeric cases of Kubernetes' `pkg/controller/podautoscaler/replica_calculator_test.go`
/// (read at commit 5f3bc7c), as data for hindsight's per-metric proposal
/// (`computeReplicasForMetric`). Inputs and expected replica counts are upstream's; the
/// translation into hindsight's pods is described on ``Pod``. Cases hindsight cannot
/// express are listed in README.md ("Parity with Kubernetes").
final class KubernetesReplicaCalcParityTests: XCTestCase {
    /// How upstream's fake pods map onto hindsight's three phases. Upstream constants:
    /// tolerance 0.1, CPU-initialization period 2 min, initial-readiness delay 10 s; a
    /// "hot" pod started now, a "cool" one 3 min ago, an unset start time is the zero time;
    /// every Ready condition's last transition and every sample's timestamp are the zero time.
    enum Pod {
        /// Running, Ready, started long ago (cool or unset start).
        case ready
        /// Running, Ready, started now: inside the initialization period, and its sample is
        /// older than its Ready transition + window → unready for cpu.
        case readyHot
        /// Running, Ready=False, started long ago.
        case notReady
        /// Running, Ready=False, started now.
        case notReadyHot
        /// Phase Pending.
        case pending
    }

    struct Case {
        let name: String
        let spec: Int32
        /// nil: upstream expects an error.
        let expected: Int32?
        let metric: HPAMetricSpec
        let pods: [Pod]
        /// Per-pod samples, milli-units (for cpu: both containers' usage, 2 × level).
        var values: [Int64?] = []
        /// Object/External value, milli-units (the sum of upstream's levels).
        var external: Int64? = nil
        /// Per-pod cpu request, millicores (2 containers × 1.0).
        var request: Int64? = 2000
    }

    static let now = SimInstant.epoch + .hours(10)

    static func hpaPod(_ p: Pod) -> HPAPod {
        let longAgo = now - .hours(1)
        switch p {
        case .ready: return HPAPod(created: longAgo, runningAt: longAgo, readyAt: longAgo)
        case .readyHot: return HPAPod(created: now, runningAt: now, readyAt: longAgo)
        case .notReady: return HPAPod(created: longAgo, runningAt: longAgo, readyAt: nil)
        case .notReadyHot: return HPAPod(created: now, runningAt: now, readyAt: nil)
        case .pending: return HPAPod(created: longAgo, runningAt: nil, readyAt: nil)
        }
    }

    /// cpu Utilization case: levels are per container (2 containers per pod).
    static func cpu(_ name: String, _ spec: Int32, _ expected: Int32?, target: Int32, _ pods: [Pod], levels: [Int64],
                    request: Int64? = 2000) -> Case {
        Case(name: name, spec: spec, expected: expected, metric: .resource(.cpu, .utilization(target)), pods: pods,
             values: levels.map { 2 * $0 }, request: request)
    }

    static func podsMetric(_ name: String, _ spec: Int32, _ expected: Int32, target: Int64, _ pods: [Pod], levels: [Int64]) -> Case {
        Case(name: name, spec: spec, expected: expected, metric: .pods(series: "qps", .averageValue(milli: target)), pods: pods, values: levels)
    }

    static func object(_ name: String, _ spec: Int32, _ expected: Int32, _ target: HPAMetricTarget, _ pods: [Pod], level: Int64) -> Case {
        Case(name: name, spec: spec, expected: expected, metric: .object(series: "qps", target), pods: pods, external: level)
    }

    static func external(_ name: String, _ spec: Int32, _ expected: Int32, _ target: HPAMetricTarget, _ pods: [Pod], level: Int64) -> Case {
        Case(name: name, spec: spec, expected: expected, metric: .external(series: "qps", target), pods: pods, external: level)
    }

    static func r(_ n: Int) -> [Pod] { Array(repeating: .ready, count: n) }

    static let cases: [Case] = [
        cpu("DisjointResourcesMetrics", 1, nil, target: 100, r(1), levels: []),
        cpu("ScaleUp", 3, 5, target: 30, r(3), levels: [300, 500, 700]),
        cpu("ScaleUpUnreadyLessScale", 3, 4, target: 30, [.notReady, .ready, .ready], levels: [300, 500, 700]),
        cpu("ScaleUpHotCpuLessScale", 3, 4, target: 30, [.readyHot, .ready, .ready], levels: [300, 500, 700]),
        cpu("ScaleUpUnreadyNoScale", 3, 3, target: 30, [.ready, .notReady, .notReady], levels: [400, 500, 700]),
        cpu("ScaleHotCpuNoScale", 3, 3, target: 30, [.ready, .notReadyHot, .notReadyHot], levels: [400, 500, 700]),
        cpu("ScaleUpIgnoresFailedPods", 2, 4, target: 30, r(2), levels: [500, 700]),
        cpu("ScaleUpIgnoresDeletionPods", 2, 4, target: 30, r(2), levels: [500, 700]),
        podsMetric("ScaleUpCM", 3, 4, target: 15000, r(3), levels: [20000, 10000, 30000]),
        podsMetric("ScaleUpCMUnreadyHotCpuNoLessScale", 3, 6, target: 15000, [.ready, .ready, .notReadyHot], levels: [50000, 10000, 30000]),
        podsMetric("ScaleUpCMUnreadyHotCpuScaleWouldScaleDown", 3, 7, target: 15000, [.notReadyHot, .ready, .notReadyHot],
                   levels: [50000, 15000, 30000]),
        object("ScaleUpCMObject", 3, 4, .value(milli: 15000), r(3), level: 20000),
        object("ScaleUpCMPerPodObject", 3, 4, .averageValue(milli: 5000), r(3), level: 20000),
        object("ScaleUpCMObjectIgnoresUnreadyPods", 3, 5, .value(milli: 10000), [.notReady, .ready, .notReady], level: 50000),
        podsMetric("ScaleUpCMExternal", 1, 2, target: 4400, r(1), levels: [8600]),
        external("ScaleUpCMExternalIgnoresUnreadyPods", 3, 2, .value(milli: 4400), [.notReady, .ready, .notReady], level: 8600),
        podsMetric("ScaleUpCMExternalNoLabels", 1, 2, target: 4400, r(1), levels: [8600]),
        external("ScaleUpPerPodCMExternal", 3, 4, .averageValue(milli: 2150), r(3), level: 8600),
        cpu("ScaleDown", 5, 3, target: 50, r(5), levels: [100, 300, 500, 250, 250]),
        podsMetric("ScaleDownCM", 5, 3, target: 20000, r(5), levels: [12000, 12000, 12000, 12000, 12000]),
        object("ScaleDownPerPodCMObject", 5, 3, .averageValue(milli: 2000), r(5), level: 6000),
        object("ScaleDownCMObject", 5, 3, .value(milli: 20000), r(5), level: 12000),
        external("ScaleDownCMExternal", 5, 3, .value(milli: 14334), r(5), level: 8600),
        external("ScaleDownPerPodCMExternal", 5, 3, .averageValue(milli: 2867), r(5), level: 8600),
        cpu("ScaleDownIncludeUnreadyPods", 5, 2, target: 50, [.ready, .ready, .ready, .notReady, .notReady],
            levels: [100, 300, 500, 250, 250]),
        cpu("ScaleDownExcludeUnscheduledPods", 5, 1, target: 50, [.ready, .pending, .pending, .pending, .pending], levels: [100]),
        cpu("ScaleDownIgnoreHotCpuPods", 5, 2, target: 50, [.ready, .ready, .ready, .readyHot, .readyHot],
            levels: [100, 300, 500, 250, 250]),
        cpu("ScaleDownIgnoresFailedPods", 5, 3, target: 50, r(5), levels: [100, 300, 500, 250, 250]),
        cpu("ScaleDownIgnoresDeletionPods", 5, 3, target: 50, r(5), levels: [100, 300, 500, 250, 250]),
        podsMetric("ToleranceCM", 3, 3, target: 20000, r(3), levels: [20000, 21000, 21000]),
        object("ToleranceCMObject", 3, 3, .value(milli: 20000), r(3), level: 20666),
        object("TolerancePerPodCMObject", 4, 4, .averageValue(milli: 5000), r(4), level: 20166),
        external("ToleranceCMExternal", 3, 3, .value(milli: 8888), r(3), level: 8600),
        external("TolerancePerPodCMExternal", 3, 3, .averageValue(milli: 2900), r(3), level: 8600),
        cpu("SuperfluousMetrics", 4, 24, target: 100, r(4), levels: [4000, 9500, 3000, 7000]),
        cpu("MissingMetrics", 4, 3, target: 100, r(4), levels: [400, 95]),
        cpu("EmptyMetrics", 4, nil, target: 100, r(4), levels: []),
        cpu("EmptyCPURequest", 1, nil, target: 100, r(1), levels: [200], request: nil),
        cpu("MissingMetricsNoChangeEq", 2, 2, target: 100, r(2), levels: [1000]),
        cpu("MissingMetricsNoChangeGt", 2, 2, target: 100, r(2), levels: [1900]),
        cpu("MissingMetricsNoChangeLt", 2, 2, target: 100, r(2), levels: [600]),
        cpu("MissingMetricsUnreadyChange", 3, 3, target: 50, [.notReady, .ready, .ready], levels: [100, 450]),
        cpu("MissingMetricsHotCpuNoChange", 3, 3, target: 50, [.readyHot, .ready, .ready], levels: [100, 450]),
        cpu("MissingMetricsUnreadyScaleUp", 3, 4, target: 50, [.notReady, .ready, .ready], levels: [100, 2000]),
        cpu("MissingMetricsHotCpuScaleUp", 3, 4, target: 50, [.notReadyHot, .ready, .ready], levels: [100, 2000]),
        cpu("MissingMetricsUnreadyScaleDown", 4, 3, target: 50, [.notReady, .ready, .ready, .ready], levels: [100, 100, 100]),
    ]

    func testEveryUpstreamCaseProposesTheSameCount() {
        var kube = HPAT.kube()
        kube.cpuInitializationPeriod = .minutes(2)
        kube.initialReadinessDelay = .seconds(10)
        var passed = 0
        for c in Self.cases {
            let pods = c.pods.map(Self.hpaPod)
            var readings = HPAReadings(sampleTime: Self.now - .hours(2), sampleWindow: .minutes(1))
            readings.cpuRequestMilli = c.request
            switch c.metric {
            case .resource: readings.cpu = .perPod(c.values)
            case .pods(let s, _): readings.setValues(.perPod(c.values), for: s)
            default: break
            }
            let controller = HPAController(spec: HPAT.spec([c.metric]), kubernetes: kube, initialReplicas: c.spec, start: Self.now)
            let result = controller.computeReplicasForMetric(c.metric, now: Self.now, specReplicas: c.spec, statusReplicas: c.spec,
                                                             pods: pods, readings: readings,
                                                             external: c.external.map { ["qps": $0] } ?? [:])
            switch (result, c.expected) {
            case (.proposal(let got, let why), let want?):
                XCTAssertEqual(got, want, "\(c.name): \(why)")
                if got == want { passed += 1 }
            case (.invalid, nil):
                passed += 1
            default:
                XCTFail("\(c.name): expected \(c.expected.map(String.init) ?? "an error"), got \(result)")
            }
        }
        XCTAssertEqual(Self.cases.count, 46)
        XCTAssertEqual(passed, Self.cases.count)
    }
}
