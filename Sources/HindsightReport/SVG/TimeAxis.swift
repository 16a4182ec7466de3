import HindsightTrace

/// Round-number ticks for a UTC time axis: whole seconds, minutes, hours, days or weeks
/// (weeks start on Monday), chosen so that the range spans at most `maxTicks` intervals
/// (so at most `maxTicks + 1` ticks, both ends included).
public enum TimeAxis {
    /// Candidate tick spacings in ms, smallest first.
    static let spacings: [Int64] = {
        let s: Int64 = 1000, m = 60 * s, h = 60 * m, d = 24 * h
        return [s, 2 * s, 5 * s, 10 * s, 15 * s, 30 * s, m, 2 * m, 5 * m, 10 * m, 15 * m, 30 * m,
                h, 2 * h, 3 * h, 6 * h, 12 * h, d, 2 * d, 7 * d, 14 * d, 28 * d, 56 * d, 91 * d,
                182 * d, 364 * d]
    }()

    /// The spacing used for `[start, end)`: the smallest candidate giving at most `maxTicks` intervals.
    public static func spacing(start: Int64, end: Int64, maxTicks: Int) -> Int64 {
        let span = max(end &- start, 1)
        let limit = Int64(max(maxTicks, 1))
        for s in spacings where span / s <= limit { return s }
        let year = spacings[spacings.count - 1]
        let (spacing, overflow) = year.multipliedReportingOverflow(by: max(1, span / (year * limit) + 1))
        return overflow ? Int64.max / 4 : spacing
    }

    /// Ticks at multiples of the chosen spacing inside `[start, end]`, labelled in UTC:
    /// times of day (`06:00`, with seconds below one minute) with the date as a sublabel
    /// at the first tick of each day; or dates (`Nov 26`) with the year as a sublabel
    /// at the first tick of each year when the spacing is a day or more.
    /// - Complexity: O(ticks).
    public static func ticks(start: Int64, end: Int64, maxTicks: Int) -> [TimeTick] {
        guard end > start else { return [] }
        let step = spacing(start: start, end: end, maxTicks: maxTicks)
        let day = SimDuration.days(1).milliseconds
        // Weeks and longer align to Mondays (1970-01-05 was a Monday); shorter spacings to the epoch.
        let origin: Int64 = step >= 7 * day ? 4 * day : 0
        var t = floorDiv(start &- origin, step) &* step &+ origin
        if t < start { t = t &+ step }
        var ticks: [TimeTick] = []
        var previous: UTCTime? = nil
        while t <= end && ticks.count <= maxTicks + 1 {
            let u = UTCTime(ms: t)
            let date = "\(u.monthName) \(u.day)"
            if step >= day {
                let showYear = previous.map { $0.year != u.year } ?? true
                ticks.append(TimeTick(time: t, label: date, sublabel: showYear ? "\(u.yearText)" : nil))
            } else {
                var label = "\(UTCTime.pad2(u.hour)):\(UTCTime.pad2(u.minute))"
                if step < SimDuration.minutes(1).milliseconds { label += ":" + UTCTime.pad2(u.second) }
                let newDay = previous.map { $0.day != u.day || $0.month != u.month || $0.year != u.year } ?? true
                ticks.append(TimeTick(time: t, label: label, sublabel: newDay ? date : nil))
            }
            previous = u
            t = t &+ step
        }
        return ticks
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
