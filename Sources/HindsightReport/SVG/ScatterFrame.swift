/// The layout of an SVG scatter chart (``CalibrationChart``, ``ParetoChart``): the `viewBox`
/// and the plot rectangle inside it, px, with the pieces both charts draw the same way — the
/// `<svg>` opening, grid lines with their tick labels, the two axis titles. Values map
/// linearly onto the plot (`ValueAxis.lower` at the left or bottom edge); coordinates are
/// written as `SVGNumber` (byte-stable).
struct ScatterFrame {
    /// The `viewBox` size, px.
    let width: Double
    let height: Double
    /// The plot's left and top edges, px from the `viewBox` origin.
    let left: Double
    let top: Double
    /// The plot's size, px.
    let plotWidth: Double
    let plotHeight: Double

    /// The x, px, of `v` on `axis` (not clamped).
    /// - Complexity: O(1).
    func x(_ v: Double, on axis: ValueAxis) -> Double {
        left + (v - axis.lower) / (axis.upper - axis.lower) * plotWidth
    }

    /// The y, px, of `v` on `axis` (not clamped; larger values higher up).
    /// - Complexity: O(1).
    func y(_ v: Double, on axis: ValueAxis) -> Double {
        top + plotHeight - (v - axis.lower) / (axis.upper - axis.lower) * plotHeight
    }

    /// The `<svg>` start tag with its newline; `labelledBy` lists the ids of the chart's
    /// `<title>` (and `<desc>`).
    func svgStart(labelledBy: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(SVGNumber.text(width)) \(SVGNumber.text(height))\" role=\"img\" aria-labelledby=\"\(labelledBy)\">\n"
    }

    /// A vertical grid line at `value` on the x `axis`, and its tick label under the plot.
    /// - Complexity: O(1).
    func xTick(_ value: Double, on axis: ValueAxis) -> String {
        let px = SVGNumber.text(x(value, on: axis))
        return "<line x1=\"\(px)\" y1=\"\(SVGNumber.text(top))\" x2=\"\(px)\" y2=\"\(SVGNumber.text(top + plotHeight))\" stroke=\"\(Palette.grid)\"/>"
            + "<text x=\"\(px)\" y=\"\(SVGNumber.text(top + plotHeight + 16))\" text-anchor=\"middle\" class=\"tick\">\(XMLText.escape(axis.label(value)))</text>\n"
    }

    /// A horizontal grid line at `value` on the y `axis`, and its tick label left of the plot.
    /// - Complexity: O(1).
    func yTick(_ value: Double, on axis: ValueAxis) -> String {
        let py = SVGNumber.text(y(value, on: axis))
        return "<line x1=\"\(SVGNumber.text(left))\" y1=\"\(py)\" x2=\"\(SVGNumber.text(left + plotWidth))\" y2=\"\(py)\" stroke=\"\(Palette.grid)\"/>"
            + "<text x=\"\(SVGNumber.text(left - 6))\" y=\"\(py)\" text-anchor=\"end\" dominant-baseline=\"middle\" class=\"tick\">\(XMLText.escape(axis.label(value)))</text>\n"
    }

    /// The axis titles (escaped): `x` centred under the plot, `y` turned up the left side.
    func axisTitles(x: String, y: String) -> String {
        "<text x=\"\(SVGNumber.text(left + plotWidth / 2))\" y=\"\(SVGNumber.text(height - 8))\" text-anchor=\"middle\" class=\"axis-label\">\(XMLText.escape(x))</text>\n"
            + "<text transform=\"translate(16 \(SVGNumber.text(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\" class=\"axis-label\">\(XMLText.escape(y))</text>\n"
    }
}
