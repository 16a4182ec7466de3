import HindsightScenario
@testable import HindsightSim
import HindsightTrace
import XCTest

/// Hand-worked cases of SEMANTICS.md §5 (AIOptimizationPolicy).
final class AIOptimizationControllerTests: XCTestCase {
    let minute = SimDuration.minutes(1)

    /// The seed policy's shape: down on costEfficiency (< 60 % for 1 h), up on performance (> 200 ms).
    func seed(step: AIOptimizationSpec.Step = .replicas(1), min: Int = 1, max: Int = 100) -> AIOptimizationSpec {
        var spec = AIOptimizationSpec(
            name: "smart", targetWorkload: nil,
            goals: [
                .init(type: .costEfficiency, metric: .cpuUtilizationAvg, threshold: 60, window: .hours(1)),
                .init(type: .performance, metric: .latencyP99, threshold: 0.2, window: .minutes(1)),
            ],
            agentName: nil, model: .none, modelRef: "none",
            actions: [
                .init(direction: .down, ifCondition: .costEfficiency, step: step, cooldown: .minutes(5)),
                .init(direction: .up, ifCondition: .performance, step: step, cooldown: .minutes(1)),
            ])
        spec.minReplicas = min
        spec.maxReplicas = max
        return spec
    }

    func testCostEfficiencyWaitsForAFullHourBelowThreshold() {
        var c = AIOptimizationController(spec: seed(), horizon: .zero)
        // 40 % utilization every minute. The window (1 h) is covered once the oldest
        // sample is ≥ 59 min old: evaluations at t = 0 … 58 min do nothing, t = 59 min scales down.
        for k in 0..<59 {
            let r = c.evaluate(AIObservation(now: .epoch + k * minute, replicas: 5, ready: 5, cpuUtilization: 40, latencyP99: 0.05))
            XCTAssertEqual(r.replicas, 5, "minute \(k)")
        }
        let r = c.evaluate(AIObservation(now: .epoch + 59 * minute, replicas: 5, ready: 5, cpuUtilization: 40, latencyP99: 0.05))
        XCTAssertEqual(r.replicas, 4)
        XCTAssertTrue(r.reason.contains("down on costEfficiency"), r.reason)
    }

    func testMeanAboveThresholdDoesNotScaleDown() {
        var c = AIOptimizationController(spec: seed(), horizon: .zero)
        // Half the hour at 30 %, half at 95 %: mean 62.5 % ≥ 60 % → no scale-down.
        var last = 5
        for k in 0..<60 {
            let u: Double = k < 30 ? 30 : 95
            last = c.evaluate(AIObservation(now: .epoch + k * minute, replicas: 5, ready: 5, cpuUtilization: u, latencyP99: 0.05)).replicas
        }
        XCTAssertEqual(last, 5)
    }

    func testDownCooldownIsFiveMinutes() {
        var c = AIOptimizationController(spec: seed(), horizon: .zero)
        var replicas = 10
        var scaledAt: [Int] = []
        for k in 0..<75 {
            let r = c.evaluate(AIObservation(now: .epoch + k * minute, replicas: replicas, ready: replicas, cpuUtilization: 20, latencyP99: 0.05))
            if r.replicas != replicas { scaledAt.append(k); replicas = r.replicas }
        }
        // First at 59 min, then every 5 min: 64, 69, 74.
        XCTAssertEqual(scaledAt, [59, 64, 69, 74])
        XCTAssertEqual(replicas, 6)
    }

