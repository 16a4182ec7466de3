import HindsightTrace
import Foundation

extension CronSchedule {
    /// The first firing strictly after `instant` (robfig/cron `Schedule.Next`), in the
    /// local time of `timeZone`; nil when none occurs within 5 years
    /// (e.g. `0 0 30 2 *`).
    ///
    /// Local times that do not exist (skipped by a daylight-saving jump) do not fire;
    /// an ambiguous local time fires once, at the instant Foundation's calendar picks.
    /// - Complexity: O(days scanned × matching hours·minutes of the first day); one
    ///   Calendar conversion per candidate, typically a handful.
    public func next(after instant: SimInstant, in timeZone: TimeZone) -> SimInstant? {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        let date = instant.date
        let c = cal.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        guard let y0 = c.year, let m0 = c.month, let d0 = c.day, let h0 = c.hour, let mi0 = c.minute else { return nil }
        // Start one day early so that a DST shift never hides a firing near `instant`.
        let firstDay = CivilTime.daysFromCivil(year: y0, month: m0, day: d0) - 1
        for dayNumber in firstDay...(firstDay + 5 * 366 + 2) {
            let (y, mo, d) = CivilTime.civilFromDays(dayNumber)
            let weekday = Int(((dayNumber % 7) + 11) % 7)   // 1970-01-01 (day 0) was a Thursday (4)
            guard matchesDay(month: mo, day: d, weekday: weekday) else { continue }
            for h in 0..<24 where hours & (1 << UInt64(h)) != 0 {
                if dayNumber == firstDay + 1 && h < h0 - 3 { continue }
                for mi in 0..<60 where minutes & (1 << UInt64(mi)) != 0 {
                    if dayNumber == firstDay + 1 && h == h0 && mi < mi0 { continue }
                    var dc = DateComponents()
                    dc.year = y; dc.month = mo; dc.day = d; dc.hour = h; dc.minute = mi; dc.second = 0
                    guard let fire = cal.date(from: dc) else { continue }
                    let back = cal.dateComponents([.year, .month, .day, .hour, .minute], from: fire)
                    guard back.year == y, back.month == mo, back.day == d, back.hour == h, back.minute == mi else { continue }
                    let t = SimInstant(rounding: fire)
                    if t > instant { return t }
                }
            }
        }
        return nil
    }
}
