import HindsightScenario
import HindsightTrace
import XCTest
@testable import HindsightSim

/// The engine driving a KEDA ScaledObject (poll before sync at one instant), by hand.
final class SimKEDAIntegrationTests: XCTestCase {
    func testActivationFromZeroAndCooldownToZero() throws {
        // rps: 0 for 0–45 s, 250 for 60–165 s, 0 after.
        let rps = (0..<30).map { $0 >= 4 && $0 < 12 ? 250.0 : 0 }
        let trace = SimFixture.trace(count: 30, ["rps": rps, "cpu": rps.map { $0 * 0.001 }])
        var so = ScaledObjectSpec(name: "web", target: nil, triggers: [
            KEDATrigger(name: "rps", kind: .prometheus(series: "rps", threshold: 100, activationThreshold: 0)),
        ])
        so.cooldownPeriod = .minutes(1)
        so.pollingInterval = .seconds(30)
        let sc = SimFixture.scenario(cpuRequest: 0.5, policies: [PolicySpec(name: "web", kind: .scaledObject(so))]) {
            $0.metrics = MetricsPipelineSpec(window: .zero, lag: .zero)
            $0.workload.initialReplicas = 0
        }
        let run = try XCTUnwrap(SimFixture.run(sc, trace).first)
        // t60: poll sees 250 > 0 → 0 → 1; the HPA sync at the same instant: ceil(250/100) = 3.
        // t180: inactive, cooldown counts from the last active poll (150 s): 150 + 60 < t
        // first holds strictly at the poll of t240 → 0 (step 16). Until then the HPA's
        // 5-minute stabilization holds 3.
        var expected = [Int32](repeating: 0, count: 30)
        for i in 4..<16 { expected[i] = 3 }
        XCTAssertEqual(run.series[\.desiredReplicas], expected)
        XCTAssertEqual(run.decisions.map(\.to), [1, 3, 0])
        XCTAssertEqual(run.decisions.map(\.time), [trace.time(at: 4), trace.time(at: 4), trace.time(at: 16)])
        // Requests before the first pod is ready (t60 + 30 s startup) wait in the queue.
        XCTAssertEqual(run.series[\.readyReplicas][5], 0)
        XCTAssertEqual(run.series[\.readyReplicas][6], 3)
    }
}
