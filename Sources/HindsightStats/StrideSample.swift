/// A bounded, deterministic sample of a stream of finite values for quantiles: every
/// value while fewer than `capacity` arrived, then every 2nd, 4th, … (the stride doubles
/// and every other kept value is dropped each time the buffer fills).
///
/// The kept values are always the stream's values number 0, `stride`, 2 × `stride`, …
/// Exact (the sample is the whole stream) up to `capacity` values; past that, a
/// systematic sample of between `capacity / 2` and `capacity` values, which places the
/// nearest-rank quantile of the stream within a few sample ranks on any series that does
/// not oscillate with a period of the stride.
public struct StrideSample: Sendable, Equatable {
    /// The most values kept.
    public let capacity: Int
    /// Keep one finite value in `stride` (a power of two).
    public private(set) var stride = 1
    /// The kept values, in arrival order.
    public private(set) var values: [Double] = []
    /// Finite values added so far; value `n` is kept when `n` is a multiple of `stride`.
    public private(set) var seen = 0

    /// - Parameter capacity: the most values kept (≥ 2).
    public init(capacity: Int) {
        precondition(capacity >= 2, "StrideSample: capacity must be at least 2, got \(capacity)")
        self.capacity = capacity
    }

    /// True while every finite value added is kept.
    public var isExact: Bool { stride == 1 }

    /// Adds one value; NaN and ±∞ are ignored.
    /// - Complexity: O(1) amortized (a halving is O(capacity), once per `capacity / 2` kept values).
    @inline(__always)
    public mutating func add(_ v: Double) {
        guard v.isFinite else { return }
        defer { seen += 1 }
        guard seen % stride == 0 else { return }
        values.append(v)
        if values.count >= capacity {
            var kept = 0
            for k in Swift.stride(from: 0, to: values.count, by: 2) { values[kept] = values[k]; kept += 1 }
            values.removeLast(values.count - kept)
            stride *= 2
        }
    }
}
