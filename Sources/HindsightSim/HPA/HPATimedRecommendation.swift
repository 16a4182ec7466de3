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
    /// - Complexity: O(count).
    mutating func record(_ rec: HPATimedRecommendation, now: Int64, isOld: (Int64) -> Bool) {
        removeAll { isOld(now - $0.time) }
        append(rec)
    }
}
