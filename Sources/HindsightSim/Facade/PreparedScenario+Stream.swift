import HindsightScenario

extension PreparedScenario {
    /// `run(_:jobs:strict:exec:)` with the per-step rows sent to sinks as each run
    /// advances instead of kept: run `i` (in the order of `policies`) records into
    /// `sinks(i)` (nil = the rows of that run go nowhere). The results carry empty
    /// `series`; summaries and decisions are those of `run(_:jobs:strict:exec:)`, and
    /// each sink receives exactly the rows that call would put in `series`.
    ///
    /// Memory no longer grows with steps × policies: each run holds its summary
    /// accumulators and decisions, each sink what it chooses to keep.
    /// - Throws: as `run(_:jobs:strict:exec:)`. A sink's own write errors are its owner's
    ///   to report once the runs return.
    /// - Complexity: O(policies × events · log events), plus the sinks' work per row.
    public func run(_ policies: [PolicySpec]?, jobs: Int = 1, strict: Bool = false, exec: ExecPermission = .deny,
                    sinks: @escaping @Sendable (Int) -> (any StepSink)?) throws -> ScenarioResult {
        try run(policies, jobs: jobs, strict: strict, exec: exec, keepSeries: false, sinks: sinks)
    }
}
