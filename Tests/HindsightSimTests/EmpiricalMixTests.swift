import XCTest
import HindsightScenario
import HindsightTrace
@testable import HindsightSim

/// `spec.latency.mix`: the empirical fit split by a feature of the recorded traffic
/// (``EmpiricalMixFit``), worked by hand, and what it must keep true in counterfactuals.
final class EmpiricalMixTests: XCTestCase {
    /// Three recorded loads per pod (0, 1, 2), four steps each, features 1–4 in each (so
    /// every bin's median feature is 2.5: features 3 and 4 are heavier). Latency in ms.
    private let load: [Double] = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 1.7, 5, 1]
    private let feature: [Double] = [3, 1, 4, 2, 2, 4, 1, 3, 1, 3, 2, 4, 3.5, 1, .nan]
    private let latencyMs: [Double] = [60_000, 10_000, 70_000, 20_000, 14_000, 40_000, 12_000, 30_000,
                                       11_000, 50_000, 13_000, 80_000, .nan, .nan, 9_000]

    func testLabelsAndCurvesByHand() throws {
        // Fitted on the first 12 steps; steps 12–14 are read only (like the hold-out).
        let fit = EmpiricalMixFit(load: load, latencyMs: latencyMs, feature: feature, steps: 0..<12)
        XCTAssertEqual(fit.label, [1, 0, 1, 0, 0, 1, 0, 1, 0, 1, 0, 1,
                                   1,   // load 1.7 falls in the bin whose largest load is 2; 3.5 > 2.5
                                   0,   // load 5 is beyond every bin: the last one; 1 < 2.5
                                   -1]) // no feature
        // Load 0: the median of each label's latencies: (60 + 70) / 2 and (10 + 20) / 2.
        XCTAssertEqual(fit.curves[1].atZero, 65)
        XCTAssertEqual(fit.curves[0].atZero, 15)
        // Heavier, load 1: {30, 40} s, weights 1/30 and 1/40; half the total (0.0292) is
        // reached at 30. Load 2: {50, 80}: 1/50 = 0.02 ≥ 0.01625, so 50. Non-decreasing.
        XCTAssertEqual(fit.curves[1].points.map(\.u), [1, 2])
        XCTAssertEqual(fit.curves[1].points.map(\.latency), [30, 50])
        // Lighter: 12 at load 1 ({12, 14}), 11 at load 2 ({11, 13}): decreasing, so pooled
        // (two steps each) to 11.5 at both.
        XCTAssertEqual(fit.curves[0].points.map(\.latency), [11.5, 11.5])
        // Read: interpolated between points, held outside, the load-0 value at 0 only.
        XCTAssertEqual(fit.latency(step: 0, loadPerPod: 1.5), 40)
        XCTAssertEqual(fit.latency(step: 0, loadPerPod: 0.25), 30)
        XCTAssertEqual(fit.latency(step: 0, loadPerPod: 9), 50)
        XCTAssertEqual(fit.latency(step: 0, loadPerPod: 0), 65)
        XCTAssertEqual(fit.latency(step: 1, loadPerPod: 0), 15)
        XCTAssertEqual(fit.latency(step: 1, loadPerPod: 1.5), 11.5)
        XCTAssertEqual(fit.latency(step: 12, loadPerPod: 2), 50)
        XCTAssertNil(fit.latency(step: 14, loadPerPod: 1), "unlabelled: the one-curve fit answers")
        XCTAssertNil(fit.latency(step: -1, loadPerPod: 1))
    }

    func testTheModelReadsTheStepsLabel() throws {
        // The same 12 steps as a trace with one recorded pod (load = rps): the model with a
        // mix answers per step; an unlabelled step falls back to the one curve.
        let trace = SimFixture.trace(count: 12, ["rps": Array(load[0..<12]), "replicas": SimFixture.constant(1, 12),
                                                 "latencyP99": Array(latencyMs[0..<12])])
        let sc = SimFixture.scenario(cpuRequest: 1) { $0.latency.model = .empirical; $0.workload.podCapacity = 100 }
        let setup = try RunSetup.make(scenario: sc, trace: trace, environment: SimFixture.env())
        var model = try XCTUnwrap(setup.latency as? LatencyModelEmpirical)
        XCTAssertNil(model.mix, "no mix unless asked")
        let mixFit = EmpiricalMixFit(load: Array(load[0..<12]), latencyMs: Array(latencyMs[0..<12]),
                                     feature: Array(feature[0..<12]), steps: 0..<12)
        model = LatencyModelEmpirical(model, mix: mixFit)
        func p(_ step: Int, ready: Int, rate: Double) -> Double {
            model.p99Seconds(LatencyInput(ready: ready, arrivalRate: rate, podRate: 100, backlog: 0, utilizationPct: 0, step: step))
        }
        XCTAssertEqual(p(5, ready: 2, rate: 3), 40)     // heavier step at 1.5 requests/s per pod
        XCTAssertEqual(p(6, ready: 2, rate: 3), 11.5)   // lighter step, same load
        XCTAssertEqual(p(0, ready: 7, rate: 0), 65)     // no request: the label's load-0 value, any fleet
        XCTAssertEqual(p(-1, ready: 2, rate: 3), model.base(at: 1.5), "no step: the one curve")
    }
}

/// The counterfactual invariants of `mix: unexplainedCPU` on a trace whose heavier steps
/// burn extra CPU and answer slower.
final class EmpiricalMixCounterfactualTests: XCTestCase {
    private let n = 240
    private func heavy(_ i: Int) -> Bool { (i * 7) % 11 < 4 }
    private func missing(_ i: Int) -> Bool { i % 6 == 0 }

