import HindsightScenario
import HindsightTrace

extension PolicyRunner {
    /// The simulator's side of a registered kind.
    /// - Throws: `InputMessage` at the policy's place when the kind has no controller here.
    static func simulated(_ spec: any PolicyKindSpec, policy: PolicySpec) throws -> any SimulatedPolicyKind {
        guard let simulated = spec as? any SimulatedPolicyKind else {
            let at = policy.location.map { "\($0): " } ?? ""
            throw InputMessage("\(at)policy '\(policy.name)' is a \(type(of: spec).kindName), which this version cannot simulate; expected one of: \((PolicyKinds.names + ["observed", "static", "exec", "replay"]).joined(separator: ", "))")
        }
        return simulated
    }
}
