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
        blockSums(x, w, out, scale: 1 / Double(w))
    }

    static func blockSums(
        _ x: UnsafeBufferPointer<Double>, _ w: Int, _ out: UnsafeMutableBufferPointer<Double>, scale: Double
    ) {
        let n = x.count
        guard prefillNaN(n, w, out), let p = x.baseAddress, let o = out.baseAddress else { return }
        let divide = scale != 1
        let wd = Double(w)
        let suf = UnsafeMutablePointer<Double>.allocate(capacity: w + 1)
        defer { suf.deallocate() }
        // First block: a plain sum.
        var s0 = 0.0
        for i in 0..<w { s0 += p[i] }
        o[w - 1] = divide ? s0 / wd : s0
        var b = w
        while b < n {
            // Suffix sums of the previous block: suf[t] = Σ p[b−w+t ..< b].
            let a = p + (b - w)
            var acc = 0.0
            suf[w] = 0
            var t = w - 1
            while t >= 1 {
                acc += a[t]
                suf[t] = acc
                t -= 1
            }
            let len = Swift.min(w, n - b)
            let q = p + b
            let r = o + b
            var pre = 0.0
            for t in 0..<len {
                pre += q[t]
                let s = suf[t + 1] + pre
                r[t] = divide ? s / wd : s
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
        let suf1 = UnsafeMutablePointer<Double>.allocate(capacity: w + 1)
        let suf2 = UnsafeMutablePointer<Double>.allocate(capacity: w + 1)
        defer {
            suf1.deallocate()
            suf2.deallocate()
        }
        o[w - 1] = exactStd(p, w)
        var b = w
        while b < n {
            let k = p[b]  // shift reference for this block pair
            let a = p + (b - w)
            var acc1 = 0.0, acc2 = 0.0
            suf1[w] = 0
            suf2[w] = 0
            var t = w - 1
            while t >= 1 {
                let d = a[t] - k
                acc1 += d
                acc2 += d * d
                suf1[t] = acc1
                suf2[t] = acc2
                t -= 1
            }
            let len = Swift.min(w, n - b)
            let q = p + b
            var pre1 = 0.0, pre2 = 0.0
            for t in 0..<len {
                let d = q[t] - k
                pre1 += d
                pre2 += d * d
                let s1 = suf1[t + 1] + pre1
                let s2 = suf2[t + 1] + pre2
                let m2 = s2 - s1 * (s1 / wd)
                if m2 > 1e-5 * s2 {
                    o[b + t] = (m2 / (wd - 1)).squareRoot()
                } else {
                    o[b + t] = exactStd(q + t - w + 1, w)
                }
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
