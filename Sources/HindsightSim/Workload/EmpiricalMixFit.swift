import HindsightStats

/// The `empirical` latency fit split by an exogenous feature of the recorded traffic
/// (`spec.latency.mix`), so a step whose requests were heavier than usual gets the
/// latency of such steps while its load per pod still follows the policy.
///
/// *Labels.* The fitted steps (finite load per pod, latency > 0) are cut into the same
/// load bins as the one-curve fit (up to 20 of about equal count, equal loads never
/// split). In each bin the threshold is the median feature of its fitted steps. Every
/// step of the trace, fitted or not (the hold-out), is labelled by its **recorded** load
/// and feature: **heavier** (1) when its feature is above the threshold of the bin its
/// recorded load falls in (the first bin whose largest load is at least it, else the
/// last), else **lighter** (0); unknown (−1) when its load or feature is not finite or its
/// bin has no finite feature. The label is fixed before any policy runs, so it is the same
/// in every replay: the feature is a property of the requests, not of the fleet.
///
/// *Curves.* Each label has its own curve on load per pod, fitted on its fitted steps
/// with load above 0 exactly as the one-curve fit (least-percentage-error latency per
/// bin, made non-decreasing), and its own value at load 0: the **median** latency of its
/// fitted steps at load 0. Load 0 (no counted request, e.g. a missing rps sample) is the
/// same under every policy, so that value does not depend on the fleet; it is the typical
/// latency of such steps rather than the least-MAPE one, which in a mix of ~10 s and ~67 s
/// requests is the light value unless 87 % are heavy. Reading at load above 0 never
/// uses the load-0 value: the curve holds its first point below it, so the latency of a
/// step is non-decreasing in its load per pod, and more ready pods never raise it.
struct EmpiricalMixFit: Sendable {
    /// One label's fit.
    struct Curve: Sendable {
        /// Load per pod (> 0) and latency (seconds), ascending and non-decreasing.
        var points: [(u: Double, latency: Double)]
        /// Seconds at load 0; nil when the label has no fitted step there.
        var atZero: Double?
    }

    /// Per trace step: 1 heavier, 0 lighter, −1 unknown (read with the one-curve fit).
    let label: [Int8]
    /// The curves of label 0 (lighter) and 1 (heavier).
    let curves: [Curve]

    /// Fits on the steps `steps`; `load` (requests/s per recorded pod), `latencyMs` and
    /// `feature` are per trace step.
    /// - Complexity: O(n log n).
    init(load: [Double], latencyMs: [Double], feature: [Double], steps: Range<Int>) {
        let n = min(load.count, latencyMs.count, feature.count)
        var fitted = steps.clamped(to: 0..<n).filter { load[$0].isFinite && latencyMs[$0].isFinite && latencyMs[$0] > 0 }
        fitted.sort { load[$0] < load[$1] || (load[$0] == load[$1] && latencyMs[$0] < latencyMs[$1]) }
        // The load bins and each bin's median feature.
        let bins = EqualCountBins.ranges(sorted: fitted.map { load[$0] }, bins: 20)
        let uppers = bins.map { load[fitted[$0.upperBound - 1]] }
        let thresholds = bins.map { bin -> Double in
            let values = fitted[bin].map { feature[$0] }.filter(\.isFinite)
            return values.isEmpty ? .nan : Quantiles.median(values)
        }
        var label = [Int8](repeating: -1, count: n)
        for i in 0..<n where load[i].isFinite && feature[i].isFinite && !uppers.isEmpty {
            // The first bin whose largest load reaches the step's (at most 20 bins), else the last.
            let j = uppers.firstIndex { $0 >= load[i] } ?? uppers.count - 1
            if !thresholds[j].isNaN { label[i] = feature[i] > thresholds[j] ? 1 : 0 }
        }
        self.label = label
        curves = (0...1).map { (c: Int8) -> Curve in
            let own = fitted.filter { label[$0] == c }
            let zero = own.filter { load[$0] == 0 }.map { latencyMs[$0] / 1000 }
            let positive = own.filter { load[$0] > 0 }.map { (u: load[$0], latency: latencyMs[$0] / 1000) }
            return Curve(points: LatencyModelEmpirical.fitPoints(positive), atZero: zero.isEmpty ? nil : Quantiles.median(zero))
        }
    }

    /// The latency (seconds, without the backlog term) of step `step` at load per pod
    /// `loadPerPod`; nil when the step is unlabelled or its label has no fitted step.
    /// - Complexity: O(points).
    func latency(step: Int, loadPerPod u: Double) -> Double? {
        guard step >= 0, step < label.count, label[step] >= 0 else { return nil }
        let curve = curves[Int(label[step])]
        if u == 0, let z = curve.atZero { return z }
        if !curve.points.isEmpty { return LatencyModelEmpirical.read(curve.points, at: u) }
        return curve.atZero
    }
}
