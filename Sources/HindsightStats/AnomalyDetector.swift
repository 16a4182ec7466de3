/// Robust rolling z-score anomaly detection.
///
/// For each sample i ≥ `window`, the reference is the `window` samples *before* it
/// (x[i−w] … x[i−1], so an outlier does not mask itself): median m and median absolute
/// deviation MAD. The score is (x[i] − m) / (1.4826·MAD); when MAD is 0 the scale falls back
/// to 1.2533·mean absolute deviation from m; when that is 0 too the score is 0 if x[i] == m
/// and ±∞ otherwise. A sample is flagged when |score| > `threshold`. Scores are NaN for
/// i < window. Input must be NaN-free.
public enum AnomalyDetector {
    /// Scores and flagged indices of one series.
    public struct Result: Sendable, Equatable {
        /// Robust z-score per sample; NaN for the first `window` samples.
        public var scores: [Double]
        /// Indices whose |score| exceeds the threshold, ascending.
        public var flagged: [Int]
    }

    /// Robust z-scores of `x` over a trailing reference window of `window` samples.
    /// - Complexity: O(n·w) (a sorted window kept by binary search and `memmove`, then an
    ///   O(w) walk for the MAD); O(w) scratch.
    public static func robustZScore(_ x: [Double], window w: Int, threshold: Double) -> Result {
        precondition(w >= 1, "anomaly window must be >= 1, got \(w)")
        let n = x.count
        var scores = [Double](repeating: .nan, count: n)
        var flagged: [Int] = []
        guard n > w else { return Result(scores: scores, flagged: flagged) }
        let sorted = UnsafeMutablePointer<Double>.allocate(capacity: w)
        defer { sorted.deallocate() }
        for i in 0..<w { sorted[i] = x[i] }
        var b = UnsafeMutableBufferPointer(start: sorted, count: w)
        b.sort()
        for i in w..<n {
            if i > w { SortedWindow.replace(sorted, w, old: x[i - w - 1], new: x[i - 1]) }
            let med = Quantiles.sortedQuantile(sorted, count: w, 0.5)
            let mad = medianAbsDeviation(sorted, w, med)
            var scale = 1.4826 * mad
            if scale == 0 {
                var s = 0.0
                for j in 0..<w { s += abs(sorted[j] - med) }
                scale = 1.2533 * s / Double(w)
            }
            let d = x[i] - med
            let z: Double = scale > 0 ? d / scale : (d == 0 ? 0 : (d > 0 ? .infinity : -.infinity))
            scores[i] = z
            if abs(z) > threshold { flagged.append(i) }
        }
        return Result(scores: scores, flagged: flagged)
    }

    /// Median of |s[j] − med| over a sorted buffer: merge the two sides outward from `med`.
    /// - Complexity: O(w).
    static func medianAbsDeviation(_ s: UnsafePointer<Double>, _ w: Int, _ med: Double) -> Double {
        // Split point: left side s[0..<r] (< med walking down), right side s[r..<w].
        let r = SortedWindow.lowerBound(s, w, med)
        var l = r - 1, h = r
        let k = (w - 1) / 2
        var prev = 0.0, cur = 0.0
        var taken = 0
        while taken <= k + 1 && taken < w {
            let dl = l >= 0 ? med - s[l] : Double.infinity
            let dh = h < w ? s[h] - med : Double.infinity
            prev = cur
            if dl <= dh {
                cur = dl
                l -= 1
            } else {
                cur = dh
                h += 1
            }
            taken += 1
            if taken == k + 1 && w % 2 == 1 { return cur }
        }
        // Even w: average of the k-th and (k+1)-th smallest deviations.
        return w % 2 == 0 ? (prev + cur) / 2 : cur
    }
}
