extension DatasetStore {
    /// The dataset called `name`, exactly as it was imported: the same times, the same
    /// column names, the same values bit for bit (NaN where a cell was empty).
    ///
    /// The result's `source` reads `dataset 'NAME' in PATH`; the original file is in
    /// ``DatasetInfo/source``.
    ///
    /// - Throws: ``StoreError/Kind/missingDataset`` listing the stored names when there is
    ///   no such dataset; ``StoreError/Kind/inconsistent`` when the stored rows do not fit
    ///   together (columns of different lengths or times, a row count that does not match);
    ///   ``StoreError`` when the file cannot be read.
    /// - Complexity: O(rows × columns).
    public func load(name: String) throws -> RawTrace {
        let header = try connection.prepare("SELECT id, rows FROM datasets WHERE name = ?1")
        try header.bind(name, at: 1)
        guard try header.step() else { throw try missing(name) }
        let id = header.int64(at: 0)
        let rows = header.int64(at: 1)

        var names: [String] = []
        var spans: [(first: Int64, last: Int64)?] = []
        let columnQuery = try connection.prepare("""
            SELECT position, name, first_sample, last_sample FROM dataset_columns
            WHERE dataset_id = ?1 ORDER BY position
            """)
        try columnQuery.bind(id, at: 1)
        while try columnQuery.step() {
            guard columnQuery.int64(at: 0) == Int64(names.count), let columnName = columnQuery.string(at: 1) else {
                throw inconsistent(name, "its column list has a gap or a NULL name")
            }
            names.append(columnName)
            if let first = columnQuery.optionalInt64(at: 2), let last = columnQuery.optionalInt64(at: 3) {
                spans.append((first, last))
            } else {
                spans.append(nil)
            }
        }
        guard !names.isEmpty else { throw inconsistent(name, "it has no columns") }

        // Reserve what the header promises, within reason: a damaged header must not make
        // us allocate terabytes.
        let capacity = Int(clamping: max(0, min(rows, 1 << 26)))
        var times: [Int64] = []
        times.reserveCapacity(capacity)
        var columns: [String: [Double]] = [:]
        let sampleQuery = try connection.prepare(
            "SELECT t, value FROM samples WHERE id BETWEEN ?1 AND ?2 ORDER BY id")
        for (position, columnName) in names.enumerated() {
            var values: [Double] = []
            values.reserveCapacity(position == 0 ? capacity : times.count)
            if let span = spans[position] {
                try sampleQuery.bind(span.first, at: 1)
                try sampleQuery.bind(span.last, at: 2)
                if position == 0 {
                    while try sampleQuery.step() {
                        times.append(sampleQuery.int64(at: 0))
                        values.append(sampleQuery.doubleOrNaN(at: 1))
                    }
                } else {
                    var row = 0
                    while try sampleQuery.step() {
                        guard row < times.count, sampleQuery.int64(at: 0) == times[row] else {
                            throw inconsistent(name, "column '\(columnName)' has other times than column '\(names[0])'")
                        }
                        values.append(sampleQuery.doubleOrNaN(at: 1))
                        row += 1
                    }
                }
                try sampleQuery.reset()
                guard span.last &- span.first &+ 1 == Int64(values.count) else {
                    throw inconsistent(name, "column '\(columnName)' has \(values.count) samples in ids \(span.first)…\(span.last)")
                }
            }
            guard values.count == times.count else {
                throw inconsistent(name, "column '\(columnName)' has \(values.count) values for \(times.count) times")
            }
            columns[columnName] = values
        }
        guard times.count > 1 ? zip(times, times.dropFirst()).allSatisfy({ $0 < $1 }) : true else {
            throw inconsistent(name, "its times are not strictly ascending")
        }
        guard Int64(times.count) == rows else {
            throw inconsistent(name, "it has \(times.count) rows of samples, its header says \(rows)")
        }
        return RawTrace(times: times, columns: columns, source: "dataset '\(name)' in \(path)")
    }

    /// Opens the store at `dbPath` (which must exist) and loads dataset `name`: what a
    /// scenario's `dataset: NAME` reads.
    /// - Throws: see ``init(path:create:)`` and ``load(name:)``.
    public static func loadTrace(name: String, dbPath: String) throws -> RawTrace {
        try DatasetStore(path: dbPath, create: false).load(name: name)
    }

    private func inconsistent(_ name: String, _ what: String) -> StoreError {
        StoreError(
            .inconsistent, path: path, message: "dataset '\(name)' is damaged: \(what)",
            expected: "a store written by `hindsight import`; import the trace again with --replace")
    }
}
