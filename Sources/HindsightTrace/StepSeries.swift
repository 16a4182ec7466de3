/// A time series read sample-and-hold: the value at `t` is the value of the latest
/// sample at or before `t`; before the first sample, the first value (SEMANTICS.md §1).
/// Used for grid carbon intensity and price multipliers.
public struct StepSeries: Sendable, Equatable {
    /// Sample instants, strictly ascending, non-empty.
    public let times: [SimInstant]
    public let values: [Double]

    /// - Precondition: `times` non-empty, ascending, same count as `values`.
    public init(times: [SimInstant], values: [Double]) {
        precondition(!times.isEmpty && times.count == values.count,
                     "StepSeries needs matching non-empty arrays, got \(times.count) times and \(values.count) values")
        self.times = times; self.values = values
    }

    /// A constant series.
    public init(constant: Double) { self.init(times: [.epoch], values: [constant]) }

    /// The value in force at `t`.
    /// - Complexity: O(log n).
    public func value(at t: SimInstant) -> Double {
        var lo = 0, hi = times.count  // first index with times[i] > t
        while lo < hi {
            let mid = (lo + hi) / 2
            if times[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        return values[max(lo - 1, 0)]
    }

    /// True when every value is the same.
    public var isConstant: Bool { values.allSatisfy { $0 == values[0] } }
}
