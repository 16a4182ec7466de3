/// A position in a CSV buffer that always ends with `\n`, with the line bookkeeping that
/// error messages need. Fields follow RFC 4180: `,` separates, `"` quotes, `""` escapes a
/// quote inside quotes, a quoted field may span lines; lines end with LF, CRLF or a lone CR.
struct CSVCursor {
    let base: UnsafePointer<UInt8>
    /// Number of bytes; `base[count - 1] == 10`.
    let count: Int
    let file: String
    var pos = 0
    /// 1-based line of `pos`.
    var line = 1
    /// Offset where the current line starts.
    var lineStart = 0

    init(base: UnsafePointer<UInt8>, count: Int, file: String) {
        precondition(count > 0 && base[count - 1] == 10, "CSVCursor needs a buffer ending in a newline")
        self.base = base
        self.count = count
        self.file = file
    }

    /// A field's content: bytes `[start, end)`; `escaped` when it holds `""` pairs.
    struct Field {
        var start: Int
        var end: Int
        var quoted: Bool
        var escaped: Bool
        /// Line and line start at which the field begins (a quoted field may span lines).
        var line: Int
        var lineStart: Int
    }

    /// 1-based character column of byte `offset` on the line starting at `lineStart`.
    func column(of offset: Int, lineStart: Int) -> Int {
        var chars = 1
        var k = lineStart
        while k < offset && k < count {
            if base[k] & 0xC0 != 0x80 { chars += 1 }
            k += 1
        }
        return chars
    }

    /// An error at byte `offset` of the line `line` starting at `lineStart`.
    func error(at offset: Int, line: Int, lineStart: Int, _ message: String, expected: String) -> TraceError {
        TraceError(file: file, line: line, column: column(of: offset, lineStart: lineStart),
                   message: message, expected: expected)
    }

    /// Scans the field at `pos`, leaving `pos` on the delimiter after it (`,`, `\r` or `\n`).
    /// - Throws: `TraceError` for an unterminated quote or text after a closing quote.
    @inline(__always)
    mutating func nextField() throws -> Field {
        let startLine = line, startLineStart = lineStart
        var p = pos
        if base[p] != 34 /* " */ {
            while true {
                let c = base[p]
                if c == 44 || c == 10 || c == 13 { break }
                p &+= 1
            }
            let field = Field(start: pos, end: p, quoted: false, escaped: false, line: startLine, lineStart: startLineStart)
            pos = p
            return field
        }
        return try quotedField(startLine: startLine, startLineStart: startLineStart)
    }

    private mutating func quotedField(startLine: Int, startLineStart: Int) throws -> Field {
        let open = pos
        var p = pos + 1
        var escaped = false
        while true {
            guard p < count else {
                throw error(at: open, line: startLine, lineStart: startLineStart,
                            "a quoted field is never closed", expected: "a closing \" before the end of the file")
            }
            let c = base[p]
            if c == 34 {
                if p + 1 < count && base[p + 1] == 34 { escaped = true; p += 2; continue }
                break
            }
            if c == 10 { line += 1; lineStart = p + 1 }
            p += 1
        }
        let field = Field(start: open + 1, end: p, quoted: true, escaped: escaped, line: startLine, lineStart: startLineStart)
        p += 1
        while base[p] == 32 || base[p] == 9 { p += 1 }
        let c = base[p]
        guard c == 44 || c == 10 || c == 13 else {
            throw error(at: p, line: line, lineStart: lineStart,
                        "unexpected text after a closing quote", expected: "a comma or the end of the line")
        }
        pos = p
        return field
    }

    /// Consumes the line end at `pos` (LF, CRLF or CR).
    @inline(__always)
    mutating func consumeLineEnd() {
        if base[pos] == 13 && pos &+ 1 < count && base[pos &+ 1] == 10 { pos &+= 2 } else { pos &+= 1 }
        line &+= 1
        lineStart = pos
    }

    /// True at `pos` on an empty line (a line end straight away).
    @inline(__always)
    var atLineEnd: Bool { base[pos] == 10 || base[pos] == 13 }

    /// The text of a field, quotes unescaped and surrounding spaces trimmed.
    func text(of field: Field) -> String {
        var bytes = Array(UnsafeBufferPointer(start: base + field.start, count: field.end - field.start))
        if field.escaped {
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var k = 0
            while k < bytes.count {
                out.append(bytes[k])
                k += (bytes[k] == 34 && k + 1 < bytes.count && bytes[k + 1] == 34) ? 2 : 1
            }
            bytes = out
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return text.trimmingSpaces()
    }
}
