import HindsightScenario
import HindsightSim
import HindsightTrace

/// One policy run as a command hands it to the run history: what ran (scenario and
/// policy, whose content is hashed), on which trace span, the sweep point if any, and
/// the summary whose numbers are recorded.
///
/// ```swift
/// let runs = RecordedRun.runs(of: result, policies: selected)          // `run`, `check`
/// let point = RecordedRun.runs(of: pointResult, policies: [patched],
///                              point: "spec.minReplicas=3")              // one sweep point
/// ```
public struct RecordedRun: Sendable {
    public var scenario: Scenario
    public var policy: PolicySpec
    /// The name the run's outputs carry (`RunResult.policy`), e.g. `baseline web-hpa` in `check`.
    public var policyName: String
    /// `RunResult.kind`: `observed`, `static`, `HorizontalPodAutoscaler`, …
    public var policyKind: String
    public var summary: RunSummary
    /// The trace grid the run covered (first step, step, steps).
    public var grid: TraceGrid
    /// `path=value` pairs joined by `, ` for a sweep point; nil otherwise.
    public var point: String?

    public init(scenario: Scenario, policy: PolicySpec, policyName: String, policyKind: String,
                summary: RunSummary, grid: TraceGrid, point: String? = nil) {
        self.scenario = scenario; self.policy = policy; self.policyName = policyName; self.policyKind = policyKind
        self.summary = summary; self.grid = grid; self.point = point
    }

    /// The runs of `result`, paired in order with the policies that produced them (the
    /// list given to `PreparedScenario.run`; `result.scenario.policies` when nil).
    /// - Precondition: as many policies as runs.
    public static func runs(of result: ScenarioResult, policies: [PolicySpec]? = nil, point: String? = nil) -> [RecordedRun] {
        let list = policies ?? result.scenario.policies
        precondition(list.count == result.runs.count,
                     "RecordedRun.runs: \(list.count) policies for \(result.runs.count) runs; pass the policies that were run")
        let grid = result.grid
        return zip(list, result.runs).map { policy, run in
            RecordedRun(scenario: result.scenario, policy: policy, policyName: run.policy, policyKind: run.kind,
                        summary: run.summary, grid: grid, point: point)
        }
    }

    /// The numeric keys of `summary.json` (those of ``SummaryKey/all`` whose value is a
    /// number or an integer), in that order, with this run's values; nil where the
    /// summary has no value. Text keys (`policy`, `kind`, `start`, `end`, `warnings`)
    /// are recorded in their own columns or not at all.
    /// - Complexity: O(keys).
    public static func metrics(of summary: RunSummary) -> [(key: String, value: Double?)] {
        let run = RunResult(policy: "", policyFileName: "", kind: "", summary: summary,
                            series: RunSeries(), decisions: [], warnings: [])
        return SummaryKey.all.compactMap { key in
            switch key.value(run) {
            case let .number(x): (key.key, x.flatMap { $0.isFinite ? $0 : nil })
            case let .integer(v): (key.key, Double(v))
            case .string, .strings: nil
            }
        }
    }

    /// The history row of this run.
    /// - Complexity: O(scenario and policy file bytes + keys).
    public var entry: RunHistory.Entry {
        RunHistory.Entry(
            scenario: scenario.name, scenarioSHA256: ContentHash.sha256(scenario.sourceBytes),
            policy: policyName, policyKind: policyKind, policySHA256: policy.contentSHA256, point: point,
            traceStartMs: grid.start.unixMilliseconds, traceEndMs: grid.end.unixMilliseconds,
            stepMs: grid.step.milliseconds, metrics: Self.metrics(of: summary))
    }
}
