/// The digits of an unsigned decimal without exponent (`12`, `1.50`, `.5`, `5.`), as one
/// integer and the count of digits after the point; shared by the quantity and duration
/// parsers.
struct DecimalDigits: Equatable {
    /// All digits as one integer, the point ignored (`1.50` → 150).
    var value: Int64
    /// Digits after the point (`1.50` → 2).
    var fraction: Int
    /// Digits read; 0 when there were none (the text at `i` is not a number).
    var count: Int
    /// Digits from the first non-zero one on (`0.0120` → 3).
    var significant: Int

    /// Reads the longest run of digits with at most one point at `bytes[i...]` and moves `i`
    /// past it.
    /// - Returns: nil when the digits as one integer overflow `Int64`.
    /// - Complexity: O(digits read).
    static func scan(_ bytes: [UInt8], _ i: inout Int) -> DecimalDigits? {
        var d = DecimalDigits(value: 0, fraction: 0, count: 0, significant: 0)
        var seenPoint = false
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "."), !seenPoint { seenPoint = true; i += 1; continue }
            guard NumberText.isDigit(b) else { break }
            let digit = Int64(b - 0x30)
            let (m, o1) = d.value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(digit)
            if o1 || o2 { return nil }
            d.value = a
            d.count += 1
            if d.significant > 0 || digit != 0 { d.significant += 1 }
            if seenPoint { d.fraction += 1 }
            i += 1
        }
        return d
    }
}
