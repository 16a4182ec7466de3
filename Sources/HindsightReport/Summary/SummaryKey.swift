import HindsightSim

/// One key of each run in `summary.json` and one column of `summary.csv` (CLI.md),
/// defined once: the key, its unit, and its value (whose case is the formatter:
/// string, number or null, integer, list). Both files iterate ``all``.
public struct SummaryKey: Sendable {
    /// The key, e.g. `cost_usd`.
    public let key: String
    /// Unit of the value, e.g. `USD`; empty for text and counts.
    public let unit: String
    /// The value of one run.
    public let value: @Sendable (RunResult) -> SummaryField

    public init(_ key: String, unit: String = "", _ value: @escaping @Sendable (RunResult) -> SummaryField) {
        self.key = key; self.unit = unit; self.value = value
    }
}
