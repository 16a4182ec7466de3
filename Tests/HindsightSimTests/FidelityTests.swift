import RealModule
import XCTest
import HindsightScenario
import HindsightStats
import HindsightTrace
@testable import HindsightSim

/// The empirical latency model on load per pod, the hold-out check, hourly medians and
/// the SLO quantile in M/M/c (issue 10, item 8).
final class FidelityTests: XCTestCase {
    /// Latency rises with requests/s per pod: 1000 ms + 20 ms per request/s per pod. Load
    /// per pod cycles over 7 values × replicas over 4, so the last 30 % holds every value.
    private func perPodTrace(_ n: Int = 280) -> (Trace, latency: [Double]) {
        let replicas = (0..<n).map { Double(2 + $0 % 4) }
        let perPod = (0..<n).map { 10 + 5 * Double($0 % 7) }
        let rps = (0..<n).map { perPod[$0] * replicas[$0] }
        let latency = perPod.map { 1000 + 20 * $0 }
        return (SimFixture.trace(count: n, ["rps": rps, "replicas": replicas, "latencyP99": latency]), latency)
    }

    private func empirical(_ policies: [PolicySpec]) -> Scenario {
        SimFixture.scenario(cpuRequest: 1, policies: policies) {
            $0.latency.model = .empirical
            $0.workload.podCapacity = 1000
            $0.workload.startupDelay = .zero
        }
    }

    func testLoadPerPodIsWhatTheFitReads() throws {
        let (trace, latency) = perPodTrace()
        let sc = empirical([PolicySpec(name: "observed", kind: .observed), PolicySpec(name: "static-10", kind: .fixed(replicas: 10))])
        let result = try Simulation.run(scenario: sc, trace: trace, environment: SimFixture.env())
        let observed = result.runs[0]
        // Seven distinct loads per pod, one bin each (ties stay together): exact.
        XCTAssertEqual(try XCTUnwrap(observed.summary.latencyMAPE), 0, accuracy: 1e-9)
        // Ten pods at 10 × (10…40)/2…5 requests/s per pod: the fit read there, by hand.
        let rps = try XCTUnwrap(trace.series["rps"])
        for i in [7, 30, 101] {
            let x = rps[i] / 10
            let expected = x <= 10 ? 1200 : 1000 + 20 * x
            XCTAssertEqual(result.runs[1].series[\.latencyP99Ms][i], expected, accuracy: 1e-6, "step \(i)")
        }
        // The hold-out fit (first 70 %) sees every load too: exact on the last 30 %.
        let f = try XCTUnwrap(result.fidelity)
        XCTAssertEqual(f.holdoutStart, 196)
        XCTAssertEqual(try XCTUnwrap(f.latencyHoldoutMAPE), 0, accuracy: 1e-9)
        // The best constant of the first 196 steps, computed here by hand: weights 1/latency.
        let head = Array(latency[0..<196]).sorted()
        let total = head.reduce(0) { $0 + 1 / $1 }
        var running = 0.0, constant = head[0]
        for v in head { running += 1 / v; if running >= total / 2 { constant = v; break } }
        let tail = latency[196...]
        let constantMAPE = tail.reduce(0) { $0 + abs(constant - $1) / $1 } / Double(tail.count) * 100
        XCTAssertEqual(try XCTUnwrap(f.latencyHoldoutConstantMAPE), constantMAPE, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(f.latencySkill), 1, accuracy: 1e-9)
        XCTAssertEqual(result.runs[1].summary.latencySkill, f.latencySkill, "every run carries the fidelity")
        XCTAssertEqual(f.latencyPairs.count, trace.count)
    }

    func testHoldoutRefitsWithoutTheLastSteps() throws {
        // The last 30 % runs at twice the load per pod ever seen before: the refit holds its
        // last value (1800 ms) while the record says 1000 + 20 × 80 = 2600 ms.
        let n = 100
        let replicas = SimFixture.constant(4, n)
        let perPod = (0..<n).map { $0 < 70 ? 10 + 10 * Double($0 % 4) : 80 }  // 10, 20, 30, 40, then 80
        let latency = perPod.map { 1000 + 20 * $0 }
        let trace = SimFixture.trace(count: n, ["rps": zip(perPod, replicas).map { $0 * $1 }, "replicas": replicas, "latencyP99": latency])
        let result = try Simulation.run(scenario: empirical([PolicySpec(name: "observed", kind: .observed)]), trace: trace,
                                        environment: SimFixture.env())
        let f = try XCTUnwrap(result.fidelity)
        let top = 1000 + 20 * 40.0  // the highest load per pod of the first 70 steps
        XCTAssertEqual(try XCTUnwrap(f.latencyHoldoutMAPE), (2600 - top) / 2600 * 100, accuracy: 1e-9)
        // The full fit has seen load 80: exact there.
        XCTAssertEqual(f.latencyPairs.last?.modelledMs ?? 0, 2600, accuracy: 1e-9)
    }

    func testHourlyMedianMAPEByHand() {
        let h: Int64 = 3_600_000
        func p(_ t: Int64, _ r: Double, _ m: Double) -> ModelFidelity.LatencyPair {
            .init(time: t, recordedMs: r, modelledMs: m, heldOut: false)
        }
        // Hour 0: medians 200 (record) and 110 (model): 45 %. Hour 1: 50 against 60: 20 %.
        let pairs = [p(0, 100, 110), p(60_000, 300, 110), p(120_000, 200, 110), p(h + 5, 50, 60)]
        XCTAssertEqual(try XCTUnwrap(Simulation.hourlyMedianMAPE(pairs)), 32.5, accuracy: 1e-12)
        XCTAssertNil(Simulation.hourlyMedianMAPE([]))
    }

    func testMMCAtAnotherQuantile() {
        // M/M/1, λ = 0.5, μ = 1: C = ρ = 0.5; P(W > t) = 0.5 e^{−0.5 t}; p95 at 2 ln 10.
        XCTAssertEqual(ErlangC.waitQuantile(servers: 1, mu: 1, lambda: 0.5, tail: 0.05), 2 * Double.log(10), accuracy: 1e-12)
        XCTAssertEqual(ErlangC.waitQuantile(servers: 2, mu: 100, lambda: 100, tail: 0.01),
                       ErlangC.waitP99(servers: 2, mu: 100, lambda: 100), accuracy: 1e-15)
        let p95 = LatencyModelMMC(serviceTime: 0.1, queueTimeout: 30, tail: 0.05)
        let x = LatencyInput(ready: 1, arrivalRate: 0.5, podRate: 1, backlog: 0, utilizationPct: 50)
        XCTAssertEqual(p95.p99Seconds(x), 0.1 + 2 * Double.log(10), accuracy: 1e-12)
    }

    func testReadingBeyondTheFittedLoadIsAWarning() throws {
        let (trace, _) = perPodTrace()
        // Two pods carry what 2…5 did: up to 2.5 × the load per pod ever recorded.
        let sc = empirical([PolicySpec(name: "observed", kind: .observed), PolicySpec(name: "static-2", kind: .fixed(replicas: 2))])
        let runs = try SimFixture.run(sc, trace)
        XCTAssertEqual(runs[0].warnings, [])
        XCTAssertEqual(runs[1].warnings.count, 1)
        XCTAssertTrue(runs[1].warnings.first?.contains("beyond the requests/s per ready pod it was fitted on (at most 40)") ?? false,
                      "\(runs[1].warnings)")
    }
}
