/// One recorded raw proposal (`timestampedRecommendation`).
struct HPATimedRecommendation: Sendable, Equatable {
    /// Replicas proposed.
    var replicas: Int32
    /// When, ms.
    var time: Int64
}
