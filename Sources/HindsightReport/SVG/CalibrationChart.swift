/// An SVG scatter for a model's calibration: recorded value across, modelled value up,
/// one dot per step (grey for the fitted part, orange for the held-out part), and the
/// diagonal where model equals record. Both axes share one scale so the diagonal is at
/// 45°. Sized for a 1160 × 420 `viewBox`; coordinates as `SVGNumber` (byte-stable).
struct CalibrationChart {
    /// One step: recorded and modelled value, and whether it was held out of the fit.
    struct Point {
        var recorded: Double
        var modelled: Double
        var heldOut: Bool
    }

    let id: String
    let title: String
    /// Unit of both axes, e.g. "ms".
    let unit: String
    let points: [Point]

    /// 1160 × 420 px: a square plot at the left, as tall as the margins allow; the rest blank.
    let frame = ScatterFrame(width: 1160, height: 420, left: 86, top: 14,
                             plotWidth: 420 - 14 - 48, plotHeight: 420 - 14 - 48)

    /// The chart's `<svg>` element.
    /// - Complexity: O(points).
    func render() -> String {
        let values = points.flatMap { [$0.recorded, $0.modelled] }.filter(\.isFinite)
        let axis = ValueAxis(covering: 0, values.max() ?? 1)
        func px(_ v: Double) -> String { SVGNumber.text(frame.x(v, on: axis)) }
        func py(_ v: Double) -> String { SVGNumber.text(frame.y(v, on: axis)) }
        var s = frame.svgStart(labelledBy: "\(id)-t \(id)-d")
        s += "<title id=\"\(id)-t\">\(XMLText.escape(title))</title>\n"
        s += "<desc id=\"\(id)-d\">Modelled against recorded (\(XMLText.escape(unit))), one dot per step; dots on the diagonal are exact.</desc>\n"
        for t in axis.ticks {
            s += frame.xTick(t, on: axis) + frame.yTick(t, on: axis)
        }
        s += frame.axisTitles(x: "recorded (\(unit))", y: "modelled (\(unit))")
        s += "<line x1=\"\(px(axis.lower))\" y1=\"\(py(axis.lower))\" x2=\"\(px(axis.upper))\" y2=\"\(py(axis.upper))\" stroke=\"\(Palette.black)\" stroke-dasharray=\"5 3\"><title>model = record</title></line>\n"
        for held in [false, true] {
            let colour = held ? Palette.orange : Palette.axis
            for m in points where m.heldOut == held && m.recorded.isFinite && m.modelled.isFinite {
                s += "<circle cx=\"\(px(m.recorded))\" cy=\"\(py(m.modelled))\" r=\"2\" fill=\"\(colour)\" fill-opacity=\"0.5\"/>"
            }
            s += "\n"
        }
        return s + "</svg>"
    }
}
