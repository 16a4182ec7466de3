import HindsightStats

/// Small reductions over chart columns. NaN and ±∞ are skipped everywhere.
enum ChartData {
    /// Smallest and largest finite value over all `columns`, nil when there is none.
    /// - Complexity: O(total values).
    static func extent(_ columns: [[Double]]) -> (min: Double, max: Double)? {
        var lo = Double.infinity, hi = -Double.infinity
        for column in columns {
            for v in column where v.isFinite {
                if v < lo { lo = v }
                if v > hi { hi = v }
            }
        }
        return lo <= hi ? (lo, hi) : nil
    }

    /// The `q`-quantile (0...1, nearest rank, `Quantiles.nearestRank`) of the finite
    /// values over all `columns`, nil when none.
    /// - Complexity: O(n) expected.
    static func quantile(_ columns: [[Double]], _ q: Double) -> Double? {
        var all: [Double] = []
        all.reserveCapacity(columns.reduce(0) { $0 + $1.count })
        for column in columns { all.append(contentsOf: column.lazy.filter(\.isFinite)) }
        guard !all.isEmpty else { return nil }
        return Quantiles.nearestRank(&all, min(max(q, 0), 1))
    }
}
