extension Quantiles {
    /// The `q`-quantile by nearest rank: the order statistic at index round(q·(n − 1))
    /// (halves rounded away from zero), an actual sample rather than an interpolation.
    /// `values` is reordered in place (selection, not a full sort).
    ///
    /// NaN when `values` is empty or holds a NaN; `q` must lie in [0, 1] (precondition).
    ///
    /// ```swift
    /// var v: [Double] = [4, 1, 3, 2]
    /// Quantiles.nearestRank(&v, 0.5)   // 3  (index round(1.5) = 2)
    /// ```
    /// - Complexity: O(n) expected, O(n log n) worst case; no allocation.
    public static func nearestRank(_ values: inout [Double], _ q: Double) -> Double {
        precondition(q >= 0 && q <= 1, "quantile q must be in [0, 1], got \(q)")
        let n = values.count
        guard n > 0, !values.contains(where: \.isNaN) else { return .nan }
        let k = Swift.min(Swift.max(Int((q * Double(n - 1)).rounded()), 0), n - 1)
        return values.withUnsafeMutableBufferPointer { a -> Double in
            guard let base = a.baseAddress else { return .nan }
            Selection.select(base, 0, n, k)
            return base[k]
        }
    }

    /// The median with the middle two averaged for an even count, (a + b)/2 — the
    /// textbook median (numpy `median`), which can differ in the last bit from
    /// `compute(_, [0.5])`'s interpolation. `values` is reordered in place.
    ///
    /// nil when `values` is empty; NaN when it holds a NaN.
    ///
    /// ```swift
    /// var v: [Double] = [3, 1, 4, 2]
    /// Quantiles.middleMedian(&v)   // 2.5
    /// ```
    /// - Complexity: O(n) expected, O(n log n) worst case; no allocation.
    public static func middleMedian(_ values: inout [Double]) -> Double? {
        let n = values.count
        guard n > 0 else { return nil }
        if values.contains(where: \.isNaN) { return .nan }
        let m = n / 2
        return values.withUnsafeMutableBufferPointer { a -> Double in
            guard let base = a.baseAddress else { return .nan }
            Selection.select(base, 0, n, m)
            let upper = base[m]
            guard n % 2 == 0 else { return upper }
            // Everything before index m is ≤ a[m]: the (m − 1)-th smallest is their maximum.
            var lower = base[0]
            for i in 1..<m where base[i] > lower { lower = base[i] }
            return (lower + upper) / 2
        }
    }
}
