import HindsightSim

/// The sweep's `report.html`: self-contained like the run report (same style sheet and
/// Content-Security-Policy). It shows the grid and the choice rule, the Pareto chart
/// (`ParetoChart`), the chosen point against the current policy (table and time-series
/// charts of the run report), the hold-out backtest when there is one, and the front.
/// Deterministic: the same outcome gives the same bytes.
public enum SweepHTML {
    /// The page's text.
    /// - Complexity: O(points + steps).
    public static func render(_ o: SweepOutcome) -> String {
        let name = XMLText.escape(o.scenario.name)
        var html = HTMLReport.documentStart(title: "hindsight sweep: \(o.scenario.name)")
        html += "<header>\n<h1><span class=\"brand\">hindsight sweep ·</span> \(name)</h1>\n<p class=\"meta\">"
        html += XMLText.escape(SweepMarkdown.gridLine(o)) + "<br>" + XMLText.escape(SweepMarkdown.ruleLine(o))
        html += "<br>" + XMLText.escape(SweepMarkdown.choiceLine(o)) + "</p>\n</header>\n"
        html += paretoSection(o)
        html += "<section id=\"tuned\"><h2>Chosen point against the current policy, tuning steps</h2>\n"
        html += HTMLReport.noteParagraph(MarkdownSummary.spanLine(o.tuned))
        html += HTMLReport.comparisonSection(o.tuned) + HTMLReport.chartsSection(o.tuned) + "</section>\n"
        if let holdout = o.holdout {
            html += "<section id=\"holdout\"><h2>Hold-out backtest: the last \(XMLText.escape(SweepMarkdown.percentText(o.holdoutPercent ?? 0))) of the trace</h2>\n"
            html += HTMLReport.noteParagraph(MarkdownSummary.spanLine(holdout) + " · never seen while tuning")
            html += HTMLReport.comparisonSection(holdout) + "</section>\n"
        }
        html += frontSection(o)
        html += "<footer>Written by hindsight from a sweep over recorded load. Each point is the policy file with the "
        html += "swept values written in, run like <code>hindsight run</code>. Times are UTC.</footer>\n"
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    static func paretoSection(_ o: SweepOutcome) -> String {
        let xKey = o.choice.frontKey
        let xLabel = xKey == "cost_usd" ? "cost (USD)" : "emissions (kgCO2e)"
        func mark(_ row: SweepRow) -> ParetoChart.Mark {
            ParetoChart.Mark(x: row.number(xKey) ?? .nan, y: row.number(SweepChoice.violationKey) ?? .nan,
                             title: "point \(row.point): " + SweepMarkdown.assignments(o.paths, row.values))
        }
        let current = o.tuned.runs.first.map { run in
            ParetoChart.Mark(x: xKey == "cost_usd" ? run.summary.costUSD : run.summary.emissionsKgCO2e,
                             y: run.summary.sloViolationFraction,
                             title: "current: " + SweepMarkdown.assignments(o.paths, o.currentValues))
        }
        let front = o.front.map { mark(o.rows[$0]) }.sorted { ($0.x, $0.y) < ($1.x, $1.y) }
        let chart = ParetoChart(id: "pareto", xLabel: xLabel, yLabel: "SLO violation (fraction of judged time)",
                                points: o.rows.map(mark), front: front, current: current,
                                chosen: o.chosenRow.map(mark), maxViolation: o.choice.maxViolation)
        let legend: [(String, String)] = [
            ("<span class=\"swatch\" style=\"border-top-color:\(Palette.axis)\" aria-hidden=\"true\"></span>", "every point"),
            ("<span class=\"swatch\" style=\"border-top-color:\(Palette.blue)\" aria-hidden=\"true\"></span>", "Pareto front"),
            ("<span class=\"swatch\" style=\"border-top-color:\(Palette.black)\" aria-hidden=\"true\"></span>", "current policy (diamond)"),
            ("<span class=\"swatch\" style=\"border-top-color:\(Palette.vermilion)\" aria-hidden=\"true\"></span>", "chosen point (ring), constraint (dashed)"),
        ]
        return "<section id=\"pareto\"><h2>Pareto front</h2>\n"
            + HTMLReport.figure(title: "\(xLabel) against SLO violation", legend: legend,
                                note: "\(o.front.count) of \(o.rows.count) points are on the front: no other point has both lower \(xLabel) and lower SLO violation.",
                                svg: chart.render())
            + "</section>\n"
    }

    static func frontSection(_ o: SweepOutcome) -> String {
        var s = "<section id=\"front\"><h2>Points on the front</h2>\n<div class=\"table-wrap\">\n<table class=\"compare\">\n<thead><tr><th scope=\"col\">Point</th>"
        for path in o.paths { s += "<th scope=\"col\">\(XMLText.escape(path))</th>" }
        s += "<th scope=\"col\">Cost<span class=\"unit\">USD</span></th><th scope=\"col\">Emissions<span class=\"unit\">kgCO2e</span></th>"
        s += "<th scope=\"col\">SLO violation<span class=\"unit\">fraction</span></th></tr></thead>\n<tbody>\n"
        for k in o.front {
            let row = o.rows[k]
            s += k == o.chosen ? "<tr class=\"baseline\">" : "<tr>"
            s += "<th scope=\"row\">\(row.point)\(k == o.chosen ? "<span class=\"tag\">chosen</span>" : "")</th>"
            for v in row.values { s += "<td>\(XMLText.escape(v))</td>" }
            for key in ["cost_usd", "emissions_kgco2e", SweepChoice.violationKey] {
                s += "<td>\(XMLText.escape(row.number(key).map { DisplayText.compact($0, significant: 4) } ?? DisplayText.none))</td>"
            }
            s += "</tr>\n"
        }
        return s + "</tbody>\n</table>\n</div>\n</section>\n"
    }
}
