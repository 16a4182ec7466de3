import HindsightScenario
import HindsightTrace
import XCTest
@testable import HindsightSim

/// The engine driving the HPA with `window: 0, lag: 0` (HPA.md §12 exactness), by hand.
final class SimHPAIntegrationTests: XCTestCase {
    func hpaScenario(_ hpa: HPASpec) -> Scenario {
        SimFixture.scenario(cpuRequest: 1, policies: [PolicySpec(name: hpa.name, kind: .hpa(hpa))]) {
            $0.metrics = MetricsPipelineSpec(window: .zero, lag: .zero)
            $0.workload.queueTimeout = .zero
            $0.workload.initialReplicas = 2
            $0.workload.name = "deployment/web"
            $0.latency.model = LatencySpec.Model.none
        }
    }

    /// cpu 1 core (steps 0–3), 3 cores (4–19), 1 core (20–44); request 1 core, target 50 %.
    func testLegacyHPAFollowsTheRulesSyncBySync() throws {
        let cpu = (0..<45).map { $0 >= 4 && $0 < 20 ? 3.0 : 1.0 }
        let trace = SimFixture.trace(count: 45, ["cpu": cpu])
        let hpa = HPASpec(name: "web", target: "deployment/web", minReplicas: 1, maxReplicas: 10,
                          metrics: [.resource(.cpu, .utilization(50))], behavior: nil)
        let run = try XCTUnwrap(SimFixture.run(hpaScenario(hpa), trace).first)
        // t4: 2 pods serve 2 cores → 100 % → ceil(2 × 2) = 4 (legacy limit max(4, 4)).
        // t5: 2 starting pods count as 0 % → 2000m / 4000m = 50 % → in band → 4.
        // t6: 4 ready serve 3 cores → 75 % → ceil(1.5 × 4) = 6; t7 rebalanced to 50 % → 6.
        // t20: 1 core over 6 pods → 167m each → 16 % → ceil(0.32 × 6) = 2, held by the
        // 5-minute stabilization until the last 6 (t19 = 285 s) is 300 s old: t39 = 585 s.
        var expected = [Int32](repeating: 6, count: 45)
        for i in 0..<4 { expected[i] = 2 }
        expected[4] = 4; expected[5] = 4
        for i in 39..<45 { expected[i] = 2 }
        XCTAssertEqual(run.series[\.desiredReplicas], expected)
        XCTAssertEqual(Array(run.series[\.readyReplicas][3...8]), [2, 2, 2, 4, 4, 6])
        XCTAssertEqual(Array(run.series[\.totalReplicas][3...8]), [2, 4, 4, 6, 6, 6])
        XCTAssertEqual(run.decisions.map(\.to), [4, 6, 2])
        XCTAssertEqual(run.decisions.map(\.time), [trace.time(at: 4), trace.time(at: 6), trace.time(at: 39)])
        XCTAssertEqual(run.summary.scalingActions, 3)
        XCTAssertEqual(run.summary.reversals, 0)
        XCTAssertTrue(run.warnings.isEmpty, "\(run.warnings)")
        // Served CPU: steps 4, 5 capped at 2 cores, the rest all served; dropped work in core-seconds
        // is not reported as requests (no rps), but the steps violate the SLO.
        XCTAssertEqual(run.series[\.slo][4], .violated)
        XCTAssertEqual(run.series[\.slo][6], .met)
    }

    func testHPAValidationAndWarnings() throws {
        let trace = SimFixture.trace(count: 1, ["cpu": [1]])
        let ext = HPASpec(name: "web", target: nil, maxReplicas: 5, metrics: [.external(series: "queue", .averageValue(milli: 5000))], behavior: nil)
        let p = PolicySpec(name: "web", kind: .hpa(ext), location: SourceLocation(file: "hpa.yaml", line: 3, column: 5))
        XCTAssertThrowsError(try SimFixture.run(SimFixture.scenario(policies: [p]), trace)) { e in
            XCTAssertTrue("\(e)".contains("'queue'") && "\(e)".contains("cpu"), "\(e)")
        }
        let ok = HPASpec(name: "web", target: "deployment/other", maxReplicas: 5, metrics: [.resource(.cpu, .utilization(50))], behavior: nil)
        let run = try XCTUnwrap(SimFixture.run(hpaScenario(ok), trace).first)
        XCTAssertTrue(run.warnings.contains { $0.contains("deployment/other") }, "\(run.warnings)")
        XCTAssertTrue(run.warnings.contains { $0.contains("no more than one controller period") }, "\(run.warnings)")
    }

