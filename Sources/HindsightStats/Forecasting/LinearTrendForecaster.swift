/// Online least-squares trend over the last `window` values: the line through
/// (0, oldest) … (n − 1, newest) of the window, extrapolated `h` steps past the newest.
///
/// Keeps the window in a ring; ``Forecast/linearTrend(_:horizon:)`` is this forecaster
/// fed a whole history with the window as long as the history.
///
/// ```swift
/// var f = LinearTrendForecaster(window: 10)
/// for k in 0..<30 { f.update(3 + 2 * Double(k)) }
/// f.forecast(ahead: 5)   // 71
/// ```
public struct LinearTrendForecaster: Sendable {
    /// Number of most recent values the line is fitted to (≥ 2).
    public let window: Int
    @usableFromInline var ring: [Double]
    /// Number of values seen.
    public var count: Int { _count }
    @usableFromInline var _count = 0

    /// An empty forecaster (precondition: `window` ≥ 2).
    public init(window: Int) {
        precondition(window >= 2, "linear trend window must be >= 2, got \(window)")
        self.window = window
        ring = [Double](repeating: 0, count: window)
    }

    /// Adds the newest value, dropping the oldest once the window is full.
    /// - Complexity: O(1).
    @inlinable
    public mutating func update(_ x: Double) {
        ring[_count % window] = x
        _count += 1
    }

    /// The line's value `horizon` (≥ 1) steps after the newest value; nil with fewer
    /// than two values.
    /// - Complexity: O(window).
    @inlinable
    public func forecast(ahead horizon: Int) -> Double? {
        precondition(horizon >= 1, "horizon must be >= 1, got \(horizon)")
        let n = Swift.min(_count, window)
        guard n >= 2 else { return nil }
        var line = LeastSquaresLine()
        for j in 0..<n {
            line.add(x: Double(j), y: ring[(_count - n + j) % window])
        }
        return line.value(at: Double(n - 1) + Double(horizon))
    }
}
