import HindsightTrace
import HindsightSim

/// `summary.md`: a heading with the scenario and its span, then one table row per
/// policy — cost, emissions, SCI, SLO violation time, error budget used, replicas
/// mean/max, scaling actions — each non-baseline cell followed by its change against
/// the first policy (the baseline) in parentheses. Warnings follow as a list. Fit to
/// paste into a pull-request comment (GitHub-flavoured Markdown).
///
/// Example row: `| hpa | 10.5 (-12.5 %) | … | 3.25 / 8 (+0.50 / +2) | 40 (+12) |`.
public enum MarkdownSummary {
    /// The file's text.
    /// - Complexity: O(runs × metrics).
    public static func render(_ result: ScenarioResult) -> String {
        var out = "### hindsight: \(escape(result.scenario.name))\n\n"
        out += spanLine(result)
        if let baseline = result.runs.first {
            out += " · baseline: **\(escape(baseline.policy))**"
        }
        out += "\n\n"
        out += "| Policy | Cost (USD) | Emissions (kgCO2e) | SCI (gCO2e/1k req) | SLO violation | Error budget used | Replicas mean / max | Scaling actions |\n"
        out += "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
        let baseline = result.runs.first?.summary
        for (index, run) in result.runs.enumerated() {
            let s = run.summary
            var cells = [escape(run.policy)]
            for metric in [ComparisonMetric.cost, .emissions, .sci, .sloViolation, .errorBudget] {
                cells.append(cell(metric, s, baseline: index == 0 ? nil : baseline))
            }
            var replicas = "\(ComparisonMetric.replicasMean.format(s)) / \(ComparisonMetric.replicasMax.format(s))"
            if index > 0, let b = baseline {
                let mean = ComparisonMetric.replicasMean.delta(s, against: b)?.text ?? DisplayText.none
                let max = ComparisonMetric.replicasMax.delta(s, against: b)?.text ?? DisplayText.none
                replicas += " (\(mean) / \(max))"
            }
            cells.append(replicas)
            cells.append(cell(.scalingActions, s, baseline: index == 0 ? nil : baseline))
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        if result.runs.count > 1 {
            out += "\nChanges in parentheses are against the baseline (the first policy); "
            out += "error budget changes are in percentage points (pp).\n"
        }
        let warnings = result.runs.flatMap { run in run.warnings.map { (run.policy, $0) } }
        if !warnings.isEmpty {
            out += "\n**Warnings**\n\n"
            for (policy, warning) in warnings {
                out += "- \(escape(policy)): \(escape(warning))\n"
            }
        }
        return out
    }

    /// `2026-01-01 00:00 → 2026-01-31 00:00 UTC · 30d · step 15s · 172,800 steps`.
    static func spanLine(_ result: ScenarioResult) -> String {
        let grid = result.grid
        let span = "\(UTCTime.display(grid.start)) → \(UTCTime.display(grid.end)) UTC"
        return span + " · \(DisplayText.duration(seconds: grid.span.seconds))"
            + " · step \(DisplayText.duration(seconds: grid.step.seconds))"
            + " · \(DisplayText.fixed(Double(grid.count), 0)) steps"
    }

    private static func cell(_ metric: ComparisonMetric, _ s: RunSummary, baseline: RunSummary?) -> String {
        var text = metric.format(s)
        if let baseline, let delta = metric.delta(s, against: baseline) {
            text += " (\(delta.text))"
        }
        return text
    }

    /// Text safe inside a table cell: `|` escaped, line breaks as spaces, `<` and `>` as entities.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "|": out += "\\|"
            case "\n", "\r", "\r\n": out += " "
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "*", "_", "`", "[", "]", "\\": out += "\\" + String(c)
            default: out.append(c)
            }
        }
        return out
    }
}
