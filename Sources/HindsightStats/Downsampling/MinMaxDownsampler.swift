/// Min/max-per-bucket downsampling for drawing long series: each pixel column keeps
/// the lowest and the highest value that fell in it, so a one-step spike in a month of
/// 15 s samples is still drawn.
public enum MinMaxDownsampler {
    /// Splits `[start, end)` into `buckets` equal time slices and reduces the finite
    /// values whose time falls in each.
    ///
    /// - Parameters:
    ///   - times: ms since the epoch, one per value (need not be sorted; a value whose
    ///     time is outside `[start, end)` is ignored, as is any index past the shorter array).
    ///   - values: NaN and ±∞ are skipped (a gap).
    ///   - buckets: number of slices (≥ 1; 0 or less yields `[]`).
    /// - Returns: one entry per slice, nil where the slice holds no finite value.
    ///   An empty range (`end <= start`) yields all nil.
    /// - Complexity: O(values + buckets), one pass, no allocation beyond the result.
    public static func downsample(times: [Int64], values: [Double], start: Int64, end: Int64,
                                  buckets: Int) -> [MinMaxBucket?] {
        guard buckets > 0 else { return [] }
        var out = [MinMaxBucket?](repeating: nil, count: buckets)
        guard end > start else { return out }
        let span = end &- start
        let n = min(times.count, values.count)
        let count64 = Int64(buckets)
        for i in 0..<n {
            let t = times[i]
            let v = values[i]
            guard t >= start, t < end, v.isFinite else { continue }
            let offset = t &- start
            let (product, overflow) = offset.multipliedReportingOverflow(by: count64)
            let b = overflow ? Int(Double(offset) / Double(span) * Double(buckets)) : Int(product / span)
            let index = Swift.min(Swift.max(b, 0), buckets - 1)
            if var bucket = out[index] {
                if v < bucket.min { bucket.min = v; bucket.minIndex = i }
                if v > bucket.max { bucket.max = v; bucket.maxIndex = i }
                bucket.last = v
                bucket.count += 1
                out[index] = bucket
            } else {
                out[index] = MinMaxBucket(min: v, max: v, minIndex: i, maxIndex: i, first: v, last: v, count: 1)
            }
        }
        return out
    }
}
