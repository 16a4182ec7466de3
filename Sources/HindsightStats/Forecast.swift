/// Point forecasts from a history of evenly spaced samples, for predictive policies.
/// `horizon` is in steps ahead of the last sample (1 = the next step). Every function
/// returns NaN for an empty history; `horizon` must be ≥ 1 (precondition).
public enum Forecast {
    /// The last EWMA value (flat forecast for every horizon).
    /// - Complexity: O(n).
    public static func ewma(_ history: [Double], alpha: Double) -> Double {
        precondition(alpha > 0 && alpha <= 1, "EWMA alpha must be in (0, 1], got \(alpha)")
        guard var y = history.first else { return .nan }
        for x in history.dropFirst() { y = (1 - alpha) * y + alpha * x }
        return y
    }

    /// Least-squares line through (i, history[i]) extrapolated `horizon` steps past the last
    /// sample. One sample gives that sample.
    /// - Complexity: O(n).
    public static func linearTrend(_ history: [Double], horizon: Int = 1) -> Double {
        precondition(horizon >= 1, "horizon must be >= 1, got \(horizon)")
        let n = history.count
        if n == 0 { return .nan }
        if n == 1 { return history[0] }
        let (a, b) = linearFit(history)
        return a + b * Double(n - 1 + horizon)
    }

    /// Intercept a and slope b of the least-squares line y ≈ a + b·i (centered sums, stable).
    /// - Complexity: O(n).
    public static func linearFit(_ y: [Double]) -> (intercept: Double, slope: Double) {
        let n = Double(y.count)
        guard y.count >= 2 else { return (y.first ?? .nan, 0) }
        let tMean = (n - 1) / 2
        let yMean = Summary.mean(y)
        var sxy = 0.0, sxx = 0.0
        for (i, v) in y.enumerated() {
            let dt = Double(i) - tMean
            sxy += dt * (v - yMean)
            sxx += dt * dt
        }
        let b = sxy / sxx
        return (yMean - b * tMean, b)
    }

    /// The value one season before the forecast step: `history[n − m + (h − 1) mod m]`.
    /// With less than one season of history, the last value.
    /// - Complexity: O(1).
    public static func seasonalNaive(_ history: [Double], seasonLength m: Int, horizon: Int = 1) -> Double {
        precondition(m >= 1, "season length must be >= 1, got \(m)")
        precondition(horizon >= 1, "horizon must be >= 1, got \(horizon)")
        let n = history.count
        guard let last = history.last else { return .nan }
        if n < m { return last }
        return history[n - m + (horizon - 1) % m]
    }

    /// Additive Holt–Winters (level α, trend β, season γ, each in [0, 1]) with season length
    /// `m`, forecast `horizon` steps ahead: ℓ + h·b + s[n − m + (h − 1) mod m].
    ///
    /// Initialization: ℓ = mean of the first season, b = (mean of season 2 − mean of season 1)/m,
    /// sᵢ = xᵢ − ℓ for the first season; the recursions run from sample m on. With fewer than
    /// 2·m samples it falls back to ``linearTrend(_:horizon:)``.
    /// - Complexity: O(n), O(m) scratch.
    public static func holtWinters(
        _ history: [Double], seasonLength m: Int, alpha: Double, beta: Double, gamma: Double, horizon: Int = 1
    ) -> Double {
        precondition(m >= 1, "season length must be >= 1, got \(m)")
        precondition(horizon >= 1, "horizon must be >= 1, got \(horizon)")
        for (name, v) in [("alpha", alpha), ("beta", beta), ("gamma", gamma)] {
            precondition(v >= 0 && v <= 1, "Holt-Winters \(name) must be in [0, 1], got \(v)")
        }
        let n = history.count
        if n < 2 * m { return linearTrend(history, horizon: horizon) }
        let first = Summary.mean(Array(history[0..<m]))
        let second = Summary.mean(Array(history[m..<(2 * m)]))
        var level = first
        var trend = (second - first) / Double(m)
        var season = (0..<m).map { history[$0] - first }
        for t in m..<n {
            let x = history[t]
            let s = season[t % m]
            let prevLevel = level
            level = alpha * (x - s) + (1 - alpha) * (level + trend)
            trend = beta * (level - prevLevel) + (1 - beta) * trend
            season[t % m] = gamma * (x - level) + (1 - gamma) * s
        }
        return level + Double(horizon) * trend + season[(n + horizon - 1) % m]
    }
}