    private func trace() -> Trace {
        let reps = (0..<n).map { Double(4 + $0 % 5) }
        let perPod = (0..<n).map { missing($0) ? 0 : Double(1 + $0 % 7) }
        let rps = (0..<n).map { missing($0) ? .nan : perPod[$0] * reps[$0] }
        let cpu = (0..<n).map { 0.1 * reps[$0] + 0.02 * (missing($0) ? 0 : rps[$0]) + (heavy($0) ? 0.4 : 0) }
        let latency = (0..<n).map { (heavy($0) ? 60_000 : 10_000) + 500 * perPod[$0] }
        return SimFixture.trace(count: n, ["rps": rps, "replicas": reps, "cpu": cpu, "latencyP99": latency])
    }

    private func scenario(_ policies: [PolicySpec]) -> Scenario {
        SimFixture.scenario(cpuRequest: 1, policies: policies) {
            $0.latency.model = .empirical
            $0.latency.mix = .unexplainedCPU
            $0.workload.podCapacity = 1000
            $0.workload.startupDelay = .zero
        }
    }

    func testTheFeatureIsTheUnexplainedCPUOfTheRecording() throws {
        let t = trace()
        let setup = try RunSetup.make(scenario: scenario([]), trace: t, environment: SimFixture.env())
        let fit = try XCTUnwrap(setup.load.cpuFit)
        let values = try LatencyModelEmpirical.mixFeature(.unexplainedCPU, load: setup.load, replicas: t.series["replicas"],
                                                          scenarioFile: "x")
        let cpu = try XCTUnwrap(t.series["cpu"]), reps = try XCTUnwrap(t.series["replicas"]), rps = try XCTUnwrap(t.series["rps"])
        for i in 0..<n {
            let expected = cpu[i] - fit.idlePerPod * reps[i] - fit.costPerRequest * (rps[i].isNaN ? 0 : rps[i])
            XCTAssertEqual(values[i], expected, accuracy: 1e-12, "step \(i)")
        }
        // A setup for other policies labels the steps the same: the label is the recording's.
        let other = try RunSetup.make(scenario: scenario([PolicySpec(name: "s", kind: .fixed(replicas: 50))]), trace: t,
                                      environment: SimFixture.env())
        let a = try XCTUnwrap((setup.latency as? LatencyModelEmpirical)?.mix)
        let b = try XCTUnwrap((other.latency as? LatencyModelEmpirical)?.mix)
        XCTAssertEqual(a.label, b.label)
        XCTAssertTrue(a.label.contains(1) && a.label.contains(0))
    }

    func testMorePodsNeverRaiseLatencyAndLoadZeroStepsAreTheSameEverywhere() throws {
        let sizes = [2, 4, 8, 16]
        let result = try Simulation.run(scenario: scenario([PolicySpec(name: "observed", kind: .observed)]
                                                           + sizes.map { PolicySpec(name: "static-\($0)", kind: .fixed(replicas: $0)) }),
                                        trace: trace(), environment: SimFixture.env())
        let series = result.runs.map { $0.series[\.latencyP99Ms] }
        for i in 0..<n {
            for k in 2..<series.count {
                XCTAssertLessThanOrEqual(series[k][i], series[k - 1][i], "step \(i): \(sizes[k - 1]) pods against \(sizes[k - 2])")
            }
            if missing(i) {
                // No counted request: every policy, the observed replay included, gives the same.
                for s in series { XCTAssertEqual(s[i], series[0][i], "step \(i)") }
            }
        }
        // The model itself, step by step, at 1…40 ready pods: never higher with one more pod.
        let setup = try RunSetup.make(scenario: scenario([]), trace: trace(), environment: SimFixture.env())
        let model = try XCTUnwrap(setup.latency as? LatencyModelEmpirical)
        XCTAssertNotNil(model.mix)
        for i in 0..<n {
            var last = Double.infinity
            for ready in 1...40 {
                let p = model.p99Seconds(LatencyInput(ready: ready, arrivalRate: setup.load.rate[i], podRate: 1000, backlog: 0,
                                                      utilizationPct: 0, step: i))
                XCTAssertLessThanOrEqual(p, last, "step \(i), \(ready) pods")
                last = p
            }
        }
        // The steps without rps (every 6th, 40 of them) are one load bin; 15 of them are heavy
        // (0.4 cores more than the fit explains), so the 20 heavier-labelled ones are those 15
        // and 5 light ones (median 60 s) and the 20 lighter-labelled ones are all light (10 s).
        let mix = try XCTUnwrap(model.mix)
        XCTAssertEqual((0..<n).filter { missing($0) && heavy($0) }.count, 15)
        XCTAssertEqual(mix.curves[1].atZero, 60)
        XCTAssertEqual(mix.curves[0].atZero, 10)
        for i in 0..<n where missing(i) && heavy(i) { XCTAssertEqual(mix.label[i], 1, "step \(i)") }
    }

    func testATraceWithoutACPUFitIsRefused() throws {
        let t = SimFixture.trace(count: 20, ["rps": SimFixture.constant(5, 20), "replicas": SimFixture.constant(2, 20),
                                             "latencyP99": SimFixture.constant(100, 20)])
        var sc = scenario([])
        sc.workload.podCapacity = 10
        XCTAssertThrowsError(try RunSetup.make(scenario: sc, trace: t, environment: SimFixture.env())) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("spec.latency.mix: unexplainedCPU needs the CPU fit"), text)
            XCTAssertTrue(text.hasPrefix("/tmp/test.yaml: ") || text.contains("/tmp/test.yaml: spec.latency.mix"), text)
        }
    }
}
