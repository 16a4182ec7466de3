/// Trailing windows of the last `w` samples over a whole series (batch), pandas
/// `Series.rolling(w)` semantics with its default `min_periods = w`: `out[i]` covers
/// `x[i−w+1 … i]` and is NaN for `i < w − 1`.
///
/// Sum, mean and standard deviation use block sums (van Herk / Gil–Werman layout: each
/// window is a suffix of one aligned block plus a prefix of the next), so every output is
/// computed from the values inside its window only: no error is carried from values that
/// already left the window, unlike a running add/subtract. Min and max use the same layout
/// with running extrema (three comparisons per sample). The quantile uses an order-statistic
/// structure: for a rank within min(64, w/4) of either end of the window (q = 0.99 at w = 60 or
/// 1440), only the values nearest that end are kept (`TailQuantile`: O(log m) per step on
/// typical data, O(m) worst case); otherwise, for w > 128, aligned blocks sorted once each (O(log w) per sample amortized) and
/// merged per block pair into a rank array with in-window flags and a cursor on the k-th flagged
/// rank (O(1) expected per step; see `BlockQuantile`); for w ≤ 128 a sorted window whose ranks
/// are counted with SIMD compares. ``RollingWindow`` is the streaming (push one sample)
/// counterpart with monotonic deques for min and max.
///
/// Input must not contain NaN (drop or fill missing values first): results for windows that
/// contain NaN are unspecified (never a crash). `w` must be ≥ 1 (precondition).
public enum Rolling {
    /// Rolling sum over the last `window` samples.
    /// - Complexity: O(n) time (O(1) amortized per step), O(w) scratch, SIMD-free but
    ///   dependency-chain light; no allocation per step.
    public static func sum(_ x: [Double], window: Int) -> [Double] {
        run(x) { sum($0, window: window, into: $1) }
    }

    /// Rolling mean over the last `window` samples.
    /// - Complexity: O(n), O(w) scratch.
    public static func mean(_ x: [Double], window: Int) -> [Double] {
        run(x) { mean($0, window: window, into: $1) }
    }

    /// Rolling sample standard deviation (n − 1) over the last `window` samples; NaN for
    /// `window == 1` (as pandas). A window whose values are all equal gives exactly 0.
    /// - Complexity: O(n) expected; a window whose variance is tiny next to its values'
    ///   spread around the block reference is recomputed exactly in O(w).
    public static func std(_ x: [Double], window: Int) -> [Double] {
        run(x) { std($0, window: window, into: $1) }
    }

    /// Rolling minimum over the last `window` samples.
    /// - Complexity: O(n), three comparisons per sample, O(w) scratch.
    public static func min(_ x: [Double], window: Int) -> [Double] {
        run(x) { min($0, window: window, into: $1) }
    }

    /// Rolling maximum over the last `window` samples.
    /// - Complexity: O(n), three comparisons per sample, O(w) scratch.
    public static func max(_ x: [Double], window: Int) -> [Double] {
        run(x) { max($0, window: window, into: $1) }
    }

    /// Rolling quantile `q` ∈ [0, 1] (numpy linear interpolation) over the last `window` samples.
    /// - Complexity: rank within m ≤ min(64, w/4) of either end: O(log m) per step plus O(m)
    ///   per value entering a top-m array (rare on typical data; every step on a monotone
    ///   series). Otherwise w > 128: O(log w) amortized per step (block sorts) plus O(1)
    ///   expected cursor moves; w ≤ 128: O(w/8) vector compares and one short `memmove` per
    ///   step. O(w) scratch. NaN input: unspecified values, never a crash.
    public static func quantile(_ x: [Double], window: Int, q: Double) -> [Double] {
        run(x) { quantile($0, window: window, q: q, into: $1) }
    }

    static func run(
        _ x: [Double], _ body: (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>) -> Void
    ) -> [Double] {
        [Double](unsafeUninitializedCapacity: x.count) { out, initialized in
            x.withUnsafeBufferPointer { body($0, out) }
            initialized = x.count
        }
    }

    /// Fills `out[0..<w−1]` (clamped to `n`) with NaN; returns false when nothing else to do.
    @inlinable
    static func prefillNaN(_ n: Int, _ w: Int, _ out: UnsafeMutableBufferPointer<Double>) -> Bool {
        precondition(w >= 1, "rolling window must be >= 1, got \(w)")
        precondition(out.count >= n, "output buffer too small: \(out.count) < \(n)")
        let m = Swift.min(w - 1, n)
        for i in 0..<m { out[i] = .nan }
        return n >= w
    }
}
