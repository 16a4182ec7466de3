/// The worst p99 latency (seconds) since each controller timer last fired (`.nan`: none
/// since). The first timer's value is kept inline, so the common engine of one timer
/// updates it every segment without touching an array.
struct TimerLatencies {
    /// Timer 0's value.
    private var first = Double.nan
    /// Timers 1, 2, …
    private var rest: [Double]

    /// `.nan` for each of `count` timers.
    init(count: Int) { rest = Array(repeating: .nan, count: max(0, count - 1)) }

    /// Raises every timer's value to `latency` where it is larger (or the value is `.nan`).
    /// - Complexity: O(timers).
    @inline(__always)
    mutating func raise(to latency: Double) {
        if !(latency <= first) { first = latency }
        if !rest.isEmpty {
            for k in rest.indices where !(latency <= rest[k]) { rest[k] = latency }
        }
    }

    /// Timer `k`'s value, which starts again from `.nan`.
    /// - Complexity: O(1).
    @inline(__always)
    mutating func take(_ k: Int) -> Double {
        if k == 0 {
            defer { first = .nan }
            return first
        }
        guard k - 1 < rest.count else { return .nan }
        defer { rest[k - 1] = .nan }
        return rest[k - 1]
    }
}
