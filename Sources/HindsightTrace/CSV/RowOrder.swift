/// Sorts scanned rows by time and resolves repeated timestamps (`duplicates` policy).
enum RowOrder {
    /// The table as a `RawTrace`: strictly ascending times.
    /// - Throws: `TraceError` naming both lines of a repeated timestamp under `.error`.
    /// - Complexity: O(n) when already strictly ascending, else O(n log n).
    static func arrange(_ table: CSVTable, bytes: UnsafeBufferPointer<UInt8>, file: String,
                        duplicates: TraceSpec.Duplicates) throws -> RawTrace {
        let n = table.times.count
        let k = table.selected.count
        var ascending = true
        table.times.withUnsafeBufferPointer { t in
            var i = 1
            while i < n { if t[i] <= t[i - 1] { ascending = false; break }; i += 1 }
        }
        if ascending {
            return RawTrace(times: table.times, columns: split(table.values, k: k, names: table.selected.map(\.name), n: n),
                            source: file)
        }
        // Stable order by (time, file position).
        let order = (0..<n).sorted { a, b in
            let ta = table.times[a], tb = table.times[b]
            return ta != tb ? ta < tb : a < b
        }
        var times: [Int64] = []
        var values: [Double] = []
        times.reserveCapacity(n)
        values.reserveCapacity(n * k)
        var g = 0
        while g < n {
            var h = g + 1
            while h < n && table.times[order[h]] == table.times[order[g]] { h += 1 }
            let first = order[g]
            if h - g == 1 {
                times.append(table.times[first])
                for c in 0..<k { values.append(table.values[first * k + c]) }
            } else {
                switch duplicates {
                case .error:
                    let second = order[g + 1]
                    let line1 = table.lines.line(ofRow: first), line2 = table.lines.line(ofRow: second)
                    throw TraceError(file: file, line: line2, column: timeColumn(bytes, line: line2, field: table.timeField),
                                     message: "timestamp \(CivilTime.rfc3339(ms: table.times[second])) repeats the one on line \(line1)",
                                     expected: "one row per timestamp, or duplicates: last (keep the later row) or mean")
                case .last:
                    let last = order[h - 1]
                    times.append(table.times[last])
                    for c in 0..<k { values.append(table.values[last * k + c]) }
                case .mean:
                    times.append(table.times[first])
                    for c in 0..<k {
                        var sum = 0.0, count = 0
                        for r in g..<h {
                            let v = table.values[order[r] * k + c]
                            if !v.isNaN { sum += v; count += 1 }
                        }
                        values.append(count > 0 ? sum / Double(count) : .nan)
                    }
                }
            }
            g = h
        }
        return RawTrace(times: times, columns: split(values, k: k, names: table.selected.map(\.name), n: times.count),
                        source: file)
    }

    /// Row-major values → one array per column.
    static func split(_ values: [Double], k: Int, names: [String], n: Int) -> [String: [Double]] {
        if k == 1, let name = names.first { return [name: values] }
        var columns: [String: [Double]] = [:]
        for (c, name) in names.enumerated() {
            var column = [Double](repeating: .nan, count: n)
            column.withUnsafeMutableBufferPointer { out in
                values.withUnsafeBufferPointer { v in
                    for r in 0..<n { out[r] = v[r * k + c] }
                }
            }
            columns[name] = column
        }
        return columns
    }

    /// 1-based character column of field `field` on line `line` (for messages only).
    static func timeColumn(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, field: Int) -> Int {
        var current = 1, p = 0
        while current < line && p < bytes.count {
            if bytes[p] == 10 { current += 1 }
            p += 1
        }
        var f = 0, chars = 1, quoted = false
        while p < bytes.count && f < field {
            let c = bytes[p]
            if c == 10 && !quoted { break }
            if c == 34 { quoted.toggle() } else if c == 44 && !quoted { f += 1 }
            if c & 0xC0 != 0x80 { chars += 1 }
            p += 1
        }
        return chars
    }
}
