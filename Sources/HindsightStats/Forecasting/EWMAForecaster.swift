/// Online exponentially weighted moving average without bias adjustment: the first value
/// starts the level, then ℓ ← α·x + (1 − α)·ℓ. The forecast is flat (ℓ for every horizon).
///
/// This is the one EWMA recurrence of the package: ``Forecast/ewma(_:alpha:)`` and the
/// simulator's load predictor both feed values through it, so they agree to the bit.
///
/// ```swift
/// var f = EWMAForecaster(alpha: 0.5)
/// for x in [4.0, 8, 0] { f.update(x) }
/// f.level   // 3
/// ```
@frozen
public struct EWMAForecaster: Sendable {
    /// Smoothing factor α in (0, 1].
    public let alpha: Double
    /// The current level; NaN before the first value.
    public var level: Double { _level }
    @usableFromInline var _level: Double = .nan
    /// Number of values seen.
    public var count: Int { _count }
    @usableFromInline var _count = 0

    /// An empty forecaster (precondition: 0 < `alpha` ≤ 1).
    @inlinable
    public init(alpha: Double) {
        precondition(alpha > 0 && alpha <= 1, "EWMA alpha must be in (0, 1], got \(alpha)")
        self.alpha = alpha
    }

    /// Adds the newest value. A NaN propagates to every later _level.
    /// - Complexity: O(1).
    @inlinable
    public mutating func update(_ x: Double) {
        _level = _count == 0 ? x : alpha * x + (1 - alpha) * _level
        _count += 1
    }

    /// The forecast at any horizon: the _level; nil before the first value.
    /// - Complexity: O(1).
    @inlinable
    public func forecast() -> Double? { _count == 0 ? nil : _level }
}
