/// An SVG chart over a UTC time range: a plot area with a left value axis (and an
/// optional right one), round time ticks, optional lanes under the plot, and series
/// drawn by `TimeChart+Series`. Sized for a 1160 px wide `viewBox`, scaled to the page.
struct TimeChart {
    /// Unique prefix for element ids (clip paths, titles) within the document.
    let id: String
    let title: String
    /// Longer text for assistive technology.
    let summary: String
    let start: Int64
    let end: Int64
    let y: ValueAxis
    let yLabel: String
    let y2: ValueAxis?
    let y2Label: String?

    let width: Double = TimeChart.fullWidth
    let left: Double = TimeChart.leftMargin
    let right: Double
    let top: Double = 12
    let plotHeight: Double
    /// Height of each lane and the labels of the lanes added so far.
    let laneHeight: Double
    private(set) var lanes: [String] = []
    /// Elements clipped to the plot area, and elements drawn on top unclipped.
    var plotBody = ""
    var overlay = ""

    init(id: String, title: String, summary: String, start: Int64, end: Int64, y: ValueAxis,
         yLabel: String, y2: ValueAxis? = nil, y2Label: String? = nil, plotHeight: Double = 220,
         laneHeight: Double = 13) {
        self.id = id; self.title = title; self.summary = summary
        self.start = start; self.end = max(end, start &+ 1)
        self.y = y; self.yLabel = yLabel; self.y2 = y2; self.y2Label = y2Label
        self.right = TimeChart.rightMargin(rightAxis: y2 != nil)
        self.plotHeight = plotHeight
        self.laneHeight = laneHeight
    }

    var plotWidth: Double { width - left - right }
    var plotBottom: Double { top + plotHeight }
    /// Pixel columns of the plot: the number of downsampling buckets.
    var columns: Int { max(1, Int(plotWidth)) }
    /// Width of the `viewBox` and the margins left and right of the plot, px.
    static let fullWidth: Double = 1160
    static let leftMargin: Double = 72
    static func rightMargin(rightAxis: Bool) -> Double { rightAxis ? 72 : 24 }
    /// Pixel columns of a chart with or without a right axis (what `columns` will be),
    /// for reducing a series before the chart exists (``RunChartDigest``).
    static func columns(rightAxis: Bool) -> Int {
        max(1, Int(fullWidth - leftMargin - rightMargin(rightAxis: rightAxis)))
    }
    var lanesTop: Double { plotBottom + (plotHeight > 0 ? 8 : 0) }
    var axisTop: Double { lanesTop + Double(lanes.count) * (laneHeight + 3) + (lanes.isEmpty ? 0 : 2) }
    var height: Double { axisTop + 38 }

    /// x of time `t` (ms), not clamped.
    func x(_ t: Int64) -> Double {
        left + Double(t &- start) / Double(end &- start) * plotWidth
    }

    /// y of `v` on `axis` (the left axis unless given), not clamped.
    func yPosition(_ v: Double, on axis: ValueAxis? = nil) -> Double {
        let a = axis ?? y
        return plotBottom - (v - a.lower) / (a.upper - a.lower) * plotHeight
    }

    /// Reserves a lane under the plot labelled `label`; returns its top y.
    mutating func addLane(label: String) -> Double {
        let top = lanesTop + Double(lanes.count) * (laneHeight + 3)
        lanes.append(label)
        return top
    }

