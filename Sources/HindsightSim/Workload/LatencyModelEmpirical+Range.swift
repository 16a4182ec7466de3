import Foundation

extension LatencyModelEmpirical {
    /// Four significant digits, for messages.
    static func shown(_ x: Double) -> String { String(format: "%.4g", x) }
}

/// Counts, row by row as a run advances, the judged steps that read the fitted empirical
/// curve beyond the largest feature value it was fitted on (more load per pod, or more
/// utilization, than ever recorded), and passes each row on to the run's own sink. A
/// step sink rather than a pass over `RunSeries`, so streamed runs (which keep no rows)
/// get the same warning.
final class EmpiricalRangeTally: StepSink, @unchecked Sendable {
    let top: Double
    let loadPerPod: Bool
    let next: (any StepSink)?
    private var beyond = 0, judged = 0
    private var peak: Double

    init(_ model: LatencyModelEmpirical, next: (any StepSink)?) {
        top = model.fittedMax
        loadPerPod = model.feature == .loadPerPod
        peak = model.fittedMax
        self.next = next
    }

    /// - Complexity: O(1).
    func record(_ row: StepRow, index: Int) {
        next?.record(row, index: index)
        guard row.slo != .notJudged else { return }
        let x = loadPerPod ? (row.readyReplicas > 0 ? row.loadRPS / Double(row.readyReplicas) : .nan) : row.utilizationPct
        guard x.isFinite else { return }
        judged += 1
        if x > top * 1.05 { beyond += 1; peak = max(peak, x) }
    }

    /// The warning for the run, nil when every judged step stayed within range: beyond
    /// it the curve holds its last value, so the latency is likely understated.
    var warning: String? {
        guard top.isFinite, beyond > 0, judged > 0 else { return nil }
        let what = loadPerPod ? "requests/s per ready pod" : "utilization (%)"
        let share = Double(beyond) / Double(judged) * 100
        let shown = LatencyModelEmpirical.shown
        return "the empirical latency model was read beyond the \(what) it was fitted on (at most \(shown(top))) at \(beyond) of \(judged) judged steps (\(shown(share)) %, up to \(shown(peak))): it holds its last fitted value there, so latency is likely understated"
    }
}
