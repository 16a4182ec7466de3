/// Escaping for HTML, SVG and XML text and attribute values.
public enum XMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities, and characters that
    /// XML 1.0 forbids (controls other than tab, LF, CR; U+FFFE, U+FFFF) replaced by
    /// U+FFFD, so the result is safe in element content and in quoted attributes.
    /// - Complexity: O(text length).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        TextEscaping.xml.append(text, to: &out)
        return out
    }

    /// `text` cut to at most `limit` characters, ending in `…` when cut.
    public static func truncate(_ text: String, to limit: Int) -> String {
        guard text.count > limit, limit > 1 else { return text }
        return String(text.prefix(limit - 1)) + "…"
    }
}
