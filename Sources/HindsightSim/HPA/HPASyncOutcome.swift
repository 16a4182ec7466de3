/// The result of one HPA reconcile.
public struct HPASyncOutcome: Sendable, Equatable {
    /// New `scale.spec.replicas`; equal to the spec passed in when nothing changes
    /// (also on error and when scaling is disabled).
    public var desired: Int32
    /// Maximum valid metric proposal before normalization (stabilization, rate limits,
    /// min/max). nil on metric error, when scaling is disabled (spec 0), and on the
    /// min/max corrections of the reconcile order (metrics are skipped then).
    public var rawProposal: Int32?
    /// Human-readable explanation: metric values and ratios, the raw proposal and what
    /// bounded it. Deterministic text; not meant to be parsed.
    public var reason: String
    /// Metric errors of this sync. With `rawProposal == nil` nothing was scaled and
    /// nothing recorded; with a proposal, some metrics failed but the controller still
    /// scaled on the valid maximum (HPA.md §5).
    public var error: String?

    /// Memberwise initializer.
    public init(desired: Int32, rawProposal: Int32?, reason: String, error: String?) {
        self.desired = desired; self.rawProposal = rawProposal; self.reason = reason; self.error = error
    }
}
