/// A plain-text table for the terminal: columns padded to their widest cell and
/// separated by two spaces; the first `leftColumns` columns left-aligned, the rest
/// right-aligned (numbers). Widths count characters, not display cells; no line ends
/// in a space.
public enum TextTable {
    /// The header line and one line per row, joined by newlines (no final newline).
    /// - Precondition: every row has as many cells as the header.
    /// - Complexity: O(cells).
    public static func render(header: [String], rows: [[String]], leftColumns: Int = 1) -> String {
        precondition(rows.allSatisfy { $0.count == header.count }, "TextTable.render: rows of \(rows.map(\.count)) cells for \(header.count) columns")
        let widths = header.indices.map { c in max(header[c].count, rows.map { $0[c].count }.max() ?? 0) }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { c, cell in
                c < leftColumns ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[c] - cell.count) + cell
            }.joined(separator: "  ")
        }
        func trimmed(_ text: String) -> String {
            var t = Substring(text)
            while t.last == " " { t.removeLast() }
            return String(t)
        }
        return ([line(header)] + rows.map(line)).map(trimmed).joined(separator: "\n")
    }
}
