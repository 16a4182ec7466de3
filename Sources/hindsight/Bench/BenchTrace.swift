import Foundation
import HindsightStats
import HindsightTrace

extension BenchRegistry {
    /// Benchmarks of the trace area.
    static let traceCases: [BenchCase] = [
        BenchCase(name: "csv_parse", defaultSize: 10_000_000) { n in
            let path = try CSVBenchFile.make(rows: n)
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            let bytes = (attributes[.size] as? NSNumber)?.doubleValue ?? 0
            return BenchBody(units: bytes / 1e6) {
                let raw = try TraceCSV.read(path: path, timeColumn: "timestamp", columns: ["value"])
                return Double(raw.times.count) + (raw.columns["value"]?.last ?? 0)
            }
        },
    ]
}

/// The file `csv_parse` reads: `timestamp,value`, unix seconds every 15 s from 2026-01-01,
/// values `uniform integer in [0, 10^6) / 1000` printed with three decimals (`123.456`),
/// drawn from SeededGenerator seeded with 42. `bench/csv_peers.py` writes the same bytes for pandas.
enum CSVBenchFile {
    /// Writes (untimed) the file for `rows` rows in the temporary folder and returns its path.
    static func make(rows: Int) throws -> String {
        let path = NSTemporaryDirectory() + "/hindsight-bench-csv_parse-\(rows).csv"
        var out: [UInt8] = []
        out.reserveCapacity(rows * 20 + 16)
        out.append(contentsOf: "timestamp,value\n".utf8)
        var rng = SeededGenerator(seed: 42)
        var digits = [UInt8](repeating: 0, count: 24)
        func appendInt(_ value: UInt64, minDigits: Int) {
            var v = value, k = 0
            repeat { digits[k] = UInt8(48 + v % 10); v /= 10; k += 1 } while v > 0 || k < minDigits
            while k > 0 { k -= 1; out.append(digits[k]) }
        }
        for i in 0..<rows {
            appendInt(1_767_225_600 + 15 * UInt64(i), minDigits: 1)
            out.append(44)
            let v = rng.next() % 1_000_000
            appendInt(v / 1000, minDigits: 1)
            out.append(46)
            appendInt(v % 1000, minDigits: 3)
            out.append(10)
        }
        try Data(out).write(to: URL(fileURLWithPath: path), options: .atomic)
        return path
    }
}
