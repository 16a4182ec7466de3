import HindsightSim

/// The sweep's `summary.md` and the sentences the other sweep files share: the grid,
/// the rule, the choice, a before/after table (current policy against the chosen
/// point, on the tuning steps and, with a hold-out, on the held-out steps).
public enum SweepMarkdown {
    /// The file's text.
    /// - Complexity: O(front + parameters).
    public static func render(_ o: SweepOutcome) -> String {
        var out = "### hindsight sweep: \(MarkdownSummary.escape(o.scenario.name))\n\n"
        out += MarkdownSummary.escape(gridLine(o)) + "\n\n"
        out += MarkdownSummary.escape(ruleLine(o)) + "\n\n"
        out += "**" + MarkdownSummary.escape(choiceLine(o)) + "**\n\n"
        out += "Tuning steps: " + MarkdownSummary.spanLine(o.tuned) + "\n\n"
        out += table(o.tuned)
        if let holdout = o.holdout {
            out += "\nHold-out backtest (last \(percentText(o.holdoutPercent ?? 0)) of the trace, not seen while tuning): "
            out += MarkdownSummary.spanLine(holdout) + "\n\n"
            out += table(holdout)
        }
        out += "\n\(o.front.count) of \(o.rows.count) points are on the Pareto front (\(o.choice.frontKey) against slo_violation_fraction); see pareto.csv.\n"
        return out
    }

    /// `N points of P parameters (of a grid of G) over policies/hpa.yaml`.
    public static func gridLine(_ o: SweepOutcome) -> String {
        var s = "\(o.rows.count) points"
        if o.rows.count != o.gridCount { s += " (a sample of a grid of \(o.gridCount))" }
        return s + " over \(o.paths.count) parameter\(o.paths.count == 1 ? "" : "s") of \(o.policyDisplay): " + o.paths.joined(separator: ", ")
    }

    /// `minimize cost_usd with slo_violation_fraction ≤ 0.001`.
    public static func ruleLine(_ o: SweepOutcome) -> String {
        var s = "minimize \(o.choice.objectiveKey)"
        if let max = o.choice.maxViolation { s += " with \(SweepChoice.violationKey) ≤ \(NumberText.plain(max) ?? "?")" }
        return s + " (ties: the lower point index)"
    }

    /// `chosen: point 7 (a = 50, b = 120)`, or why there is none.
    public static func choiceLine(_ o: SweepOutcome) -> String {
        if let row = o.chosenRow { return "chosen: point \(row.point) (\(assignments(o.paths, row.values)))" }
        var s = "no point meets the constraint"
        if let k = o.leastViolation, let v = o.rows[k].number(SweepChoice.violationKey) {
            s += "; the least violation found is \(NumberText.plain(v) ?? "?") at point \(o.rows[k].point)"
        }
        return s
    }

    /// `a = 50, b = 120`.
    static func assignments(_ paths: [String], _ values: [String]) -> String {
        zip(paths, values).map { "\($0) = \($1)" }.joined(separator: ", ")
    }

    /// `2026-01-01 00:00 → 2026-01-03 18:00 UTC · 2d 18h · step 15s · 12,960 steps`.
    public static func spanLine(_ result: ScenarioResult) -> String { MarkdownSummary.spanLine(result) }

    /// `25 %`, `12.5 %`.
    public static func percentText(_ p: Double) -> String { (NumberText.plain(p) ?? "?") + " %" }

    /// The main metrics of each run, the second with its change against the first.
    static func table(_ result: ScenarioResult) -> String {
        let metrics: [ComparisonMetric] = [.cost, .emissions, .sloViolation, .errorBudget, .replicasMean, .replicasMax, .scalingActions]
        var out = "| Policy | " + metrics.map { "\($0.title) (\($0.unit))" }.joined(separator: " | ") + " |\n"
        out += "| --- |" + String(repeating: " ---: |", count: metrics.count) + "\n"
        let baseline = result.runs.first?.summary
        for (i, run) in result.runs.enumerated() {
            var cells = [MarkdownSummary.escape(run.policy)]
            for m in metrics {
                var text = m.format(run.summary)
                if i > 0, let b = baseline, let d = m.delta(run.summary, against: b) { text += " (\(d.text))" }
                cells.append(text)
            }
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }
}
