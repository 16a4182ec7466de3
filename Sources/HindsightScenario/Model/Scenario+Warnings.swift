/// Things worth telling the user that do not stop a run.
extension Scenario {
    /// The warning for a policy whose target names another workload than
    /// `spec.workload.name` (SCENARIO.md: "a mismatch is a warning"); nil when they
    /// agree, when the policy names no target or when the workload has no name.
    /// Targets compare case-insensitively as `kind/name`. The one rule for every kind.
    public func targetMismatchWarning(target: String?) -> String? {
        guard let target, let workload = workload.name, target.lowercased() != workload.lowercased() else { return nil }
        return "policy targets '\(target)' but the workload is '\(workload)'"
    }
}
