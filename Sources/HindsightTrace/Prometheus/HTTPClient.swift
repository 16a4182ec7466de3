#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A minimal HTTP/1.1 client over POSIX sockets, for `GET` against a plain-HTTP server
/// (a Prometheus query API): one request per connection (`Connection: close`), no
/// compression, no redirects, no TLS (see ``HTTPEndpoint``).
public enum HTTPClient {
    /// Sends `GET <prefix><pathAndQuery>` to `endpoint` with `headers` and reads the whole
    /// answer.
    /// - Parameters:
    ///   - timeoutSeconds: limit on connecting and on each send and receive (not on the whole answer).
    ///   - maxBytes: the largest answer accepted.
    /// - Throws: `TraceError` naming the endpoint when the host is unknown, the connection
    ///   fails or times out, the answer is larger than `maxBytes`, or it is not HTTP.
    /// - Complexity: O(answer bytes).
    public static func get(_ endpoint: HTTPEndpoint, _ pathAndQuery: String, headers: [(String, String)] = [],
                           timeoutSeconds: Int = 60, maxBytes: Int = 1 << 30) throws -> HTTPResponse {
        let where_ = endpoint.display
        func fail(_ message: String) -> TraceError {
            TraceError(file: where_, message: message, expected: "a reachable HTTP server (is Prometheus running at this address?)")
        }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>? = nil
        let rc = getaddrinfo(endpoint.host, String(endpoint.port), &hints, &list)
        guard rc == 0, let first = list else {
            throw fail("cannot resolve host \(Excerpt.quoted(endpoint.host)) (\(String(cString: gai_strerror(rc))))")
        }
        defer { freeaddrinfo(list) }
        var fd: Int32 = -1
        var lastError: Int32 = 0
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            let s = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
            if s >= 0 {
                setTimeouts(s, seconds: timeoutSeconds)
                if connect(s, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { fd = s; break }
                lastError = errno
                close(s)
            } else {
                lastError = errno
            }
            cursor = info.pointee.ai_next
        }
        guard fd >= 0 else { throw fail("cannot connect (\(String(cString: strerror(lastError))))") }
        defer { close(fd) }
        var request = "GET \(endpoint.pathPrefix)\(pathAndQuery) HTTP/1.1\r\nHost: \(endpoint.hostHeader)\r\n"
        request += "User-Agent: hindsight\r\nAccept: application/json\r\nAccept-Encoding: identity\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        let out = Array(request.utf8)
        var sent = 0
        while sent < out.count {
            let n = out[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail("sending the request failed (\(String(cString: strerror(errno))))")
            }
            sent += n
        }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK { throw fail("no answer within \(timeoutSeconds) s") }
                throw fail("reading the answer failed (\(String(cString: strerror(errno))))")
            }
            answer.append(contentsOf: buffer[..<n])
            guard answer.count <= maxBytes else { throw fail("the answer is larger than \(maxBytes) bytes") }
        }
        return try HTTPResponse.parse(answer, source: where_)
    }

    /// Send and receive timeouts of `seconds` on socket `fd` (connect honours the send timeout on Linux).
    private static func setTimeouts(_ fd: Int32, seconds: Int) {
        var tv = timeval(tv_sec: seconds, tv_usec: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        _ = setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    /// `text` percent-encoded for a query string: everything but `A–Z a–z 0–9 - . _ ~`.
    /// - Complexity: O(n).
    public static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF")
                out.append("%"); out.append(hex[Int(byte >> 4)]); out.append(hex[Int(byte & 15)])
            }
        }
        return out
    }
}
