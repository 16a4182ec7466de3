import HindsightScenario
import HindsightStats
import HindsightTrace

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
    private var state: State

    /// The forecaster behind each model, from `HindsightStats`.
    private enum State: Sendable {
        case none
        case ewma(EWMAForecaster)
        case linear(RecentValues)
        case holtWinters(HoltWintersForecaster)
        case seasonalNaive(RecentValues)
    }

    public init(model: Model) {
        self.model = model
        switch model {
        case .none: state = .none
        case .ewma(let alpha): state = .ewma(EWMAForecaster(alpha: alpha))
        case .linear(let w): state = .linear(RecentValues(capacity: max(w, 2)))
        case .holtWinters(let s, let alpha, let beta, let gamma):
            state = .holtWinters(HoltWintersForecaster(season: max(s, 1), alpha: alpha, beta: beta, gamma: gamma))
        case .seasonalNaive(let s): state = .seasonalNaive(RecentValues(capacity: max(s, 1)))
        }
    }

    /// Number of values seen.
    public var observations: Int { count }

    /// Adds the newest value.
    /// - Complexity: O(1), except the one-off Holt-Winters start, O(season).
    public mutating func update(_ x: Double) {
        count += 1
        last = x
        // Each case takes the forecaster out of `state` first, so its buffers stay
        // uniquely referenced and update in place (no copy of a season per value).
        switch state {
        case .none:
            break
        case .ewma(var f):
            state = .none; f.update(x); state = .ewma(f)
        case .linear(var f):
            state = .none; f.append(x); state = .linear(f)
        case .holtWinters(var f):
            state = .none; f.update(x); state = .holtWinters(f)
        case .seasonalNaive(var f):
            state = .none; f.append(x); state = .seasonalNaive(f)
        }
    }

    /// The forecast `k` ≥ 1 evaluations after the newest value (`k` < 1 counts as 1);
    /// `nil` before any value. While a model warms up (Holt-Winters: two seasons;
    /// seasonal-naive: one season; linear: two points) it answers with the newest
    /// value, like `none`.
    /// - Complexity: O(1), or O(window) for `linear`.
    public func forecast(ahead k: Int) -> Double? {
        guard count > 0 else { return nil }
        let h = max(k, 1)
        let predicted: Double?
        switch state {
        case .none: predicted = nil
        case .ewma(let f): predicted = f.forecast()
        case .linear(let f): predicted = f.linearTrend(ahead: h)
        case .holtWinters(let f): predicted = f.forecast(ahead: h)
        case .seasonalNaive(let f): predicted = f.seasonalNaive(ahead: h)
        }
        return predicted ?? last
    }
}

extension LoadPredictor.Model {
    /// The model an `aiAgent.modelRef` names, with one day as the season.
    /// Hosted and exec models have no offline predictor: `nil`.
    public init?(_ model: AIOptimizationSpec.Model, evaluationInterval: SimDuration) {
        let interval = max(evaluationInterval, .milliseconds(1))
        let season = Int(max(1, SimDuration.days(1) / interval))
        switch model {
        case .none: self = .none
        case .ewma: self = .ewma(alpha: 0.3)
        case .linear: self = .linear(window: max(2, Int(SimDuration.minutes(15) / interval)))
        case .holtWinters: self = .holtWinters(season: season, alpha: 0.3, beta: 0.01, gamma: 0.3)
        case .seasonalNaive: self = .seasonalNaive(season: season)
        case .hosted, .exec: return nil
        }
    }
}
