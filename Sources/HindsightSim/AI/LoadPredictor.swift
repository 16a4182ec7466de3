import HindsightScenario

/// An online forecaster of the load an `AIOptimizationPolicy` sees, updated once per
/// evaluation and asked for the value `k` evaluations ahead (`aiAgent.modelRef`).
///
/// Each model keeps O(1) state per update (Holt-Winters and seasonal-naive keep one
/// season), so a month-long replay costs the same per evaluation on day 1 and day 30.
public struct LoadPredictor: Sendable {
    public enum Model: Sendable, Equatable {
        /// No prediction: the forecast is the last value.
        case none
        /// Exponentially weighted moving average with smoothing `alpha` (flat forecast).
        case ewma(alpha: Double)
        /// Least-squares line through the last `window` values, extrapolated.
        case linear(window: Int)
        /// Additive Holt-Winters with season length `season` (in evaluations).
        case holtWinters(season: Int, alpha: Double, beta: Double, gamma: Double)
        /// The value one season ago (at the forecast instant's phase).
        case seasonalNaive(season: Int)
    }

    public let model: Model
    private var count = 0
    private var last = 0.0
    private var level = 0.0
    private var trend = 0.0
    /// Ring of recent values: the linear window, or one (two, while warming up) seasons.
    private var ring: [Double]
    private var seasonal: [Double] = []
    private var initialized = false

    public init(model: Model) {
        self.model = model
        switch model {
        case .none, .ewma: ring = []
        case .linear(let w): ring = Array(repeating: 0, count: max(w, 2))
        case .holtWinters(let s, _, _, _): ring = Array(repeating: 0, count: 2 * max(s, 1))
        case .seasonalNaive(let s): ring = Array(repeating: 0, count: max(s, 1))
        }
    }

    /// Number of values seen.
    public var observations: Int { count }

    /// Adds the newest value.
    /// - Complexity: O(1), except the one-off Holt-Winters initialisation, O(season).
    public mutating func update(_ x: Double) {
        defer { count += 1; last = x }
        switch model {
        case .none:
            break
        case .ewma(let alpha):
            level = count == 0 ? x : alpha * x + (1 - alpha) * level
        case .linear, .seasonalNaive:
            ring[count % ring.count] = x
        case .holtWinters(let season, let alpha, let beta, let gamma):
            let s = max(season, 1)
            if !initialized {
                ring[count % ring.count] = x
                if count + 1 == 2 * s { initializeHoltWinters(season: s) }
                return
            }
            let i = count % s
            let previousLevel = level
            level = alpha * (x - seasonal[i]) + (1 - alpha) * (level + trend)
            trend = beta * (level - previousLevel) + (1 - beta) * trend
            seasonal[i] = gamma * (x - level) + (1 - gamma) * seasonal[i]
        }
    }

    /// Classical start: level and trend from the means of the first two seasons,
    /// seasonal indices from the first two seasons' deviations around their trend lines.
    private mutating func initializeHoltWinters(season s: Int) {
        var first = 0.0, second = 0.0
        for j in 0..<s { first += ring[j]; second += ring[s + j] }
        first /= Double(s); second /= Double(s)
        trend = (second - first) / Double(s)
        // Deviation of each phase from its season's trend line, averaged over both seasons.
        seasonal = (0..<s).map { j in
            let offset = trend * (Double(j) - Double(s - 1) / 2)
            return ((ring[j] - first - offset) + (ring[s + j] - second - offset)) / 2
        }
        // Level at the end of the second season (the last observation's index 2s − 1).
        level = second + trend * Double(s - 1) / 2
        initialized = true
    }

    /// The forecast `k` ≥ 1 evaluations after the newest value; `nil` before any value.
    /// While a model warms up (Holt-Winters: two seasons; seasonal-naive: one season;
    /// linear: two points) it answers with the newest value, like `none`.
    /// - Complexity: O(1), or O(window) for `linear`.
    public func forecast(ahead k: Int) -> Double? {
        guard count > 0 else { return nil }
        let h = Double(max(k, 1))
        switch model {
        case .none:
            return last
        case .ewma:
            return level
        case .linear:
            let n = min(count, ring.count)
            guard n >= 2 else { return last }
            // x = 0 … n−1 oldest to newest; forecast at x = n − 1 + h.
            var sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0
            for j in 0..<n {
                let y = ring[(count - n + j) % ring.count]
                let x = Double(j)
                sx += x; sy += y; sxx += x * x; sxy += x * y
            }
            let nn = Double(n)
            let denominator = nn * sxx - sx * sx
            let slope = denominator == 0 ? 0 : (nn * sxy - sx * sy) / denominator
            let intercept = (sy - slope * sx) / nn
            return intercept + slope * (Double(n - 1) + h)
        case .seasonalNaive(let season):
            let s = max(season, 1)
            guard count >= s else { return last }
            // The value at the same phase one season before the forecast instant.
            let target = count - 1 + max(k, 1)
            var back = target - s
            while back > count - 1 { back -= s }
            return ring[back % ring.count]
        case .holtWinters(let season, _, _, _):
            guard initialized else { return last }
            let s = max(season, 1)
            let phase = (count - 1 + max(k, 1)) % s
            return level + h * trend + seasonal[phase]
        }
    }
}

extension LoadPredictor.Model {
    /// The model an `aiAgent.modelRef` names, with one day as the season.
    /// Hosted and exec models have no offline predictor: `nil`.
    public init?(_ model: AIOptimizationSpec.Model, evaluationInterval: Int64) {
        let season = Int(max(1, 86_400_000 / max(evaluationInterval, 1)))
        switch model {
        case .none: self = .none
        case .ewma: self = .ewma(alpha: 0.3)
        case .linear: self = .linear(window: max(2, Int(900_000 / max(evaluationInterval, 1))))
        case .holtWinters: self = .holtWinters(season: season, alpha: 0.3, beta: 0.01, gamma: 0.3)
        case .seasonalNaive: self = .seasonalNaive(season: season)
        case .hosted, .exec: return nil
        }
    }
}
