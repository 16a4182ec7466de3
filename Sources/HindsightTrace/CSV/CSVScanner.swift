/// The byte-level CSV scanner behind `TraceCSV`: one pass, no `String` per line, numbers
/// and times parsed in place.
enum CSVScanner {
    /// Scans `bytes` (which must end with `\n`).
    /// - Parameters:
    ///   - columns: names to read (nil = every column but the time column).
    ///   - nonNegative: names whose negative values are an error.
    /// - Throws: `TraceError` with line and column for anything unreadable.
    /// - Complexity: O(bytes).
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, file: String, timeColumn: String,
                     timezone: String, columns: [String]?, nonNegative: Set<String>) throws -> CSVTable {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            throw TraceError(file: file, line: 1, column: 1, message: "the file is empty",
                             expected: "a header row such as timestamp,rps and one row per sample")
        }
        guard var zone = LocalTimeResolver(identifier: timezone) else {
            throw TraceError(file: file, message: "\"\(timezone)\" is not a known time zone",
                             expected: "an IANA time zone name such as UTC, Europe/Berlin or America/New_York")
        }
        var cursor = CSVCursor(base: base, count: bytes.count, file: file)
        // A UTF-8 byte-order mark is not part of the first name.
        if bytes.count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF {
            cursor.pos = 3; cursor.lineStart = 3
        }
        while cursor.pos < cursor.count && cursor.atLineEnd { cursor.consumeLineEnd() }
        guard cursor.pos < cursor.count else {
            throw TraceError(file: file, line: 1, column: 1, message: "the file is empty",
                             expected: "a header row such as timestamp,rps and one row per sample")
        }
        let headerLine = cursor.line
        var header: [String] = []
        while true {
            let field = try cursor.nextField()
            header.append(cursor.text(of: field))
            if base[cursor.pos] == 44 { cursor.pos += 1; continue }
            cursor.consumeLineEnd()
            break
        }
        let layout = try ColumnSelection(header: header, file: file, line: headerLine,
                                         timeColumn: timeColumn, columns: columns, nonNegative: nonNegative)
        let fieldCount = header.count
        let k = layout.selected.count

        // Rows.
        var times: [Int64] = []
        var values: [Double] = []
        var lines = LineMap()
        let estimate = estimateRows(base: base, from: cursor.pos, count: bytes.count)
        times.reserveCapacity(estimate)
        values.reserveCapacity(estimate * k)
        var row = 0
        try DecimalParser.powersOfTen.withUnsafeBufferPointer { table in
            guard let pow10 = table.baseAddress else { return }
            try layout.roles.withUnsafeBufferPointer { roles in
                try layout.negativeForbidden.withUnsafeBufferPointer { forbid in
                    while cursor.pos < cursor.count {
                        if cursor.atLineEnd { cursor.consumeLineEnd(); continue }
                        lines.note(row: row, line: cursor.line)
                        var f = 0
                        var time: Int64 = 0
                        while true {
                            let field = try cursor.nextField()
                            guard f < fieldCount else {
                                throw cursor.error(at: field.start - (field.quoted ? 1 : 0), line: field.line,
                                                   lineStart: field.lineStart,
                                                   "the row has more than the \(fieldCount) fields of the header",
                                                   expected: "\(fieldCount) comma-separated fields per row")
                            }
                            let role = roles[f]
                            if role >= 0 {
                                var s = field.start, e = field.end
                                while s < e && (base[s] == 32 || base[s] == 9) { s += 1 }
                                while e > s && (base[e - 1] == 32 || base[e - 1] == 9) { e -= 1 }
                                var v = Double.nan
                                if s < e {
                                    if let parsed = DecimalParser.parse(base + s, e - s, pow10: pow10) {
                                        v = parsed
                                        if v < 0 && forbid[Int(role)] {
                                            throw cursor.error(at: s, line: field.line, lineStart: field.lineStart,
                                                               "\(cursor.text(of: field)) in column \"\(layout.selected[Int(role)].name)\" is negative",
                                                               expected: "a load of 0 or more")
                                        }
                                    } else if !isNaNWord(base + s, e - s) {
                                        throw cursor.error(at: s, line: field.line, lineStart: field.lineStart,
                                                           "\"\(cursor.text(of: field))\" in column \"\(layout.selected[Int(role)].name)\" is not a number",
                                                           expected: "a decimal number such as 12.5 or 1e3, or an empty cell for a missing value")
                                    }
                                }
                                values.append(v)
                            } else if role == ColumnSelection.timeRole {
                                var s = field.start, e = field.end
                                while s < e && (base[s] == 32 || base[s] == 9) { s += 1 }
                                while e > s && (base[e - 1] == 32 || base[e - 1] == 9) { e -= 1 }
                                guard s < e, let t = TimeCellParser.parse(base + s, e - s, zone: &zone, pow10: pow10) else {
                                    let what = s < e ? "\"\(cursor.text(of: field))\" is not a time" : "the time cell is empty"
                                    throw cursor.error(at: s, line: field.line, lineStart: field.lineStart,
                                                       "\(what) (column \"\(header[layout.timeField])\")",
                                                       expected: "unix seconds (1767225600 or 1767225600.5), RFC 3339 (2026-01-01T00:00:00Z) or YYYY-MM-DD HH:MM:SS")
                                }
                                time = t
                            }
                            if base[cursor.pos] == 44 { cursor.pos += 1; f += 1; continue }
                            guard f + 1 == fieldCount else {
                                throw cursor.error(at: cursor.pos, line: cursor.line, lineStart: cursor.lineStart,
                                                   "the row has \(f + 1) field\(f == 0 ? "" : "s"), the header has \(fieldCount)",
                                                   expected: "\(fieldCount) comma-separated fields per row")
                            }
                            cursor.consumeLineEnd()
                            break
                        }
                        times.append(time)
                        row += 1
                    }
                }
            }
        }
        guard row > 0 else {
            throw TraceError(file: file, line: headerLine + 1, column: 1, message: "the file has a header but no data rows",
                             expected: "one row per sample after the header")
        }
        return CSVTable(header: header, timeField: layout.timeField, selected: layout.selected,
                        times: times, values: values, lines: lines)
    }

    /// `nan` in any case: a missing value as pandas and Prometheus write it.
    @inline(__always)
    static func isNaNWord(_ p: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        count == 3 && (p[0] | 0x20) == 110 && (p[1] | 0x20) == 97 && (p[2] | 0x20) == 110
    }

    /// Rows to reserve: bytes left ÷ length of the first data line (+ slack), capped.
    static func estimateRows(base: UnsafePointer<UInt8>, from: Int, count: Int) -> Int {
        var p = from
        while p < count && base[p] != 10 { p += 1 }
        let lineLength = max(p - from + 1, 2)
        return min((count - from) / lineLength + 16, 200_000_000)
    }
}
