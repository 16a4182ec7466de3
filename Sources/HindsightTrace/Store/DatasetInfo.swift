/// What the store knows about one dataset, without its samples.
public struct DatasetInfo: Sendable, Equatable {
    /// The name a scenario uses (`dataset: NAME`).
    public var name: String
    /// Where the trace was imported from (a file path), as given to the import.
    public var source: String
    /// When it was imported, RFC 3339 UTC (e.g. `2026-11-26T20:15:00Z`).
    public var importedAt: String
    /// Number of timestamps (rows of the original trace).
    public var rows: Int
    /// First timestamp, ms since the Unix epoch; `nil` for an empty trace.
    public var startMs: Int64?
    /// Last timestamp, ms since the Unix epoch; `nil` for an empty trace.
    public var endMs: Int64?
    /// The median spacing of consecutive timestamps, ms (the lower median for an even
    /// number of gaps); `nil` with fewer than two rows.
    public var stepMs: Int64?
    /// Column names in stored order (sorted, as ``RawTrace/columnNames``).
    public var columns: [String]

    /// Makes an info record; see the properties for the meaning of each argument.
    public init(
        name: String, source: String, importedAt: String, rows: Int,
        startMs: Int64?, endMs: Int64?, stepMs: Int64?, columns: [String]
    ) {
        self.name = name; self.source = source; self.importedAt = importedAt; self.rows = rows
        self.startMs = startMs; self.endMs = endMs; self.stepMs = stepMs; self.columns = columns
    }
}
