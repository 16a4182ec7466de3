import HindsightTestSupport
import Foundation
import XCTest

/// A small world for `sweep`, `tune` and `merge`: the quarter-day trace of `RunFixture`,
/// an HPA written the way people write them (comments, quoting, flow style), and a
/// scenario whose `spec.sweep` varies its target, scale-down window and selectPolicy.
final class SweepFixture {
    let run: RunFixture
    /// The policy file the sweep edits.
    let policyPath: String
    /// The scenario with the sweep block.
    let scenarioPath: String
    let scenarioText: String

    /// The policy's text: 8 sweep points (2 targets × 2 windows × 2 select policies).
    static let policy = """
        # web HPA: owned by team-web ("do not edit by hand" — but tune may)
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web-hpa}   # flow style
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          minReplicas: 2
          maxReplicas: 20
          metrics:
            - type: Resource
              resource:
                name: cpu
                target:
                  type: Utilization
                  averageUtilization: 60   # percent of the request
          behavior:
            scaleDown:
              stabilizationWindowSeconds: '300'
            scaleUp:
              selectPolicy: "Max"

        """

    /// The sweep block, as lines of the scenario (under `spec:`).
    static func sweep(_ parameters: [String], constraint: String, minimize: String) -> String {
        (["  sweep:", "    policy: hpa.yaml", "    parameters:"] + parameters.map { "      " + $0 }
            + ["    constraints:", "      sloViolationFraction: {max: \(constraint)}", "    minimize: \(minimize)"])
            .joined(separator: "\n") + "\n"
    }

    static let parameters = [
        "spec.metrics[0].resource.target.averageUtilization: [50, 70]",
        "spec.behavior.scaleDown.stabilizationWindowSeconds: {from: 0, to: 300, step: 300}",
        "spec.behavior.scaleUp.selectPolicy: [Max, Min]",
    ]

    init(parameters: [String] = SweepFixture.parameters, constraint: String = "0.5", minimize: String = "cost",
         policy: String = SweepFixture.policy) throws {
        run = try RunFixture()
        policyPath = try run.dir.write("hpa.yaml", policy)
        // `policies:` is the scenario's last key: the sweep block follows it.
        scenarioText = RunFixture.scenario(name: "tiny", policies: ["- file: hpa.yaml"])
            + Self.sweep(parameters, constraint: constraint, minimize: minimize)
        scenarioPath = try run.dir.write("sweep.yaml", scenarioText)
    }

    var dir: TempDir { run.dir }

    /// `hindsight ARGS` in the fixture's folder.
    func cli(_ arguments: [String], environment: [String: String] = [:]) throws -> CLIResult {
        try CLI.run(arguments, in: dir.url, environment: environment)
    }
}
