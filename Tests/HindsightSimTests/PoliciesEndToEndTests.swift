import Foundation
import HindsightScenario
import HindsightTrace
import XCTest
@testable import HindsightSim

/// Issue 5 end to end: scenarios and traces built in code with closed-form shapes, run
/// through `Simulation.run`, compared with values worked out by hand.
final class PoliciesEndToEndTests: XCTestCase {
    static let minute = SimDuration.minutes(1)

    /// The seed policy of design/seed-policy.yaml, as the loader defaults it.
    static func seed(model: AIOptimizationSpec.Model = .hosted("openai-gpt-4o"), dryRun: Bool = false) -> AIOptimizationSpec {
        var spec = AIOptimizationSpec(
            name: "smart-resource-scaling", targetWorkload: "deployment/my-api-service",
            goals: [.init(type: .costEfficiency, metric: .cpuUtilizationAvg, threshold: 60, window: .hours(1)),
                    .init(type: .performance, metric: .latencyP99, threshold: 0.2, window: .minutes(1))],
            agentName: "predictive-scaler-bot", model: model, modelRef: "openai-gpt-4o",
            actions: [.init(direction: .down, ifCondition: .costEfficiency, step: .replicas(1), cooldown: .minutes(5)),
                      .init(direction: .up, ifCondition: .performance, step: .replicas(1), cooldown: .minutes(1))])
        spec.dryRun = dryRun
        return spec
    }

    static func policy(_ spec: AIOptimizationSpec) -> PolicySpec {
        PolicySpec(name: spec.name, kind: .aiOptimization(spec))
    }

    /// A web workload: 0.004 core-seconds per request, pods of 500m serving 125 requests/s.
    static func web(_ policies: [PolicySpec], _ configure: (inout Scenario) -> Void = { _ in }) -> Scenario {
        SimFixture.scenario(cpuRequest: 0.5, policies: policies) {
            $0.workload.podCapacity = 125
            $0.workload.startupDelay = .seconds(30)
            $0.latency.model = .mmc
            $0.slo.latencyP99 = 0.2
            configure(&$0)
        }
    }

    /// rps with cpu = 0.004 × rps.
    static func webTrace(step: SimDuration = .seconds(15), rps: [Double], replicas: [Double]? = nil) -> Trace {
        var series = ["rps": rps, "cpu": rps.map { $0 * 0.004 }]
        if let replicas { series["replicas"] = replicas }
        return SimFixture.trace(step: step, count: rps.count, series)
    }

    // (a) The seed runs as written: its hosted model runs reactive with a warning; strict refuses it.
    func testSeedPolicyHostedModelWarnsAndRunsReactiveAndStrictRefusesIt() throws {
        // Two hours: 200 requests/s on 6 pods (27 % CPU): after the first hour of
        // low utilization costEfficiency scales down, one pod per 5 minutes.
        let trace = Self.webTrace(rps: SimFixture.constant(200, 480))
        let hosted = Self.web([Self.policy(Self.seed())]) { $0.workload.initialReplicas = 6 }
        let run = try XCTUnwrap(SimFixture.run(hosted, trace).first)
        XCTAssertTrue(run.warnings.contains { $0.contains("'openai-gpt-4o'") && $0.contains("hosted model") && $0.contains("reactive") },
                      "\(run.warnings)")
        // Reactive means: exactly what modelRef none does.
        let none = Self.web([Self.policy(Self.seed(model: .none))]) { $0.workload.initialReplicas = 6 }
        let reactive = try XCTUnwrap(SimFixture.run(none, trace).first)
        XCTAssertEqual(run.series[\.desiredReplicas], reactive.series[\.desiredReplicas])
        XCTAssertFalse(reactive.warnings.contains { $0.contains("hosted") })
        // By hand (metrics pipeline: 30 s window, 15 s lag, so the first utilization
        // reading is at the 1-minute evaluation): the 1 h window is covered when
        // now − 1 min ≥ 60 min − interval, at 60 min; utilization 200 × 0.004 / (6 × 0.5)
        // = 26.7 % < 60 % → 5. Then one fewer per 5-minute down cooldown: 4, 3, 2. At 80 min
        // the hour's mean is (40 × 26.7 + 5 × (32 + 40 + 53.3 + 80)) / 60 = 34.9 % → 1 pod,
        // which cannot serve 200 requests/s (125/s): latency > 200 ms, and "up" fires at
        // every evaluation after its 1-minute cooldown: 2, 3, 4 at 81, 82, 83 min.
        XCTAssertEqual(Array(run.decisions.map(\.to).prefix(8)), [5, 4, 3, 2, 1, 2, 3, 4])
        XCTAssertEqual(Array(run.decisions.map { ($0.time - trace.start) / Self.minute }.prefix(8)), [60, 65, 70, 75, 80, 81, 82, 83])
        XCTAssertTrue(run.decisions[4].reason.contains("down on costEfficiency"), run.decisions[4].reason)
        XCTAssertTrue(run.decisions[5].reason.contains("up on performance"), run.decisions[5].reason)

        let strictError = try XCTUnwrap(Result {
            try Simulation.run(scenario: hosted, trace: trace, environment: SimFixture.env(), strict: true)
        }.failure)
        XCTAssertTrue(strictError is any InputError, "\(type(of: strictError))")
        XCTAssertTrue("\(strictError)".contains("openai-gpt-4o"), "\(strictError)")
    }

    // (b) dryRun: the fleet is the recorded baseline; the policy's decisions are proposals.
    func testDryRunFollowsTheRecordedBaselineAndOnlyProposes() throws {
        // 400 requests/s; recorded replicas 2 (overloaded: 250 < 400) for 20 min, then 5.
        let n = 160
        let recorded = (0..<n).map { $0 < 80 ? 2.0 : 5.0 }
        let trace = Self.webTrace(rps: SimFixture.constant(400, n), replicas: recorded)
        let sc = Self.web([Self.policy(Self.seed(dryRun: true)), PolicySpec(name: "observed", kind: .observed)])
        let runs = try SimFixture.run(sc, trace)
        let dry = runs[0], observed = runs[1]
        XCTAssertEqual(dry.series[\.desiredReplicas], recorded.map { Int32($0) })
        XCTAssertEqual(dry.series[\.readyReplicas], observed.series[\.readyReplicas])
        XCTAssertEqual(dry.summary.costUSD, observed.summary.costUSD)
        XCTAssertEqual(dry.summary.sloViolationSeconds, observed.summary.sloViolationSeconds)
        let proposals = dry.decisions.filter(\.proposedOnly)
        // While 2 pods are overloaded the latency is far above 200 ms: "up" is proposed
        // from 2 to 3 at every evaluation after the 1-minute cooldown (the fleet stays 2).
        XCTAssertFalse(proposals.isEmpty)
        for p in proposals where p.time < trace.time(at: 80) {
            XCTAssertEqual(p.from, 2); XCTAssertEqual(p.to, 3)
        }
        // The first latency the policy sees is the worst since t0, at the 1-minute evaluation.
        XCTAssertEqual(proposals.first?.time, trace.start + Self.minute)
        // Every other decision is the baseline replayed (recorded replicas), never the policy's.
        for d in dry.decisions where !d.proposedOnly {
            XCTAssertTrue(d.reason.hasPrefix("dryRun baseline"), d.reason)
            XCTAssertEqual(Double(d.to), recorded[Int((d.time - trace.start) / trace.step)], d.reason)
        }
    }
}

extension Result where Success == ScenarioResult {
    var failure: Failure? { if case .failure(let e) = self { e } else { nil } }
}
