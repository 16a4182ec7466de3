/// Reads trace CSV files (CLI.md, "Trace CSV") into a `RawTrace`.
///
/// A header row, then one row per sample. The time column holds unix seconds (integer or
/// decimal), RFC 3339 with `Z` or an offset, or `YYYY-MM-DD HH:MM:SS[.fraction]` read in
/// `timezone`. Lines may end in LF or CRLF, the last line may lack its newline, fields may be
/// quoted (RFC 4180), blank lines are skipped, empty cells (and `NaN`) are missing values
/// (`.nan`). Rows may come in any order; the result is sorted by time. Repeated timestamps
/// are an error naming both lines unless `duplicates` is `.last` (the later row in the file
/// wins) or `.mean` (per column, the mean of the non-missing values).
///
/// Local times that occur twice when clocks go back are read as their first occurrence;
/// local times skipped when clocks go forward are read with the offset before the jump.
///
/// ```swift
/// let raw = try TraceCSV.read(path: "checkout.csv", timeColumn: "timestamp",
///                             columns: ["rps", "cpu"], nonNegative: ["rps", "cpu"])
/// ```
public enum TraceCSV {
    /// Reads the CSV file at `path`.
    /// - Parameters:
    ///   - timeColumn: name of the time column (matched exactly, else ignoring case,
    ///     spaces and punctuation when that finds a single column).
    ///   - timezone: IANA zone for times without an offset.
    ///   - duplicates: what to do with repeated timestamps.
    ///   - columns: value columns to read, named as the caller will look them up; nil = every
    ///     column except the time column, named as in the header.
    ///   - nonNegative: columns in which a negative value is an error (load columns).
    /// - Returns: rows sorted by time, strictly ascending.
    /// - Throws: `TraceError` with file, line and column.
    /// - Complexity: O(n) bytes for sorted input; O(n log n) rows when rows need sorting.
    public static func read(path: String, timeColumn: String, timezone: String = "UTC",
                            duplicates: TraceSpec.Duplicates = .error, columns: [String]? = nil,
                            nonNegative: Set<String> = []) throws -> RawTrace {
        if let mapped = try MappedFile(path: path), mapped.endsWithNewline {
            return try withExtendedLifetime(mapped) {
                try parse(mapped.buffer, file: path, timeColumn: timeColumn, timezone: timezone,
                          duplicates: duplicates, columns: columns, nonNegative: nonNegative)
            }
        }
        var bytes = try FileBytes.read(path: path)
        return try read(ownedBytes: &bytes, file: path, timeColumn: timeColumn, timezone: timezone,
                        duplicates: duplicates, columns: columns, nonNegative: nonNegative)
    }

    /// Reads CSV text given as bytes; `file` names it in messages. Same rules as `read(path:…)`.
    public static func read(bytes: [UInt8], file: String, timeColumn: String, timezone: String = "UTC",
                            duplicates: TraceSpec.Duplicates = .error, columns: [String]? = nil,
                            nonNegative: Set<String> = []) throws -> RawTrace {
        var copy = bytes
        return try read(ownedBytes: &copy, file: file, timeColumn: timeColumn, timezone: timezone,
                        duplicates: duplicates, columns: columns, nonNegative: nonNegative)
    }

    /// The header names of the CSV file at `path` (unquoted, trimmed), reading only its start.
    /// - Throws: `TraceError` when the file cannot be read or is empty.
    public static func header(path: String) throws -> [String] {
        var bytes = try FileBytes.read(path: path, limit: 1 << 16)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let firstText = bytes.firstIndex { $0 != 10 && $0 != 13 } ?? bytes.count
        bytes.removeFirst(firstText)
        if let newline = bytes.firstIndex(of: 10) { bytes.removeSubrange((newline + 1)...) } else { bytes.append(10) }
        return try bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            var cursor = CSVCursor(base: base, count: buffer.count, file: path)
            var names: [String] = []
            while cursor.pos < cursor.count {
                let field = try cursor.nextField()
                names.append(cursor.text(of: field))
                if base[cursor.pos] != 44 { break }
                cursor.pos += 1
            }
            if names == [""] { throw TraceError(file: path, line: 1, column: 1, message: "the file is empty", expected: "a header row") }
            return names
        }
    }

    static func read(ownedBytes bytes: inout [UInt8], file: String, timeColumn: String, timezone: String,
                     duplicates: TraceSpec.Duplicates, columns: [String]?, nonNegative: Set<String>) throws -> RawTrace {
        if let last = bytes.last, last != 10 { bytes.append(10) }
        return try bytes.withUnsafeBufferPointer { buffer in
            try parse(buffer, file: file, timeColumn: timeColumn, timezone: timezone, duplicates: duplicates,
                      columns: columns, nonNegative: nonNegative)
        }
    }

    /// Scans a buffer that ends with a newline (or is empty), then orders its rows.
    static func parse(_ buffer: UnsafeBufferPointer<UInt8>, file: String, timeColumn: String, timezone: String,
                      duplicates: TraceSpec.Duplicates, columns: [String]?, nonNegative: Set<String>) throws -> RawTrace {
        let table = try CSVScanner.scan(buffer, file: file, timeColumn: timeColumn, timezone: timezone,
                                        columns: columns, nonNegative: nonNegative)
        return try RowOrder.arrange(table, bytes: buffer, file: file, duplicates: duplicates)
    }
}
