import Foundation
import HindsightTestSupport
import XCTest

/// HPA.md Corrections 1–4 through the built binary, with the configurations of issue #10
/// written as a user writes them: threshold 2.5 with fallback 5, threshold 0.5,
/// `failureThreshold: 1` on a healthy series, `fallback.replicas: 0`, and
/// `ignoreNullValues: "false"`; plus a gap read as 0 by default. Every expected decision
/// below is worked by hand from HPA.md §6, §10 and the Corrections.
final class KEDAFidelityCLITests: XCTestCase {
    static let start = 1_767_225_600

    /// A ScaledObject on the prometheus query `series` (a trace column).
    static func scaledObject(_ name: String, series: String, threshold: String, min: Int = 1, max: Int = 20, cooldown: Int = 300,
                             fallback: String? = nil, ignoreNull: String? = nil) -> String {
        """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: \(name)}
        spec:
          scaleTargetRef: {name: web}
          pollingInterval: 30
          cooldownPeriod: \(cooldown)
          minReplicaCount: \(min)
          maxReplicaCount: \(max)
        \(fallback.map { "  fallback: \($0)\n" } ?? "")  triggers:
            - type: prometheus
              metadata:
                serverAddress: http://prometheus:9090
                query: \(series)
                threshold: "\(threshold)"
        \(ignoreNull.map { "        ignoreNullValues: \"\($0)\"\n" } ?? "")
        """
    }

    static func scenario(name: String, metrics: String, columns: String = "", policies: [String]) -> String {
        """
        apiVersion: hindsight/v1
        kind: Scenario
        metadata: {name: \(name)}
        spec:
          trace:
            file: trace.csv
        \(columns)    step: 15s
          workload:
            name: deployment/web
            cpuRequest: "1"
            podCapacity: 1000
            startupDelay: 30s
            terminationGrace: 0s
            queueTimeout: 0s
            initialReplicas: 2
        \(metrics)  latency: {model: none}
          policies:
        \(policies.map { "    - file: \($0).yaml" }.joined(separator: "\n"))

        """
    }

    /// Runs `scenario.yaml` of `dir`; returns (time − start in s, from, to) per decision, by policy.
    static func run(_ dir: TempDir, policies: [String]) throws -> [String: [[Int]]] {
        let run = try CLI.run(["run", "scenario.yaml", "--out", "out", "--quiet", "--no-history"], in: dir.url)
        XCTAssertEqual(run.status, 0, run.stderr)
        var out: [String: [[Int]]] = [:]
        for p in policies {
            let text = try String(contentsOf: dir.url.appendingPathComponent("out/decisions-\(p).csv"), encoding: .utf8)
            out[p] = text.split(separator: "\n").dropFirst().map { line in
                let f = line.split(separator: ",", maxSplits: 3).map(String.init)
                return [(Int(f[0]) ?? -1) - start, Int(f[1]) ?? -1, Int(f[2]) ?? -1]
            }
        }
        return out
    }

