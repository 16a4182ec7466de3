import HindsightTrace

/// One stored rescale (`timestampedScaleEvent`): |change| and when it happened.
struct HPAScaleEvent: Sendable, Equatable {
    var change: Int32
    var time: SimInstant
    var outdated: Bool
}
