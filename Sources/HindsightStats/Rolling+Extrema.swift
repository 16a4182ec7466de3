extension Rolling {
    /// Rolling minimum into `out` (`out.count ≥ x.count`); see ``min(_:window:)``.
    /// - Complexity: O(n), O(w) scratch.
    public static func min(
        _ x: UnsafeBufferPointer<Double>, window w: Int, into out: UnsafeMutableBufferPointer<Double>
    ) {
        extrema(x, w, out, isMax: false)
    }

    /// Rolling maximum into `out` (`out.count ≥ x.count`); see ``max(_:window:)``.
    /// - Complexity: O(n), O(w) scratch.
    public static func max(
        _ x: UnsafeBufferPointer<Double>, window w: Int, into out: UnsafeMutableBufferPointer<Double>
    ) {
        extrema(x, w, out, isMax: true)
    }

    @inline(__always)
    static func pick(_ a: Double, _ b: Double, _ isMax: Bool) -> Double {
        isMax ? (b > a ? b : a) : (b < a ? b : a)
    }

    static func extrema(
        _ x: UnsafeBufferPointer<Double>, _ w: Int, _ out: UnsafeMutableBufferPointer<Double>, isMax: Bool
    ) {
        if isMax { extremaKernel(x, w, out, true) } else { extremaKernel(x, w, out, false) }
    }

    @inline(__always)
    static func extremaKernel(
        _ x: UnsafeBufferPointer<Double>, _ w: Int, _ out: UnsafeMutableBufferPointer<Double>, _ isMax: Bool
    ) {
        let n = x.count
        guard prefillNaN(n, w, out), let p = x.baseAddress, let o = out.baseAddress else { return }
        let identity = isMax ? -Double.infinity : Double.infinity
        let suf = UnsafeMutablePointer<Double>.allocate(capacity: w + 1)
        defer { suf.deallocate() }
        var e0 = identity
        for i in 0..<w { e0 = pick(e0, p[i], isMax) }
        o[w - 1] = e0
        var b = w
        while b < n {
            let a = p + (b - w)
            var acc = identity
            suf[w] = identity
            var t = w - 1
            while t >= 1 {
                acc = pick(acc, a[t], isMax)
                suf[t] = acc
                t -= 1
            }
            let len = Swift.min(w, n - b)
            let q = p + b
            let r = o + b
            var pre = identity
            for t in 0..<len {
                pre = pick(pre, q[t], isMax)
                r[t] = pick(suf[t + 1], pre, isMax)
            }
            b += w
        }
    }
}
