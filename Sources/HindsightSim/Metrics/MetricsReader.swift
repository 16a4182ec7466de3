import HindsightScenario
import HindsightTrace

/// Reads metrics the way a controller sees them (SEMANTICS.md §3): each value is the
/// mean over `[t − lag − window, t − lag)`; with `window` 0 it is the value at `t − lag`
/// (so `window: 0, lag: 0` is the instantaneous value of the current segment).
struct MetricsReader {
    let window: SimDuration
    let lag: SimDuration

    init(_ spec: MetricsPipelineSpec) { window = SimLimits.duration(spec.window); lag = SimLimits.duration(spec.lag) }

    /// A signal kept by the run (e.g. CPU served per ready pod).
    @inline(__always)
    func read(_ history: SignalHistory, at t: SimInstant) -> Double {
        let to = t - lag
        return window == .zero ? history.value(at: to) : history.mean(from: to - window, to: to)
    }

    /// A recorded trace series (piecewise constant on the grid; `.nan` = missing).
    /// Before the first step there is no data.
    /// - Complexity: O(window / step).
    func read(series values: [Double], grid: TraceGrid, at t: SimInstant) -> Double {
        let start = grid.start, step = grid.step
        let to = t - lag
        let n = values.count
        if window == .zero {
            guard to >= start, n > 0 else { return .nan }
            let i = Int(min(Int64(n - 1), (to - start) / step))
            return values[i]
        }
        let from = to - window
        guard to > start, n > 0 else { return .nan }
        var i = from <= start ? 0 : Int((from - start) / step)
        var sum = 0.0
        var covered = SimDuration.zero
        while i < n {
            let s0 = start + step * i
            if s0 >= to { break }
            let s = max(s0, from)
            let e = i == n - 1 ? to : min(s0 + step, to)
            let v = values[i]
            if e > s && !v.isNaN { sum += v * Double((e - s).milliseconds); covered += e - s }
            i += 1
        }
        return covered > .zero ? sum / Double(covered.milliseconds) : .nan
    }
}
