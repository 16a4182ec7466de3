/// What the CSV scanner returns: rows in file order, before sorting and duplicate handling.
struct CSVTable {
    /// Header names as written (trimmed, unquoted).
    var header: [String]
    /// Index of the time field in `header`.
    var timeField: Int
    /// Selected columns in field order: output name and header index.
    var selected: [(name: String, field: Int)]
    /// ms since epoch per row, file order.
    var times: [Int64]
    /// Row-major values, `selected.count` per row; `.nan` for an empty cell.
    var values: [Double]
    /// Row → line.
    var lines: LineMap
}
