extension StatsOp {
    /// Runs the op on `values` (NaN-free; drop missing cells first).
    ///
    /// - Parameters:
    ///   - values: the column.
    ///   - timestamps: Int64 ms per value, non-decreasing; needed for `.duration` windows.
    ///   - window: required by every op except `summary` and `ewma`; for `anomalies`
    ///     a duration window is converted to a sample count using the median step.
    /// - Returns: ``StatsOutput`` (series outputs have NaN where the window is not full).
    /// - Throws: ``StatsError`` for a NaN value, a missing/invalid window, missing or
    ///   decreasing timestamps.
    /// - Complexity: that of the underlying kernel (see ``Rolling``, ``RollingTime``).
    public func run(values: [Double], timestamps: [Int64]? = nil, window: StatsWindow? = nil)
        throws(StatsError) -> StatsOutput
    {
        if let i = values.firstIndex(where: { $0.isNaN }) {
            throw StatsError("value \(i) is NaN", expected: "numbers only (drop or fill missing values)")
        }
        if let t = timestamps {
            guard t.count == values.count else {
                throw StatsError("\(t.count) timestamps for \(values.count) values", expected: "one timestamp per value")
            }
            for i in 1..<Swift.max(t.count, 1) where t[i] < t[i - 1] {
                throw StatsError("timestamp \(i) goes backwards", expected: "non-decreasing timestamps")
            }
        }
        switch self {
        case .summary:
            let s = Summary(of: values)
            let q = Quantiles.compute(values, [0.5, 0.9, 0.95, 0.99])
            return .summary(StatsSummary(count: s.count, mean: s.mean, std: s.sampleStd, min: s.min, max: s.max,
                                         p50: q[0], p90: q[1], p95: q[2], p99: q[3]))
        case .ewma(let alpha):
            return .series(Smoothing.ewma(values, alpha: alpha))
        default: break
        }
        guard let window else {
            throw StatsError("--op needs --window", expected: "--window N (samples) or a duration such as 1h")
        }
        switch window {
        case .count(let w):
            guard w >= 1 else { throw StatsError("--window \(w)", expected: "a window of at least 1 sample") }
            switch self {
            case .rollingMean: return .series(Rolling.mean(values, window: w))
            case .rollingStd: return .series(Rolling.std(values, window: w))
            case .rollingMin: return .series(Rolling.min(values, window: w))
            case .rollingMax: return .series(Rolling.max(values, window: w))
            case .rollingSum: return .series(Rolling.sum(values, window: w))
            case .rollingQuantile(let q): return .series(Rolling.quantile(values, window: w, q: q))
            case .anomalies(let th):
                let r = AnomalyDetector.robustZScore(values, window: w, threshold: th)
                return .anomalies(indices: r.flagged, scores: r.flagged.map { r.scores[$0] })
            case .summary, .ewma: break
            }
        case .duration(let ms):
            guard ms > 0 else { throw StatsError("--window of \(ms) ms", expected: "a positive duration") }
            guard let t = timestamps else {
                throw StatsError("a duration window needs a time column", expected: "--time COLUMN")
            }
            let stat: RollingTime.Statistic
            switch self {
            case .rollingMean: stat = .mean
            case .rollingStd: stat = .std
            case .rollingMin: stat = .min
            case .rollingMax: stat = .max
            case .rollingSum: stat = .sum
            case .rollingQuantile(let q): stat = .quantile(q)
            case .anomalies(let th):
                let w = Self.samples(in: ms, timestamps: t)
                let r = AnomalyDetector.robustZScore(values, window: w, threshold: th)
                return .anomalies(indices: r.flagged, scores: r.flagged.map { r.scores[$0] })
            case .summary, .ewma: return .series([])
            }
            return .series(RollingTime.compute(values, timestamps: t, duration: ms, stat))
        }
        return .series([])
    }

    /// Samples per `ms` at the median step of `t` (at least 1).
    static func samples(in ms: Int64, timestamps t: [Int64]) -> Int {
        guard t.count >= 2 else { return 1 }
        let steps = (1..<t.count).map { Double(t[$0] - t[$0 - 1]) }
        let med = Quantiles.compute(steps, [0.5])[0]
        guard med > 0 else { return 1 }
        return Swift.max(1, Int((Double(ms) / med).rounded()))
    }
}
