/// What a run writes per policy as `timeseries-<policy>.csv` (`--timeseries`).
public enum TimeseriesMode: String, Sendable, CaseIterable {
    /// One row per trace step (the default; CLI.md).
    case full
    /// One row per UTC hour, reduced as ``HourlyRollup`` documents (same columns).
    case hourly
    /// No `timeseries-*.csv` at all; summaries, decisions and the report are unchanged.
    case none
}
