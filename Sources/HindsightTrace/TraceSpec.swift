/// `spec.trace`: where the recorded series come from and how they are put on a grid.
public struct TraceSpec: Sendable, Equatable {
    public enum Source: Sendable, Equatable {
        /// An absolute path to a CSV file.
        case file(String)
        /// A dataset in the SQLite store at `db` (absolute path).
        case dataset(name: String, db: String)
    }
    public enum Duplicates: String, Sendable, Equatable { case error, last, mean }

    public var source: Source
    /// Name of the time column.
    public var timeColumn: String = "timestamp"
    /// IANA time zone for times without an offset.
    public var timezone: String = "UTC"
    /// Field (or extra series name) → CSV column. Contains every field with its
    /// default column name unless overridden; extra keys are named series.
    public var columns: [String: String] = [:]
    /// Multipliers per field (`rps`, `cpu`), default 1.
    public var scale: [String: Double] = [:]
    /// Grid step; nil = the median spacing of the recorded timestamps.
    public var step: SimDuration? = nil
    /// Longest gap that sample-and-hold bridges; nil = 5 × step.
    public var maxGap: SimDuration? = nil
    public var duplicates: Duplicates = .error
    /// Optional window `[from, to)`.
    public var from: SimInstant? = nil
    public var to: SimInstant? = nil

    public init(source: Source) { self.source = source }

    /// The default column name of each known field (CLI.md "Trace CSV").
    public static let defaultColumns: [String: String] = [
        "rps": "rps", "cpu": "cpu", "cpuUtilization": "cpu_utilization",
        "replicas": "replicas", "latencyP99": "latency_p99_ms", "memory": "memory_bytes",
    ]
}
