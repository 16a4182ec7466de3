import CLibYAML
import HindsightTrace

/// Parses YAML text with the system libyaml into `YAMLNode` trees.
///
/// - Every document of a multi-document stream becomes one root node (an empty
///   document becomes a null scalar).
/// - A duplicate key in a mapping is an error (every duplicate is reported).
/// - Aliases are expanded; a document whose aliases would add more than
///   `maxExpandedNodes` nodes is rejected at once (a "billion laughs" file fails in
///   milliseconds: sizes are added up, nothing is copied).
/// - Merge keys (`<<: *defaults`, `<<: [*a, *b]`) are applied, as Kubernetes' YAML reader does.
/// - Nesting deeper than `maxDepth` is rejected (no stack overflow further on).
/// - Malformed input — bad syntax, tab indentation, invalid UTF-8, binary garbage —
///   is an error at its line and column, never a crash.
public enum YAMLDocument {
    /// Most nodes the aliases of one document may stand for, in all (each alias counts
    /// the full size of the node it repeats).
    public static let maxExpandedNodes = 100_000
    /// Deepest nesting of sequences and mappings.
    public static let maxDepth = 200

    /// Parses `bytes` (UTF-8, UTF-16 with a BOM) into one node per document.
    ///
    /// ```swift
    /// let docs = try YAMLDocument.parse(bytes: Array("a: 1".utf8), file: "x.yaml")
    /// docs[0]["a"]?.scalar?.text   // "1"
    /// ```
    /// - Parameter file: the name used in locations and messages.
    /// - Returns: the documents' root nodes; `[]` for an empty stream (or only comments).
    /// - Throws: `InputErrors` holding every problem found (`ScenarioError`s).
    /// - Complexity: O(n) in the size of the input.
    public static func parse(bytes: [UInt8], file: String) throws -> [YAMLNode] {
        let result = parseCollecting(bytes: bytes, file: file)
        if !result.errors.isEmpty { throw InputErrors(result.errors) }
        return result.documents
    }

    /// Parses as far as possible: the documents, every problem, and whether the whole
    /// stream was read. When `complete` is true the only problems are duplicate keys
    /// (the first occurrence is kept), so the documents can still be checked further.
    static func parseCollecting(bytes: [UInt8], file: String) -> (documents: [YAMLNode], errors: [ScenarioError], complete: Bool) {
        if bytes.isEmpty { return ([], [], true) }
        var builder = YAMLTreeBuilder(file: file, bytes: bytes)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) != 0 else {
            return ([], [ScenarioError(SourceLocation(file: file, line: 1, column: 1),
                                       "libyaml could not start (out of memory)", expected: "a smaller file")], false)
        }
        defer { yaml_parser_delete(&parser) }
        var complete = false
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            yaml_parser_set_input_string(&parser, base, buffer.count)
            var event = yaml_event_t()
            while true {
                if yaml_parser_parse(&parser, &event) == 0 {
                    builder.errors.append(syntaxError(&parser, file: file, bytes: bytes))
                    return
                }
                let type = event.type
                let keepGoing = builder.handle(&event)
                yaml_event_delete(&event)
                if !keepGoing { return }
                if type == YAML_STREAM_END_EVENT { complete = true; return }
            }
        }
        return (builder.documents, builder.errors, complete)
    }

    /// Reads the file at `path` and parses it; `display` names it in messages.
    /// - Throws: `InputErrors` (an unreadable file is one error at `display`).
    public static func parse(path: String, display: String) throws -> [YAMLNode] {
        let bytes = try FileReading.read(path: path, display: display, at: nil)
        return try parse(bytes: bytes, file: display)
    }

    /// The libyaml error as a `ScenarioError`, with a hint for tabs in indentation.
    private static func syntaxError(_ parser: inout yaml_parser_t, file: String, bytes: [UInt8]) -> ScenarioError {
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        let context = parser.context.map { String(cString: $0) }
        var line: Int
        var column: Int
        if parser.error == YAML_READER_ERROR {
            (line, column) = TextPosition.lineColumn(ofByte: parser.problem_offset, in: bytes)
            var what = problem
            if parser.problem_value >= 0 { what += " (byte 0x\(String(parser.problem_value, radix: 16)))" }
            return ScenarioError(SourceLocation(file: file, line: line, column: column),
                                 "not readable as text: \(what)", expected: "a UTF-8 text file holding YAML")
        }
        line = Int(parser.problem_mark.line) + 1
        column = Int(parser.problem_mark.column) + 1
        if let tab = TextPosition.tabInIndentation(bytes: bytes, nearLine: line) {
            return ScenarioError(SourceLocation(file: file, line: tab.line, column: tab.column),
                                 "a tab character in the indentation", expected: "spaces for indentation (YAML forbids tabs there)")
        }
        var message = "YAML syntax error: \(problem)"
        if let context {
            let cl = Int(parser.context_mark.line) + 1, cc = Int(parser.context_mark.column) + 1
            message += " (\(context) at \(cl):\(cc))"
        }
        return ScenarioError(SourceLocation(file: file, line: line, column: column), message,
                             expected: "well-formed YAML (check indentation, colons, quotes and brackets)")
    }
}
