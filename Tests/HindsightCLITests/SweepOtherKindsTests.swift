import Foundation
import HindsightTestSupport
import XCTest

/// Issue 11's sweep paths for the other kinds, exactly as the issue writes them:
/// `spec.optimizationGoals[1].threshold` of an AIOptimizationPolicy and KEDA's
/// `triggers[0].metadata.threshold` (read under `spec`). Each point equals `hindsight run`
/// on the policy file edited by hand to that value.
final class SweepOtherKindsTests: XCTestCase {
    /// The package's demo trace and policies, copied so the test writes nothing in the tree.
    func world() throws -> TempDir {
        let dir = try TempDir()
        try dir.write("datasets/demo-web.csv", Data(contentsOf: URL(fileURLWithPath: PackageFolders.path("datasets/demo-web.csv"))))
        for name in ["hpa.yaml", "ai-optimization.yaml", "keda-scaledobject.yaml"] {
            try dir.write("scenarios/policies/" + name, Data(contentsOf: URL(fileURLWithPath: PackageFolders.path("scenarios/policies/" + name))))
        }
        return dir
    }

    /// Sweeps `path` over two values of `policy` in `scenario`, then runs the scenario with
    /// `policy` replaced by a copy where `original` became each value, and compares rows.
    func check(scenario: String, policy: String, path: String, values: [String], original: String,
               replacement: (String) -> String, policyName: String, column: String) throws {
        let dir = try world()
        let base = try String(contentsOfFile: PackageFolders.path("scenarios/\(scenario)"), encoding: .utf8)
        let withoutSweep = base.components(separatedBy: "\n  sweep:").first ?? base
        let sweep = "\n  sweep:\n    policy: policies/\(policy)\n    parameters:\n      \(path): [\(values.joined(separator: ", "))]\n    minimize: cost\n"
        try dir.write("scenarios/sweep.yaml", withoutSweep.trimmingCharacters(in: .newlines) + "\n" + sweep)
        let r = try CLI.run(["sweep", "scenarios/sweep.yaml", "--out", "s", "--no-history", "--quiet"], in: dir.url)
        XCTAssertEqual(r.status, 0, r.stderr)
        let (header, rows) = try readCSV(dir.path("s/sweep.csv"))
        XCTAssertEqual(Array(header.prefix(2)), ["point", column])
        XCTAssertEqual(rows.count, values.count)
        let policyText = try String(contentsOfFile: dir.path("scenarios/policies/\(policy)"), encoding: .utf8)
        XCTAssertTrue(policyText.contains(original), original)
        for (i, value) in values.enumerated() {
            // The file edited by hand, run on its own.
            try dir.write("scenarios/policies/point-\(i).yaml", policyText.replacingOccurrences(of: original, with: replacement(value)))
            let runScenario = withoutSweep.replacingOccurrences(of: "policies/\(policy)", with: "policies/point-\(i).yaml")
            try dir.write("scenarios/run-\(i).yaml", runScenario)
            let run = try CLI.run(["run", "scenarios/run-\(i).yaml", "--out", "r\(i)", "--no-history", "--quiet"], in: dir.url)
            XCTAssertEqual(run.status, 0, run.stderr)
            let (runHeader, runRows) = try readCSV(dir.path("r\(i)/summary.csv"))
            let p = try XCTUnwrap(runHeader.firstIndex(of: "policy"))
            let row = try XCTUnwrap(runRows.first { $0[p] == policyName })
            XCTAssertEqual(Array(header.dropFirst(2)), runHeader)
            XCTAssertEqual(Array(rows[i].dropFirst(2)), row, "point \(i)")
        }
        XCTAssertNotEqual(rows[0].dropFirst(2), rows[1].dropFirst(2), "the two values should change the outcome")
    }

    func testAIOptimizationGoalThreshold() throws {
        try check(scenario: "demo.yaml", policy: "ai-optimization.yaml", path: "spec.optimizationGoals[1].threshold",
                  values: ["\"150ms\"", "\"250ms\""], original: "threshold: \"200ms\"",
                  replacement: { "threshold: \($0)" }, policyName: "smart-resource-scaling",
                  column: "spec.optimizationGoals[1].threshold")
    }

    func testKEDATriggerThresholdWithoutSpecPrefix() throws {
        try check(scenario: "keda.yaml", policy: "keda-scaledobject.yaml", path: "triggers[0].metadata.threshold",
                  values: ["80", "120"], original: "threshold: \"100\"",
                  replacement: { "threshold: \"\($0)\"" }, policyName: "checkout-api-keda",
                  column: "spec.triggers[0].metadata.threshold")
    }
}
