/// A span of simulated time: a whole number of milliseconds, the engine's only time unit.
///
/// Integer-backed (like swift-nio's `TimeAmount`) so the same inputs give the same bits
/// on every thread count; conversions to seconds, minutes and hours live here and nowhere
/// else. Arithmetic traps on overflow; durations read from input are clamped with
/// ``clamped(to:)`` before the engine adds them to instants.
///
/// ```swift
/// let step = SimDuration.seconds(15)
/// step.milliseconds        // 15_000
/// (step * 4).seconds       // 60.0
/// ```
@frozen
public struct SimDuration: Sendable, Hashable, Comparable, AdditiveArithmetic {
    /// The length in milliseconds (may be negative for a difference of instants).
    public var milliseconds: Int64

    /// A duration of `milliseconds` ms.
    @inlinable public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    /// No time at all. (Computed, not a stored `static let`: no lazy-global check in hot loops.)
    @inlinable public static var zero: SimDuration { SimDuration(milliseconds: 0) }

    /// `value` milliseconds.
    @inlinable public static func milliseconds(_ value: Int64) -> SimDuration { SimDuration(milliseconds: value) }
    /// `value` whole seconds (saturating at the `Int64` range).
    @inlinable public static func seconds(_ value: Int64) -> SimDuration { scaled(value, 1_000) }
    /// `value` whole minutes (saturating).
    @inlinable public static func minutes(_ value: Int64) -> SimDuration { scaled(value, 60_000) }
    /// `value` whole hours (saturating).
    @inlinable public static func hours(_ value: Int64) -> SimDuration { scaled(value, 3_600_000) }
    /// `value` whole days (saturating).
    @inlinable public static func days(_ value: Int64) -> SimDuration { scaled(value, 86_400_000) }

    /// `value` seconds rounded to the nearest millisecond; nil when not finite or out of range.
    public static func seconds(rounding value: Double) -> SimDuration? {
        let ms = (value * 1_000).rounded()
        guard ms.isFinite, abs(ms) < 9.2e18 else { return nil }
        return SimDuration(milliseconds: Int64(ms))
    }

    @inlinable static func scaled(_ value: Int64, _ unit: Int64) -> SimDuration {
        let (product, overflow) = value.multipliedReportingOverflow(by: unit)
        if overflow { return SimDuration(milliseconds: value < 0 ? .min : .max) }
        return SimDuration(milliseconds: product)
    }

    /// The length in seconds, as a `Double` (exact below 2^53 ms).
    @inlinable public var seconds: Double { Double(milliseconds) / 1_000 }
    /// The length in hours, as a `Double`.
    @inlinable public var hours: Double { Double(milliseconds) / 3_600_000 }
    /// Whole seconds, truncated toward zero (what `ms / 1000` gives).
    @inlinable public var wholeSeconds: Int64 { milliseconds / 1_000 }
    /// Whole minutes, truncated toward zero.
    @inlinable public var wholeMinutes: Int64 { milliseconds / 60_000 }

    /// `self ÷ whole` as a `Double` (e.g. the fraction of judged time in violation);
    /// `whole` must not be zero.
    @inlinable public func ratio(to whole: SimDuration) -> Double { Double(milliseconds) / Double(whole.milliseconds) }

    /// The duration clamped to `range` (e.g. `0...SimLimits.maxDuration`).
    @inlinable public func clamped(to range: ClosedRange<SimDuration>) -> SimDuration {
        min(max(self, range.lowerBound), range.upperBound)
    }

    // Comparisons spelled out (not the protocols' generic defaults) so they inline across modules.
    @inlinable public static func == (a: SimDuration, b: SimDuration) -> Bool { a.milliseconds == b.milliseconds }
    @inlinable public static func < (a: SimDuration, b: SimDuration) -> Bool { a.milliseconds < b.milliseconds }
    @inlinable public static func <= (a: SimDuration, b: SimDuration) -> Bool { a.milliseconds <= b.milliseconds }
    @inlinable public static func > (a: SimDuration, b: SimDuration) -> Bool { a.milliseconds > b.milliseconds }
    @inlinable public static func >= (a: SimDuration, b: SimDuration) -> Bool { a.milliseconds >= b.milliseconds }
    @inlinable public static func += (a: inout SimDuration, b: SimDuration) { a.milliseconds += b.milliseconds }
    @inlinable public func hash(into hasher: inout Hasher) { hasher.combine(milliseconds) }
    @inlinable public static func + (a: SimDuration, b: SimDuration) -> SimDuration { SimDuration(milliseconds: a.milliseconds + b.milliseconds) }
    @inlinable public static func - (a: SimDuration, b: SimDuration) -> SimDuration { SimDuration(milliseconds: a.milliseconds - b.milliseconds) }
    /// `d` repeated `n` times.
    @inlinable public static func * (d: SimDuration, n: Int) -> SimDuration { SimDuration(milliseconds: d.milliseconds * Int64(n)) }
    /// `d` repeated `n` times.
    @inlinable public static func * (n: Int, d: SimDuration) -> SimDuration { d * n }
    /// How many whole `b` fit in `a` (truncated toward zero). `b` must not be zero.
    @inlinable public static func / (a: SimDuration, b: SimDuration) -> Int64 { a.milliseconds / b.milliseconds }
    /// What is left of `a` after whole `b` (the sign of `a`). `b` must not be zero.
    @inlinable public static func % (a: SimDuration, b: SimDuration) -> SimDuration { SimDuration(milliseconds: a.milliseconds % b.milliseconds) }
}

extension SimDuration: CustomStringConvertible {
    /// `15 s`, `1.5 s`, `250 ms`: seconds when whole or at least one, else milliseconds.
    public var description: String {
        if milliseconds % 1_000 == 0 { return "\(milliseconds / 1_000) s" }
        if abs(milliseconds) < 1_000 { return "\(milliseconds) ms" }
        return "\(seconds) s"
    }
}
