/// The streaming form of ``MinMaxDownsampler``: fixed time slices of `[start, end)`,
/// filled one sample at a time, so a chart of a year of 15 s steps needs `buckets`
/// entries of memory instead of the whole series.
///
/// Feeding the samples of `downsample(times:values:start:end:buckets:)` in order, with
/// their array index as `index`, gives the same buckets.
public struct MinMaxAccumulator: Sendable, Equatable {
    /// The range covered, ms since the epoch (`end` exclusive).
    public let start: Int64
    public let end: Int64
    /// One entry per slice, nil while the slice holds no finite value.
    public private(set) var buckets: [MinMaxBucket?]

    /// - Parameter buckets: number of slices (0 or less keeps none).
    /// - Complexity: O(buckets).
    public init(start: Int64, end: Int64, buckets: Int) {
        self.start = start
        self.end = end
        self.buckets = [MinMaxBucket?](repeating: nil, count: max(0, buckets))
    }

    /// Reduces one sample: ignored when `time` is outside `[start, end)` or `value` is
    /// NaN or ±∞. `index` is the sample's position in the series (kept as `minIndex`/`maxIndex`).
    /// - Complexity: O(1).
    @inline(__always)
    public mutating func add(time t: Int64, value v: Double, index i: Int) {
        guard !buckets.isEmpty, end > start, t >= start, t < end, v.isFinite else { return }
        let span = end &- start
        let count64 = Int64(buckets.count)
        let offset = t &- start
        let (product, overflow) = offset.multipliedReportingOverflow(by: count64)
        let b = overflow ? Int(Double(offset) / Double(span) * Double(buckets.count)) : Int(product / span)
        let slot = Swift.min(Swift.max(b, 0), buckets.count - 1)
        if var bucket = buckets[slot] {
            if v < bucket.min { bucket.min = v; bucket.minIndex = i }
            if v > bucket.max { bucket.max = v; bucket.maxIndex = i }
            bucket.last = v
            bucket.count += 1
            buckets[slot] = bucket
        } else {
            buckets[slot] = MinMaxBucket(min: v, max: v, minIndex: i, maxIndex: i, first: v, last: v, count: 1)
        }
    }
}
