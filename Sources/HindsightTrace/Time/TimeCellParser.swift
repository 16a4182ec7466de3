/// Parses a time cell into milliseconds since the Unix epoch.
///
/// Three forms are accepted (CLI.md, "Trace CSV"):
/// - unix seconds, integer or decimal (`1767225600`, `1767225600.25`, `1.7672256e9`),
///   rounded to the nearest millisecond (halves away from zero);
/// - RFC 3339 with `Z` or an offset (`2026-01-01T00:00:00Z`, `…T01:00:00.5+01:00`); a space
///   may stand for the `T` (`2022-01-01 00:00:00+00:00`, as EIA exports write it);
/// - `YYYY-MM-DD HH:MM[:SS[.fraction]]` (or with `T`, or a bare date) without an offset, read
///   as wall-clock time in the resolver's zone.
enum TimeCellParser {
    /// Milliseconds since the epoch, or `nil` when the bytes are none of the accepted forms.
    /// - Complexity: O(count).
    @inline(__always)
    static func parse(_ p: UnsafePointer<UInt8>, _ count: Int, zone: inout LocalTimeResolver,
                      pow10: UnsafePointer<Double>) -> Int64? {
        if count >= 10 && p[4] == 45 /* - */ && p[7] == 45 {
            return parseDate(p, count, zone: &zone)
        }
        return parseUnix(p, count, pow10: pow10)
    }

    /// Unix seconds → ms.
    @inline(__always)
    static func parseUnix(_ p: UnsafePointer<UInt8>, _ count: Int, pow10: UnsafePointer<Double>) -> Int64? {
        var i = 0
        var negative = false
        if count > 0 && (p[0] == 45 || p[0] == 43) { negative = p[0] == 45; i = 1 }
        var seconds: Int64 = 0
        var digits = 0
        while i < count {
            let d = p[i] &- 48
            if d > 9 { break }
            seconds = seconds &* 10 &+ Int64(d)
            digits += 1
            i += 1
            if digits > 12 { return viaDouble(p, count, pow10: pow10) }
        }
        var millis: Int64 = 0
        var fractionDigits = 0
        if i < count && p[i] == 46 /* . */ {
            i += 1
            var roundUp = false
            while i < count {
                let d = p[i] &- 48
                if d > 9 { break }
                if fractionDigits < 3 {
                    millis = millis * 10 + Int64(d)
                } else if fractionDigits == 3 {
                    roundUp = d >= 5
                }
                fractionDigits += 1
                i += 1
            }
            var scale = fractionDigits
            while scale < 3 { millis *= 10; scale += 1 }
            if roundUp { millis += 1 }
        }
        if digits + fractionDigits == 0 { return nil }
        if i != count {
            if p[i] == 101 || p[i] == 69 { return viaDouble(p, count, pow10: pow10) }
            return nil
        }
        let magnitude = seconds * 1000 + millis
        return negative ? -magnitude : magnitude
    }

    /// Rare forms (exponent, very long): through the exact decimal parser, then round.
    static func viaDouble(_ p: UnsafePointer<UInt8>, _ count: Int, pow10: UnsafePointer<Double>) -> Int64? {
        guard let seconds = DecimalParser.parse(p, count, pow10: pow10) else { return nil }
        let ms = (seconds * 1000).rounded(.toNearestOrAwayFromZero)
        guard ms.isFinite, abs(ms) < 1e17 else { return nil }
        return Int64(ms)
    }

    @inline(__always)
    private static func number(_ p: UnsafePointer<UInt8>, _ at: Int, _ width: Int) -> Int? {
        var v = 0
        for k in at..<(at + width) {
            let d = p[k] &- 48
            if d > 9 { return nil }
            v = v * 10 + Int(d)
        }
        return v
    }

    /// Calendar forms → ms (UTC).
    static func parseDate(_ p: UnsafePointer<UInt8>, _ count: Int, zone: inout LocalTimeResolver) -> Int64? {
        guard let year = number(p, 0, 4), let month = number(p, 5, 2), let day = number(p, 8, 2),
              month >= 1, month <= 12, day >= 1, day <= CivilTime.daysInMonth(year: year, month: month)
        else { return nil }
        var hour = 0, minute = 0, second = 0
        var millis: Int64 = 0
        var i = 10
        if i < count {
            let sep = p[i]
            guard sep == 84 || sep == 116 || sep == 32 /* T t space */, count >= i + 6 else { return nil }
            guard let h = number(p, i + 1, 2), p[i + 3] == 58, let m = number(p, i + 4, 2) else { return nil }
            hour = h; minute = m
            i += 6
            if i < count && p[i] == 58 /* : */ {
                guard count >= i + 3, let s = number(p, i + 1, 2) else { return nil }
                second = s
                i += 3
                if i < count && (p[i] == 46 || p[i] == 44) /* . , */ {
                    i += 1
                    var fractionDigits = 0
                    var roundUp = false
                    while i < count {
                        let d = p[i] &- 48
                        if d > 9 { break }
                        if fractionDigits < 3 { millis = millis * 10 + Int64(d) } else if fractionDigits == 3 { roundUp = d >= 5 }
                        fractionDigits += 1
                        i += 1
                    }
                    if fractionDigits == 0 { return nil }
                    var scale = fractionDigits
                    while scale < 3 { millis *= 10; scale += 1 }
                    if roundUp { millis += 1 }
                }
            }
            guard hour <= 23, minute <= 59, second <= 59 else { return nil }
        }
        let days = Int64(CivilTime.daysFromCivil(year: year, month: month, day: day))
        let local = ((days * 24 + Int64(hour)) * 60 + Int64(minute)) * 60_000 + Int64(second) * 1000 + millis
        if i == count { return zone.utc(fromLocal: local) }
        // An offset: Z, ±HH, ±HH:MM or ±HHMM.
        let c = p[i]
        if c == 90 || c == 122 /* Z z */ { return i + 1 == count ? local : nil }
        guard c == 43 || c == 45 else { return nil }
        let sign: Int64 = c == 45 ? -1 : 1
        i += 1
        guard count >= i + 2, let oh = number(p, i, 2) else { return nil }
        i += 2
        var om = 0
        if i < count {
            if p[i] == 58 { i += 1 }
            guard count == i + 2, let m = number(p, i, 2) else { return nil }
            om = m
            i += 2
        }
        guard i == count, oh <= 23, om <= 59 else { return nil }
        return local - sign * Int64(oh * 3600 + om * 60) * 1000
    }
}
