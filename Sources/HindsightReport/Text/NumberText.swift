import HindsightTrace
/// Number formatting for machine-readable files (JSON, CSV): deterministic, locale-free,
/// shortest round-trip.
///
/// One rule everywhere: a finite `Double` that is a whole number with magnitude below
/// 10^16 is written as an integer (`12`, never `12.0`); any other finite value is
/// written as Swift's shortest round-trip representation (`0.1`, `1e-05`, `1.5e+20`);
/// NaN and ±∞ are "no value" (empty in CSV, `null` in JSON), never `nan`/`inf`.
/// `-0.0` is written as `0`.
public enum NumberText {
    /// Whole numbers below this magnitude print as integers; from it on Swift's description
    /// uses the exponent form (`1e+16`), so `.0` never appears.
    @usableFromInline static let integerLimit: Double = 1e16

    /// The text of `x`, or nil when `x` is NaN or infinite.
    ///
    /// ```swift
    /// NumberText.plain(12.0)   // "12"
    /// NumberText.plain(0.25)   // "0.25"
    /// NumberText.plain(.nan)   // nil
    /// ```
    public static func plain(_ x: Double) -> String? {
        guard x.isFinite else { return nil }
        if x.rounded(.towardZero) == x && abs(x) < integerLimit {
            return String(Int64(x))
        }
        return x.description
    }

    /// The JSON text of `x`: `null` for NaN/∞, else `plain(x)`.
    public static func json(_ x: Double?) -> String {
        guard let x, let text = plain(x) else { return "null" }
        return text
    }

    /// Appends `plain(x)` (nothing for NaN/∞) as ASCII to `bytes`.
    ///
    /// Whole numbers take an allocation-free integer path; other values go through
    /// the standard library's shortest round-trip printer into a small-string buffer.
    /// - Complexity: O(1).
    @inlinable
    public static func append(_ x: Double, to bytes: inout [UInt8]) {
        guard x.isFinite else { return }
        if x.rounded(.towardZero) == x && abs(x) < integerLimit {
            append(Int64(x), to: &bytes)
            return
        }
        var sink = ByteSink(bytes: bytes)
        bytes = []
        x.write(to: &sink)
        bytes = sink.bytes
    }

    /// Appends the decimal digits of `v` (with a leading `-` when negative) to `bytes`.
    /// - Complexity: O(digits).
    @inlinable
    public static func append(_ v: Int64, to bytes: inout [UInt8]) {
        if v == 0 { bytes.append(0x30); return }
        var magnitude = v.magnitude
        if v < 0 { bytes.append(0x2D) }
        // 20 digits hold any UInt64.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            while magnitude > 0 {
                raw[count] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
                magnitude /= 10
                count += 1
            }
            var i = count - 1
            while i >= 0 { bytes.append(raw[i]); i -= 1 }
        }
    }

    /// Appends a time in ms since the epoch as unix seconds: an integer when whole
    /// (`1767225600`), else with the needed decimals (`1767225600.5`, `-0.25`).
    /// Exact: integer arithmetic only.
    /// - Complexity: O(digits).
    @inlinable
    public static func appendUnixSeconds(ms: Int64, to bytes: inout [UInt8]) {
        var seconds = ms / 1000
        var fraction = ms % 1000
        if fraction != 0 && ms < 0 {
            // Write as -(|s|).(|f|): e.g. -1500 ms → "-1.5", -250 ms → "-0.25".
            bytes.append(0x2D)
            seconds = -seconds
            fraction = -fraction
        }
        append(seconds, to: &bytes)
        if fraction == 0 { return }
        bytes.append(0x2E)
        var divisor: Int64 = 100
        while fraction > 0 {
            bytes.append(UInt8(truncatingIfNeeded: fraction / divisor) &+ 0x30)
            fraction %= divisor
            divisor /= 10
        }
    }

    /// ``appendUnixSeconds(ms:to:)`` of an instant.
    @inlinable
    public static func appendUnixSeconds(_ t: SimInstant, to bytes: inout [UInt8]) {
        appendUnixSeconds(ms: t.unixMilliseconds, to: &bytes)
    }

    /// `appendUnixSeconds` as a String.
    public static func unixSeconds(ms: Int64) -> String {
        var bytes: [UInt8] = []
        appendUnixSeconds(ms: ms, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
