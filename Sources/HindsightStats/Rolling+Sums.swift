extension Rolling {
    /// Rolling sum into `out` (`out.count ≥ x.count`); see ``sum(_:window:)``.
    /// - Complexity: O(n), O(w) scratch.
    public static func sum(
        _ x: UnsafeBufferPointer<Double>, window w: Int, into out: UnsafeMutableBufferPointer<Double>
    ) {
        blockSums(x, w, out, scale: 1)
    }

    /// Rolling mean into `out` (`out.count ≥ x.count`); see ``mean(_:window:)``.
    /// - Complexity: O(n), O(w) scratch.
    public static func mean(
        _ x: UnsafeBufferPointer<Double>, window w: Int, into out: UnsafeMutableBufferPointer<Double>
    ) {
        blockSums(x, w, out, scale: 1 / Double(Swift.max(w, 1)))
    }

    static func blockSums(
        _ x: UnsafeBufferPointer<Double>, _ w: Int, _ out: UnsafeMutableBufferPointer<Double>, scale: Double
    ) {
        let n = x.count
        guard prefillNaN(n, w, out), let p = x.baseAddress, let o = out.baseAddress else { return }
        let suf = UnsafeMutablePointer<Double>.allocate(capacity: w + 1)
        let pre = UnsafeMutablePointer<Double>.allocate(capacity: w)
        defer {
            suf.deallocate()
            pre.deallocate()
        }
        o[w - 1] = Kernels.sum(p, w) * scale
        let sv = SIMD8<Double>(repeating: scale)
        var b = w
        while b < n {
            // suf[u] = Σ a[u ..< w] (previous block), pre[t] = Σ q[0 ... t] (this block):
            // two independent dependency chains in one loop.
            let a = p + (b - w)
            let q = p + b
            let len = Swift.min(w, n - b)
            suf[w] = 0
            var accS = 0.0, accP = 0.0
            let both = Swift.min(w - 1, len)
            var t = 0
            while t < both {
                accS += a[w - 1 - t]
                suf[w - 1 - t] = accS
                accP += q[t]
                pre[t] = accP
                t += 1
            }
            while t < w - 1 {
                accS += a[w - 1 - t]
                suf[w - 1 - t] = accS
                t += 1
            }
            t = both
            while t < len {
                accP += q[t]
                pre[t] = accP
                t += 1
            }
            // Combine, vectorized: out = (suf[t+1] + pre[t])·scale.
            let r = o + b
            t = 0
            while t + 8 <= len {
                let v = (Kernels.load8(suf + t + 1) + Kernels.load8(pre + t)) * sv
                UnsafeMutableRawPointer(r + t).storeBytes(of: v, as: SIMD8<Double>.self)
                t += 8
            }
            while t < len {
                r[t] = (suf[t + 1] + pre[t]) * scale
                t += 1
            }
            b += w
        }
    }

    /// Rolling sample standard deviation into `out`; see ``std(_:window:)``.
    /// - Complexity: O(n) expected, O(w) scratch.
    public static func std(
        _ x: UnsafeBufferPointer<Double>, window w: Int, into out: UnsafeMutableBufferPointer<Double>
    ) {
        let n = x.count
        guard prefillNaN(n, w, out), let p = x.baseAddress, let o = out.baseAddress else { return }
        if w == 1 {
            for i in 0..<n { o[i] = .nan }
            return
        }
        let wd = Double(w)
        // Scratch: suffix sums of the previous block (w + 1 each), prefix sums of this one (w each).
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: 4 * w + 2)
        defer { scratch.deallocate() }
        let suf1 = scratch, suf2 = scratch + (w + 1), pre1 = scratch + (2 * w + 2), pre2 = pre1 + w
        o[w - 1] = exactStd(p, w)
        let invW = SIMD8<Double>(repeating: 1 / wd), invW1 = SIMD8<Double>(repeating: 1 / (wd - 1))
        let guardFactor = SIMD8<Double>(repeating: 1e-5)
        var b = w
        while b < n {
            let k = p[b]  // shift reference for this block pair
            let a = p + (b - w)
            let q = p + b
            let len = Swift.min(w, n - b)
            suf1[w] = 0
            suf2[w] = 0
            var s1 = 0.0, s2 = 0.0, r1 = 0.0, r2 = 0.0
            // One pass grows the suffix of A (w − 1 entries) and the prefix of B (len
            // entries) side by side: two independent sum chains per step.
            let steps = Swift.max(w - 1, len)
            var t = 0
            while t < steps {
                if t < w - 1 {
                    let d = a[w - 1 - t] - k
                    s1 += d
                    s2 += d * d
                    suf1[w - 1 - t] = s1
                    suf2[w - 1 - t] = s2
                }
                if t < len {
                    let e = q[t] - k
                    r1 += e
                    r2 += e * e
                    pre1[t] = r1
                    pre2[t] = r2
                }
                t += 1
            }
            // Combine, vectorized; windows whose variance is tiny next to Σ(x − k)² are
            // recomputed exactly (also gives exactly 0 for constant windows).
            let r = o + b
            t = 0
            while t + 8 <= len {
                let a1 = Kernels.load8(suf1 + t + 1) + Kernels.load8(pre1 + t)
                let a2 = Kernels.load8(suf2 + t + 1) + Kernels.load8(pre2 + t)
                let m2 = a2 - a1 * (a1 * invW)
                let ok = m2 .> a2 * guardFactor
                let v = (m2.replacing(with: 0, where: .!ok) * invW1).squareRoot()
                UnsafeMutableRawPointer(r + t).storeBytes(of: v, as: SIMD8<Double>.self)
                if !all(ok) {
                    for lane in 0..<8 where !ok[lane] {
                        r[t + lane] = exactStd(q + t + lane - w + 1, w)
                    }
                }
                t += 8
            }
            while t < len {
                let a1 = suf1[t + 1] + pre1[t], a2 = suf2[t + 1] + pre2[t]
                let m2 = a2 - a1 * (a1 / wd)
                r[t] = m2 > 1e-5 * a2 ? (m2 / (wd - 1)).squareRoot() : exactStd(q + t - w + 1, w)
                t += 1
            }
            b += w
        }
    }

    /// Two-pass sample std of `p[0..<w]`; exactly 0 when all values are equal.
    @inlinable
    static func exactStd(_ p: UnsafePointer<Double>, _ w: Int) -> Double {
        var same = true
        let first = p[0]
        for i in 1..<w where p[i] != first {
            same = false
            break
        }
        if same { return 0 }
        let m = Kernels.sum(p, w) / Double(w)
        let m2 = Kernels.sumSquaredDeviations(p, w, from: m)
        return (m2 / Double(w - 1)).squareRoot()
    }
}
