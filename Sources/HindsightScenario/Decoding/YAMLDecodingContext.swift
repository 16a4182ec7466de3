/// Shared state of one decoding: every problem found so far.
///
/// Decoding does not stop at the first problem: an optional field with a bad value is
/// recorded here and decodes as nil, so one pass reports every problem of a document.
final class YAMLDecodingContext {
    var errors: [ScenarioError] = []
    /// Things worth telling that do not make the input invalid (a skipped document, a
    /// trigger metadata key KEDA ignores), each `file:line:col: text`.
    var notes: [String] = []
    /// Field paths whose value was recorded as bad (so "missing" is not said of them too).
    var failedPaths: Set<String> = []

    /// Records a problem at `node`, prefixed by the field path when there is one.
    func record(_ node: YAMLNode, path: String, found: String? = nil, _ message: String? = nil, expected: String) {
        let what = message ?? "found \(found ?? node.found)"
        failedPaths.insert(path)
        let text = path.isEmpty ? what : "\(path): \(what)"
        errors.append(ScenarioError(node.location, text, expected: expected))
    }

    /// Records that a required field is missing, unless its value was already reported as bad.
    func missing(at location: SourceLocation?, field: String, _ message: String, expected: String) {
        if failedPaths.contains(field) { return }
        errors.append(ScenarioError(location, message, expected: expected))
    }

    /// Records a problem and returns the marker error to throw.
    func fail(_ node: YAMLNode, path: String, found: String? = nil, _ message: String? = nil, expected: String) -> YAMLRecordedError {
        record(node, path: path, found: found, message, expected: expected)
        return YAMLRecordedError()
    }
}

/// Thrown after a problem has been recorded in the context; an enclosing optional
/// field turns it into nil so decoding goes on.
struct YAMLRecordedError: Error {}

/// A type that decodes itself from a node directly (quantities, enums, wrappers), with
/// messages that say what was expected.
protocol YAMLValueDecodable {
    /// Decodes `node`; on a problem, record it (`context.fail`) and throw.
    static func decode(yaml node: YAMLNode, context: YAMLDecodingContext, path: String) throws -> Self
}

/// A string enumeration decoded by its raw values, listing them when the value is unknown.
protocol YAMLEnum: YAMLValueDecodable, Decodable, RawRepresentable, CaseIterable where RawValue == String {}

extension YAMLEnum {
    static func decode(yaml node: YAMLNode, context: YAMLDecodingContext, path: String) throws -> Self {
        let names = allCases.map(\.rawValue)
        guard let text = node.scalar?.text, !node.isNull, let value = Self(rawValue: text) else {
            var expected = "one of " + names.joined(separator: ", ")
            if let text = node.scalar?.text, let near = Suggestion.closest(to: text, among: names) {
                expected = "'\(near)' (\(expected))"
            }
            throw context.fail(node, path: path, expected: expected)
        }
        return value
    }
    init(from decoder: any Decoder) throws {
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "decode with YAMLDecoder"))
    }
}

/// A value together with where it was written.
struct Located<Value: Decodable>: YAMLValueDecodable, Decodable {
    var value: Value
    var location: SourceLocation
    static func decode(yaml node: YAMLNode, context: YAMLDecodingContext, path: String) throws -> Located<Value> {
        Located(value: try YAMLDecoder.decodeNode(Value.self, node: node, context: context, path: path), location: node.location)
    }
    init(value: Value, location: SourceLocation) { self.value = value; self.location = location }
    init(from decoder: any Decoder) throws {
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "decode with YAMLDecoder"))
    }
}

/// A document type whose mapping may hold keys that are accepted and ignored offline
/// (connection settings, server-set metadata): they are listed once, as data, instead of
/// as properties nothing reads. Unknown-field messages list them after the decoded keys.
protocol YAMLIgnoredKeys {
    /// Keys accepted with any value and not read.
    static var ignoredKeys: [String] { get }
}

/// A mapping whose unknown keys are a note, not an error: the system the document is
/// written for ignores them (KEDA trigger metadata).
protocol YAMLNotedUnknownKeys {}

/// Any value, accepted and ignored (a single field such as Kubernetes `status`).
struct YAMLIgnored: YAMLValueDecodable, Decodable {
    static func decode(yaml node: YAMLNode, context: YAMLDecodingContext, path: String) throws -> YAMLIgnored { YAMLIgnored() }
    init() {}
    init(from decoder: any Decoder) throws {}
}

/// The node itself, for fields whose shape is checked by hand.
struct YAMLRaw: YAMLValueDecodable, Decodable {
    var node: YAMLNode
    static func decode(yaml node: YAMLNode, context: YAMLDecodingContext, path: String) throws -> YAMLRaw { YAMLRaw(node: node) }
    init(node: YAMLNode) { self.node = node }
    init(from decoder: any Decoder) throws {
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "decode with YAMLDecoder"))
    }
}
