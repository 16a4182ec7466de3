import HindsightTrace

/// Bounds on durations and fleet sizes that keep integer time arithmetic in range.
enum SimLimits {
    /// The longest duration the engine uses (100 years); longer inputs are clamped so
    /// `t + d` can never overflow the clock.
    static let maxDuration = SimDuration.days(100 * 365)

    /// `d` clamped to `[0, maxDuration]`.
    @inline(__always)
    static func duration(_ d: SimDuration) -> SimDuration { d.clamped(to: .zero...maxDuration) }

    /// Most pods one run may hold; a policy asking for more is an input error (it would
    /// otherwise exhaust memory).
    static let maxReplicas = 100_000
}
