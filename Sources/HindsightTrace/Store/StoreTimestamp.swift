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
        CivilTime.rfc3339(ms: ms)
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
}
