import Foundation
import HindsightScenario
import HindsightTrace
import XCTest
@testable import HindsightSim

/// The engine computes the tick's CPU projection only when it changes the history
/// (`SimulationEngine.defersProjection`): the history, and so every row, decision and
/// summary, must be those of computing it at every tick. And the readings' rounding
/// without the library call must give the same integers.
final class DeferredProjectionTests: XCTestCase {
    typealias LCG = HPALazyReasonTests.LCG

    /// `set(v, at: t, after: p)` against `set(p, at: t)` then `set(v, at: t)`, on values
    /// that repeat often (NaN included) and do not add up exactly, read back over many
    /// windows bit for bit.
    func testSetAfterEqualsTheTwoSets() {
        var g = LCG(s: 3)
        let values: [Double] = [0.1, 0.7, 1.0 / 3, .nan]
        var splits = 0
        for _ in 0..<300 {
            var eager = SignalHistory(reach: .seconds(40)), lazy = eager
            var t = SimInstant.epoch
            for _ in 0..<60 {
                t = t + .milliseconds(Int64(g.next(4)) * 2_500)
                let p = values[g.next(4)], v = values[g.next(4)]
                if lazy.repeatsLast(v) && !lazy.repeatsLast(p) { splits += 1 }
                eager.set(p, at: t)
                eager.set(v, at: t)
                lazy.set(v, at: t, after: p)
                for _ in 0..<4 {
                    let to = t - .milliseconds(Int64(g.next(16)) * 1_250)
                    let from = to - .milliseconds(Int64(g.next(20)) * 1_500)
                    let a = eager.mean(from: from, to: to), b = lazy.mean(from: from, to: to)
                    XCTAssertTrue(a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN), "mean [\(from), \(to)): \(a) vs \(b)")
                    let x = eager.value(at: to), y = lazy.value(at: to)
                    XCTAssertTrue(x.bitPattern == y.bitPattern || (x.isNaN && y.isNaN))
                }
            }
        }
        XCTAssertGreaterThan(splits, 1_000, "the split case must occur")
    }

    /// Noisy load with plateaus and gaps, pods ready mid-step (40 s start, 10 s of them
    /// Running-not-Ready), 20 s termination, legacy and `behavior` HPAs, three pipelines:
    /// every row, every decision and the summary are the same with the projection deferred
    /// and computed at every tick.
    func testEngineIsTheSameWithTheProjectionDeferred() throws {
        let n = 5_760
        // Plateaus: the same value step after step.
        let trace = SimFixture.noisyDay(seed: 8, gapEvery: 89, plateaus: true)
        let behaviors: [HPABehavior?] = [nil, HPABehavior(scaleDown: HPAScalingRules(
            stabilizationWindowSeconds: 60, policies: HPAScalingRules.defaultScaleDown.policies))]
        let pipelines = [MetricsPipelineSpec(window: .seconds(30), lag: .seconds(15)),
                         MetricsPipelineSpec(window: .seconds(60), lag: .zero),
                         MetricsPipelineSpec(window: .zero, lag: .seconds(15))]
        var resolved = 0, scaled = 0
        for (k, behavior) in behaviors.enumerated() {
            for pipeline in pipelines {
                let hpa = HPASpec(name: "h\(k)", target: nil, minReplicas: 2, maxReplicas: 60,
                                  metrics: [.resource(.cpu, .utilization(Int32(50 + 10 * k)))], behavior: behavior)
                let scenario = SimFixture.hpaScenario(hpa, startup: .seconds(40), readiness: .seconds(10),
                                                      termination: .seconds(20), pipeline: pipeline)
                let setup = try RunSetup.make(scenario: scenario, trace: trace, environment: SimFixture.env())
                func run(deferred: Bool) throws -> (RunSummary, RunSeries, [Decision], Int) {
                    let r = try SimFixture.runHPA(hpa, scenario: scenario, setup: setup) {
                        XCTAssertTrue($0.defersProjection, "one timer and a pipeline that cannot see the projection")
                        $0.defersProjection = deferred
                    }
                    return (r.summary, r.series, r.decisions, r.engine.projectionsResolved)
                }
                let (fast, fastSeries, fastDecisions, count) = try run(deferred: true)
                let (slow, slowSeries, slowDecisions, _) = try run(deferred: false)
                XCTAssertEqual(fastSeries.rows.count, n)
                XCTAssertEqual("\(fastSeries.rows)", "\(slowSeries.rows)")   // every field of every row, NaN included
                XCTAssertEqual(fastDecisions, slowDecisions)
                XCTAssertEqual("\(fast)", "\(slow)")
                XCTAssertGreaterThan(fast.scalingActions, 10, "the trace must scale both ways")
                resolved += count
                scaled += fast.scalingActions
            }
        }
        XCTAssertGreaterThan(resolved, 100, "the projection must have been needed some of the time")
        XCTAssertGreaterThan(scaled, 60)
    }

    /// A pipeline that reads the instant value (window 0, lag 0) sees the projection: not deferred.
    func testTheInstantPipelineComputesTheProjection() throws {
        let trace = SimFixture.trace(count: 8, ["rps": SimFixture.constant(100, 8), "cpu": SimFixture.constant(0.2, 8)])
        let hpa = HPASpec(name: "h", target: nil, minReplicas: 1, maxReplicas: 5, metrics: [.resource(.cpu, .utilization(60))], behavior: nil)
        let scenario = SimFixture.scenario(policies: [PolicySpec(name: "h", kind: .hpa(hpa))]) {
            $0.metrics = MetricsPipelineSpec(window: .zero, lag: .zero)
        }
        let setup = try RunSetup.make(scenario: scenario, trace: trace, environment: SimFixture.env())
        let c = HPAPolicyController(spec: hpa, scenario: scenario, initialReplicas: 1, start: trace.start)
        XCTAssertFalse(SimulationEngine(setup: setup, controller: c, initialReplicas: 1, seriesNames: []).defersProjection)
    }

    /// `roundedSaturatingInt64` against `saturatingInt64(x.rounded())`: halves, both signs,
    /// the 2^52 edge, huge values, infinities and NaN, and random values.
    func testRoundingWithoutTheLibraryCall() {
        var cases: [Double] = [0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, 0.49999999999999994, 4_503_599_627_370_495.5,
                               4_503_599_627_370_496, -4_503_599_627_370_497, 9.3e18, -9.3e18, 1e300,
                               .infinity, -.infinity, .nan, .ulpOfOne, -.leastNonzeroMagnitude]
        var g = LCG(s: 17)
        for _ in 0..<50_000 {
            let scale = pow(10, Double(g.next(19)))
            let x = (Double(g.next(2_000_001)) - 1_000_000) / 1_000 * scale
            cases.append(x)
            cases.append(x.rounded(.down) + 0.5)
        }
        for x in cases {
            XCTAssertEqual(HPAQuantity.roundedSaturatingInt64(x), HPAQuantity.saturatingInt64(x.rounded()), "\(x)")
        }
    }
}
