extension JSONValue {
    /// The document as text, pretty-printed with `indent` spaces per level (0 = one
    /// line), `": "` after keys, and a final newline when pretty. Empty arrays and
    /// objects print as `[]` and `{}`. Numbers follow `NumberText` (whole doubles as
    /// integers, shortest round-trip otherwise, NaN/∞ as `null`). Strings are escaped
    /// per RFC 8259: `"` `\` and control characters; other characters pass as UTF-8.
    /// - Complexity: O(size of the output).
    public func rendered(indent: Int = 2) -> String {
        var out = ""
        write(to: &out, indent: indent, level: 0)
        if indent > 0 { out += "\n" }
        return out
    }

    private func write(to out: inout String, indent: Int, level: Int) {
        switch self {
        case .null: out += "null"
        case let .bool(b): out += b ? "true" : "false"
        case let .number(x): out += NumberText.json(x)
        case let .integer(v): out += String(v)
        case let .string(s): JSONValue.writeString(s, to: &out)
        case let .array(items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                JSONValue.newline(&out, indent: indent, level: level + 1)
                item.write(to: &out, indent: indent, level: level + 1)
            }
            JSONValue.newline(&out, indent: indent, level: level)
            out += "]"
        case let .object(members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out += "," }
                JSONValue.newline(&out, indent: indent, level: level + 1)
                JSONValue.writeString(key, to: &out)
                out += indent > 0 ? ": " : ":"
                value.write(to: &out, indent: indent, level: level + 1)
            }
            JSONValue.newline(&out, indent: indent, level: level)
            out += "}"
        }
    }

    private static func newline(_ out: inout String, indent: Int, level: Int) {
        guard indent > 0 else { return }
        out += "\n"
        out += String(repeating: " ", count: indent * level)
    }

    /// Appends `s` as a quoted JSON string.
    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        TextEscaping.json.append(s, to: &out)
        out += "\""
    }
}
