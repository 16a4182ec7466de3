/// The Pareto front of points scored on two costs, both to be made small (cost or
/// emissions against SLO violation, in a sweep).
///
/// Point `i` is *dominated* when some point `j` is no worse on both scores and better
/// on one: `x[j] ≤ x[i]`, `y[j] ≤ y[i]`, and `x[j] < x[i]` or `y[j] < y[i]`. The front is
/// every point no other point dominates; two identical points are both on it.
///
/// ```swift
/// ParetoFront.indices(x: [3, 1, 2, 2], y: [1, 3, 2, 4])   // [0, 1, 2]
/// ```
public enum ParetoFront {
    /// Indices of the non-dominated points, ascending. A point with a NaN or infinite
    /// score is never on the front and never dominates another. Empty input → empty.
    /// - Precondition: `x.count == y.count`.
    /// - Complexity: O(n log n): one sort by (x, y), then one pass keeping the smallest
    ///   `y` of the points with a smaller `x`.
    public static func indices(x: [Double], y: [Double]) -> [Int] {
        precondition(x.count == y.count, "ParetoFront.indices: \(x.count) x scores but \(y.count) y scores")
        let order = x.indices.filter { x[$0].isFinite && y[$0].isFinite }
            .sorted { (x[$0], y[$0], $0) < (x[$1], y[$1], $1) }
        var front: [Int] = []
        // The smallest y among points whose x is strictly smaller than the current group's.
        var bestBefore = Double.infinity
        var g = 0
        while g < order.count {
            var end = g
            while end < order.count && x[order[end]] == x[order[g]] { end += 1 }
            // Sorted by y inside the group: its first point has the group's smallest y.
            let groupBest = y[order[g]]
            for k in g..<end {
                let yk = y[order[k]]
                if yk < bestBefore && yk == groupBest { front.append(order[k]) }
            }
            bestBefore = min(bestBefore, groupBest)
            g = end
        }
        return front.sorted()
    }
}
