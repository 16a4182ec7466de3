/// The regular time grid a trace is resampled onto: `count` steps of `step`, the first
/// beginning at `start`. Step `i` covers `[start + i·step, start + (i+1)·step)`.
///
/// Every consumer of a trace (engine, metrics pipeline, replay, reports, hold-out
/// splits) maps between step indices and instants through this one value.
///
/// ```swift
/// let grid = TraceGrid(start: SimInstant(unixSeconds: 0), step: .seconds(15), count: 4)
/// grid.time(at: 2)                                   // 30 s after the epoch
/// grid.index(containing: SimInstant(unixSeconds: 44)) // 2
/// grid.end                                           // 60 s after the epoch
/// ```
@frozen
public struct TraceGrid: Sendable, Hashable {
    /// When step 0 begins.
    public var start: SimInstant
    /// The spacing of the grid (> 0).
    public var step: SimDuration
    /// Number of steps (≥ 0).
    public var count: Int

    /// A grid. `step` must be positive and `count` not negative (programmer errors).
    @inlinable public init(start: SimInstant, step: SimDuration, count: Int) {
        precondition(step.milliseconds > 0, "TraceGrid step must be positive, got \(step.milliseconds) ms")
        precondition(count >= 0, "TraceGrid count must not be negative, got \(count)")
        self.start = start
        self.step = step
        self.count = count
    }

    /// When step `i` begins. - Complexity: O(1).
    @inlinable public func time(at i: Int) -> SimInstant { start + step * i }

    /// When the last step ends (exclusive): `start + count·step`.
    @inlinable public var end: SimInstant { time(at: count) }

    /// The time the grid covers: `count·step`.
    @inlinable public var span: SimDuration { step * count }

    /// The step whose interval holds `t`; nil before `start` or at/after `end`.
    /// - Complexity: O(1).
    @inlinable public func index(containing t: SimInstant) -> Int? {
        guard t >= start, t < end else { return nil }
        return Int((t - start) / step)
    }

    /// The step whose interval holds `t`, clamped to `0..<count` (`count` must be > 0).
    @inlinable public func clampedIndex(containing t: SimInstant) -> Int {
        precondition(count > 0, "clampedIndex on an empty grid")
        if t < start { return 0 }
        return Int(min(Int64(count - 1), (t - start) / step))
    }

    /// The steps `range` as a grid of their own (same step, starting at step `range.lowerBound`).
    /// - Precondition: `range` lies within `0...count`.
    @inlinable public func slice(_ range: Range<Int>) -> TraceGrid {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "slice \(range) outside 0..<\(count)")
        return TraceGrid(start: time(at: range.lowerBound), step: step, count: range.count)
    }
}
