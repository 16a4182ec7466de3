import CSQLite
import Foundation

extension DatasetStore {
    /// Stores `raw` under `name`, in one transaction.
    ///
    /// Every cell becomes one row of `samples`, written column by column in time order under
    /// consecutive ids (``StoreSchema``), ``sampleBatchRows`` rows per multi-row INSERT
    /// (prepared once, bound and stepped per batch; the last rows of each column go through
    /// one more statement prepared for exactly that remainder). NaN cells are stored as NULL;
    /// every other value, −0.0 included, bit for bit.
    /// When anything fails, nothing of this import stays in the file (and with `replace`,
    /// the old dataset is still there).
    ///
    /// - Parameters:
    ///   - raw: the trace; times strictly ascending, at least one column.
    ///   - name: 1–128 characters from `A–Z a–z 0–9 . _ -`.
    ///   - replace: replace a dataset of the same name instead of refusing.
    ///   - progress: called with (cells written, cells in all) every 65,536 cells and once
    ///     at the end, for a progress bar; `nil` for none.
    /// - Returns: what was stored.
    /// - Throws: ``StoreError``: ``StoreError/Kind/duplicateDataset`` when `name` exists and
    ///   `replace` is false; ``StoreError/Kind/invalidInput`` for a bad name, no columns or
    ///   times that are not strictly ascending; ``StoreError/Kind/sqlite`` when the file
    ///   cannot be written.
    /// - Complexity: O(rows × columns) cells in ⌈rows ÷ ``sampleBatchRows``⌉ statements per
    ///   column, plus O(rows log rows) when the spacing of the
    ///   times is not uniform (median spacing).
    @discardableResult
    public func importTrace(
        _ raw: RawTrace, name: String, replace: Bool,
        progress: ((_ written: Int, _ total: Int) -> Void)? = nil
    ) throws -> DatasetInfo {
        try importTrace(raw, name: name, replace: replace, progress: progress, afterColumn: nil)
    }

    /// Opens (creating if needed) the store at `dbPath` and imports `raw` under `name`:
    /// the whole of `hindsight import` after the file is read.
    /// - Throws: see ``init(path:create:)`` and ``importTrace(_:name:replace:progress:)``.
    @discardableResult
    public static func importTrace(
        _ raw: RawTrace, name: String, replace: Bool, dbPath: String,
        progress: ((_ written: Int, _ total: Int) -> Void)? = nil
    ) throws -> DatasetInfo {
        try DatasetStore(path: dbPath, create: true).importTrace(raw, name: name, replace: replace, progress: progress)
    }

