/// Things worth telling the user that do not stop a run.
extension Scenario {
    /// One message per policy whose target names another workload than `spec.workload.name`
    /// (SCENARIO.md: "a mismatch is a warning"), with the policy's place when known.
    /// Empty when the workload has no name. Targets compare case-insensitively as `kind/name`.
    public var targetWarnings: [String] {
        guard let workload = workload.name?.lowercased() else { return [] }
        var warnings: [String] = []
        for policy in policies {
            let target: String?
            switch policy.kind {
            case .hpa(let h): target = h.target
            case .scaledObject(let s): target = s.target
            case .aiOptimization(let a): target = a.targetWorkload
            case .observed, .fixed, .exec, .replay: target = nil
            }
            guard let target, target.lowercased() != workload else { continue }
            let place = policy.location.map { "\($0): " } ?? ""
            warnings.append("\(place)policy '\(policy.name)' targets \(target), but the scenario's workload is \(workload.description)")
        }
        return warnings
    }
}
