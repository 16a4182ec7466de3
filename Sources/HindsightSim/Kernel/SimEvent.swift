/// Something that happens at one simulated instant. Each case is handled by exactly one
/// part of the engine; the compiler checks every case is handled.
///
/// The same-instant order of SEMANTICS.md §1 is the case's ``priority``: environment
/// changes, then trace samples, then pod state changes, then controller ticks (a
/// controller's own timers in the order it lists them, e.g. KEDA poll before HPA sync).
enum SimEvent: Sendable, Equatable {
    /// The grid intensity or the price multiplier changes value (sample-and-hold series).
    case environment
    /// Trace step `index` begins: new load values apply.
    case traceSample(index: Int)
    /// Pod `id` becomes ready (its startup delay has passed). Ignored if it was removed.
    case podReady(id: Int)
    /// Terminating pod `id` has finished its grace period and stops being billed.
    case podTerminated(id: Int)
    /// Timer `timer` (an index into the controller's ``Controller/timers``) fires.
    case controllerTick(timer: Int)

    /// Rank at one instant; lower runs first.
    var priority: Int {
        switch self {
        case .environment: 0
        case .traceSample: 1
        case .podReady, .podTerminated: 2
        case .controllerTick(let timer): 3 + timer
        }
    }
}
