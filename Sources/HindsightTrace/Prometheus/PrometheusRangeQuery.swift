/// One `query_range` over a long span, split into calls the server accepts.
///
/// Prometheus refuses a range query whose answer would hold more than 11,000 points per
/// series ("exceeded maximum resolution"), so the span is cut into chunks of at most
/// ``maxPointsPerChunk`` evaluation times each, `start + k·step` for k = 0, 1, … up to
/// `end`, the same times one unbounded call would evaluate; the answers are joined in time
/// order into one ``RawTrace``.
///
/// ```swift
/// let q = try PrometheusRangeQuery(endpoint: HTTPEndpoint("http://127.0.0.1:9090"), query: "up",
///                                  startMs: 0, endMs: 86_400_000, stepMs: 15_000)
/// let trace = try q.fetch()
/// ```
public struct PrometheusRangeQuery: Sendable {
    /// The server's limit on points per series in one answer.
    public static let serverPointLimit = 11_000

    public var endpoint: HTTPEndpoint
    /// PromQL.
    public var query: String
    /// First and last evaluation time (inclusive), ms since epoch; the step, ms (> 0).
    public var startMs: Int64
    public var endMs: Int64
    public var stepMs: Int64
    /// Sent as `Authorization: Bearer <token>` when set.
    public var bearerToken: String?
    /// The column name of a single series (see ``PrometheusJSON``).
    public var columnName: String?
    /// Evaluation times per call, at most ``serverPointLimit``.
    public var maxPointsPerChunk: Int = serverPointLimit
    /// Per-call socket timeout, seconds.
    public var timeoutSeconds: Int = 60

    /// - Throws: `TraceError` when `end` is before `start`, the step is not positive, or
    ///   the token holds a line break (it would end the header).
    public init(endpoint: HTTPEndpoint, query: String, startMs: Int64, endMs: Int64, stepMs: Int64,
                bearerToken: String? = nil, columnName: String? = nil) throws {
        let place = endpoint.display
        guard stepMs > 0 else { throw TraceError(file: place, message: "step \(stepMs) ms", expected: "a positive step such as 15s") }
        guard endMs >= startMs else { throw TraceError(file: place, message: "--end is before --start", expected: "an end at or after the start") }
        guard !query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw TraceError(file: place, message: "the query is empty", expected: "a PromQL expression")
        }
        if let t = bearerToken, t.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) || t.isEmpty {
            throw TraceError(file: place, message: "the bearer token is empty or holds a line break", expected: "one line of token text")
        }
        self.endpoint = endpoint; self.query = query; self.startMs = startMs; self.endMs = endMs
        self.stepMs = stepMs; self.bearerToken = bearerToken; self.columnName = columnName
    }

    /// Evaluation times in all: ⌊(end − start) / step⌋ + 1.
    public var totalPoints: Int64 { (endMs - startMs) / stepMs + 1 }

    /// The calls' (start, end) in ms, each end inclusive, covering every evaluation time once.
    /// - Complexity: O(chunks).
    public func chunks() -> [(startMs: Int64, endMs: Int64)] {
        precondition(maxPointsPerChunk >= 1 && maxPointsPerChunk <= Self.serverPointLimit,
                     "maxPointsPerChunk \(maxPointsPerChunk) outside 1...\(Self.serverPointLimit)")
        let per = Int64(maxPointsPerChunk)
        var out: [(Int64, Int64)] = []
        var k: Int64 = 0
        let total = totalPoints
        while k < total {
            let last = min(k + per, total) - 1
            out.append((startMs + k * stepMs, startMs + last * stepMs))
            k = last + 1
        }
        return out.map { (startMs: $0.0, endMs: $0.1) }
    }

    /// The request path and query string of one call.
    func path(startMs: Int64, endMs: Int64) -> String {
        "/api/v1/query_range?query=\(HTTPClient.percentEncoded(query))&start=\(Self.seconds(startMs))"
            + "&end=\(Self.seconds(endMs))&step=\(Self.seconds(stepMs))"
    }

    /// ms as decimal seconds, exact (`1767225600`, `1767225600.5`).
    static func seconds(_ ms: Int64) -> String {
        let sign = ms < 0 ? "-" : ""
        let m = ms.magnitude
        let whole = m / 1000, frac = m % 1000
        if frac == 0 { return "\(sign)\(whole)" }
        var f = String(frac)
        while f.count < 3 { f = "0" + f }
        while f.hasSuffix("0") { f.removeLast() }
        return "\(sign)\(whole).\(f)"
    }

    /// Runs every call in order and joins the answers.
    /// - Parameter progress: called after each call with (calls done, calls in all).
    /// - Returns: the samples; a series absent from a chunk is missing (`.nan`) there.
    /// - Throws: `TraceError` for a network failure, an HTTP status other than 200 (with
    ///   the server's error text), an answer that is not a matrix, or no samples at all.
    /// - Complexity: O(samples · log samples) plus the calls.
    public func fetch(progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws -> RawTrace {
        var headers: [(String, String)] = []
        if let bearerToken { headers.append(("Authorization", "Bearer \(bearerToken)")) }
        let parts = chunks()
        var traces: [RawTrace] = []
        for (i, chunk) in parts.enumerated() {
            let path = path(startMs: chunk.startMs, endMs: chunk.endMs)
            let source = endpoint.display + "/api/v1/query_range"
            let response = try HTTPClient.get(endpoint, path, headers: headers, timeoutSeconds: timeoutSeconds)
            guard response.status == 200 else {
                let text = String(decoding: response.body.prefix(400), as: UTF8.self)
                let hint = response.status == 401 || response.status == 403
                    ? "a valid token (--bearer-token-file or --bearer-token-env)" : "HTTP 200 with a query_range answer"
                throw TraceError(file: source, message: "HTTP \(response.status) for the call \(i + 1) of \(parts.count): \(Excerpt.of(text))", expected: hint)
            }
            if let trace = try PrometheusJSON.read(bytes: response.body, file: source, columnName: columnName, allowEmpty: true) {
                traces.append(trace)
            }
            progress?(i + 1, parts.count)
        }
        let joined = try Self.join(traces, source: "\(endpoint.display) query \(query)")
        guard !joined.times.isEmpty else {
            throw TraceError(file: endpoint.display, message: "the query \(Excerpt.quoted(query)) returned no samples between the start and the end",
                             expected: "a query with data in that range")
        }
        return joined
    }

    /// Traces of consecutive, non-overlapping chunks joined in order; columns are the union.
    /// - Throws: `TraceError` when a chunk's samples do not all come after the previous
    ///   chunk's (a server answering outside the asked range).
    /// - Complexity: O(chunks × columns × samples).
    static func join(_ traces: [RawTrace], source: String) throws -> RawTrace {
        let names = Set(traces.flatMap(\.columns.keys)).sorted()
        var times: [Int64] = []
        var columns: [String: [Double]] = Dictionary(uniqueKeysWithValues: names.map { ($0, []) })
        for trace in traces {
            if let last = times.last, let first = trace.times.first, first <= last {
                throw TraceError(file: source, message: "the server answered a sample at \(first) ms, not after the previous call's last at \(last) ms",
                                 expected: "answers inside the asked ranges")
            }
            times += trace.times
            for name in names {
                columns[name, default: []] += trace.columns[name] ?? [Double](repeating: .nan, count: trace.times.count)
            }
        }
        return RawTrace(times: times, columns: columns, source: source)
    }
}
