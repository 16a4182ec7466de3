import Foundation
import HindsightScenario
import HindsightTrace
import XCTest
@testable import HindsightSim

/// The engine's steady tick (an unchanged pod list, a cpu-only HPA: the clock, the counts
/// and the CPU reading handed over without the whole context) must decide exactly as the
/// full tick, and the run must be the same to the last bit with it and without it.
final class SteadyTickTests: XCTestCase {
    /// A day of a noisy diurnal load with gaps, pods that start for 45 s (15 s of them
    /// Running-not-Ready) and terminate for 20 s, an intensity that changes every hour,
    /// legacy and `behavior` HPAs under two metrics pipelines: every step's replica counts,
    /// the decisions and the summary are identical with the steady tick on and off.
    func testRunsAreIdenticalWithAndWithoutTheSteadyTick() throws {
        let n = 5_760
        let trace = SimFixture.noisyDay(seed: 9, gapEvery: 89)
        let env = SimFixture.hourlyEnvironment(trace, base: 200, rise: 15, cycle: 7)
        let behaviors = SimFixture.hpaBehaviors
        let pipelines = [MetricsPipelineSpec(), MetricsPipelineSpec(window: .zero, lag: .zero)]
        var scaled = 0
        for (p, pipeline) in pipelines.enumerated() {
            for (k, behavior) in behaviors.enumerated() {
                let hpa = HPASpec(name: "h\(k)", target: nil, minReplicas: 2, maxReplicas: 60,
                                  metrics: [.resource(.cpu, .utilization(Int32(45 + 10 * k)))], behavior: behavior)
                let scenario = SimFixture.hpaScenario(hpa, startup: .seconds(45), readiness: .seconds(15),
                                                      termination: .seconds(20), pipeline: pipeline)
                let setup = try RunSetup.make(scenario: scenario, trace: trace, environment: env)
                func run(steady: Bool, keeps: Bool = true)
                    throws -> (RunSummary, RunSeries, [Decision], answered: Int, pending: Int) {
                    let r = try SimFixture.runHPA(hpa, scenario: scenario, setup: setup) {
                        XCTAssertTrue($0.steadyTicks, "a cpu-only HPA takes steady ticks")
                        $0.steadyTicks = steady
                        $0.controller.hpa.steadyKeeps = keeps
                    }
                    return (r.summary, r.series, r.decisions, r.engine.steadyTicksAnswered, r.engine.controller.hpa.keepsLeftPending)
                }
                let fast = try run(steady: true)
                let slow = try run(steady: false)
                let label = "pipeline \(p), behavior \(k)"
                // Steady syncs that keep spec with every push made at once: the same run.
                let pushing = try run(steady: true, keeps: false)
                XCTAssertEqual(pushing.1[\.desiredReplicas], fast.1[\.desiredReplicas], label)
                XCTAssertEqual(pushing.2, fast.2, label)
                XCTAssertEqual("\(pushing.0)", "\(fast.0)", label)
                XCTAssertEqual(pushing.pending, 0, label)
                XCTAssertEqual(fast.pending > n / 4, behavior != nil, "\(label): steady keeps leave their push pending")
                XCTAssertEqual(fast.1[\.desiredReplicas], slow.1[\.desiredReplicas], label)
                XCTAssertEqual(fast.1[\.readyReplicas], slow.1[\.readyReplicas], label)
                XCTAssertEqual(fast.1[\.totalReplicas], slow.1[\.totalReplicas], label)
                XCTAssertEqual(fast.1[\.costUSD], slow.1[\.costUSD], label)
                XCTAssertEqual(fast.2, slow.2, label)
                XCTAssertEqual("\(fast.0)", "\(slow.0)", label)   // every number, NaN included, to the last bit of its text
                XCTAssertEqual(slow.answered, 0, label)
                XCTAssertGreaterThan(fast.answered, n / 2, "\(label): the steady tick must answer most syncs")
                XCTAssertLessThan(fast.answered, n, "\(label): and decline some (starting pods, changed pod lists)")
                XCTAssertGreaterThan(fast.0.scalingActions, 10, "\(label): the trace must scale both ways")
                scaled += fast.0.scalingActions
            }
        }
        XCTAssertGreaterThan(scaled, 60)
    }

    /// Controllers that read more than the CPU reading never get a steady tick.
    func testOnlyCPUOnlyHPAsTakeSteadyTicks() throws {
        let trace = SimFixture.trace(count: 40, ["rps": Array(repeating: 300, count: 40), "mem": Array(repeating: 1e9, count: 40)])
        let cpu = HPASpec(name: "c", target: nil, minReplicas: 1, maxReplicas: 9, metrics: [.resource(.cpu, .utilization(60))], behavior: nil)
        let memory = HPASpec(name: "m", target: nil, minReplicas: 1, maxReplicas: 9,
                             metrics: [.resource(.cpu, .utilization(60)), .resource(.memory, .utilization(70))], behavior: nil)
        let pods = HPASpec(name: "p", target: nil, minReplicas: 1, maxReplicas: 9,
                           metrics: [.pods(series: "mem", .averageValue(milli: 500_000))], behavior: nil)
        for (spec, expected) in [(cpu, true), (memory, false), (pods, false)] {
            let scenario = SimFixture.hpaScenario(spec, startup: .seconds(30), readiness: .zero, termination: .zero)
            let c = HPAPolicyController(spec: spec, scenario: scenario, initialReplicas: 2, start: trace.start)
            XCTAssertEqual(c.takesSteadyTicks, expected, spec.name)
        }
        XCTAssertFalse(StaticController(replicas: 2).takesSteadyTicks)
    }
}
