import HindsightTrace

/// Durations written as `200ms`, `30s`, `5m`, `1h`, `1d`, `1h30m`, `1.5s`, or `0`.
public enum DurationText {
    /// What `milliseconds` accepts, for messages.
    public static let expected = "a duration with a unit (ms, s, m, h, d), e.g. 200ms, 30s, 5m, 1h, 1h30m"

    /// The duration in milliseconds, or nil when the text is not a duration, is negative,
    /// is not a whole number of milliseconds, or overflows `Int64`.
    /// - Complexity: O(n).
    public static func milliseconds(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        if bytes == [UInt8(ascii: "0")] { return 0 }
        var i = 0
        var total: Int64 = 0
        var parts = 0
        while i < bytes.count {
            // A decimal number: digits as an integer and the count of fraction digits.
            var number: Int64 = 0
            var fraction = 0
            var digits = 0
            var seenPoint = false
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "."), !seenPoint { seenPoint = true; i += 1; continue }
                guard NumberText.isDigit(b) else { break }
                let (m, o1) = number.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(b - 0x30))
                if o1 || o2 { return nil }
                number = a
                digits += 1
                if seenPoint { fraction += 1 }
                i += 1
            }
            guard digits > 0 else { return nil }
            let unitStart = i
            while i < bytes.count, !NumberText.isDigit(bytes[i]), bytes[i] != UInt8(ascii: ".") { i += 1 }
            let unit: Int64
            switch String(decoding: bytes[unitStart..<i], as: UTF8.self) {
            case "ms": unit = 1
            case "s": unit = SimDuration.seconds(1).milliseconds
            case "m": unit = SimDuration.minutes(1).milliseconds
            case "h": unit = SimDuration.hours(1).milliseconds
            case "d": unit = SimDuration.days(1).milliseconds
            default: return nil
            }
            // number / 10^fraction × unit must be whole.
            let (scaled, o) = number.multipliedReportingOverflow(by: unit)
            if o || fraction > 18 { return nil }
            var divisor: Int64 = 1
            for _ in 0..<fraction { divisor *= 10 }
            guard scaled % divisor == 0 else { return nil }
            let (sum, o3) = total.addingReportingOverflow(scaled / divisor)
            if o3 { return nil }
            total = sum
            parts += 1
        }
        return parts > 0 ? total : nil
    }
}
