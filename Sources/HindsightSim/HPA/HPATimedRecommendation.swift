import HindsightTrace

/// One recorded raw proposal (`timestampedRecommendation`).
struct HPATimedRecommendation: Sendable, Equatable {
    /// Replicas proposed.
    var replicas: Int32
    /// When.
    var time: SimInstant
}
