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
            guard let digits = DecimalDigits.scan(bytes, &i), digits.count > 0 else { return nil }
            let (number, fraction) = (digits.value, digits.fraction)
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
