import HindsightTestSupport
import HindsightTrace
import XCTest

/// Splitting a long range under the server's 11,000-point limit, the URL rules, and HTTP
/// answer framing, against hand-worked cases.
final class PrometheusRangeQueryTests: XCTestCase {
    func endpoint() throws -> HTTPEndpoint { try HTTPEndpoint("http://127.0.0.1:9090") }

    func testChunksCoverEveryEvaluationTimeOnceUnderTheLimit() throws {
        // 3 days at 15 s, start and end inclusive: 17,280 points → 11,000 + 6,280.
        let q = try PrometheusRangeQuery(endpoint: endpoint(), query: "up", startMs: 0, endMs: 17_279 * 15_000, stepMs: 15_000)
        XCTAssertEqual(q.totalPoints, 17_280)
        let chunks = q.chunks()
        XCTAssertEqual(chunks.count, 2)
        XCTAssertEqual(chunks[0].startMs, 0)
        XCTAssertEqual(chunks[0].endMs, 10_999 * 15_000)
        XCTAssertEqual(chunks[1].startMs, 11_000 * 15_000)
        XCTAssertEqual(chunks[1].endMs, 17_279 * 15_000)
    }

    func testSmallChunksAndAnEndOffTheGrid() throws {
        // 0…100 s at 30 s: times 0, 30, 60, 90 (100 is not on the grid); 3 per call → 2 calls.
        var q = try PrometheusRangeQuery(endpoint: endpoint(), query: "up", startMs: 0, endMs: 100_000, stepMs: 30_000)
        q.maxPointsPerChunk = 3
        XCTAssertEqual(q.totalPoints, 4)
        let chunks = q.chunks()
        XCTAssertEqual(chunks.map(\.startMs), [0, 90_000])
        XCTAssertEqual(chunks.map(\.endMs), [60_000, 90_000])
        // A single point.
        let one = try PrometheusRangeQuery(endpoint: endpoint(), query: "up", startMs: 5_000, endMs: 5_000, stepMs: 1_000)
        XCTAssertEqual(one.chunks().map(\.startMs), [5_000])
    }

    func testBadRangesAndTokensAreRefused() throws {
        XCTAssertThrowsError(try PrometheusRangeQuery(endpoint: endpoint(), query: "up", startMs: 10, endMs: 0, stepMs: 1))
        XCTAssertThrowsError(try PrometheusRangeQuery(endpoint: endpoint(), query: "up", startMs: 0, endMs: 10, stepMs: 0))
        XCTAssertThrowsError(try PrometheusRangeQuery(endpoint: endpoint(), query: " ", startMs: 0, endMs: 10, stepMs: 1))
        XCTAssertThrowsError(try PrometheusRangeQuery(endpoint: endpoint(), query: "up", startMs: 0, endMs: 10, stepMs: 1,
                                                      bearerToken: "abc\r\nX-Evil: 1"))
    }

    func testEndpoints() throws {
        let a = try HTTPEndpoint("http://prom.internal:9091/prometheus/")
        XCTAssertEqual(a.host, "prom.internal")
        XCTAssertEqual(a.port, 9091)
        XCTAssertEqual(a.pathPrefix, "/prometheus")
        let b = try HTTPEndpoint("http://[::1]:9090")
        XCTAssertEqual(b.host, "::1")
        XCTAssertEqual(b.display, "http://[::1]:9090")
        XCTAssertEqual(try HTTPEndpoint("http://localhost").port, 80)
        XCTAssertThrowsError(try HTTPEndpoint("https://prom:9090")) { error in
            XCTAssertTrue("\(error)".contains("https is not supported"), "\(error)")
        }
        XCTAssertThrowsError(try HTTPEndpoint("prom:9090"))
        XCTAssertThrowsError(try HTTPEndpoint("http://user:pw@prom:9090"))
        XCTAssertThrowsError(try HTTPEndpoint("http://prom:99999"))
    }

    func testPercentEncoding() {
        XCTAssertEqual(HTTPClient.percentEncoded("sum(rate(x{a=\"b c\"}[1m]))"),
                       "sum%28rate%28x%7Ba%3D%22b%20c%22%7D%5B1m%5D%29%29")
        XCTAssertEqual(HTTPClient.percentEncoded("é"), "%C3%A9")
    }

    func testChunkedAndLengthFramedAnswers() throws {
        let chunked = Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n4\r\n{\"a\"\r\n3;ext=1\r\n:1}\r\n0\r\n\r\n".utf8)
        let r = try HTTPResponse.parse(chunked, source: "t")
        XCTAssertEqual(r.status, 200)
        XCTAssertEqual(String(decoding: r.body, as: UTF8.self), "{\"a\":1}")
        XCTAssertEqual(r.header("content-type"), "application/json")
        let sized = try HTTPResponse.parse(Array("HTTP/1.1 400 Bad Request\r\nContent-Length: 5\r\n\r\nhello, extra".utf8), source: "t")
        XCTAssertEqual(sized.status, 400)
        XCTAssertEqual(String(decoding: sized.body, as: UTF8.self), "hello")
        XCTAssertThrowsError(try HTTPResponse.parse(Array("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nshort".utf8), source: "t"))
        XCTAssertThrowsError(try HTTPResponse.parse(Array("SSH-2.0-OpenSSH\r\n\r\n".utf8), source: "t"))
        XCTAssertThrowsError(try HTTPResponse.parse(Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nff\r\nab".utf8), source: "t"))
    }
}
