import HindsightScenario
import HindsightTrace
import XCTest
@testable import HindsightSim

final class AccountingTests: XCTestCase {
    /// One hour at 15 s, 100 rps costing 0.5 cores in total, 4 static pods of 0.5 cores, 1 GiB.
    func makeCase() -> (Scenario, Trace) {
        let n = 240
        let trace = SimFixture.trace(count: n, ["rps": SimFixture.constant(100, n), "cpu": SimFixture.constant(0.5, n)])
        let sc = SimFixture.scenario(cpuRequest: 0.5, policies: [PolicySpec(name: "static-4", kind: .fixed(replicas: 4))]) {
            $0.workload.memoryRequest = 1_073_741_824
        }
        return (sc, trace)
    }

    func testStaticFleetCostEnergyEmissionsClosedForm() throws {
        let (sc, trace) = makeCase()
        let run = try XCTUnwrap(SimFixture.run(sc, trace).first)
        // Cost: 4 pods × 1 h × (0.5 vCPU × 0.031611 + 1 GiB × 0.004237) USD.
        assertClose(run.summary.costUSD, 4 * 1 * (0.5 * 0.031611 + 1 * 0.004237))
        assertClose(run.summary.replicaHours, 4)
        XCTAssertEqual(run.summary.replicasMean, 4, accuracy: 1e-12)
        // Energy: served 0.5 cores over 4 pods → u = 0.125 / 0.5 = 0.25 each.
        let wattsPerPod = 0.5 * (0.74 + 0.25 * (3.5 - 0.74)) + 1.073741824 * 0.392
        let kWh = 4 * wattsPerPod * 1 /* h */ * 1.135 / 1000
        assertClose(run.summary.energyKWh, kWh)
        assertClose(run.summary.emissionsKgCO2e, kWh * 379 / 1000)
        // 100 rps for an hour, all served; SCI = grams / (requests / 1000).
        assertClose(run.summary.requestsServed, 360_000)
        XCTAssertEqual(run.summary.requestsDropped, 0)
        assertClose(try XCTUnwrap(run.summary.sciGramsPer1kRequests), kWh * 379 / 360)
        XCTAssertEqual(run.series.count, 240)
        assertClose(run.series[\.costUSD].reduce(0, +), run.summary.costUSD)
        XCTAssertEqual(run.series[\.utilizationPct][7], 25, accuracy: 1e-9)
        XCTAssertEqual(run.summary.scalingActions, 0)
    }

    func testIntensitySeriesIsSampleAndHold() throws {
        let (sc, trace) = makeCase()
        let constant = try XCTUnwrap(SimFixture.run(sc, trace).first)
        let kWh = constant.summary.energyKWh
        // 50 g/kWh from before the start, 300 from half an hour in: constant power → kWh/2 each.
        let env = SimEnvironment(intensity: StepSeries(times: [trace.start - .hours(1), trace.start + .minutes(30)], values: [50, 300]))
        let run = try XCTUnwrap(SimFixture.run(sc, trace, env: env).first)
        assertClose(run.summary.emissionsKgCO2e, (kWh / 2 * 50 + kWh / 2 * 300) / 1000)
        XCTAssertEqual(run.series[\.carbonIntensity][0], 50)
        XCTAssertEqual(run.series[\.carbonIntensity][119], 50)
        XCTAssertEqual(run.series[\.carbonIntensity][120], 300)
        // A series starting after the run start: its first value holds before it.
        let late = SimEnvironment(intensity: StepSeries(times: [trace.start + .minutes(30)], values: [200]))
        let r2 = try XCTUnwrap(SimFixture.run(sc, trace, env: late).first)
        assertClose(r2.summary.emissionsKgCO2e, kWh * 200 / 1000)
    }

    func testPriceMultiplierAndInstanceModel() throws {
        let (s0, trace) = makeCase()
        var sc = s0
        let env = SimEnvironment(intensity: StepSeries(constant: 379),
                                 priceMultiplier: StepSeries(times: [trace.start, trace.start + .minutes(15)], values: [1, 3]))
        let base = 4 * (0.5 * 0.031611 + 0.004237)
        let run = try XCTUnwrap(SimFixture.run(sc, trace, env: env).first)
        assertClose(run.summary.costUSD, base * 0.25 * 1 + base * 0.75 * 3)
        // Instance model: 2 vCPU / 8 GiB instances fit 4 pods of 0.5 vCPU / 1 GiB → 1 instance.
        sc.cost.model = .instance
        sc.cost.instance = .init(hourly: 0.096, vcpu: 2, memoryGiB: 8)
        assertClose(try XCTUnwrap(SimFixture.run(sc, trace).first).summary.costUSD, 0.096)
        sc.policies = [PolicySpec(name: "static-5", kind: .fixed(replicas: 5))]
        assertClose(try XCTUnwrap(SimFixture.run(sc, trace).first).summary.costUSD, 2 * 0.096)
    }

    func testEmbodiedAndStartingPodsIdle() throws {
        let (s0, trace) = makeCase()
        var sc = s0
        sc.carbon.embodiedGramsPerVCPUHour = 10
        let run = try XCTUnwrap(SimFixture.run(sc, trace, env: SimFixture.env(0)).first)
        // Intensity 0: only embodied = 4 pods × 0.5 vCPU × 1 h × 10 g.
        assertClose(run.summary.emissionsKgCO2e, 20.0 / 1000)
    }

    /// Removed pods stay billed (idle) for terminationGrace but are no longer replicas.
    func testTerminationGraceIsBilledNotCounted() throws {
        let trace = SimFixture.trace(count: 6, ["rps": SimFixture.constant(10, 6), "replicas": [4, 4, 2, 2, 2, 2]])
        let sc = SimFixture.scenario(cpuRequest: 0.5, policies: [PolicySpec(name: "observed", kind: .observed)]) {
            $0.workload.podCapacity = 100
            $0.workload.terminationGrace = .seconds(30)
        }
        let run = try XCTUnwrap(SimFixture.run(sc, trace).first)
        let podHour = 0.5 * 0.031611
        // Billed pod-steps: 4, 4, 2+2, 2+2, 2, 2 = 20 steps of 15 s; replicas: 16.
        assertClose(run.summary.costUSD, 20 * 15.0 / 3600 * podHour)
        assertClose(run.summary.replicaHours, 16 * 15.0 / 3600)
        XCTAssertEqual(run.series[\.totalReplicas], [4, 4, 2, 2, 2, 2])
        assertClose(run.series[\.costUSD][3], 4 * 15.0 / 3600 * podHour)
        assertClose(run.series[\.costUSD][4], 2 * 15.0 / 3600 * podHour)
    }
}
