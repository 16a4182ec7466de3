import HindsightTrace
import XCTest
@testable import HindsightSim
import HindsightScenario

/// HPA.md Corrections 8: a pod is Pending (no container, no metric), then Running but not
/// Ready, then Ready; the HPA groups it as upstream `groupPods` does. Each case goes from
/// the fleet's pods through ``HPAReadingsBuilder`` to one HPA sync; every expected value is
/// worked out by hand in the comment above it.
///
/// Fleet for every case: startupDelay 30 s of which readinessDelay 20 s. Pods created at
/// t = 0 are Pending until 10 s, Running-not-Ready until 30 s, Ready from 30 s.
final class PodPhaseTests: XCTestCase {
    /// The workload of every case.
    static let workload: WorkloadSpec = {
        var w = WorkloadSpec(cpuRequest: 1)
        w.startupDelay = .seconds(30); w.readinessDelay = .seconds(20)
        return w
    }()

    /// `ready` pods ready long ago, plus `starting` pods created at t = 0, advanced to `now`
    /// the way the engine's pod events would.
    private func fleet(ready: Int, starting: Int, now: SimInstant) -> Fleet {
        var f = Fleet(startupDelay: .seconds(30), readinessDelay: .seconds(20), terminationGrace: .zero)
        f.seedReady(ready, now: .epoch, age: .hours(1))
        var created: [Pod] = [], graced: [(id: Int, until: SimInstant)] = []
        f.scale(to: ready + starting, now: .epoch, created: &created, graced: &graced)
        for p in created {
            if f.runningAt(p) <= now { f.markRunning(id: p.id) }
            if p.readyAt <= now { f.markReady(id: p.id) }
        }
        return f
    }

    /// One sync at `now` of a fresh HPA on `metrics`, its pods from `fleet`, metrics read
    /// with the given window and no lag; `cpuPerPod` cores per ready pod, `series` totals.
    private func sync(_ metrics: [HPAMetricSpec], fleet f: Fleet, now: SimInstant, window: SimDuration,
                      cpuPerPod: Double = .nan, series: [String: Double] = [:],
                      kube: KubernetesSpec = HPAT.kube()) -> Int32? {
        var b = HPAReadingsBuilder(metrics: metrics, extraTotals: [], workload: Self.workload,
                                   pipeline: MetricsPipelineSpec(window: window, lag: .zero))
        let spec = Int32(f.count)
        b.update(from: ControllerContext(now: now, stepIndex: 0, specReplicas: spec, statusReplicas: spec, pods: f.pods,
                                         cpuPerPodCores: cpuPerPod, memoryPerPodBytes: .nan, seriesTotals: series))
        var c = HPAController(spec: HPAT.spec(metrics), kubernetes: kube, initialReplicas: spec, start: now)
        return c.sync(now: now, specReplicas: spec, statusReplicas: spec, pods: b.pods, readings: b.readings).rawProposal
    }

    func testPhasesFollowTheTwoDelays() {
        let f = fleet(ready: 0, starting: 1, now: .epoch + .seconds(15))
        XCTAssertEqual(f.pods.map(\.phase), [.running])
        XCTAssertEqual(f.runningAt(f.pods[0]), .epoch + .seconds(10))
        XCTAssertEqual(f.pods[0].readyAt, .epoch + .seconds(30))
        XCTAssertEqual(fleet(ready: 0, starting: 1, now: .epoch + .seconds(9)).pods.map(\.phase), [.pending])
        XCTAssertEqual(fleet(ready: 0, starting: 1, now: .epoch + .seconds(30)).pods.map(\.phase), [.ready])
        // No readiness delay: Pending for the whole startup, as before the phases existed.
        var g = Fleet(startupDelay: .seconds(30), terminationGrace: .zero)
        var created: [Pod] = [], graced: [(id: Int, until: SimInstant)] = []
        g.scale(to: 1, now: .epoch, created: &created, graced: &graced)
        XCTAssertEqual(created.map(\.phase), [.pending])
        XCTAssertEqual(g.runningAt(created[0]), created[0].readyAt)
        // All of the startup is readiness: Running at once.
        var h = Fleet(startupDelay: .seconds(30), readinessDelay: .seconds(30), terminationGrace: .zero)
        h.scale(to: 1, now: .epoch, created: &created, graced: &graced)
        XCTAssertEqual(h.pods.map(\.phase), [.running])
    }

    func testPendingPodHasNoMetricAndIsUnready() {
        // t = 5 s: pods 2, 3 Pending. rps 100 over 2 ready pods = 50 each, target 100
        // → ratio 0.5; the Pending pods are unready and unready pods are not rebalanced on a
        // scale-down → ceil(0.5 × 2) = 1. (Were they "missing", each would be assumed at the
        // target: (100 + 200) / 4 = 75 → ceil(0.75 × 4) = 3.)
        let m: [HPAMetricSpec] = [.pods(series: "rps", .averageValue(milli: 100_000))]
        let f = fleet(ready: 2, starting: 2, now: .epoch + .seconds(5))
        XCTAssertEqual(sync(m, fleet: f, now: .epoch + .seconds(5), window: .zero, series: ["rps": 100]), 1)
    }

