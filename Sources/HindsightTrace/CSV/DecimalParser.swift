#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses decimal numbers straight from bytes, with exactly the result `strtod` gives.
///
/// Accepted syntax: optional sign, digits with an optional `.` and fraction (at least one
/// digit in all), optional exponent `e`/`E` with optional sign. No spaces, no `inf`, no
/// `nan`, no hexadecimal. Common forms (at most 19 significant digits whose value fits in
/// 2^53, decimal exponent within ±22) take Clinger's fast path: one exact integer→Double
/// conversion and one correctly rounded multiply or divide by an exact power of ten. All
/// other valid inputs are handed to `strtod` on a NUL-terminated stack copy.
enum DecimalParser {
    /// Exact powers of ten 10^0 … 10^22 (all exactly representable in binary64).
    static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The value of the `count` bytes at `p`, or `nil` when they are not a decimal number.
    /// `pow10` must point at `powersOfTen`.
    /// - Complexity: O(count).
    @inline(__always)
    static func parse(_ p: UnsafePointer<UInt8>, _ count: Int, pow10: UnsafePointer<Double>) -> Double? {
        var i = 0
        var negative = false
        if count == 0 { return nil }
        let first = p[0]
        if first == 45 /* - */ { negative = true; i = 1 } else if first == 43 /* + */ { i = 1 }
        var m = Mantissa()
        m.fold(p, count, &i, fraction: false)
        if i < count && p[i] == 46 /* . */ {
            i += 1
            m.fold(p, count, &i, fraction: true)
        }
        if m.digits == 0 { return nil }
        let mantissa = m.value, dropped = m.dropped
        var exponent = m.exponent
        if i < count && (p[i] == 101 || p[i] == 69) /* e E */ {
            i += 1
            var expNegative = false
            if i < count && (p[i] == 45 || p[i] == 43) { expNegative = p[i] == 45; i += 1 }
            var e = 0
            var expDigits = 0
            while i < count {
                let d = p[i] &- 48
                if d > 9 { break }
                if e < 100_000 { e = e * 10 + Int(d) }
                expDigits += 1
                i += 1
            }
            if expDigits == 0 { return nil }
            exponent += expNegative ? -e : e
        }
        if i != count { return nil }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        if !dropped && mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
            var value = Double(mantissa)
            if exponent >= 0 { value *= pow10[exponent] } else { value /= pow10[-exponent] }
            return negative ? -value : value
        }
        return slowPath(p, count)
    }

    /// The significant digits of a number as read so far: at most 19 folded into `value`,
    /// with the power of ten that scales them.
    struct Mantissa {
        var value: UInt64 = 0
        /// Significant digits folded into `value`.
        var significant = 0
        /// More than 19 significant digits were written (the slow path decides).
        var dropped = false
        /// The value of the digits read is `value × 10^exponent` (dropped digits aside).
        var exponent = 0
        /// Digits read, zeros included.
        var digits = 0

        /// Reads the digits at `p[i..<count]` and moves `i` past them: an integer-part digit
        /// that does not fit raises the exponent; a fraction digit that fits, or a leading
        /// zero of the fraction, lowers it.
        /// - Complexity: O(digits).
        @inline(__always)
        mutating func fold(_ p: UnsafePointer<UInt8>, _ count: Int, _ i: inout Int, fraction: Bool) {
            while i < count {
                let d = p[i] &- 48
                if d > 9 { break }
                digits += 1
                if value != 0 || d != 0 {
                    if significant < 19 {
                        value = value &* 10 &+ UInt64(d); significant += 1
                        if fraction { exponent -= 1 }
                    } else {
                        dropped = true
                        if !fraction { exponent += 1 }
                    }
                } else if fraction {
                    exponent -= 1
                }
                i += 1
            }
        }
    }

    /// `strtod` on a NUL-terminated copy of already validated bytes.
    static func slowPath(_ p: UnsafePointer<UInt8>, _ count: Int) -> Double {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: count + 1) { buffer in
            for k in 0..<count { buffer[k] = CChar(bitPattern: p[k]) }
            buffer[count] = 0
            guard let base = buffer.baseAddress else { return .nan }
            return strtod(base, nil)
        }
    }

    /// Convenience for tests and cold paths: parses the bytes of `text`.
    static func parse(_ text: String) -> Double? {
        var bytes = Array(text.utf8)
        bytes.append(0)
        return powersOfTen.withUnsafeBufferPointer { pow10 in
            bytes.withUnsafeBufferPointer { b in
                guard let base = b.baseAddress, let table = pow10.baseAddress else { return nil }
                return parse(base, b.count - 1, pow10: table)
            }
        }
    }
}