    /// ``importTrace(_:name:replace:progress:)`` with a hook called after each column is
    /// written (with its position), inside the transaction: tests throw from it to check
    /// rollback.
    func importTrace(
        _ raw: RawTrace, name: String, replace: Bool,
        progress: ((_ written: Int, _ total: Int) -> Void)?, afterColumn: ((Int) throws -> Void)?
    ) throws -> DatasetInfo {
        try Self.checkName(name, path: path)
        let names = raw.columnNames
        guard !names.isEmpty else {
            throw StoreError(
                .invalidInput, path: path, message: "trace '\(raw.source)' has no value columns to store",
                expected: "a trace with a time column and at least one value column")
        }
        let times = raw.times
        for index in times.indices.dropFirst() where times[index] <= times[index - 1] {
            throw StoreError(
                .invalidInput, path: path,
                message: "trace '\(raw.source)': time \(times[index]) ms at row \(index) is not after \(times[index - 1]) ms",
                expected: "strictly ascending times")
        }
        let info = DatasetInfo(
            name: name, source: raw.source,
            importedAt: StoreTimestamp.format(Int64((Date().timeIntervalSince1970 * 1_000).rounded(.down))),
            rows: times.count, startMs: times.first, endMs: times.last,
            stepMs: Self.medianSpacing(times), columns: names)

        try connection.transaction {
            if let old = try datasetID(name) {
                guard replace else {
                    throw StoreError(
                        .duplicateDataset, path: path, message: "a dataset named '\(name)' already exists",
                        expected: "a new name, or --replace to overwrite it")
                }
                try deleteDataset(id: old)
            }
            let id = try insertInfo(info)
            // Cells get consecutive ids after the largest one stored: SQLite gives max+1 to a
            // row inserted without an id, and the write lock keeps everyone else out.
            let base = try connection.scalarInt64("SELECT coalesce(max(id), 0) FROM samples") ?? 0
            let rows = Int64(times.count)
            guard base <= Int64.max - rows * Int64(names.count) - 1 else {
                throw StoreError(
                    .invalidInput, path: path, message: "no sample ids left (the largest is \(base))",
                    expected: "a store with room; import into a new store file")
            }
            let column = try connection.prepare("""
                INSERT INTO dataset_columns(dataset_id, position, name, first_sample, last_sample)
                VALUES (?1, ?2, ?3, ?4, ?5)
                """)
            let batch = Self.batchRows(variableLimit: connection.variableLimit)
            let rowCount = times.count
            // Prepared only when used: a trace shorter than a batch never compiles the big one.
            let full = rowCount >= batch ? try connection.prepare(Self.sampleInsertSQL(rows: batch)) : nil
            let tail = rowCount % batch > 0 ? try connection.prepare(Self.sampleInsertSQL(rows: rowCount % batch)) : nil
            try column.bind(id, at: 1)
            for (position, columnName) in names.enumerated() {
                let first = base + 1 + Int64(position) * rows
                try Self.insertSamples(
                    full: full, tail: tail, batch: batch, times: times, values: raw.columns[columnName] ?? [],
                    done: position * rowCount, total: rowCount * names.count, progress: progress)
                if rows > 0 && connection.lastInsertRowID != first + rows - 1 {
                    throw StoreError(
                        .sqlite, path: path,
                        message: "column '\(columnName)' was not stored under consecutive ids "
                            + "(last id \(connection.lastInsertRowID), expected \(first + rows - 1))",
                        sql: (tail ?? full)?.sql)
                }
                try column.bind(Int64(position), at: 2)
                try column.bind(columnName, at: 3)
                try column.bind(rows > 0 ? first : nil, at: 4)
                try column.bind(rows > 0 ? first + rows - 1 : nil, at: 5)
                _ = try column.step()
                try column.reset()
                try afterColumn?(position)
            }
        }
        return info
    }

    /// Rows per multi-row INSERT of an import, when SQLite allows 2 × that many parameters.
    ///
    /// Measured (C, SQLite 3.40, 1 M rows into `samples`, one transaction, CPU time): 1 row
    /// per statement 1.35 s, 16 rows 0.94 s, 64 rows 0.59 s, 128 rows 0.51 s, 256 rows
    /// 0.47 s, 512 rows 0.45 s, 1,024–4,096 rows 0.43–0.45 s. Past 512 the per-statement
    /// cost is paid off and a batch only compiles a longer statement.
    static let sampleBatchRows = 512

    /// The rows per batch on a connection allowing `variableLimit` parameters: at most
    /// ``sampleBatchRows``, at most `variableLimit / 2` (two parameters a row), at least 1.
    static func batchRows(variableLimit: Int) -> Int {
        max(1, min(sampleBatchRows, variableLimit / 2))
    }

    /// `INSERT INTO samples(t, value) VALUES (?,?),(?,?),…` with `rows` rows: parameter
    /// `2k+1` is the time and `2k+2` the value of row `k` (0-based).
    static func sampleInsertSQL(rows: Int) -> String {
        precondition(rows >= 1, "a sample INSERT needs at least one row, got \(rows)")
        var sql = "INSERT INTO samples(t, value) VALUES (?,?)"
        sql.reserveCapacity(sql.utf8.count + 6 * (rows - 1))
        for _ in 1..<rows { sql += ",(?,?)" }
        return sql
    }

