import HindsightScenario
import HindsightSim
import HindsightTrace

/// A sweep made ready to run: the scenario prepared once (on its tuning steps, and on
/// its held-out steps with `--holdout`), the grid of `spec.sweep`, the policy file to
/// patch, and the points to run. `sweep`, `tune` and `merge` all go through it.
///
/// ```swift
/// let study = try SweepStudy(scenario: loaded, holdoutPercent: nil, sample: nil, seed: 0, allowExec: false)
/// let rows = try study.run(study.points, jobs: 2)
/// let outcome = try study.outcome(rows: rows, choice: study.defaultChoice)
/// ```
public struct SweepStudy: Sendable {
    public let scenario: Scenario
    public let spec: SweepSpec
    public let grid: SweepGrid
    public let target: SweepTarget
    /// The scenario on the tuning steps (the whole trace without a hold-out).
    public let tuning: PreparedScenario
    /// The scenario on the held-out steps; nil without a hold-out.
    public let holdout: PreparedScenario?
    /// The share of steps held out, percent.
    public let holdoutPercent: Double?
    /// Grid indices to run, ascending: every point, or the `--sample`.
    public let points: [Int]
    /// Which external agents may start.
    public let exec: ExecPermission

    /// Prepares the sweep of `scenario`.
    /// - Parameters:
    ///   - holdoutPercent: hold out this share of the steps at the end (`--holdout`).
    ///   - sample: run only this many points, drawn with `seed` (`--sample N --seed S`).
    /// - Throws: `InputMessage` without `spec.sweep` or parameters, `ScenarioError` with
    ///   file:line:col for a path or value the policy file does not take or a grid that is
    ///   too large, and the `InputError` of files that cannot be read.
    public init(scenario: Scenario, holdoutPercent: Double?, sample: Int?, seed: UInt64, allowExec: Bool) throws {
        guard let spec = scenario.sweep else {
            throw InputMessage("\(scenario.file): the scenario has no spec.sweep; expected a sweep: block with policy and parameters (SCENARIO.md)")
        }
        guard !spec.parameters.isEmpty else {
            throw ScenarioError(spec.location, "spec.sweep has no parameters", expected: "parameters: a mapping of YAML path to values")
        }
        if let sample, sample < 1 {
            throw InputMessage("--sample: found \(sample); expected a number of points, at least 1")
        }
        self.scenario = scenario
        self.spec = spec
        let grid = try spec.grid(sample: sample)
        let target = try SweepTarget(spec: spec)
        try target.validate(grid)
        _ = try target.current()
        self.grid = grid
        self.target = target
        points = sample.map { grid.sample($0, seed: seed) } ?? Array(0..<grid.count)
        exec = .run(scenario, allowExec: allowExec)
        self.holdoutPercent = holdoutPercent
        if let holdoutPercent {
            let parts = try PreparedScenario.split(scenario, holdoutPercent: holdoutPercent)
            tuning = parts.tuning
            holdout = parts.holdout
        } else {
            tuning = try PreparedScenario(scenario: scenario)
            holdout = nil
        }
    }

    /// The objective and constraint of `spec.sweep`.
    public var defaultChoice: SweepChoice {
        SweepChoice(objective: spec.minimize, maxViolation: spec.maxViolationFraction)
    }

    /// Runs the grid points `indices` on the tuning steps, `jobs` at once.
    /// - Parameters:
    ///   - progress: called with the number of points done (any thread).
    ///   - series: where each point's time series goes (`sweep --timeseries`), if anywhere;
    ///     made for these `indices`.
    /// - Returns: one row per point, in the order of `indices`.
    /// - Throws: the first point's error in that order (an invalid patched policy, a
    ///   permission `exec` does not give).
    /// - Complexity: O(points × events · log events).
    public func run(_ indices: [Int], jobs: Int, progress: (@Sendable (Int) -> Void)? = nil,
                    series: SweepSeriesFiles? = nil) throws -> [SweepRow] {
        let grid = self.grid, target = self.target
        precondition(series.map { $0.points == indices } ?? true, "SweepStudy.run: series files made for other points")
        let runs = try tuning.runPoints(count: indices.count, jobs: jobs, exec: exec, progress: progress, sinks: series) { k in
            try target.policy(grid.values(at: indices[k]))
        }
        return indices.indices.map { SweepRow(point: indices[$0], values: grid.values(at: indices[$0]), run: runs[$0]) }
    }

    /// Judges `rows` with `choice` and runs the current policy and the chosen point
    /// again with their series (and on the held-out steps, with a hold-out).
    /// - Throws: as `run`.
    public func outcome(rows: [SweepRow], choice: SweepChoice) throws -> SweepOutcome {
        let chosen = choice.best(rows)
        var policies = [try target.current()]
        if let chosen { policies.append(try target.policy(grid.values(at: rows[chosen].point))) }
        func named(_ result: ScenarioResult) -> ScenarioResult {
            var result = result
            result.runs[0].policy = "current"
            result.runs[0].policyFileName = "current"
            if let chosen, result.runs.count > 1 {
                result.runs[1].policy = "point \(rows[chosen].point)"
                result.runs[1].policyFileName = "point-\(rows[chosen].point)"
            }
            return result
        }
        let tuned = named(try tuning.run(policies, jobs: 2, exec: exec))
        let held = try holdout.map { named(try $0.run(policies, jobs: 2, exec: exec)) }
        return SweepOutcome(scenario: scenario, policyDisplay: spec.policyDisplay, paths: target.paths,
                            currentValues: target.currentValues, rows: rows, front: choice.front(rows), chosen: chosen,
                            leastViolation: SweepChoice.leastViolation(rows), choice: choice, gridCount: grid.count,
                            tuned: tuned, holdout: held, holdoutPercent: holdoutPercent)
    }
}
