extension HTTPResponse {
    /// Parses the bytes a server sent on a connection it then closed: the status line,
    /// the headers, then a body framed by `Transfer-Encoding: chunked`, `Content-Length`,
    /// or the end of the connection.
    /// - Throws: `TraceError` naming `source` when the bytes are not an HTTP/1.x response
    ///   or the body is shorter than announced.
    /// - Complexity: O(bytes).
    public static func parse(_ bytes: [UInt8], source: String) throws -> HTTPResponse {
        func bad(_ message: String) -> TraceError {
            TraceError(file: source, message: "the HTTP answer is malformed: \(message)", expected: "an HTTP/1.1 response")
        }
        guard let headEnd = find([13, 10, 13, 10], in: bytes, from: 0) else { throw bad("no end of headers") }
        let head = String(decoding: bytes[..<headEnd], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst()
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]) else {
            throw bad("status line \(Excerpt.quoted(statusLine))")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { throw bad("header line \(Excerpt.quoted(line))") }
            headers.append((line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let rest = Array(bytes[(headEnd + 4)...])
        var response = HTTPResponse(status: status, headers: headers, body: [])
        if let coding = response.header("transfer-encoding"), coding.lowercased().contains("chunked") {
            response.body = try dechunk(rest, bad)
        } else if let lengthText = response.header("content-length") {
            guard let length = Int(lengthText), length >= 0 else { throw bad("Content-Length \(Excerpt.quoted(lengthText))") }
            guard rest.count >= length else { throw bad("the body ended after \(rest.count) of \(length) bytes") }
            response.body = Array(rest[..<length])
        } else {
            response.body = rest
        }
        return response
    }

    /// The body of a chunked transfer coding: `<hex size>[;ext]\r\n<data>\r\n` … `0\r\n\r\n`.
    private static func dechunk(_ bytes: [UInt8], _ bad: (String) -> TraceError) throws -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while true {
            guard let lineEnd = find([13, 10], in: bytes, from: i) else { throw bad("a chunk size line without its end") }
            let line = String(decoding: bytes[i..<lineEnd], as: UTF8.self)
            let sizeText = line.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard let size = Int(sizeText, radix: 16), size >= 0 else { throw bad("chunk size \(Excerpt.quoted(line))") }
            i = lineEnd + 2
            if size == 0 { return out }
            guard size <= bytes.count - i else { throw bad("a chunk of \(size) bytes cut short") }
            out.append(contentsOf: bytes[i..<(i + size)])
            i += size
            guard i + 2 <= bytes.count, bytes[i] == 13, bytes[i + 1] == 10 else { throw bad("a chunk not followed by CRLF") }
            i += 2
        }
    }

    /// First index of `needle` in `bytes` at or after `from`.
    /// - Complexity: O(bytes × needle).
    static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var i = from
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0] && bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
