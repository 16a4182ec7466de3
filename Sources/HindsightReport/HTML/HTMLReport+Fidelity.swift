import HindsightSim

extension HTMLReport {
    /// Most dots the calibration chart draws; longer traces are thinned by a fixed stride.
    static var calibrationDots: Int { 2000 }

    /// "Model fidelity": how well the latency and CPU models reproduce the record under
    /// the observed replicas (the numbers of `summary.*`), and the calibration chart of
    /// the latency model. Empty when the result has no fidelity.
    static func fidelitySection(_ result: ScenarioResult) -> String {
        guard let f = result.fidelity else { return "" }
        var s = sectionStart(id: "fidelity", title: "Model fidelity")
        let fitted = DisplayText.fixed((1 - ModelFidelity.holdoutFraction) * 100, 0)
        s += noteParagraph("The models replayed under the recorded replicas, against what the trace recorded. "
            + "Mean absolute percentage errors; the hold-out fits the latency model on the first "
            + "\(fitted) % of the steps and judges it on the rest, "
            + "against the best constant fitted on the same steps. A skill at or below 0 means the model predicts "
            + "recorded latency no better than a constant: do not trust its latency counterfactuals.")
        let rows: [(String, String)] = [
            ("Latency, per step", percent(f.latencyMAPE)),
            ("Latency, hourly medians", percent(f.latencyHourlyMAPE)),
            ("Latency, hold-out", percent(f.latencyHoldoutMAPE)),
            ("Best constant, hold-out", percent(f.latencyHoldoutConstantMAPE)),
            ("Skill on the hold-out (1 − model ÷ constant)", f.latencySkill.map { DisplayText.fixed($0, 3) } ?? "—"),
            ("CPU, per step", percent(f.cpuMAPE)),
        ]
        s += "<table class=\"fidelity\"><thead><tr><th scope=\"col\">Measure</th><th scope=\"col\">Value</th></tr></thead><tbody>\n"
        for (name, value) in rows {
            s += "<tr><th scope=\"row\">\(XMLText.escape(name))</th><td class=\"num\">\(XMLText.escape(value))</td></tr>\n"
        }
        s += "</tbody></table>\n"
        guard !f.latencyPairs.isEmpty else { return s + "</section>\n" }
        let stride = max(1, (f.latencyPairs.count + calibrationDots - 1) / calibrationDots)
        let points = Swift.stride(from: 0, to: f.latencyPairs.count, by: stride).map { f.latencyPairs[$0] }
        let quantile = DisplayText.compact(result.scenario.slo.quantile * 100)
        let chart = CalibrationChart(id: "calib", title: "Modelled against recorded p\(quantile) latency, observed replicas",
                                     points: points)
        let legend = [
            ("<span class=\"swatch\" style=\"border-top-color:\(Palette.axis)\" aria-hidden=\"true\"></span>", "steps the model was fitted on"),
            ("<span class=\"swatch\" style=\"border-top-color:\(Palette.orange)\" aria-hidden=\"true\"></span>", "last 30 % of the steps"),
            ("<span class=\"swatch dashed\" style=\"border-top-color:\(Palette.black)\" aria-hidden=\"true\"></span>", "model = record"),
        ]
        var note = "One dot per step with both values, from the model every counterfactual uses (fitted on all steps)."
        if stride > 1 { note += " One step in \(stride) is drawn (\(points.count) of \(f.latencyPairs.count))." }
        s += figure(title: "Latency calibration", legend: legend, note: note, svg: chart.render())
        return s + "</section>\n"
    }

    /// A percentage already in percent, or a dash.
    private static func percent(_ v: Double?) -> String {
        guard let v, v.isFinite else { return "—" }
        return DisplayText.fixed(v, 1) + " %"
    }
}
