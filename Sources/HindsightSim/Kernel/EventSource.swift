/// Where the engine's next event comes from: the ``EventQueue`` or one of the two
/// recurring sources kept out of it (one pending trace sample, one pending tick per
/// controller timer). The engine merges the three by (time, priority); the ranks here
/// are shared with no queued event, so the order is exactly that of a single queue.
enum EventSource: Equatable {
    /// The queue's next ``SimEvent``.
    case queued
    /// Trace step `index` begins: new load values apply and the previous row closes.
    case traceSample(index: Int)
    /// Timer `timer` (an index into the controller's ``Controller/timers``) fires.
    case timer(Int)

    /// Same-instant rank of a trace sample (after environment changes, before pods).
    static let traceSamplePriority = 1

    /// Same-instant rank of controller timer `k` (after every pod state change).
    @inline(__always)
    static func timerPriority(_ k: Int) -> Int { 3 + k }
}
