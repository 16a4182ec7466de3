import Foundation
import HindsightTrace

/// Scenario document → `Scenario`: defaults, presets, units, file checks (SCENARIO.md).
struct ScenarioConversion {
    let context: YAMLDecodingContext
    /// The scenario file as shown in messages.
    let display: String
    /// Absolute folder of the scenario file: relative paths resolve against it.
    let folder: String

    /// A path named in the scenario, resolved; a missing file is an error at `named.location`.
    func existingFile(_ named: Located<String>, field: String) -> String {
        let path = FileReading.resolve(named.value, against: folder)
        if !FileReading.isFile(path) {
            context.record(at: named.location, "\(field): file '\(FileReading.displayPath(named.value, relativeTo: display))' does not exist",
                           expected: "the path of an existing file, relative to the scenario file")
        }
        return path
    }

    func positive(_ v: Located<Double>?, _ field: String, allowZero: Bool = false) -> Double? {
        guard let v else { return nil }
        let ok = allowZero ? v.value >= 0 : v.value > 0
        context.require(ok, v.location, "\(field): found \(v.value.shown)", expected: allowZero ? "a number, 0 or more" : "a number above 0")
        return v.value
    }

    func duration(_ d: DurationField?, _ field: String, allowZero: Bool = true) -> SimDuration? {
        guard let d else { return nil }
        if !allowZero && d.duration == .zero {
            context.record(at: d.location, "\(field): found 0", expected: "a duration above 0")
        }
        return d.duration
    }

    func trace(_ located: Located<TraceDTO>?, specLocation: SourceLocation) -> TraceSpec? {
        guard let located else {
            context.missing(at: specLocation, field: "spec.trace", "spec without 'trace'", expected: "spec.trace with file: PATH or dataset: NAME")
            return nil
        }
        let t = located.value
        let source: TraceSpec.Source
        switch (t.file, t.dataset) {
        case let (file?, nil):
            source = .file(existingFile(file, field: "spec.trace.file"))
        case let (nil, dataset?):
            var db = FileReading.resolve("datasets/hindsight.sqlite", against: FileManager.default.currentDirectoryPath)
            if let given = t.db { db = existingFile(given, field: "spec.trace.db") }
            source = .dataset(name: dataset.value, db: db)
        case (_?, let dataset?):
            context.record(at: dataset.location, "spec.trace has both 'file' and 'dataset'", expected: "one of file: PATH or dataset: NAME")
            return nil
        case (nil, nil):
            context.record(at: located.location, "spec.trace has neither 'file' nor 'dataset'", expected: "file: PATH (a CSV) or dataset: NAME")
            return nil
        }
        var spec = TraceSpec(source: source)
        if let time = t.time { spec.timeColumn = time }
        var zone = TimeZone(identifier: "UTC") ?? TimeZone.current
        if let tz = t.timezone {
            if let z = TimeZone(identifier: tz.value) {
                zone = z
                spec.timezone = tz.value
            } else {
                context.record(at: tz.location, "spec.trace.timezone: unknown time zone '\(Excerpt.of(tz.value))'", expected: "an IANA time zone such as UTC or Europe/Berlin")
            }
        }
        spec.columns = TraceSpec.defaultColumns
        if let node = t.columns?.node {
            for (key, value) in stringPairs(node, field: "spec.trace.columns") { spec.columns[key] = value }
            // `field: null` on a known field: the field is not read (drops its default column).
            for pair in node.mapping ?? [] where pair.value.isNull {
                if let key = pair.key.scalar?.text, TraceSpec.defaultColumns[key] != nil { spec.columns[key] = nil }
            }
        }
        if let node = t.scale?.node {
            scale(node, into: &spec)
        }
        spec.step = duration(t.step, "spec.trace.step", allowZero: false)
        spec.maxGap = duration(t.maxGap, "spec.trace.maxGap", allowZero: false)
        if let d = t.duplicates { spec.duplicates = TraceSpec.Duplicates(rawValue: d.rawValue) ?? .error }
        spec.from = t.from.flatMap { time($0.node, zone: zone, field: "spec.trace.from") }
        spec.to = t.to.flatMap { time($0.node, zone: zone, field: "spec.trace.to") }
        if let from = spec.from, let to = spec.to, from >= to, let node = t.to?.node {
            context.record(node, path: "spec.trace.to", found: "a time not after 'from'", expected: "to later than from")
        }
        return spec
    }

    /// A mapping of text to text (`columns`), in file order.
    private func stringPairs(_ node: YAMLNode, field: String) -> [(String, String)] {
        guard let pairs = node.mapping else {
            context.record(node, path: field, expected: "a mapping of field or series name to CSV column")
            return []
        }
        var result: [(String, String)] = []
        for pair in pairs {
            guard let key = pair.key.scalar?.text else { continue }
            if pair.value.isNull, TraceSpec.defaultColumns[key] != nil { continue }  // unbound, see above
            guard let value = pair.value.scalar, !pair.value.isNull else {
                context.record(pair.value, path: "\(field).\(key)", expected: "a column name (or null on a known field: not read)")
                continue
            }
            result.append((key, value.text))
        }
        return result
    }

    private func scale(_ node: YAMLNode, into spec: inout TraceSpec) {
        guard let pairs = node.mapping else {
            context.record(node, path: "spec.trace.scale", expected: "a mapping such as {rps: 2.0, cpu: 2.0}")
            return
        }
        let fields = TraceSpec.defaultColumns.keys.sorted()
        for pair in pairs {
            guard let key = pair.key.scalar?.text else { continue }
            guard TraceSpec.defaultColumns[key] != nil else {
                var message = "unknown field '\(key)' at spec.trace.scale"
                if let near = Suggestion.closest(to: key, among: fields) { message += " (did you mean '\(near)'?)" }
                context.record(at: pair.key.location, message, expected: "one of " + fields.joined(separator: ", "))
                continue
            }
            guard let v = try? YAMLDecoder.number(pair.value, context: context, path: "spec.trace.scale.\(key)") else { continue }
            guard v > 0 else {
                context.record(pair.value, path: "spec.trace.scale.\(key)", expected: "a multiplier above 0")
                continue
            }
            spec.scale[key] = v
        }
    }

    private func time(_ node: YAMLNode, zone: TimeZone, field: String) -> SimInstant? {
        guard let text = node.scalar?.text, let ms = TimestampText.milliseconds(text, zone: zone) else {
            context.record(node, path: field, expected: TimestampText.expected)
            return nil
        }
        return SimInstant(unixMilliseconds: ms)
    }
}
