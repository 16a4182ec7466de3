import HindsightTrace

/// What `hindsight history` prints: the list of recorded runs and the comparison of
/// two, as text for people and JSON for programs.
public enum HistoryReport {
    /// The text of a metric value: `NumberText` (as in `summary.json`), `–` when absent.
    static func value(_ x: Double?) -> String { x.flatMap(NumberText.plain) ?? DisplayText.none }

    /// The recorded start of a command as `2026-12-05 17:03:00` (UTC, milliseconds dropped).
    static func time(_ rfc3339: String) -> String {
        String(rfc3339.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: "").prefix(19))
    }

    /// The first 7 hex digits of a commit, `–` outside a repository.
    static func shortCommit(_ commit: String?) -> String { commit.map { String($0.prefix(7)) } ?? DisplayText.none }

    /// The table of `rows` (newest first, as ``RunHistory/runs(scenario:policy:limit:)``
    /// returns them): id, time (UTC), command, scenario, policy, the sweep point (a column
    /// only when a row has one), git commit (7 digits), cost (USD), SLO violation (% of
    /// judged time) and emissions (kgCO2e). A line "no runs recorded" when `rows` is empty.
    /// - Complexity: O(rows × metrics).
    public static func list(_ rows: [RunHistory.Row]) -> String {
        guard !rows.isEmpty else { return "no runs recorded" }
        let points = rows.contains { $0.entry.point != nil }
        var header = ["id", "time (UTC)", "command", "scenario", "policy"]
        if points { header.append("point") }
        header += ["commit", "cost USD", "SLO viol.", "kgCO2e"]
        let table = rows.map { row -> [String] in
            let e = row.entry
            var cells = [String(row.id), time(row.invocation.startedAt), row.invocation.command, e.scenario, e.policy]
            if points { cells.append(e.point ?? "") }
            let violation = e.metric("slo_violation_fraction").map { RunSummaryTable.fixed($0 * 100, 2) + " %" }
            cells += [shortCommit(row.invocation.gitCommit),
                      e.metric("cost_usd").map { RunSummaryTable.fixed($0, 2) } ?? DisplayText.none,
                      violation ?? DisplayText.none,
                      e.metric("emissions_kgco2e").map { RunSummaryTable.fixed($0, 3) } ?? DisplayText.none]
            return cells
        }
        return TextTable.render(header: header, rows: table, leftColumns: header.count - 3)
    }

    /// `{"runs": [ … ]}`, one ``json(_:)`` object per row, in the order given.
    public static func listJSON(_ rows: [RunHistory.Row]) -> String {
        JSONValue.object([("runs", .array(rows.map(json)))]).rendered(indent: 2)
    }

    /// Everything recorded about one run: `id`, `started_at`, `command`, `arguments`,
    /// `git_commit`, `scenario`, `scenario_sha256`, `policy`, `policy_kind`,
    /// `policy_sha256`, `point`, `trace_start`/`trace_end` (RFC 3339 UTC), `step_ms`,
    /// and `metrics` (key → number or null, in summary order).
    public static func json(_ row: RunHistory.Row) -> JSONValue {
        let e = row.entry
        return .object([
            ("id", .integer(row.id)),
            ("started_at", .string(row.invocation.startedAt)),
            ("command", .string(row.invocation.command)),
            ("arguments", .array(row.invocation.arguments.map { .string($0) })),
            ("git_commit", row.invocation.gitCommit.map { .string($0) } ?? .null),
            ("scenario", .string(e.scenario)),
            ("scenario_sha256", .string(e.scenarioSHA256)),
            ("policy", .string(e.policy)),
            ("policy_kind", .string(e.policyKind)),
            ("policy_sha256", .string(e.policySHA256)),
            ("point", e.point.map { .string($0) } ?? .null),
            ("trace_start", .string(UTCTime.rfc3339(ms: e.traceStartMs))),
            ("trace_end", .string(UTCTime.rfc3339(ms: e.traceEndMs))),
            ("step_ms", .integer(e.stepMs)),
            ("metrics", .object(e.metrics.map { ($0.key, .optionalNumber($0.value)) })),
        ])
    }
}

extension RunHistory.Entry {
    /// The value of metric `key`, nil when absent or not applicable.
    /// - Complexity: O(metrics).
    public func metric(_ key: String) -> Double? {
        metrics.first { $0.key == key }?.value ?? nil
    }
}
