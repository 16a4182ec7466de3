/// The finite values of one time slice, reduced to what a chart needs to draw it
/// without losing spikes: extremes (and where they occur) and the ends.
public struct MinMaxBucket: Sendable, Equatable {
    /// Smallest finite value of the slice.
    public var min: Double
    /// Largest finite value of the slice.
    public var max: Double
    /// Sample index of the first occurrence of `min`.
    public var minIndex: Int
    /// Sample index of the first occurrence of `max`.
    public var maxIndex: Int
    /// The first finite value of the slice, in sample order.
    public var first: Double
    /// The last finite value of the slice, in sample order.
    public var last: Double
    /// Number of finite samples reduced.
    public var count: Int

    public init(min: Double, max: Double, minIndex: Int, maxIndex: Int, first: Double, last: Double, count: Int) {
        self.min = min; self.max = max; self.minIndex = minIndex; self.maxIndex = maxIndex
        self.first = first; self.last = last; self.count = count
    }
}
