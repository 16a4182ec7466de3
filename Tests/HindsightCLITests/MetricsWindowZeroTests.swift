import Foundation
import HindsightTestSupport
import XCTest

/// `spec.metrics: {lag: 0s, window: 0s}` — the instantaneous metric that HPA.md's
/// sync-by-sync cases assume — loads from YAML and drives the HPA end to end through the
/// binary, exactly as a user writes it.
final class MetricsWindowZeroTests: XCTestCase {
    /// 45 steps of 15 s: 1 core of CPU (steps 0–3), 3 cores (4–19), 1 core (20–44).
    static func traceCSV() -> String {
        var rows = ["timestamp,cpu"]
        for i in 0..<45 {
            rows.append("\(1_767_225_600 + 15 * i),\(i >= 4 && i < 20 ? 3 : 1)")
        }
        return rows.joined(separator: "\n") + "\n"
    }

    static let hpa = """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: web
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          minReplicas: 1
          maxReplicas: 10
          metrics:
            - type: Resource
              resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}

        """

    static let scenario = """
        apiVersion: hindsight/v1
        kind: Scenario
        metadata:
          name: window-zero
        spec:
          trace:
            file: trace.csv
            step: 15s
          workload:
            name: deployment/web
            cpuRequest: "1"
            startupDelay: 30s
            terminationGrace: 0s
            queueTimeout: 0s
            initialReplicas: 2
          metrics: {lag: 0s, window: 0s}
          latency: {model: none}
          policies:
            - file: hpa.yaml

        """

    func testInstantaneousMetricsFollowTheHPASyncBySync() throws {
        let dir = try TempDir()
        try Self.traceCSV().write(to: dir.url.appendingPathComponent("trace.csv"), atomically: true, encoding: .utf8)
        try Self.hpa.write(to: dir.url.appendingPathComponent("hpa.yaml"), atomically: true, encoding: .utf8)
        try Self.scenario.write(to: dir.url.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)

        let validate = try CLI.run(["validate", "scenario.yaml"], in: dir.url)
        XCTAssertEqual(validate.status, 0, validate.stderr)

        let run = try CLI.run(["run", "scenario.yaml", "--out", "out", "--quiet"], in: dir.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        let text = try String(contentsOf: dir.url.appendingPathComponent("out/decisions-web.csv"), encoding: .utf8)
        let rows = text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", maxSplits: 3).map(String.init) }
        // Worked by hand from HPA.md (legacy path, tolerance 0.1, 5-minute scale-down window):
        // t4 (60 s): 2 pods, 3 cores demanded, 2 served → 100 % of 1-core requests → ceil(2 × 100/50) = 4.
        // t5: the 2 starting pods count as 0 % → 2 cores / 4 pods = 50 % → in band, stays 4.
        // t6 (90 s): 4 ready pods serve 3 cores → 75 % → ceil(4 × 1.5) = 6.
        // t20: 1 core over 6 pods → 16.7 % → ceil(6 × 0.333) = 2, held by stabilization until
        //      the last recommendation of 6 (t19 = 285 s) is 300 s old: t39 = 585 s.
        let start = 1_767_225_600
        XCTAssertEqual(rows.map { $0[0] }, ["\(start + 60)", "\(start + 90)", "\(start + 585)"], text)
        XCTAssertEqual(rows.map { $0[2] }, ["4", "6", "2"], text)
        XCTAssertEqual(rows.map { $0[1] }, ["2", "4", "6"], text)
    }

    /// With the default pipeline (30 s window, 15 s lag) the same trace scales later: the
    /// window really is 0 above, not silently replaced by the default.
    func testDefaultWindowScalesLater() throws {
        let dir = try TempDir()
        try Self.traceCSV().write(to: dir.url.appendingPathComponent("trace.csv"), atomically: true, encoding: .utf8)
        try Self.hpa.write(to: dir.url.appendingPathComponent("hpa.yaml"), atomically: true, encoding: .utf8)
        let text = Self.scenario.replacingOccurrences(of: "  metrics: {lag: 0s, window: 0s}\n", with: "")
        try text.write(to: dir.url.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["run", "scenario.yaml", "--out", "out", "--quiet"], in: dir.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        let decisions = try String(contentsOf: dir.url.appendingPathComponent("out/decisions-web.csv"), encoding: .utf8)
        let first = decisions.split(separator: "\n").dropFirst().first.map { $0.split(separator: ",")[0] }
        XCTAssertNotEqual(first.map(String.init), "\(1_767_225_600 + 60)", decisions)
    }

    /// A negative window is still refused, naming the field.
    func testNegativeWindowIsRefused() throws {
        let dir = try TempDir()
        try Self.traceCSV().write(to: dir.url.appendingPathComponent("trace.csv"), atomically: true, encoding: .utf8)
        try Self.hpa.write(to: dir.url.appendingPathComponent("hpa.yaml"), atomically: true, encoding: .utf8)
        let text = Self.scenario.replacingOccurrences(of: "window: 0s", with: "window: -5s")
        try text.write(to: dir.url.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["validate", "scenario.yaml"], in: dir.url)
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("scenario.yaml:16:30: spec.metrics.window"), run.stderr)
    }
}
