import Foundation

/// Times as the scenario writes them: unix seconds, RFC 3339 (`2026-01-05T00:00:00Z`,
/// `…+01:00`, fractions), or `YYYY-MM-DD HH:MM:SS[.fraction]` / `YYYY-MM-DD` read in a time zone.
public enum TimestampText {
    /// What `milliseconds` accepts, for messages.
    public static let expected = "a time: unix seconds, RFC 3339 such as 2026-01-05T00:00:00Z, or YYYY-MM-DD HH:MM:SS"

    /// Milliseconds since 1970-01-01T00:00:00Z, or nil when the text is not a time.
    /// Fractions finer than a millisecond are truncated.
    /// - Parameter zone: the zone of times written without an offset.
    public static func milliseconds(_ text: String, zone: TimeZone) -> Int64? {
        if let seconds = NumberText.double(text) {
            let ms = (seconds * 1000).rounded(.down)
            guard abs(ms) < 9e15 else { return nil }
            return Int64(ms)
        }
        let b = Array(text.utf8)
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var v = 0
            for i in from..<(from + count) {
                guard NumberText.isDigit(b[i]) else { return nil }
                v = v * 10 + Int(b[i] - 0x30)
            }
            return v
        }
        guard b.count >= 10, let year = digits(0, 4), b[4] == UInt8(ascii: "-"), let month = digits(5, 2),
              b[7] == UInt8(ascii: "-"), let day = digits(8, 2), (1...12).contains(month), (1...31).contains(day) else { return nil }
        var hour = 0, minute = 0, second = 0, millis = 0
        var i = 10
        if i < b.count {
            guard b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: "t") || b[i] == UInt8(ascii: " "),
                  let h = digits(i + 1, 2), i + 3 < b.count, b[i + 3] == UInt8(ascii: ":"), let m = digits(i + 4, 2),
                  i + 6 < b.count, b[i + 6] == UInt8(ascii: ":"), let s = digits(i + 7, 2),
                  h < 24, m < 60, s < 61 else { return nil }
            hour = h; minute = m; second = s
            i += 9
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                var scale = 100
                let start = i
                while i < b.count, NumberText.isDigit(b[i]) {
                    millis += Int(b[i] - 0x30) * scale
                    scale /= 10
                    i += 1
                }
                guard i > start else { return nil }
            }
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        let local = Int64(days) * 86_400_000 + Int64(hour * 3_600_000 + minute * 60_000 + second * 1000 + millis)
        if i == b.count {
            // No offset: read in `zone`.
            let guess = Date(timeIntervalSince1970: Double(local) / 1000)
            let offset = zone.secondsFromGMT(for: guess.addingTimeInterval(-Double(zone.secondsFromGMT(for: guess))))
            return local - Int64(offset) * 1000
        }
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
            return i + 1 == b.count ? local : nil
        }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-"), let oh = digits(i + 1, 2), i + 3 < b.count,
              b[i + 3] == UInt8(ascii: ":"), let om = digits(i + 4, 2), i + 6 == b.count else { return nil }
        let offset = Int64(oh * 3600 + om * 60) * 1000
        return b[i] == UInt8(ascii: "+") ? local - offset : local + offset
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
