/// Point forecasts from a whole history of evenly spaced samples, for predictive policies
/// and analysis. `horizon` is in steps ahead of the last sample (1 = the next step). Every
/// function returns NaN for an empty history; `horizon` must be ≥ 1 (precondition).
///
/// Each function feeds the history through the matching online forecaster
/// (``EWMAForecaster``, ``RecentValues`` trend and seasonal-naive,
/// ``HoltWintersForecaster``), so batch and online results agree to the bit.
public enum Forecast {
    /// The last EWMA value (flat forecast for every horizon).
    /// - Complexity: O(n).
    public static func ewma(_ history: [Double], alpha: Double) -> Double {
        var f = EWMAForecaster(alpha: alpha)
        for x in history { f.update(x) }
        return f.forecast() ?? .nan
    }

    /// Least-squares line through (i, history[i]) extrapolated `horizon` steps past the last
    /// sample. One sample gives that sample.
    /// - Complexity: O(n).
    public static func linearTrend(_ history: [Double], horizon: Int = 1) -> Double {
        precondition(horizon >= 1, "horizon must be >= 1, got \(horizon)")
        guard let last = history.last else { return .nan }
        var recent = RecentValues(capacity: Swift.max(history.count, 2))
        for x in history { recent.append(x) }
        return recent.linearTrend(ahead: horizon) ?? last
    }

    /// Intercept a and slope b of the least-squares line y ≈ a + b·i (see
    /// ``LeastSquaresLine`` for the precision of its sums). One sample gives (y₀, 0).
    /// - Complexity: O(n).
    public static func linearFit(_ y: [Double]) -> (intercept: Double, slope: Double) {
        guard y.count >= 2 else { return (y.first ?? .nan, 0) }
        var line = LeastSquaresLine()
        for (i, v) in y.enumerated() { line.add(x: Double(i), y: v) }
        return (line.intercept, line.slope)
    }

    /// The value one season before the forecast step: `history[n − m + (h − 1) mod m]`.
    /// With less than one season of history, the last value.
    /// - Complexity: O(1).
    public static func seasonalNaive(_ history: [Double], seasonLength m: Int, horizon: Int = 1) -> Double {
        precondition(m >= 1, "season length must be >= 1, got \(m)")
        precondition(horizon >= 1, "horizon must be >= 1, got \(horizon)")
        guard let last = history.last else { return .nan }
        if history.count < m { return last }
        return history[RecentValues.seasonalSource(count: history.count, season: m, horizon: horizon)]
    }

    /// Additive Holt–Winters (level α, trend β, season γ, each in [0, 1]) with season length
    /// `m`, forecast `horizon` steps ahead; see ``HoltWintersForecaster`` for the start and
    /// the recursions. With fewer than 2·m samples it falls back to
    /// ``linearTrend(_:horizon:)``.
    /// - Complexity: O(n), O(m) scratch.
    public static func holtWinters(
        _ history: [Double], seasonLength m: Int, alpha: Double, beta: Double, gamma: Double, horizon: Int = 1
    ) -> Double {
        precondition(horizon >= 1, "horizon must be >= 1, got \(horizon)")
        var f = HoltWintersForecaster(season: m, alpha: alpha, beta: beta, gamma: gamma)
        for x in history { f.update(x) }
        return f.forecast(ahead: horizon) ?? linearTrend(history, horizon: horizon)
    }
}
