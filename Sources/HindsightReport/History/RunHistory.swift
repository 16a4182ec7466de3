import Foundation
import HindsightTrace

/// The run history: every `run`, `sweep`, `tune` and `check` appends what it computed to
/// a SQLite file (default `reports/history.sqlite`), one transaction per command, so a
/// result can be found and compared later (`hindsight history`).
///
/// Layout (schema version 1, ``schema``):
/// - `invocations`: one row per command — `command` (`run`, `sweep`, …), `arguments`
///   (the command line as typed, separated by U+001F, the ASCII unit separator), `started_at` (RFC 3339 UTC), `git_commit`
///   (HEAD of the repository holding the scenario, or NULL outside one).
/// - `runs`: one row per policy run — the scenario's name and SHA-256, the policy's name,
///   kind and content SHA-256, the sweep point (`path=value` pairs, or NULL), and the
///   trace span (`trace_start_ms`, `trace_end_ms`, `step_ms`).
/// - `metrics`: `(run_id, key, value)` — every summary metric by its `summary.json` key,
///   in the summary's order (rowid); NULL for a metric that does not apply.
public final class RunHistory {
    /// The history's file format.
    public static let schema = SQLiteSchema(
        role: "run history", applicationID: 0x4853_5248,  // "HSRH"
        migrations: [
            """
            CREATE TABLE invocations (
                id INTEGER PRIMARY KEY,
                command TEXT NOT NULL,
                arguments TEXT NOT NULL,
                started_at TEXT NOT NULL,
                git_commit TEXT
            );
            CREATE TABLE runs (
                id INTEGER PRIMARY KEY,
                invocation_id INTEGER NOT NULL REFERENCES invocations(id),
                scenario TEXT NOT NULL,
                scenario_sha256 TEXT NOT NULL,
                policy TEXT NOT NULL,
                policy_kind TEXT NOT NULL,
                policy_sha256 TEXT NOT NULL,
                point TEXT,
                trace_start_ms INTEGER NOT NULL,
                trace_end_ms INTEGER NOT NULL,
                step_ms INTEGER NOT NULL
            );
            CREATE INDEX runs_by_scenario ON runs(scenario, policy);
            CREATE TABLE metrics (
                run_id INTEGER NOT NULL REFERENCES runs(id),
                key TEXT NOT NULL,
                value REAL,
                PRIMARY KEY (run_id, key)
            );
            """,
        ],
        writer: "`hindsight run`, `sweep`, `tune` or `check`")

    /// One command, as recorded.
    public struct Invocation: Sendable, Equatable {
        public var command: String
        public var arguments: [String]
        /// RFC 3339 UTC, e.g. `2026-12-05T17:03:00Z`.
        public var startedAt: String
        public var gitCommit: String?

        public init(command: String, arguments: [String], startedAt: String, gitCommit: String?) {
            self.command = command; self.arguments = arguments; self.startedAt = startedAt; self.gitCommit = gitCommit
        }
    }

    /// One policy run, as recorded.
    public struct Entry: Sendable, Equatable {
        public var scenario: String
        public var scenarioSHA256: String
        public var policy: String
        public var policyKind: String
        public var policySHA256: String
        /// The sweep point as `path=value` pairs joined by `, `; nil outside a sweep.
        public var point: String?
        /// Trace span: first instant and end (exclusive), ms since the epoch; step in ms.
        public var traceStartMs: Int64
        public var traceEndMs: Int64
        public var stepMs: Int64
        /// Summary metrics by `summary.json` key, in key order; nil = does not apply.
        public var metrics: [(key: String, value: Double?)]

        public init(scenario: String, scenarioSHA256: String, policy: String, policyKind: String, policySHA256: String,
                    point: String? = nil, traceStartMs: Int64, traceEndMs: Int64, stepMs: Int64,
                    metrics: [(key: String, value: Double?)]) {
            self.scenario = scenario; self.scenarioSHA256 = scenarioSHA256; self.policy = policy
            self.policyKind = policyKind; self.policySHA256 = policySHA256; self.point = point
            self.traceStartMs = traceStartMs; self.traceEndMs = traceEndMs; self.stepMs = stepMs; self.metrics = metrics
        }