    /// Writes one column: `full` (a `batch`-row INSERT) for every whole batch, then `tail`
    /// (an INSERT of exactly `times.count % batch` rows) for the rest. `done` cells of
    /// `total` were written before; `progress` hears of every multiple of 65,536 passed and
    /// of the last cell, after the statement that wrote it.
    /// - Complexity: O(n) binds, ⌈n ÷ batch⌉ steps.
    private static func insertSamples(
        full: Statement?, tail: Statement?, batch: Int, times: [Int64], values: [Double],
        done: Int, total: Int, progress: ((Int, Int) -> Void)?
    ) throws {
        precondition(values.count == times.count, "column has \(values.count) values for \(times.count) times")
        let count = times.count
        let wholeRows = count - count % batch
        precondition((wholeRows == 0 || full != nil) && (wholeRows == count || tail != nil),
                     "statements missing for \(count) rows in batches of \(batch)")
        try times.withUnsafeBufferPointer { t in
            try values.withUnsafeBufferPointer { v in
                var row = 0
                while row < count {
                    let rowsNow = row < wholeRows ? batch : count - wholeRows
                    guard let statement = row < wholeRows ? full : tail else { return }
                    var parameter: Int32 = 1
                    for k in row..<(row + rowsNow) {
                        try statement.bind(t[k], at: parameter)
                        try statement.bind(v[k], at: parameter + 1)
                        parameter += 2
                    }
                    _ = try statement.step()
                    try statement.reset()
                    if let progress { report(progress, from: done + row, to: done + row + rowsNow, total: total) }
                    row += rowsNow
                }
            }
        }
    }

    /// Calls `progress` for each multiple of 65,536 in `(from, to]` below `total`, then with
    /// `total` when `to` reaches it.
    private static func report(_ progress: (Int, Int) -> Void, from: Int, to: Int, total: Int) {
        var mark = ((from >> 16) + 1) << 16
        while mark <= to && mark < total {
            progress(mark, total)
            mark += 1 << 16
        }
        if to == total { progress(total, total) }
    }

    /// Inserts the `datasets` row of `info`; returns its id.
    private func insertInfo(_ info: DatasetInfo) throws -> Int64 {
        let insert = try connection.prepare("""
            INSERT INTO datasets(name, source, imported_at, rows, start_ms, end_ms, step_ms)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id
            """)
        try insert.bind(info.name, at: 1)
        try insert.bind(info.source, at: 2)
        try insert.bind(info.importedAt, at: 3)
        try insert.bind(Int64(info.rows), at: 4)
        try insert.bind(info.startMs, at: 5)
        try insert.bind(info.endMs, at: 6)
        try insert.bind(info.stepMs, at: 7)
        guard try insert.step() else { throw connection.error(SQLITE_MISUSE, sql: insert.sql) }
        let id = insert.int64(at: 0)
        while try insert.step() {}
        return id
    }

    /// Throws unless `name` is 1–128 characters from `A–Z a–z 0–9 . _ -`.
    static func checkName(_ name: String, path: String) throws {
        let allowed = name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)
                || byte == 0x2e || byte == 0x5f || byte == 0x2d
        }
        guard allowed, (1...128).contains(name.utf8.count) else {
            throw StoreError(
                .invalidInput, path: path, message: "'\(name)' cannot be a dataset name",
                expected: "1 to 128 characters from A-Z a-z 0-9 . _ -")
        }
    }

    /// The lower median of the gaps between consecutive `times` (ms), `nil` with fewer
    /// than two times.
    /// - Complexity: O(n) when all gaps are equal, O(n log n) otherwise.
    static func medianSpacing(_ times: [Int64]) -> Int64? {
        guard times.count >= 2 else { return nil }
        let first = times[1] &- times[0]
        var uniform = true
        for index in 2..<times.count where times[index] &- times[index - 1] != first {
            uniform = false
            break
        }
        if uniform { return first }
        var gaps = [Int64](repeating: 0, count: times.count - 1)
        for index in gaps.indices { gaps[index] = times[index + 1] &- times[index] }
        gaps.sort()
        return gaps[(gaps.count - 1) / 2]
    }
}
