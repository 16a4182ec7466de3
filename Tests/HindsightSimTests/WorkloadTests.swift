import HindsightScenario
import HindsightTrace
import XCTest
@testable import HindsightSim

final class WorkloadTests: XCTestCase {
    /// 1000 rps against 2 pods of 100 rps: per 15 s step 15000 arrive, 3000 are served.
    func testConservationAndQueueTimeoutDropsUnderOverload() throws {
        let n = 20
        let trace = SimFixture.trace(count: n, ["rps": SimFixture.constant(1000, n)])
        let sc = SimFixture.scenario(cpuRequest: 1) { $0.workload.podCapacity = 100 }
        let e = try SimFixture.engine(sc, trace, replicas: 2)
        let c = e.conservation
        assertClose(c.offered, 15_000 * Double(n))
        assertClose(c.served + c.dropped + c.backlog, c.offered, rel: 1e-12)
        assertClose(c.served, 3000 * Double(n))
        // By hand (timeout 30 s, FIFO): step 2 drops 6000 of step 0, every later step drops
        // the 12000 left of the step two before it; steps n−2 and n−1 stay queued.
        assertClose(c.dropped, 6000 + 12_000 * Double(n - 3))
        assertClose(c.backlog, 30_000)
    }

    func testZeroQueueTimeoutDropsWhatCannotBeServedAtOnce() throws {
        let n = 8
        let trace = SimFixture.trace(count: n, ["rps": SimFixture.constant(250, n)])
        let sc = SimFixture.scenario(cpuRequest: 1, policies: [PolicySpec(name: "static-2", kind: .fixed(replicas: 2))]) {
            $0.workload.podCapacity = 100; $0.workload.queueTimeout = .zero
        }
        let run = try XCTUnwrap(SimFixture.run(sc, trace).first)
        assertClose(run.summary.requestsServed, 200 * 15 * Double(n))
        assertClose(run.summary.requestsDropped, 50 * 15 * Double(n))
        XCTAssertEqual(run.summary.sloViolationFraction, 1)
        XCTAssertEqual(run.series[\.slo], Array(repeating: SLOState.violated, count: n))
    }

    /// Observed replicas 1,1,3,…; pods created at step 2 are ready 30 s later, at step 4.
    func testStartupDelayAndObservedReplay() throws {
        let recorded: [Double] = [1, 1, 3, 3, 3, 3, 2, 2, 5, 5, 5, 5]
        let n = recorded.count
        let trace = SimFixture.trace(count: n, ["rps": SimFixture.constant(1000, n), "replicas": recorded])
        let sc = SimFixture.scenario(cpuRequest: 1, policies: [PolicySpec(name: "observed", kind: .observed)]) {
            $0.workload.podCapacity = 100; $0.workload.queueTimeout = .zero
        }
        let run = try XCTUnwrap(SimFixture.run(sc, trace).first)
        XCTAssertEqual(run.series[\.totalReplicas], recorded.map { Int32($0) })
        XCTAssertEqual(run.series[\.desiredReplicas], recorded.map { Int32($0) })
        XCTAssertEqual(run.series[\.readyReplicas], [1, 1, 1, 1, 3, 3, 2, 2, 2, 2, 5, 5])
        // Served per step = ready × 100 rps × 15 s (overloaded throughout).
        let served = [1, 1, 1, 1, 3, 3, 2, 2, 2, 2, 5, 5].reduce(0) { $0 + Double($1) * 1500 }
        assertClose(run.summary.requestsServed, served)
        XCTAssertEqual(run.summary.scalingActions, 3)
        XCTAssertEqual(run.summary.reversals, 2)  // up at 30 s, down at 90 s, up at 120 s
        XCTAssertEqual(run.decisions.map(\.to), [3, 2, 5])
        XCTAssertEqual(run.decisions.first?.time, trace.time(at: 2))
    }

    /// A 60 s step with a 30 s startup delay: a new pod serves half of its first step.
    func testPodReadyInsideAStep() throws {
        let trace = SimFixture.trace(step: .minutes(1), count: 3, ["rps": SimFixture.constant(1000, 3), "replicas": [1, 2, 2]])
        let sc = SimFixture.scenario(cpuRequest: 1, policies: [PolicySpec(name: "observed", kind: .observed)]) {
            $0.workload.podCapacity = 100; $0.workload.queueTimeout = .zero
        }
        let run = try XCTUnwrap(SimFixture.run(sc, trace).first)
        // step 0: 1 pod × 60 s; step 1: 1 pod × 30 s + 2 pods × 30 s; step 2: 2 pods × 60 s.
        assertClose(run.summary.requestsServed, 100 * (60 + 90 + 120))
        XCTAssertEqual(run.series[\.readyReplicas], [1, 2, 2])
        // Observed holds on a missing value.
        let t2 = SimFixture.trace(count: 4, ["rps": SimFixture.constant(10, 4), "replicas": [2, .nan, 4, .nan]])
        let r2 = try XCTUnwrap(SimFixture.run(sc, t2).first)
        XCTAssertEqual(r2.series[\.desiredReplicas], [2, 2, 4, 4])
    }

