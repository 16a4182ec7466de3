import Foundation

/// The series a trace file offers, read from its header line only (for `validate`,
/// which does not read the trace).
public enum TraceHeader {
    /// The fields and extra series of `spec.columns` whose column is in the CSV header
    /// (matched as the reader matches them: exactly, else after normalization); nil when
    /// the source is not a CSV file or its first line cannot be read.
    /// - Complexity: O(header length + columns × header fields).
    public static func availableSeries(_ spec: TraceSpec) -> Set<String>? {
        guard case .file(let path) = spec.source, let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let chunk = try? handle.read(upToCount: 1 << 16), !chunk.isEmpty else { return nil }
        let firstLine = chunk.split(separator: UInt8(ascii: "\n"), maxSplits: 1, omittingEmptySubsequences: false).first ?? chunk[...]
        var text = String(decoding: firstLine, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let header = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        var found: Set<String> = []
        for (name, column) in spec.columns {
            if case .success = ColumnSelection.find(column, in: header, file: path, line: 1) { found.insert(name) }
        }
        return found
    }
}
