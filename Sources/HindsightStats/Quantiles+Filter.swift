extension Quantiles {
    /// The streaming pass: counts values below each bracket and copies those inside it.
    /// Returns nil when a candidate buffer overflows.
    static func filterPass(
        _ base: UnsafePointer<Double>, _ n: Int, _ brackets: [Bracket], _ caps: [Int]
    ) -> ([Int], [UnsafeMutablePointer<Double>], [Int], Bool)? {
        let m = brackets.count
        var cands: [UnsafeMutablePointer<Double>] = []
        for j in 0..<m { cands.append(.allocate(capacity: caps[j])) }
        var counts = [Int](repeating: 0, count: m)
        var below = [Int](repeating: 0, count: m)
        var sawNaN = false
        var overflow = false
        let los = brackets.map { SIMD8<Double>(repeating: $0.lo) }
        let his = brackets.map { SIMD8<Double>(repeating: $0.hi) }
        var acc = [SIMD8<Int64>](repeating: .zero, count: m)
        let one = SIMD8<Int64>(repeating: 1)
        los.withUnsafeBufferPointer { lp in
            his.withUnsafeBufferPointer { hp in
                acc.withUnsafeMutableBufferPointer { ap in
                    var i = 0
                    while i + 8 <= n {
                        let v = Kernels.load8(base + i)
                        var hit = SIMDMask<SIMD8<Int64>>(repeating: false)
                        for j in 0..<m {
                            let lt = v .< lp[j]
                            ap[j] &+= SIMD8<Int64>.zero.replacing(with: one, where: lt)
                            hit .|= .!(lt .| (v .> hp[j]))
                        }
                        if any(hit) {
                            for lane in 0..<8 where hit[lane] {
                                slow(v[lane])
                            }
                        }
                        i += 8
                    }
                    while i < n {
                        let x = base[i]
                        for j in 0..<m where x < brackets[j].lo { below[j] += 1 }
                        if x.isNaN || brackets.contains(where: { x >= $0.lo && x <= $0.hi }) { slow(x) }
                        i += 1
                    }
                }
            }
        }
        func slow(_ x: Double) {
            if x.isNaN {
                sawNaN = true
                return
            }
            for j in 0..<m where x >= brackets[j].lo && x <= brackets[j].hi {
                if counts[j] < caps[j] {
                    cands[j][counts[j]] = x
                    counts[j] += 1
                } else {
                    overflow = true
                }
            }
        }
        for j in 0..<m { below[j] += Int(acc[j].wrappedSum()) }
        if overflow {
            for c in cands { c.deallocate() }
            return nil
        }
        return (below, cands, counts, sawNaN)
    }
}
