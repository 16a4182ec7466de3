/// One operation of `hindsight stats` (CLI.md), runnable on a column of values.
///
/// ```swift
/// let out = try StatsOp.rollingMean.run(values: xs, timestamps: nil, window: .count(60))
/// if case .series(let ys) = out { … }   // NaN where the window is not full yet
/// ```
public enum StatsOp: Sendable, Equatable {
    /// Summary: count, mean, std (sample), min, max, p50, p90, p95, p99.
    case summary
    /// Rolling mean.
    case rollingMean
    /// Rolling sample standard deviation.
    case rollingStd
    /// Rolling minimum.
    case rollingMin
    /// Rolling maximum.
    case rollingMax
    /// Rolling sum.
    case rollingSum
    /// Rolling quantile q ∈ [0, 1].
    case rollingQuantile(q: Double)
    /// EWMA without bias adjustment, α ∈ (0, 1].
    case ewma(alpha: Double)
    /// Robust rolling z-score over the preceding window; flags |z| > threshold.
    case anomalies(threshold: Double)

    /// The `--op` names of CLI.md, in order.
    public static let cliNames = [
        "summary", "rolling-mean", "rolling-std", "rolling-min", "rolling-max", "rolling-sum",
        "rolling-quantile", "ewma", "anomalies",
    ]

    /// The operation for a CLI `--op` name, with `q` (rolling-quantile, default 0.5),
    /// `alpha` (ewma, default 0.1) and `threshold` (anomalies, default 3.5).
    /// - Throws: ``StatsError`` for an unknown name or a parameter out of range.
    public static func parse(_ name: String, q: Double? = nil, alpha: Double? = nil, threshold: Double? = nil)
        throws(StatsError) -> StatsOp
    {
        switch name {
        case "summary": return .summary
        case "rolling-mean": return .rollingMean
        case "rolling-std": return .rollingStd
        case "rolling-min": return .rollingMin
        case "rolling-max": return .rollingMax
        case "rolling-sum": return .rollingSum
        case "rolling-quantile":
            let v = q ?? 0.5
            guard v >= 0 && v <= 1 else { throw StatsError("--q \(v) out of range", expected: "a number in [0, 1]") }
            return .rollingQuantile(q: v)
        case "ewma":
            let v = alpha ?? 0.1
            guard v > 0 && v <= 1 else { throw StatsError("--alpha \(v) out of range", expected: "a number in (0, 1]") }
            return .ewma(alpha: v)
        case "anomalies":
            let v = threshold ?? 3.5
            guard v >= 0 && v.isFinite else { throw StatsError("threshold \(v) out of range", expected: "a finite number >= 0") }
            return .anomalies(threshold: v)
        default:
            throw StatsError("unknown --op '\(name)'", expected: "one of " + cliNames.joined(separator: ", "))
        }
    }

    /// True for the ops that need a window.
    public var needsWindow: Bool {
        switch self {
        case .summary, .ewma: return false
        default: return true
        }
    }
}

/// The window of a rolling op: a number of samples, or a duration in milliseconds.
public enum StatsWindow: Sendable, Equatable {
    /// The last `n` samples (n ≥ 1).
    case count(Int)
    /// The samples within the last `ms` milliseconds (needs timestamps).
    case duration(ms: Int64)
}

/// The result of a ``StatsOp``.
public enum StatsOutput: Sendable, Equatable {
    /// `summary`: the summary row.
    case summary(StatsSummary)
    /// A value per input sample (NaN = empty cell: window not full yet).
    case series([Double])
    /// `anomalies`: flagged sample indices (ascending) and their robust z-scores.
    case anomalies(indices: [Int], scores: [Double])
}

/// The `summary` op's row (CLI.md key order: count, mean, std, min, max, p50, p90, p95, p99).
public struct StatsSummary: Sendable, Equatable {
    /// Number of values.
    public var count: Int
    /// Mean, sample std (n − 1), min, max (NaN when not defined).
    public var mean, std, min, max: Double
    /// Quantiles 0.5, 0.9, 0.95, 0.99 (numpy linear).
    public var p50, p90, p95, p99: Double

    /// The keys and values in CLI.md order (count as a Double).
    public var fields: [(key: String, value: Double)] {
        [("count", Double(count)), ("mean", mean), ("std", std), ("min", min), ("max", max),
         ("p50", p50), ("p90", p90), ("p95", p95), ("p99", p99)]
    }

    /// One JSON object on one line; NaN and ±∞ are written as `null`; count as an integer.
    public var json: String {
        let body = fields.map { f -> String in
            if f.key == "count" { return "\"count\": \(count)" }
            return "\"\(f.key)\": " + (f.value.isFinite ? "\(f.value)" : "null")
        }
        return "{" + body.joined(separator: ", ") + "}"
    }
}
