import HindsightTrace

/// `sweep.csv`, `pareto.csv` and a shard's `sweep-part.csv`: a header `point`, the
/// parameter paths, then every summary key (`SummaryField.keys`); one row per point in
/// point order; cells quoted per RFC 4180 when needed; LF line endings.
public enum SweepTable {
    /// The header cells for parameters `paths`.
    public static func header(_ paths: [String]) -> [String] { ["point"] + paths + SummaryField.keys }

    /// The file's text.
    /// - Complexity: O(rows × columns).
    public static func render(paths: [String], rows: [SweepRow]) -> String {
        var out = header(paths).map(CSVText.quoted).joined(separator: ",") + "\n"
        for row in rows {
            out += ([String(row.point)] + row.values + row.metrics).map(CSVText.quoted).joined(separator: ",") + "\n"
        }
        return out
    }

    /// Reads a file `render` wrote.
    /// - Parameter file: the file's name, for messages.
    /// - Throws: `InputMessage` naming the file and line when the header is not that of
    ///   `paths` or a row has the wrong number of cells or no point index.
    /// - Complexity: O(text length).
    public static func parse(_ text: String, paths: [String], file: String) throws -> [SweepRow] {
        let records = CSVRecords.parse(text)
        guard let head = records.first, head == header(paths) else {
            throw InputMessage("\(file):1: the header is not that of this sweep; expected \(header(paths).joined(separator: ","))")
        }
        let width = head.count
        return try records.dropFirst().enumerated().map { (k, cells) in
            guard cells.count == width, let point = Int(cells[0]) else {
                throw InputMessage("\(file):\(k + 2): expected \(width) cells starting with a point index, found \(cells.count)")
            }
            return SweepRow(point: point, values: Array(cells[1...paths.count]),
                            metrics: Array(cells[(paths.count + 1)...]))
        }
    }
}
