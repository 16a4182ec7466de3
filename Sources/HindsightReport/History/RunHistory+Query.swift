import HindsightTrace

extension RunHistory {
    /// Recorded runs, newest first, optionally only those of a scenario and/or policy name.
    /// - Complexity: O(matching runs × metrics).
    public func runs(scenario: String? = nil, policy: String? = nil, limit: Int = 1_000) throws -> [Row] {
        try rows(scenario: scenario, policy: policy, id: nil, limit: limit)
    }

    /// The run with `id`, or nil.
    public func run(id: Int64) throws -> Row? {
        try rows(scenario: nil, policy: nil, id: id, limit: 1).first
    }

    private func rows(scenario: String?, policy: String?, id: Int64?, limit: Int) throws -> [Row] {
        var clauses: [String] = []
        if scenario != nil { clauses.append("r.scenario = ?1") }
        if policy != nil { clauses.append("r.policy = ?2") }
        if id != nil { clauses.append("r.id = ?3") }
        let filter = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let query = try connection.prepare("""
            SELECT r.id, i.command, i.arguments, i.started_at, i.git_commit, r.scenario, r.scenario_sha256, r.policy,
                   r.policy_kind, r.policy_sha256, r.point, r.trace_start_ms, r.trace_end_ms, r.step_ms
            FROM runs r JOIN invocations i ON i.id = r.invocation_id \(filter)
            ORDER BY r.id DESC LIMIT \(max(0, limit))
            """)
        if let scenario { try query.bind(scenario, at: 1) }
        if let policy { try query.bind(policy, at: 2) }
        if let id { try query.bind(id, at: 3) }
        var rows: [Row] = []
        while try query.step() {
            let arguments = query.string(at: 2) ?? ""
            let invocation = Invocation(
                command: query.string(at: 1) ?? "", arguments: arguments.isEmpty ? [] : arguments.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init),
                startedAt: query.string(at: 3) ?? "", gitCommit: query.string(at: 4))
            let entry = Entry(
                scenario: query.string(at: 5) ?? "", scenarioSHA256: query.string(at: 6) ?? "",
                policy: query.string(at: 7) ?? "", policyKind: query.string(at: 8) ?? "",
                policySHA256: query.string(at: 9) ?? "", point: query.string(at: 10),
                traceStartMs: query.int64(at: 11), traceEndMs: query.int64(at: 12), stepMs: query.int64(at: 13), metrics: [])
            rows.append(Row(id: query.int64(at: 0), invocation: invocation, entry: entry))
        }
        let metric = try connection.prepare("SELECT key, value FROM metrics WHERE run_id = ?1 ORDER BY rowid")
        for k in rows.indices {
            try metric.reset(); metric.clearBindings()
            try metric.bind(rows[k].id, at: 1)
            while try metric.step() {
                rows[k].entry.metrics.append((metric.string(at: 0) ?? "", metric.isNull(at: 1) ? nil : metric.double(at: 1)))
            }
        }
        return rows
    }
}
