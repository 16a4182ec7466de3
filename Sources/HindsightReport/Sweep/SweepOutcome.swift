import HindsightScenario
import HindsightSim
import HindsightTrace

/// Everything the files of a sweep show: every point's row, the Pareto front, the
/// chosen point, and the current policy and the chosen point run again with their
/// time series (on the tuning steps and, with a hold-out, on the held-out steps).
public struct SweepOutcome: Sendable {
    /// The scenario swept.
    public var scenario: Scenario
    /// The policy file as the scenario names it.
    public var policyDisplay: String
    /// The parameter paths, grid order.
    public var paths: [String]
    /// Each parameter's value in the policy file now (the scalar's text).
    public var currentValues: [String]
    /// The points run, in point order.
    public var rows: [SweepRow]
    /// Positions in `rows` of the Pareto front, ascending.
    public var front: [Int]
    /// Position in `rows` of the best feasible point; nil when none is feasible.
    public var chosen: Int?
    /// Position in `rows` of the point with the least SLO violation (nil without rows).
    public var leastViolation: Int?
    /// The objective and constraint applied.
    public var choice: SweepChoice
    /// Points in the whole grid (more than `rows.count` with `--sample`).
    public var gridCount: Int
    /// The current policy (`runs[0]`, named `current`) and the chosen point (`runs[1]`,
    /// named `point N`, absent when none is feasible), with series, on the tuning steps.
    public var tuned: ScenarioResult
    /// The same two on the held-out steps (`--holdout`); nil without a hold-out.
    public var holdout: ScenarioResult?
    /// The share of steps held out, percent; nil without a hold-out.
    public var holdoutPercent: Double?

    /// The chosen row, if any.
    public var chosenRow: SweepRow? { chosen.map { rows[$0] } }
}
