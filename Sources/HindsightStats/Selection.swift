/// In-place selection (quickselect with median-of-three pivots, falling back to a full sort
/// of the sub-range when recursion gets too deep, so the worst case stays O(n log n)).
public enum Selection {
    /// Rearranges `a[lo..<hi]` so that `a[k]` holds the value it would have if the range
    /// were sorted, everything in `lo..<k` is ≤ it and everything in `k+1..<hi` is ≥ it.
    /// NaN must not be present (its order is undefined).
    /// - Complexity: O(hi − lo) expected, O((hi − lo) log(hi − lo)) worst case; no allocation.
    @inlinable
    public static func select(_ a: UnsafeMutablePointer<Double>, _ lo: Int, _ hi: Int, _ k: Int) {
        precondition(lo <= k && k < hi, "select: k=\(k) outside \(lo)..<\(hi)")
        var l = lo, r = hi - 1
        var budget = 2 * (Int.bitWidth - (hi - lo).leadingZeroBitCount) + 8
        while r - l > 16 {
            if budget == 0 {
                var sub = UnsafeMutableBufferPointer(start: a + l, count: r - l + 1)
                sub.sort()
                return
            }
            budget -= 1
            // Median of three to a[l], a[m], a[r] ordered; pivot = a[m].
            let m = l + (r - l) / 2
            if a[m] < a[l] { swapAt(a, m, l) }
            if a[r] < a[l] { swapAt(a, r, l) }
            if a[r] < a[m] { swapAt(a, r, m) }
            let pivot = a[m]
            var i = l, j = r
            while i <= j {
                while a[i] < pivot { i += 1 }
                while a[j] > pivot { j -= 1 }
                if i <= j {
                    swapAt(a, i, j)
                    i += 1
                    j -= 1
                }
            }
            // Now a[l...j] <= pivot, a[i...r] >= pivot, and j < k < i means a[k] == pivot.
            if k <= j {
                r = j
            } else if k >= i {
                l = i
            } else {
                return
            }
        }
        // Insertion sort of the small remainder.
        if l < r {
            var x = l + 1
            while x <= r {
                let v = a[x]
                var y = x - 1
                while y >= l && a[y] > v {
                    a[y + 1] = a[y]
                    y -= 1
                }
                a[y + 1] = v
                x += 1
            }
        }
    }

    @inlinable @inline(__always)
    static func swapAt(_ a: UnsafeMutablePointer<Double>, _ i: Int, _ j: Int) {
        let t = a[i]
        a[i] = a[j]
        a[j] = t
    }

    /// Smallest value of `a[lo..<hi]` (hi > lo).
    /// - Complexity: O(hi − lo).
    @inlinable
    public static func minimum(_ a: UnsafePointer<Double>, _ lo: Int, _ hi: Int) -> Double {
        var m = a[lo]
        var i = lo + 1
        while i < hi {
            if a[i] < m { m = a[i] }
            i += 1
        }
        return m
    }

    /// numpy's linear interpolation between neighbouring order statistics:
    /// `a + (b − a)·t`, or `b − (b − a)·(1 − t)` when `t ≥ 0.5` (numpy `_lerp`).
    /// - Complexity: O(1).
    @inlinable @inline(__always)
    public static func lerp(_ a: Double, _ b: Double, _ t: Double) -> Double {
        let d = b - a
        return t >= 0.5 ? b - d * (1 - t) : a + d * t
    }
}
