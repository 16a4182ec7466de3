import CSQLite

/// A failure of the SQLite dataset store: the file, the statement and SQLite's own words.
///
/// A store that cannot be opened or read, a missing or duplicate dataset name and a trace
/// that cannot be stored are all problems with what the user gave us, so `StoreError` is an
/// ``InputError`` (the CLI exits with 2). `description` reads
/// `PATH: what was wrong; expected what would be accepted`, followed by the SQLite result
/// code and the SQL when a statement failed.
public struct StoreError: InputError, Equatable {
    /// What kind of problem this is, for callers that react to some of them (e.g. `datasets`
    /// prints a hint instead of an error when there is no store yet).
    public enum Kind: Sendable, Equatable {
        /// There is no file at the path and the store was opened without `create`.
        case missingStore
        /// The file is not a SQLite database, or a database that is not a dataset store.
        case notAStore
        /// The store's schema version is newer than this build understands.
        case futureVersion
        /// No dataset has the requested name.
        case missingDataset
        /// A dataset with that name exists and `replace` was not asked for.
        case duplicateDataset
        /// The dataset name or the trace cannot be stored (bad name, unsorted times, …).
        case invalidInput
        /// The stored rows of a dataset do not fit together (the file was edited or damaged).
        case inconsistent
        /// SQLite reported an error running a statement.
        case sqlite
    }

    /// What kind of problem this is.
    public var kind: Kind
    /// The store's file path as given.
    public var path: String
    /// What was wrong, in words.
    public var message: String
    /// What would have been accepted, or what to do; empty when there is nothing to add.
    public var expected: String
    /// SQLite's extended result code (`SQLITE_NOTADB` = 26, `SQLITE_CONSTRAINT_PRIMARYKEY` =
    /// 1555, …), or `nil` when SQLite did not fail.
    public var resultCode: Int32?
    /// The statement that failed, or `nil`.
    public var sql: String?

    /// Makes an error; see the properties for the meaning of each argument.
    public init(
        _ kind: Kind, path: String, message: String, expected: String = "",
        resultCode: Int32? = nil, sql: String? = nil
    ) {
        self.kind = kind; self.path = path; self.message = message; self.expected = expected
        self.resultCode = resultCode; self.sql = sql
    }

    /// `PATH: message; expected …` plus ` [SQLite result code N, SQL: …]` when SQLite failed.
    public var description: String {
        var text = "\(path): \(message)"
        if !expected.isEmpty { text += "; expected \(expected)" }
        if let code = resultCode {
            text += " [SQLite result code \(code)"
            if let sql { text += " in: \(sql)" }
            text += "]"
        }
        return text
    }
}

extension StoreError {
    /// An error for SQLite result `code` on connection `db` (may be nil when open failed),
    /// classifying "not a database" and "corrupt" results as ``Kind/notAStore``.
    static func sqlite(_ code: Int32, db: OpaquePointer?, path: String, sql: String?) -> StoreError {
        let extended = db.map { sqlite3_extended_errcode($0) } ?? code
        let text = db.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? sqlite3_errstr(code).map { String(cString: $0) } ?? "unknown error"
        let primary = code & 0xff
        if primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT {
            return StoreError(
                .notAStore, path: path, message: "not a hindsight dataset store (\(text))",
                expected: "a SQLite file written by `hindsight import`",
                resultCode: extended == 0 ? code : extended, sql: sql)
        }
        return StoreError(
            .sqlite, path: path, message: "SQLite error: \(text)",
            resultCode: extended == 0 ? code : extended, sql: sql)
    }
}
