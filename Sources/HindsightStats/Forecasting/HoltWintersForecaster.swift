/// Online additive Holt–Winters (level α, trend β, season γ, each in [0, 1]) with season
/// length m, forecasting ℓ + h·b + s[(n − 1 + h) mod m] after n values.
///
/// Start (classical decomposition of the first two seasons, whose means are x̄₁ and x̄₂):
/// b = (x̄₂ − x̄₁)/m; sⱼ = the mean over both seasons of the deviation of phase j from its
/// season's trend line, (xⱼ − x̄₁ − oⱼ + x_{m+j} − x̄₂ − oⱼ)/2 with oⱼ = b·(j − (m − 1)/2);
/// ℓ = x̄₂ + b·(m − 1)/2, the line's value at the last value of the second season. From
/// value 2m on: ℓ ← α(x − sᵢ) + (1 − α)(ℓ + b), b ← β(ℓ − ℓ₋) + (1 − β)b,
/// sᵢ ← γ(x − ℓ) + (1 − γ)sᵢ, with i the value's phase. A pure trend plus season is
/// reproduced exactly from the start, whatever α, β, γ.
///
/// Memory: 2m values while warming up, then one season.
///
/// ```swift
/// var f = HoltWintersForecaster(season: 24, alpha: 0.3, beta: 0.01, gamma: 0.3)
/// for x in hourlyLoad { f.update(x) }
/// f.forecast(ahead: 1)   // nil before 48 values
/// ```
public struct HoltWintersForecaster: Sendable {
    /// Season length m in steps (≥ 1).
    public let season: Int
    /// Level smoothing α.
    public let alpha: Double
    /// Trend smoothing β.
    public let beta: Double
    /// Season smoothing γ.
    public let gamma: Double
    /// Number of values seen.
    public private(set) var count = 0
    @usableFromInline var level = 0.0
    @usableFromInline var trend = 0.0
    /// The first two seasons while warming up; emptied after the start.
    @usableFromInline var warmUp: [Double]
    @usableFromInline var seasonal: [Double] = []

    /// An empty forecaster (preconditions: `season` ≥ 1; α, β, γ in [0, 1]).
    /// - Complexity: O(season).
    public init(season: Int, alpha: Double, beta: Double, gamma: Double) {
        precondition(season >= 1, "season length must be >= 1, got \(season)")
        for (name, v) in [("alpha", alpha), ("beta", beta), ("gamma", gamma)] {
            precondition(v >= 0 && v <= 1, "Holt-Winters \(name) must be in [0, 1], got \(v)")
        }
        self.season = season
        self.alpha = alpha; self.beta = beta; self.gamma = gamma
        warmUp = [Double](repeating: 0, count: 2 * season)
    }

    /// True once two seasons are in and the model has started.
    public var isStarted: Bool { !seasonal.isEmpty }

    /// Adds the newest value.
    /// - Complexity: O(1), except O(m) once, at the value that completes two seasons.
    public mutating func update(_ x: Double) {
        defer { count += 1 }
        guard isStarted else {
            warmUp[count] = x
            if count + 1 == 2 * season { start() }
            return
        }
        let i = count % season
        let previousLevel = level
        level = alpha * (x - seasonal[i]) + (1 - alpha) * (level + trend)
        trend = beta * (level - previousLevel) + (1 - beta) * trend
        seasonal[i] = gamma * (x - level) + (1 - gamma) * seasonal[i]
    }

    /// Level, trend and seasonal indices from the first two seasons (see the type's notes).
    private mutating func start() {
        let s = season
        var first = 0.0, second = 0.0
        for j in 0..<s { first += warmUp[j]; second += warmUp[s + j] }
        first /= Double(s); second /= Double(s)
        trend = (second - first) / Double(s)
        let ring = warmUp
        let slope = trend
        seasonal = (0..<s).map { j in
            let offset = slope * (Double(j) - Double(s - 1) / 2)
            return ((ring[j] - first - offset) + (ring[s + j] - second - offset)) / 2
        }
        level = second + trend * Double(s - 1) / 2
        warmUp = []
    }

    /// The forecast `horizon` (≥ 1) steps after the newest value; nil before the start
    /// (fewer than 2m values).
    /// - Complexity: O(1).
    @inlinable
    public func forecast(ahead horizon: Int) -> Double? {
        precondition(horizon >= 1, "horizon must be >= 1, got \(horizon)")
        guard !seasonal.isEmpty else { return nil }
        let phase = (count - 1 + horizon) % season
        return level + Double(horizon) * trend + seasonal[phase]
    }
}
