/// The spec of a policy kind that is not one of `PolicySpec.Kind`'s own cases: a kind
/// added through the registry (`PolicyKinds.documents`) travels as
/// `PolicySpec.Kind.registered(spec)`. Its controller lives in HindsightSim, where the
/// spec type also conforms to the simulator's `SimulatedPolicyKind`.
public protocol PolicyKindSpec: Sendable {
    /// The kind label in summaries and reports (the document's `kind`).
    static var kindName: String { get }
    /// `kind/name` of the workload the policy scales (lower-case kind), nil when it names none.
    var scaleTarget: String? { get }
    /// One line for the report's policy list: what the policy does.
    var detail: String { get }
}
