/// The last `capacity` values of a stream, addressed by their position in the stream
/// (0 = the first value ever added): a fixed ring, no allocation after `init`.
///
/// ```swift
/// var r = RecentValues(capacity: 3)
/// for x in [1.0, 2, 3, 4] { r.append(x) }
/// r[1]   // 2   (positions 1, 2, 3 are kept)
/// ```
public struct RecentValues: Sendable {
    /// How many values are kept (≥ 1).
    public let capacity: Int
    @usableFromInline var ring: [Double]
    @usableFromInline var _count = 0

    /// An empty buffer (precondition: `capacity` ≥ 1).
    /// - Complexity: O(capacity).
    public init(capacity: Int) {
        precondition(capacity >= 1, "RecentValues capacity must be >= 1, got \(capacity)")
        self.capacity = capacity
        ring = [Double](repeating: 0, count: capacity)
    }

    /// Number of values added so far (kept or not).
    @inlinable
    public var count: Int { _count }

    /// Number of values kept: min(`count`, `capacity`).
    @inlinable
    public var kept: Int { Swift.min(_count, capacity) }

    /// Adds `x`, overwriting the oldest kept value once full.
    /// - Complexity: O(1).
    @inlinable
    public mutating func append(_ x: Double) {
        ring[_count % capacity] = x
        _count += 1
    }

    /// The value at stream position `position`, which must be among the kept ones
    /// (`count − kept ≤ position < count`; checked in debug builds).
    /// - Complexity: O(1).
    @inlinable
    public subscript(position: Int) -> Double {
        assert(position >= _count - kept && position < _count,
               "position \(position) is not kept (count \(_count), capacity \(capacity))")
        return ring[position % capacity]
    }
}
