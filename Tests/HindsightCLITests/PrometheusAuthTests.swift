import Foundation
import HindsightTestSupport
import HindsightTrace
import XCTest

/// `import --prometheus` against a small stand-in server (python3's http.server) that
/// demands a bearer token and logs every call: the token is sent from a file or a variable,
/// a wrong one is refused with the server's 401, and a long range arrives in calls of at
/// most 11,000 points that together evaluate every step once.
final class PrometheusAuthTests: XCTestCase {
    /// Answers /api/v1/query_range with one series whose value at t is t, for t = start,
    /// start + step, … ≤ end; 401 without `Authorization: Bearer s3cret`; logs
    /// `start end step` of each call to the file in argv[2].
    static let server = #"""
        import http.server, json, sys, urllib.parse
        from decimal import Decimal
        log = open(sys.argv[2], "a")
        class H(http.server.BaseHTTPRequestHandler):
            def log_message(self, *a): pass
            def do_GET(self):
                if self.headers.get("Authorization") != "Bearer s3cret":
                    body = b'{"status":"error","errorType":"unauthorized","error":"bad token"}'
                    self.send_response(401)
                else:
                    q = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
                    start, end, step = (Decimal(q[k][0]) for k in ("start", "end", "step"))
                    log.write(f"{start} {end} {step}\n"); log.flush()
                    values, t = [], start
                    while t <= end:
                        values.append([int(t), str(int(t))]); t += step
                    body = json.dumps({"status": "success", "data": {"resultType": "matrix",
                        "result": [{"metric": {"__name__": "clock"}, "values": values}]}}).encode()
                    self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
        http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
        """#

    func testTokenAndChunks() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") else { throw XCTSkip("python3 is not installed") }
        let dir = try TempDir()
        let script = try dir.write("server.py", Self.server)
        let log = dir.path("calls.log")
        let port = try PrometheusServer.freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [script, String(port), log]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        let url = "http://127.0.0.1:\(port)"
        let endpoint = try HTTPEndpoint(url)
        let deadline = Date().addingTimeInterval(20)
        while (try? HTTPClient.get(endpoint, "/", timeoutSeconds: 1)) == nil {
            guard Date() < deadline, process.isRunning else { throw FixtureError("the stand-in server did not start") }
            usleep(50_000)
        }
        // 25,000 evaluation times of 60 s: calls of 11,000 + 11,000 + 3,000.
        let start: Int64 = 1_767_225_600
        let end = start + 24_999 * 60
        let token = try dir.write("token", "s3cret\n")
        let args = ["import", "--prometheus", url, "--query", "clock", "--start", String(start), "--end", String(end),
                    "--step", "1m", "--name", "clock", "--db", dir.path("store.sqlite")]
        let r = try CLI.run(args + ["--bearer-token-file", token])
        XCTAssertEqual(r.status, 0, r.stderr)
        let calls = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        XCTAssertEqual(calls.map { $0[0] }, [String(start), String(start + 11_000 * 60), String(start + 22_000 * 60)])
        XCTAssertEqual(calls.map { $0[1] }, [String(start + 10_999 * 60), String(start + 21_999 * 60), String(end)])
        XCTAssertTrue(calls.allSatisfy { $0[2] == "60" })
        let stored = try DatasetStore.loadTrace(name: "clock", dbPath: dir.path("store.sqlite"))
        XCTAssertEqual(stored.times.count, 25_000)
        XCTAssertEqual(stored.times, (0..<25_000).map { (start + Int64($0) * 60) * 1000 })
        XCTAssertEqual(stored.columns["clock"], stored.times.map { Double($0 / 1000) })

        // The same token from a variable; a wrong one is the server's 401 with a hint.
        let env = try CLI.run(args + ["--bearer-token-env", "HS_TOKEN", "--replace"], environment: ["HS_TOKEN": "s3cret"])
        XCTAssertEqual(env.status, 0, env.stderr)
        let wrong = try CLI.run(args + ["--bearer-token-env", "HS_TOKEN", "--replace"], environment: ["HS_TOKEN": "guess"])
        XCTAssertEqual(wrong.status, 2)
        XCTAssertTrue(wrong.stderr.contains("HTTP 401"), wrong.stderr)
        XCTAssertTrue(wrong.stderr.contains("--bearer-token-file"), wrong.stderr)
        XCTAssertFalse(wrong.stderr.contains("guess"), wrong.stderr)
    }
}
