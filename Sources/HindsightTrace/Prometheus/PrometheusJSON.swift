import Foundation

/// Reads the JSON answer of a Prometheus `query_range` call (`resultType: matrix`).
///
/// Accepts the whole answer (`{"status": "success", "data": {...}}`) or just its `data`
/// object. Each series becomes a column: named `columnName` when given and there is one
/// series; otherwise by its `__name__` (or `columnName`), with its other labels appended in
/// Prometheus notation (`http_requests_total{pod="a"}`) when that is needed to tell series
/// apart. A series without `__name__` and without `columnName` is named by its labels
/// (`{pod="a"}`), or `value`. Sample times are float seconds, rounded to the nearest ms;
/// values are strings; `NaN`, `+Inf` and `-Inf` become missing (`.nan`). The result's times are
/// the union of all series' times; a series without a sample at a time is missing there.
public enum PrometheusJSON {
    /// Reads the file at `path`.
    /// - Throws: `TraceError` naming the file and the JSON path (`data.result[0].values[3]`) of
    ///   anything that is not a matrix answer, or the parser's position for malformed JSON.
    /// - Complexity: O(samples · log samples).
    public static func read(path: String, columnName: String?) throws -> RawTrace {
        try read(bytes: FileBytes.read(path: path), file: path, columnName: columnName)
    }

    /// Reads a query answer given as bytes; `file` names it in messages.
    public static func read(bytes: [UInt8], file: String, columnName: String?) throws -> RawTrace {
        guard let trace = try read(bytes: bytes, file: file, columnName: columnName, allowEmpty: false) else {
            preconditionFailure("an answer without series is refused when allowEmpty is false")
        }
        return trace
    }

