import Foundation
import HindsightTestSupport
import XCTest

/// HPA.md Corrections 7: an HPA with `minReplicas: 0` is valid only with the
/// `HPAScaleToZero` feature gate, as the API server decides; without it hindsight refuses
/// the manifest (exit 2) in `validate`, `run` and `check`, naming the gate.
final class ScaleToZeroGateTests: XCTestCase {
    static let hpaToZero = """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: web-zero}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
          minReplicas: 0
          maxReplicas: 20
          metrics:
            - type: External
              external:
                metric: {name: rps}
                target: {type: AverageValue, averageValue: "100"}

        """

    func fixture(gate: Bool) throws -> RunFixture {
        let f = try RunFixture()
        _ = try f.dir.write("zero.yaml", Self.hpaToZero)
        var text = RunFixture.scenario(policies: ["- file: zero.yaml"])
        if gate { text = text.replacingOccurrences(of: "  latency:\n", with: "  kubernetes: {featureGates: {HPAScaleToZero: true}}\n  latency:\n") }
        text += "  budgets: {sloViolationFraction: {maxIncrease: 1}}\n"
        _ = try f.dir.write("scenario.yaml", text)
        return f
    }

    func testWithoutTheGateEveryCommandRefuses() throws {
        let f = try fixture(gate: false)
        let validate = try CLI.run(["validate", f.scenarioPath])
        XCTAssertEqual(validate.status, 2, validate.stderr)
        XCTAssertTrue(validate.stderr.contains("zero.yaml:3:18: HorizontalPodAutoscaler 'web-zero': spec.minReplicas 0 needs the HPAScaleToZero feature gate"), validate.stderr)
        XCTAssertTrue(validate.stderr.contains("spec.kubernetes.featureGates: {HPAScaleToZero: true}"), validate.stderr)
        let (run, _) = try f.run("out")
        XCTAssertEqual(run.status, 2, run.stderr)
        // check loads the candidate on its own: the simulator applies the same rule.
        let plain = try f.dir.write("plain.yaml", RunFixture.scenario(policies: ["- observed"])
                                    + "  budgets: {sloViolationFraction: {maxIncrease: 1}}\n")
        let check = try CLI.run(["check", plain, "--baseline", f.dir.path("hpa.yaml"), "--candidate", f.dir.path("zero.yaml"),
                                 "--out", f.dir.path("check"), "--no-history"])
        XCTAssertEqual(check.status, 2, check.stderr)
        XCTAssertTrue(check.stderr.contains("needs the HPAScaleToZero feature gate"), check.stderr)
    }

    func testWithTheGateTheHPARunsAndMayReachZero() throws {
        let f = try fixture(gate: true)
        let validate = try CLI.run(["validate", f.scenarioPath])
        XCTAssertEqual(validate.status, 0, validate.stderr)
        let (run, out) = try f.run("out", ["--quiet", "--no-history"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out + "/decisions-web-zero.csv"))
    }
}
