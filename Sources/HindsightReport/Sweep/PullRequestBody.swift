/// The Markdown pull-request description `tune --pr-body FILE` writes: the change
/// (each tuned parameter, old → new), a before/after table of the main metrics, the
/// hold-out backtest when there is one, the trace span tuned on (UTC) and a link to
/// the sweep's report (Pareto chart and time series).
public enum PullRequestBody {
    /// The description's text. `report` is the link to the sweep's `report.html`.
    /// - Precondition: `o` has a chosen point.
    public static func render(_ o: SweepOutcome, report: String) -> String {
        guard let row = o.chosenRow else { preconditionFailure("PullRequestBody.render: the sweep chose no point") }
        let changed = o.paths.indices.filter { o.currentValues[$0] != row.values[$0] }
        var out = "## Tune \(MarkdownSummary.escape(o.policyDisplay)) with hindsight\n\n"
        out += "`hindsight tune` replayed the recorded load of scenario **\(MarkdownSummary.escape(o.scenario.name))** under "
        out += "\(SweepMarkdown.gridLine(o)) and chose point \(row.point): \(SweepMarkdown.ruleLine(o)).\n\n"
        out += "### Change\n\n| Parameter | Current | Tuned |\n| --- | ---: | ---: |\n"
        for k in o.paths.indices {
            out += "| `\(o.paths[k])` | \(MarkdownSummary.escape(o.currentValues[k])) | \(MarkdownSummary.escape(row.values[k]))\(changed.contains(k) ? "" : " (unchanged)") |\n"
        }
        out += "\n### Before and after\n\nTuned on " + MarkdownSummary.spanLine(o.tuned) + ".\n\n"
        out += SweepMarkdown.table(o.tuned)
        if let holdout = o.holdout {
            out += "\n### Hold-out backtest\n\nThe last \(SweepMarkdown.percentText(o.holdoutPercent ?? 0)) of the trace, not seen while tuning: "
            out += MarkdownSummary.spanLine(holdout) + ".\n\n"
            out += SweepMarkdown.table(holdout)
        }
        out += "\nThe Pareto chart of every point and the time series of the chosen point against the current policy: "
        out += "[report.html](\(report)).\n"
        return out
    }
}
