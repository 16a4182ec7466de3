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
struct HPARecommendationLog: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    private var storage: [HPATimedRecommendation]
    private var start = 0

    /// A history seeded with one entry (`recordInitialRecommendation`).
    init(_ first: HPATimedRecommendation) { storage = [first] }

    /// A history holding `elements`, oldest first.
    init(arrayLiteral elements: HPATimedRecommendation...) { storage = elements }

    /// Equal live entries.
    static func == (a: HPARecommendationLog, b: HPARecommendationLog) -> Bool { a.elementsEqual(b) }

    /// Drops the entries with age ≥ `window`, then returns the largest `replicas` of the
    /// rest (all younger than `window`), or `floor` if larger: the legacy stabilization,
    /// whose recording drops exactly the entries its window excludes.
    /// - Complexity: amortized O(count), a plain loop.
    mutating func dropOldThenMax(atLeast floor: Int32, now: Int64, window: Int64) -> Int32 {
        let end = storage.count
        while start < end, now - storage[start].time >= window { start += 1 }
        var m = floor
        var i = start
        while i < end {
            let r = storage[i].replicas
            if r > m { m = r }
            i += 1
        }
        return m
    }

    var startIndex: Int { start }
    var endIndex: Int { storage.count }
    subscript(i: Int) -> HPATimedRecommendation { storage[i] }

    /// Records `rec` after dropping every entry for which `isOld(now − time)` holds
    /// (`isOld` must be false below some age and true from it on).
    /// - Complexity: amortized O(dropped entries + 1).
    @inline(__always)
    mutating func record(_ rec: HPATimedRecommendation, now: Int64, isOld: (Int64) -> Bool) {
        let end = storage.count
        while start < end, isOld(now - storage[start].time) { start += 1 }
        if start >= 16 && start * 2 >= end {
            storage.removeFirst(start)
            start = 0
        }
        storage.append(rec)
    }
}
