/// Puts a `RawTrace` on the regular grid of SEMANTICS.md §1.
///
/// - Columns are mapped to series by `spec.columns` (series key → column). An entry equal to
///   the field's default column (`TraceSpec.defaultColumns`) may be absent from the data;
///   any other entry must exist, else the error lists the columns available. An empty
///   `spec.columns` means the default mapping.
/// - `spec.scale[key]` multiplies a series (default 1).
/// - The window `[from, to)` keeps samples with `from ≤ t < to`.
/// - The grid starts at the first kept timestamp; `step` defaults to the median spacing of
///   kept timestamps (the lower median, in ms); it ends at the last kept timestamp, so step
///   `i` covers `[start + i·step, start + (i+1)·step)` and the run covers
///   `[first, last + step)` (rounded down to whole steps).
/// - Per series, step `t` takes the value of the latest non-missing sample at or before `t`
///   (sample-and-hold) when the gap from that sample to the series' next non-missing sample is at
///   most `maxGap` (default 5 × step); inside a longer gap only the step holding the sample
///   keeps its value (`t < sample + step`), the rest is missing (`.nan`). After a series' last
///   sample the trace's last timestamp plays the next sample. Before its first sample a series
///   is missing.
/// - `cpu` is never derived here from `cpuUtilization` and `replicas` (the simulator does it).
public enum Resampler {
    /// Largest grid the resampler builds (steps); a finer request is an input error.
    public static let maximumSteps = 100_000_000
    /// Longest step or gap accepted (about 1000 years): keeps time arithmetic far from overflow.
    static let longest = SimDuration.days(1000 * 366)

    /// Resamples `raw` onto the grid described by `spec`.
    /// - Throws: `TraceError` for a mapped column that is missing, an empty window, a step that
    ///   cannot be inferred (a single sample) or a grid over `maximumSteps`.
    /// - Complexity: O(samples + steps) per series.
    public static func resample(_ raw: RawTrace, spec: TraceSpec) throws -> Trace {
        let mapping = spec.columns.isEmpty ? TraceSpec.defaultColumns : spec.columns
        var chosen: [(key: String, column: String)] = []
        for key in mapping.keys.sorted() {
            guard let column = mapping[key] else { continue }
            if raw.columns[column] != nil {
                chosen.append((key, column))
            } else if TraceSpec.defaultColumns[key] != column {
                let available = Excerpt.list(raw.columnNames)
                throw TraceError(file: raw.source,
                                 message: "spec.trace.columns maps \(key) to \"\(column)\", which the trace does not have",
                                 expected: "one of the columns \(available.isEmpty ? "(none)" : available)")
            }
        }
        // Window.
        var lo = 0, hi = raw.times.count
        if let from = spec.from { lo = lowerBound(raw.times, from.unixMilliseconds) }
        if let to = spec.to { hi = max(lo, lowerBound(raw.times, to.unixMilliseconds)) }
        guard hi > lo else {
            throw TraceError(file: raw.source, message: "no samples fall in the window \(describe(spec.from?.unixMilliseconds)) … \(describe(spec.to?.unixMilliseconds))",
                             expected: "from/to that overlap the trace's span \(describe(raw.times.first)) … \(describe(raw.times.last))")
        }
        let times = Array(raw.times[lo..<hi])
        let step: Int64
        if let given = spec.step {
            guard given > .zero, given <= longest else {
                throw TraceError(file: raw.source, message: "step \(given.milliseconds) ms is out of range", expected: "a positive step of at most 1000 years, such as 15s")
            }
            step = given.milliseconds
        } else {
            guard times.count >= 2 else {
                throw TraceError(file: raw.source, message: "a single sample gives no spacing to infer the step from",
                                 expected: "at least two samples, or spec.trace.step")
            }
            step = medianSpacing(times)
        }
        let maxGap = min(spec.maxGap?.milliseconds ?? step * 5, longest.milliseconds)
        guard let first = times.first, let last = times.last else { throw TraceError(file: raw.source, message: "no samples", expected: "samples") }
        let spanSteps = (last - first) / step + 1
        guard spanSteps <= Int64(maximumSteps) else {
            throw TraceError(file: raw.source, message: "a step of \(step) ms over this trace makes \(spanSteps) grid steps",
                             expected: "a coarser step (at most \(maximumSteps) steps)")
        }
        let count = Int(spanSteps)
        var series: [String: [Double]] = [:]
        for (key, column) in chosen {
            guard let all = raw.columns[column] else { continue }
            let factor = spec.scale[key] ?? 1
            series[key] = hold(times: times, values: all[lo..<hi], start: first, step: step, count: count,
                               maxGap: maxGap, end: last, factor: factor)
        }
        let grid = TraceGrid(start: SimInstant(unixMilliseconds: first), step: .milliseconds(step), count: count)
        return Trace(grid: grid, series: series, source: raw.source)
    }

    /// Sample-and-hold of one series onto the grid (rules in the type's comment).
    static func hold(times: [Int64], values: ArraySlice<Double>, start: Int64, step: Int64, count: Int,
                     maxGap: Int64, end: Int64, factor: Double) -> [Double] {
        var out = [Double](repeating: .nan, count: count)
        let base = values.startIndex
        // Indices of non-missing samples.
        var valid: [Int] = []
        valid.reserveCapacity(times.count)
        for i in times.indices where !values[base + i].isNaN { valid.append(i) }
        guard !valid.isEmpty else { return out }
        for (v, i) in valid.enumerated() {
            let t = times[i]
            let isLast = v + 1 == valid.count
            let next = isLast ? end : times[valid[v + 1]]
            let coverEnd = isLast ? end + 1 : next            // exclusive
            let holdUntil = next - t <= maxGap ? coverEnd : min(coverEnd, t + step)
            let value = values[base + i] * factor
            var j = Int((t - start + step - 1) / step)          // first grid point ≥ t
            while j < count {
                if start + Int64(j) * step >= holdUntil { break }
                out[j] = value
                j += 1
            }
        }
        return out
    }

    /// Lower median of consecutive differences (ms).
    static func medianSpacing(_ times: [Int64]) -> Int64 {
        var gaps: [Int64] = []
        gaps.reserveCapacity(times.count - 1)
        for i in 1..<times.count { gaps.append(times[i] - times[i - 1]) }
        gaps.sort()
        return max(gaps[(gaps.count - 1) / 2], 1)
    }

    static func lowerBound(_ times: [Int64], _ t: Int64) -> Int {
        var lo = 0, hi = times.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if times[mid] < t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    static func describe(_ t: Int64?) -> String { t.map { CivilTime.rfc3339(ms: $0) } ?? "(open)" }
}
