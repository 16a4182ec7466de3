import Foundation

/// Turns wall-clock times of an IANA time zone into UTC instants.
///
/// Rules (documented in the trace CSV section of the README / CLI.md):
/// - a local time that occurs twice (the hour repeated when clocks go back) is read as its
///   **first** occurrence, the one with the larger UTC offset;
/// - a local time that does not exist (skipped when clocks go forward) is read with the offset
///   in force before the change, so it lands after the jump (02:30 on a spring-forward night in
///   New York becomes 03:30 EDT), as `java.time` does.
///
/// Offsets are looked up with Foundation's `TimeZone` once per 15-minute bucket of local time
/// and cached; this assumes offset changes fall on quarter hours, which holds for every zone
/// since 1970.
struct LocalTimeResolver {
    let zone: TimeZone
    /// True for UTC and fixed zero-offset zones: no lookup at all.
    let isUTC: Bool
    private var cache: [Int64: Int64] = [:]
    private var lastBucket: Int64 = .min
    private var lastOffsetMs: Int64 = 0

    /// - Returns: `nil` when `identifier` is not a time zone Foundation knows.
    init?(identifier: String) {
        let upper = identifier.uppercased()
        if upper == "UTC" || upper == "Z" || upper == "ETC/UTC" || upper == "GMT" {
            zone = TimeZone(secondsFromGMT: 0) ?? TimeZone.current
            isUTC = true
            return
        }
        guard let tz = TimeZone(identifier: identifier) else { return nil }
        zone = tz
        isUTC = false
    }

    /// UTC ms of local wall-clock time `localMs` (ms since 1970-01-01T00:00 of local time).
    /// - Complexity: O(1) amortized (a cache hit for consecutive rows).
    @inline(__always)
    mutating func utc(fromLocal localMs: Int64) -> Int64 {
        if isUTC { return localMs }
        let bucket = localMs >= 0 ? localMs / 900_000 : (localMs - 899_999) / 900_000
        if bucket != lastBucket {
            lastOffsetMs = offset(bucket: bucket)
            lastBucket = bucket
        }
        return localMs - lastOffsetMs
    }

    private mutating func offset(bucket: Int64) -> Int64 {
        if let hit = cache[bucket] { return hit }
        let local = bucket * 900  // seconds
        func off(_ utcSeconds: Int64) -> Int64 {
            Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(utcSeconds))))
        }
        let before = off(local - 86_400)
        let after = off(local + 86_400)
        var chosen = before
        let beforeValid = off(local - before) == before
        let afterValid = off(local - after) == after
        switch (beforeValid, afterValid) {
        case (true, true): chosen = max(before, after)      // repeated hour: first occurrence
        case (true, false): chosen = before
        case (false, true): chosen = after
        case (false, false): chosen = before                // skipped hour: offset before the jump
        }
        let ms = chosen * 1000
        cache[bucket] = ms
        return ms
    }
}
