/// A short, printable excerpt of untrusted input for an error message.
///
/// Messages about bad input quote what was found, and input can be anything: a trace path
/// pointed at a key file, a YAML value holding a token. Every quote of input content goes
/// through `Excerpt`, so that a message shows at most `limit` characters of it: a parse
/// error in a CI log can show *where* a file is wrong, never its contents.
///
/// Escaping: `\n`, `\r`, `\t` and `\\` as in Swift; every other control, format,
/// separator, private-use or unassigned scalar as `\u{XXXX}`. Escapes count toward the
/// limit. A longer text is cut and ends with `…`.
///
/// ```swift
/// Excerpt.of("a\tb")                       // a\tb
/// Excerpt.of(String(repeating: "x", count: 100), limit: 5)   // xxxxx…
/// ```
public enum Excerpt {
    /// The default longest excerpt, in characters of output (before `…`).
    public static let defaultLimit = 40

    /// `text` escaped and cut to at most `limit` characters (plus `…` when cut).
    /// An empty text gives an empty excerpt; `limit` below 1 is treated as 1.
    /// - Complexity: O(min(text length, limit)).
    public static func of(_ text: some StringProtocol, limit: Int = defaultLimit) -> String {
        let limit = max(1, limit)
        var out = ""
        var used = 0
        for scalar in text.unicodeScalars {
            let piece = escaped(scalar)
            guard used + piece.count <= limit else { return out + "…" }
            out += piece
            used += piece.count
        }
        return out
    }

    /// The excerpt of `bytes` read as UTF-8 (invalid sequences become U+FFFD).
    /// - Complexity: O(min(bytes.count, limit)).
    public static func of(bytes: some Collection<UInt8>, limit: Int = defaultLimit) -> String {
        // At most 4 bytes per scalar are needed; one more scalar tells that the text was cut.
        let head = bytes.prefix(max(1, limit) * 4 + 4)
        let text = String(decoding: head, as: UTF8.self)
        let excerpt = of(text, limit: limit)
        if head.count < bytes.count && !excerpt.hasSuffix("…") { return excerpt + "…" }
        return excerpt
    }

    /// The excerpt in double quotes: `"…"`.
    public static func quoted(_ text: some StringProtocol, limit: Int = defaultLimit) -> String {
        "\"" + of(text, limit: limit) + "\""
    }

    /// Names (e.g. a header's columns) quoted and comma-separated, cut as a whole to `limit`.
    public static func list(_ names: [String], limit: Int = defaultLimit) -> String {
        of(names.map { "\"\($0)\"" }.joined(separator: ", "), limit: limit)
    }

    /// One scalar as it is shown: itself when printable, else an escape.
    static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\\": return "\\\\"
        default: break
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned:
            return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        default:
            return String(scalar)
        }
    }
}
