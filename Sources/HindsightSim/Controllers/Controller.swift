/// A scaling decision: the replica count the workload should have from now on.
struct ControllerAction: Sendable, Equatable {
    var desired: Int32
    /// Why (metric values, raw proposal, bounds); recorded with the decision.
    var reason: String
    /// Recorded as a proposal (dryRun) but not applied: the fleet stays as it is.
    var proposedOnly: Bool = false
}

/// A scaling policy driven by the simulator (SEMANTICS.md §5). Implementations are
/// `<Concept>Controller` structs; the engine is generic over them so ticks are direct calls.
///
/// Extension point: AIOptimizationPolicy, `exec:` and `replay:` controllers conform to
/// this protocol and are built in ``ControllerFactory``.
protocol Controller {
    /// The controller's timers, in the order they run at one instant (e.g. KEDA's poll
    /// before its HPA's sync). Each fires as the engine's `EventSource.timer(index)`.
    var timers: [ControllerTimer] { get }
    /// Called when timer `timer` fires; returns the new desired replica count, or nil to
    /// leave the fleet alone.
    /// - Throws: an `InputError` that stops the run (e.g. an external agent failed).
    mutating func tick(timer: Int, context: inout ControllerContext) throws -> ControllerAction?
}
