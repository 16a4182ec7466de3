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
        // Two SIMD8 accumulators: 8 independent xmm chains at the portable (SSE2) target,
        // 4 ymm chains with AVX2 — more would spill registers at SSE2.
        // Large inputs: four address streams at once (quarters of the buffer), which keeps
        // more hardware prefetch streams busy than one sequential stream.
        var a0 = SIMD8<Double>(), a1 = SIMD8<Double>()
        var i = 0
        if n >= 1 << 16 {
            let q = (n / 4) & ~7
            let p1 = p + q, p2 = p + 2 * q, p3 = p + 3 * q
            var j = 0
            while j < q {
                a0 += load8(p + j) + load8(p1 + j)
                a1 += load8(p2 + j) + load8(p3 + j)
                j += 8
            }
            i = 4 * q
        }
        while i + 16 <= n {
            a0 += load8(p + i)
            a1 += load8(p + i + 8)
            i += 16
        }
        var s = (a0 + a1).sum()
        while i < n {
            s += p[i]
            i += 1
        }
        return s
    }

    /// (Σ (p[i] − m), Σ (p[i] − m)²) with SIMD8 accumulators: the corrected two-pass
    /// terms (mean = m + Σd/n, M2 = Σd² − (Σd)²/n).
    /// - Complexity: O(n).
    @inlinable
    public static func deviations(_ p: UnsafePointer<Double>, _ n: Int, from m: Double) -> (Double, Double) {
        var s0 = SIMD8<Double>(), q0 = SIMD8<Double>(), q1 = SIMD8<Double>()
        let mv = SIMD8<Double>(repeating: m)
        var i = 0
        while i + 16 <= n {
            let d0 = load8(p + i) - mv, d1 = load8(p + i + 8) - mv
            s0 += d0 + d1
            q0 += d0 * d0
            q1 += d1 * d1
            i += 16
        }
        var s = s0.sum(), q = (q0 + q1).sum()
        while i < n {
            let d = p[i] - m
            s += d
            q += d * d
            i += 1
        }
        return (s, q)
    }

    /// Σ (p[i] − m)²; see ``deviations(_:_:from:)``.
    /// - Complexity: O(n).
    @inlinable
    public static func sumSquaredDeviations(_ p: UnsafePointer<Double>, _ n: Int, from m: Double) -> Double {
        let (s, q) = deviations(p, n, from: m)
        return Swift.max(0, q - s * (s / Double(n)))
    }

    /// (min, max, sawNaN) of p[0..<n], n > 0.
    /// - Complexity: O(n).
    @inlinable
    public static func minMax(_ p: UnsafePointer<Double>, _ n: Int) -> (Double, Double, Bool) {
        var lo = p[0], hi = p[0]
        var nan = p[0].isNaN
        var i = 0
        if n >= 8 {
            var lanes = MinMaxLanes(lo)
            // Two address streams (halves of the buffer) for more prefetch parallelism.
            let half = (n / 2) & ~3
            let p1 = p + half
            while i + 4 <= half {
                lanes.add(UnsafeRawPointer(p + i).loadUnaligned(as: SIMD4<Double>.self),
                          UnsafeRawPointer(p1 + i).loadUnaligned(as: SIMD4<Double>.self))
                i += 4
            }
            i = 2 * half
            while i + 8 <= n {
                lanes.add(UnsafeRawPointer(p + i).loadUnaligned(as: SIMD4<Double>.self),
                          UnsafeRawPointer(p + i + 4).loadUnaligned(as: SIMD4<Double>.self))
                i += 8
            }
            let (vectorLo, vectorHi, vectorNaN) = lanes.reduced()
            lo = vectorLo
            hi = vectorHi
            nan = nan || vectorNaN
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
