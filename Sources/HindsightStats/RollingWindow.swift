/// A streaming trailing window of the last `capacity` samples: push one value at a time and
/// read sum, mean, sample std, min and max in O(1). For the simulator's metric pipeline.
///
/// Min and max use monotonic deques (ring buffers of capacity `capacity`); sums are
/// Neumaier-compensated so values that left the window leave no residue. Statistics are
/// available as soon as one sample is in (`isFull` tells whether `capacity` samples are);
/// they are NaN when empty. NaN samples are not supported (unspecified results, no crash).
///
/// ```swift
/// var w = RollingWindow(capacity: 4)
/// for x in [1.0, 5, 3, 2, 8] { w.push(x) }
/// w.mean   // 4.5  (5, 3, 2, 8)
/// w.max    // 8
/// ```
public struct RollingWindow: Sendable {
    /// The window length in samples (≥ 1).
    public let capacity: Int
    @usableFromInline var ring: [Double]
    @usableFromInline var pushed = 0
    @usableFromInline var s1 = CompensatedSum()
    @usableFromInline var s2 = CompensatedSum()
    @usableFromInline var ref = 0.0
    @usableFromInline var maxQ: [Int]
    @usableFromInline var minQ: [Int]
    @usableFromInline var maxHead = 0, maxCount = 0
    @usableFromInline var minHead = 0, minCount = 0

    /// An empty window of `capacity` samples (precondition: `capacity ≥ 1`).
    public init(capacity: Int) {
        precondition(capacity >= 1, "RollingWindow capacity must be >= 1, got \(capacity)")
        self.capacity = capacity
        ring = [Double](repeating: 0, count: capacity)
        maxQ = [Int](repeating: 0, count: capacity)
        minQ = [Int](repeating: 0, count: capacity)
    }

    /// Number of samples currently in the window (≤ `capacity`).
    public var count: Int { Swift.min(pushed, capacity) }
    /// True once `capacity` samples have been pushed.
    public var isFull: Bool { pushed >= capacity }
    /// Sum of the samples in the window (0 when empty).
    public var sum: Double { s1.value + Double(count) * ref }
    /// Mean of the samples in the window; NaN when empty.
    public var mean: Double { count == 0 ? .nan : s1.value / Double(count) + ref }
    /// Sample standard deviation (n − 1) of the window; NaN with fewer than 2 samples.
    public var std: Double {
        let c = Double(count)
        guard count >= 2 else { return .nan }
        let m2 = Swift.max(0, s2.value - s1.value * (s1.value / c))
        return (m2 / (c - 1)).squareRoot()
    }
    /// Largest sample in the window; NaN when empty.
    public var max: Double { maxCount == 0 ? .nan : ring[maxQ[maxHead] % capacity] }
    /// Smallest sample in the window; NaN when empty.
    public var min: Double { minCount == 0 ? .nan : ring[minQ[minHead] % capacity] }

    /// Adds `x`, evicting the oldest sample when full.
    /// - Complexity: O(1) amortized.
    public mutating func push(_ x: Double) {
        if pushed == 0 { ref = x }
        let slot = pushed % capacity
        if pushed >= capacity {
            let old = ring[slot] - ref
            s1.add(-old)
            s2.add(-(old * old))
            let evicted = pushed - capacity
            if maxCount > 0 && maxQ[maxHead] == evicted {
                maxHead = (maxHead + 1) % capacity
                maxCount -= 1
            }
            if minCount > 0 && minQ[minHead] == evicted {
                minHead = (minHead + 1) % capacity
                minCount -= 1
            }
        }
        ring[slot] = x
        let d = x - ref
        s1.add(d)
        s2.add(d * d)
        while maxCount > 0 && ring[maxQ[(maxHead + maxCount - 1) % capacity] % capacity] <= x { maxCount -= 1 }
        maxQ[(maxHead + maxCount) % capacity] = pushed
        maxCount += 1
        while minCount > 0 && ring[minQ[(minHead + minCount - 1) % capacity] % capacity] >= x { minCount -= 1 }
        minQ[(minHead + minCount) % capacity] = pushed
        minCount += 1
        pushed += 1
    }
}
