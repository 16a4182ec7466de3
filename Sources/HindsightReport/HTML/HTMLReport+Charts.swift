import HindsightSim

extension HTMLReport {
    /// The chart digests of the runs' own series (`RunResult.series`), over `span(result)`.
    /// - Complexity: O(steps × policies).
    public static func chartDigests(_ result: ScenarioResult) -> [RunChartDigest] {
        let (start, end) = span(result)
        return result.runs.map { RunChartDigest($0.series, start: start, end: end) }
    }

    /// Every chart, each in a `<figure>` with a heading and an HTML legend, drawn from
    /// `charts` (one digest per run, over `span(result)`), or from the runs' series when nil.
    static func chartsSection(_ result: ScenarioResult, charts: [RunChartDigest]? = nil) -> String {
        var s = sectionStart(id: "charts", title: "Over time")
        let digests = charts ?? chartDigests(result)
        precondition(digests.count == result.runs.count, "HTMLReport: \(digests.count) chart digests for \(result.runs.count) runs")
        guard !result.runs.isEmpty, digests.contains(where: { $0.count > 0 }) else {
            return s + noteParagraph("No steps were simulated, so there is nothing to draw.") + "</section>\n"
        }
        let (start, end) = span(result)
        for i in result.runs.indices {
            s += loadAndReplicasFigure(result, digests, index: i, start: start, end: end)
        }
        s += sloFigure(result, digests, start: start, end: end)
        s += cumulativeFigure(result, digests, start: start, end: end, emissions: false)
        s += cumulativeFigure(result, digests, start: start, end: end, emissions: true)
        s += gridFigure(result, digests, start: start, end: end)
        s += decisionsFigure(result, start: start, end: end)
        return s + "</section>\n"
    }

    /// Load (grey area, right axis) with the policy's replicas and, for the others, the baseline's.
    static func loadAndReplicasFigure(_ result: ScenarioResult, _ digests: [RunChartDigest], index: Int,
                                      start: Int64, end: Int64) -> String {
        let run = result.runs[index]
        let baseline = result.runs[0]
        let useRPS = digests[index].loadRPS.hasFinite
        let load = useRPS ? digests[index].loadRPS : digests[index].loadCores
        let loadUnit = useRPS ? "load (requests/s)" : "load (CPU cores)"
        let replicas = digests[index].replicas
        let baseReplicas = digests[0].replicas
        let top = max(ChartTrack.extent(index == 0 ? [replicas] : [replicas, baseReplicas])?.max ?? 1, 1)
        let loadTop = ChartTrack.extent([load])?.max ?? 1
        let hold = result.grid.step.milliseconds
        var chart = TimeChart(
            id: "load\(index)", title: "Load and replicas: \(run.policy)",
            summary: "Replicas of \(run.policy) over time\(index == 0 ? "" : " against the baseline \(baseline.policy)"), with the recorded load on the right axis.",
            start: start, end: end, y: ValueAxis(covering: 0, top), yLabel: "replicas (pods)",
            y2: ValueAxis(covering: 0, loadTop), y2Label: loadUnit, plotHeight: 200)
        chart.addArea(load, fill: Palette.load, axis: chart.y2,
                      stepped: true, holdMs: hold, label: loadUnit)
        if index > 0 {
            chart.addLine(baseReplicas,
                          stroke: .init(color: Palette.axis, width: 1.3, dash: "5 3"), stepped: true, holdMs: hold,
                          label: "baseline \(baseline.policy): replicas")
        }
        chart.addLine(replicas,
                      stroke: .init(color: Palette.policy(index), width: 1.7),
                      stepped: true, holdMs: hold, label: "\(run.policy): replicas")
        var legend = [(swatch(index, dashed: false), "\(run.policy) replicas")]
        if index > 0 {
            legend.append(("<span class=\"swatch dashed\" style=\"border-top-color:\(Palette.axis)\" aria-hidden=\"true\"></span>",
                           "baseline \(baseline.policy) replicas"))
        }
        legend.append(("<span class=\"swatch area\" aria-hidden=\"true\"></span>", loadUnit + ", right axis"))
        return figure(title: "Load and replicas — \(run.policy)", legend: legend, note: nil, svg: chart.render())
    }

