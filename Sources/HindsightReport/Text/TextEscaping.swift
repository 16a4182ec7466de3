/// One escaping routine for the text formats the reports write (JSON strings, XML/HTML/SVG
/// text): each format is a table of fixed replacements plus one rule for the other scalars
/// it cannot carry as they are. Every other scalar passes unchanged.
struct TextEscaping: Sendable {
    /// Scalars written as a fixed replacement, e.g. `&` → `&amp;`.
    let replacements: [Unicode.Scalar: String]
    /// The replacement of a scalar not in the table, or nil to write it unchanged.
    let other: @Sendable (Unicode.Scalar) -> String?

    /// Appends `text` to `out`, escaped.
    /// - Complexity: O(text length).
    func append(_ text: String, to out: inout String) {
        for scalar in text.unicodeScalars {
            if let r = replacements[scalar] ?? other(scalar) {
                out += r
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }

    /// The inside of a JSON string (RFC 8259): `"` and `\`, the short escapes, and
    /// `\u00XX` for the other controls, DEL, U+2028 and U+2029 (which break JavaScript).
    static let json = TextEscaping(
        replacements: ["\"": "\\\"", "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\u{08}": "\\b", "\u{0C}": "\\f"],
        other: { scalar in
            guard scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}" else { return nil }
            let hex = String(scalar.value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        })

    /// XML 1.0 element content and quoted attributes: the five markup characters as
    /// entities, and the characters XML forbids (controls other than tab, LF, CR; U+FFFE,
    /// U+FFFF) as U+FFFD.
    static let xml = TextEscaping(
        replacements: ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"],
        other: { scalar in
            let forbidden = (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r")
                || scalar.value == 0xFFFE || scalar.value == 0xFFFF
            return forbidden ? "\u{FFFD}" : nil
        })
}
