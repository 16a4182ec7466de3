import HindsightTrace

/// The smallest (or largest) `replicas` among the recommendations younger than a fixed
/// window, kept as a monotone queue: the stabilization of the `behavior` path (HPA.md §7)
/// without a scan of the window per sync.
///
/// Entries are pushed in time order and read at non-decreasing instants (the HPA syncs
/// forward in time), so an entry whose age reaches the window never counts again and
/// leaves from the front; an entry that can never be the extremum while a newer one is
/// in the window (not smaller, resp. not larger) leaves from the back. Storage: one
/// array with a start index, compacted once the dead prefix outweighs the live part.
struct HPAWindowExtremum: Sendable, Equatable {
    /// Entries with age (now − time) below this count.
    let window: SimDuration
    /// Keep the largest (scale-down window) instead of the smallest (scale-up window).
    let largest: Bool
    /// Candidates from `head` on: increasing time; strictly decreasing replicas when
    /// `largest`, strictly increasing otherwise.
    private var entries: [HPATimedRecommendation] = []
    private var head = 0

    init(window: SimDuration, largest: Bool) {
        self.window = window
        self.largest = largest
    }

    /// The extremum over the entries with `now − time < window`, nil when there is none:
    /// the same value as a scan of every entry recorded so far.
    /// - Precondition: `now` is not before the previous call's.
    /// - Complexity: amortized O(1).
    @inline(__always)
    mutating func value(now: SimInstant) -> Int32? {
        let (h, found) = entries.withUnsafeBufferPointer { p -> (Int, Int32?) in
            var h = head
            while h < p.count, now - p[h].time >= window { h += 1 }
            return (h, h < p.count ? p[h].replicas : nil)
        }
        head = h
        return found
    }

    /// Records `rec` (not older than the last entry pushed). A window of 0 keeps nothing:
    /// no entry is ever younger than 0 at a later `value(now:)` (times never go back).
    /// - Complexity: amortized O(1).
    @inline(__always)
    mutating func push(_ rec: HPATimedRecommendation) {
        guard window > .zero else { return }
        // How many entries stay: those from the back that `rec` dominates leave.
        let n = entries.count
        let keep = entries.withUnsafeBufferPointer { p -> Int in
            var k = n
            while k > head, largest ? p[k - 1].replicas <= rec.replicas : p[k - 1].replicas >= rec.replicas { k -= 1 }
            return k
        }
        if keep < n {
            // `rec` takes the first leaving slot (the usual case: it replaces the last entry).
            entries[keep] = rec
            if keep + 1 < n { entries.removeLast(n - keep - 1) }
        } else {
            if head >= 16 && head * 2 >= n {
                entries.removeFirst(head)
                head = 0
            }
            entries.append(rec)
        }
    }
}
