/// RFC 3339 UTC text for instants in integer milliseconds, as the store and `hindsight
/// datasets` print them.
public enum StoreTimestamp {
    /// `YYYY-MM-DDTHH:MM:SSZ`, with `.mmm` before the `Z` when `ms` is not a whole second.
    ///
    /// Proleptic Gregorian calendar, no leap seconds; instants before 1970 work (floor
    /// division). Years outside 0…9999 print with as many digits as they need.
    /// - Parameter ms: ms since the Unix epoch.
    /// - Complexity: O(1).
    public static func format(_ ms: Int64) -> String {
        let dayMs: Int64 = 86_400_000
        var days = ms / dayMs
        var rest = ms % dayMs
        if rest < 0 { rest += dayMs; days -= 1 }
        // Days → civil date (H. Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        let seconds = rest / 1_000
        let millis = rest % 1_000
        var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T"
        text += "\(pad(seconds / 3_600, 2)):\(pad(seconds / 60 % 60, 2)):\(pad(seconds % 60, 2))"
        if millis != 0 { text += ".\(pad(millis, 3))" }
        return text + "Z"
    }

    /// A duration in ms as the shortest exact text: `15s`, `1m`, `1h30m`, `250ms`, `1d`.
    /// - Complexity: O(1).
    public static func duration(_ ms: Int64) -> String {
        if ms == 0 { return "0s" }
        var rest = ms.magnitude
        var text = ms < 0 ? "-" : ""
        for (unit, size) in [("d", UInt64(86_400_000)), ("h", 3_600_000), ("m", 60_000), ("s", 1_000), ("ms", 1)] {
            let count = rest / size
            if count > 0 { text += "\(count)\(unit)"; rest -= count * size }
        }
        return text
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
