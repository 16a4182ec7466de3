/// Line and column arithmetic on UTF-8 bytes, for messages about raw input.
enum TextPosition {
    /// The 1-based line and character column of byte `offset` in `bytes`.
    /// - Complexity: O(offset).
    static func lineColumn(ofByte offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1, column = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            let b = bytes[i]
            if b == 0x0A { line += 1; column = 1 } else if b & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (line, column)
    }

    /// The first tab in the leading whitespace of lines `nearLine - 1 ... nearLine` (1-based),
    /// or nil. libyaml reports a tab in indentation as a generic token error; this names it.
    static func tabInIndentation(bytes: [UInt8], nearLine: Int) -> (line: Int, column: Int)? {
        var line = 1
        var column = 1
        var inIndent = true
        for b in bytes {
            if b == 0x0A {
                line += 1; column = 1; inIndent = true
                if line > nearLine { return nil }
                continue
            }
            if inIndent {
                if b == 0x09, line >= nearLine - 1 { return (line, column) }
                if b != 0x20 && b != 0x09 { inIndent = false }
            }
            column += 1
        }
        return nil
    }

    /// Byte offset of each character index, for a UTF-8 buffer (libyaml marks count
    /// characters). Entry `i` is the offset of character `i`; the last entry is `bytes.count`.
    /// A leading byte-order mark is skipped, as libyaml skips it.
    /// - Complexity: O(n).
    static func characterOffsets(_ bytes: [UInt8]) -> [Int] {
        var offsets: [Int] = []
        offsets.reserveCapacity(bytes.count + 1)
        var i = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { offsets.append(i) }
            i += 1
        }
        offsets.append(bytes.count)
        return offsets
    }
}
