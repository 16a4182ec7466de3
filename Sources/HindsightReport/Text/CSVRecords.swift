/// Splits CSV text (RFC 4180: quoted cells with doubled quotes, LF or CRLF line ends)
/// into records of cells — the reverse of `CSVText.quoted` for files hindsight wrote.
public enum CSVRecords {
    /// Every record of `text`; a final line end adds no empty record.
    ///
    /// ```swift
    /// CSVRecords.parse("a,\"b,c\"\n1,2\n")   // [["a", "b,c"], ["1", "2"]]
    /// ```
    /// - Complexity: O(text length).
    public static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var cell: [UInt8] = []
        var quoted = false
        var started = false
        let bytes = Array(text.utf8)
        var i = 0
        func endCell() { record.append(String(decoding: cell, as: UTF8.self)); cell = [] }
        while i < bytes.count {
            let b = bytes[i]
            started = true
            if quoted {
                if b == 0x22 {
                    if i + 1 < bytes.count && bytes[i + 1] == 0x22 { cell.append(0x22); i += 1 } else { quoted = false }
                } else {
                    cell.append(b)
                }
            } else if b == 0x22 {
                quoted = true
            } else if b == 0x2C {
                endCell()
            } else if b == 0x0A || b == 0x0D {
                if b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
                endCell(); records.append(record); record = []; started = false
            } else {
                cell.append(b)
            }
            i += 1
        }
        if started { endCell(); records.append(record) }
        return records
    }
}
