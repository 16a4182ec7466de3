import DequeModule

/// A piecewise-constant signal over time, kept only as far back as a metrics pipeline
/// can look (`window + lag`), so memory stays bounded however long the run.
///
/// Each piece holds from its `start` (ms) until the next piece's start; the last piece
/// holds on. `.nan` pieces mean "no data" and are left out of averages.
struct SignalHistory {
    private var pieces = Deque<(start: Int64, value: Double)>()
    /// How far back (ms) reads may look: window + lag.
    let reach: Int64

    init(reach: Int64) { self.reach = max(0, reach) }

    /// Sets the value from `time` on (replacing a piece that starts at `time`), and
    /// forgets pieces that ended before `time − reach`.
    /// - Precondition: `time` is not before the last piece's start.
    /// - Complexity: amortized O(1).
    mutating func set(_ value: Double, at time: Int64) {
        if let last = pieces.last {
            precondition(time >= last.start, "SignalHistory.set at \(time) before last piece \(last.start)")
            if last.start == time {
                pieces[pieces.index(before: pieces.endIndex)].value = value
                return
            }
            if last.value == value || (last.value.isNaN && value.isNaN) { return }
        }
        pieces.append((time, value))
        let horizon = time - reach
        while pieces.count >= 2, pieces[pieces.startIndex + 1].start <= horizon {
            pieces.removeFirst()
        }
    }

    /// The value at instant `t`: the piece with the latest start ≤ `t`; `.nan` before the first.
    /// - Complexity: O(pieces kept).
    func value(at t: Int64) -> Double {
        var i = pieces.endIndex
        while i > pieces.startIndex {
            i -= 1
            if pieces[i].start <= t { return pieces[i].value }
        }
        return .nan
    }

    /// The time-weighted mean over `[from, to)` of the defined (non-NaN) parts; `.nan`
    /// when no part of the interval has data. `from == to` gives ``value(at:)``.
    /// - Complexity: O(pieces kept).
    func mean(from: Int64, to: Int64) -> Double {
        if to <= from { return value(at: to) }
        var sum = 0.0
        var covered: Int64 = 0
        var i = pieces.startIndex
        while i < pieces.endIndex {
            let s = max(pieces[i].start, from)
            let e = i + 1 < pieces.endIndex ? min(pieces[i + 1].start, to) : to
            let v = pieces[i].value
            if e > s && !v.isNaN {
                sum += v * Double(e - s)
                covered += e - s
            }
            i += 1
        }
        return covered > 0 ? sum / Double(covered) : .nan
    }
}
