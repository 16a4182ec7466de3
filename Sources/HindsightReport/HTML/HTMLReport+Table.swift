import HindsightSim

extension HTMLReport {
    /// The metrics of the comparison table, in column order.
    static let tableMetrics: [ComparisonMetric] = [
        .cost, .emissions, .sci, .sloViolation, .errorBudget, .replicasMean, .replicasMax,
        .scalingActions, .reversals, .latencyMAPE,
    ]

    /// The comparison table: one row per policy, each non-baseline cell with its change
    /// against the baseline, coloured blue when better and vermilion when worse.
    static func comparisonSection(_ result: ScenarioResult) -> String {
        var s = sectionStart(id: "comparison", title: "Policies compared")
        s += "<div class=\"table-wrap\">\n<table class=\"compare\">\n<caption class=\"note\" style=\"caption-side:bottom;text-align:left\">"
        s += "Each change is against the baseline (first row): percent for cost, emissions and SCI; "
        s += "time for SLO violation; percentage points (pp) for error budget and latency MAPE. "
        s += "<span class=\"better\">Blue</span> is better, <span class=\"worse\">vermilion</span> is worse.</caption>\n"
        s += "<thead><tr><th scope=\"col\">Policy</th>"
        for metric in tableMetrics {
            s += "<th scope=\"col\">\(XMLText.escape(metric.title))<span class=\"unit\">\(XMLText.escape(metric.unit))</span></th>"
        }
        s += "</tr></thead>\n<tbody>\n"
        let baseline = result.runs.first?.summary
        for (i, run) in result.runs.enumerated() {
            s += i == 0 ? "<tr class=\"baseline\">" : "<tr>"
            s += "<th scope=\"row\">\(swatch(i))\(XMLText.escape(run.policy))"
            s += "<span class=\"delta kind\">\(XMLText.escape(run.kind))"
            if i == 0 { s += "<span class=\"tag\">baseline</span>" }
            s += "</span></th>"
            for metric in tableMetrics {
                s += "<td>\(XMLText.escape(metric.format(run.summary)))"
                if i > 0, let baseline, let delta = metric.delta(run.summary, against: baseline) {
                    s += "<span class=\"delta \(verdictClass(delta.verdict))\">\(XMLText.escape(delta.text))</span>"
                }
                s += "</td>"
            }
            s += "</tr>\n"
        }
        s += "</tbody>\n</table>\n</div>\n</section>\n"
        return s
    }

    static func verdictClass(_ v: MetricDelta.Verdict) -> String {
        switch v {
        case .better: "better"
        case .worse: "worse"
        case .same: "same"
        case .neutral: "neutral"
        }
    }
}
