import HindsightScenario
import HindsightTrace

extension PreparedScenario {
    /// Prepares `scenario` twice over one reading of its files: on the tuning steps and
    /// on the hold-out steps of `split` (each part a trace of its own, `Trace.slice`).
    /// A run on either part equals a run of the scenario over that part's trace.
    /// - Parameter percent: the share of steps held out at the end (`--holdout`).
    /// - Throws: as `init(scenario:)`, and `InputMessage` for a split with an empty part.
    /// - Complexity: O(steps × series) to read and prepare both parts.
    public static func split(_ scenario: Scenario, holdoutPercent percent: Double) throws
        -> (tuning: PreparedScenario, holdout: PreparedScenario, split: HoldoutSplit) {
        let trace = try readTrace(for: scenario)
        let environment = try readEnvironment(for: scenario)
        let split = try HoldoutSplit(count: trace.count, percent: percent)
        let tuning = try PreparedScenario(scenario: scenario, trace: trace.slice(split.tuning), environment: environment)
        let holdout = try PreparedScenario(scenario: scenario, trace: trace.slice(split.holdout), environment: environment)
        return (tuning, holdout, split)
    }
}