    /// p99 latency of every policy against the SLO, with a violation lane per policy;
    /// utilization against its limit when no policy has modelled latency.
    static func sloFigure(_ result: ScenarioResult, _ digests: [RunChartDigest], start: Int64, end: Int64) -> String {
        let hasLatency = digests.contains { $0.latency.hasFinite }
        let slo = result.scenario.slo
        let threshold: Double? = hasLatency ? slo.latencyP99.map { $0 * 1000 } : slo.maxUtilization
        let tracks = digests.map { hasLatency ? $0.latency : $0.utilization }
        let samples = digests.map { hasLatency ? $0.latencySample.values : $0.utilizationSample.values }
        let p = "p" + DisplayText.compact(slo.quantile * 100)  // "p99" unless spec.slo.quantile says otherwise
        let unit = hasLatency ? "\(p) latency (ms)" : "utilization (% of request)"
        let title = hasLatency ? "\(p) latency against the SLO" : "Utilization against the SLO limit"
        let extent = ChartTrack.extent(tracks)
        let axis = ValueAxis(covering: 0, sloAxisTop(samples, threshold: threshold, peak: extent?.max))
        let peak = extent?.max ?? axis.upper
        let clipped = peak > axis.upper
        var chart = TimeChart(
            id: "slo", title: title,
            summary: "\(unit) of every policy over time\(threshold == nil ? "" : ", with the SLO threshold as a dashed line"); lanes below mark the steps that violated the SLO.",
            start: start, end: end, y: axis, yLabel: unit, plotHeight: 220)
        for (i, run) in result.runs.enumerated() {
            chart.addLine(tracks[i],
                          stroke: .init(color: Palette.policy(i), width: 1.2),
                          label: "\(run.policy): \(unit)")
        }
        if let threshold {
            chart.addThreshold(threshold, label: "SLO \(DisplayText.compact(threshold)) \(hasLatency ? "ms" : "%")", color: Palette.vermilion)
        }
        for (i, run) in result.runs.enumerated() {
            let violated = ComparisonMetric.sloViolation.format(run.summary)
            chart.addFlagLane(label: run.policy, marked: digests[i].violated,
                              color: Palette.policy(i), title: "\(run.policy): SLO violated for \(violated)")
        }
        var note = "Lanes under the plot mark the steps that violated the SLO, one lane per policy."
        if clipped { note += " Values above \(axis.label(axis.upper)) are cut off at the top (peak \(DisplayText.compact(peak)))." }
        return figure(title: title, legend: policyLegend(result, dashed: false), note: note, svg: chart.render())
    }

    /// Top of the SLO chart's axis. With a threshold: 2.5 × the threshold, raised to the
    /// baseline's 99th percentile, so the region around the SLO stays readable even when
    /// a policy saturates far above it (those lines leave the top; the lanes still show
    /// the violations). Without: the 99.5th percentile of every policy. Never above the peak.
    /// - Parameters:
    ///   - columns: the values of each policy, or a sample of them (``StrideSample``).
    ///   - peak: the largest value of all policies; nil = the largest of `columns`.
    static func sloAxisTop(_ columns: [[Double]], threshold: Double?, peak: Double? = nil) -> Double {
        let peak = peak ?? ChartData.extent(columns)?.max ?? 1
        var top: Double
        if let threshold, threshold > 0 {
            top = max(threshold * 2.5, ChartData.quantile(Array(columns.prefix(1)), 0.99) ?? 0)
            if peak < top { top = max(peak, threshold * 1.25) }
        } else {
            top = min(peak, ChartData.quantile(columns, 0.995) ?? peak)
        }
        return top > 0 && top.isFinite ? top : 1
    }

    /// Cumulative cost (USD) or emissions (kgCO2e) of every policy.
    static func cumulativeFigure(_ result: ScenarioResult, _ digests: [RunChartDigest], start: Int64, end: Int64,
                                 emissions: Bool) -> String {
        let columns = digests.map { emissions ? $0.cumulativeEmissions : $0.cumulativeCost }
        let unit = emissions ? "emissions (kgCO2e)" : "cost (USD)"
        let title = emissions ? "Cumulative emissions" : "Cumulative cost"
        let top = max(ChartTrack.extent(columns)?.max ?? 1, 1e-9)
        var chart = TimeChart(
            id: emissions ? "emis" : "cost", title: title,
            summary: "Running total of \(unit) for every policy over the trace.",
            start: start, end: end, y: ValueAxis(covering: 0, top), yLabel: unit, plotHeight: 190)
        for (i, run) in result.runs.enumerated() {
            chart.addLine(columns[i],
                          stroke: .init(color: Palette.policy(i), width: 1.7, dash: Palette.dash(i)),
                          label: "\(run.policy): cumulative \(unit)")
        }
        return figure(title: title, legend: policyLegend(result, dashed: true), note: nil, svg: chart.render())
    }

