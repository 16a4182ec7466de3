import HindsightScenario
import HindsightTrace

extension PreparedScenario {
    /// Runs each policy in its own simulation over the prepared trace.
    ///
    /// The policies may be the scenario's (`nil`), a selection (`select(_:)`), or specs
    /// from elsewhere (a baseline and a candidate loaded from policy files, patched
    /// copies of a sweep). Runs are independent and deterministic: the results are
    /// identical for every `jobs` value, and identical to `Simulation.run` with the same
    /// inputs. Every run's fidelity numbers (`latencyMAPE`, `cpuMAPE`, hold-out skill, …)
    /// are the models' error under the *observed* replicas (SEMANTICS.md §2,
    /// ``ModelFidelity``), computed once per prepared scenario.
    /// - Parameters:
    ///   - policies: what to run, in output order; nil = the scenario's policies.
    ///   - jobs: how many runs may execute at once (≥ 1).
    ///   - strict: a hosted `aiAgent.modelRef` (which cannot run offline) is an error
    ///     instead of a warning with a reactive run.
    ///   - exec: which external agents (`exec:` policies, `modelRef: "exec:…"`) may start;
    ///     default `.deny` (see `ExecPermission.run` and `.check`).
    /// - Returns: one `RunResult` per policy, in the order given.
    /// - Throws: an `InputError` (file:line:col where known) for an agent `exec` does not
    ///   allow or a policy the trace cannot drive, before any run starts.
    /// - Complexity: O(policies × events · log events); the shared inputs are not rebuilt.
    public func run(_ policies: [PolicySpec]? = nil, jobs: Int = 1, strict: Bool = false,
                    exec: ExecPermission = .deny) throws -> ScenarioResult {
        try run(policies, jobs: jobs, strict: strict, exec: exec, keepSeries: true)
    }

    /// `run(_:jobs:strict:exec:)`, keeping each run's per-step rows only when `keepSeries`
    /// (sweep points keep their summaries alone: same numbers, empty `series`), reading the
    /// M/M/c waits from `erlangC` and whole steady steps from `steady` when given (the same values).
    func run(_ policies: [PolicySpec]?, jobs: Int, strict: Bool, exec: ExecPermission,
             keepSeries: Bool, sinks: (@Sendable (Int) -> (any StepSink)?)? = nil,
             erlangC: ErlangCTable? = nil, steady: SteadyStepTable? = nil) throws -> ScenarioResult {
        precondition(jobs >= 1, "PreparedScenario.run: jobs must be at least 1, got \(jobs)")
        let list = (policies ?? scenario.policies).map { Simulation.bindSeries($0, trace: trace) }
        var setup = self.setup
        setup.strict = strict
        setup.exec = exec
        setup.keepSeries = keepSeries
        setup.erlangC = erlangC
        setup.steady = steady
        for policy in list { try Simulation.requirePermission(policy, setup: setup) }
        for policy in list { try Simulation.validate(policy, setup: setup) }
        var runs = try Simulation.runAll(list, setup: setup, jobs: jobs, sinks: sinks)
        let found = fidelity.value(computing: { Simulation.observedFidelity(runs, policies: list, setup: setup) })
        for k in runs.indices {
            // Without an observed replay there is no CPU fidelity: a policy's own CPU error
            // says nothing about the model.
            if let found { found.apply(to: &runs[k].summary) } else { runs[k].summary.cpuMAPE = nil }
        }
        return ScenarioResult(scenario: scenario, grid: trace.grid, runs: runs, fidelity: found)
    }
}
