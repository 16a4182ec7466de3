/// Cuts a sorted sample into bins of about equal count that never split equal values.
///
/// Bin `b` of `bins` would end at `(b + 1) × n / bins`; its end moves past any run of
/// values equal to the one before it (a trace often has many steps at load 0), and a bin
/// left empty by an earlier bin's ties is dropped, so there may be fewer ranges than `bins`.
///
/// ```swift
/// EqualCountBins.ranges(sorted: [0, 0, 0, 1, 2, 3], bins: 3)  // [0..<3, 3..<4, 4..<6]
/// ```
public enum EqualCountBins {
    /// The index ranges of the bins of `sorted` (ascending), at most `bins` of them,
    /// covering every index once; empty for an empty sample.
    /// - Precondition: `bins` ≥ 1.
    /// - Complexity: O(n).
    public static func ranges(sorted: [Double], bins: Int) -> [Range<Int>] {
        precondition(bins >= 1, "EqualCountBins needs at least one bin, got \(bins)")
        let n = sorted.count
        let count = min(bins, n)
        var result: [Range<Int>] = []
        result.reserveCapacity(count)
        var lo = 0
        for b in 0..<count {
            var hi = max(lo, (b + 1) * n / count)
            while hi > 0, hi < n, sorted[hi] == sorted[hi - 1] { hi += 1 }
            if hi > lo { result.append(lo..<hi) }
            lo = hi
        }
        return result
    }
}