    /// Grid carbon intensity, only when it varies over the trace.
    static func gridFigure(_ result: ScenarioResult, _ digests: [RunChartDigest], start: Int64, end: Int64) -> String {
        guard let first = digests.first, let range = ChartTrack.extent([first.intensity]),
              range.max > range.min else { return "" }
        var chart = TimeChart(
            id: "grid", title: "Grid carbon intensity",
            summary: "Carbon intensity of the electricity grid over the trace, in gCO2e per kWh.",
            start: start, end: end, y: ValueAxis(covering: min(0, range.min), range.max),
            yLabel: "intensity (gCO2e/kWh)", plotHeight: 150)
        chart.addLine(first.intensity,
                      stroke: .init(color: Palette.bluishGreen, width: 1.5), stepped: true,
                      holdMs: result.grid.step.milliseconds, label: "grid intensity")
        let legend = [("<span class=\"swatch\" style=\"border-top-color:\(Palette.bluishGreen)\" aria-hidden=\"true\"></span>", "grid intensity")]
        return figure(title: "Grid carbon intensity", legend: legend, note: nil, svg: chart.render())
    }

    /// One lane of scaling decisions per policy; hover a mark for its reasons.
    static func decisionsFigure(_ result: ScenarioResult, start: Int64, end: Int64) -> String {
        let total = result.runs.reduce(0) { $0 + $1.decisions.count }
        guard total > 0 else {
            return "<figure><figcaption><h3>Scaling decisions</h3></figcaption><p class=\"note\">No policy made a scaling decision.</p></figure>\n"
        }
        var chart = TimeChart(
            id: "dec", title: "Scaling decisions",
            summary: "A timeline of scaling decisions, one lane per policy: bars above the centre line are scale-ups, below it scale-downs; taller bars merge more decisions; hollow bars were only proposed (dry run).",
            start: start, end: end, y: ValueAxis(covering: 0, 1), yLabel: "", plotHeight: 0, laneHeight: 26)
        let maxCount = result.runs.map { run in
            chart.decisionGroups(run.decisions).map(\.members.count).max() ?? 0
        }.max() ?? 1
        for (i, run) in result.runs.enumerated() {
            chart.addDecisionLane(label: run.policy, decisions: run.decisions, color: Palette.policy(i), maxCount: maxCount)
        }
        var legend = [("<span class=\"glyph\" aria-hidden=\"true\">▮</span>", "scale-ups above the line, scale-downs below")]
        if result.runs.contains(where: { $0.decisions.contains(where: \.proposedOnly) }) {
            legend.append(("<span class=\"glyph\" aria-hidden=\"true\">▯</span>", "hollow: proposed only (dry run)"))
        }
        let note = "\(DisplayText.fixed(Double(total), 0)) decisions\(maxCount > 1 ? "; the tallest bar merges \(maxCount)" : ""). Hover a bar for its times and reasons."
        return figure(title: "Scaling decisions", legend: legend, note: note, svg: chart.render())
    }

    static func policyLegend(_ result: ScenarioResult, dashed: Bool) -> [(String, String)] {
        result.runs.enumerated().map { (swatch($0.offset, dashed: dashed), $0.element.policy) }
    }

    /// A `<figure>`: heading and legend (swatch HTML, escaped label), the SVG, an optional note.
    static func figure(title: String, legend: [(String, String)], note: String?, svg: String) -> String {
        var s = "<figure>\n<figcaption><h3>\(XMLText.escape(title))</h3><ul class=\"legend\">"
        for (swatchHTML, label) in legend {
            s += "<li>\(swatchHTML)\(XMLText.escape(label))</li>"
        }
        s += "</ul></figcaption>\n\(svg)\n"
        if let note { s += noteParagraph(note) }
        return s + "</figure>\n"
    }
}
