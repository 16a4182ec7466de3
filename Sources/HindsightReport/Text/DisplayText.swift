/// Human-readable numbers for the Markdown and HTML reports: deterministic and
/// locale-free (`,` groups thousands, `.` is the decimal point, `-` the minus sign).
/// NaN/∞ print as an en dash `–` ("no value").
public enum DisplayText {
    /// The dash shown for "no value".
    public static let none = "–"

    /// `x` rounded to `decimals` places (0...9), thousands grouped: `fixed(1234.567, 2)` → `1,234.57`.
    /// Values beyond ±9e15 fall back to the exponent form.
    public static func fixed(_ x: Double, _ decimals: Int) -> String {
        guard x.isFinite else { return none }
        let d = max(0, min(9, decimals))
        var scale = 1.0
        for _ in 0..<d { scale *= 10 }
        let scaled = (abs(x) * scale).rounded()
        guard scaled < 9e15 else { return x.description }
        let units = UInt64(scaled)
        let whole = units / UInt64(scale)
        let fraction = units % UInt64(scale)
        var text = grouped(whole)
        if d > 0 {
            let digits = String(fraction)
            text += "." + String(repeating: "0", count: d - digits.count) + digits
        }
        return (x < 0 && units != 0 ? "-" : "") + text
    }

    /// `x` with about `significant` significant digits (at least 0 decimals, at most 9):
    /// `compact(1234.5)` → `1,235` (4 digits), `compact(0.012345)` → `0.01235`, `compact(12.3)` → `12.3`.
    /// Trailing zeros after the point are dropped.
    public static func compact(_ x: Double, significant: Int = 4) -> String {
        guard x.isFinite else { return none }
        if x == 0 { return "0" }
        var magnitude = 0
        var a = abs(x)
        while a >= 10 { a /= 10; magnitude += 1 }
        while a < 1 { a *= 10; magnitude -= 1 }
        let decimals = max(0, min(9, significant - 1 - magnitude))
        var text = fixed(x, decimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// A fraction as a percentage: `percent(0.1234)` → `12.3 %` (1 decimal; 2 below 1 %).
    public static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return none }
        if fraction == 0 { return "0 %" }
        let p = fraction * 100
        return fixed(p, abs(p) < 1 && p != 0 ? 2 : 1) + " %"
    }

    /// A signed change in percent: `signedPercent(0.05)` → `+5.0 %`, `-0.0123` → `-1.2 %`, `0.00123` → `+0.12 %`, 0 → `±0 %`.
    public static func signedPercent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return none }
        if fraction == 0 { return "±0 %" }
        let text = percent(fraction)
        return text.hasPrefix("-") ? text : "+" + text
    }

    /// A signed number: `signed(2)` → `+2`, `signed(-0.5, decimals: 2)` → `-0.50`, 0 → `±0`.
    public static func signed(_ x: Double, decimals: Int = 0) -> String {
        guard x.isFinite else { return none }
        let text = fixed(x, decimals)
        if text.allSatisfy({ $0 == "0" || $0 == "." || $0 == "-" }) { return "±0" }
        return x > 0 ? "+" + text : text
    }

    /// A duration in seconds as the two largest units: `3725` → `1h 2m`, `45.5` → `45.5s`,
    /// `90061` → `1d 1h`, `0` → `0s`. Negative durations get a leading `-`.
    public static func duration(seconds: Double) -> String {
        guard seconds.isFinite else { return none }
        if seconds < 0 { return "-" + duration(seconds: -seconds) }
        if seconds < 60 { return compact(seconds, significant: 3) + "s" }
        if seconds >= 1e15 { return compact(seconds / 86_400) + "d" }
        let total = Int64(seconds.rounded())
        let units: [(Int64, String)] = [(86_400, "d"), (3600, "h"), (60, "m"), (1, "s")]
        var parts: [String] = []
        var rest = total
        for (size, name) in units where parts.count < 2 {
            let count = rest / size
            rest %= size
            if count > 0 || !parts.isEmpty { parts.append("\(count)\(name)") }
        }
        if parts.count == 2 && parts[1].hasPrefix("0") { parts.removeLast() }
        return parts.joined(separator: " ")
    }

    /// A signed duration: `+15m`, `-1h 2m`, `±0s`.
    public static func signedDuration(seconds: Double) -> String {
        guard seconds.isFinite else { return none }
        if seconds == 0 { return "±0s" }
        return seconds > 0 ? "+" + duration(seconds: seconds) : duration(seconds: seconds)
    }

    /// Digits of `v` grouped by thousands with `,`.
    static func grouped(_ v: UInt64) -> String {
        let digits = Array(String(v))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}
