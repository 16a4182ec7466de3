/// One recorded raw proposal (`timestampedRecommendation`).
struct HPATimedRecommendation: Sendable, Equatable {
    /// Replicas proposed.
    var replicas: Int32
    /// When, ms.
    var time: Int64
}

extension Array where Element == HPATimedRecommendation {
    /// Records `rec` after dropping every entry for which `isOld(age)` holds.
    ///
    /// The controller instead overwrites one old slot and leaves the others in place; old
    /// entries are never read again (ages only grow), so dropping them all gives the same
    /// decisions while keeping the history to the entries of the longest window + 1.
    /// `isOld` must be monotone in the age (true from some age on) and entries are
    /// recorded in time order, so the old entries are a prefix: it is dropped in place.
    /// - Complexity: O(count), no allocation once the capacity is reached.
    @inline(__always)
    mutating func record(_ rec: HPATimedRecommendation, now: Int64, isOld: (Int64) -> Bool) {
        var k = 0
        while k < count, isOld(now - self[k].time) { k += 1 }
        if k > 0 { removeFirst(k) }
        append(rec)
    }
}
