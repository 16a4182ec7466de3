/// How one column of `timeseries-*.csv` reads its value from a ``StepRow`` and how the
/// value is written (the column's formatter).
public enum TimeseriesCell: Sendable {
    /// ms since epoch, written as unix seconds (integer when whole).
    case unixSeconds(@Sendable (StepRow) -> Int64)
    /// A measured number per `NumberText`; NaN/∞ → empty cell.
    case number(@Sendable (StepRow) -> Double)
    /// A count, written as an integer.
    case count(@Sendable (StepRow) -> Int32)
    /// An SLO judgement: `0` met, `1` violated, empty when not judged.
    case slo(@Sendable (StepRow) -> SLOState)
}
