/// How one output step stands against the SLO (SEMANTICS.md §4): `timeseries-*.csv`
/// writes `0`, `1`, or an empty cell for a step that was not judged.
public enum SLOState: UInt8, Sendable, Equatable {
    /// Judged and within the SLO.
    case met = 0
    /// Judged and violated (latency over target, utilization over its cap, or drops).
    case violated = 1
    /// Not judged: the step's load sample is missing (counted in `missing_seconds`).
    case notJudged = 255
}
