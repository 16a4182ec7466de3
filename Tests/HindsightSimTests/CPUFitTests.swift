import XCTest
import HindsightScenario
import HindsightTrace
@testable import HindsightSim

/// The CPU model `idle per pod × pods + cost per request × rps` (issue 10, item 7).
final class CPUFitTests: XCTestCase {
    /// 200 steps; replicas 2…6 and rps on independent cycles, cpu exactly on the plane
    /// 0.1 core per pod + 0.004 core per request/s, plus `extra` where given.
    private func plane(_ n: Int = 200, extra: [Int: Double] = [:]) -> (Trace, rps: [Double], replicas: [Double]) {
        let replicas = (0..<n).map { Double(2 + $0 % 5) }
        let rps = (0..<n).map { 50 + 37 * Double($0 % 7) }
        let cpu = (0..<n).map { 0.1 * replicas[$0] + 0.004 * rps[$0] + (extra[$0] ?? 0) }
        return (SimFixture.trace(count: n, ["rps": rps, "cpu": cpu, "replicas": replicas]), rps, replicas)
    }

    private func observedAndStatic(_ configure: (inout Scenario) -> Void = { _ in }) -> Scenario {
        SimFixture.scenario(cpuRequest: 1, policies: [PolicySpec(name: "observed", kind: .observed),
                                                      PolicySpec(name: "static-10", kind: .fixed(replicas: 10))]) {
            $0.workload.startupDelay = .zero
            $0.latency.model = LatencySpec.Model.none
            configure(&$0)
        }
    }

    func testThePlaneIsFittedAndDrivesEveryRun() throws {
        let (trace, rps, _) = plane()
        let sc = observedAndStatic()
        let setup = try RunSetup.make(scenario: sc, trace: trace, environment: SimFixture.env())
        let fit = try XCTUnwrap(setup.load.cpuFit)
        XCTAssertEqual(fit.idlePerPod, 0.1, accuracy: 1e-9)
        XCTAssertEqual(fit.costPerRequest, 0.004, accuracy: 1e-12)
        // Default podCapacity: (1 core − 0.1 idle) ÷ 0.004 = 225 requests/s.
        XCTAssertEqual(try XCTUnwrap(setup.load.nominalPodCapacity), 225, accuracy: 1e-6)
        let runs = try SimFixture.run(sc, trace)
        // Observed replays the recorded CPU: cpu_mape 0, and every run reports it.
        XCTAssertEqual(try XCTUnwrap(runs[0].summary.cpuMAPE), 0, accuracy: 1e-6)
        XCTAssertEqual(runs[1].summary.cpuMAPE, runs[0].summary.cpuMAPE)
        // Ten pods burn 10 × 0.1 cores at any load: utilization = (1 + 0.004 rps) / 10 cores.
        let util = runs[1].series[\.utilizationPct], cores = runs[1].series[\.loadCores]
        for i in 2..<trace.count {
            XCTAssertEqual(util[i], (1 + 0.004 * rps[i]) / 10 * 100, accuracy: 1e-9, "step \(i)")
            XCTAssertEqual(cores[i], 1 + 0.004 * rps[i], accuracy: 1e-9, "step \(i)")
        }
    }

    func testAFewCPUSpikesDoNotMoveTheFit() throws {
        // Five steps with 5 extra cores (a deploy, a batch job): least squares would tilt.
        let (trace, _, _) = plane(extra: [10: 5, 50: 5, 90: 5, 130: 5, 170: 5])
        let setup = try RunSetup.make(scenario: observedAndStatic(), trace: trace, environment: SimFixture.env())
        let fit = try XCTUnwrap(setup.load.cpuFit)
        XCTAssertEqual(fit.idlePerPod, 0.1, accuracy: 0.005)
        XCTAssertEqual(fit.costPerRequest, 0.004, accuracy: 0.0001)
    }

    func testStepsWithoutRequestsReplayTheirRecordedCPU() throws {
        // No request at all, some CPU on 3 pods: a worker the rps series says nothing about.
        let n = 40
        let cpu = (0..<n).map { 0.2 + 0.01 * Double($0 % 3) }
        let trace = SimFixture.trace(count: n, ["rps": SimFixture.constant(0, n), "cpu": cpu, "replicas": SimFixture.constant(3, n)])
        let sc = observedAndStatic { $0.workload.podCapacity = 50 }
        let runs = try SimFixture.run(sc, trace)
        let observed = runs[0].series[\.loadCores], util = runs[0].series[\.utilizationPct]
        for i in 0..<n {
            XCTAssertEqual(observed[i], cpu[i], accuracy: 1e-12, "step \(i)")
            XCTAssertEqual(util[i], cpu[i] / 3 * 100, accuracy: 1e-9, "step \(i)")
        }
        XCTAssertEqual(try XCTUnwrap(runs[0].summary.cpuMAPE), 0, accuracy: 1e-9)
        // Ten pods: each burns what one recorded pod burned, cpu / 3.
        XCTAssertEqual(runs[1].series[\.loadCores][5], cpu[5] / 3 * 10, accuracy: 1e-12)
    }

    func testPerRequestModelKeepsThePerStepCost() throws {
        let (trace, rps, _) = plane()
        let sc = observedAndStatic { $0.workload.cpuModel = .perRequest }
        let setup = try RunSetup.make(scenario: sc, trace: trace, environment: SimFixture.env())
        XCTAssertNil(setup.load.cpuFit)
        XCTAssertEqual(Set(setup.load.idlePerPod), [0])
        let cpu = try XCTUnwrap(trace.series["cpu"])
        XCTAssertEqual(setup.load.cpuPerWork[3], cpu[3] / rps[3])
    }

    func testNoRecordedReplicasMeansNoFitAndNoCPUFidelity() throws {
        let (full, _, _) = plane()
        var series = full.series
        series["replicas"] = nil
        let trace = SimFixture.trace(count: full.count, series)
        let sc = SimFixture.scenario(cpuRequest: 1, policies: [PolicySpec(name: "static-10", kind: .fixed(replicas: 10))]) {
            $0.latency.model = LatencySpec.Model.none
        }
        let setup = try RunSetup.make(scenario: sc, trace: trace, environment: SimFixture.env())
        XCTAssertNil(setup.load.cpuFit)
        XCTAssertNil(try SimFixture.run(sc, trace)[0].summary.cpuMAPE)
    }
}
