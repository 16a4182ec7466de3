import CSQLite

/// A compiled SQL statement: bind parameters, step through rows, read columns, reset.
///
/// Parameter indices are 1-based (as in SQL `?1`), column indices 0-based (as in SQLite).
/// Reading a column index out of range gives NULL/0 (SQLite's behaviour), never a crash.
/// The statement is finalized when the last reference goes away.
public final class Statement {
    /// The `sqlite3_stmt*` handle.
    let handle: OpaquePointer
    /// The connection, kept alive as long as the statement is.
    let connection: Connection
    /// The SQL text, for messages.
    public let sql: String

    init(handle: OpaquePointer, connection: Connection, sql: String) {
        self.handle = handle; self.connection = connection; self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    // MARK: - Binding

    /// Binds an integer to parameter `index` (1-based).
    /// - Throws: ``StoreError`` for an index out of range.
    @inline(__always)
    public func bind(_ value: Int64, at index: Int32) throws {
        let code = sqlite3_bind_int64(handle, index, value)
        if code != SQLITE_OK { throw failure(code) }
    }

    /// Binds a double to parameter `index` (1-based). NaN is bound as NULL (what SQLite
    /// would make of it anyway); every other value, including −0.0 and ±∞, is kept bit for
    /// bit in a column without type affinity.
    /// - Throws: ``StoreError`` for an index out of range.
    @inline(__always)
    public func bind(_ value: Double, at index: Int32) throws {
        let code = value.isNaN ? sqlite3_bind_null(handle, index) : sqlite3_bind_double(handle, index, value)
        if code != SQLITE_OK { throw failure(code) }
    }

    /// Binds text (copied by SQLite) to parameter `index` (1-based).
    /// - Throws: ``StoreError`` for an index out of range.
    public func bind(_ value: String, at index: Int32) throws {
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        let code = value.withCString { sqlite3_bind_text(handle, index, $0, -1, transient) }
        if code != SQLITE_OK { throw failure(code) }
    }

    /// Binds an optional integer: NULL for `nil`.
    /// - Throws: ``StoreError`` for an index out of range.
    public func bind(_ value: Int64?, at index: Int32) throws {
        if let value { try bind(value, at: index) } else { try bindNull(at: index) }
    }

    /// Binds NULL to parameter `index` (1-based).
    /// - Throws: ``StoreError`` for an index out of range.
    public func bindNull(at index: Int32) throws {
        let code = sqlite3_bind_null(handle, index)
        if code != SQLITE_OK { throw failure(code) }
    }

    // MARK: - Stepping

    /// Runs the statement to its next row.
    /// - Returns: `true` when a row is ready to read, `false` when the statement is done.
    /// - Throws: ``StoreError`` with the SQL and result code (e.g. a constraint violation).
    @inline(__always)
    public func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw failure(code)
        }
    }

    /// Makes the statement ready to run again; bound values stay bound.
    /// - Throws: ``StoreError`` only when SQLite reports a failure it had not reported yet.
    @inline(__always)
    public func reset() throws {
        let code = sqlite3_reset(handle)
        if code != SQLITE_OK { throw failure(code) }
    }

    /// Sets every parameter back to NULL.
    public func clearBindings() { sqlite3_clear_bindings(handle) }

    // MARK: - Columns of the current row

    /// The number of columns a row has.
    public var columnCount: Int32 { sqlite3_column_count(handle) }

    /// Whether column `index` (0-based) of the current row is NULL.
    @inline(__always)
    public func isNull(at index: Int32) -> Bool { sqlite3_column_type(handle, index) == SQLITE_NULL }

    /// Column `index` (0-based) as an integer (0 for NULL).
    @inline(__always)
    public func int64(at index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

    /// Column `index` (0-based) as a double (0 for NULL; use ``isNull(at:)`` or
    /// ``doubleOrNaN(at:)`` to tell).
    @inline(__always)
    public func double(at index: Int32) -> Double { sqlite3_column_double(handle, index) }

    /// Column `index` (0-based) as a double, NaN for NULL.
    @inline(__always)
    public func doubleOrNaN(at index: Int32) -> Double {
        sqlite3_column_type(handle, index) == SQLITE_NULL ? .nan : sqlite3_column_double(handle, index)
    }

    /// Column `index` (0-based) as an integer, `nil` for NULL.
    public func optionalInt64(at index: Int32) -> Int64? { isNull(at: index) ? nil : int64(at: index) }

    /// Column `index` (0-based) as text, `nil` for NULL.
    public func string(at index: Int32) -> String? {
        guard let text = sqlite3_column_text(handle, index) else { return nil }
        return String(cString: text)
    }

    /// The error for result `code` of this statement.
    func failure(_ code: Int32) -> StoreError { connection.error(code, sql: sql) }
}
