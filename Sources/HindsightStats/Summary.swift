/// One-pass summary of a `Double` buffer: count, sum, mean, variance, min and max.
///
/// The variance is numerically stable: the buffer is cut into blocks that fit in the L1
/// cache; each block's mean and sum of squared deviations are computed exactly (two passes
/// over the cached block, SIMD), and blocks are combined with Chan's parallel formula.
/// Memory is read once.
///
/// Edge cases: an empty buffer gives `count == 0`, `sum == 0`, and NaN for mean, variance,
/// min and max. Any NaN in the input makes sum, mean, variance, min and max NaN (as numpy).
///
/// ```swift
/// let s = Summary(of: [1, 2, 3, 4])
/// s.mean            // 2.5
/// s.sampleVariance  // 1.666…
/// ```
public struct Summary: Sendable, Equatable {
    /// Number of values.
    public var count: Int
    /// Sum of the values.
    public var sum: Double
    /// Arithmetic mean (NaN when empty).
    public var mean: Double
    /// Sum of squared deviations from the mean, Σ(x − mean)² (0 when empty).
    public var m2: Double
    /// Smallest value (NaN when empty or when any value is NaN).
    public var min: Double
    /// Largest value (NaN when empty or when any value is NaN).
    public var max: Double

    /// Population variance, `m2 / count` (numpy `var()` with `ddof=0`); NaN when empty.
    public var populationVariance: Double { count > 0 ? m2 / Double(count) : .nan }
    /// Sample variance, `m2 / (count − 1)` (pandas `var()`); NaN when `count < 2`.
    public var sampleVariance: Double { count > 1 ? m2 / Double(count - 1) : .nan }
    /// Sample standard deviation, √`sampleVariance`; NaN when `count < 2`.
    public var sampleStd: Double { sampleVariance.squareRoot() }

    /// Creates a summary from its parts (no validation).
    public init(count: Int, sum: Double, mean: Double, m2: Double, min: Double, max: Double) {
        self.count = count
        self.sum = sum
        self.mean = mean
        self.m2 = m2
        self.min = min
        self.max = max
    }

    /// Summarizes `values` in one pass over memory.
    /// - Complexity: O(n), SIMD, no allocation.
    @inlinable
    public init(of values: UnsafeBufferPointer<Double>) {
        self = Summary._compute(values)
    }

    /// Summarizes `values` in one pass over memory.
    /// - Complexity: O(n), SIMD, no allocation.
    @inlinable
    public init(of values: [Double]) {
        self = values.withUnsafeBufferPointer { Summary._compute($0) }
    }

    /// Merges two summaries of disjoint data sets (Chan et al.).
    /// - Complexity: O(1).
    @inlinable
    public func merged(with other: Summary) -> Summary {
        if other.count == 0 { return self }
        if count == 0 { return other }
        let n = count + other.count
        let na = Double(count), nb = Double(other.count), nn = Double(n)
        let delta = other.mean - mean
        let newMean = mean + delta * (nb / nn)
        let newM2 = m2 + other.m2 + delta * delta * (na * nb / nn)
        let lo = (min.isNaN || other.min.isNaN) ? Double.nan : Swift.min(min, other.min)
        let hi = (max.isNaN || other.max.isNaN) ? Double.nan : Swift.max(max, other.max)
        return Summary(count: n, sum: sum + other.sum, mean: newMean, m2: newM2, min: lo, max: hi)
    }

    @inlinable
    static func _compute(_ x: UnsafeBufferPointer<Double>) -> Summary {
        guard let base = x.baseAddress, x.count > 0 else {
            return Summary(count: 0, sum: 0, mean: .nan, m2: 0, min: .nan, max: .nan)
        }
        let block = 2048
        var total = Summary(count: 0, sum: 0, mean: .nan, m2: 0, min: .nan, max: .nan)
        var start = 0
        var sawNaN = false
        while start < x.count {
            let len = Swift.min(block, x.count - start)
            let p = base + start
            let s = Kernels.sum(p, len)
            let m0 = s / Double(len)
            let (ds, dq) = Kernels.deviations(p, len, from: m0)  // corrected two-pass
            let m = m0 + ds / Double(len)
            let m2 = Swift.max(0, dq - ds * (ds / Double(len)))
            let (lo, hi, nan) = Kernels.minMax(p, len)
            sawNaN = sawNaN || nan
            let part = Summary(count: len, sum: s, mean: m, m2: m2, min: lo, max: hi)
            total = total.merged(with: part)
            start += len
        }
        if sawNaN {
            total.min = .nan
            total.max = .nan
        }
        return total
    }
}

