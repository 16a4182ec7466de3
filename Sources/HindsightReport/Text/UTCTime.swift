import HindsightTrace
/// A civil UTC date and time broken out of integer milliseconds since the Unix epoch,
/// with the text forms the reports use. Proleptic Gregorian calendar, no leap seconds,
/// no time-zone database: the same ms always give the same text.
public struct UTCTime: Sendable, Equatable {
    /// Proleptic Gregorian year (may be ≤ 0 far before the epoch).
    public var year: Int64
    /// 1...12
    public var month: Int
    /// 1...31
    public var day: Int
    /// 0...23
    public var hour: Int
    /// 0...59
    public var minute: Int
    /// 0...59 (no leap seconds)
    public var second: Int
    /// 0...999
    public var millisecond: Int

    /// Breaks `ms` (ms since 1970-01-01T00:00:00Z, may be negative) into UTC fields.
    /// - Complexity: O(1).
    public init(ms: Int64) {
        let c = CivilTime.components(ms: ms)
        year = Int64(c.year)
        month = c.month
        day = c.day
        hour = c.hour
        minute = c.minute
        second = c.second
        millisecond = c.milli
    }

    /// RFC 3339 in UTC: `2026-01-01T00:00:00Z`, with `.mmm` when the milliseconds are not 0.
    public static func rfc3339(ms: Int64) -> String {
        let t = UTCTime(ms: ms)
        var s = "\(t.yearText)-\(pad2(t.month))-\(pad2(t.day))T\(pad2(t.hour)):\(pad2(t.minute)):\(pad2(t.second))"
        if t.millisecond != 0 { s += "." + pad3(t.millisecond) }
        return s + "Z"
    }

    /// ``rfc3339(ms:)`` of an instant.
    public static func rfc3339(_ t: SimInstant) -> String { rfc3339(ms: t.unixMilliseconds) }

    /// ``display(ms:)`` of an instant.
    public static func display(_ t: SimInstant) -> String { display(ms: t.unixMilliseconds) }

    /// `2026-01-01 00:00` (seconds added when not 0): for headings and tables.
    public static func display(ms: Int64) -> String {
        let t = UTCTime(ms: ms)
        var s = "\(t.yearText)-\(pad2(t.month))-\(pad2(t.day)) \(pad2(t.hour)):\(pad2(t.minute))"
        if t.second != 0 || t.millisecond != 0 { s += ":" + pad2(t.second) }
        return s
    }

    /// Three-letter English month name (`Jan`…`Dec`).
    public var monthName: String {
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return names[max(0, min(11, month - 1))]
    }

    /// The year with at least four digits (negative years keep their sign).
    var yearText: String {
        year >= 0 && year < 1000 ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
    }

    static func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    static func pad3(_ v: Int) -> String { v < 10 ? "00\(v)" : v < 100 ? "0\(v)" : "\(v)" }
}
