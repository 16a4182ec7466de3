/// One time cell of a trace CSV parsed on its own, as the CSV reader parses each row's
/// time (the forms are listed on `TimeCellParser`): for tools and the fuzz targets that
/// need the parser without a whole file.
public enum TimeCell {
    /// Milliseconds since the Unix epoch of `cell`, or nil when the bytes are none of the
    /// accepted forms or `timezone` is not a zone Foundation knows.
    /// - Parameter timezone: IANA zone for wall-clock times without an offset.
    /// - Complexity: O(cell.count).
    public static func milliseconds(_ cell: [UInt8], timezone: String = "UTC") -> Int64? {
        guard var zone = LocalTimeResolver(identifier: timezone) else { return nil }
        return cell.withUnsafeBufferPointer { bytes -> Int64? in
            guard let base = bytes.baseAddress else { return nil }
            return DecimalParser.powersOfTen.withUnsafeBufferPointer { powers -> Int64? in
                guard let pow10 = powers.baseAddress else { return nil }
                return TimeCellParser.parse(base, bytes.count, zone: &zone, pow10: pow10)
            }
        }
    }
}
