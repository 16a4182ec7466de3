import HindsightReport
import HindsightScenario
import HindsightSim

extension SweepCLI {
    /// What `sweep` and `tune` record in the run history: the current policy and the
    /// chosen point, each as run over the tuning part of the trace (the hold-out part,
    /// when there is one, is recorded too, as its own runs). The chosen point's `point`
    /// label names its index and values (`point 7: spec.x=50, spec.y=120`).
    static func recordedRuns(_ outcome: SweepOutcome, study: SweepStudy) throws -> [RecordedRun] {
        var policies = [try study.target.current()]
        var label: String? = nil
        if let row = outcome.chosenRow {
            let values = study.grid.values(at: row.point)
            policies.append(try study.target.policy(values))
            label = "point \(row.point): " + zip(study.target.paths, values).map { "\($0)=\($1)" }.joined(separator: ", ")
        }
        func runs(_ result: ScenarioResult, part: String?) -> [RecordedRun] {
            RecordedRun.runs(of: result, policies: policies).enumerated().map { k, run in
                var run = run
                let tag = [k == 0 ? nil : label, part].compactMap { $0 }.joined(separator: "; ")
                run.point = tag.isEmpty ? nil : tag
                return run
            }
        }
        var all = runs(outcome.tuned, part: outcome.holdout == nil ? nil : "tuning part")
        if let held = outcome.holdout { all += runs(held, part: "hold-out part") }
        return all
    }
}
