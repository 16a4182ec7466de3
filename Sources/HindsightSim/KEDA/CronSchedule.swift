/// A 5-field cron schedule as KEDA's cron scaler parses it (robfig/cron with
/// `Minute | Hour | Dom | Month | Dow`): `minute hour day-of-month month day-of-week`.
///
/// Each field accepts `*`, `?`, numbers, ranges `a-b`, lists `a,b,c` and steps `/s`
/// (`*/s`, `a-b/s`, and `a/s` meaning `a-max/s`); months also `JAN`–`DEC`, weekdays
/// `SUN`–`SAT` (0–6, Sunday = 0), case-insensitive. As in robfig/cron, when both
/// day-of-month and day-of-week are restricted (neither is a bare `*`/`?`), a day matches
/// if **either** matches; otherwise both must match.
public struct CronSchedule: Sendable, Equatable {
    /// Bit i set = minute i fires (0–59).
    public var minutes: UInt64
    /// Bit i set = hour i (0–23).
    public var hours: UInt64
    /// Bit i set = day of month i (1–31).
    public var daysOfMonth: UInt64
    /// Bit i set = month i (1–12).
    public var months: UInt64
    /// Bit i set = weekday i (0 = Sunday … 6).
    public var daysOfWeek: UInt64
    /// Day-of-month field was a bare `*` or `?`.
    public var domIsStar: Bool
    /// Day-of-week field was a bare `*` or `?`.
    public var dowIsStar: Bool

    /// Parses `expression`.
    /// - Throws: `CronScheduleError` for a wrong field count, an unknown name, a value
    ///   out of range, a reversed range or a zero step.
    public init(parsing expression: String) throws(CronScheduleError) {
        let fields = expression.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard fields.count == 5 else {
            throw CronScheduleError(expression: expression, problem: "\(fields.count) fields")
        }
        let monthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
        let dayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
        var names: [String: Int] = [:]
        for (i, n) in monthNames.enumerated() { names[n] = i + 1 }
        var dowNames: [String: Int] = [:]
        for (i, n) in dayNames.enumerated() { dowNames[n] = i }
        let m = try Self.field(fields[0], 0, 59, [:], expression)
        let h = try Self.field(fields[1], 0, 23, [:], expression)
        let dom = try Self.field(fields[2], 1, 31, [:], expression)
        let mon = try Self.field(fields[3], 1, 12, names, expression)
        let dow = try Self.field(fields[4], 0, 6, dowNames, expression)
        minutes = m.bits; hours = h.bits; daysOfMonth = dom.bits; months = mon.bits; daysOfWeek = dow.bits
        domIsStar = dom.star; dowIsStar = dow.star
    }

    /// True when the local civil day (month 1–12, day 1–31, weekday 0–6) fires.
    @inlinable
    public func matchesDay(month: Int, day: Int, weekday: Int) -> Bool {
        guard months & (1 << UInt64(month)) != 0 else { return false }
        let domMatch = daysOfMonth & (1 << UInt64(day)) != 0
        let dowMatch = daysOfWeek & (1 << UInt64(weekday)) != 0
        if domIsStar || dowIsStar { return domMatch && dowMatch }
        return domMatch || dowMatch
    }

    private static func field(_ text: String, _ lo: Int, _ hi: Int, _ names: [String: Int],
                              _ expr: String) throws(CronScheduleError) -> (bits: UInt64, star: Bool) {
        var bits: UInt64 = 0
        var star = false
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let r = try range(String(part), lo, hi, names, expr)
            bits |= r.bits
            star = star || r.star
        }
        return (bits, star)
    }

    private static func range(_ text: String, _ lo: Int, _ hi: Int, _ names: [String: Int],
                              _ expr: String) throws(CronScheduleError) -> (bits: UInt64, star: Bool) {
        let stepParts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard stepParts.count <= 2, let rangeText = stepParts.first else {
            throw CronScheduleError(expression: expr, problem: "too many slashes in \"\(text)\"")
        }
        var start: Int
        var end: Int
        var star = false
        let bounds = rangeText.split(separator: "-", omittingEmptySubsequences: false)
        if bounds.count == 1 && (bounds[0] == "*" || bounds[0] == "?") {
            start = lo; end = hi; star = true
        } else {
            guard bounds.count <= 2 else { throw CronScheduleError(expression: expr, problem: "bad range \"\(rangeText)\"") }
            start = try value(String(bounds[0]), names, expr)
            end = bounds.count == 2 ? try value(String(bounds[1]), names, expr) : start
        }
        var step = 1
        if stepParts.count == 2 {
            guard let s = Int(stepParts[1]), s > 0 else {
                throw CronScheduleError(expression: expr, problem: "step \"\(stepParts[1])\" is not a positive number")
            }
            step = s
            if bounds.count == 1 && !star { end = hi }   // "N/s" means N-max/s
            if step > 1 { star = false }
        }
        guard start >= lo else { throw CronScheduleError(expression: expr, problem: "\(start) below minimum \(lo)") }
        guard end <= hi else { throw CronScheduleError(expression: expr, problem: "\(end) above maximum \(hi)") }
        guard start <= end else { throw CronScheduleError(expression: expr, problem: "range \(start)-\(end) is reversed") }
        var bits: UInt64 = 0
        var i = start
        while i <= end { bits |= 1 << UInt64(i); i += step }
        return (bits, star)
    }

    private static func value(_ t: String, _ names: [String: Int], _ expr: String) throws(CronScheduleError) -> Int {
        if let n = names[t.uppercased()] { return n }
        guard let v = Int(t), v >= 0 else {
            throw CronScheduleError(expression: expr, problem: "\"\(t)\" is not a number or name")
        }
        return v
    }
}
