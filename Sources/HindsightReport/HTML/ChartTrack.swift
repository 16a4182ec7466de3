import HindsightStats

/// One series of a chart reduced as its samples arrive, for ``TimeChart`` to draw: the
/// samples themselves while there are no more than the chart has pixel columns, and
/// always the min/max per column (`MinMaxAccumulator`), so memory stays O(columns)
/// however long the series.
struct ChartTrack: Sendable {
    /// Pixel columns of the chart that draws it (its bucket count).
    let columns: Int
    /// The samples in arrival order while `count <= columns`; emptied past that.
    private(set) var times: [Int64] = []
    private(set) var values: [Double] = []
    /// Min/max of the finite values per pixel column of `[start, end)`.
    private(set) var buckets: MinMaxAccumulator
    /// Samples added, and those whose time is in `[start, end)`.
    private(set) var count = 0
    private(set) var inRange = 0
    /// Smallest and largest finite value added (also outside the range).
    private(set) var lowest = Double.infinity
    private(set) var highest = -Double.infinity

    /// - Parameters: `start`, `end` (ms, exclusive) and `columns` of the chart.
    /// - Complexity: O(columns).
    init(start: Int64, end: Int64, columns: Int) {
        self.columns = columns
        buckets = MinMaxAccumulator(start: start, end: end, buckets: columns)
    }

    /// The samples `times[i], values[i]` in order.
    /// - Complexity: O(samples + columns).
    init(times: [Int64], values: [Double], start: Int64, end: Int64, columns: Int) {
        self.init(start: start, end: end, columns: columns)
        for i in 0..<min(times.count, values.count) { add(time: times[i], value: values[i]) }
    }

    /// True when the samples are drawn as they are (no more than one per pixel column).
    var drawsSamples: Bool { inRange <= columns && count <= columns }

    /// True when some value added is finite.
    var hasFinite: Bool { lowest <= highest }

    /// Adds one sample (NaN/±∞ are gaps).
    /// - Complexity: O(1) amortized.
    mutating func add(time t: Int64, value v: Double) {
        buckets.add(time: t, value: v, index: count)
        if t >= buckets.start && t < buckets.end { inRange += 1 }
        count += 1
        if v.isFinite {
            if v < lowest { lowest = v }
            if v > highest { highest = v }
        }
        if count <= columns {
            times.append(t); values.append(v)
        } else if !times.isEmpty {
            times = []; values = []
        }
    }

    /// Smallest and largest finite value over `tracks`, nil when there is none
    /// (`ChartData.extent` of the same samples).
    static func extent(_ tracks: [ChartTrack]) -> (min: Double, max: Double)? {
        let lo = tracks.map(\.lowest).min() ?? .infinity, hi = tracks.map(\.highest).max() ?? -.infinity
        return lo <= hi ? (lo, hi) : nil
    }
}
