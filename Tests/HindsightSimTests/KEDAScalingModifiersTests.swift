import HindsightTrace
import XCTest
@testable import HindsightSim
import HindsightScenario

/// `advanced.scalingModifiers` in the simulator: one composite metric, activity from the
/// formula against `activationTarget`, values worked by hand.
final class KEDAScalingModifiersTests: XCTestCase {
    /// Triggers `queue` (series q) and `running` (series r); formula max(queue / 2, running).
    private func so(activationTarget: Double = 0, min: Int32 = 0) throws -> ScaledObjectSpec {
        var s = ScaledObjectSpec(name: "so", target: "deployment/test", triggers: [
            KEDATrigger(name: "queue", kind: .prometheus(series: "q", threshold: 1, activationThreshold: 0)),
            KEDATrigger(name: "running", kind: .prometheus(series: "r", threshold: 1, activationThreshold: 0)),
            KEDATrigger(name: nil, metricType: .utilization, kind: .resource(.cpu, .utilization(70))),
        ])
        var m = ScaledObjectSpec.ScalingModifiers(formula: try ScalingFormula(text: "max(queue / 2, running)"), target: 4)
        m.activationTarget = activationTarget
        s.scalingModifiers = m
        s.minReplicaCount = min
        return s
    }

    func testTheHPAGetsOneCompositeMetricBesideCPU() throws {
        XCTAssertEqual(KEDAController.hpaSpec(for: try so()).metrics,
                       [.resource(.cpu, .utilization(70)), .external(series: "composite-metric", .averageValue(milli: 4_000))])
    }

    func testActivityComesFromTheFormulaAgainstActivationTarget() throws {
        var k = KEDAController(spec: try so(activationTarget: 3), kubernetes: HPAT.kube(), initialReplicas: 0, start: .epoch)
        // max(4 / 2, 3) = 3, not above 3: inactive, stays at 0.
        XCTAssertNil(k.poll(now: .epoch, specReplicas: 0, totals: ["q": 4, "r": 3]))
        // max(8 / 2, 3) = 4 > 3: active, 0 → 1.
        XCTAssertEqual(k.poll(now: .epoch + .seconds(30), specReplicas: 0, totals: ["q": 8, "r": 3])?.replicas, 1)
        // A trigger without a value fails the composite: nothing changes.
        XCTAssertNil(k.poll(now: .epoch + .seconds(60), specReplicas: 1, totals: ["q": 8]))
    }

    func testTheSyncFeedsTheCompositeValue() throws {
        var k = KEDAController(spec: try so(min: 1), kubernetes: HPAT.kube(), initialReplicas: 3, start: .epoch)
        // composite = max(40 / 2, 6) = 20 against 4 per pod: ceil(20 / 4) = 5 replicas
        // (under the legacy scale-up limit max(2 × 3, 4) = 6).
        let out = k.sync(now: .epoch, specReplicas: 3, statusReplicas: 3, pods: HPAT.readyPods(3),
                         readings: HPAT.totals(["q": 40, "r": 6]))
        XCTAssertEqual(out.desired, 5)
    }
}
