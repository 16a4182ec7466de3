import HindsightSim

/// One value of a run's summary, typed the way `summary.json` writes it.
public enum SummaryField: Sendable, Equatable {
    case string(String)
    /// A measured number; nil (or NaN/∞) means "no value": JSON `null`, an empty CSV cell.
    case number(Double?)
    case integer(Int)
    case strings([String])

    /// The keys of each run in `summary.json` and the columns of `summary.csv`, in order (CLI.md).
    public static let keys: [String] = [
        "policy", "kind", "start", "end", "step_seconds", "replicas_mean", "replicas_max",
        "replicas_min", "replica_hours", "cost_usd", "energy_kwh", "emissions_kgco2e",
        "sci_g_per_1k_requests", "requests_served", "requests_dropped", "slo_violation_seconds",
        "slo_violation_fraction", "error_budget_used", "scaling_actions", "reversals",
        "missing_seconds", "latency_mape", "warnings",
    ]

    /// The summary of `run` as (key, value) pairs in the order of `keys`.
    /// `start`/`end` are RFC 3339 UTC; warnings are the run's warnings.
    public static func fields(of run: RunResult) -> [(key: String, value: SummaryField)] {
        let s = run.summary
        let values: [SummaryField] = [
            .string(run.policy), .string(run.kind),
            .string(UTCTime.rfc3339(ms: s.start)), .string(UTCTime.rfc3339(ms: s.end)),
            .number(s.stepSeconds), .number(s.replicasMean), .integer(s.replicasMax),
            .integer(s.replicasMin), .number(s.replicaHours), .number(s.costUSD),
            .number(s.energyKWh), .number(s.emissionsKgCO2e), .number(s.sciGramsPer1kRequests),
            .number(s.requestsServed), .number(s.requestsDropped), .number(s.sloViolationSeconds),
            .number(s.sloViolationFraction), .number(s.errorBudgetUsed), .integer(s.scalingActions),
            .integer(s.reversals), .number(s.missingSeconds), .number(s.latencyMAPE),
            .strings(run.warnings),
        ]
        precondition(values.count == keys.count, "summary fields \(values.count) != keys \(keys.count)")
        return zip(keys, values).map { (key: $0, value: $1) }
    }

    /// The value as JSON.
    public var json: JSONValue {
        switch self {
        case let .string(s): .string(s)
        case let .number(x): .optionalNumber(x)
        case let .integer(v): .integer(Int64(v))
        case let .strings(list): .array(list.map { .string($0) })
        }
    }

    /// The value as CSV cell text (before quoting): numbers per `NumberText`, no value
    /// as empty, a list joined with `"; "`.
    public var csvText: String {
        switch self {
        case let .string(s): s
        case let .number(x): x.flatMap(NumberText.plain) ?? ""
        case let .integer(v): String(v)
        case let .strings(list): list.joined(separator: "; ")
        }
    }
}
