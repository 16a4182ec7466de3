/// The finite values of one time slice, reduced to what a chart needs to draw it
/// without losing spikes: extremes (and where they occur) and the ends.
public struct MinMaxBucket: Sendable, Equatable {
    public var min: Double
    public var max: Double
    /// Sample indexes of the extremes (the first occurrence of each).
    public var minIndex: Int
    public var maxIndex: Int
    /// The first and last finite values of the slice, in time order.
    public var first: Double
    public var last: Double
    /// Number of finite samples reduced.
    public var count: Int

    public init(min: Double, max: Double, minIndex: Int, maxIndex: Int, first: Double, last: Double, count: Int) {
        self.min = min; self.max = max; self.minIndex = minIndex; self.maxIndex = maxIndex
        self.first = first; self.last = last; self.count = count
    }
}
