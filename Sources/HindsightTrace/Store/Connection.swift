import CSQLite

/// One open SQLite database: a thin, throwing wrapper over the C API.
///
/// The connection is used from one thread at a time (it is opened with
/// `SQLITE_OPEN_NOMUTEX` and is not `Sendable`). It is closed when the last reference goes
/// away; statements keep their connection alive.
///
/// ```swift
/// let db = try Connection(path: "/tmp/x.sqlite", create: true)
/// try db.execute("CREATE TABLE t(a INTEGER)")
/// try db.transaction {
///     let insert = try db.prepare("INSERT INTO t(a) VALUES (?1)")
///     for a: Int64 in 0..<3 { try insert.bind(a, at: 1); _ = try insert.step(); try insert.reset() }
/// }
/// ```
public final class Connection {
    /// The `sqlite3*` handle.
    let handle: OpaquePointer
    /// The path as given, for messages.
    public let path: String

    /// Opens (and with `create`, creates) the database at `path`.
    ///
    /// - Parameters:
    ///   - path: a file path; `":memory:"` opens a private in-memory database.
    ///   - create: create the file when it does not exist. Without it a missing file throws
    ///     ``StoreError/Kind/missingStore``.
    ///   - busyTimeoutMs: how long a statement waits for another process's lock, in ms.
    /// - Throws: ``StoreError`` when the file cannot be opened. A file that is not a database
    ///   opens without error; the first statement reports it (``StoreError/Kind/notAStore``).
    public init(path: String, create: Bool, busyTimeoutMs: Int32 = 5_000) throws {
        _ = Connection.processSetup
        var flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
        if create { flags |= SQLITE_OPEN_CREATE }
        var db: OpaquePointer?
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let error: StoreError
            if !create && code == SQLITE_CANTOPEN {
                error = StoreError(
                    .missingStore, path: path, message: "no dataset store here (cannot open the file)",
                    expected: "an existing store; create one with `hindsight import FILE --name NAME`",
                    resultCode: code)
            } else {
                error = StoreError.sqlite(code, db: db, path: path, sql: nil)
            }
            sqlite3_close_v2(db)
            throw error
        }
        handle = db
        self.path = path
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, busyTimeoutMs)
    }

    deinit { sqlite3_close_v2(handle) }

    /// Process-wide SQLite settings, applied once before the first connection opens:
    /// memory statistics off (they serialize every allocation on a global mutex). If SQLite
    /// was already initialized by other code, this changes nothing.
    private static let processSetup: Int32 = hindsight_sqlite3_disable_memstatus()

    /// Runs one or more `;`-separated statements that return no rows of interest.
    /// - Throws: ``StoreError`` naming the SQL and SQLite's result code.
    public func execute(_ sql: String) throws {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code, sql: sql) }
    }

    /// Compiles `sql` (one statement) for repeated binding and stepping.
    /// - Throws: ``StoreError`` when the SQL does not compile or the file is not a database.
    public func prepare(_ sql: String) throws -> Statement {
        var stmt: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard code == SQLITE_OK, let stmt else {
            sqlite3_finalize(stmt)
            throw error(code == SQLITE_OK ? SQLITE_MISUSE : code, sql: sql)
        }
        return Statement(handle: stmt, connection: self, sql: sql)
    }

    /// The first column of the first row of `sql` as an integer, or `nil` when there is no
    /// row or the value is NULL.
    /// - Throws: ``StoreError``.
    public func scalarInt64(_ sql: String) throws -> Int64? {
        let statement = try prepare(sql)
        guard try statement.step(), !statement.isNull(at: 0) else { return nil }
        return statement.int64(at: 0)
    }

    /// `PRAGMA user_version`: the schema version the file says it has (0 for a new file).
    /// - Throws: ``StoreError`` (``StoreError/Kind/notAStore`` for a file that is not a database).
    public var userVersion: Int64 {
        get throws { try scalarInt64("PRAGMA user_version") ?? 0 }
    }

    /// Sets `PRAGMA user_version`.
    /// - Throws: ``StoreError``.
    public func setUserVersion(_ version: Int64) throws {
        try execute("PRAGMA user_version = \(version)")
    }

    /// Switches the file to write-ahead logging (persistent in the file).
    /// - Throws: ``StoreError`` when SQLite refuses (e.g. a read-only file).
    public func enableWAL() throws {
        let statement = try prepare("PRAGMA journal_mode = WAL")
        _ = try statement.step()
    }

    /// Whether the connection is inside a transaction (`BEGIN` without `COMMIT` yet).
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// The number of rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    /// The id (rowid) of the row inserted last on this connection, 0 before any insert.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// The most `?` parameters one statement may have on this connection
    /// (`SQLITE_LIMIT_VARIABLE_NUMBER`: 32,766 by default since SQLite 3.32, 999 before;
    /// a build or ``setVariableLimit(_:)`` may lower it).
    public var variableLimit: Int { Int(sqlite3_limit(handle, SQLITE_LIMIT_VARIABLE_NUMBER, -1)) }

    /// Lowers (never raises above the compiled-in maximum) the number of `?` parameters a
    /// statement may have on this connection; statements prepared later are held to it.
    /// - Parameter limit: the new limit, ≥ 0; SQLite caps it at its compile-time maximum.
    func setVariableLimit(_ limit: Int) {
        precondition(limit >= 0, "variable limit \(limit) is negative")
        sqlite3_limit(handle, SQLITE_LIMIT_VARIABLE_NUMBER, Int32(clamping: limit))
    }

    /// The error for result `code` of `sql` on this connection.
    func error(_ code: Int32, sql: String?) -> StoreError {
        StoreError.sqlite(code, db: handle, path: path, sql: sql)
    }
}