    /// The finished `<svg>` element.
    func render() -> String {
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height.rounded(.up)))\""
        s += " role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\" class=\"chart\">"
        s += "<title id=\"\(id)-t\">\(XMLText.escape(title))</title>"
        s += "<desc id=\"\(id)-d\">\(XMLText.escape(summary))</desc>"
        s += "<defs><clipPath id=\"\(id)-c\"><rect x=\"\(SVGNumber.text(left))\" y=\"\(SVGNumber.text(top))\""
        s += " width=\"\(SVGNumber.text(plotWidth))\" height=\"\(SVGNumber.text(plotHeight))\"/></clipPath></defs>"
        s += timeGrid()
        if plotHeight > 0 { s += valueAxes() }
        s += "<g clip-path=\"url(#\(id)-c)\">" + plotBody + "</g>"
        s += laneLabels()
        s += overlay
        s += "</svg>"
        return s
    }

    private func timeGrid() -> String {
        let maxTicks = max(2, Int(plotWidth / 64))
        var s = "<g class=\"grid\">"
        var labels = "<g class=\"tick\">"
        for tick in TimeAxis.ticks(start: start, end: end, maxTicks: maxTicks) {
            let px = SVGNumber.text(x(tick.time))
            if plotHeight > 0 {
                s += "<line x1=\"\(px)\" x2=\"\(px)\" y1=\"\(SVGNumber.text(top))\" y2=\"\(SVGNumber.text(plotBottom))\"/>"
            }
            labels += "<text x=\"\(px)\" y=\"\(SVGNumber.text(axisTop + 14))\" text-anchor=\"middle\">\(tick.label)</text>"
            if let sub = tick.sublabel {
                labels += "<text x=\"\(px)\" y=\"\(SVGNumber.text(axisTop + 28))\" text-anchor=\"middle\" class=\"sub\">\(sub)</text>"
            }
        }
        s += "</g>"
        labels += "<text x=\"\(SVGNumber.text(left - 24))\" y=\"\(SVGNumber.text(axisTop + 14))\" text-anchor=\"end\" class=\"sub\">UTC</text></g>"
        let axisY = plotHeight > 0 ? plotBottom : axisTop
        let baseline = "<line class=\"axis\" x1=\"\(SVGNumber.text(left))\" x2=\"\(SVGNumber.text(left + plotWidth))\" y1=\"\(SVGNumber.text(axisY))\" y2=\"\(SVGNumber.text(axisY))\"/>"
        return s + baseline + labels
    }

    private func valueAxes() -> String {
        var s = "<g class=\"grid\">"
        var labels = "<g class=\"tick\">"
        for v in y.ticks {
            let py = SVGNumber.text(yPosition(v))
            s += "<line x1=\"\(SVGNumber.text(left))\" x2=\"\(SVGNumber.text(left + plotWidth))\" y1=\"\(py)\" y2=\"\(py)\"/>"
            labels += "<text x=\"\(SVGNumber.text(left - 6))\" y=\"\(py)\" dy=\"0.32em\" text-anchor=\"end\">\(y.label(v))</text>"
        }
        if let y2 {
            for v in y2.ticks {
                let py = SVGNumber.text(yPosition(v, on: y2))
                labels += "<text x=\"\(SVGNumber.text(left + plotWidth + 6))\" y=\"\(py)\" dy=\"0.32em\">\(y2.label(v))</text>"
            }
        }
        s += "</g>"
        labels += "</g>"
        let midY = SVGNumber.text(top + plotHeight / 2)
        var titles = "<text class=\"axis-title\" transform=\"translate(14 \(midY)) rotate(-90)\" text-anchor=\"middle\">\(XMLText.escape(yLabel))</text>"
        if let y2Label {
            titles += "<text class=\"axis-title\" transform=\"translate(\(SVGNumber.text(width - 10)) \(midY)) rotate(90)\" text-anchor=\"middle\">\(XMLText.escape(y2Label))</text>"
        }
        return s + labels + titles
    }

    private func laneLabels() -> String {
        guard !lanes.isEmpty else { return "" }
        var s = "<g class=\"lane-label\">"
        for (i, label) in lanes.enumerated() {
            let cy = lanesTop + Double(i) * (laneHeight + 3) + laneHeight / 2
            s += "<text x=\"\(SVGNumber.text(left - 6))\" y=\"\(SVGNumber.text(cy))\" dy=\"0.32em\" text-anchor=\"end\">"
            s += "<title>\(XMLText.escape(label))</title>\(XMLText.escape(XMLText.truncate(label, to: 11)))</text>"
            s += "<rect class=\"lane\" x=\"\(SVGNumber.text(left))\" y=\"\(SVGNumber.text(cy - laneHeight / 2))\" width=\"\(SVGNumber.text(plotWidth))\" height=\"\(SVGNumber.text(laneHeight))\"/>"
        }
        return s + "</g>"
    }
}