    func testUpWinsOverDownAndUsesItsOwnCooldown() {
        var c = AIOptimizationController(spec: seed(), horizon: .zero)
        var replicas = 8
        for k in 0..<59 {
            replicas = c.evaluate(AIObservation(now: .epoch + k * minute, replicas: replicas, ready: replicas, cpuUtilization: 20, latencyP99: 0.05)).replicas
        }
        XCTAssertEqual(replicas, 8)
        // At 59 min both goals hold (mean 20 % < 60 %, latency 0.3 s > 0.2 s): up wins.
        let r = c.evaluate(AIObservation(now: .epoch + 59 * minute, replicas: 8, ready: 8, cpuUtilization: 20, latencyP99: 0.3))
        XCTAssertEqual(r.replicas, 9)
        XCTAssertTrue(r.reason.contains("wins over down"), r.reason)
        // 30 s later the up cooldown (1 min) has not passed.
        XCTAssertEqual(c.evaluate(AIObservation(now: .epoch + 59 * minute + .seconds(30), replicas: 9, ready: 8, cpuUtilization: 20, latencyP99: 0.3)).replicas, 9)
        // One minute after the last scale it fires again.
        XCTAssertEqual(c.evaluate(AIObservation(now: .epoch + 60 * minute, replicas: 9, ready: 8, cpuUtilization: 20, latencyP99: 0.3)).replicas, 10)
    }

    func testPercentStepRoundsUpAndClampsToBounds() {
        var c = AIOptimizationController(spec: seed(step: .percent(25), min: 2, max: 12), horizon: .zero)
        // 25 % of 10 = 2.5 → 3: 10 → 13, clamped to 12.
        let r = c.evaluate(AIObservation(now: .epoch, replicas: 10, ready: 10, cpuUtilization: 90, latencyP99: 0.5))
        XCTAssertEqual(r.replicas, 12)
        XCTAssertTrue(r.reason.contains("clamped"), r.reason)
        // 25 % of 3 = 0.75 → 1 (at least one).
        var d = AIOptimizationController(spec: seed(step: .percent(25), min: 1, max: 12), horizon: .zero)
        XCTAssertEqual(d.evaluate(AIObservation(now: .epoch, replicas: 3, ready: 3, cpuUtilization: 90, latencyP99: 0.5)).replicas, 4)
    }

    func testCarbonGoalShedsCapacityOnADirtyGrid() {
        var spec = seed()
        spec.goals = [.init(type: .carbonEfficiency, metric: .carbonIntensity, threshold: 400, window: .minutes(1))]
        spec.actions = [.init(direction: .down, ifCondition: .carbonEfficiency, step: .replicas(2), cooldown: .zero)]
        var c = AIOptimizationController(spec: spec, horizon: .zero)
        XCTAssertEqual(c.evaluate(AIObservation(now: .epoch, replicas: 6, ready: 6, carbonIntensity: 390)).replicas, 6)
        XCTAssertEqual(c.evaluate(AIObservation(now: .epoch + minute, replicas: 6, ready: 6, carbonIntensity: 450)).replicas, 4)
    }

    func testPredictiveModelScalesUpBeforeTheLoadArrives() {
        // A linear ramp of +10 rps per minute. Latency model: 0.1 s per (rps / ready / 10) —
        // i.e. latency = rps / (100 · ready). With 5 pods, latency passes 0.2 s at 100 rps.
        var spec = seed()
        spec.model = .linear
        let latency: (Double, Int) -> Double? = { load, ready in load / (100 * Double(ready)) }
        var reactive = AIOptimizationController(spec: seed(), horizon: 5 * minute)
        var predictive = AIOptimizationController(spec: spec, horizon: 5 * minute)
        var firstReactive: Int? = nil, firstPredictive: Int? = nil
        for k in 0..<12 {
            let rps = Double(k) * 10
            let o = AIObservation(now: .epoch + k * minute, replicas: 5, ready: 5, cpuUtilization: 70, latencyP99: latency(rps, 5), rps: rps)
            if reactive.evaluate(o, latencyAt: latency).replicas > 5, firstReactive == nil { firstReactive = k }
            if predictive.evaluate(o, latencyAt: latency).replicas > 5, firstPredictive == nil { firstPredictive = k }
        }
        // Reactive: latency 0.2 s is not > 0.2 s at k = 10; first above at k = 11.
        XCTAssertEqual(firstReactive, 11)
        // Predictive (5 min ahead): at k, predicted rps = 10(k + 5) > 100 from k = 6.
        XCTAssertEqual(firstPredictive, 6)
    }
}
