import HindsightTrace

/// Minimal text edits of a YAML file: replace the source bytes of chosen scalars and
/// nothing else, so comments, key order, quoting style and line endings stay as written
/// (what `hindsight tune --write` does to a policy file).
///
/// ```swift
/// let root = try YAMLDocument.parse(bytes: bytes, file: "hpa.yaml")[0]
/// let edit = try YAMLPatch.edit(root, path: "spec.maxReplicas", to: .number(12), file: "hpa.yaml")
/// let patched = YAMLPatch.apply([edit], to: bytes)
/// ```
public enum YAMLPatch {
    /// A new value for a scalar.
    public enum Value: Sendable, Hashable, CustomStringConvertible {
        /// A number, written in its shortest form (`60`, `0.25`, `1e-06`).
        case number(Double)
        /// A string, written in the scalar's own quoting style.
        case text(String)

        /// The value as a plain YAML scalar would show it.
        public var description: String {
            switch self {
            case .number(let v): YAMLPatch.numberText(v)
            case .text(let s): s
            }
        }
    }

    /// One replacement: the bytes `range` of the file become `replacement`.
    public struct Edit: Sendable, Hashable {
        /// Byte offsets `[start, end)` of the scalar in the original file.
        public var range: Range<Int>
        /// The new source text of the scalar (quotes included where the style has them).
        public var replacement: String
        /// Where the scalar is, for messages.
        public var location: SourceLocation
    }

    /// The edit that sets the scalar at `path` (`spec.metrics[0].resource.target.averageUtilization`)
    /// of `root` to `value`, keeping its quoting style.
    /// - Throws: `ScenarioError` when the path names no node, names a list or mapping, a block
    ///   scalar (`|`, `>`), a scalar under an anchor or tag (its edit would reach other places),
    ///   or a number where the file has a non-numeric string (and the
    ///   reverse): the value would change the field's type.
    public static func edit(_ root: YAMLNode, path: String, to value: Value, file: String) throws -> Edit {
        guard let node = root.node(atPath: path) else {
            throw ScenarioError(root.location, "\(path): no such field in \(file)",
                                expected: "a path to a scalar such as spec.metrics[0].resource.target.averageUtilization")
        }
        guard let scalar = node.scalar, !scalar.isNull else {
            throw ScenarioError(node.location, "\(path): found \(node.found)", expected: "a path to a number or string scalar")
        }
        if scalar.isShared || node.tag != nil {
            // The scalar's bytes begin with its `&anchor` or `!tag`, or other places read them.
            throw ScenarioError(node.location, "\(path): the value is written under a YAML anchor (&) or tag (!), so other places may read the same bytes",
                                expected: "a scalar written once, without anchor, alias or tag (edit a shared value by hand)")
        }
        let numeric = Double(scalar.text) != nil
        switch (value, scalar.style) {
        case (_, .literal), (_, .folded):
            throw ScenarioError(node.location, "\(path): a block scalar (| or >)", expected: "a plain or quoted scalar")
        case (.number, _) where !numeric && scalar.style == .plain:
            throw ScenarioError(node.location, "\(path): found \(node.found), a string", expected: "a string value for this field, not a number")
        case (.text(let s), .plain) where numeric && Double(s) == nil:
            throw ScenarioError(node.location, "\(path): found \(node.found), a number", expected: "a number for this field")
        default:
            break
        }
        return Edit(range: scalar.byteRange, replacement: render(value, style: scalar.style), location: node.location)
    }

    /// `bytes` with every edit applied. Edits must not overlap (distinct scalars never do).
    /// - Complexity: O(n + e log e) for n bytes and e edits.
    public static func apply(_ edits: [Edit], to bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16 * edits.count)
        var cursor = 0
        for e in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            precondition(e.range.lowerBound >= cursor && e.range.upperBound <= bytes.count,
                         "overlapping or out-of-range YAML edit \(e.range) (cursor \(cursor), size \(bytes.count))")
            out.append(contentsOf: bytes[cursor..<e.range.lowerBound])
            out.append(contentsOf: Array(e.replacement.utf8))
            cursor = e.range.upperBound
        }
        out.append(contentsOf: bytes[cursor...])
        return out
    }

    /// The source text of `value` in `style`.
    static func render(_ value: Value, style: YAMLScalar.Style) -> String {
        let text = value.description
        switch style {
        case .singleQuoted: return "'" + escaped(text, ["'": "''"]) + "'"
        case .doubleQuoted: return "\"" + escaped(text, ["\\": "\\\\", "\"": "\\\""]) + "\""
        case .plain, .literal, .folded: return text
        }
    }

    /// `text` with each character found in `table` replaced by its escape.
    static func escaped(_ text: String, _ table: [Character: String]) -> String {
        var out = ""
        for c in text { if let e = table[c] { out += e } else { out.append(c) } }
        return out
    }

    /// A number in its shortest round-trip form, without a trailing `.0` for integers.
    static func numberText(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }
}