    func testRunningNotReadyCPUPodWithoutSampleIsMissing() {
        // t = 15 s, window 30 s: pods 2, 3 Running since 10 s, not a whole window up by the
        // sample (15 − 30 < 10) → no sample → missing. 2 ready pods at 200m of 1000m:
        // 400·100/2000 = 20 % vs 50 → ratio 0.4; missing pods on a scale-down are assumed at
        // max(100, 50) % = 1000m: (400 + 2000)·100/4000 = 60 % → ratio 1.2: the direction
        // flips → spec 4. (As Pending pods — unready — they would be left out: ceil(0.4 × 2) = 1.)
        let f = fleet(ready: 2, starting: 2, now: .epoch + .seconds(15))
        XCTAssertEqual(sync(HPAT.cpuUtil(50), fleet: f, now: .epoch + .seconds(15), window: .seconds(30), cpuPerPod: 0.2), 4)
    }

    func testRunningNotReadyCPUPodWithSampleIsUnready() {
        // t = 15 s, window 0: pod 1 Running since 10 s has a sample (0 cores: no traffic),
        // but for cpu a not-Ready pod inside the 5-minute initialization period is unready.
        // Pod 0 at 450m of 1000m: 45 % vs 50 → ratio 0.9, inside the band → spec 2.
        // (Counted as ready with 0: 450·100/2000 = 22 % → 0.44 → ceil(0.88) = 1.)
        let f = fleet(ready: 1, starting: 1, now: .epoch + .seconds(15))
        XCTAssertEqual(sync(HPAT.cpuUtil(50), fleet: f, now: .epoch + .seconds(15), window: .zero, cpuPerPod: 0.45), 2)
    }

    func testNeverReadyCPUPodAfterTheInitializationPeriod() {
        // Same pods with a 10 s CPU-initialization period, so t = 15 s is past it. A pod that
        // is not Ready and never was (its Ready=False dates from its start) stays unready
        // while initialReadinessDelay > 0 (start + 30 s > start) → spec 2 as above; with
        // initialReadinessDelay 0 it is counted with its 0 sample → 22 % → 1.
        let f = fleet(ready: 1, starting: 1, now: .epoch + .seconds(15))
        var k = HPAT.kube()
        k.cpuInitializationPeriod = .seconds(10)
        XCTAssertEqual(sync(HPAT.cpuUtil(50), fleet: f, now: .epoch + .seconds(15), window: .zero, cpuPerPod: 0.45, kube: k), 2)
        k.initialReadinessDelay = .zero
        XCTAssertEqual(sync(HPAT.cpuUtil(50), fleet: f, now: .epoch + .seconds(15), window: .zero, cpuPerPod: 0.45, kube: k), 1)
    }

    func testRunningNotReadyPodCountsLikeReadyForNonCPUMetrics() {
        // t = 15 s, window 0: rps 300 over the 2 ready pods = 150 each; pods 2, 3 Running
        // with a sample of 0. Not cpu → all four count: 300 / 4 = 75 vs 100 → ratio 0.75
        // → ceil(0.75 × 4) = 3. (As Pending pods: 150 vs 100 → 1.5 > 1 with unready pods
        // → rebalanced 300 / 4 = 75 → ratio 0.75 flips direction → spec 4.)
        let m: [HPAMetricSpec] = [.pods(series: "rps", .averageValue(milli: 100_000))]
        let f = fleet(ready: 2, starting: 2, now: .epoch + .seconds(15))
        XCTAssertEqual(sync(m, fleet: f, now: .epoch + .seconds(15), window: .zero, series: ["rps": 300]), 3)
        // Without a sample yet (window 30 s) they are missing: ratio 1.5 > 1 → counted at 0
        // → 300 / 4 = 75 → ratio 0.75 flips → spec 4.
        XCTAssertEqual(sync(m, fleet: f, now: .epoch + .seconds(15), window: .seconds(30), series: ["rps": 300]), 4)
    }

    func testObjectValueCountsOnlyReadyPods() {
        // External Value 500 vs target 100 → ratio 5 × ready pods: 2 ready + 2 Running-not-Ready
        // → ceil(5 × 2) = 10 (`getReadyPodsCount` counts Running and Ready only).
        let m: [HPAMetricSpec] = [.external(series: "queue", .value(milli: 100_000))]
        let f = fleet(ready: 2, starting: 2, now: .epoch + .seconds(15))
        var b = HPAReadingsBuilder(metrics: m, extraTotals: [], workload: Self.workload,
                                   pipeline: MetricsPipelineSpec(window: .zero, lag: .zero))
        b.update(from: ControllerContext(now: .epoch + .seconds(15), stepIndex: 0, specReplicas: 4, statusReplicas: 4, pods: f.pods,
                                         cpuPerPodCores: .nan, memoryPerPodBytes: .nan, seriesTotals: ["queue": 500]))
        var c = HPAController(spec: HPAT.spec(m), kubernetes: HPAT.kube(), initialReplicas: 4, start: .epoch + .seconds(15))
        XCTAssertEqual(c.sync(now: .epoch + .seconds(15), specReplicas: 4, statusReplicas: 4, pods: b.pods, readings: b.readings).rawProposal, 10)
    }
}
