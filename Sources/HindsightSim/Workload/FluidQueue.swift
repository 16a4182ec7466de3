import HindsightTrace

/// The backlog of a fluid queue, first in first out, kept as age buckets so work
/// older than `queueTimeout` is dropped exactly (SEMANTICS.md §2).
///
/// Work offered during a segment `[a, b)` is stamped with arrival time `a`. At the
/// end of the segment, buckets whose age `b − arrival` exceeds the timeout are dropped.
/// With a timeout of 0, whatever a segment cannot serve is dropped at its end.
/// Invariant: `backlog` equals the sum of the buckets (up to rounding); it is reset
/// to exactly 0 when the queue empties.
///
/// Storage: one contiguous array whose live buckets are `head..<tail`; serving moves
/// `head`, slots are reused (both indices go back to 0 when every bucket is gone, and
/// the live part is moved to the front once the dead prefix outweighs it), so no
/// allocation happens per segment once the capacity is reached.
struct FluidQueue {
    private var buckets: [(arrival: SimInstant, amount: Double)] = []
    /// Index of the oldest live bucket.
    private var head = 0
    /// One past the newest live bucket; slots from `tail` on are free.
    private var tail = 0
    /// Take the shortcut of `serve` for an empty queue whose arrivals are all served (on by
    /// default; tests turn it off to check it against the general path).
    var shortcut = true
    /// Work waiting, in work units.
    private(set) var backlog: Double = 0
    /// Work older than this is dropped.
    let timeout: SimDuration
    /// Nothing is queued.
    var isEmpty: Bool { head == tail }

    init(timeout: SimDuration) { self.timeout = timeout }

    /// Serves the segment `[start, end)` with `arrivals` work units arriving (evenly
    /// over the segment) and at most `capacity` work units of service, oldest work first.
    /// Work that arrived more than `timeout` before `end` and is still waiting is dropped.
    /// - Returns: work served and work dropped in this segment.
    /// - Complexity: O(buckets touched), amortized O(1) per segment.
    @inline(__always)
    mutating func serve(start: SimInstant, end: SimInstant, arrivals: Double, capacity: Double) -> (served: Double, dropped: Double) {
        // The common segment: nothing queued, the arrivals fit in one bucket and the capacity
        // serves them all. The general path pushes that bucket, serves it whole
        // (0 + arrivals = arrivals), drops nothing and empties the queue: the same result.
        if shortcut, head == tail, arrivals > 0, arrivals <= capacity, !(end - start > timeout && timeout >= .zero) {
            head = 0
            tail = 0
            backlog = 0
            return (arrivals, 0)
        }
        return serveQueued(start: start, end: end, arrivals: arrivals, capacity: capacity)
    }

    /// What ``serve(start:end:arrivals:capacity:)`` does to an empty queue whose arrivals
    /// fit (the shortcut's case, checked by the caller): nothing stays queued.
    @inline(__always)
    mutating func takeShortcut() {
        head = 0
        tail = 0
        backlog = 0
    }

    /// ``serve(start:end:arrivals:capacity:)`` through the buckets (any case).
    /// - Complexity: O(buckets touched), amortized O(1) per segment.
    mutating func serveQueued(start: SimInstant, end: SimInstant, arrivals: Double, capacity: Double) -> (served: Double, dropped: Double) {
        if arrivals > 0 {
            // Arrivals are spread evenly over the segment. When it is longer than the
            // timeout, the part that arrived within `timeout` of its end is a separate,
            // younger bucket: it may still wait at the end (a sustained overload keeps a
            // timeout's worth of work queued, whatever the segment length).
            let d = end - start
            if d > timeout, timeout >= .zero, d > .zero {
                let young = arrivals * Double(timeout.milliseconds) / Double(d.milliseconds)   // this order: same bits as before
                push(start, arrivals - young)
                if young > 0 { push(end - timeout, young) }
            } else {
                push(start, arrivals)
            }
            backlog += arrivals
        }
        var budget = max(0, capacity)
        var served = 0.0
        let n = tail
        while budget > 0, head < n {
            let first = buckets[head]
            if first.amount <= budget {
                budget -= first.amount
                served += first.amount
                head += 1
            } else {
                served += budget
                buckets[head].amount = first.amount - budget
                budget = 0
            }
        }
        var dropped = 0.0
        while head < n, end - buckets[head].arrival > timeout {
            dropped += buckets[head].amount
            head += 1
        }
        if head == n {
            head = 0
            tail = 0
            backlog = 0
        } else {
            if head >= 32, head * 2 >= n {
                for k in head..<n { buckets[k - head] = buckets[k] }
                tail = n - head
                head = 0
            }
            backlog -= served + dropped
            if backlog < 0 { backlog = 0 }
        }
        _checkInvariants()
        return (served, dropped)
    }

    /// Appends a bucket at `tail`, reusing a free slot when there is one.
    /// - Complexity: amortized O(1).
    @inline(__always)
    private mutating func push(_ arrival: SimInstant, _ amount: Double) {
        if tail < buckets.count { buckets[tail] = (arrival, amount) } else { buckets.append((arrival, amount)) }
        tail += 1
    }
}

extension FluidQueue {
    /// Debug-build check: buckets in arrival order, positive, summing to `backlog`.
    func _checkInvariants() {
        #if DEBUG
        var sum = 0.0
        var last = SimInstant(unixMilliseconds: .min)
        for b in buckets[head..<tail] {
            precondition(b.arrival >= last, "FluidQueue buckets out of order: \(b.arrival) after \(last)")
            precondition(b.amount >= 0, "FluidQueue bucket with negative amount \(b.amount)")
            last = b.arrival
            sum += b.amount
        }
        precondition(abs(sum - backlog) <= 1e-6 * max(1, sum), "FluidQueue backlog \(backlog) != bucket sum \(sum)")
        #endif
    }
}
