/// Calendar arithmetic on the proleptic Gregorian calendar, in integers.
public enum CivilTime {
    /// Days since 1970-01-01 of the civil date `year-month-day`.
    ///
    /// Valid for any year representable here; `month` 1…12, `day` 1…31 (not checked).
    /// - Complexity: O(1).
    @inline(__always)
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400                                  // 0…399
        let shiftedMonth = month > 2 ? month - 3 : month + 9           // March = 0
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1         // 0…365
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Number of days in `month` of `year`.
    @inline(__always)
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The civil date and time of `ms` (ms since epoch, UTC; may be negative).
    /// - Complexity: O(1).
    public static func components(ms: Int64) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, milli: Int) {
        var days = Int(ms / 86_400_000)
        var rest = Int(ms % 86_400_000)
        if rest < 0 { rest += 86_400_000; days -= 1 }
        let (year, month, day) = civilFromDays(days)
        return (year, month, day, rest / 3_600_000, rest / 60_000 % 60, rest / 1000 % 60, rest % 1000)
    }

    /// The civil date of a day number (days since 1970-01-01; the inverse of
    /// ``daysFromCivil(year:month:day:)``, H. Hinnant's era-based method).
    /// - Complexity: O(1).
    public static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// RFC 3339 text of `ms` in UTC, e.g. `2026-01-01T00:00:00Z` (milliseconds only when non-zero).
    public static func rfc3339(ms: Int64) -> String {
        let c = components(ms: ms)
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        var text = "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))"
        if c.milli != 0 { text += ".\(pad(c.milli, 3))" }
        return text + "Z"
    }
}
