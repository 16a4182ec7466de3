/// Online seasonal-naive forecast: the value one season (`season` steps) before the
/// forecast step, i.e. for horizon h the value at n − m + (h − 1) mod m (n values seen,
/// m the season). Keeps one season in a ring.
///
/// ```swift
/// var f = SeasonalNaiveForecaster(season: 4)
/// for x in [1.0, 2, 3, 4, 10, 20, 30, 40] { f.update(x) }
/// f.forecast(ahead: 6)   // 20
/// ```
public struct SeasonalNaiveForecaster: Sendable {
    /// Season length m in steps (≥ 1).
    public let season: Int
    @usableFromInline var ring: [Double]
    /// Number of values seen.
    public var count: Int { _count }
    @usableFromInline var _count = 0

    /// An empty forecaster (precondition: `season` ≥ 1).
    public init(season: Int) {
        precondition(season >= 1, "season length must be >= 1, got \(season)")
        self.season = season
        ring = [Double](repeating: 0, count: season)
    }

    /// Adds the newest value.
    /// - Complexity: O(1).
    @inlinable
    public mutating func update(_ x: Double) {
        ring[_count % season] = x
        _count += 1
    }

    /// The index (0-based, in the order values were added) the forecast `horizon` (≥ 1)
    /// steps ahead repeats, once `_count` ≥ `season` values are in.
    /// - Complexity: O(1).
    @inlinable
    public static func sourceIndex(count n: Int, season m: Int, horizon: Int) -> Int {
        n - m + (horizon - 1) % m
    }

    /// The value one season before the forecast step `horizon` (≥ 1) steps ahead; nil
    /// with less than one season of values.
    /// - Complexity: O(1).
    @inlinable
    public func forecast(ahead horizon: Int) -> Double? {
        precondition(horizon >= 1, "horizon must be >= 1, got \(horizon)")
        guard _count >= season else { return nil }
        return ring[Self.sourceIndex(count: _count, season: season, horizon: horizon) % season]
    }
}
