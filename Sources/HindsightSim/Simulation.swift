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
    ///   allow, or for a policy the trace cannot drive: a metric naming a series the trace lacks, an HPA without metrics,
    ///   `observed` without recorded replicas, an unsupported policy kind.
    /// - Complexity: O(policies × events · log events).
    public static func run(scenario: Scenario, trace: Trace, environment: SimEnvironment,
                           policies: [PolicySpec]? = nil, jobs: Int = 1, strict: Bool = false,
                           exec: ExecPermission = .deny) throws -> ScenarioResult {
        let list = (policies ?? scenario.policies).map { bindSeries($0, trace: trace) }
        var setup = try RunSetup.make(scenario: scenario, trace: trace, environment: environment)
        setup.strict = strict
        setup.exec = exec
        for policy in list { try requirePermission(policy, setup: setup) }
        for policy in list { try validate(policy, setup: setup) }
        var runs = try runAll(list, setup: setup, jobs: jobs)
        applyFidelity(&runs, policies: list, setup: setup)
        return ScenarioResult(scenario: scenario, traceStart: trace.start, traceStep: trace.step,
                              traceCount: trace.count, runs: runs)
    }

    /// Runs `list` with at most `jobs` at once; results in list order.
    static func runAll(_ list: [PolicySpec], setup: RunSetup, jobs: Int) throws -> [RunResult] {
        let workers = max(1, min(jobs, list.count))
        if workers <= 1 { return try list.map { try PolicyRunner.run($0, setup: setup) } }
        let box = ResultBox(count: list.count)
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var i = w
            while i < list.count {
                box.store(i, Result { try PolicyRunner.run(list[i], setup: setup) })
                i += workers
            }
        }
        return try box.results()
    }

    /// Sets every run's `latencyMAPE` to the fidelity under observed replicas.
    static func applyFidelity(_ runs: inout [RunResult], policies: [PolicySpec], setup: RunSetup) {
        guard setup.trace.series["latencyP99"] != nil, setup.trace.series["replicas"] != nil,
              setup.latencyKind != .none else { return }
        var mape: Double?? = nil
        if let k = policies.firstIndex(where: { if case .observed = $0.kind { true } else { false } }) {
            mape = .some(runs[k].summary.latencyMAPE)
        } else if let r = try? PolicyRunner.run(PolicySpec(name: "observed", kind: .observed), setup: setup) {
            mape = .some(r.summary.latencyMAPE)
        }
        guard let value = mape else { return }
        for k in runs.indices { runs[k].summary.latencyMAPE = value }
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