extension Summary {
    /// Sum of `values` (SIMD, four 8-lane accumulators). 0 when empty; NaN when any is NaN.
    /// - Complexity: O(n), no allocation.
    @inlinable
    public static func sum(_ values: UnsafeBufferPointer<Double>) -> Double {
        guard let base = values.baseAddress else { return 0 }
        return Kernels.sum(base, values.count)
    }

    /// Sum of `values`; see ``sum(_:)-(UnsafeBufferPointer<Double>)``.
    /// - Complexity: O(n), no allocation.
    @inlinable
    public static func sum(_ values: [Double]) -> Double {
        values.withUnsafeBufferPointer { sum($0) }
    }

    /// Arithmetic mean of `values`; NaN when empty.
    /// - Complexity: O(n), no allocation.
    @inlinable
    public static func mean(_ values: UnsafeBufferPointer<Double>) -> Double {
        values.isEmpty ? .nan : sum(values) / Double(values.count)
    }

    /// Arithmetic mean of `values`; NaN when empty.
    /// - Complexity: O(n), no allocation.
    @inlinable
    public static func mean(_ values: [Double]) -> Double {
        values.withUnsafeBufferPointer { mean($0) }
    }

    /// Variance with `ddof` degrees of freedom removed (numpy `var(ddof:)`): 0 for the
    /// population, 1 for the sample. NaN when `count <= ddof`.
    /// - Complexity: O(n), one pass over memory, no allocation.
    @inlinable
    public static func variance(_ values: UnsafeBufferPointer<Double>, ddof: Int = 0) -> Double {
        let s = Summary(of: values)
        return s.count > ddof ? s.m2 / Double(s.count - ddof) : .nan
    }

    /// Variance of `values`; see ``variance(_:ddof:)-(UnsafeBufferPointer<Double>,_)``.
    /// - Complexity: O(n), no allocation.
    @inlinable
    public static func variance(_ values: [Double], ddof: Int = 0) -> Double {
        values.withUnsafeBufferPointer { variance($0, ddof: ddof) }
    }

    /// Smallest value; NaN when empty or when any value is NaN.
    /// - Complexity: O(n), SIMD, no allocation.
    @inlinable
    public static func minimum(_ values: UnsafeBufferPointer<Double>) -> Double {
        guard let base = values.baseAddress, !values.isEmpty else { return .nan }
        let (lo, _, nan) = Kernels.minMax(base, values.count)
        return nan ? .nan : lo
    }

    /// Largest value; NaN when empty or when any value is NaN.
    /// - Complexity: O(n), SIMD, no allocation.
    @inlinable
    public static func maximum(_ values: UnsafeBufferPointer<Double>) -> Double {
        guard let base = values.baseAddress, !values.isEmpty else { return .nan }
        let (_, hi, nan) = Kernels.minMax(base, values.count)
        return nan ? .nan : hi
    }

    /// Smallest value of an array; see ``minimum(_:)-(UnsafeBufferPointer<Double>)``.
    /// - Complexity: O(n).
    @inlinable
    public static func minimum(_ values: [Double]) -> Double { values.withUnsafeBufferPointer { minimum($0) } }

    /// Largest value of an array; see ``maximum(_:)-(UnsafeBufferPointer<Double>)``.
    /// - Complexity: O(n).
    @inlinable
    public static func maximum(_ values: [Double]) -> Double { values.withUnsafeBufferPointer { maximum($0) } }
}
