import ArgumentParser
import Foundation

/// `--jobs N`, shared by the commands that run simulations side by side (`run`, `sweep`,
/// `tune`): one help text and one rule for the value.
struct JobsFlag: ParsableArguments {
    @Option(help: "Simulations run in parallel (default: the number of cores; the results are identical for any value).")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1, got \(jobs)") }
    }

    /// `--jobs`, or the number of cores.
    var workers: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }
}

/// `--allow-exec`, shared by the commands that may start external agents from scenario and
/// policy files (`run`, `sweep`, `tune`, `merge`; `check` has its own, stricter rule).
struct AllowExecFlag: ParsableArguments {
    @Flag(help: "Let every external agent (exec: policies, aiAgent.modelRef \"exec:…\") start; without it only the scenario's spec.agents.allow commands do.")
    var allowExec = false
}
