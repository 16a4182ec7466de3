import HindsightTrace

/// Writes the files of a sweep (CLI.md): `sweep.csv`, `pareto.csv`, `summary.md` and
/// `report.html`, each atomically (`AtomicFile`), creating the folder.
public enum SweepFiles {
    /// The files' names and bytes, in the order written.
    /// - Complexity: O(points × columns + steps).
    public static func render(_ o: SweepOutcome) -> [(name: String, bytes: [UInt8])] {
        [
            ("sweep.csv", Array(SweepTable.render(paths: o.paths, rows: o.rows).utf8)),
            ("pareto.csv", Array(SweepTable.render(paths: o.paths, rows: o.front.map { o.rows[$0] }).utf8)),
            ("summary.md", Array(SweepMarkdown.render(o).utf8)),
            ("report.html", Array(SweepHTML.render(o).utf8)),
        ]
    }

    /// Files whose presence marks a folder as a sweep's output (`AtomicFolder` replaces
    /// such a folder whole, and refuses to replace a non-empty folder without one).
    public static let markers = ["sweep.csv", "summary.md"]

    /// Writes `render(o)` into `directory`.
    /// - Returns: the paths written.
    /// - Throws: `FileWriteError` when the folder or a file cannot be written.
    @discardableResult
    public static func write(_ o: SweepOutcome, to directory: String) throws -> [String] {
        try write(render(o), to: directory)
    }

    /// Writes named files into `directory` (created with its parents).
    static func write(_ files: [(name: String, bytes: [UInt8])], to directory: String) throws -> [String] {
        try AtomicFile.createDirectory(directory)
        let folder = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        return try files.map { file in
            let path = folder.isEmpty ? file.name : folder + "/" + file.name
            try AtomicFile.write(file.bytes, to: path)
            return path
        }
    }
}
