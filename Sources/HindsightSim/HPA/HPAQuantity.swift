/// Numeric conversions the HPA and KEDA apply to quantities (HPA.md §9), saturating
/// instead of trapping so that no input can crash the controller.
public enum HPAQuantity {
    /// `Quantity.MilliValue()` of a real-valued reading: the milli value rounded **up**.
    ///
    /// A reading such as 0.07 is meant as the decimal 0.07 but is stored as a binary
    /// double (0.07 × 1000 = 70.00000000000001); a product within 1e-9 (relative) of an
    /// integer is therefore taken as that integer before rounding up.
    /// - Returns: nil for NaN and ±∞ (the metric is invalid); saturates at the Int64 range.
    public static func milli(fromReal x: Double) -> Int64? {
        guard x.isFinite else { return nil }
        let scaled = x * 1000
        let nearest = scaled.rounded()
        let value = abs(scaled - nearest) <= 1e-9 * max(1, abs(scaled)) ? nearest : scaled.rounded(.up)
        return saturatingInt64(value)
    }

    /// KEDA's `quantityFromFloat64`: the value formatted `%.3f` (correctly rounded from
    /// the binary value, half-even on exact ties: 0.1235 → 0.123), as milli-units.
    /// NaN, ±∞ and negative values give 0.
    public static func kedaMilli(_ x: Double) -> Int64 {
        guard x.isFinite, x > 0 else { return 0 }
        if x >= 9.2e15 { return Int64.max }
        // Round the exact value x·1000 to the nearest integer, ties to even, as `%.3f`
        // does. p + e is the exact product (the fused multiply-add yields the error term).
        let p = x * 1000
        let e = (-p).addingProduct(x, 1000)
        let f = p.rounded(.down)
        let d = (p - f) - 0.5   // exact: p and f are close
        let up: Bool
        if d > -e { up = true } else if d < -e { up = false } else { up = f.truncatingRemainder(dividingBy: 2) != 0 }
        return saturatingInt64(up ? f + 1 : f)
    }

    /// Go's `int32(math.Ceil(x))` made total: NaN → 0, saturating at the Int32 range.
    @inlinable
    @inline(__always)
    public static func ceilInt32(_ x: Double) -> Int32 {
        // Inside the Int32 range the ceiling is the truncation, plus one when a positive
        // fraction was cut (exact, and no library call); NaN and the rest saturate as before.
        if x > -2_147_483_648.0, x < 2_147_483_647.0 {
            let t = Int32(x)
            return Double(t) < x ? t + 1 : t
        }
        return saturatingInt32(x.rounded(.up))
    }

    /// Truncation toward zero to Int32, NaN → 0, saturating.
    @inlinable
    public static func truncInt32(_ x: Double) -> Int32 { saturatingInt32(x.rounded(.towardZero)) }

    /// An integral double to Int32: NaN → 0, out of range → the nearest bound.
    @inlinable
    public static func saturatingInt32(_ x: Double) -> Int32 {
        if x.isNaN { return 0 }
        if x >= Double(Int32.max) { return Int32.max }
        if x <= Double(Int32.min) { return Int32.min }
        return Int32(x)
    }

    /// An integral double to Int64: NaN → 0, out of range → the nearest bound.
    @inlinable
    public static func saturatingInt64(_ x: Double) -> Int64 {
        if x.isNaN { return 0 }
        if x >= 9.223372036854775e18 { return Int64.max }
        if x <= -9.223372036854775e18 { return Int64.min }
        return Int64(x)
    }

    /// `saturatingInt64(x.rounded())` (half away from zero; NaN → 0) without the library
    /// call for 0 ≤ x < 2^52 (other values take that call): adding and subtracting 2^52
    /// rounds x to an integer, ties to even, exactly (the sum's unit is 1, and 2^52 is even);
    /// a tie rounded down (remainder exactly ½, exact to compute) is stepped up.
    /// No branch on the remainder's side of a half, which no predictor guesses.
    /// - Complexity: O(1).
    @inline(__always)
    static func roundedSaturatingInt64(_ x: Double) -> Int64 {
        let twoTo52 = 4_503_599_627_370_496.0
        guard x >= 0, x < twoTo52 else { return saturatingInt64(x.rounded()) }   // NaN fails the test too
        var r = (x + twoTo52) - twoTo52
        if x - r == 0.5 { r += 1 }
        return Int64(r)
    }

    /// Int64 to Int32, saturating.
    @inlinable
    public static func clampInt32(_ x: Int64) -> Int32 {
        Int32(clamping: x)
    }

    /// a + b saturating at the Int64 range.
    @inlinable
    static func add(_ a: Int64, _ b: Int64) -> Int64 {
        let (r, o) = a.addingReportingOverflow(b)
        return o ? (b > 0 ? Int64.max : Int64.min) : r
    }

    /// a × b saturating at the Int64 range.
    @inlinable
    static func mul(_ a: Int64, _ b: Int64) -> Int64 {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        return o ? ((a < 0) != (b < 0) ? Int64.min : Int64.max) : r
    }

    /// Fixed three-decimal text of a ratio for reasons ("1.216"); "NaN", "+Inf", "-Inf".
    static func fmt3(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "+Inf" : "-Inf" }
        if abs(x) >= 1e15 { return "\(x)" }
        let m = Int64((abs(x) * 1000).rounded())
        let sign = x < 0 && m != 0 ? "-" : ""
        let frac = m % 1000
        let fracText = frac < 10 ? "00\(frac)" : frac < 100 ? "0\(frac)" : "\(frac)"
        return "\(sign)\(m / 1000).\(fracText)"
    }

    /// Milli-units as a decimal text ("1.5" for 1500, "250m" style is avoided).
    static func fmtMilli(_ m: Int64) -> String {
        if m % 1000 == 0 { return "\(m / 1000)" }
        let neg = m < 0
        let a = m.magnitude
        var frac = String(a % 1000)
        while frac.count < 3 { frac = "0" + frac }
        while frac.hasSuffix("0") { frac.removeLast() }
        return (neg ? "-" : "") + "\(a / 1000).\(frac)"
    }
}