    func testPodCapacityDerivedFromTraceMedianCostPerRequest() throws {
        // cost per request 0.01, 0.01, 0.02 → median 0.01 → capacity 0.5 / 0.01 = 50 rps.
        let trace = SimFixture.trace(count: 3, ["rps": [100, 100, 100], "cpu": [1, 1, 2]])
        let load = try LoadModel(trace: trace, workload: WorkloadSpec(cpuRequest: 0.5), scenarioFile: "s.yaml")
        XCTAssertEqual(try XCTUnwrap(load.nominalPodCapacity), 50, accuracy: 1e-12)
        // Step 2 costs 0.02 cores per request → 0.5 / 0.02 = 25 rps per pod.
        XCTAssertEqual(load.podCapacity[2], 25, accuracy: 1e-12)
        // Derived cpu from utilization: 50 % × 4 replicas × 0.5 = 1 core.
        let t2 = SimFixture.trace(count: 1, ["cpuUtilization": [50], "replicas": [4]])
        let l2 = try LoadModel(trace: t2, workload: WorkloadSpec(cpuRequest: 0.5), scenarioFile: "s.yaml")
        XCTAssertFalse(l2.hasRequests)
        XCTAssertEqual(l2.rate[0], 1, accuracy: 1e-12)
        // rps alone with no podCapacity cannot be served.
        let t3 = SimFixture.trace(count: 1, ["rps": [5]])
        XCTAssertThrowsError(try LoadModel(trace: t3, workload: WorkloadSpec(cpuRequest: 0.5), scenarioFile: "s.yaml")) {
            XCTAssertTrue("\($0)".contains("podCapacity"))
        }
    }

    func testFleetRemovesNewestStartingPodsFirst() {
        var f = Fleet(startupDelay: .seconds(30), terminationGrace: .zero)
        f.seedReady(2, now: .epoch, age: .seconds(100))
        var created: [Pod] = [], graced: [(id: Int, until: SimInstant)] = []
        f.scale(to: 4, now: .epoch, created: &created, graced: &graced)
        XCTAssertEqual(f.readyCount, 2)
        f.markReady(id: 2)
        f.scale(to: 2, now: .epoch + .seconds(10), created: &created, graced: &graced)
        // Pod 3 (starting) goes first, then pod 2 (the most recently ready).
        XCTAssertEqual(f.pods.map(\.id), [0, 1])
        XCTAssertEqual(f.readyCount, 2)
    }
}

final class MissingAndEmpiricalTests: XCTestCase {
    /// Steps with no load sample are not judged and count as missing; the HPA sees no
    /// CPU then and holds (no scale-down on absent data).
    func testMissingStepsExcludedFromSLOAndHideMetrics() throws {
        var cpu = SimFixture.constant(1.5, 40)
        for i in 10..<30 { cpu[i] = .nan }
        let trace = SimFixture.trace(count: 40, ["cpu": cpu])
        let hpa = HPASpec(name: "web", target: nil, minReplicas: 1, maxReplicas: 10,
                          metrics: [.resource(.cpu, .utilization(50))], behavior: nil)
        let sc = SimFixture.scenario(cpuRequest: 1, policies: [PolicySpec(name: "web", kind: .hpa(hpa))]) {
            $0.metrics = MetricsPipelineSpec(window: .zero, lag: .zero)
            $0.workload.initialReplicas = 3
            $0.latency.model = LatencySpec.Model.none
        }
        let run = try XCTUnwrap(SimFixture.run(sc, trace).first)
        XCTAssertEqual(run.summary.missingSeconds, 20 * 15)
        XCTAssertEqual(run.series[\.slo].filter { $0 == .notJudged }.count, 20)
        XCTAssertTrue(run.series[\.loadCores][12].isNaN)
        // 1.5 cores on 3 pods = 50 %: in band, and no data in the gap → stays 3 throughout.
        XCTAssertEqual(Set(run.series[\.desiredReplicas]), [3])
    }

    /// Recorded latency rises with utilization; the observed replay reads the fit back.
    func testEmpiricalLatencyFitReproducesTheRecordUnderObservedReplicas() throws {
        let n = 200
        let replicas = (0..<n).map { Double(2 + $0 % 3) }
        let cpu = (0..<n).map { 0.5 + Double($0 % 7) * 0.1 }
        // Recorded utilization = cpu / (replicas × 1 core); latency = 50 ms + 2 ms per percent.
        let util = (0..<n).map { cpu[$0] / replicas[$0] * 100 }
        let latency = util.map { 50 + 2 * $0 }
        let trace = SimFixture.trace(count: n, ["cpu": cpu, "replicas": replicas, "latencyP99": latency])
        let sc = SimFixture.scenario(cpuRequest: 1, policies: [PolicySpec(name: "observed", kind: .observed)]) {
            $0.latency.model = .empirical
            $0.workload.startupDelay = .zero  // replicas change every step: ready = recorded
        }
        let run = try XCTUnwrap(SimFixture.run(sc, trace).first)
        // Bins are medians of a linear relation, interpolation is linear: errors are small.
        let mape = try XCTUnwrap(run.summary.latencyMAPE)
        XCTAssertLessThan(mape, 3, "MAPE \(mape) %")
        XCTAssertEqual(run.series[\.latencyP99Ms][0], 50 + 2 * util[0], accuracy: 0.05 * (50 + 2 * util[0]))
        // Without recorded latency the model cannot be fitted.
        let bare = SimFixture.trace(count: n, ["cpu": cpu, "replicas": replicas])
        XCTAssertThrowsError(try SimFixture.run(sc, bare)) { XCTAssertTrue("\($0)".contains("latencyP99"), "\($0)") }
    }
}
