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
    let latency: any LatencyModel
    let latencyKind: LatencySpec.Model
    /// The trace's `memory` series (bytes, workload total), if any.
    let memory: [Double]?
    /// The trace's recorded `latencyP99` (ms), if any, for the fidelity error.
    let recordedLatency: [Double]?
    /// USD per pod-hour under the `resources` model (before the multiplier).
    let podHourPrice: Double
    /// Pods per instance under the `instance` model (≥ 1), or nil for `resources`.
    let podsPerInstance: Int?
    /// Watts of a ready pod at u = 0 and the extra watts at u = 1.
    let idleWatts: Double
    let dynamicWatts: Double
    /// Memory request in GB (10⁹ bytes) and GiB.
    let memoryGB: Double
    let memoryGiB: Double
    /// `--strict`: a hosted model that cannot run offline is an error, not a warning.
    var strict = false
    /// Which external agents may start (`Simulation.run(exec:)`).
    var exec: ExecPermission = .deny
}
