import HindsightTrace

/// A piecewise-constant signal over time, kept only as far back as a metrics pipeline
/// can look (`window + lag`), so memory stays bounded however long the run.
///
/// Each piece holds from its `start` until the next piece's start; the last piece
/// holds on. `.nan` pieces mean "no data" and are left out of averages.
///
/// Storage: one contiguous array whose live pieces start at `first`; forgetting a piece
/// moves `first`, and the dead prefix is compacted away once it outweighs the live part
/// (amortized O(1), no allocation per call once the capacity is reached).
struct SignalHistory {
    /// One constant piece: `value` from `start` on.
    struct Piece {
        var start: SimInstant
        var value: Double
    }

    private var pieces: [Piece] = []
    /// Index of the oldest live piece.
    private var first = 0
    /// How far back reads may look: window + lag.
    let reach: SimDuration

    init(reach: SimDuration) { self.reach = max(.zero, reach) }

    /// True when the last live piece holds `value` (NaN repeats NaN): a ``set(_:at:splitting:)``
    /// of it after that piece's start adds nothing (unless `splitting`).
    /// - Complexity: O(1).
    @inline(__always)
    func repeatsLast(_ value: Double) -> Bool {
        guard pieces.count > first, let last = pieces.last else { return false }
        return last.value == value || (last.value.isNaN && value.isNaN)
    }

    /// What `set(earlier, at: time)` then `set(value, at: time)` leave, with at most one
    /// append: `value` from `time` on, in a piece of its own whenever `earlier` did not
    /// repeat the last piece (the first set started one, the second replaced its value).
    /// `earlier` matters only when `value` repeats the last piece (``repeatsLast(_:)``).
    /// - Complexity: amortized O(1).
    @inline(__always)
    mutating func set(_ value: Double, at time: SimInstant, after earlier: Double) {
        set(value, at: time, splitting: !repeatsLast(earlier))
    }

    /// Sets the value from `time` on (replacing a piece that starts at `time`), and
    /// forgets pieces that ended before `time − reach`.
    /// - Parameter splitting: start a new piece at `time` even when `value` repeats the last
    ///   piece's (what a set of another value at `time` followed by this one leaves).
    /// - Precondition: `time` is not before the last piece's start.
    /// - Complexity: amortized O(1).
    mutating func set(_ value: Double, at time: SimInstant, splitting: Bool = false) {
        let n = pieces.count
        if n > first {
            let last = pieces[n - 1]
            precondition(time >= last.start, "SignalHistory.set at \(time) before last piece \(last.start)")
            if last.start == time {
                pieces[n - 1].value = value
                return
            }
            if !splitting && repeatsLast(value) { return }
        }
        pieces.append(Piece(start: time, value: value))
        let horizon = time - reach
        let count = n + 1
        let oldest = first
        first = pieces.withUnsafeBufferPointer { p in
            var f = oldest
            while count - f >= 2, p[f + 1].start <= horizon { f += 1 }
            return f
        }
        if first >= 32, first * 2 >= count {
            pieces.removeFirst(first)
            first = 0
        }
    }

    /// The value at instant `t`: the piece with the latest start ≤ `t`; `.nan` before the first.
    /// - Complexity: O(pieces kept).
    func value(at t: SimInstant) -> Double {
        let lo = first
        return pieces.withUnsafeBufferPointer { p in
            var i = p.count
            while i > lo {
                i -= 1
                if p[i].start <= t { return p[i].value }
            }
            return .nan
        }
    }

    /// The time-weighted mean over `[from, to)` of the defined (non-NaN) parts; `.nan`
    /// when no part of the interval has data. `from == to` gives ``value(at:)``.
    /// - Complexity: O(pieces kept).
    func mean(from: SimInstant, to: SimInstant) -> Double {
        if to <= from { return value(at: to) }
        let lo = first
        return pieces.withUnsafeBufferPointer { p in
            var sum = 0.0
            var covered = SimDuration.zero
            let n = p.count
            var i = lo
            // Pieces that end by `from` cover nothing of [from, to).
            while i + 1 < n, p[i + 1].start <= from { i += 1 }
            // Pieces are in time order: once one starts at or after `to`, it and every
            // later one cover nothing of [from, to).
            while i < n, p[i].start < to {
                let s = max(p[i].start, from)
                let e = i + 1 < n ? min(p[i + 1].start, to) : to
                let v = p[i].value
                if e > s && !v.isNaN {
                    sum += v * Double((e - s).milliseconds)
                    covered += e - s
                }
                i += 1
            }
            return covered > .zero ? sum / Double(covered.milliseconds) : .nan
        }
    }
}
