import HindsightTestSupport
import Foundation

/// Loads NAB files from `<package root>/../shared/datasets/nab` (nil when absent).
enum NAB {
    static var root: URL {
        PackageFolders.root.deletingLastPathComponent().appendingPathComponent("shared/datasets/nab")
    }

    /// `YYYY-MM-DD HH:MM:SS[.ffffff]` as naive UTC milliseconds.
    static func millis(_ s: Substring) -> Int64? {
        let parts = s.split(whereSeparator: { "- :.".contains($0) }).compactMap { Int64($0) }
        guard parts.count >= 6 else { return nil }
        let (y0, m, d) = (parts[0], parts[1], parts[2])
        // Days from civil (proleptic Gregorian), Howard Hinnant's algorithm.
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return ((days * 24 + parts[3]) * 60 + parts[4]) * 60_000 + parts[5] * 1000
    }

    /// Timestamps (ms) and values of `data/<relative>`.
    static func load(_ relative: String) throws -> ([Int64], [Double])? {
        let url = root.appendingPathComponent("data/" + relative)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let text = try String(contentsOf: url, encoding: .utf8)
        var t: [Int64] = [], x: [Double] = []
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let cols = line.split(separator: ",")
            guard cols.count == 2, let ms = millis(cols[0]), let v = Double(cols[1]) else { continue }
            t.append(ms)
            x.append(v)
        }
        return (t, x)
    }

    /// Labelled windows per file key (e.g. `realAWSCloudwatch/x.csv`).
    static func windows() throws -> [String: [(start: Int64, end: Int64)]]? {
        let url = root.appendingPathComponent("labels/combined_windows.json")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let obj = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: [[String]]] ?? [:]
        var out: [String: [(start: Int64, end: Int64)]] = [:]
        for (k, v) in obj {
            out[k] = v.compactMap { pair in
                guard pair.count == 2, let a = millis(Substring(pair[0])), let b = millis(Substring(pair[1])) else { return nil }
                return (a, b)
            }
        }
        return out
    }
}