    /// An HPA without metrics is the Kubernetes default, cpu Utilization 80 % (HPA.md):
    /// it runs exactly like one that says so.
    func testHPAWithoutMetricsRunsAsCPU80() throws {
        let trace = SimFixture.trace(count: 40, ["cpu": (0..<40).map { 0.5 + Double($0 % 10) * 0.3 }])
        var empty = HPASpec(name: "web", target: nil, maxReplicas: 10, metrics: [.resource(.memory, .utilization(50))], behavior: nil)
        empty.metrics = []
        let explicit = HPASpec(name: "web", target: nil, maxReplicas: 10, metrics: [.resource(.cpu, .utilization(80))], behavior: nil)
        XCTAssertEqual(empty, explicit, "emptying the metrics restores the default")
        let a = try XCTUnwrap(SimFixture.run(hpaScenario(empty), trace).first)
        let b = try XCTUnwrap(SimFixture.run(hpaScenario(explicit), trace).first)
        XCTAssertEqual(a.series[\.desiredReplicas], b.series[\.desiredReplicas])
        XCTAssertGreaterThan(a.summary.scalingActions, 0, "the default metric drives scaling")
    }

    /// An External AverageValue metric on rps: ceil(rps / 100) banded against status.
    func testExternalMetricOnNamedSeries() throws {
        let rps: [Double] = [250, 250, 250, 250, 620, 620, 620, 620]
        let trace = SimFixture.trace(count: 8, ["rps": rps, "cpu": rps.map { $0 * 0.002 }])
        let hpa = HPASpec(name: "web", target: nil, minReplicas: 1, maxReplicas: 20,
                          metrics: [.external(series: "rps", .averageValue(milli: 100_000))], behavior: nil)
        var sc = hpaScenario(hpa)
        sc.workload.initialReplicas = 3
        let run = try XCTUnwrap(SimFixture.run(sc, trace).first)
        // t0: 250 / (100 × 3) = 0.83 → out of band → ceil(2.5) = 3 = spec. t4: ceil(6.2) = 7 (limit 6!) → 6.
        XCTAssertEqual(Array(run.series[\.desiredReplicas][0...4]), [3, 3, 3, 3, 6])
        // t5: 620 / (100 × 6) = 1.033 in band → raw 6, but the legacy stabilizer takes the
        // max of the recommendations of the last 5 minutes, which holds t4's raw 7 → 7.
        XCTAssertEqual(run.series[\.desiredReplicas][5], 7)
        XCTAssertEqual(run.decisions.map(\.to), [6, 7])
    }

    /// The same load with a 15 s metrics lag: each sync sees the previous step, and pods
    /// whose sample predates their readiness count as unready (HPA.md §12).
    func testMetricsLagDelaysTheHPAByOneSync() throws {
        let cpu = (0..<20).map { $0 >= 4 ? 3.0 : 1.0 }
        let trace = SimFixture.trace(count: 20, ["cpu": cpu])
        let hpa = HPASpec(name: "web", target: "deployment/web", minReplicas: 1, maxReplicas: 10,
                          metrics: [.resource(.cpu, .utilization(50))], behavior: nil)
        var sc = hpaScenario(hpa)
        sc.metrics = MetricsPipelineSpec(window: .zero, lag: .seconds(15))
        let run = try XCTUnwrap(SimFixture.run(sc, trace).first)
        // t4 sees step 3 (50 %) → 2. t5 sees step 4 (1 core per pod, 100 %) → 4.
        // t6: 2 starting → rebalanced 50 % → 4. t7: the new pods are ready but their
        // sample (t6) predates readiness → unready → rebalanced 50 % → 4.
        // t8 sees step 7 (4 pods, 0.75 each) → 75 % → 6; t9, t10 rebalance to 50 % → 6.
        var expected = [Int32](repeating: 6, count: 20)
        for i in 0..<5 { expected[i] = 2 }
        for i in 5..<8 { expected[i] = 4 }
        XCTAssertEqual(run.series[\.desiredReplicas], expected)
    }

    /// A Pods metric reads a named total spread over ready pods: 900 over 3 pods = 300
    /// each against 100 → ceil(3 × 3) = 9, bounded by the legacy limit max(2 × 3, 4) = 6.
    /// Then 900 over 6 ready pods = 150 → ratio 1.5 → ceil(9) = 9 (limit 12).
    func testPodsMetricDividesTheSeriesOverReadyPods() throws {
        let trace = SimFixture.trace(count: 6, ["cpu": SimFixture.constant(1, 6), "queue": SimFixture.constant(900, 6)])
        let hpa = HPASpec(name: "web", target: nil, minReplicas: 1, maxReplicas: 50,
                          metrics: [.pods(series: "queue", .averageValue(milli: 100_000))], behavior: nil)
        var sc = hpaScenario(hpa)
        sc.workload.initialReplicas = 3
        sc.workload.startupDelay = .seconds(15)
        let run = try XCTUnwrap(SimFixture.run(sc, trace).first)
        // t0 → 6 (3 starting until t1). t1: 6 ready → 150 each → 9.
        XCTAssertEqual(Array(run.series[\.desiredReplicas][0...2]), [6, 9, 9])
    }
}
