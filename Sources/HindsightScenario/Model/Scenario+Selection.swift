import HindsightTrace

extension Scenario {
    /// The scenario's policies, or those named, in scenario order (`run --policy`).
    /// - Parameter names: policy names (`metadata.name`, `observed`, `static-N`); empty = all.
    /// - Throws: `InputMessage` naming a policy that is not in the scenario, with the names that are.
    /// - Complexity: O(names × policies).
    public func policies(named names: [String]) throws -> [PolicySpec] {
        guard !names.isEmpty else { return policies }
        let known = policies.map(\.name)
        for name in names where !known.contains(name) {
            throw InputMessage("--policy \(name): no such policy in \(file); expected one of: \(known.joined(separator: ", "))")
        }
        return policies.filter { names.contains($0.name) }
    }
}
