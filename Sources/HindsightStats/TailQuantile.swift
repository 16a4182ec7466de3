/// Rolling quantile for a rank near one end of the window: only the `m` values nearest that
/// end matter (m = w − k for a high quantile, k + 2 for a low one; 2 for q = 0.99 at w = 60).
///
/// The series is cut into aligned blocks of `w` samples. A window ending inside block B is a
/// suffix of the previous block A plus a prefix of B, and its top m values are among
///  - the top m of the prefix of B, kept in a descending array: a new sample enters only
///    when it beats the array's smallest (rare on typical data), by a short insertion;
///  - the top m of the suffix of A: built once per block walking A backwards (each sample
///    that enters is logged with the value it evicted), then undone step by step as the
///    window start moves forward — removing A[s] and appending what it had evicted.
/// The wanted rank of the union of the two descending arrays is found by a binary search
/// over how many values come from each (O(log m)).
///
/// - Complexity: O(log m) per step plus O(m) per value that enters a top-m array (O(m) per
///   step worst case, e.g. a monotone series; about m·ln(w/m)/w entries per step on
///   exchangeable data). O(w + m) scratch.
struct TailQuantile {
    let w: Int
    /// Size of each top array; the wanted values have ranks `m − 1` and `r2` from the top.
    let m: Int
    let r2: Int
    /// Descending top-m arrays of A's suffix and B's prefix, each preceded by two +∞
    /// sentinels (index −1 and −2) so the selection reads past the front without branches.
    let sa: UnsafeMutablePointer<Double>
    let sb: UnsafeMutablePointer<Double>
    /// Backward-build log of A: 0 nothing entered, 1 entered, 2 entered and evicted `ev[s]`.
    let kind: UnsafeMutablePointer<UInt8>
    let ev: UnsafeMutablePointer<Double>

    /// - Parameters: `r` (= m − 1) and `r2` (r − 1 or r) are the two wanted ranks from the top.
    init(window: Int, r: Int, r2: Int) {
        precondition(r >= 0 && r < window && (r2 == r || r2 == r - 1), "tail ranks r=\(r) r2=\(r2) w=\(window)")
        w = window
        m = r + 1
        self.r2 = r2
        let a = UnsafeMutablePointer<Double>.allocate(capacity: m + 2)
        let b = UnsafeMutablePointer<Double>.allocate(capacity: m + 2)
        a.initialize(repeating: .infinity, count: m + 2)
        b.initialize(repeating: .infinity, count: m + 2)
        sa = a + 2
        sb = b + 2
        kind = .allocate(capacity: window)
        ev = .allocate(capacity: window)
    }

    func deallocate() {
        (sa - 2).deallocate()
        (sb - 2).deallocate()
        kind.deallocate()
        ev.deallocate()
    }

    /// Inserts `v` into the descending array `s[0..<len]` (len < capacity m).
    @inline(__always)
    static func insert(_ s: UnsafeMutablePointer<Double>, _ len: Int, _ v: Double) {
        var pos = len
        while pos > 0 && s[pos - 1] < v {
            s[pos] = s[pos - 1]
            pos -= 1
        }
        s[pos] = v
    }

    /// Removes the entry with the bit pattern of `v` from `s[0..<len]` (the last entry if
    /// none has it, which only NaN input could cause); returns the new length.
    @inline(__always)
    static func remove(_ s: UnsafeMutablePointer<Double>, _ len: Int, _ v: Double) -> Int {
        let bits = v.bitPattern
        var i = 0
        while i < len - 1 && s[i].bitPattern != bits { i += 1 }
        while i < len - 1 {
            s[i] = s[i + 1]
            i += 1
        }
        return len - 1
    }

    /// Walks `p[0..<w]` backwards into `sa` (top m of every suffix), logging each change.
    /// - Returns: the length of `sa` (the top m of the whole block).
    @inline(__always)
    func build<S: TailSide>(_ p: UnsafePointer<Double>, _: S.Type) -> Int {
        let m = self.m, sa = self.sa, kind = self.kind, ev = self.ev
        var la = 0
        var s = w - 1
        while s >= 0 {
            let v = S.load(p[s])
            if la < m {
                Self.insert(sa, la, v)
                la += 1
                kind[s] = 1
            } else if v > sa[m - 1] {
                ev[s] = sa[m - 1]
                Self.insert(sa, m - 1, v)
                kind[s] = 2
            } else {
                kind[s] = 0
            }
            s -= 1
        }
        return la
    }

    /// Values of ranks `r` and `r2` (from the top, 0-based) of the union of the descending
    /// arrays `a[0..<la]` and `b[0..<lb]` (la + lb > r; both have two +∞ in front).
    @inline(__always)
    static func select(
        _ a: UnsafePointer<Double>, _ la: Int, _ b: UnsafePointer<Double>, _ lb: Int, _ r: Int, _ r2: Int
    ) -> (Double, Double) {
        // i values from a and r + 1 − i from b: the first i with a[i] ≤ b[r − i].
        var base = Swift.max(0, r + 1 - lb)
        var len = Swift.min(r + 1, la) - base
        while len > 0 {
            let half = len >> 1
            let i = base + half
            let more = a[i] > b[r - i]
            base = more ? i + 1 : base
            len = more ? len - half - 1 : half
        }
        let i = base, j = r + 1 - base
        let lastA = a[i - 1], lastB = b[j - 1]
        let fromA = lastA <= lastB
        let vr = fromA ? lastA : lastB
        if r2 == r { return (vr, vr) }
        // The next larger value: the smaller of the two runs' ends once vr is dropped.
        let x = fromA ? a[i - 2] : lastA
        let y = fromA ? lastB : b[j - 2]
        return (vr, Swift.min(x, y))
    }

    /// Writes the rolling values for windows ending at `w − 1 … n − 1`; `emit(i, vr, vr2)`
    /// receives the values of ranks m − 1 and r2 from the top for the window ending at i.
    @inline(__always)
    func run<S: TailSide>(
        _ p: UnsafePointer<Double>, _ n: Int, _ side: S.Type, _ emit: (Int, Double, Double) -> Void
    ) {
        defer { deallocate() }
        let w = self.w, m = self.m, r = m - 1, r2 = self.r2
        let sa = self.sa, sb = self.sb, kind = self.kind, ev = self.ev
        var la = build(p, side)
        let (v0, v1) = Self.select(sa, la, sb, 0, r, r2)
        emit(w - 1, v0, v1)
        var b = w
        while b < n {
            let len = Swift.min(w, n - b)
            let pa = p + (b - w), pb = p + b
            var lb = 0
            for t in 0..<len {
                // The window loses A[t] and gains B[t].
                let kd = kind[t]
                if kd != 0 {
                    la = Self.remove(sa, la, S.load(pa[t]))
                    if kd == 2 {
                        sa[la] = ev[t]
                        la += 1
                    }
                }
                let v = S.load(pb[t])
                if lb < m {
                    Self.insert(sb, lb, v)
                    lb += 1
                } else if v > sb[m - 1] {
                    Self.insert(sb, m - 1, v)
                }
                let (x, y) = Self.select(sa, la, sb, lb, r, r2)
                emit(b + t, x, y)
            }
            if len == w && b + w < n { la = build(pb, side) }
            b += w
        }
    }
}
