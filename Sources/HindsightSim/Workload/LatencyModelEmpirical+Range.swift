import Foundation

extension LatencyModelEmpirical {
    /// The warning for a run that read the fitted curve beyond the largest feature value
    /// it was fitted on (more load per pod, or more utilization, than ever recorded):
    /// there the curve holds its last value, so the latency is likely understated. nil
    /// when every judged step stayed within range (or the run kept no rows).
    /// - Complexity: O(steps).
    func extrapolationWarning(_ series: RunSeries) -> String? {
        let top = fittedMax
        guard top.isFinite, series.count > 0 else { return nil }
        let ready = series[\.readyReplicas], rps = series[\.loadRPS], util = series[\.utilizationPct]
        let slo = series[\.slo]
        var beyond = 0, judged = 0, peak = top
        for i in 0..<series.count where slo[i] != .notJudged {
            let x = feature == .loadPerPod ? (ready[i] > 0 ? rps[i] / Double(ready[i]) : .nan) : util[i]
            guard x.isFinite else { continue }
            judged += 1
            if x > top * 1.05 { beyond += 1; peak = max(peak, x) }
        }
        guard beyond > 0, judged > 0 else { return nil }
        let what = feature == .loadPerPod ? "requests/s per ready pod" : "utilization (%)"
        let share = Double(beyond) / Double(judged) * 100
        return "the empirical latency model was read beyond the \(what) it was fitted on (at most \(Self.shown(top))) at \(beyond) of \(judged) judged steps (\(Self.shown(share)) %, up to \(Self.shown(peak))): it holds its last fitted value there, so latency is likely understated"
    }

    /// Four significant digits, for messages.
    static func shown(_ x: Double) -> String { String(format: "%.4g", x) }
}
