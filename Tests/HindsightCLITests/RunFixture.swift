import HindsightTestSupport
import Foundation
import XCTest

/// A small world for `hindsight run`: a quarter-day trace made by `hindsight generate`
/// (1,440 steps of 15 s), an HPA and a scenario whose workload is the generator's, so
/// replaying `observed` must reproduce the recorded latency.
final class RunFixture {
    /// The folder holding everything (removed when the fixture is released).
    let dir: TempDir
    /// trace.csv: `generate --pattern diurnal --days 0.25 --step 15s --seed 11`.
    let tracePath: String
    /// scenario.yaml: observed, static 4, the HPA `web-hpa`.
    let scenarioPath: String
    /// The text of scenario.yaml.
    let scenarioText: String

    /// Steps in the trace: 0.25 day at 15 s.
    static let steps = 1_440
    /// First timestamp of a generated trace: 2026-01-01T00:00:00Z.
    static let start: Int64 = 1_767_225_600
    /// Policy file names of the scenario, in scenario order.
    static let policies = ["observed", "static-4", "web-hpa"]

    static let hpa = """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: web-hpa
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: web
          minReplicas: 2
          maxReplicas: 20
          metrics:
            - type: Resource
              resource:
                name: cpu
                target:
                  type: Utilization
                  averageUtilization: 60

        """

    /// A scenario over `trace` (a path relative to the scenario file) with `policies` lines.
    static func scenario(name: String = "small", trace: String = "file: trace.csv",
                         policies: [String] = ["- observed", "- static: {replicas: 4}", "- file: hpa.yaml"]) -> String {
        """
        apiVersion: hindsight/v1
        kind: Scenario
        metadata:
          name: \(name)
        spec:
          trace:
            \(trace)
            step: 15s
          workload:
            name: deployment/web
            cpuRequest: 500m
            memoryRequest: 1Gi
            podCapacity: 120
            cpuModel: perRequest        # how the generator made the trace
            startupDelay: 45s
            queueTimeout: 30s
          latency:
            model: mmc
            serviceTime: 25ms
          slo:
            latencyP99: 200ms
            objective: "99.5%"
          cost:
            model: resources
            cpuHour: 0.031611
            memoryGiBHour: 0.004237
          carbon:
            provider: aws
            intensity: 379
          policies:
        \(policies.map { "    " + $0 }.joined(separator: "\n"))

        """
    }

    init() throws {
        dir = try TempDir()
        tracePath = dir.path("trace.csv")
        let generated = try CLI.run(["generate", "--pattern", "diurnal", "--days", "0.25", "--step", "15s",
                                     "--seed", "11", "--out", tracePath])
        guard generated.status == 0 else {
            throw FixtureError("generate failed (\(generated.status)): \(generated.stderr)")
        }
        try dir.write("hpa.yaml", Self.hpa)
        scenarioText = Self.scenario()
        scenarioPath = try dir.write("scenario.yaml", scenarioText)
    }

    /// Runs the scenario into a fresh folder `name` inside the fixture (absolute `--out`).
    func run(_ name: String, _ extra: [String] = [], scenario: String? = nil) throws -> (CLIResult, String) {
        let out = dir.path(name)
        let result = try CLI.run(["run", scenario ?? scenarioPath, "--out", out] + extra)
        return (result, out)
    }

    /// Every file of `folder` with its bytes, by name.
    static func contents(of folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(name))
        }
        return files
    }
}

/// A fixture could not be built.
struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
