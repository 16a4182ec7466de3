/// One column of `timeseries-<policy>.csv` (CLI.md), defined once: its header name, its
/// unit, and how its cell is read and written. The writer and the report iterate
/// ``all``; the value itself is a field of ``StepRow``.
public struct TimeseriesColumn: Sendable {
    /// Header name, e.g. `cost_usd`.
    public let name: String
    /// Unit of the written value, e.g. `USD per step`; empty for a dimensionless count.
    public let unit: String
    /// How the cell is read from a row and formatted.
    public let cell: TimeseriesCell

    public init(_ name: String, unit: String, _ cell: TimeseriesCell) {
        self.name = name; self.unit = unit; self.cell = cell
    }
}
