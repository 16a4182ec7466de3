/// An SVG scatter of sweep points: cost (or emissions) across, SLO violation up. Every
/// point is a small grey dot, the Pareto front a line through blue dots, the current
/// policy a black diamond and the chosen point a vermilion ring; a dashed line marks
/// the violation constraint. Each mark has a `<title>` for hover text. Sized for a
/// 1160 px wide `viewBox`; coordinates as `SVGNumber` (byte-stable).
struct ParetoChart {
    /// One plotted point.
    struct Mark {
        var x: Double
        var y: Double
        var title: String
    }

    let id: String
    let xLabel: String
    let yLabel: String
    let points: [Mark]
    /// The front, in ascending x.
    let front: [Mark]
    let current: Mark?
    let chosen: Mark?
    let maxViolation: Double?

    /// 1160 × 380 px.
    let frame = ScatterFrame(width: 1160, height: 380, left: 86, top: 14,
                             plotWidth: 1160 - 86 - 24, plotHeight: 380 - 14 - 48)

    /// The chart's `<svg>` element.
    /// - Complexity: O(points).
    func render() -> String {
        let all = points + front + [current, chosen].compactMap { $0 }
        let xs = all.map(\.x).filter(\.isFinite), ys = all.map(\.y).filter(\.isFinite) + [maxViolation ?? 0]
        let xAxis = ValueAxis(covering: xs.min() ?? 0, xs.max() ?? 1)
        let yAxis = ValueAxis(covering: min(0, ys.min() ?? 0), ys.max() ?? 1)
        func px(_ v: Double) -> String { SVGNumber.text(frame.x(v, on: xAxis)) }
        func py(_ v: Double) -> String { SVGNumber.text(frame.y(v, on: yAxis)) }
        var s = frame.svgStart(labelledBy: "\(id)-t")
        s += "<title id=\"\(id)-t\">\(XMLText.escape(yLabel)) against \(XMLText.escape(xLabel)) of every sweep point</title>\n"
        for t in xAxis.ticks { s += frame.xTick(t, on: xAxis) }
        for t in yAxis.ticks { s += frame.yTick(t, on: yAxis) }
        s += frame.axisTitles(x: xLabel, y: yLabel)
        if let maxViolation {
            s += "<line x1=\"\(SVGNumber.text(frame.left))\" y1=\"\(py(maxViolation))\" x2=\"\(SVGNumber.text(frame.left + frame.plotWidth))\" y2=\"\(py(maxViolation))\" stroke=\"\(Palette.vermilion)\" stroke-dasharray=\"6 4\"><title>constraint: violation at most \(XMLText.escape(ValueAxis(covering: 0, maxViolation).label(maxViolation)))</title></line>\n"
        }
        for m in points where m.x.isFinite && m.y.isFinite {
            s += "<circle cx=\"\(px(m.x))\" cy=\"\(py(m.y))\" r=\"2.5\" fill=\"\(Palette.axis)\" fill-opacity=\"0.45\"><title>\(XMLText.escape(m.title))</title></circle>\n"
        }
        if !front.isEmpty {
            s += "<polyline fill=\"none\" stroke=\"\(Palette.blue)\" stroke-width=\"1.5\" points=\""
            s += front.map { "\(px($0.x)),\(py($0.y))" }.joined(separator: " ") + "\"/>\n"
            for m in front {
                s += "<circle cx=\"\(px(m.x))\" cy=\"\(py(m.y))\" r=\"4\" fill=\"\(Palette.blue)\"><title>\(XMLText.escape(m.title))</title></circle>\n"
            }
        }
        if let m = current, m.x.isFinite, m.y.isFinite {
            let x = frame.x(m.x, on: xAxis), y = frame.y(m.y, on: yAxis)
            let d = [(x, y - 7), (x + 7, y), (x, y + 7), (x - 7, y)].map { "\(SVGNumber.text($0.0)),\(SVGNumber.text($0.1))" }
            s += "<polygon points=\"\(d.joined(separator: " "))\" fill=\"\(Palette.black)\"><title>\(XMLText.escape(m.title))</title></polygon>\n"
        }
        if let m = chosen, m.x.isFinite, m.y.isFinite {
            s += "<circle cx=\"\(px(m.x))\" cy=\"\(py(m.y))\" r=\"8\" fill=\"none\" stroke=\"\(Palette.vermilion)\" stroke-width=\"2.5\"><title>\(XMLText.escape(m.title))</title></circle>\n"
        }
        return s + "</svg>"
    }
}
