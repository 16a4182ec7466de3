/// Loads the trace a scenario names (`spec.trace`) and puts it on its grid.
///
/// `.file` reads the CSV with `TraceCSV` (only the columns the mapping needs; negative values
/// in the load fields `rps`, `cpu`, `cpuUtilization`, `replicas`, `latencyP99`, `memory` are
/// errors) and resamples it with `Resampler`. `.dataset` asks `dataset` for the stored rows
/// (the SQLite store supplies it) and resamples them the same way.
public enum TraceLoader {
    /// Fields whose recorded values must not be negative.
    public static let loadFields: Set<String> = ["rps", "cpu", "cpuUtilization", "replicas", "latencyP99", "memory"]

    /// The trace of `spec` on its grid.
    /// - Parameter dataset: reads a stored dataset by name from the store at `db`; required for
    ///   `.dataset` sources.
    /// - Throws: `TraceError` (or what `dataset` throws) for unreadable data, a mapped column the
    ///   data lacks (listing the columns it has), an empty window.
    /// - Complexity: O(bytes + steps · series).
    public static func load(_ spec: TraceSpec,
                            dataset: ((_ name: String, _ db: String) throws -> RawTrace)? = nil) throws -> Trace {
        switch spec.source {
        case .file(let path):
            let header = try TraceCSV.header(path: path)
            let mapping = spec.columns.isEmpty ? TraceSpec.defaultColumns : spec.columns
            var wanted: [String] = []
            var nonNegative: Set<String> = []
            for key in mapping.keys.sorted() {
                guard let column = mapping[key] else { continue }
                if ColumnSelection.find(column, in: header, file: path, line: 1) == nil {
                    if TraceSpec.defaultColumns[key] == column { continue }
                    throw TraceError(file: path, line: 1, column: 1,
                                     message: "spec.trace.columns maps \(key) to \"\(column)\", which is not in the header",
                                     expected: "one of the columns " + Excerpt.list(header))
                }
                if !wanted.contains(column) { wanted.append(column) }
                if loadFields.contains(key) { nonNegative.insert(column) }
            }
            let raw = try TraceCSV.read(path: path, timeColumn: spec.timeColumn, timezone: spec.timezone,
                                        duplicates: spec.duplicates, columns: wanted, nonNegative: nonNegative)
            return try Resampler.resample(raw, spec: spec)
        case .dataset(let name, let db):
            guard let dataset else {
                throw TraceError(file: "dataset:\(name)", message: "no dataset store is available to read it",
                                 expected: "a trace file, or a store opened by the caller")
            }
            let raw = try dataset(name, db)
            return try Resampler.resample(raw, spec: spec)
        }
    }
}
