/// One recorded raw proposal (`timestampedRecommendation`).
struct HPATimedRecommendation: Sendable, Equatable {
    /// Replicas proposed.
    var replicas: Int32
    /// When, ms.
    var time: Int64
}

extension Array where Element == HPATimedRecommendation {
    /// Records `rec`: overwrites the last entry for which `isOld(age)` holds, or appends.
    /// The array thus stays bounded by the entries of the longest window + 1.
    /// - Complexity: O(count).
    mutating func record(_ rec: HPATimedRecommendation, now: Int64, isOld: (Int64) -> Bool) {
        var slot: Int? = nil
        for i in indices where isOld(now - self[i].time) { slot = i }
        if let i = slot { self[i] = rec } else { append(rec) }
    }
}
