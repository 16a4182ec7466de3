import HindsightTrace

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
    /// The controller reads nothing of its context but the clock, the replica counts,
    /// the pods and `cpuPerPodCores`: with one timer, the engine may then offer
    /// ``steadyTick(now:specReplicas:statusReplicas:podsVersion:cpuPerPodCores:utilization:)``
    /// instead of filling the whole context.
    var takesSteadyTicks: Bool { get }
    /// A tick of timer 0 whose context holds the pods of the previous tick (fleet version
    /// `podsVersion`), with the given clock, counts and CPU reading: the answer of
    /// ``tick(timer:context:)`` (`.keep` for nil), or `.declined` when the controller wants
    /// the whole context (the engine then calls `tick`, which must decide as if this call
    /// had not been made). `utilization`, when given, is the HPA's view of the reading on
    /// the fleet's pods, computed in advance (the same value the controller would compute).
    mutating func steadyTick(now: SimInstant, specReplicas: Int32, statusReplicas: Int32, podsVersion: Int,
                             cpuPerPodCores: Double, utilization: SteadyUtilization?) -> SteadyTick
}

/// A controller's answer to ``Controller/steadyTick(now:specReplicas:statusReplicas:podsVersion:cpuPerPodCores:utilization:)``.
enum SteadyTick {
    /// Wants the whole context: the engine calls `tick` next.
    case declined
    /// Leaves the fleet alone.
    case keep
    case act(ControllerAction)
}

extension Controller {
    var takesSteadyTicks: Bool { false }

    func steadyTick(now: SimInstant, specReplicas: Int32, statusReplicas: Int32, podsVersion: Int,
                    cpuPerPodCores: Double, utilization: SteadyUtilization?) -> SteadyTick { .declined }
}
