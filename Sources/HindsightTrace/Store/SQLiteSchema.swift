/// A SQLite file format of hindsight: who writes it, its `application_id`, and the
/// migrations that build it, versioned by `PRAGMA user_version` (the dataset store and
/// the run history each have one).
///
/// Version `n` is what the first `n` migrations build, in order, from an empty file. A
/// file at version `v < current` is brought up to date by running migrations
/// `v…current-1` in one transaction; a newer file is refused; a file of another program
/// (another `application_id`, or tables in a file without one) is never touched.
public struct SQLiteSchema: Sendable {
    /// What the file is, for messages ("dataset store", "run history").
    public var role: String
    /// `PRAGMA application_id` marking the file as ours.
    public var applicationID: Int32
    /// Migration `i` takes the file from version `i` to `i + 1`. Append only.
    public var migrations: [String]
    /// What writes such files, for messages ("`hindsight import`").
    public var writer: String
    /// `PRAGMA page_size` for a new file (before WAL), or nil for SQLite's default.
    public var pageSize: Int?

    public init(role: String, applicationID: Int32, migrations: [String], writer: String, pageSize: Int? = nil) {
        self.role = role; self.applicationID = applicationID; self.migrations = migrations
        self.writer = writer; self.pageSize = pageSize
    }

    /// The version this build writes and reads.
    public var current: Int64 { Int64(migrations.count) }

    /// Brings the file behind `connection` to ``current`` (WAL journal on a new file), or
    /// checks that it is there.
    /// - Throws: ``StoreError`` — ``StoreError/Kind/notAStore`` for a file that is not a
    ///   database or is another program's database; ``StoreError/Kind/futureVersion`` for a
    ///   file written by a newer hindsight.
    public func migrate(_ connection: Connection) throws {
        let version = try connection.userVersion
        let appID = try connection.scalarInt64("PRAGMA application_id") ?? 0
        if version == current && appID == Int64(applicationID) { return }
        if version > current {
            throw StoreError(
                .futureVersion, path: connection.path,
                message: "\(role) has schema version \(version), newer than this hindsight understands (\(current))",
                expected: "a \(role) of schema version ≤ \(current); use a newer hindsight")
        }
        if version == 0 {
            // A fresh file must be empty: never add our tables to someone else's database.
            let tables = try connection.scalarInt64("SELECT count(*) FROM sqlite_schema") ?? 0
            if tables > 0 || appID != 0 { throw foreign(connection, appID: appID) }
        } else if appID != Int64(applicationID) {
            throw foreign(connection, appID: appID)
        }
        if version == 0 {
            // Page size only takes effect on a file without pages yet, and must precede WAL.
            if let pageSize { try connection.execute("PRAGMA page_size = \(pageSize)") }
            try connection.enableWAL()
        }
        try connection.transaction {
            for index in Int(version)..<migrations.count {
                try connection.execute(migrations[index])
            }
            try connection.execute("PRAGMA application_id = \(applicationID)")
            try connection.setUserVersion(current)
        }
    }

    private func foreign(_ connection: Connection, appID: Int64) -> StoreError {
        StoreError(
            .notAStore, path: connection.path,
            message: "not a hindsight \(role) (a SQLite database of another program, application_id \(appID))",
            expected: "a SQLite file written by \(writer)")
    }
}
