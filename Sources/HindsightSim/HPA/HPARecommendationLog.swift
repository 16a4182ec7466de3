import HindsightTrace

/// The recommendation history of one HPA (`recommendations`), oldest first: a collection
/// of the live entries only.
///
/// The controller overwrites one old slot per sync and leaves the others in place; old
/// entries are never read again (ages only grow), so dropping them all gives the same
/// decisions while keeping the history to the entries of the longest window + 1.
/// Entries are recorded in time order and "old" is monotone in the age, so the old
/// entries are a prefix: dropping them moves a start index, and the storage is compacted
/// only once the dead prefix outweighs the live part (amortized O(1), no allocation per
/// sync once the capacity is reached).
///
/// The largest live `replicas` is kept by a monotone queue of storage indices (increasing
/// index, strictly decreasing replicas): each entry enters and leaves it once, so the
/// legacy stabilization max is amortized O(1) instead of a scan of the window.
struct HPARecommendationLog: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    private var storage: [HPATimedRecommendation]
    private var start = 0
    /// Storage indices of the running maxima, from `maxHead` on (see the type's notes).
    private var maxQueue: [Int] = []
    private var maxHead = 0
    /// Keep the max queue (the legacy path reads it through `dropOldThenMax`); the
    /// `behavior` path, which reads its own windows, turns it off.
    var tracksMax = true {
        didSet { if !tracksMax { maxQueue = []; maxHead = 0 } }
    }

    /// A history seeded with one entry (`recordInitialRecommendation`).
    init(_ first: HPATimedRecommendation) {
        storage = [first]
        maxQueue = [0]
    }

    /// A history holding `elements`, oldest first.
    init(arrayLiteral elements: HPATimedRecommendation...) {
        storage = elements
        for j in elements.indices { pushMax(j) }
    }

    /// Enters storage index `j` (just appended) into the max queue.
    @inline(__always)
    private mutating func pushMax(_ j: Int) {
        let r = storage[j].replicas
        while maxQueue.count > maxHead, let last = maxQueue.last, storage[last].replicas <= r { maxQueue.removeLast() }
        maxQueue.append(j)
    }

    /// Drops from the max queue the indices before `start`.
    @inline(__always)
    private mutating func popExpiredMax() {
        while maxHead < maxQueue.count, maxQueue[maxHead] < start { maxHead += 1 }
    }

    /// Equal live entries.
    static func == (a: HPARecommendationLog, b: HPARecommendationLog) -> Bool { a.elementsEqual(b) }

    /// Drops the entries with age ≥ `window`, then returns the largest `replicas` of the
    /// rest (all younger than `window`), or `floor` if larger: the legacy stabilization,
    /// whose recording drops exactly the entries its window excludes.
    /// - Complexity: amortized O(1) (dropped entries, plus the max queue's front).
    mutating func dropOldThenMax(atLeast floor: Int32, now: SimInstant, window: SimDuration) -> Int32 {
        precondition(tracksMax, "HPARecommendationLog.dropOldThenMax on a log that does not track its maximum")
        let end = storage.count
        while start < end, now - storage[start].time >= window { start += 1 }
        popExpiredMax()
        guard maxHead < maxQueue.count else { return floor }
        let r = storage[maxQueue[maxHead]].replicas
        return r > floor ? r : floor
    }

    var startIndex: Int { start }
    var endIndex: Int { storage.count }
    subscript(i: Int) -> HPATimedRecommendation { storage[i] }

    /// Records `rec` after dropping every entry for which `isOld(now − time)` holds
    /// (`isOld` must be false below some age and true from it on).
    /// - Complexity: amortized O(dropped entries + 1).
    @inline(__always)
    mutating func record(_ rec: HPATimedRecommendation, now: SimInstant, isOld: (SimDuration) -> Bool) {
        let end = storage.count
        while start < end, isOld(now - storage[start].time) { start += 1 }
        popExpiredMax()
        if start >= 16 && start * 2 >= end {
            storage.removeFirst(start)
            maxQueue.removeFirst(maxHead)
            maxHead = 0
            for k in maxQueue.indices { maxQueue[k] -= start }
            start = 0
        }
        storage.append(rec)
        if tracksMax { pushMax(storage.count - 1) }
        if maxHead >= 16 && maxHead * 2 >= maxQueue.count {
            maxQueue.removeFirst(maxHead)
            maxHead = 0
        }
    }
}
