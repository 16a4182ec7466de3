import Foundation

/// The SQLite file of named traces that `hindsight import` fills and `dataset: NAME` in a
/// scenario reads.
///
/// Opening a store checks that the file is one (or, with `create`, makes it one) and brings
/// its schema up to date (``StoreSchema``). Every change is one transaction: an import that
/// fails halfway leaves the file as it was. Values round trip bit for bit (including −0.0
/// and ±∞); NaN (an empty cell) is stored as NULL and comes back as `.nan`.
///
/// ```swift
/// let store = try DatasetStore(path: "datasets/hindsight.sqlite", create: true)
/// let info = try store.importTrace(raw, name: "web", replace: false)
/// let again = try store.load(name: "web")   // same times and values as `raw`
/// ```
///
/// A store is used from one thread at a time (not `Sendable`); open one per thread.
public final class DatasetStore {
    /// The default store of the command line, relative to the current directory.
    public static let defaultPath = "datasets/hindsight.sqlite"

    /// The file path as given.
    public let path: String
    /// The open connection.
    let connection: Connection

    /// Opens the store at `path`, creating it (and its folder) with `create`.
    ///
    /// - Parameters:
    ///   - path: the SQLite file.
    ///   - create: make the file (and missing parent folders) when it does not exist.
    /// - Throws: ``StoreError``: ``StoreError/Kind/missingStore`` when the file does not
    ///   exist and `create` is false; ``StoreError/Kind/notAStore`` for a file that is not a
    ///   dataset store; ``StoreError/Kind/futureVersion`` for a newer schema.
    public init(path: String, create: Bool) throws {
        self.path = path
        let files = FileManager.default
        if !files.fileExists(atPath: path) {
            guard create else {
                throw StoreError(
                    .missingStore, path: path, message: "no dataset store here (the file does not exist)",
                    expected: "an existing store; create one with `hindsight import FILE --name NAME`")
            }
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            do {
                try files.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw StoreError(
                    .invalidInput, path: path, message: "cannot create the folder \(folder.path) (\(error.localizedDescription))",
                    expected: "a path in a writable folder")
            }
        }
        connection = try Connection(path: path, create: create)
        try StoreSchema.migrate(connection)
        // Safe with WAL: a crash may lose the last commit, never corrupt the file.
        try connection.execute("PRAGMA synchronous = NORMAL")
    }

    /// Every stored dataset, sorted by name.
    /// - Throws: ``StoreError`` when the file cannot be read.
    /// - Complexity: O(d + c) for d datasets with c columns in all.
    public func list() throws -> [DatasetInfo] {
        var columns: [Int64: [String]] = [:]
        let columnQuery = try connection.prepare(
            "SELECT dataset_id, name FROM dataset_columns ORDER BY dataset_id, position")
        while try columnQuery.step() {
            columns[columnQuery.int64(at: 0), default: []].append(columnQuery.string(at: 1) ?? "")
        }
        var infos: [DatasetInfo] = []
        let query = try connection.prepare(
            "SELECT id, name, source, imported_at, rows, start_ms, end_ms, step_ms FROM datasets ORDER BY name")
        while try query.step() {
            infos.append(DatasetInfo(
                name: query.string(at: 1) ?? "", source: query.string(at: 2) ?? "",
                importedAt: query.string(at: 3) ?? "", rows: Int(query.int64(at: 4)),
                startMs: query.optionalInt64(at: 5), endMs: query.optionalInt64(at: 6),
                stepMs: query.optionalInt64(at: 7), columns: columns[query.int64(at: 0)] ?? []))
        }
        return infos
    }

    /// The names of every stored dataset, sorted.
    /// - Throws: ``StoreError`` when the file cannot be read.
    public func names() throws -> [String] {
        let query = try connection.prepare("SELECT name FROM datasets ORDER BY name")
        var names: [String] = []
        while try query.step() { names.append(query.string(at: 0) ?? "") }
        return names
    }

    /// The dataset called `name`, or `nil`.
    /// - Throws: ``StoreError`` when the file cannot be read.
    public func info(name: String) throws -> DatasetInfo? {
        try list().first { $0.name == name }
    }

    /// Removes the dataset called `name` and its samples, in one transaction.
    /// - Throws: ``StoreError/Kind/missingDataset`` (listing the stored names) when there is
    ///   none; ``StoreError`` when the file cannot be written.
    public func delete(name: String) throws {
        try connection.transaction {
            guard let id = try datasetID(name) else { throw try missing(name) }
            try deleteDataset(id: id)
        }
    }

    // MARK: - Internals shared by import and load

    /// The id of dataset `name`, or `nil`.
    func datasetID(_ name: String) throws -> Int64? {
        let query = try connection.prepare("SELECT id FROM datasets WHERE name = ?1")
        try query.bind(name, at: 1)
        return try query.step() ? query.int64(at: 0) : nil
    }

    /// Deletes every row of dataset `id` (inside the caller's transaction).
    func deleteDataset(id: Int64) throws {
        let ranges = try connection.prepare(
            "SELECT first_sample, last_sample FROM dataset_columns WHERE dataset_id = ?1")
        try ranges.bind(id, at: 1)
        var spans: [(Int64, Int64)] = []
        while try ranges.step() {
            if let first = ranges.optionalInt64(at: 0), let last = ranges.optionalInt64(at: 1) {
                spans.append((first, last))
            }
        }
        let samples = try connection.prepare("DELETE FROM samples WHERE id BETWEEN ?1 AND ?2")
        for (first, last) in spans {
            try samples.bind(first, at: 1)
            try samples.bind(last, at: 2)
            while try samples.step() {}
            try samples.reset()
        }
        for sql in [
            "DELETE FROM dataset_columns WHERE dataset_id = ?1",
            "DELETE FROM datasets WHERE id = ?1",
        ] {
            let statement = try connection.prepare(sql)
            try statement.bind(id, at: 1)
            while try statement.step() {}
        }
    }

    /// The error for a dataset name that is not stored, listing the names that are.
    func missing(_ name: String) throws -> StoreError {
        let stored = try names()
        return StoreError(
            .missingDataset, path: path, message: "no dataset named '\(name)'",
            expected: stored.isEmpty
                ? "a stored dataset, but the store is empty; import one with `hindsight import FILE --name \(name)`"
                : "one of the stored datasets: \(stored.joined(separator: ", "))")
    }
}
