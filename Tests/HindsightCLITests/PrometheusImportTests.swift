import Foundation
import HindsightTestSupport
import HindsightTrace
import XCTest

/// `hindsight import --prometheus` against a real Prometheus server (README "Metrics from
/// a running Prometheus"): the demo trace written as OpenMetrics, loaded into a TSDB with
/// promtool, served on 127.0.0.1, imported by the README's commands exactly as written,
/// and compared sample by sample with the CSV it came from.
final class PrometheusImportTests: XCTestCase {
    /// The README's commands, run by `sh -c` with `hindsight` on PATH, `PROMETHEUS_URL`
    /// pointing at the test's server and `PROMETHEUS_TOKEN` set.
    static let readmeCommands = [
        #"hindsight import --prometheus "$PROMETHEUS_URL" --query demo_rps --start 2026-01-01T00:00:00Z --end 2026-01-03T23:59:45Z --step 15s --column rps --name demo-prom --bearer-token-env PROMETHEUS_TOKEN"#,
        #"hindsight datasets"#,
    ]

    func testImportFromARealPrometheusEqualsTheSource() throws {
        let csv = CLI.packagePath("datasets/demo-web.csv")
        let source = try TraceCSV.read(path: csv, timeColumn: "timestamp")
        let rps = try XCTUnwrap(source.columns["rps"])
        let cpu = try XCTUnwrap(source.columns["cpu"])
        // 17,280 samples: more than one call's 11,000 points, so the import is chunked.
        XCTAssertGreaterThan(source.times.count, PrometheusRangeQuery.serverPointLimit)
        var om = "# TYPE demo_rps gauge\n"
        let text = try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\n").dropFirst().map { $0.split(separator: ",") }
        for row in text { om += "demo_rps \(row[1]) \(row[0])\n" }
        om += "# TYPE demo_cpu gauge\n"
        for row in text { om += "demo_cpu \(row[2]) \(row[0])\n" }
        om += "# EOF\n"

        let server = try PrometheusServer(openMetrics: om)
        defer { server.stop() }
        // The CI log shows this line: proof that the real-server test ran.
        print("PROMETHEUS-SERVER-TEST ran against \(server.version) at \(server.url)")

        let work = try TempDir()
        guard let binary = CLI.binary else { throw FixtureError("no hindsight binary") }
        let path = binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        var outputs: [CLIResult] = []
        for command in Self.readmeCommands {
            let r = try CLI.run(shell: command, in: work.url, environment: [
                "PATH": path, "PROMETHEUS_URL": server.url, "PROMETHEUS_TOKEN": "not-checked-by-this-server",
            ])
            XCTAssertEqual(r.status, 0, "\(command)\n\(r.stderr)")
            outputs.append(r)
        }
        XCTAssertTrue(outputs[0].stdout.contains("imported 17280 rows × 1 columns as 'demo-prom'"), outputs[0].stdout)
        XCTAssertTrue(outputs[1].stdout.contains("demo-prom"), outputs[1].stdout)

        let stored = try DatasetStore.loadTrace(name: "demo-prom", dbPath: work.path("datasets/hindsight.sqlite"))
        XCTAssertEqual(stored.columnNames, ["rps"])
        XCTAssertEqual(stored.times, source.times)
        // Prometheus prints the shortest text of the float64 it stored: the same double back.
        XCTAssertEqual(try XCTUnwrap(stored.columns["rps"]), rps)

        // A second series, with the column named after the metric, over a slice whose end
        // is not on the step grid of the first call.
        let slice = try CLI.run(["import", "--prometheus", server.url, "--query", "demo_cpu",
                                 "--start", "1767229200", "--end", "1767232799", "--step", "1m", "--name", "cpu-slice"],
                                in: work.url)
        XCTAssertEqual(slice.status, 0, slice.stderr)
        let cpuSlice = try DatasetStore.loadTrace(name: "cpu-slice", dbPath: work.path("datasets/hindsight.sqlite"))
        XCTAssertEqual(cpuSlice.columnNames, ["demo_cpu"])
        let expectedTimes = stride(from: Int64(1_767_229_200_000), through: 1_767_232_799_000, by: 60_000).map { $0 }
        XCTAssertEqual(cpuSlice.times, expectedTimes)
        for (k, t) in expectedTimes.enumerated() {
            let i = try XCTUnwrap(source.times.firstIndex(of: t))
            XCTAssertEqual(cpuSlice.columns["demo_cpu"]?[k], cpu[i])
        }

        // A query with no data in the range is an input error, and the store is unchanged.
        let empty = try CLI.run(["import", "--prometheus", server.url, "--query", "no_such_metric", "--start", "1767225600",
                                 "--end", "1767229200", "--step", "15s", "--name", "nothing"], in: work.url)
        XCTAssertEqual(empty.status, 2)
        XCTAssertTrue(empty.stderr.contains("returned no samples"), empty.stderr)
        // A PromQL syntax error comes back as the server's HTTP 400 text.
        let broken = try CLI.run(["import", "--prometheus", server.url, "--query", "sum(", "--start", "1767225600",
                                  "--end", "1767229200", "--step", "15s", "--name", "broken"], in: work.url)
        XCTAssertEqual(broken.status, 2)
        XCTAssertTrue(broken.stderr.contains("HTTP 400"), broken.stderr)
        server.stop()
    }

    func testTheReadmeShowsTheseCommands() throws {
        let readme = try String(contentsOfFile: CLI.packagePath("README.md"), encoding: .utf8)
        for command in Self.readmeCommands { XCTAssertTrue(readme.contains(command), command) }
    }

    func testRefusalsWithoutAServer() throws {
        let https = try CLI.run(["import", "--prometheus", "https://prom.example:9090", "--query", "up",
                                 "--start", "0", "--end", "60", "--step", "15s", "--name", "x"])
        XCTAssertEqual(https.status, 2)
        XCTAssertTrue(https.stderr.contains("https is not supported"), https.stderr)
        let incomplete = try CLI.run(["import", "--prometheus", "http://127.0.0.1:1", "--query", "up", "--name", "x"])
        XCTAssertEqual(incomplete.status, 2)
        XCTAssertTrue(incomplete.stderr.contains("--start"), incomplete.stderr)
        let both = try CLI.run(["import", "file.csv", "--prometheus", "http://127.0.0.1:1", "--name", "x"])
        XCTAssertEqual(both.status, 2)
        let noToken = try CLI.run(["import", "--prometheus", "http://127.0.0.1:1", "--query", "up", "--start", "0",
                                   "--end", "60", "--step", "15s", "--name", "x", "--bearer-token-env", "HINDSIGHT_NO_SUCH_VAR"])
        XCTAssertEqual(noToken.status, 2)
        XCTAssertTrue(noToken.stderr.contains("HINDSIGHT_NO_SUCH_VAR"), noToken.stderr)
        // Nothing listens on port 1: a connection error naming the address, exit 2.
        let refused = try CLI.run(["import", "--prometheus", "http://127.0.0.1:1", "--query", "up", "--start", "0",
                                   "--end", "60", "--step", "15s", "--name", "x"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("http://127.0.0.1:1"), refused.stderr)
    }
}
