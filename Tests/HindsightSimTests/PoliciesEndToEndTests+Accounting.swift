import HindsightScenario
import HindsightTrace
import XCTest
@testable import HindsightSim

/// KEDA scale to zero, GPU accounting and the empirical latency model, end to end.
extension PoliciesEndToEndTests {
    // (g) Scale to zero strictly after the cooldown; back on the next poll.
    func testKEDAScalesToZeroAfterTheCooldownAndBackOnTheNextPoll() throws {
        // 15 s steps: 300 requests/s for an hour, a quiet hour (0 from 3600 s to 7215 s), 300 again.
        let n = 3 * 240
        let rps = (0..<n).map { i -> Double in i >= 240 && i < 481 ? 0 : 300 }
        let trace = Self.webTrace(rps: rps)
        var so = ScaledObjectSpec(name: "web", target: nil, triggers: [
            KEDATrigger(name: "rps", kind: .prometheus(series: "rps", threshold: 100, activationThreshold: 0)),
        ])
        so.pollingInterval = .seconds(30)
        so.cooldownPeriod = .minutes(2)
        so.maxReplicaCount = 10
        let sc = Self.web([PolicySpec(name: "web", kind: .scaledObject(so))]) {
            $0.metrics = MetricsPipelineSpec(window: .zero, lag: .zero)
            $0.workload.initialReplicas = 3
        }
        let run = try XCTUnwrap(SimFixture.run(sc, trace).first)
        // By hand: the last active poll is at 3570 s; 3570 + 120 = 3690 is a poll but not
        // strictly after, so the scale to zero is at the poll of 3720 s (step 248). The HPA
        // (legacy path: 5-minute downscale stabilization) holds 3 until then. The load
        // returns at 7215 s; the next poll, 7230 s (step 482), activates 0 → 1 and the HPA
        // sync at the same instant goes to ⌈300 / 100⌉ = 3.
        let expected = (0..<n).map { i -> Int32 in i >= 248 && i < 482 ? 0 : 3 }
        XCTAssertEqual(run.series[\.desiredReplicas], expected)
        XCTAssertEqual(run.decisions.map(\.to), [0, 1, 3])
        XCTAssertEqual(run.decisions.map(\.time), [trace.time(at: 248), trace.time(at: 482), trace.time(at: 482)])
        // Bound by query text instead of name, the same ScaledObject runs the same.
        var byQuery = so
        byQuery.triggers[0] = KEDATrigger(name: "http-rps", kind: .prometheus(series: "http-rps", threshold: 100, activationThreshold: 0))
        byQuery.triggers[0].query = "sum(rate(http_requests_total[2m]))"
        var queryTrace = trace
        queryTrace.series["sum(rate(http_requests_total[2m]))"] = rps
        var sq = sc
        sq.policies = [PolicySpec(name: "web", kind: .scaledObject(byQuery))]
        let bound = try XCTUnwrap(SimFixture.run(sq, queryTrace).first)
        XCTAssertEqual(bound.series[\.desiredReplicas], expected)
    }

    // (h) GPUs are priced (gpuHour) and powered (gpuWatts), closed form.
    func testGPUsArePricedAndPowered() throws {
        // One hour at 15 s: 100 requests/s using 0.4 cores, on a static fleet of 4 ready pods.
        let n = 240
        let trace = Self.webTrace(rps: SimFixture.constant(100, n))
        func scenario(gpus: Int) -> Scenario {
            Self.web([PolicySpec(name: "static-4", kind: .fixed(replicas: 4))]) {
                $0.workload.cpuRequest = 1
                $0.workload.memoryRequest = 2 * 1_073_741_824
                $0.workload.podCapacity = 50
                $0.workload.initialReplicas = 4
                $0.workload.gpus = gpus
                $0.cost.cpuHour = 0.03; $0.cost.memoryGiBHour = 0.004; $0.cost.gpuHour = 2.5
                $0.carbon.pue = 1.2; $0.carbon.minWattsPerVCPU = 1; $0.carbon.maxWattsPerVCPU = 4
                $0.carbon.memoryWattsPerGB = 0.4; $0.carbon.gpuMinWatts = 60; $0.carbon.gpuMaxWatts = 400
            }
        }
        let run = try XCTUnwrap(SimFixture.run(scenario(gpus: 1), trace, env: SimFixture.env(500)).first)
        // Cost: 4 pods × (1 vCPU × 0.03 + 2 GiB × 0.004 + 1 GPU × 2.5) × 1 h.
        assertClose(run.summary.costUSD, 4 * (0.03 + 2 * 0.004 + 2.5), rel: 1e-9)
        // Power: per pod idle 1 W + 2.147 GB × 0.4 W + 60 W; with the load, utilization
        // 0.4 cores / 4 cores = 0.1 of the dynamic range 3 W + 340 W. × PUE, 1 h.
        let gb = 2 * 1.073741824
        let watts = 4 * (1 + gb * 0.4 + 60) + 4 * 0.1 * (3 + 340)
        assertClose(run.summary.energyKWh, watts * 1.2 / 1000, rel: 1e-9)
        assertClose(run.summary.emissionsKgCO2e, watts * 1.2 / 1000 * 500 / 1000, rel: 1e-9)
        // Against the same fleet without GPUs: exactly the GPUs' price and power.
        let cpuOnly = try XCTUnwrap(SimFixture.run(scenario(gpus: 0), trace, env: SimFixture.env(500)).first)
        assertClose(run.summary.costUSD - cpuOnly.summary.costUSD, 4 * 2.5, rel: 1e-9)
        assertClose(run.summary.energyKWh - cpuOnly.summary.energyKWh, (4 * 60 + 4 * 0.1 * 340) * 1.2 / 1000, rel: 1e-9)
    }

    // (i) The empirical latency model reproduces a latency that is a monotone function of utilization.
    func testEmpiricalLatencyFidelity() throws {
        // One day at 1 minute: rps 200…800 (sinusoid), recorded replicas ⌈rps / 100⌉ + 1,
        // recorded p99 = 20 ms + 0.02 ms × utilization² (utilization in percent).
        let n = 1440
        let rps = (0..<n).map { 500 - 300 * cos(2 * Double.pi * Double($0) / Double(n)) }
        let replicas = rps.map { ($0 / 100).rounded(.up) + 1 }
        let util = zip(rps, replicas).map { $0 * 0.004 / ($1 * 0.5) * 100 }
        var trace = Self.webTrace(step: Self.minute, rps: rps, replicas: replicas)
        trace.series["latencyP99"] = util.map { 20 + 0.02 * $0 * $0 }
        let sc = Self.web([PolicySpec(name: "observed", kind: .observed), PolicySpec(name: "static-9", kind: .fixed(replicas: 9))]) {
            $0.latency.model = .empirical
            $0.workload.startupDelay = .zero
        }
        let runs = try SimFixture.run(sc, trace)
        let mape = try XCTUnwrap(runs[0].summary.latencyMAPE)
        // Linear interpolation between 20 bin medians of a smooth convex curve: within 2 %.
        XCTAssertLessThan(mape, 2, "latency_mape \(mape) %")
        // Every run reports the fidelity under the observed replicas.
        XCTAssertEqual(runs[1].summary.latencyMAPE, mape)
        // Under the static fleet the model reads the same curve at other utilizations.
        let i = 720  // rps 800 on 9 pods: utilization 71.1 %, p99 ≈ 20 + 0.02 × 71.1² ms
        let u = rps[i] * 0.004 / (9 * 0.5) * 100
        assertClose(runs[1].series[\.latencyP99Ms][i], 20 + 0.02 * u * u, rel: 0.03)
    }
}
