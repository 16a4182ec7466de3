/// Where a plain-HTTP server is: host, port and a path prefix, from `http://host[:port][/prefix]`.
///
/// Only `http://` is accepted: hindsight has no TLS client of its own (and takes no
/// dependency for one), so an `https://` URL is refused with that reason rather than sent
/// in clear text. Reach a TLS-only Prometheus through `kubectl port-forward` or a local
/// proxy that terminates TLS.
public struct HTTPEndpoint: Sendable, Equatable {
    /// Host name or address (IPv6 without brackets).
    public var host: String
    public var port: UInt16
    /// Path prefix without a trailing `/` (`""` or `/prometheus`).
    public var pathPrefix: String

    /// Parses `text`.
    /// - Throws: `TraceError` naming the URL when it is not `http://host[:port][/path]`
    ///   (https included, with the reason above).
    /// - Complexity: O(n).
    public init(_ text: String) throws {
        func bad(_ message: String) -> TraceError {
            TraceError(file: text, message: message, expected: "an http:// URL such as http://127.0.0.1:9090 (or http://host:9090/prefix)")
        }
        if text.lowercased().hasPrefix("https://") {
            throw TraceError(file: text, message: "https is not supported: hindsight has no TLS client of its own and will not send the query or a token in clear text to an https server",
                             expected: "an http:// URL; reach a TLS-only Prometheus through `kubectl port-forward` or a local TLS-terminating proxy")
        }
        guard text.lowercased().hasPrefix("http://") else { throw bad("not an http:// URL") }
        let rest = text.dropFirst("http://".count)
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = String(rest[..<authorityEnd])
        var prefix = String(rest[authorityEnd...])
        guard !prefix.contains("?"), !prefix.contains("#") else { throw bad("a query or fragment in the base URL") }
        while prefix.hasSuffix("/") { prefix.removeLast() }
        guard !authority.contains("@") else { throw bad("credentials in the URL (use --bearer-token-file or --bearer-token-env)") }
        var host = authority
        var portText: String? = nil
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw bad("an unclosed [ in the host") }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { portText = String(after.dropFirst()) } else if !after.isEmpty { throw bad("text after the host") }
        } else if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            portText = String(authority[authority.index(after: colon)...])
        }
        guard !host.isEmpty else { throw bad("no host") }
        if let portText {
            guard let p = UInt16(portText), p > 0 else { throw bad("port \(Excerpt.quoted(portText)) is not 1–65535") }
            port = p
        } else {
            port = 80
        }
        self.host = host
        pathPrefix = prefix
    }

    /// `http://host:port/prefix`, for messages and the dataset's source.
    public var display: String {
        let h = host.contains(":") ? "[\(host)]" : host
        return "http://\(h):\(port)\(pathPrefix)"
    }

    /// The `Host` header's value.
    var hostHeader: String {
        let h = host.contains(":") ? "[\(host)]" : host
        return port == 80 ? h : "\(h):\(port)"
    }
}
