/// The batch rolling-quantile engine behind ``Rolling/quantile(_:window:q:)``.
///
/// The series is cut into aligned blocks of `w` samples, each sorted once (with original
/// positions) — O(log w) per sample amortized. A window ending inside block B is a suffix of
/// the previous block A plus a prefix of B. A and B are merged into one rank array of 2·w
/// entries with an "in window" flag each; every step switches one flag on (the incoming
/// sample) and one off (the outgoing sample), and a cursor on the k-th flagged entry moves to
/// the neighbouring flagged entry — O(1) expected per step, since half the entries are flagged.
struct BlockQuantile {
    let w: Int
    let k: Int
    let frac: Double
    /// Sorted (value, local index) pairs of the previous and the current block.
    var prev: UnsafeMutablePointer<Entry>
    var cur: UnsafeMutablePointer<Entry>
    /// Merged values, flags, and the merged position of each local index of A and B.
    let mv: UnsafeMutablePointer<Double>
    let act: UnsafeMutablePointer<UInt8>
    let posA: UnsafeMutablePointer<Int>
    let posB: UnsafeMutablePointer<Int>
    /// Merge scratch.
    let tmp: UnsafeMutablePointer<Entry>

    struct Entry {
        var value: Double
        var index: Int
    }

    init(window: Int, q: Double) {
        w = window
        (k, frac) = Quantiles.rank(q, window)
        prev = .allocate(capacity: window)
        cur = .allocate(capacity: window)
        mv = .allocate(capacity: 2 * window)
        act = .allocate(capacity: 2 * window)
        posA = .allocate(capacity: window)
        posB = .allocate(capacity: window)
        tmp = .allocate(capacity: window)
    }

    func deallocate() {
        prev.deallocate()
        cur.deallocate()
        mv.deallocate()
        act.deallocate()
        posA.deallocate()
        posB.deallocate()
        tmp.deallocate()
    }

    /// Sorts `len` samples starting at `src` into `dst` as (value, local index) pairs:
    /// runs of 16 are placed by counting ranks (branch-free SIMD compares), then merged
    /// bottom-up with branch-free merges through `tmp`.
    /// - Complexity: O(len·16 / 8 + len·log(len / 16)).
    func sortBlock(_ src: UnsafePointer<Double>, _ len: Int, into dst: UnsafeMutablePointer<Entry>) {
        let run = 16
        var c = 0
        while c < len {
            let l = Swift.min(run, len - c)
            Self.rankPlace(src + c, l, c, dst + c)
            c += run
        }
        var width = run
        var from = dst, to = tmp
        while width < len {
            var lo = 0
            while lo < len {
                let mid = Swift.min(lo + width, len), hi = Swift.min(lo + 2 * width, len)
                Self.merge(from, lo, mid, hi, to)
                lo = hi
            }
            swap(&from, &to)
            width *= 2
        }
        if from != dst { dst.update(from: from, count: len) }
    }

    /// Places `p[0..<l]` (l ≤ 16) into `out` at their ranks (ties by position).
    @inline(__always)
    static func rankPlace(_ p: UnsafePointer<Double>, _ l: Int, _ offset: Int, _ out: UnsafeMutablePointer<Entry>) {
        let one = SIMD8<Int64>(repeating: 1)
        for i in 0..<l {
            let v = p[i]
            let vv = SIMD8<Double>(repeating: v)
            var less = SIMD8<Int64>.zero, equal = SIMD8<Int64>.zero
            var j = 0
            while j + 8 <= l {
                let x = Kernels.load8(p + j)
                less &+= SIMD8<Int64>.zero.replacing(with: one, where: x .< vv)
                equal &+= SIMD8<Int64>.zero.replacing(with: one, where: x .== vv)
                j += 8
            }
            var r = Int(less.wrappedSum()), e = Int(equal.wrappedSum())
            while j < l {
                if p[j] < v { r += 1 }
                if p[j] == v { e += 1 }
                j += 1
            }
            if e > 1 {
                for m in 0..<i where p[m] == v { r += 1 }
            }
            out[r] = Entry(value: v, index: offset + i)
        }
    }

    /// Merges the sorted runs `a[lo..<mid]` and `a[mid..<hi]` into `out[lo..<hi]`.
    @inline(__always)
    static func merge(
        _ a: UnsafeMutablePointer<Entry>, _ lo: Int, _ mid: Int, _ hi: Int, _ out: UnsafeMutablePointer<Entry>
    ) {
        var i = lo, j = mid, o = lo
        while i < mid && j < hi {
            let x = a[i], y = a[j]
            let takeX = x.value <= y.value
            out[o] = takeX ? x : y
            i &+= takeX ? 1 : 0
            j &+= takeX ? 0 : 1
            o &+= 1
        }
        while i < mid {
            out[o] = a[i]
            i += 1
            o += 1
        }
        while j < hi {
            out[o] = a[j]
            j += 1
            o += 1
        }
    }

    mutating func run(_ p: UnsafePointer<Double>, _ n: Int, _ o: UnsafeMutablePointer<Double>) {
        defer { deallocate() }
        // Hot state in locals (no reloads through `self`).
        let w = self.w, k = self.k, frac = self.frac
        let mv = self.mv, act = self.act, posA = self.posA, posB = self.posB
        var prev = self.prev, cur = self.cur
        defer {
            self.prev = prev
            self.cur = cur
        }
        let k1 = Swift.min(k + 1, w - 1)
        sortBlock(p, w, into: prev)
        o[w - 1] = Selection.lerp(prev[k].value, prev[k1].value, frac)
        var b = w
        while b < n {
            let len = Swift.min(w, n - b)
            sortBlock(p + b, len, into: cur)
            // Merge A (prev, w entries) and B (cur, len entries).
            var i = 0, j = 0, m = 0
            while i < w && j < len {
                let ea = prev[i], eb = cur[j]
                let takeA = ea.value <= eb.value
                mv[m] = takeA ? ea.value : eb.value
                act[m] = takeA ? 1 : 0
                if takeA {
                    posA[ea.index] = m
                } else {
                    posB[eb.index] = m
                }
                i += takeA ? 1 : 0
                j += takeA ? 0 : 1
                m += 1
            }
            while i < w || j < len {
                if j >= len || (i < w && prev[i].value <= cur[j].value) {
                    mv[m] = prev[i].value
                    act[m] = 1
                    posA[prev[i].index] = m
                    i += 1
                } else {
                    mv[m] = cur[j].value
                    act[m] = 0
                    posB[cur[j].index] = m
                    j += 1
                }
                m += 1
            }
            let total = m
            // Cursor on the k-th active entry (all of A is active: window ending at b − 1).
            var c = 0
            var seen = Int(act[0])
            while seen <= k && c + 1 < total {
                c += 1
                seen &+= Int(act[c])
            }
            for t in 0..<len {
                // Switch on B[t] first (w + 1 active), then off A[t]: the k-th always exists.
                let r = posB[t]
                act[r] = 1
                if r < c {
                    c -= 1
                    while act[c] == 0 { c -= 1 }
                }
                let d = posA[t]
                act[d] = 0
                if d <= c {
                    c += 1
                    while act[c] == 0 { c += 1 }
                }
                var lo = mv[c]
                var hi = lo
                if frac != 0 && k + 1 < w {
                    var e = c + 1
                    while act[e] == 0 { e += 1 }
                    hi = mv[e]
                } else {
                    lo = mv[c]
                }
                o[b + t] = Selection.lerp(lo, hi, frac)
            }
            swap(&prev, &cur)
            b += w
        }
    }
}
