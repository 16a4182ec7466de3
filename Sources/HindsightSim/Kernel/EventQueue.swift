import HeapModule
import HindsightTrace

/// The pending events of one simulation, ordered by (time, priority, sequence).
///
/// `time` is in ms since the epoch, `priority` is ``SimEvent/priority`` (the
/// same-instant order of SEMANTICS.md §1), and `sequence` is a monotone insertion
/// counter, so ties break first-in first-out and the order never depends on the heap's
/// internal layout.
struct EventQueue {
    /// One scheduled event and its ordering key.
    struct Entry: Comparable {
        var time: SimInstant
        var priority: Int
        var sequence: UInt64
        var event: SimEvent

        static func < (a: Entry, b: Entry) -> Bool {
            if a.time != b.time { return a.time < b.time }
            if a.priority != b.priority { return a.priority < b.priority }
            return a.sequence < b.sequence
        }
        static func == (a: Entry, b: Entry) -> Bool {
            a.time == b.time && a.priority == b.priority && a.sequence == b.sequence
        }
    }

    private var heap = Heap<Entry>()
    private var nextSequence: UInt64 = 0

    init() {}

    /// Number of pending events.
    var count: Int { heap.count }
    var isEmpty: Bool { heap.isEmpty }

    /// Adds `event` at `time` (ms).
    /// - Complexity: O(log n).
    mutating func schedule(_ event: SimEvent, at time: SimInstant) {
        heap.insert(Entry(time: time, priority: event.priority, sequence: nextSequence, event: event))
        nextSequence &+= 1
    }

    /// The time of the next event, or nil when none is pending.
    /// - Complexity: O(1).
    func peekTime() -> SimInstant? { heap.min?.time }

    /// True when no queued event comes before (`time`, `priority`) in the queue's order
    /// (an event at the same time and priority does).
    /// - Complexity: O(1).
    @inline(__always)
    func nothingBefore(_ time: SimInstant, priority: Int) -> Bool {
        guard let e = heap.min else { return true }
        return e.time > time || (e.time == time && e.priority > priority)
    }

    /// The time and priority of the next event, or nil when none is pending.
    /// - Complexity: O(1).
    func peekKey() -> (time: SimInstant, priority: Int)? {
        guard let e = heap.min else { return nil }
        return (e.time, e.priority)
    }

    /// Removes and returns the next event, or nil when none is pending.
    /// - Complexity: O(log n).
    mutating func popNext() -> (time: SimInstant, event: SimEvent)? {
        guard let e = heap.popMin() else { return nil }
        return (e.time, e.event)
    }

    /// Removes and returns the next event; the queue must not be empty.
    /// - Complexity: O(log n).
    mutating func removeNext() -> (time: SimInstant, event: SimEvent) {
        precondition(!heap.isEmpty, "removeNext() on an empty event queue")
        let e = heap.removeMin()
        return (e.time, e.event)
    }
}
