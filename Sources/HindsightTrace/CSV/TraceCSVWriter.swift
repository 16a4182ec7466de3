#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a `RawTrace` as a trace CSV that `TraceCSV` reads back unchanged.
///
/// The first column is `timestamp` in unix seconds (an integer, or with up to three decimals
/// for sub-second times); the value columns follow in the order given. Integral values are
/// written without a decimal point, others in Swift's shortest round-trip form, missing
/// values (`.nan`) as empty cells; names containing `,`, `"` or a line break are quoted.
///
/// ```swift
/// var raw = SyntheticLoad.generate(pattern: .diurnal, days: 1, step: 15_000, seed: 1)
/// raw.columns["latency_p99_ms"] = latency
/// try TraceCSVWriter.write(raw, columns: ["rps", "cpu", "replicas", "latency_p99_ms"], to: "demo.csv")
/// ```
public enum TraceCSVWriter {
    /// The CSV text of `raw`, as bytes.
    /// - Parameters:
    ///   - columns: value columns in output order (nil = every column, sorted by name).
    ///   - timeColumn: header of the time column.
    /// - Precondition: every named column exists in `raw`.
    /// - Complexity: O(rows × columns).
    public static func render(_ raw: RawTrace, columns: [String]? = nil, timeColumn: String = "timestamp") -> [UInt8] {
        let names = columns ?? raw.columnNames
        let data: [[Double]] = names.map { name in
            guard let values = raw.columns[name] else {
                preconditionFailure("TraceCSVWriter: no column \(name) in \(raw.columnNames)")
            }
            return values
        }
        var out: [UInt8] = []
        out.reserveCapacity(raw.times.count * (12 + 10 * names.count) + 64)
        out.append(contentsOf: ([timeColumn] + names).map(quoted).joined(separator: ",").utf8)
        out.append(10)
        for (row, t) in raw.times.enumerated() {
            appendSeconds(t, to: &out)
            for column in data {
                out.append(44)
                let v = column[row]
                if v.isNaN { continue }
                if v == v.rounded(), abs(v) < 1e15 {
                    out.append(contentsOf: String(Int64(v)).utf8)
                } else {
                    out.append(contentsOf: v.description.utf8)
                }
            }
            out.append(10)
        }
        return out
    }

    /// Writes `raw` to `path` atomically (a temporary file in the same folder, then rename),
    /// or to standard output when `path` is nil.
    /// - Throws: `FileWriteError` when the file cannot be written.
    public static func write(_ raw: RawTrace, columns: [String]? = nil, timeColumn: String = "timestamp",
                             to path: String?) throws {
        let bytes = render(raw, columns: columns, timeColumn: timeColumn)
        if let path {
            try AtomicFile.write(bytes, to: path)
        } else {
            try AtomicFile.writeAll(bytes, fd: 1, name: "standard output")
        }
    }

    static func quoted(_ name: String) -> String {
        guard name.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return name }
        return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Unix seconds of `ms`: integral when whole, else with the needed decimals (≤ 3).
    static func appendSeconds(_ ms: Int64, to out: inout [UInt8]) {
        let negative = ms < 0
        let magnitude = ms.magnitude
        if negative { out.append(45) }
        out.append(contentsOf: String(magnitude / 1000).utf8)
        let frac = Int(magnitude % 1000)
        guard frac != 0 else { return }
        out.append(46)
        var digits = [UInt8(48 + frac / 100), UInt8(48 + frac / 10 % 10), UInt8(48 + frac % 10)]
        while digits.last == 48 { digits.removeLast() }
        out.append(contentsOf: digits)
    }
}
