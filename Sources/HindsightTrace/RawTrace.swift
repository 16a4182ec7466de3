/// Samples as recorded, before resampling: what a CSV, a Prometheus answer or the
/// dataset store gives. Times are sorted ascending; duplicates already resolved.
public struct RawTrace: Sendable, Equatable {
    /// ms since the Unix epoch, strictly ascending.
    public var times: [Int64]
    /// Column name → values aligned with `times`; `.nan` for an empty cell.
    public var columns: [String: [Double]]
    /// Where it came from, for messages.
    public var source: String

    public init(times: [Int64], columns: [String: [Double]], source: String) {
        for (name, values) in columns {
            precondition(values.count == times.count, "column \(name) has \(values.count) values for \(times.count) times")
        }
        self.times = times; self.columns = columns; self.source = source
    }

    /// Column names, sorted.
    public var columnNames: [String] { columns.keys.sorted() }
}
