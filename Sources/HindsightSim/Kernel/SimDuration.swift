/// Bounds on durations and fleet sizes that keep integer time arithmetic in range.
enum SimLimits {
    /// The longest duration the engine uses (100 years in ms); longer inputs are clamped
    /// so `t + d` can never overflow an `Int64` clock.
    static let maxDuration: Int64 = 100 * 365 * 86_400_000

    /// `d` clamped to `[0, maxDuration]` ms.
    @inline(__always)
    static func duration(_ d: Int64) -> Int64 { min(max(0, d), maxDuration) }

    /// Most pods one run may hold; a policy asking for more is an input error (it would
    /// otherwise exhaust memory).
    static let maxReplicas = 100_000
}
