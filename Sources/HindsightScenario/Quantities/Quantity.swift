/// A Kubernetes resource quantity (`500m`, `1.5`, `1Gi`, `512Mi`, `1G`, `2e3`), held exactly.
///
/// The value is `mantissa × 10^exponent × multiplier`, where `multiplier` is 1 or a
/// power of 1024 (binary suffixes). Decimal suffixes (`n u m k M G T P E`) fold into the
/// exponent. Nothing is rounded at parse time.
public struct Quantity: Sendable, Equatable, CustomStringConvertible {
    /// Signed digits, trailing zeros removed (`1.50` → 15 with exponent −1).
    public var mantissa: Int64
    /// Power of ten applied to the mantissa (suffixes `m`, `k`, `G`… folded in).
    public var exponent: Int
    /// 1, or 1024^k for `Ki` … `Ei`.
    public var multiplier: Int64
    /// The text as written.
    public var text: String

    /// What `parse` accepts, for messages.
    public static let expected =
        "a Kubernetes quantity: a decimal number with an optional suffix (m, k, M, G, T, Ki, Mi, Gi, Ti), e.g. 500m, 1.5, 512Mi, 1Gi"

    /// Parses `text`.
    /// - Returns: nil when the text is not a quantity or has more than 18 significant digits.
    /// - Complexity: O(n).
    public static func parse(_ text: String) -> Quantity? {
        let bytes = Array(text.utf8)
        var i = 0
        var negative = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
            negative = bytes[i] == UInt8(ascii: "-"); i += 1
        }
        guard let digits = DecimalDigits.scan(bytes, &i), digits.count > 0, digits.significant <= 18 else { return nil }
        let mantissa = digits.value
        var exponent = -digits.fraction
        // A decimal exponent: e/E followed by an optionally signed integer ("1E" alone is exa).
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            var j = i + 1
            var expNegative = false
            if j < bytes.count, bytes[j] == UInt8(ascii: "+") || bytes[j] == UInt8(ascii: "-") {
                expNegative = bytes[j] == UInt8(ascii: "-"); j += 1
            }
            if j < bytes.count, NumberText.isDigit(bytes[j]) {
                var e = 0
                while j < bytes.count, NumberText.isDigit(bytes[j]) {
                    e = e * 10 + Int(bytes[j] - 0x30)
                    if e > 1000 { return nil }
                    j += 1
                }
                exponent += expNegative ? -e : e
                i = j
                guard i == bytes.count else { return nil }
                return make(negative: negative, mantissa: mantissa, exponent: exponent, multiplier: 1, text: text)
            }
        }
        let suffix = String(decoding: bytes[i...], as: UTF8.self)
        var multiplier: Int64 = 1
        switch suffix {
        case "": break
        case "n": exponent -= 9
        case "u": exponent -= 6
        case "m": exponent -= 3
        case "k": exponent += 3
        case "M": exponent += 6
        case "G": exponent += 9
        case "T": exponent += 12
        case "P": exponent += 15
        case "E": exponent += 18
        case "Ki": multiplier = 1 << 10
        case "Mi": multiplier = 1 << 20
        case "Gi": multiplier = 1 << 30
        case "Ti": multiplier = 1 << 40
        case "Pi": multiplier = 1 << 50
        case "Ei": multiplier = 1 << 60
        default: return nil
        }
        return make(negative: negative, mantissa: mantissa, exponent: exponent, multiplier: multiplier, text: text)
    }

    private static func make(negative: Bool, mantissa: Int64, exponent: Int, multiplier: Int64, text: String) -> Quantity {
        var m = mantissa, e = exponent
        while m != 0, m % 10 == 0 { m /= 10; e += 1 }
        if m == 0 { e = 0 }
        return Quantity(mantissa: negative ? -m : m, exponent: e, multiplier: multiplier, text: text)
    }

    /// The value × 1000 rounded up (toward +∞), as Kubernetes `Quantity.MilliValue()`:
    /// `0.1` → 100, `1.5` → 1500, `1n` → 1, `1Gi` → 1 073 741 824 000.
    /// - Returns: nil when the result does not fit in `Int64`.
    public func milliValue() -> Int64? { scaled(toExponent: -3) }

    /// The value rounded up to a whole number (`Quantity.Value()`), nil on overflow.
    public func value() -> Int64? { scaled(toExponent: 0) }

    /// The value in units of 10^`e`, rounded toward +∞; nil on overflow.
    private func scaled(toExponent e: Int) -> Int64? {
        let (withMultiplier, o1) = mantissa.multipliedReportingOverflow(by: multiplier)
        if o1 { return nil }
        let shift = exponent - e
        if shift >= 0 {
            var v = withMultiplier
            for _ in 0..<shift {
                let (next, o) = v.multipliedReportingOverflow(by: 10)
                if o { return nil }
                v = next
            }
            return v
        }
        // Divide by 10^-shift, rounding up.
        if -shift > 18 { return withMultiplier > 0 ? 1 : 0 }
        var divisor: Int64 = 1
        for _ in 0..<(-shift) { divisor *= 10 }
        let q = withMultiplier / divisor, r = withMultiplier % divisor
        return r > 0 ? q + 1 : q
    }

    /// The value as the nearest `Double` (`0.1` → 0.1, `1Gi` → 1073741824).
    public var doubleValue: Double {
        let base = Double(mantissa) * Double(multiplier)
        if exponent == 0 { return base }
        if exponent < 0, exponent >= -22 { return base / Self.powersOfTen[-exponent] }
        if exponent > 0, exponent <= 22 { return base * Self.powersOfTen[exponent] }
        return exponent < 0 ? base / Self.power(-exponent) : base * Self.power(exponent)
    }

    private static let powersOfTen: [Double] = (0...22).map { power($0) }
    private static func power(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<n { p *= 10 }
        return p
    }

    /// The text as written.
    public var description: String { text }
}
