extension Rolling {
    /// Rolling quantile into `out` (`out.count ≥ x.count`); see ``quantile(_:window:q:)``.
    /// - Complexity: O(n log w) expected; O(w) scratch.
    public static func quantile(
        _ x: UnsafeBufferPointer<Double>, window w: Int, q: Double, into out: UnsafeMutableBufferPointer<Double>
    ) {
        precondition(q >= 0 && q <= 1, "quantile q must be in [0, 1], got \(q)")
        let n = x.count
        guard prefillNaN(n, w, out), let p = x.baseAddress, let o = out.baseAddress else { return }
        if tailQuantile(p, n, w, q, o) { return }
        // The block sort assumes a total order: NaN input (unspecified results) takes the
        // sorted-window path, which stays in bounds whatever the comparisons say.
        if w <= 128 || containsNaN(p, n) {
            smallWindowQuantile(p, n, w, q, o)
            return
        }
        var engine = BlockQuantile(window: w, q: q)
        engine.run(p, n, o)
    }

    /// Ranks near either end of the window (at most `tailLimit` values between the wanted
    /// rank and that end, and at most a quarter of the window): ``TailQuantile``.
    /// - Returns: false when the rank is too central (nothing written).
    static func tailQuantile(
        _ p: UnsafePointer<Double>, _ n: Int, _ w: Int, _ q: Double, _ o: UnsafeMutablePointer<Double>
    ) -> Bool {
        let (k, t) = Quantiles.rank(q, w)
        let k1 = Swift.min(k + 1, w - 1)
        let high = w - k, low = k1 + 1
        if high <= low {
            guard high <= tailLimit && 4 * high <= w else { return false }
            TailQuantile(window: w, r: w - 1 - k, r2: w - 1 - k1).run(p, n, UpperTail.self) { i, a, b in
                o[i] = Selection.lerp(a, b, t)
            }
        } else {
            guard low <= tailLimit && 4 * low <= w else { return false }
            TailQuantile(window: w, r: k1, r2: k).run(p, n, LowerTail.self) { i, a, b in
                o[i] = Selection.lerp(-b, -a, t)
            }
        }
        return true
    }

    /// Whether `p[0..<n]` holds a NaN (one SIMD pass).
    /// - Complexity: O(n).
    static func containsNaN(_ p: UnsafePointer<Double>, _ n: Int) -> Bool {
        var acc = SIMDMask<SIMD8<Int64>>()
        var i = 0
        while i + 8 <= n {
            let v = Kernels.load8(p + i)
            acc .|= v .!= v
            i += 8
        }
        while i < n {
            if p[i].isNaN { return true }
            i += 1
        }
        return any(acc)
    }

    /// Largest top-array size for ``TailQuantile`` (its worst case moves that many values per step).
    static let tailLimit = 64

    /// Short windows (w ≤ 128): a sorted window whose two ranks per step (outgoing and
    /// incoming value) are counted with branch-free SIMD compares over the whole window,
    /// then the values between them shift by one.
    /// - Complexity: O(w) per step with a small constant (w/8 vector compares, one memmove).
    static func smallWindowQuantile(
        _ p: UnsafePointer<Double>, _ n: Int, _ w: Int, _ q: Double, _ o: UnsafeMutablePointer<Double>
    ) {
        let sorted = UnsafeMutablePointer<Double>.allocate(capacity: w)
        defer { sorted.deallocate() }
        sorted.initialize(from: p, count: w)
        var buf = UnsafeMutableBufferPointer(start: sorted, count: w)
        buf.sort()
        let (k, t) = Quantiles.rank(q, w)
        let k1 = Swift.min(k + 1, w - 1)
        o[w - 1] = Selection.lerp(sorted[k], sorted[k1], t)
        let body = w & ~7
        var i = w
        while i < n {
            let old = p[i - w], new = p[i]
            let vo = SIMD8<Double>(repeating: old), vn = SIMD8<Double>(repeating: new)
            var co = SIMD8<Int64>.zero, cn = SIMD8<Int64>.zero
            var j = 0
            while j < body {
                let x = Kernels.load8(sorted + j)
                // A true lane of a mask is all ones (−1): subtracting counts it.
                co &-= unsafeBitCast(x .< vo, to: SIMD8<Int64>.self)
                cn &-= unsafeBitCast(x .< vn, to: SIMD8<Int64>.self)
                j += 8
            }
            var pOld = Int(co.wrappedSum()), qFull = Int(cn.wrappedSum())
            while j < w {
                pOld &+= sorted[j] < old ? 1 : 0
                qFull &+= sorted[j] < new ? 1 : 0
                j += 1
            }
            pOld = Swift.min(pOld, w - 1)
            if qFull > pOld {
                let dst = qFull - 1
                if dst > pOld { (sorted + pOld).update(from: sorted + pOld + 1, count: dst - pOld) }
                sorted[dst] = new
            } else {
                if qFull < pOld { (sorted + qFull + 1).update(from: sorted + qFull, count: pOld - qFull) }
                sorted[qFull] = new
            }
            o[i] = Selection.lerp(sorted[k], sorted[k1], t)
            i += 1
        }
    }
}

/// Helpers on a sorted buffer of `Double` (ascending, NaN-free).
enum SortedWindow {
    /// First index in `s[0..<n]` whose value is ≥ `v` (branch-light binary search).
    /// - Complexity: O(log n).
    @inline(__always)
    static func lowerBound(_ s: UnsafePointer<Double>, _ n: Int, _ v: Double) -> Int {
        var base = 0
        var len = n
        while len > 1 {
            let half = len / 2
            let lt = s[base + half - 1] < v
            base &+= half & (0 &- Int(unsafeBitCast(lt, to: UInt8.self)))
            len -= half
        }
        guard len == 1 else { return base }
        return base &+ Int(unsafeBitCast(s[base] < v, to: UInt8.self))
    }

    /// Replaces one occurrence of `old` by `new`, keeping `s[0..<n]` sorted.
    /// - Complexity: O(log n + d), d the number of values moved.
    @inline(__always)
    static func replace(_ s: UnsafeMutablePointer<Double>, _ n: Int, old: Double, new: Double) {
        let pOld = Swift.min(lowerBound(s, n, old), n - 1)
        let qFull = lowerBound(s, n, new)
        if qFull > pOld {
            let q = qFull - 1
            if q > pOld { (s + pOld).update(from: s + pOld + 1, count: q - pOld) }
            s[q] = new
        } else {
            let q = qFull
            if q < pOld { (s + q + 1).update(from: s + q, count: pOld - q) }
            s[q] = new
        }
    }

    /// Inserts `v` into `s[0..<n]` (capacity ≥ n + 1), keeping it sorted.
    /// - Complexity: O(log n + d).
    static func insert(_ s: UnsafeMutablePointer<Double>, _ n: Int, _ v: Double) {
        let q = lowerBound(s, n, v)
        if q < n { (s + q + 1).update(from: s + q, count: n - q) }
        s[q] = v
    }

    /// Removes one occurrence of `v` from `s[0..<n]` (it must be present).
    /// - Complexity: O(log n + d).
    static func remove(_ s: UnsafeMutablePointer<Double>, _ n: Int, _ v: Double) {
        let p = Swift.min(lowerBound(s, n, v), n - 1)
        if p < n - 1 { (s + p).update(from: s + p + 1, count: n - 1 - p) }
    }
}
