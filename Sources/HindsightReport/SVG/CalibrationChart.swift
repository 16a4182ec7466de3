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

    let width: Double = 1160
    let height: Double = 420
    let left: Double = 86
    let top: Double = 14
    let bottom: Double = 48

    /// The chart's `<svg>` element; a square plot at the left, the rest blank.
    /// - Complexity: O(points).
    func render() -> String {
        let values = points.flatMap { [$0.recorded, $0.modelled] }.filter(\.isFinite)
        let axis = ValueAxis(covering: 0, values.max() ?? 1)
        let side = height - top - bottom
        func p(_ v: Double) -> Double { (v - axis.lower) / (axis.upper - axis.lower) * side }
        func px(_ v: Double) -> String { SVGNumber.text(left + p(v)) }
        func py(_ v: Double) -> String { SVGNumber.text(top + side - p(v)) }
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(SVGNumber.text(width)) \(SVGNumber.text(height))\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\">\n"
        s += "<title id=\"\(id)-t\">\(XMLText.escape(title))</title>\n"
        s += "<desc id=\"\(id)-d\">Modelled against recorded (\(XMLText.escape(unit))), one dot per step; dots on the diagonal are exact.</desc>\n"
        for t in axis.ticks {
            s += "<line x1=\"\(px(t))\" y1=\"\(SVGNumber.text(top))\" x2=\"\(px(t))\" y2=\"\(SVGNumber.text(top + side))\" stroke=\"\(Palette.grid)\"/>"
            s += "<text x=\"\(px(t))\" y=\"\(SVGNumber.text(top + side + 16))\" text-anchor=\"middle\" class=\"tick\">\(XMLText.escape(axis.label(t)))</text>\n"
            s += "<line x1=\"\(SVGNumber.text(left))\" y1=\"\(py(t))\" x2=\"\(SVGNumber.text(left + side))\" y2=\"\(py(t))\" stroke=\"\(Palette.grid)\"/>"
            s += "<text x=\"\(SVGNumber.text(left - 6))\" y=\"\(py(t))\" text-anchor=\"end\" dominant-baseline=\"middle\" class=\"tick\">\(XMLText.escape(axis.label(t)))</text>\n"
        }
        s += "<text x=\"\(SVGNumber.text(left + side / 2))\" y=\"\(SVGNumber.text(height - 8))\" text-anchor=\"middle\" class=\"axis-label\">recorded (\(XMLText.escape(unit)))</text>\n"
        s += "<text transform=\"translate(16 \(SVGNumber.text(top + side / 2))) rotate(-90)\" text-anchor=\"middle\" class=\"axis-label\">modelled (\(XMLText.escape(unit)))</text>\n"
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
