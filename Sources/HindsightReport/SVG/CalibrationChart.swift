import HindsightSim

/// An SVG scatter of the latency model's calibration: recorded latency across, modelled
/// latency up (ms), one dot per step (grey for the fitted part, orange for the held-out
/// part), and the diagonal where model equals record. Both axes share one scale so the
/// diagonal is at 45°. Sized for a 1160 × 420 `viewBox`; coordinates as `SVGNumber` (byte-stable).
struct CalibrationChart {
    let id: String
    let title: String
    /// The steps to draw: ``ModelFidelity/latencyPairs``, or every k-th of them.
    let points: [ModelFidelity.LatencyPair]

    /// 1160 × 420 px: a square plot at the left, as tall as the margins allow; the rest blank.
    let frame = ScatterFrame(width: 1160, height: 420, left: 86, top: 14,
                             plotWidth: 420 - 14 - 48, plotHeight: 420 - 14 - 48)

    /// The chart's `<svg>` element.
    /// - Complexity: O(points).
    func render() -> String {
        let values = points.flatMap { [$0.recordedMs, $0.modelledMs] }.filter(\.isFinite)
        let axis = ValueAxis(covering: 0, values.max() ?? 1)
        func px(_ v: Double) -> String { SVGNumber.text(frame.x(v, on: axis)) }
        func py(_ v: Double) -> String { SVGNumber.text(frame.y(v, on: axis)) }
        var s = frame.svgStart(labelledBy: "\(id)-t \(id)-d")
        s += "<title id=\"\(id)-t\">\(XMLText.escape(title))</title>\n"
        s += "<desc id=\"\(id)-d\">Modelled against recorded (ms), one dot per step; dots on the diagonal are exact.</desc>\n"
        for t in axis.ticks {
            s += frame.xTick(t, on: axis) + frame.yTick(t, on: axis)
        }
        s += frame.axisTitles(x: "recorded (ms)", y: "modelled (ms)")
        s += "<line x1=\"\(px(axis.lower))\" y1=\"\(py(axis.lower))\" x2=\"\(px(axis.upper))\" y2=\"\(py(axis.upper))\" stroke=\"\(Palette.black)\" stroke-dasharray=\"5 3\"><title>model = record</title></line>\n"
        for held in [false, true] {
            let colour = held ? Palette.orange : Palette.axis
            for m in points where m.heldOut == held && m.recordedMs.isFinite && m.modelledMs.isFinite {
                s += "<circle cx=\"\(px(m.recordedMs))\" cy=\"\(py(m.modelledMs))\" r=\"2\" fill=\"\(colour)\" fill-opacity=\"0.5\"/>"
            }
            s += "\n"
        }
        return s + "</svg>"
    }
}
