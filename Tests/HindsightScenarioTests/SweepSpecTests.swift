import HindsightTestSupport
import XCTest
import HindsightTrace
@testable import HindsightScenario

/// `spec.sweep` as loaded, its grid, and the policy file a sweep patches.
final class SweepSpecTests: XCTestCase {
    static let hpa = """
        # the checkout HPA
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: web-hpa
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
                  averageUtilization: 60
          behavior:
            scaleUp:
              selectPolicy: Max

        """

    /// A scenario with `sweep` as its sweep block lines (indented under `sweep:`).
    func scenario(_ sweep: [String], in dir: TempDir) throws -> String {
        _ = try dir.write("hpa.yaml", Self.hpa)
        _ = try dir.write("trace.csv", "timestamp,rps\n0,10\n15,12\n")
        let text = """
            apiVersion: hindsight/v1
            kind: Scenario
            metadata: {name: s}
            spec:
              trace: {file: trace.csv, step: 15s}
              workload: {cpuRequest: 500m}
              policies:
                - file: hpa.yaml
              sweep:
                policy: hpa.yaml
            \(sweep.map { "    " + $0 }.joined(separator: "\n"))

            """
        return try dir.write("scenario.yaml", text)
    }

    func testStringsNumbersAndDecimalRangesAsWritten() throws {
        let dir = try TempDir()
        let path = try scenario([
            "parameters:",
            "  spec.behavior.scaleUp.selectPolicy: [Max, Min]",
            "  spec.metrics[0].resource.target.averageUtilization: {from: 0.5, to: 1.25, step: 0.25}",
            "minimize: replicas",
        ], in: dir)
        let spec = try XCTUnwrap(ScenarioLoader.load(path: path).sweep)
        XCTAssertEqual(spec.parameters[0].values, .list([.text("Max"), .text("Min")]))
        XCTAssertEqual(spec.parameters[1].values, .range(from: 0.5, to: 1.25, step: 0.25, decimals: 2))
        XCTAssertEqual(spec.parameters[1].location?.line, 13)
        XCTAssertEqual(spec.minimize, .replicas)
        let grid = try spec.grid()
        XCTAssertEqual(grid.count, 8)
        XCTAssertEqual(grid.parameters[1].values, [.number(0.5), .number(0.75), .number(1), .number(1.25)])
        // itertools order: the first parameter varies slowest.
        XCTAssertEqual(grid.values(at: 5), [.text("Min"), .number(0.75)])
    }

    func testGridOverAMillionPointsIsAnErrorAtTheSweep() throws {
        let dir = try TempDir()
        let path = try scenario([
            "parameters:",
            "  spec.minReplicas: {from: 1, to: 1000, step: 1}",
            "  spec.maxReplicas: {from: 1, to: 1001, step: 1}",
        ], in: dir)
        let spec = try XCTUnwrap(ScenarioLoader.load(path: path).sweep)
        XCTAssertThrowsError(try spec.grid()) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(path):10:5: spec.sweep: the grid has 1001000 points"), "\(error)")
        }
        // A sample of the big grid is fine; a sample over the limit is not.
        XCTAssertEqual(try spec.grid(sample: 10).count, 1_001_000)
        XCTAssertThrowsError(try spec.grid(sample: 1_000_001)) { error in
            XCTAssertTrue("\(error)".contains("--sample 1000001"), "\(error)")
        }
    }

    func testWrongTypeIsReportedAtTheParameter() throws {
        let dir = try TempDir()
        let path = try scenario([
            "parameters:",
            "  spec.maxReplicas: [20, 30]",
            "  spec.behavior.scaleUp.selectPolicy: [Max, 3]",
        ], in: dir)
        let spec = try XCTUnwrap(ScenarioLoader.load(path: path).sweep)
        let target = try SweepTarget(spec: spec)
        XCTAssertThrowsError(try target.validate(spec.grid())) { error in
            let text = "\(error)"
            // Line 13 col 7 of the scenario; the policy's scalar (line 19, col 21) named too.
            XCTAssertTrue(text.hasPrefix("\(path):13:7: spec.sweep.parameters: value '3' for spec.behavior.scaleUp.selectPolicy"), text)
            XCTAssertTrue(text.contains("hpa.yaml:19:21"), text)
        }
    }

    func testPointPolicyIsTheFileWithTheValuesWrittenIn() throws {
        let dir = try TempDir()
        let path = try scenario([
            "parameters:",
            "  spec.metrics[0].resource.target.averageUtilization: [50, 75]",
            "  spec.maxReplicas: [20, 12]",
        ], in: dir)
        let spec = try XCTUnwrap(ScenarioLoader.load(path: path).sweep)
        let target = try SweepTarget(spec: spec)
        let grid = try spec.grid()
        try target.validate(grid)
        XCTAssertEqual(target.currentValues, ["60", "20"])
        let patched = String(decoding: try target.patched(grid.values(at: 3)), as: UTF8.self)
        XCTAssertEqual(patched, Self.hpa.replacingOccurrences(of: "averageUtilization: 60", with: "averageUtilization: 75")
                                         .replacingOccurrences(of: "maxReplicas: 20", with: "maxReplicas: 12"))
        let policy = try target.policy(grid.values(at: 3))
        XCTAssertEqual(policy.name, "web-hpa")
        guard case .hpa(let h) = policy.kind else { return XCTFail("not an HPA: \(policy.kind)") }
        XCTAssertEqual(h.maxReplicas, 12)
        // Point 0 keeps maxReplicas at 20: the minimal patch leaves that scalar's bytes alone.
        let minimal = String(decoding: try target.minimallyPatched([.number(50), .number(20)]), as: UTF8.self)
        XCTAssertEqual(minimal, Self.hpa.replacingOccurrences(of: "averageUtilization: 60", with: "averageUtilization: 50"))
        XCTAssertEqual(try target.minimallyPatched([.number(60), .number(20)]), target.bytes)
    }
}
