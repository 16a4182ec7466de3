/// Trailing windows by duration over timestamped samples (Int64 milliseconds, ascending;
/// equal timestamps allowed). `out[i]` covers the samples with `t[i] − duration < t[j] ≤ t[i]`,
/// the window pandas `rolling("<d>ms")` uses on a time index. The window counts as full
/// once it lies inside the recorded span, i.e. `t[i] − duration ≥ t[0]`; before that the
/// output is NaN (the time analogue of pandas' default `min_periods = w` for count windows).
///
/// Sums are Neumaier-compensated when samples enter and leave, so a large value that left
/// the window leaves no residue. Min and max use monotonic deques; the quantile a sorted
/// buffer. Input must be NaN-free; `timestamps` non-decreasing and as long as `values`;
/// `duration > 0` (preconditions: validate user input first).
public enum RollingTime {
    /// The statistic of a duration window.
    public enum Statistic: Sendable, Equatable {
        /// Sum of the values in the window.
        case sum
        /// Arithmetic mean.
        case mean
        /// Sample standard deviation (n − 1); NaN with fewer than 2 samples.
        case std
        /// Smallest value.
        case min
        /// Largest value.
        case max
        /// Quantile q ∈ [0, 1], numpy linear interpolation.
        case quantile(Double)
    }

    /// Index of the first sample of each window: `start[i]` = first j with t[j] > t[i] − d.
    /// - Complexity: O(n), two pointers.
    public static func windowStarts(_ t: [Int64], duration d: Int64) -> [Int] {
        precondition(d > 0, "duration must be > 0 ms, got \(d)")
        var starts = [Int](repeating: 0, count: t.count)
        var j = 0
        for i in 0..<t.count {
            precondition(i == 0 || t[i] >= t[i - 1], "timestamps must be non-decreasing at index \(i)")
            let left = t[i] &- d
            while j < i && t[j] <= left { j += 1 }
            starts[i] = j
        }
        return starts
    }

    /// The rolling `statistic` over windows of `duration` milliseconds.
    /// - Complexity: O(n) for sum, mean, std, min, max (amortized O(1) per step);
    ///   O(n·(log w + d)) for quantiles, w the largest window.
    public static func compute(
        _ values: [Double], timestamps t: [Int64], duration d: Int64, _ statistic: Statistic
    ) -> [Double] {
        precondition(values.count == t.count, "values (\(values.count)) and timestamps (\(t.count)) differ in length")
        let n = values.count
        guard n > 0 else { return [] }
        let starts = windowStarts(t, duration: d)
        var out = [Double](repeating: .nan, count: n)
        switch statistic {
        case .sum, .mean, .std:
            var s1 = CompensatedSum(), s2 = CompensatedSum()
            let k = values[0]
            var lo = 0
            for i in 0..<n {
                let dv = values[i] - k
                s1.add(dv)
                s2.add(dv * dv)
                while lo < starts[i] {
                    let dl = values[lo] - k
                    s1.add(-dl)
                    s2.add(-(dl * dl))
                    lo += 1
                }
                guard t[i] &- d >= t[0] else { continue }
                let c = Double(i - lo + 1)
                switch statistic {
                case .sum: out[i] = s1.value + c * k
                case .mean: out[i] = s1.value / c + k
                default:
                    if i - lo + 1 < 2 { continue }
                    let m2 = s2.value - s1.value * (s1.value / c)
                    if m2 > 1e-5 * s2.value {
                        out[i] = (m2 / (c - 1)).squareRoot()
                    } else {
                        out[i] = values.withUnsafeBufferPointer { b in
                            b.baseAddress.map { Rolling.exactStd($0 + lo, i - lo + 1) } ?? .nan
                        }
                    }
                }
            }
        case .min, .max:
            let isMax = statistic == .max
            var deque = [Int](repeating: 0, count: n)
            var head = 0, tail = 0
            for i in 0..<n {
                let v = values[i]
                while tail > head {
                    let back = values[deque[tail - 1]]
                    if isMax ? back <= v : back >= v { tail -= 1 } else { break }
                }
                deque[tail] = i
                tail += 1
                while deque[head] < starts[i] { head += 1 }
                if t[i] &- d >= t[0] { out[i] = values[deque[head]] }
            }
        case .quantile(let q):
            precondition(q >= 0 && q <= 1, "quantile q must be in [0, 1], got \(q)")
            let buf = UnsafeMutablePointer<Double>.allocate(capacity: n)
            defer { buf.deallocate() }
            var size = 0
            var lo = 0
            for i in 0..<n {
                SortedWindow.insert(buf, size, values[i])
                size += 1
                while lo < starts[i] {
                    SortedWindow.remove(buf, size, values[lo])
                    size -= 1
                    lo += 1
                }
                if t[i] &- d >= t[0] { out[i] = Quantiles.sortedQuantile(buf, count: size, q) }
            }
        }
        return out
    }
}
