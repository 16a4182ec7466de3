/// Bucket aggregation of irregular samples onto a regular grid, and min/max downsampling
/// for charts. Times are Int64 milliseconds.
public enum Resample {
    /// How a bucket's samples become one value.
    public enum Aggregation: String, Sendable, CaseIterable {
        /// Arithmetic mean (NaN for an empty bucket).
        case mean
        /// Largest value (NaN for an empty bucket).
        case max
        /// Smallest value (NaN for an empty bucket).
        case min
        /// Sum (0 for an empty bucket, as pandas `resample().sum()`).
        case sum
        /// The value with the latest timestamp; on equal timestamps the later one in input
        /// order (NaN for an empty bucket).
        case last
        /// Number of samples (0 for an empty bucket).
        case count
    }

    /// Aggregates samples into `buckets` buckets: bucket b covers
    /// [start + b·step, start + (b+1)·step). Samples outside the grid are ignored; samples may
    /// come in any order. `step > 0` and `buckets ≥ 0` (precondition).
    /// - Complexity: O(n + buckets), no sorting.
    public static func buckets(
        timestamps t: [Int64], values: [Double], start: Int64, step: Int64, buckets count: Int,
        _ agg: Aggregation
    ) -> [Double] {
        precondition(t.count == values.count, "timestamps (\(t.count)) and values (\(values.count)) differ in length")
        precondition(step > 0, "bucket step must be > 0 ms, got \(step)")
        precondition(count >= 0, "bucket count must be >= 0, got \(count)")
        let empty: Double = (agg == .sum || agg == .count) ? 0 : .nan
        var out = [Double](repeating: empty, count: count)
        var n = [Int](repeating: 0, count: agg == .mean ? count : 0)
        var lastT = [Int64](repeating: .min, count: agg == .last ? count : 0)
        for i in 0..<t.count {
            let off = t[i].subtractingReportingOverflow(start)
            if off.overflow || off.partialValue < 0 { continue }
            let b64 = off.partialValue / step
            if b64 >= Int64(count) { continue }
            let b = Int(b64)
            let v = values[i]
            switch agg {
            case .mean:
                out[b] = n[b] == 0 ? v : out[b] + v
                n[b] += 1
            case .sum: out[b] += v
            case .count: out[b] += 1
            case .max: out[b] = out[b].isNaN || v > out[b] ? v : out[b]
            case .min: out[b] = out[b].isNaN || v < out[b] ? v : out[b]
            case .last:
                if t[i] >= lastT[b] {
                    lastT[b] = t[i]
                    out[b] = v
                }
            }
        }
        if agg == .mean {
            for b in 0..<count where n[b] > 0 { out[b] /= Double(n[b]) }
        }
        return out
    }

    /// Min/max downsampling for charts: splits the indices 0..<n into `buckets` nearly equal
    /// runs and keeps, per run, the index of its minimum and of its maximum, in index order
    /// (one index when they coincide). The polyline through the kept points has the same
    /// envelope as the full series. `buckets ≥ 1` (precondition); with n ≤ 2·buckets every
    /// index is kept.
    /// - Complexity: O(n).
    public static func minMaxIndices(_ values: [Double], buckets: Int) -> [Int] {
        precondition(buckets >= 1, "buckets must be >= 1, got \(buckets)")
        let n = values.count
        if n <= 2 * buckets { return Array(0..<n) }
        var keep: [Int] = []
        keep.reserveCapacity(2 * buckets)
        for b in 0..<buckets {
            let lo = b * n / buckets, hi = (b + 1) * n / buckets
            guard lo < hi else { continue }
            var iMin = lo, iMax = lo
            for i in lo..<hi {
                if values[i] < values[iMin] { iMin = i }
                if values[i] > values[iMax] { iMax = i }
            }
            if iMin == iMax {
                keep.append(iMin)
            } else {
                keep.append(Swift.min(iMin, iMax))
                keep.append(Swift.max(iMin, iMax))
            }
        }
        return keep
    }
}
