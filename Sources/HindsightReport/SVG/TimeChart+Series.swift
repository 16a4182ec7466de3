import HindsightStats

extension TimeChart {
    /// How a series is drawn.
    struct Stroke {
        var color: String
        var width: Double = 1.5
        var dash: String? = nil
        var opacity: Double? = nil
    }

    /// Points of a series in pixels, split at gaps (NaN or empty pixel columns).
    ///
    /// With at most one sample per pixel column the samples are used as they are
    /// (`stepped`: each value holds until the next sample, or `holdMs` after the last);
    /// otherwise each column contributes its minimum and maximum in time order
    /// (`MinMaxDownsampler`), so spikes stay visible.
    /// - Complexity: O(samples + columns).
    func segments(times: [Int64], values: [Double], axis: ValueAxis? = nil, stepped: Bool,
                  holdMs: Int64) -> [[(Double, Double)]] {
        segments(ChartTrack(times: times, values: values, start: start, end: end, columns: columns),
                 axis: axis, stepped: stepped, holdMs: holdMs)
    }

    /// `segments(times:values:…)` of a series already reduced for this chart.
    /// - Complexity: O(columns).
    func segments(_ track: ChartTrack, axis: ValueAxis? = nil, stepped: Bool, holdMs: Int64) -> [[(Double, Double)]] {
        precondition(track.columns == columns && track.buckets.start == start && track.buckets.end == end,
                     "TimeChart.segments: a track reduced for \(track.columns) columns over [\(track.buckets.start), \(track.buckets.end)) drawn on \(columns) over [\(start), \(end))")
        var out: [[(Double, Double)]] = []
        var current: [(Double, Double)] = []
        func flush() { if !current.isEmpty { out.append(current); current = [] } }
        if track.drawsSamples {
            let times = track.times, values = track.values
            let n = times.count
            for i in 0..<n {
                let t = times[i], v = values[i]
                guard t >= start, t < end, v.isFinite else { flush(); continue }
                let py = yPosition(v, on: axis)
                current.append((x(t), py))
                if stepped {
                    let next = i + 1 < n ? times[i + 1] : t &+ holdMs
                    current.append((x(min(max(next, t), end)), py))
                }
            }
            flush()
            return out
        }
        let columnWidth = plotWidth / Double(columns)
        for (b, bucket) in track.buckets.buckets.enumerated() {
            guard let bucket else { flush(); continue }
            let px = left + (Double(b) + 0.5) * columnWidth
            let low = yPosition(bucket.min, on: axis), high = yPosition(bucket.max, on: axis)
            if bucket.min == bucket.max {
                current.append((px, low))
            } else if bucket.minIndex <= bucket.maxIndex {
                current.append((px, low)); current.append((px, high))
            } else {
                current.append((px, high)); current.append((px, low))
            }
        }
        flush()
        return out
    }

    /// Adds a line (polyline per segment) to the plot.
    mutating func addLine(times: [Int64], values: [Double], stroke: Stroke, axis: ValueAxis? = nil,
                          stepped: Bool = false, holdMs: Int64 = 0, label: String? = nil) {
        addLine(ChartTrack(times: times, values: values, start: start, end: end, columns: columns),
                stroke: stroke, axis: axis, stepped: stepped, holdMs: holdMs, label: label)
    }

    /// Adds a line from a series already reduced for this chart.
    mutating func addLine(_ track: ChartTrack, stroke: Stroke, axis: ValueAxis? = nil,
                          stepped: Bool = false, holdMs: Int64 = 0, label: String? = nil) {
        let parts = segments(track, axis: axis, stepped: stepped, holdMs: holdMs)
        guard !parts.isEmpty else { return }
        var d = ""
        for part in parts { TimeChart.appendPath(part, to: &d) }
        var s = "<path class=\"line\" d=\"\(d)\" stroke=\"\(stroke.color)\" stroke-width=\"\(SVGNumber.text(stroke.width))\""
        if let dash = stroke.dash { s += " stroke-dasharray=\"\(dash)\"" }
        if let opacity = stroke.opacity { s += " stroke-opacity=\"\(opacity)\"" }
        s += ">"
        if let label { s += "<title>\(XMLText.escape(label))</title>" }
        plotBody += s + "</path>"
    }

