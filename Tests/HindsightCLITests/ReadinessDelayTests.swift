import Foundation
import HindsightTestSupport
import XCTest

/// `spec.workload.readinessDelay` (HPA.md, Corrections 8) through the binary: new pods are
/// Pending for `startupDelay − readinessDelay`, then Running but not Ready; a Pods metric
/// counts a Running pod's 0 like a ready pod's value, so a load drop scales down one sync
/// earlier than with Pending pods.
final class ReadinessDelayTests: XCTestCase {
    static let start = 1_767_225_600

    /// rps 400 at t = 0, then 200 for 2 minutes (steps of 15 s).
    static func traceCSV() -> String {
        var rows = ["timestamp,rps"]
        for i in 0..<9 { rows.append("\(start + 15 * i),\(i == 0 ? 400 : 200)") }
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
            - type: Pods
              pods:
                metric: {name: rps}
                target: {type: AverageValue, averageValue: "100"}
          behavior:
            scaleDown: {stabilizationWindowSeconds: 0}

        """

    static func scenario(readiness: String?, startup: String = "30s", kubernetes: String = "") -> String {
        """
        apiVersion: hindsight/v1
        kind: Scenario
        metadata:
          name: readiness
        spec:
          trace:
            file: trace.csv
            step: 15s
          workload:
            name: deployment/web
            cpuRequest: "1"
            podCapacity: 1000
            startupDelay: \(startup)
        \(readiness.map { "    readinessDelay: \($0)\n" } ?? "")    initialReplicas: 2
          metrics: {lag: 0s, window: 0s}
        \(kubernetes)  latency: {model: none}
          policies:
            - file: hpa.yaml

        """
    }

    private func decisions(readiness: String?, startup: String = "30s", kubernetes: String = "") throws -> [[String]] {
        let dir = try TempDir()
        try Self.traceCSV().write(to: dir.url.appendingPathComponent("trace.csv"), atomically: true, encoding: .utf8)
        try Self.hpa.write(to: dir.url.appendingPathComponent("hpa.yaml"), atomically: true, encoding: .utf8)
        try Self.scenario(readiness: readiness, startup: startup, kubernetes: kubernetes).write(to: dir.url.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["run", "scenario.yaml", "--out", "out", "--quiet", "--no-history"], in: dir.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        let text = try String(contentsOf: dir.url.appendingPathComponent("out/decisions-web.csv"), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", maxSplits: 3).map(String.init) }
    }

    func testRunningPodsCountForAPodsMetric() throws {
        // Worked by hand (HPA.md §2, §3, §7; lag and window 0, behavior with a 0 s scale-down window):
        // t = 0: 400 rps over 2 ready pods = 200 each vs 100 → ceil(2 × 2) = 4 (up limit max(+4, ×2) = 6).
        //        Pods 2 and 3: Pending until 10 s, Running until 30 s, Ready at 30 s.
        // t = 15 s: 200 rps over the 2 ready pods = 100 each; pods 2, 3 Running with a sample
        //        of 0 (no traffic) count like ready pods: 200 / 4 = 50 → ceil(0.5 × 4) = 2;
        //        down limit trunc(4 × 0) → min 1, so 2.
        // t = 30 s on: 2 ready pods at 100 → ratio 1 → stays 2.
        let rows = try decisions(readiness: "20s")
        XCTAssertEqual(rows.map { $0[0] }, ["\(Self.start)", "\(Self.start + 15)"])
        XCTAssertEqual(rows.map { $0[1] }, ["2", "4"])
        XCTAssertEqual(rows.map { $0[2] }, ["4", "2"])
    }

    func testWithoutReadinessDelayPodsArePendingUntilReady() throws {
        // t = 15 s: pods 2, 3 Pending → unready; 2 ready at 100 → ratio 1 → 4 held.
        // t = 30 s: 4 ready pods, 200 / 4 = 50 → ceil(0.5 × 4) = 2.
        let rows = try decisions(readiness: nil)
        XCTAssertEqual(rows.map { $0[0] }, ["\(Self.start)", "\(Self.start + 30)"])
        XCTAssertEqual(rows.map { $0[2] }, ["4", "2"])
    }

    func testTheREADMEExample() throws {
        // README: startupDelay 45s, readinessDelay 15s (30 s Pending), with the kubernetes
        // flags at their documented defaults. Pods 2, 3 (created at t = 0) are Pending at
        // 15 s → unready, 2 ready at 100 → ratio 1 → 4 held; Running at 30 s with a sample
        // of 0 → 200 / 4 = 50 → 2.
        let rows = try decisions(readiness: "15s", startup: "45s",
                                 kubernetes: "  kubernetes: {cpuInitializationPeriod: 5m, initialReadinessDelay: 30s}\n")
        XCTAssertEqual(rows.map { $0[0] }, ["\(Self.start)", "\(Self.start + 30)"])
        XCTAssertEqual(rows.map { $0[2] }, ["4", "2"])
        // Without it they are Pending until Ready at 45 s, when 200 / 4 = 50 → 2.
        let pending = try decisions(readiness: nil, startup: "45s")
        XCTAssertEqual(pending.map { $0[0] }, ["\(Self.start)", "\(Self.start + 45)"])
    }

    func testReadinessLongerThanStartupIsRefused() throws {
        let dir = try TempDir()
        try Self.traceCSV().write(to: dir.url.appendingPathComponent("trace.csv"), atomically: true, encoding: .utf8)
        try Self.hpa.write(to: dir.url.appendingPathComponent("hpa.yaml"), atomically: true, encoding: .utf8)
        try Self.scenario(readiness: "45s").write(to: dir.url.appendingPathComponent("scenario.yaml"), atomically: true, encoding: .utf8)
        let run = try CLI.run(["validate", "scenario.yaml"], in: dir.url)
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("scenario.yaml:14:"), run.stderr)
        XCTAssertTrue(run.stderr.contains("readinessDelay 45 s is longer than startupDelay 30 s"), run.stderr)
    }
}