    /// Instantaneous metrics (lag 0, window 0), 60 steps of 15 s; five series:
    /// s1 = 5 before t = 300 s then a gap; s2 = 1 then a gap; s3 = 5 before 150 s then a
    /// gap; s4 = 0, a gap over [150, 450), then 0; s5 = 5 before 300 s then a gap.
    func testFallbackAndEmptyResultsEndToEnd() throws {
        let dir = try TempDir()
        var rows = ["timestamp,rps,s1,s2,s3,s4,s5"]
        for i in 0..<60 {
            let t = 15 * i
            let s1 = t < 300 ? "5" : "", s2 = t < 300 ? "1" : "", s3 = t < 150 ? "5" : ""
            let s4 = (t >= 150 && t < 450) ? "" : "0", s5 = t < 300 ? "5" : ""
            rows.append("\(Self.start + t),100,\(s1),\(s2),\(s3),\(s4),\(s5)")
        }
        try dir.write("trace.csv", rows.joined(separator: "\n") + "\n")
        try dir.write("thr25.yaml", Self.scaledObject("thr25", series: "s1", threshold: "2.5",
                                                      fallback: "{failureThreshold: 0, replicas: 5}", ignoreNull: "false"))
        try dir.write("thr05.yaml", Self.scaledObject("thr05", series: "s2", threshold: "0.5",
                                                      fallback: "{failureThreshold: 0, replicas: 3}", ignoreNull: "false"))
        try dir.write("fb0.yaml", Self.scaledObject("fb0", series: "s3", threshold: "2.5", min: 0, cooldown: 120,
                                                    fallback: "{failureThreshold: 0, replicas: 0}", ignoreNull: "false"))
        try dir.write("outage.yaml", Self.scaledObject("outage", series: "s4", threshold: "2.5", min: 0, cooldown: 120,
                                                       fallback: "{failureThreshold: 0, replicas: 2}", ignoreNull: "false"))
        try dir.write("gap.yaml", Self.scaledObject("gap", series: "s5", threshold: "2.5", min: 0, cooldown: 120))
        let names = ["thr25", "thr05", "fb0", "outage", "gap"]
        try dir.write("scenario.yaml", Self.scenario(name: "keda-fidelity", metrics: "  metrics: {lag: 0s, window: 0s}\n",
                                                     columns: "    columns: {s1: s1, s2: s2, s3: s3, s4: s4, s5: s5}\n", policies: names))
        let d = try Self.run(dir, policies: names)

        // thr25: 5 / (2.5 × 2) = 1 → 2 until the gap. t300: the poll and the sync each count a
        // failure (2 > 0) → fallback 2 500 m × 5 = 12 500 m → 12 500 / 2 500 = 5, legacy limit
        // max(2·2, 4) = 4; t315: 12 500 / (2 500 × 4) = 1.25 → 5. (Truncating the target to 2
        // gave 10 000 m: 4, then exactly 1.0 → stuck at 4.)
        XCTAssertEqual(d["thr25"], [[300, 2, 4], [315, 4, 5]])
        // thr05: 1 / (0.5 × 2) = 1 → 2. t300: 500 m × 3 = 1 500 m → 1 500 / (500 × 2) = 1.5 →
        // ceil(1 500 / 500) = 3. (Truncating 0.5 to 0 gave 0 → down to 1 after stabilization.)
        XCTAssertEqual(d["thr05"], [[300, 2, 3]])
        // fb0 (min 0, cooldown 120): active polls up to t120. t150 the gap is a failure beyond
        // the threshold with fallback.replicas 0 → inactive and error-free → zero on the first
        // poll with 120 + 120 < t: t270. (Before: an error, frozen until the HPA's own 1.)
        XCTAssertEqual(d["fb0"], [[270, 2, 0]])
        // outage (min 0, cooldown 120): s4 = 0 is inactive and never active → zero at t30
        // (creation + initialCooldown 0 < 30). t150: in fallback → active → 0 → 1, and the
        // sync at t150: 2 × 2 500 m / (2 500 × 1) = 2 → 2. Polls t180…t420 are in fallback and
        // refresh lastActiveTime; s4 = 0 again from t450 → zero at the first poll with
        // 420 + 120 < t: t570. (Before: a failing scaler never activated from zero.)
        XCTAssertEqual(d["outage"], [[30, 2, 0], [150, 0, 1], [150, 1, 2], [570, 2, 0]])
        // gap (ignoreNullValues default true): 5 / 5 = 1 → 2, last active poll t270. From t300
        // the gap reads 0, inactive → zero at the first poll with 270 + 120 < t: t420; the
        // HPA's 5-minute window holds 2 until then. (Before: a gap froze the fleet at 2.)
        XCTAssertEqual(d["gap"], [[420, 2, 0]])
    }

    /// The default pipeline (lag 15 s, window 30 s): no value at t0 and t15 (warm-up), which
    /// must not count as a failure under `failureThreshold: 1`. rps = 200 for t < 300 s, 400
    /// after; threshold 100; 2 replicas.
    func testWarmUpIsNotAFailure() throws {
        let dir = try TempDir()
        var rows = ["timestamp,rps"]
        for i in 0..<60 { rows.append("\(Self.start + 15 * i),\(i < 20 ? 200 : 400)") }
        try dir.write("trace.csv", rows.joined(separator: "\n") + "\n")
        try dir.write("warm.yaml", Self.scaledObject("warm", series: "rps", threshold: "100", max: 10,
                                                     fallback: "{failureThreshold: 1, replicas: 10}"))
        try dir.write("scenario.yaml", Self.scenario(name: "keda-warm-up", metrics: "", policies: ["warm"]))
        let d = try Self.run(dir, policies: ["warm"])
        // Mean over [t − 45, t − 15): 200 / (100 × 2) = 1 → 2 until t330, whose window
        // [285, 315) holds 200 and 400 halves → 300 → ceil(3) = 3; t345: 400 / (100 × 3) →
        // ceil(4) = 4. (Before: t0 and t15 were failures → fallback 10 → 4, 8.)
        XCTAssertEqual(d["warm"], [[330, 2, 3], [345, 3, 4]])
    }
}
