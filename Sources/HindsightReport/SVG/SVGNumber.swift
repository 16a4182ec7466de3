/// Coordinates in SVG text: rounded to 0.1 px, no exponent, no trailing `.0`
/// (`12`, `12.5`, `-3.1`), to keep charts small and byte-stable.
enum SVGNumber {
    /// Appends the text of `x` to `out`. Non-finite values print as `0`; magnitudes are clamped to 10^9 px.
    /// - Complexity: O(digits).
    static func append(_ x: Double, to out: inout String) {
        guard x.isFinite else { out += "0"; return }
        let tenths = Int64((min(max(x, -1e9), 1e9) * 10).rounded())
        if tenths < 0 { out += "-" }
        let magnitude = tenths.magnitude
        out += String(magnitude / 10)
        let fraction = magnitude % 10
        if fraction != 0 { out += "." + String(fraction) }
    }

    /// The text of `x` (see `append`).
    static func text(_ x: Double) -> String {
        var s = ""
        append(x, to: &s)
        return s
    }
}
