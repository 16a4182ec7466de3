/// Internal SIMD kernels on raw `Double` pointers. Not API: use ``Summary`` and friends.
public enum Kernels {
    /// Loads 8 doubles from `p` (no alignment needed).
    @inlinable @inline(__always)
    static func load8(_ p: UnsafePointer<Double>) -> SIMD8<Double> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Double>.self)
    }

    /// Σ p[0..<n] with four SIMD8 accumulators.
    /// - Complexity: O(n).
    @inlinable
    public static func sum(_ p: UnsafePointer<Double>, _ n: Int) -> Double {
        var a0 = SIMD8<Double>(), a1 = SIMD8<Double>(), a2 = SIMD8<Double>(), a3 = SIMD8<Double>()
        var i = 0
        while i + 32 <= n {
            a0 += load8(p + i)
            a1 += load8(p + i + 8)
            a2 += load8(p + i + 16)
            a3 += load8(p + i + 24)
            i += 32
        }
        while i + 8 <= n {
            a0 += load8(p + i)
            i += 8
        }
        var s = ((a0 + a1) + (a2 + a3)).sum()
        while i < n {
            s += p[i]
            i += 1
        }
        return s
    }

    /// Σ (p[i] − m)² with four SIMD8 accumulators.
    /// - Complexity: O(n).
    @inlinable
    public static func sumSquaredDeviations(_ p: UnsafePointer<Double>, _ n: Int, from m: Double) -> Double {
        var a0 = SIMD8<Double>(), a1 = SIMD8<Double>(), a2 = SIMD8<Double>(), a3 = SIMD8<Double>()
        let mv = SIMD8<Double>(repeating: m)
        var i = 0
        while i + 32 <= n {
            let d0 = load8(p + i) - mv, d1 = load8(p + i + 8) - mv
            let d2 = load8(p + i + 16) - mv, d3 = load8(p + i + 24) - mv
            a0 += d0 * d0
            a1 += d1 * d1
            a2 += d2 * d2
            a3 += d3 * d3
            i += 32
        }
        while i + 8 <= n {
            let d = load8(p + i) - mv
            a0 += d * d
            i += 8
        }
        var s = ((a0 + a1) + (a2 + a3)).sum()
        while i < n {
            let d = p[i] - m
            s += d * d
            i += 1
        }
        return s
    }

    /// (min, max, sawNaN) of p[0..<n], n > 0.
    /// - Complexity: O(n).
    @inlinable
    public static func minMax(_ p: UnsafePointer<Double>, _ n: Int) -> (Double, Double, Bool) {
        var lo = p[0], hi = p[0]
        var nan = p[0].isNaN
        var i = 0
        if n >= 16 {
            var l0 = load8(p), h0 = l0, l1 = l0, h1 = l0
            var bad = SIMDMask<SIMD8<Int64>>(repeating: false)
            while i + 16 <= n {
                let v0 = load8(p + i), v1 = load8(p + i + 8)
                l0 = pointwiseMin(l0, v0)
                h0 = pointwiseMax(h0, v0)
                l1 = pointwiseMin(l1, v1)
                h1 = pointwiseMax(h1, v1)
                bad .|= (v0 .!= v0) .| (v1 .!= v1)
                i += 16
            }
            lo = pointwiseMin(l0, l1).min()
            hi = pointwiseMax(h0, h1).max()
            nan = nan || any(bad)
        }
        while i < n {
            let v = p[i]
            if v < lo { lo = v }
            if v > hi { hi = v }
            if v.isNaN { nan = true }
            i += 1
        }
        return (lo, hi, nan)
    }
}
