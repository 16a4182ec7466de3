import HindsightScenario
import HindsightTrace

/// Everything one policy's simulation produced: the summary of CLI.md, one row per
/// step, and every scaling decision. Report writers read only this.
public struct RunResult: Sendable {
    /// Display name (`metadata.name`, `observed`, `static-N`).
    public var policy: String
    /// File-safe name used in `timeseries-<policy>.csv` (see `PolicySpec.fileName`).
    public var policyFileName: String
    /// `observed`, `static`, `HorizontalPodAutoscaler`, `ScaledObject`, …
    public var kind: String
    public var summary: RunSummary
    public var series: RunSeries
    public var decisions: [Decision]
    public var warnings: [String]

    public init(policy: String, policyFileName: String, kind: String, summary: RunSummary,
                series: RunSeries, decisions: [Decision], warnings: [String]) {
        self.policy = policy; self.policyFileName = policyFileName; self.kind = kind
        self.summary = summary; self.series = series; self.decisions = decisions; self.warnings = warnings
    }
}

/// The per-run numbers of `summary.json` (CLI.md), in the units of their keys.
public struct RunSummary: Sendable, Equatable {
    /// The first step and the exclusive end of the run.
    public var start: SimInstant = .epoch
    public var end: SimInstant = .epoch
    public var stepSeconds: Double = 0
    public var replicasMean: Double = 0
    public var replicasMax: Int = 0
    public var replicasMin: Int = 0
    public var replicaHours: Double = 0
    public var costUSD: Double = 0
    public var energyKWh: Double = 0
    public var emissionsKgCO2e: Double = 0
    /// nil when no request was served.
    public var sciGramsPer1kRequests: Double? = nil
    public var requestsServed: Double = 0
    public var requestsDropped: Double = 0
    public var sloViolationSeconds: Double = 0
    public var sloViolationFraction: Double = 0
    public var errorBudgetUsed: Double = 0
    public var scalingActions: Int = 0
    public var reversals: Int = 0
    public var missingSeconds: Double = 0
    /// Mean absolute percentage error of modelled against recorded latency; nil without recorded latency.
    public var latencyMAPE: Double? = nil
    /// Mean absolute percentage error of modelled against recorded CPU; nil without recorded CPU.
    public var cpuMAPE: Double? = nil
    /// The latency model's MAPE on hourly medians, its MAPE on the held-out last 30 % of
    /// the trace, that of the best constant there, and the skill `1 − model / constant`
    /// (``ModelFidelity``); nil when not applicable.
    public var latencyHourlyMAPE: Double? = nil
    public var latencyHoldoutMAPE: Double? = nil
    public var latencyHoldoutConstantMAPE: Double? = nil
    public var latencySkill: Double? = nil
    public init() {}
}

/// One scaling decision (`decisions-<policy>.csv`: `timestamp,from,to,reason`).
public struct Decision: Sendable, Equatable {
    /// When the controller decided.
    public var time: SimInstant
    public var from: Int
    public var to: Int
    /// Why: metric values seen, the raw proposal, what bounded it.
    public var reason: String
    /// True when recorded but not applied (dryRun).
    public var proposedOnly: Bool
    public init(time: SimInstant, from: Int, to: Int, reason: String, proposedOnly: Bool = false) {
        self.time = time; self.from = from; self.to = to; self.reason = reason; self.proposedOnly = proposedOnly
    }
}

/// The outcome of a scenario: one `RunResult` per policy, in scenario order.
public struct ScenarioResult: Sendable {
    public var scenario: Scenario
    /// The grid of the trace every run stepped over.
    public var grid: TraceGrid
    public var runs: [RunResult]
    /// How well the workload models reproduce the record under the observed replicas;
    /// nil when the trace has no recorded replicas (or nothing to compare).
    public var fidelity: ModelFidelity?
    public init(scenario: Scenario, grid: TraceGrid, runs: [RunResult], fidelity: ModelFidelity? = nil) {
        self.scenario = scenario; self.grid = grid; self.runs = runs; self.fidelity = fidelity
    }
}
