import Foundation
import HindsightScenario
import HindsightTrace
@testable import HindsightSim

extension SimFixture {
    /// A day at 15 s of a noisy diurnal load (rps 400 ± 350 over the day, +150 in every
    /// other 700-step block, ±15 % noise from `seed`), one step in about `gapEvery`
    /// missing, optionally a constant 500 rps in every third 240-step block (the same
    /// value step after step); cpu = 0.002 core per request. With `step` a minute, the
    /// same day in 1,440 steps (blocks of the same length in time).
    static func noisyDay(seed: UInt64, gapEvery: Int, plateaus: Bool = false, step: SimDuration = .seconds(15)) -> Trace {
        let n = Int(86_400_000 / step.milliseconds)
        var g = HPALazyReasonTests.LCG(s: seed)
        let rps = (0..<n).map { i -> Double in
            let at15s = i * 5_760 / n   // the step's index in 15 s steps
            if g.next(gapEvery) == 0 { return .nan }   // missing samples
            if plateaus, at15s / 240 % 3 == 1 { return 500 }
            let base = 400 + 350 * sin(Double(at15s) / 5_760 * 2 * Double.pi) + (at15s / 700 % 2 == 0 ? 150 : 0)
            return base * (0.85 + 0.3 * Double(g.next(1000)) / 1000)
        }
        return trace(step: step, count: n, ["rps": rps, "cpu": rps.map { $0 * 0.002 }])
    }

    /// An intensity that changes every hour of `trace`'s day: `base + rise × (hour mod cycle)`.
    static func hourlyEnvironment(_ trace: Trace, base: Double, rise: Double, cycle: Int) -> SimEnvironment {
        let hours = (0..<24).map { trace.start + .hours(Int64($0)) }
        return SimEnvironment(intensity: StepSeries(times: hours, values: hours.indices.map { base + rise * Double($0 % cycle) }))
    }

    /// The HPA behaviors the equality tests run: legacy (none), the defaults, and a 60 s
    /// scale-down window with the default scale-down policies.
    static let hpaBehaviors: [HPABehavior?] = [nil, HPABehavior(), HPABehavior(scaleDown: HPAScalingRules(
        stabilizationWindowSeconds: 60, policies: HPAScalingRules.defaultScaleDown.policies))]

    /// Runs `hpa` (2 pods at the start) on the engine directly, after `configure` sets the
    /// switch under test; returns the run and the engine for its counters.
    static func runHPA(_ hpa: HPASpec, scenario: Scenario, setup: RunSetup,
                       configure: (inout SimulationEngine<HPAPolicyController>) -> Void)
        throws -> (summary: RunSummary, series: RunSeries, decisions: [Decision], engine: SimulationEngine<HPAPolicyController>) {
        let c = HPAPolicyController(spec: hpa, scenario: scenario, initialReplicas: 2, start: setup.trace.start)
        var e = SimulationEngine(setup: setup, controller: c, initialReplicas: 2, seriesNames: [])
        configure(&e)
        let (summary, series, decisions) = try e.run()
        return (summary, series, decisions, e)
    }
}
