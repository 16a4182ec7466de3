import HindsightTrace
import HindsightSim

/// The table `hindsight run` prints: one line per policy, the numbers people look at first.
public enum RunSummaryTable {
    /// The table, a heading line first and the runs' warnings last (one line each).
    public static func render(_ result: ScenarioResult) -> String {
        let header = ["policy", "cost USD", "kgCO2e", "SLO viol.", "budget used", "replicas mean/max", "actions"]
        var rows: [[String]] = []
        for run in result.runs {
            let s = run.summary
            rows.append([
                run.policy, fixed(s.costUSD, 2), fixed(s.emissionsKgCO2e, 3),
                fixed(s.sloViolationFraction * 100, 2) + " %", fixed(s.errorBudgetUsed * 100, 1) + " %",
                fixed(s.replicasMean, 1) + " / \(s.replicasMax)", "\(s.scalingActions)",
            ])
        }
        var text = "scenario \(result.scenario.name): \(result.grid.count) steps of \(result.grid.step.wholeSeconds) s\n"
        text += TextTable.render(header: header, rows: rows)
        let warnings = result.runs.flatMap { run in run.warnings.map { "warning: \(run.policy): \($0)" } }
        if !warnings.isEmpty { text += "\n" + warnings.joined(separator: "\n") }
        return text
    }

    /// `x` with `digits` decimals, no thousands separator (“–” for NaN and ±∞).
    public static func fixed(_ x: Double, _ digits: Int) -> String {
        guard x.isFinite else { return "–" }
        var p = 1.0
        for _ in 0..<digits { p *= 10 }
        let r = (x * p).rounded() / p
        var s = String(r)
        if let dot = s.firstIndex(of: ".") {
            let decimals = s.distance(from: dot, to: s.endIndex) - 1
            if decimals < digits { s += String(repeating: "0", count: digits - decimals) }
        } else if digits > 0 {
            s += "." + String(repeating: "0", count: digits)
        }
        return s
    }
}