    /// Adds a filled area between the series and the bottom of `axis`.
    mutating func addArea(_ track: ChartTrack, fill: String, axis: ValueAxis? = nil,
                          stepped: Bool = false, holdMs: Int64 = 0, label: String? = nil) {
        let parts = segments(track, axis: axis, stepped: stepped, holdMs: holdMs)
        guard !parts.isEmpty else { return }
        let base = plotBottom
        var d = ""
        for part in parts {
            guard let first = part.first, let last = part.last else { continue }
            TimeChart.appendPath([(first.0, base)] + part + [(last.0, base)], to: &d)
            d += "Z"
        }
        var s = "<path class=\"area\" d=\"\(d)\" fill=\"\(fill)\">"
        if let label { s += "<title>\(XMLText.escape(label))</title>" }
        plotBody += s + "</path>"
    }

    /// Adds a dashed horizontal reference line at `value` with a label at its right end.
    mutating func addThreshold(_ value: Double, label: String, color: String) {
        let py = SVGNumber.text(yPosition(value))
        plotBody += "<line class=\"threshold\" x1=\"\(SVGNumber.text(left))\" x2=\"\(SVGNumber.text(left + plotWidth))\""
        plotBody += " y1=\"\(py)\" y2=\"\(py)\" stroke=\"\(color)\"><title>\(XMLText.escape(label))</title></line>"
        overlay += "<text class=\"threshold-label\" x=\"\(SVGNumber.text(left + plotWidth - 4))\" y=\"\(py)\" dy=\"-0.4em\""
        overlay += " text-anchor=\"end\" fill=\"\(color)\" stroke=\"#fff\" stroke-width=\"4\" paint-order=\"stroke\">\(XMLText.escape(label))</text>"
    }

    /// Adds a lane marking the pixel columns flagged in `marked` (one per column, e.g.
    /// those holding a violated step, ``RunChartDigest/violated``); runs of marked
    /// columns merge into one rectangle.
    /// - Complexity: O(columns).
    mutating func addFlagLane(label: String, marked: [Bool], color: String, title: String) {
        precondition(marked.count == columns, "TimeChart.addFlagLane: \(marked.count) marks for \(columns) columns")
        let laneTop = addLane(label: label)
        let columnWidth = plotWidth / Double(columns)
        var s = "<g fill=\"\(color)\"><title>\(XMLText.escape(title))</title>"
        var b = 0
        while b < columns {
            guard marked[b] else { b += 1; continue }
            var e = b
            while e + 1 < columns && marked[e + 1] { e += 1 }
            let x0 = left + Double(b) * columnWidth
            s += "<rect x=\"\(SVGNumber.text(x0))\" y=\"\(SVGNumber.text(laneTop + 1))\" width=\"\(SVGNumber.text(max(1, Double(e - b + 1) * columnWidth)))\" height=\"\(SVGNumber.text(laneHeight - 2))\"/>"
            b = e + 1
        }
        overlay += s + "</g>"
    }

    /// Appends `M x,y L x,y x,y …` for `points`, dropping repeats of the previous point.
    static func appendPath(_ points: [(Double, Double)], to d: inout String) {
        var previous: (Double, Double)? = nil
        var count = 0
        for p in points {
            let px = (p.0 * 10).rounded(), py = (p.1 * 10).rounded()
            if let q = previous, q.0 == px, q.1 == py { continue }
            d += count == 0 ? "M" : (count == 1 ? "L" : " ")
            SVGNumber.append(p.0, to: &d)
            d += ","
            SVGNumber.append(p.1, to: &d)
            previous = (px, py)
            count += 1
        }
        if count == 1 { d += "h1" }  // a lone sample still shows as a dot-sized dash
    }
}
