import HindsightScenario

extension PolicySpec {
    /// The policy's content identity in the run history: SHA-256 (hex) of the policy
    /// file's bytes when the policy was read from a file (working copy or `git show`), else
    /// of ``canonicalEntryText``. Two runs with the same hash ran the same policy text; the
    /// display name is recorded on its own and is not part of an inline entry's hash.
    /// - Complexity: O(file bytes).
    public var contentSHA256: String {
        if let bytes = sourceBytes { return ContentHash.sha256(bytes) }
        return ContentHash.sha256(Array(canonicalEntryText.utf8))
    }

    /// A canonical text of an entry written inside the scenario, one `field=value` per
    /// line, kind first, every setting that changes the run (durations in ms):
    /// - `observed`
    /// - `static` with `replicas=N`
    /// - `exec` with `command=` (the words joined by U+001F), `interval_ms`, `timeout_ms`,
    ///   `min_replicas`, `max_replicas` (the working folder is not part of it: the same
    ///   scenario checked out elsewhere hashes the same)
    /// - `replay` with `file=` the decisions file's name (its folder left out for the same reason)
    ///
    /// Kinds read from policy documents are written as `kind=<kind label>` and `name=`; they
    /// normally carry ``sourceBytes`` instead.
    public var canonicalEntryText: String {
        var lines: [String]
        switch kind {
        case .observed: lines = ["observed"]
        case let .fixed(replicas): lines = ["static", "replicas=\(replicas)"]
        case let .exec(e):
            lines = ["exec", "command=" + e.command.joined(separator: "\u{1F}"), "interval_ms=\(e.interval.milliseconds)",
                     "timeout_ms=\(e.timeout.milliseconds)", "min_replicas=\(e.minReplicas)", "max_replicas=\(e.maxReplicas)"]
        case let .replay(r):
            lines = ["replay", "file=" + (r.file.split(separator: "/").last.map(String.init) ?? r.file)]
        case .hpa, .scaledObject, .aiOptimization, .registered:
            lines = ["kind=\(kindLabel)", "name=\(name)"]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
