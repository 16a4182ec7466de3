extension RecentValues {
    /// Least-squares trend of the kept values: the line through (0, oldest kept) …
    /// (k − 1, newest) extrapolated `horizon` (≥ 1) steps past the newest; nil with fewer
    /// than two values kept. With `capacity` = w this is a trend over the last w values.
    ///
    /// ```swift
    /// var r = RecentValues(capacity: 10)
    /// for k in 0..<30 { r.append(3 + 2 * Double(k)) }
    /// r.linearTrend(ahead: 5)   // 71
    /// ```
    /// - Complexity: O(kept).
    @inlinable
    public func linearTrend(ahead horizon: Int) -> Double? {
        precondition(horizon >= 1, "horizon must be >= 1, got \(horizon)")
        let n = kept
        guard n >= 2 else { return nil }
        var line = LeastSquaresLine()
        for j in 0..<n {
            line.add(x: Double(j), y: self[count - n + j])
        }
        return line.value(at: Double(n - 1) + Double(horizon))
    }

    /// Seasonal-naive forecast with the season m = `capacity`: the value one season
    /// before the forecast step `horizon` (≥ 1) steps ahead, i.e. the value at position
    /// ``seasonalSource(count:season:horizon:)``; nil with less than one season added.
    ///
    /// ```swift
    /// var r = RecentValues(capacity: 4)
    /// for x in [1.0, 2, 3, 4, 10, 20, 30, 40] { r.append(x) }
    /// r.seasonalNaive(ahead: 6)   // 20
    /// ```
    /// - Complexity: O(1).
    @inlinable
    public func seasonalNaive(ahead horizon: Int) -> Double? {
        precondition(horizon >= 1, "horizon must be >= 1, got \(horizon)")
        guard count >= capacity else { return nil }
        return self[Self.seasonalSource(count: count, season: capacity, horizon: horizon)]
    }

    /// The stream position a seasonal-naive forecast `horizon` (≥ 1) steps after `n`
    /// values repeats, with season `m` (needs `n` ≥ `m`): n − m + (h − 1) mod m.
    /// - Complexity: O(1).
    @inlinable
    public static func seasonalSource(count n: Int, season m: Int, horizon: Int) -> Int {
        n - m + (horizon - 1) % m
    }
}
