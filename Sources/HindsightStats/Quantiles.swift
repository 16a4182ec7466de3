/// Exact quantiles with numpy's default method (`linear`, "type 7"): for q ∈ [0, 1] the
/// virtual index is h = q·(n − 1) and the result interpolates linearly between the order
/// statistics ⌊h⌋ and ⌊h⌋ + 1.
///
/// Several quantiles are found at once by selection, never by a full sort. Large inputs use
/// a sampling filter (Floyd–Rivest style): a fixed-seed sample brackets each wanted rank by
/// two values, one streaming SIMD pass counts the values below each bracket and copies the
/// few inside it, and selection runs on those candidates only. When a bracket misses (rare;
/// e.g. heavy ties), the exact fallback copies the input and runs introselect.
///
/// Edge cases: empty input gives NaN for every q; any NaN in the input gives NaN for every q
/// (as `numpy.quantile`). Each q must lie in [0, 1] (checked with a precondition — validate
/// user input before calling).
///
/// ```swift
/// Quantiles.compute([1, 2, 3, 4], [0.5, 0.25])   // [2.5, 1.75]
/// ```
public enum Quantiles {
    /// Quantiles `qs` (each in [0, 1]) of `values`, in the order of `qs`.
    /// - Complexity: O(n) expected per call (one streaming pass plus selection on O(n/√s)
    ///   candidates); the input is not modified.
    public static func compute(_ values: UnsafeBufferPointer<Double>, _ qs: [Double]) -> [Double] {
        for q in qs {
            precondition(q >= 0 && q <= 1, "quantile q must be in [0, 1], got \(q)")
        }
        let n = values.count
        guard n > 0, let base = values.baseAddress else { return qs.map { _ in .nan } }
        if n >= 1 << 16, let r = sampled(base, n, qs) {
            return r
        }
        return exact(values, qs)
    }

    /// Quantiles `qs` of an array; see ``compute(_:_:)-(UnsafeBufferPointer<Double>,_)``.
    /// - Complexity: O(n) expected.
    public static func compute(_ values: [Double], _ qs: [Double]) -> [Double] {
        values.withUnsafeBufferPointer { compute($0, qs) }
    }

    /// Median (q = 0.5) of `values`; NaN when empty or when any value is NaN.
    /// - Complexity: O(n) expected.
    public static func median(_ values: [Double]) -> Double {
        compute(values, [0.5])[0]
    }

    /// Quantile `q` of an already sorted (ascending, NaN-free) buffer; NaN when empty.
    /// - Complexity: O(1).
    @inlinable
    public static func sortedQuantile(_ sorted: UnsafePointer<Double>, count n: Int, _ q: Double) -> Double {
        if n <= 0 { return .nan }
        let h = q * Double(n - 1)
        let k = Swift.min(Swift.max(Int(h.rounded(.down)), 0), n - 1)
        let k1 = Swift.min(k + 1, n - 1)
        return Selection.lerp(sorted[k], sorted[k1], h - Double(k))
    }

    /// Rank ⌊q(n−1)⌋ and the interpolation weight for quantile `q` of `n` values.
    @inlinable @inline(__always)
    static func rank(_ q: Double, _ n: Int) -> (Int, Double) {
        let h = q * Double(n - 1)
        let k = Swift.min(Swift.max(Int(h.rounded(.down)), 0), n - 1)
        return (k, h - Double(k))
    }

    /// Copy + introselect: exact for every input.
    static func exact(_ values: UnsafeBufferPointer<Double>, _ qs: [Double]) -> [Double] {
        let n = values.count
        let buf = UnsafeMutablePointer<Double>.allocate(capacity: n)
        defer { buf.deallocate() }
        var nan = false
        for i in 0..<n {
            let v = values[i]
            if v.isNaN { nan = true }
            buf[i] = v
        }
        if nan { return qs.map { _ in .nan } }
        // Select ranks in ascending order on shrinking ranges.
        let order = qs.indices.sorted { qs[$0] < qs[$1] }
        var out = [Double](repeating: .nan, count: qs.count)
        var start = 0
        var lastK = -1
        var lastA = 0.0
        for idx in order {
            let (k, t) = rank(qs[idx], n)
            let a: Double
            if k == lastK {
                a = lastA
            } else {
                Selection.select(buf, start, n, k)
                a = buf[k]
                start = k + 1
                lastK = k
                lastA = a
            }
            let b = k + 1 < n ? Selection.minimum(buf, k + 1, n) : a
            out[idx] = Selection.lerp(a, b, t)
        }
        return out
    }
}