        public static func == (a: Entry, b: Entry) -> Bool {
            a.scenario == b.scenario && a.scenarioSHA256 == b.scenarioSHA256 && a.policy == b.policy
                && a.policyKind == b.policyKind && a.policySHA256 == b.policySHA256 && a.point == b.point
                && a.traceStartMs == b.traceStartMs && a.traceEndMs == b.traceEndMs && a.stepMs == b.stepMs
                && a.metrics.map(\.key) == b.metrics.map(\.key)
                && zip(a.metrics, b.metrics).allSatisfy { $0.value == $1.value || ($0.value?.isNaN == true && $1.value?.isNaN == true) }
        }
    }

    /// A recorded run with its invocation.
    public struct Row: Sendable, Equatable {
        public var id: Int64
        public var invocation: Invocation
        public var entry: Entry
    }

    let connection: Connection

    /// Opens the history at `path`, creating it when absent unless `create` is false.
    /// - Throws: ``StoreError`` — ``StoreError/Kind/missingStore`` when there is no file
    ///   and `create` is false; ``StoreError/Kind/notAStore`` for a file that is not a run
    ///   history (another program's database, or not a database); ``StoreError/Kind/futureVersion``
    ///   for a history written by a newer hindsight.
    public init(path: String, create: Bool = true) throws {
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw StoreError(.missingStore, path: path, message: "no run history here (the file does not exist)",
                             expected: "a history written by \(Self.schema.writer), or --history PATH")
        }
        do {
            connection = try Connection(path: path, create: create)
            try Self.schema.migrate(connection)
        } catch let error as StoreError where error.kind == .notAStore && error.resultCode != nil {
            // SQLite's "not a database" words name the dataset store; say what was expected here.
            throw StoreError(.notAStore, path: path, message: "not a hindsight run history (not a SQLite database)",
                             expected: "a SQLite file written by \(Self.schema.writer)", resultCode: error.resultCode)
        }
    }

    /// Appends one command and its runs in one transaction; returns the run ids in order.
    /// Nothing is written when any insert fails.
    /// - Complexity: O(runs × metrics).
    @discardableResult
    public func record(_ invocation: Invocation, _ entries: [Entry]) throws -> [Int64] {
        try connection.transaction {
            let inv = try connection.prepare("INSERT INTO invocations(command, arguments, started_at, git_commit) VALUES (?1, ?2, ?3, ?4)")
            try inv.bind(invocation.command, at: 1)
            try inv.bind(invocation.arguments.joined(separator: "\u{1F}"), at: 2)
            try inv.bind(invocation.startedAt, at: 3)
            if let c = invocation.gitCommit { try inv.bind(c, at: 4) } else { try inv.bindNull(at: 4) }
            _ = try inv.step()
            guard let invocationID = try connection.scalarInt64("SELECT last_insert_rowid()") else { return [] }
            let run = try connection.prepare("""
                INSERT INTO runs(invocation_id, scenario, scenario_sha256, policy, policy_kind, policy_sha256, point,
                                 trace_start_ms, trace_end_ms, step_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                """)
            let metric = try connection.prepare("INSERT INTO metrics(run_id, key, value) VALUES (?1, ?2, ?3)")
            var ids: [Int64] = []
            for e in entries {
                try run.reset(); run.clearBindings()
                try run.bind(invocationID, at: 1)
                try run.bind(e.scenario, at: 2); try run.bind(e.scenarioSHA256, at: 3)
                try run.bind(e.policy, at: 4); try run.bind(e.policyKind, at: 5); try run.bind(e.policySHA256, at: 6)
                if let p = e.point { try run.bind(p, at: 7) } else { try run.bindNull(at: 7) }
                try run.bind(e.traceStartMs, at: 8); try run.bind(e.traceEndMs, at: 9); try run.bind(e.stepMs, at: 10)
                _ = try run.step()
                guard let id = try connection.scalarInt64("SELECT last_insert_rowid()") else { continue }
                ids.append(id)
                for (key, value) in e.metrics {
                    try metric.reset(); metric.clearBindings()
                    try metric.bind(id, at: 1); try metric.bind(key, at: 2)
                    if let value, !value.isNaN { try metric.bind(value, at: 3) } else { try metric.bindNull(at: 3) }
                    _ = try metric.step()
                }
            }
            return ids
        }
    }
}
