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
        var accumulator = MinMaxAccumulator(start: start, end: end, buckets: buckets)
        let n = min(times.count, values.count)
        for i in 0..<n { accumulator.add(time: times[i], value: values[i], index: i) }
        return accumulator.buckets
    }
}
