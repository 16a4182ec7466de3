import Dispatch
import Foundation
import HindsightScenario
import HindsightTrace

/// The simulator's entry point: replays one trace under each policy of a scenario.
///
/// ```swift
/// let env = SimEnvironment(intensity: StepSeries(constant: 379))
/// let result = try Simulation.run(scenario: scenario, trace: trace, environment: env, jobs: 4)
/// for run in result.runs { print(run.policy, run.summary.costUSD) }
/// ```
public enum Simulation {
    /// Runs every policy (or `policies`, if given) in its own simulation over `trace`.
    ///
    /// Runs are independent and deterministic: the results are identical for every
    /// `jobs` value and equal to running them one by one. The latency fidelity
    /// (`latencyMAPE`) of every run is the model's error against the recorded latency
    /// under the *observed* replicas (SEMANTICS.md §2); it needs `latencyP99` and
    /// `replicas` in the trace (with only `latencyP99`, each run's own error is given).
    /// - Parameters:
    ///   - jobs: how many runs may execute at once (≥ 1).
    ///   - strict: a hosted `aiAgent.modelRef` (which cannot run offline) is an error
    ///     instead of a warning with a reactive run.
    ///   - exec: which external agents (`exec:` policies, `modelRef: "exec:…"`) may start;
    ///     default `.deny`. Every policy's agent is checked before any run starts.
    /// - Throws: an `InputError` (file:line:col where known) for an agent `exec` does not
    ///   allow, or for a policy the trace cannot drive: a metric naming a series the trace
    ///   lacks, `observed` without recorded replicas, an unsupported policy kind.
    /// - Complexity: O(policies × events · log events).
    public static func run(scenario: Scenario, trace: Trace, environment: SimEnvironment,
                           policies: [PolicySpec]? = nil, jobs: Int = 1, strict: Bool = false,
                           exec: ExecPermission = .deny) throws -> ScenarioResult {
        try PreparedScenario(scenario: scenario, trace: trace, environment: environment)
            .run(policies, jobs: jobs, strict: strict, exec: exec)
    }

    /// Runs `list` with at most `jobs` at once; results in list order.
    /// Run `i` sends its rows to `sinks?(i)` when that is not nil. Under an empirical
    /// latency model each run also gets the warning of ``EmpiricalRangeTally``.
    static func runAll(_ list: [PolicySpec], setup: RunSetup, jobs: Int,
                       sinks: (@Sendable (Int) -> (any StepSink)?)? = nil) throws -> [RunResult] {
        let workers = max(1, min(jobs, list.count))
        let one: @Sendable (Int) throws -> RunResult = { i in
            var own = setup
            // An empirical latency model also counts the steps read beyond its fitted range.
            let tally = (setup.latency as? LatencyModelEmpirical).map { EmpiricalRangeTally($0, next: sinks?(i)) }
            own.sink = tally ?? sinks?(i)
            var run = try PolicyRunner.run(list[i], setup: own)
            if let warning = tally?.warning { run.warnings.append(warning) }
            return run
        }
        if workers <= 1 { return try list.indices.map(one) }
        let box = ResultBox(count: list.count)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var i = w
            while i < list.count {
                box.store(i, Result { try one(i) })
                i += workers
            }
        }
        return try box.results()
    }
}

/// Collects results of parallel runs by index (written once each, read after all finish).
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<RunResult, any Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ i: Int, _ r: Result<RunResult, any Error>) {
        lock.lock(); slots[i] = r; lock.unlock()
    }

    /// The results in order; rethrows the first error by index.
    func results() throws -> [RunResult] {
        lock.lock(); defer { lock.unlock() }
        return try slots.map { slot in
            guard let slot else { preconditionFailure("a parallel run produced no result") }
            return try slot.get()
        }
    }
}
