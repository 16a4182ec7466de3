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
            throw TraceError(file: file, message: "\(Excerpt.quoted(timezone)) is not a known time zone",
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

        // Rows. Hot state lives in locals and raw pointers (no closures in the loop).
        var times: [Int64] = []
        var values: [Double] = []
        var lines = LineMap()
        let estimate = estimateRows(base: base, from: cursor.pos, count: bytes.count)
        times.reserveCapacity(estimate)
        values.reserveCapacity(estimate * k)
        let pow10 = UnsafeMutablePointer<Double>.allocate(capacity: DecimalParser.powersOfTen.count)
        pow10.initialize(from: DecimalParser.powersOfTen, count: DecimalParser.powersOfTen.count)
        let roles = UnsafeMutablePointer<Int32>.allocate(capacity: fieldCount)
        roles.initialize(from: layout.roles, count: fieldCount)
        let forbid = UnsafeMutablePointer<Bool>.allocate(capacity: max(k, 1))
        forbid.initialize(repeating: false, count: max(k, 1))
        for (i, flag) in layout.negativeForbidden.enumerated() { forbid[i] = flag }
        defer { pow10.deallocate(); roles.deallocate(); forbid.deallocate() }
        var row = 0
        var expectedLine = -1
        while cursor.pos < cursor.count {
            if cursor.atLineEnd { cursor.consumeLineEnd(); continue }
            if cursor.line != expectedLine { lines.note(row: row, line: cursor.line) }
            var f = 0
            var time: Int64 = 0
            while true {
                guard f < fieldCount else {
                    let field = try cursor.nextField()
                    throw cursor.error(at: field.start - (field.quoted ? 1 : 0), line: field.line,
                                       lineStart: field.lineStart,
                                       "the row has more than the \(fieldCount) fields of the header",
                                       expected: "\(fieldCount) comma-separated fields per row")
                }
                let role = roles[f]
                if role >= 0 {
                    if let v = fastNumber(base, &cursor.pos, allowNegative: !forbid[Int(role)], pow10: pow10) {
                        values.append(v)
                    } else {
                        values.append(try slowValue(&cursor, layout: layout, role: Int(role), forbid: forbid[Int(role)], pow10: pow10))
                    }
                } else if role == ColumnSelection.timeRole {
                    if let t = fastSeconds(base, &cursor.pos) {
                        time = t
                    } else {
                        time = try slowTime(&cursor, header: header, layout: layout, zone: &zone, pow10: pow10)
                    }
                } else {
                    _ = try cursor.nextField()
                }
                if base[cursor.pos] == 44 { cursor.pos &+= 1; f &+= 1; continue }
                guard f + 1 == fieldCount else {
                    throw cursor.error(at: cursor.pos, line: cursor.line, lineStart: cursor.lineStart,
                                       "the row has \(f + 1) field\(f == 0 ? "" : "s"), the header has \(fieldCount)",
                                       expected: "\(fieldCount) comma-separated fields per row")
                }
                cursor.consumeLineEnd()
                break
            }
            expectedLine = cursor.line
            times.append(time)
            row &+= 1
        }
        guard row > 0 else {
            throw TraceError(file: file, line: headerLine + 1, column: 1, message: "the file has a header but no data rows",
                             expected: "one row per sample after the header")
        }
        return CSVTable(header: header, timeField: layout.timeField, selected: layout.selected,
                        times: times, values: values, lines: lines)
    }

    /// The common number form `-?digits[.digits]` with at most 15 digits, ending at a
    /// delimiter: exact with one division (Clinger). Leaves `pos` on the delimiter; `nil`
    /// (and `pos` untouched) for anything else, and for a negative value when not allowed.
    @inline(__always)
    static func fastNumber(_ base: UnsafePointer<UInt8>, _ pos: inout Int, allowNegative: Bool,
                           pow10: UnsafePointer<Double>) -> Double? {
        var p = pos
        var negative = false
        if base[p] == 45 {
            guard allowNegative else { return nil }
            negative = true; p += 1
        }
        let digitsStart = p
        var m: UInt64 = 0
        foldDigits(base, &p, into: &m)
        var digits = p - digitsStart
        var fraction = 0
        if base[p] == 46 {
            p += 1
            let fractionStart = p
            foldDigits(base, &p, into: &m)
            fraction = p - fractionStart
            digits += fraction
        }
        let c = base[p]
        guard c == 44 || c == 10 || c == 13, digits > 0, digits <= 15 else { return nil }
        pos = p
        var v = Double(m)
        if fraction > 0 { v /= pow10[fraction] }
        return negative ? -v : v
    }

    /// Folds the decimal digits at `base[p...]` into `value` (value × 10 + digit each, wrapping)
    /// and moves `p` to the first byte that is not a digit. Callers bound the digit count.
    /// - Complexity: O(digits).
    @inline(__always)
    static func foldDigits<T: FixedWidthInteger>(_ base: UnsafePointer<UInt8>, _ p: inout Int, into value: inout T) {
        while true {
            let d = base[p] &- 48
            if d > 9 { break }
            value = value &* 10 &+ T(truncatingIfNeeded: d); p &+= 1
        }
    }

    /// Whole unix seconds (at most 12 digits) ending at a delimiter → ms; else `nil`.
    @inline(__always)
    static func fastSeconds(_ base: UnsafePointer<UInt8>, _ pos: inout Int) -> Int64? {
        var p = pos
        var s: Int64 = 0
        foldDigits(base, &p, into: &s)
        let c = base[p]
        guard c == 44 || c == 10 || c == 13, p > pos, p - pos <= 12 else { return nil }
        pos = p
        return s * 1000
    }

    /// A value cell in full generality (quotes, spaces, exponents, `NaN`, errors).
    static func slowValue(_ cursor: inout CSVCursor, layout: ColumnSelection, role: Int, forbid: Bool,
                          pow10: UnsafePointer<Double>) throws -> Double {
        let base = cursor.base
        let field = try cursor.nextField()
        var s = field.start, e = field.end
        while s < e && (base[s] == 32 || base[s] == 9) { s += 1 }
        while e > s && (base[e - 1] == 32 || base[e - 1] == 9) { e -= 1 }
        guard s < e else { return .nan }
        if let v = DecimalParser.parse(base + s, e - s, pow10: pow10) {
            if v < 0 && forbid {
                throw cursor.error(at: s, line: field.line, lineStart: field.lineStart,
                                   "\(Excerpt.of(cursor.text(of: field))) in column \"\(layout.selected[role].name)\" is negative",
                                   expected: "a load of 0 or more")
            }
            return v
        }
        if isNaNWord(base + s, e - s) { return .nan }
        throw cursor.error(at: s, line: field.line, lineStart: field.lineStart,
                           "\(Excerpt.quoted(cursor.text(of: field))) in column \"\(layout.selected[role].name)\" is not a number",
                           expected: "a decimal number such as 12.5 or 1e3, or an empty cell for a missing value")
    }

    /// A time cell in full generality.
    static func slowTime(_ cursor: inout CSVCursor, header: [String], layout: ColumnSelection,
                         zone: inout LocalTimeResolver, pow10: UnsafePointer<Double>) throws -> Int64 {
        let base = cursor.base
        let field = try cursor.nextField()
        var s = field.start, e = field.end
        while s < e && (base[s] == 32 || base[s] == 9) { s += 1 }
        while e > s && (base[e - 1] == 32 || base[e - 1] == 9) { e -= 1 }
        if s < e, let t = TimeCellParser.parse(base + s, e - s, zone: &zone, pow10: pow10) { return t }
        let what = s < e ? "\(Excerpt.quoted(cursor.text(of: field))) is not a time" : "the time cell is empty"
        throw cursor.error(at: s, line: field.line, lineStart: field.lineStart,
                           "\(what) (column \(Excerpt.quoted(header[layout.timeField])))",
                           expected: "unix seconds (1767225600 or 1767225600.5), RFC 3339 (2026-01-01T00:00:00Z) or YYYY-MM-DD HH:MM:SS")
    }

    /// `nan` in any case: a missing value as pandas and Prometheus write it.
    @inline(__always)
    static func isNaNWord(_ p: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        count == 3 && (p[0] | 0x20) == 110 && (p[1] | 0x20) == 97 && (p[2] | 0x20) == 110
    }

    /// Rows to reserve for the bytes left (generous: unused capacity is never touched), capped.
    static func estimateRows(base: UnsafePointer<UInt8>, from: Int, count: Int) -> Int {
        // Average length of the first 64 lines, less a quarter for shorter lines later.
        var p = from, lines = 0
        while p < count && lines < 64 {
            if base[p] == 10 { lines += 1 }
            p += 1
        }
        let average = max(Double(p - from) / Double(max(lines, 1)), 2)
        return min(Int(Double(count - from) / (average * 0.75)) + 16, 200_000_000)
    }
}
