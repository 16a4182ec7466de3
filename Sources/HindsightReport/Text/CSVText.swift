/// RFC 4180 cell quoting.
public enum CSVText {
    /// `field` as a CSV cell: unchanged unless it contains a comma, a double quote, CR
    /// or LF (or starts/ends with a space), in which case it is wrapped in double
    /// quotes with inner quotes doubled.
    public static func quoted(_ field: String) -> String {
        guard needsQuotes(field) else { return field }
        var bytes: [UInt8] = []
        append(field, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `quoted(field)` as UTF-8 to `bytes`.
    /// - Complexity: O(field length).
    public static func append(_ field: String, to bytes: inout [UInt8]) {
        guard needsQuotes(field) else { bytes.append(contentsOf: field.utf8); return }
        bytes.append(0x22)
        for b in field.utf8 {
            if b == 0x22 { bytes.append(0x22) }
            bytes.append(b)
        }
        bytes.append(0x22)
    }

    static func needsQuotes(_ field: String) -> Bool {
        if field.utf8.first == 0x20 || field.utf8.last == 0x20 { return true }
        return field.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    }
}
