/// A point on the simulated clock: milliseconds since the Unix epoch (UTC).
///
/// Trace timestamps, events and decisions all use it; report writers turn it into unix
/// seconds or RFC 3339 at the edge.
///
/// ```swift
/// let t = SimInstant(unixSeconds: 1_767_225_600)   // 2026-01-01T00:00:00Z
/// t + .seconds(15) - t                              // SimDuration.seconds(15)
/// ```
@frozen
public struct SimInstant: Sendable, Hashable, Comparable {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var unixMilliseconds: Int64

    /// The instant `unixMilliseconds` ms after the epoch.
    @inlinable public init(unixMilliseconds: Int64) { self.unixMilliseconds = unixMilliseconds }

    /// The instant `unixSeconds` whole seconds after the epoch (saturating).
    @inlinable public init(unixSeconds: Int64) {
        self.unixMilliseconds = SimDuration.seconds(unixSeconds).milliseconds
    }

    /// Later than any instant a run reaches (`Int64.max` ms): "never" for pending timers.
    @inlinable public static var distantFuture: SimInstant { SimInstant(unixMilliseconds: .max) }

    /// The epoch itself.
    @inlinable public static var epoch: SimInstant { SimInstant(unixMilliseconds: 0) }

    /// Seconds since the epoch, as a `Double` (fractional for sub-second instants).
    @inlinable public var unixSeconds: Double { Double(unixMilliseconds) / 1_000 }
    /// Whole seconds since the epoch, truncated toward zero (what `ms / 1000` gives).
    @inlinable public var wholeUnixSeconds: Int64 { unixMilliseconds / 1_000 }
    /// True when the instant falls on a whole second.
    @inlinable public var isWholeSecond: Bool { unixMilliseconds % 1_000 == 0 }

    /// `self + d`, saturating at the `Int64` range instead of trapping (for sums of an
    /// instant and a duration read from input, e.g. `created + cpuInitializationPeriod`).
    @inlinable public func addingSaturating(_ d: SimDuration) -> SimInstant {
        let (r, o) = unixMilliseconds.addingReportingOverflow(d.milliseconds)
        return SimInstant(unixMilliseconds: o ? (d.milliseconds > 0 ? .max : .min) : r)
    }

    // Comparisons spelled out (not the protocols' generic defaults) so they inline across modules.
    @inlinable public static func == (a: SimInstant, b: SimInstant) -> Bool { a.unixMilliseconds == b.unixMilliseconds }
    @inlinable public static func < (a: SimInstant, b: SimInstant) -> Bool { a.unixMilliseconds < b.unixMilliseconds }
    @inlinable public static func <= (a: SimInstant, b: SimInstant) -> Bool { a.unixMilliseconds <= b.unixMilliseconds }
    @inlinable public static func > (a: SimInstant, b: SimInstant) -> Bool { a.unixMilliseconds > b.unixMilliseconds }
    @inlinable public static func >= (a: SimInstant, b: SimInstant) -> Bool { a.unixMilliseconds >= b.unixMilliseconds }
    @inlinable public func hash(into hasher: inout Hasher) { hasher.combine(unixMilliseconds) }
    @inlinable public static func + (t: SimInstant, d: SimDuration) -> SimInstant { SimInstant(unixMilliseconds: t.unixMilliseconds + d.milliseconds) }
    @inlinable public static func - (t: SimInstant, d: SimDuration) -> SimInstant { SimInstant(unixMilliseconds: t.unixMilliseconds - d.milliseconds) }
    @inlinable public static func += (t: inout SimInstant, d: SimDuration) { t.unixMilliseconds += d.milliseconds }
    /// The time from `b` to `a` (negative when `a` is earlier).
    @inlinable public static func - (a: SimInstant, b: SimInstant) -> SimDuration { SimDuration(milliseconds: a.unixMilliseconds - b.unixMilliseconds) }
}
