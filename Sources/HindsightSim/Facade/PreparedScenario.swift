import HindsightScenario
import HindsightTrace

/// A scenario made ready to simulate: the trace read and resampled, the grid intensity
/// and price series read, and everything the runs share (load model, latency tables,
/// per-pod prices and watts) derived once. Any number of policy sets can then be run
/// against it with `run(_:jobs:strict:)`; nothing that does not depend on the policy is
/// computed again, so a sweep may call `run` many times on one value.
///
/// Immutable and `Sendable`: several threads may call `run` at once.
///
/// ```swift
/// let prepared = try PreparedScenario.load(path: "scenarios/demo.yaml")
/// let result = try prepared.run(prepared.select(["checkout-api"]), jobs: 4)
/// for run in result.runs { print(run.policy, run.summary.costUSD) }
/// ```
public struct PreparedScenario: Sendable {
    /// The scenario as loaded (its own policies in `scenario.policies`).
    public let scenario: Scenario
    /// The trace on its grid, as every run reads it.
    public let trace: Trace
    /// Grid intensity and price multiplier series.
    public let environment: SimEnvironment
    /// The inputs shared by every run (`strict` is set per `run` call).
    let setup: RunSetup
    /// The latency fidelity under observed replicas, computed at most once.
    let fidelity: ObservedFidelity
    /// The M/M/c waits of every step, built by the first large sweep (`runPoints`).
    let erlangC: SharedErlangC

    /// Prepares `scenario` with a trace and environment already in hand (tests, benchmarks).
    /// - Throws: `InputMessage` naming the scenario field whose value cannot be used
    ///   (a non-positive cpuRequest, an instance a pod does not fit, `mmc` without rps, …).
    /// - Complexity: O(trace steps × series) for the load model and latency tables.
    public init(scenario: Scenario, trace: Trace, environment: SimEnvironment) throws {
        self.scenario = scenario
        self.trace = trace
        self.environment = environment
        self.setup = try RunSetup.make(scenario: scenario, trace: trace, environment: environment)
        self.fidelity = ObservedFidelity()
        self.erlangC = SharedErlangC()
    }

    /// Prepares `scenario`, reading its trace (file or dataset store) and its intensity
    /// and price files.
    /// - Throws: the `InputError` of the file that cannot be read or used.
    public init(scenario: Scenario) throws {
        try self.init(scenario: scenario, trace: Self.readTrace(for: scenario),
                      environment: Self.readEnvironment(for: scenario))
    }

    /// Loads the scenario file at `path` and prepares it.
    /// - Throws: `InputErrors` with every problem of the scenario and its policy files,
    ///   or the `InputError` of a trace, intensity or price file.
    public static func load(path: String) throws -> PreparedScenario {
        try PreparedScenario(scenario: ScenarioLoader.load(path: path))
    }
}
