#if canImport(Glibc)
import Glibc
#endif
import Foundation
import HindsightTestSupport
import HindsightTrace
import XCTest

/// A real Prometheus server (the Debian `prometheus` package) on 127.0.0.1, its TSDB filled
/// from OpenMetrics text by `promtool tsdb create-blocks-from openmetrics`; stopped by
/// `stop()` or when released.
final class PrometheusServer {
    let url: String
    let version: String
    private let process: Process
    private let folder: TempDir

    /// The binaries, or nil when either is absent.
    static func binaries() -> (prometheus: String, promtool: String)? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        func find(_ name: String) -> String? {
            (path + ["/usr/bin", "/usr/local/bin"]).map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        guard let p = find("prometheus"), let t = find("promtool") else { return nil }
        return (p, t)
    }

    /// Fills a TSDB from `openMetrics` and starts the server on a free port; waits until
    /// `/-/ready` answers (at most `readyWithin` seconds).
    /// - Throws: `XCTSkip` when the binaries are absent and `HINDSIGHT_REQUIRE_PROMETHEUS`
    ///   is not set (CI sets it); `FixtureError` when anything fails.
    init(openMetrics: String, readyWithin: Double = 60) throws {
        guard let bins = Self.binaries() else {
            if ProcessInfo.processInfo.environment["HINDSIGHT_REQUIRE_PROMETHEUS"] == "1" {
                throw FixtureError("HINDSIGHT_REQUIRE_PROMETHEUS=1 but prometheus/promtool are not on PATH (apt-get install prometheus)")
            }
            throw XCTSkip("prometheus and promtool are not installed (apt-get install prometheus); the real-server import test is skipped")
        }
        folder = try TempDir(prefix: "hindsight-prometheus")
        let input = try folder.write("input.om", openMetrics)
        let data = folder.path("data")
        let status = Subprocess.run(bins.promtool, ["tsdb", "create-blocks-from", "openmetrics", input, data])
        guard status == 0 else { throw FixtureError("promtool create-blocks-from openmetrics exited \(status)") }
        let config = try folder.write("prometheus.yml", "global:\n  scrape_interval: 1h\n")
        let port = try Self.freePort()
        url = "http://127.0.0.1:\(port)"
        process = Process()
        process.executableURL = URL(fileURLWithPath: bins.prometheus)
        process.arguments = ["--config.file=\(config)", "--storage.tsdb.path=\(data)",
                             "--storage.tsdb.retention.time=100y", "--web.listen-address=127.0.0.1:\(port)"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let log = folder.path("prometheus.log")
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try process.run()
        version = Self.version(bins.prometheus)
        let endpoint = try HTTPEndpoint(url)
        let deadline = Date().addingTimeInterval(readyWithin)
        while true {
            if let r = try? HTTPClient.get(endpoint, "/-/ready", timeoutSeconds: 2), r.status == 200 { break }
            guard process.isRunning, Date() < deadline else {
                stop()
                let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                throw FixtureError("prometheus did not become ready within \(readyWithin) s: \(text.suffix(2000))")
            }
            usleep(100_000)
        }
    }

    deinit { stop() }

    /// Stops the server (SIGTERM, then waits); harmless when already stopped.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// A port nothing listens on now: bind port 0 on 127.0.0.1 and read what the kernel chose.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw FixtureError("socket() failed") }
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        guard bound == 0 else { throw FixtureError("bind() failed") }
        let named = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        guard named == 0 else { throw FixtureError("getsockname() failed") }
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    /// The first line of `prometheus --version`.
    static func version(_ binary: String) -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["--version"]
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        guard (try? p.run()) != nil else { return "unknown" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "unknown"
    }
}