    /// Reads a query answer given as bytes; with `allowEmpty`, an answer without series
    /// (one chunk of a longer range with no data) is `nil` instead of an error.
    public static func read(bytes: [UInt8], file: String, columnName: String?, allowEmpty: Bool) throws -> RawTrace? {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            let place = position(of: reason, in: bytes)
            throw TraceError(file: file, line: place?.line, column: place?.column, message: "not valid JSON (\(Excerpt.of(reason, limit: 2 * Excerpt.defaultLimit)))",
                             expected: "the JSON answer of a Prometheus query_range call")
        }
        func fail(_ path: String, _ message: String, _ expected: String) -> TraceError {
            TraceError(file: file, message: "at \(path): \(message)", expected: expected)
        }
        guard let top = root as? [String: Any] else {
            throw fail("$", "the answer is not an object", "{\"status\": \"success\", \"data\": {\"resultType\": \"matrix\", …}}")
        }
        if let status = top["status"] as? String, status != "success" {
            let reason = (top["error"] as? String) ?? "no error text"
            throw fail("status", "Prometheus answered \(Excerpt.quoted(status)): \(Excerpt.of(reason))", "a successful answer")
        }
        let dataPath = top["data"] == nil ? "$" : "data"
        guard let data = (top["data"] ?? top) as? [String: Any] else {
            throw fail(dataPath, "not an object", "an object with resultType and result")
        }
        guard let kind = data["resultType"] as? String else {
            throw fail("\(dataPath).resultType", "missing", "\"matrix\"")
        }
        guard kind == "matrix" else {
            throw fail("\(dataPath).resultType", "\"\(kind)\" is not a range answer", "\"matrix\" (call query_range, not query)")
        }
        guard let result = data["result"] as? [Any] else {
            throw fail("\(dataPath).result", "missing or not an array", "an array of series")
        }
        if result.isEmpty && allowEmpty { return nil }
        guard !result.isEmpty else {
            throw fail("\(dataPath).result", "the query returned no series", "at least one series")
        }
        var labelsList: [[String: String]] = []
        var samplesList: [[(Int64, Double)]] = []
        for (s, item) in result.enumerated() {
            let here = "\(dataPath).result[\(s)]"
            guard let entry = item as? [String: Any] else { throw fail(here, "not an object", "{\"metric\": {…}, \"values\": […]}") }
            let metric = entry["metric"] as? [String: Any] ?? [:]
            var labels: [String: String] = [:]
            for (key, value) in metric { labels[key] = value as? String ?? "\(value)" }
            guard let values = entry["values"] as? [Any] else {
                throw fail("\(here).values", "missing or not an array", "[[<unix seconds>, \"<value>\"], …]")
            }
            var samples: [(Int64, Double)] = []
            samples.reserveCapacity(values.count)
            for (v, pair) in values.enumerated() {
                let at = "\(here).values[\(v)]"
                guard let two = pair as? [Any], two.count == 2 else { throw fail(at, "not a [time, value] pair", "[<unix seconds>, \"<value>\"]") }
                guard let seconds = number(two[0]), seconds.isFinite, abs(seconds) < 1e14 else {
                    throw fail("\(at)[0]", "not a time", "unix seconds as a number, such as 1767225600.5")
                }
                let ms = Int64((seconds * 1000).rounded(.toNearestOrAwayFromZero))
                guard let text = two[1] as? String else { throw fail("\(at)[1]", "not a string", "a value as a string, such as \"12.5\"") }
                let value: Double
                switch text {
                case "NaN", "+Inf", "-Inf", "Inf": value = .nan
                default:
                    guard let parsed = DecimalParser.parse(text) else { throw fail("\(at)[1]", "\(Excerpt.quoted(text)) is not a number", "a decimal number as a string") }
                    value = parsed
                }
                samples.append((ms, value))
            }
            samples.sort { $0.0 < $1.0 }
            for i in samples.indices.dropFirst() where samples[i].0 == samples[i - 1].0 {
                throw fail(here, "two samples at \(CivilTime.rfc3339(ms: samples[i].0))", "one sample per time in a series")
            }
            labelsList.append(labels)
            samplesList.append(samples)
        }
        let names = try columnNames(labelsList, columnName: columnName, file: file)
        // Union of times.
        var allTimes: [Int64] = samplesList.flatMap { $0.map(\.0) }
        allTimes.sort()
        var unique: [Int64] = []
        unique.reserveCapacity(allTimes.count)
        for t in allTimes where unique.last != t { unique.append(t) }
        var columns: [String: [Double]] = [:]
        for (index, samples) in samplesList.enumerated() {
            var column = [Double](repeating: .nan, count: unique.count)
            var j = 0
            for (t, v) in samples {
                while unique[j] < t { j += 1 }
                column[j] = v
            }
            columns[names[index]] = column
        }
        return RawTrace(times: unique, columns: columns, source: file)
    }

    /// Line and column of the byte offset in a parser message such as
    /// "Invalid value around character 60.", or `nil` when the message has none.
    static func position(of message: String, in bytes: [UInt8]) -> (line: Int, column: Int)? {
        guard let range = message.range(of: "character ") else { return nil }
        let digits = message[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        guard let offset = Int(digits), offset <= bytes.count else { return nil }
        var line = 1, column = 1
        for byte in bytes[..<offset] {
            if byte == 10 { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    private static func number(_ any: Any) -> Double? {
        if let d = any as? Double { return d }
        if let i = any as? Int { return Double(i) }
        if let s = any as? String { return DecimalParser.parse(s) }
        return nil
    }

    /// Names per series (rules in the type's comment); distinct or an error.
    static func columnNames(_ labels: [[String: String]], columnName: String?, file: String) throws -> [String] {
        if labels.count == 1, let columnName { return [columnName] }
        let bases = labels.map { columnName ?? $0["__name__"] ?? "" }
        func withLabels(_ i: Int) -> String {
            let rest = labels[i].filter { $0.key != "__name__" }.sorted { $0.key < $1.key }
            let inner = rest.map { "\($0.key)=\"\($0.value)\"" }.joined(separator: ",")
            if inner.isEmpty { return bases[i].isEmpty ? "value" : bases[i] }
            return bases[i] + "{" + inner + "}"
        }
        var names: [String] = []
        for i in labels.indices {
            let clash = bases[i].isEmpty || bases.filter({ $0 == bases[i] }).count > 1
            names.append(clash ? withLabels(i) : bases[i])
        }
        if Set(names).count != names.count {
            throw TraceError(file: file, message: "two series have the same name and labels",
                             expected: "series that differ in their labels")
        }
        return names
    }
}
