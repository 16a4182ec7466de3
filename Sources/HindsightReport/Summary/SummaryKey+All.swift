import HindsightSim

extension SummaryKey {
    /// The keys of `summary.*`, in order. Adding a key: one line here (and the number in
    /// ``RunSummary`` if it is new).
    public static let all: [SummaryKey] = [
        SummaryKey("policy") { .string($0.policy) },
        SummaryKey("kind") { .string($0.kind) },
        SummaryKey("start", unit: "RFC 3339 UTC") { .string(UTCTime.rfc3339($0.summary.start)) },
        SummaryKey("end", unit: "RFC 3339 UTC") { .string(UTCTime.rfc3339($0.summary.end)) },
        SummaryKey("step_seconds", unit: "s") { .number($0.summary.stepSeconds) },
        SummaryKey("replicas_mean", unit: "pods") { .number($0.summary.replicasMean) },
        SummaryKey("replicas_max", unit: "pods") { .integer($0.summary.replicasMax) },
        SummaryKey("replicas_min", unit: "pods") { .integer($0.summary.replicasMin) },
        SummaryKey("replica_hours", unit: "pod-hours") { .number($0.summary.replicaHours) },
        SummaryKey("cost_usd", unit: "USD") { .number($0.summary.costUSD) },
        SummaryKey("energy_kwh", unit: "kWh") { .number($0.summary.energyKWh) },
        SummaryKey("emissions_kgco2e", unit: "kgCO2e") { .number($0.summary.emissionsKgCO2e) },
        SummaryKey("sci_g_per_1k_requests", unit: "gCO2e per 1000 requests") { .number($0.summary.sciGramsPer1kRequests) },
        SummaryKey("requests_served", unit: "requests") { .number($0.summary.requestsServed) },
        SummaryKey("requests_dropped", unit: "requests") { .number($0.summary.requestsDropped) },
        SummaryKey("slo_violation_seconds", unit: "s") { .number($0.summary.sloViolationSeconds) },
        SummaryKey("slo_violation_fraction", unit: "fraction of judged time") { .number($0.summary.sloViolationFraction) },
        SummaryKey("error_budget_used", unit: "fraction of the budget") { .number($0.summary.errorBudgetUsed) },
        SummaryKey("scaling_actions") { .integer($0.summary.scalingActions) },
        SummaryKey("reversals") { .integer($0.summary.reversals) },
        SummaryKey("missing_seconds", unit: "s") { .number($0.summary.missingSeconds) },
        SummaryKey("latency_mape", unit: "%") { .number($0.summary.latencyMAPE) },
        SummaryKey("cpu_mape", unit: "%") { .number($0.summary.cpuMAPE) },
        SummaryKey("latency_hourly_mape", unit: "%") { .number($0.summary.latencyHourlyMAPE) },
        SummaryKey("latency_holdout_mape", unit: "%") { .number($0.summary.latencyHoldoutMAPE) },
        SummaryKey("latency_holdout_constant_mape", unit: "%") { .number($0.summary.latencyHoldoutConstantMAPE) },
        SummaryKey("latency_skill", unit: "1 − model ÷ constant MAPE on the hold-out") { .number($0.summary.latencySkill) },
        SummaryKey("warnings") { .strings($0.warnings) },
    ]
}
