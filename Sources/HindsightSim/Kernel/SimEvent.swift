/// Something that happens at one simulated instant and sits in the ``EventQueue``. Each
/// case is handled by exactly one part of the engine; the compiler checks every case is
/// handled.
///
/// Trace samples and controller ticks recur at known times and never enter the queue:
/// they are ``EventSource`` cases the engine merges with the queue by the same rank.
/// The same-instant order of SEMANTICS.md §1 is the rank ``priority``: environment
/// changes (0), then trace samples (1), then pod state changes (2), then controller ticks
/// (3 + timer: a controller's own timers in the order it lists them, e.g. KEDA poll
/// before HPA sync).
enum SimEvent: Sendable, Equatable {
    /// The grid intensity or the price multiplier changes value (sample-and-hold series).
    case environment
    /// Pod `id`'s container starts: Pending → Running, not yet Ready (the pending part
    /// of its startup has passed). Ignored if it was removed.
    case podRunning(id: Int)
    /// Pod `id` becomes ready (its startup delay has passed). Ignored if it was removed.
    case podReady(id: Int)
    /// Terminating pod `id` has finished its grace period and stops being billed.
    case podTerminated(id: Int)

    /// Rank at one instant; lower runs first.
    var priority: Int {
        switch self {
        case .environment: 0
        case .podRunning, .podReady, .podTerminated: 2
        }
    }
}
