extension Quantiles {
    /// One value bracket [lo, hi] found from the sample, with the ranks it must contain.
    struct Bracket {
        var lo: Double
        var hi: Double
        var ranks: [Int]
    }

    /// The sampling filter. Returns nil when a bracket missed its rank or overflowed, so the
    /// caller falls back to ``exact(_:_:)``.
    static func sampled(_ base: UnsafePointer<Double>, _ n: Int, _ qs: [Double]) -> [Double]? {
        let s = 16_384
        var rng = SeededGenerator(seed: 0x5EED_0F_9A11)
        var sample = [Double](repeating: 0, count: s)
        for i in 0..<s {
            let v = base[Int(rng.next() % UInt64(n))]
            if v.isNaN { return qs.map { _ in .nan } }
            sample[i] = v
        }
        sample.sort()
        // Brackets per wanted rank, merged when they overlap.
        var wanted: [(lo: Double, hi: Double, k: Int)] = []
        for q in qs {
            let (k, _) = rank(q, n)
            let p = Double(k) / Double(n)
            let sigma = (Double(s) * p * (1 - p)).squareRoot() + 1
            let r = p * Double(s)
            let loR = Int((r - 4.5 * sigma - 2).rounded(.down))
            let hiR = Int((r + 4.5 * sigma + 3).rounded(.up))
            let lo = loR < 0 ? -Double.infinity : sample[loR]
            let hi = hiR >= s ? Double.infinity : sample[hiR]
            wanted.append((lo, hi, k))
        }
        wanted.sort { $0.lo < $1.lo }
        var brackets: [Bracket] = []
        for w in wanted {
            if var last = brackets.last, w.lo <= last.hi {
                last.hi = Swift.max(last.hi, w.hi)
                last.ranks.append(w.k)
                brackets[brackets.count - 1] = last
            } else {
                brackets.append(Bracket(lo: w.lo, hi: w.hi, ranks: [w.k]))
            }
        }
        // Expected candidates per bracket ≈ n·(hi rank − lo rank)/s; allow 4× plus slack.
        let m = brackets.count
        var caps = [Int](repeating: 0, count: m)
        for j in 0..<m {
            let b = brackets[j]
            let loR = b.lo == -.infinity ? 0 : sample.partitionIndex { $0 >= b.lo }
            let hiR = b.hi == .infinity ? s : sample.partitionIndex { $0 > b.hi }
            caps[j] = Swift.min(n, (hiR - loR + 1) * (n / s + 1) * 4 + 4096)
        }
        let result = filterPass(base, n, brackets, caps)
        guard let (below, cands, counts, sawNaN) = result else { return nil }
        defer { for c in cands { c.deallocate() } }
        if sawNaN { return qs.map { _ in .nan } }
        // Check every rank (and its neighbour) is inside its bracket, then select.
        var valueAt: [Int: Double] = [:]
        for j in 0..<m {
            let c = cands[j]
            let cnt = counts[j]
            let ranks = brackets[j].ranks.sorted()
            var start = 0
            for k in ranks {
                let local = k - below[j]
                let needNext = k + 1 < n
                if local < 0 || local >= cnt || (needNext && local + 1 >= cnt) { return nil }
                if local >= start {
                    Selection.select(c, start, cnt, local)
                    start = local + 1
                }
                valueAt[k] = c[local]
                if needNext {
                    valueAt[k + 1] = Selection.minimum(c, local + 1, cnt)
                }
            }
        }
        var out = [Double]()
        out.reserveCapacity(qs.count)
        for q in qs {
            let (k, t) = rank(q, n)
            guard let a = valueAt[k] else { return nil }
            let b = valueAt[k + 1] ?? a
            out.append(Selection.lerp(a, b, t))
        }
        return out
    }
}

extension Array where Element == Double {
    /// First index whose element satisfies `pred` (the array is partitioned by it).
    func partitionIndex(_ pred: (Double) -> Bool) -> Int {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if pred(self[mid]) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
