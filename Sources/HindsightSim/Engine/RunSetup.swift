import HindsightScenario
import HindsightTrace

/// Everything shared by the runs of one scenario: the trace, its load model, the
/// environment and the derived constants of the accounting. Immutable and `Sendable`,
/// so parallel runs read it without copying.
struct RunSetup: Sendable {
    let scenario: Scenario
    let trace: Trace
    let load: LoadModel
    let environment: SimEnvironment
    /// The latency model (a `var` so the hold-out check can swap in one fitted on part of the trace).
    var latency: any LatencyModel
    let latencyKind: LatencySpec.Model
    /// The trace's `memory` series (bytes, workload total), if any.
    let memory: [Double]?
    /// The trace's recorded `latencyP99` (ms), if any, for the fidelity error.
    let recordedLatency: [Double]?
    /// Prices billed pods (resources or instance pricing, with the price multiplier).
    let cost: any CostModel
    /// Watts and kWh of the fleet (CCF).
    let power: PowerModel
    /// Operational and embodied emissions (intensity series).
    let carbon: CarbonModel
    /// `--strict`: a hosted model that cannot run offline is an error, not a warning.
    var strict = false
    /// Which external agents may start (`Simulation.run(exec:)`).
    var exec: ExecPermission = .deny
    /// Keep one row per step (`RunResult.series`); false for sweep points, which keep
    /// only their summary (the summary comes from running totals, never from the rows).
    var keepSeries = true
    /// Where each step's row goes as the run advances (one sink per run), if anywhere.
    var sink: (any StepSink)? = nil
    /// The M/M/c waits of every step, shared by the points of a sweep (nil: computed per segment).
    var erlangC: ErlangCTable? = nil
    /// The values of whole steady steps, shared by the points of a sweep (nil: each run
    /// computes every segment; the same values either way).
    var steady: SteadyStepTable? = nil
}
