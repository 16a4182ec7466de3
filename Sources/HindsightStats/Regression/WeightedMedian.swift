/// The value minimising `Σ wᵢ·|c − yᵢ|`: the weighted median.
///
/// With weights `1 / yᵢ` it is the constant with the least mean absolute percentage error
/// over positive `yᵢ` (`Σ |c − yᵢ| / yᵢ`), which is why latency fits here use it.
///
/// Definition used: sort by value; the result is the first value whose cumulative weight
/// reaches half the total weight. Edge cases: pairs with a non-finite value or a weight
/// ≤ 0 are skipped; nothing left gives nil.
///
/// ```swift
/// WeightedMedian.of([1, 2, 3], weights: [1, 1, 1])        // 2
/// WeightedMedian.of([1, 2, 3], weights: [1, 1, 5])        // 3
/// ```
public enum WeightedMedian {
    /// The weighted median of `values` with `weights` (equal lengths, precondition).
    /// - Complexity: O(n log n) for the sort.
    public static func of(_ values: [Double], weights: [Double]) -> Double? {
        precondition(values.count == weights.count,
                     "WeightedMedian.of: \(values.count) values but \(weights.count) weights")
        var pairs: [(v: Double, w: Double)] = []
        pairs.reserveCapacity(values.count)
        for i in values.indices where values[i].isFinite && weights[i].isFinite && weights[i] > 0 {
            pairs.append((values[i], weights[i]))
        }
        guard !pairs.isEmpty else { return nil }
        pairs.sort { $0.v < $1.v }
        let half = pairs.reduce(0) { $0 + $1.w } / 2
        var running = 0.0
        for p in pairs {
            running += p.w
            if running >= half { return p.v }
        }
        return pairs[pairs.count - 1].v
    }

    /// The constant with the least MAPE against the positive finite `values`: the
    /// weighted median with weights `1 / value`; nil when none is positive.
    /// - Complexity: O(n log n).
    public static func leastPercentageError(_ values: [Double]) -> Double? {
        let kept = values.filter { $0.isFinite && $0 > 0 }
        return of(kept, weights: kept.map { 1 / $0 })
    }
}
