import HindsightSim

/// A number the reports compare across policies, with how it is shown and how its
/// change against the baseline (the first policy) is expressed.
public enum ComparisonMetric: String, Sendable, CaseIterable {
    case cost, emissions, sci, sloViolation, errorBudget, replicasMean, replicasMax
    case scalingActions, reversals, latencyMAPE

    /// How a change against the baseline is written.
    public enum DeltaStyle: Sendable {
        /// Percent of the baseline: `+5.0 %`; when the baseline is 0, the absolute change in the metric's unit.
        case relative
        /// The difference in the metric's unit with `decimals` places: `+2`, `-0.50`.
        case absolute(decimals: Int)
        /// The difference as a duration (seconds): `+15m`.
        case duration
        /// The difference of two fractions in percentage points: `+1.5 pp`.
        case points
    }

    /// Column heading.
    public var title: String {
        switch self {
        case .cost: "Cost"
        case .emissions: "Emissions"
        case .sci: "SCI"
        case .sloViolation: "SLO violation"
        case .errorBudget: "Error budget used"
        case .replicasMean: "Replicas mean"
        case .replicasMax: "Replicas max"
        case .scalingActions: "Scaling actions"
        case .reversals: "Reversals"
        case .latencyMAPE: "Latency MAPE"
        }
    }

    /// Unit shown under the heading ("" when the cell carries its own).
    public var unit: String {
        switch self {
        case .cost: "USD"
        case .emissions: "kgCO2e"
        case .sci: "gCO2e/1k req"
        case .sloViolation: "time"
        case .errorBudget, .latencyMAPE: "%"
        case .replicasMean, .replicasMax: "pods"
        case .scalingActions, .reversals: "count"
        }
    }

    /// How this metric's change is written.
    public var deltaStyle: DeltaStyle {
        switch self {
        case .cost, .emissions, .sci: .relative
        case .sloViolation: .duration
        case .errorBudget, .latencyMAPE: .points
        case .replicasMean: .absolute(decimals: 2)
        case .replicasMax, .scalingActions, .reversals: .absolute(decimals: 0)
        }
    }

    /// True when a smaller value is the better outcome (used to colour deltas);
    /// false for replica counts, where smaller is only cheaper.
    public var lowerIsBetter: Bool {
        switch self {
        case .replicasMean, .replicasMax: false
        default: true
        }
    }

    /// The metric's value in `summary`, nil when it has none (SCI without served
    /// requests, MAPE without recorded latency). Error budget stays a fraction
    /// (0.1 = 10 %); latency MAPE is in percent (4.2 = 4.2 %), as `RunSummary` holds them.
    public func value(_ s: RunSummary) -> Double? {
        let v: Double?
        switch self {
        case .cost: v = s.costUSD
        case .emissions: v = s.emissionsKgCO2e
        case .sci: v = s.sciGramsPer1kRequests
        case .sloViolation: v = s.sloViolationSeconds
        case .errorBudget: v = s.errorBudgetUsed
        case .replicasMean: v = s.replicasMean
        case .replicasMax: v = Double(s.replicasMax)
        case .scalingActions: v = Double(s.scalingActions)
        case .reversals: v = Double(s.reversals)
        case .latencyMAPE: v = s.latencyMAPE
        }
        guard let v, v.isFinite else { return nil }
        return v
    }

    /// The value as shown in a table cell; `DisplayText.none` when absent.
    public func format(_ s: RunSummary) -> String {
        guard let v = value(s) else { return DisplayText.none }
        switch self {
        case .cost: return abs(v) >= 1 ? DisplayText.fixed(v, 2) : DisplayText.compact(v, significant: 3)
        case .emissions, .sci: return DisplayText.compact(v)
        case .sloViolation: return DisplayText.duration(seconds: v)
        case .errorBudget: return DisplayText.percent(v)
        case .latencyMAPE: return DisplayText.percent(v / 100)
        case .replicasMean: return DisplayText.fixed(v, 2)
        case .replicasMax, .scalingActions, .reversals: return DisplayText.fixed(v, 0)
        }
    }

    /// The change of `candidate` against `baseline`, or nil when either has no value.
    public func delta(_ candidate: RunSummary, against baseline: RunSummary) -> MetricDelta? {
        guard let c = value(candidate), let b = value(baseline) else { return nil }
        let difference = c - b
        let text: String
        switch deltaStyle {
        case .relative:
            if b != 0 {
                text = DisplayText.signedPercent(difference / abs(b))
            } else {
                text = difference == 0 ? "±0 %" : (difference > 0 ? "+" : "") + DisplayText.compact(difference)
            }
        case let .absolute(decimals): text = DisplayText.signed(difference, decimals: decimals)
        case .duration: text = DisplayText.signedDuration(seconds: difference)
        case .points:
            // Error budget is a fraction; latency MAPE is already in percent (as the simulator stores it).
            let points = self == .latencyMAPE ? difference : difference * 100
            let decimals = abs(points) < 1 ? 2 : 1
            let rounded = DisplayText.signed(points, decimals: decimals)
            text = rounded == "±0" ? "±0 pp" : rounded + " pp"
        }
        let verdict: MetricDelta.Verdict
        if difference == 0 || text.hasPrefix("±") {
            verdict = .same
        } else if !lowerIsBetter {
            verdict = .neutral
        } else {
            verdict = difference < 0 ? .better : .worse
        }
        return MetricDelta(difference: difference, text: text, verdict: verdict)
    }
}
